#include "present/svg/svg_frame.h"

#include <cmath>

#include "entente/svg_chart.h"

namespace entente::svg::internal {
namespace {

constexpr double kTitleBaseline = 20;
constexpr double kLegendTop = 32;
constexpr double kLegendRowHeight = 18;
constexpr double kLegendSwatch = 22;
constexpr double kLegendCharWidth = 6.5;  // an estimate for 11px sans-serif
constexpr double kLegendGap = 18;
constexpr double kSideMargin = 12;

// Legend rows: indices of the items on each row, wrapped to the width.
std::vector<std::vector<std::size_t>> LegendRows(const std::vector<LegendItem>& items, int width) {
  std::vector<std::vector<std::size_t>> rows;
  double x = kSideMargin;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const double item_width =
        kLegendSwatch + 4 + kLegendCharWidth * static_cast<double>(items[i].name.size());
    if (rows.empty() || (x + item_width > width - kSideMargin && !rows.back().empty())) {
      rows.emplace_back();
      x = kSideMargin;
    }
    rows.back().push_back(i);
    x += item_width + kLegendGap;
  }
  return rows;
}

}  // namespace

double HeaderHeight(const std::vector<LegendItem>& items, int width) {
  const double rows = static_cast<double>(LegendRows(items, width).size());
  return kLegendTop + rows * kLegendRowHeight + 8;
}

void OpenSvg(std::string& out, const std::string& id, int width, int height,
             const std::string& title) {
  const std::string w = std::to_string(width);
  const std::string h = std::to_string(height);
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + EscapeXml(id) + "\" width=\"" + w +
         "\" height=\"" + h + "\" viewBox=\"0 0 " + w + " " + h +
         "\" role=\"img\" aria-labelledby=\"" + EscapeXml(id) +
         "-title\" font-family=\"sans-serif\" font-size=\"11\">\n";
  out += "<title id=\"" + EscapeXml(id) + "-title\">" + EscapeXml(title) + "</title>\n";
  out += "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"#ffffff\"/>\n";
  out += "<text x=\"" + Coord(kSideMargin) + "\" y=\"" + Coord(kTitleBaseline) +
         "\" font-size=\"14\" font-weight=\"bold\" fill=\"#222222\">" + EscapeXml(title) +
         "</text>\n";
}

void CloseSvg(std::string& out) {
  out += "</svg>\n";
}

void WriteLegend(std::string& out, const std::vector<LegendItem>& items, int width) {
  const auto rows = LegendRows(items, width);
  out += "<g class=\"legend\">\n";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    double x = kSideMargin;
    const double y = kLegendTop + static_cast<double>(r) * kLegendRowHeight + 8;
    for (std::size_t i : rows[r]) {
      const LegendItem& item = items[i];
      if (item.box) {
        out += "<rect x=\"" + Coord(x + 6) + "\" y=\"" + Coord(y - 5) +
               "\" width=\"10\" height=\"10\" fill=\"" + item.color + "\"/>";
      } else {
        out += "<line x1=\"" + Coord(x) + "\" y1=\"" + Coord(y) + "\" x2=\"" +
               Coord(x + kLegendSwatch) + "\" y2=\"" + Coord(y) + "\" stroke=\"" + item.color +
               "\" stroke-width=\"2.5\"" + (item.dashed ? " stroke-dasharray=\"5 3\"" : "") + "/>";
      }
      out += "<text x=\"" + Coord(x + kLegendSwatch + 4) + "\" y=\"" + Coord(y + 4) +
             "\" fill=\"#222222\">" + EscapeXml(item.name) + "</text>\n";
      x +=
          kLegendSwatch + 4 + kLegendCharWidth * static_cast<double>(item.name.size()) + kLegendGap;
    }
  }
  out += "</g>\n";
}

void WriteYAxis(std::string& out, const Ticks& ticks, const LinearScale& y, const PlotArea& area,
                int decimals, const std::string& label) {
  out += "<g class=\"y-axis\">\n";
  for (double v : ticks.values) {
    const std::string py = Coord(y(v));
    out += "<line x1=\"" + Coord(area.left) + "\" y1=\"" + py + "\" x2=\"" + Coord(area.right) +
           "\" y2=\"" + py + "\" stroke=\"#e3e3e3\"/>";
    out += "<text x=\"" + Coord(area.left - 6) + "\" y=\"" + Coord(y(v) + 4) +
           "\" text-anchor=\"end\" fill=\"#444444\">" + FixedLabel(v, decimals) + "</text>\n";
  }
  const double middle = (area.top + area.bottom) / 2;
  out += "<text transform=\"translate(14 " + Coord(middle) +
         ") rotate(-90)\" text-anchor=\"middle\" fill=\"#444444\">" + EscapeXml(label) +
         "</text>\n";
  out += "</g>\n";
}

void WriteXAxis(std::string& out, const std::vector<double>& ticks, const LinearScale& x,
                const PlotArea& area, const std::string& label) {
  out += "<g class=\"x-axis\">\n";
  out += "<line x1=\"" + Coord(area.left) + "\" y1=\"" + Coord(area.bottom) + "\" x2=\"" +
         Coord(area.right) + "\" y2=\"" + Coord(area.bottom) + "\" stroke=\"#888888\"/>\n";
  for (double v : ticks) {
    const std::string px = Coord(x(v));
    out += "<line x1=\"" + px + "\" y1=\"" + Coord(area.bottom) + "\" x2=\"" + px + "\" y2=\"" +
           Coord(area.bottom + 4) + "\" stroke=\"#888888\"/>";
    out += "<text x=\"" + px + "\" y=\"" + Coord(area.bottom + 16) +
           "\" text-anchor=\"middle\" fill=\"#444444\">" + FixedLabel(v, 0) + "</text>\n";
  }
  out += "<text x=\"" + Coord((area.left + area.right) / 2) + "\" y=\"" + Coord(area.bottom + 32) +
         "\" text-anchor=\"middle\" fill=\"#444444\">" + EscapeXml(label) + "</text>\n";
  out += "</g>\n";
}

void WriteNoData(std::string& out, const PlotArea& area, const std::string& text) {
  out += "<text class=\"no-data\" x=\"" + Coord((area.left + area.right) / 2) + "\" y=\"" +
         Coord((area.top + area.bottom) / 2) +
         "\" text-anchor=\"middle\" font-size=\"13\" fill=\"#777777\">" + EscapeXml(text) +
         "</text>\n";
}

}  // namespace entente::svg::internal
