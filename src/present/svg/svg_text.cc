// Text helpers of the SVG charts: escaping, the shortest round-trip number
// form, the palette.
#include <array>
#include <charconv>
#include <cmath>

#include "entente/svg_chart.h"

namespace entente::svg {

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // XML 1.0 has no way to write these; a browser would refuse the page.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

std::string ShortestNumber(double value) {
  if (std::isnan(value)) return "";
  if (value == 0) return "0";  // also -0
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (ec != std::errc()) return "";
  return std::string(buffer, end);
}

const std::string& PaletteColor(std::size_t index) {
  // Okabe & Ito (2008), "Color Universal Design": distinguishable with the
  // common colour-vision deficiencies; black last, yellow left out (too pale
  // on white).
  static const std::array<std::string, 8> kPalette = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                                      "#56B4E9", "#E69F00", "#000000", "#999999"};
  return kPalette[index % kPalette.size()];
}

}  // namespace entente::svg
