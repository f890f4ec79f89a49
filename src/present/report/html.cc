#include "present/report/html.h"

#include <cmath>
#include <cstdio>
#include <variant>

#include "entente/svg_chart.h"

namespace entente::report {

std::string Esc(std::string_view text) {
  return svg::EscapeXml(text);
}

std::string Num(double value, int decimals) {
  if (!std::isfinite(value)) return "-";
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

namespace {

std::string CellHtml(const Cell& cell, int decimals) {
  if (std::holds_alternative<std::monostate>(cell)) return "-";
  if (const auto* i = std::get_if<std::int64_t>(&cell)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&cell)) return Num(*d, decimals);
  return Esc(std::get<std::string>(cell));
}

}  // namespace

std::string HtmlTable(const Table& table, int decimals) {
  std::string out = "<table>\n<thead><tr>";
  for (const auto& c : table.columns) out += "<th>" + Esc(c) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    out += "<tr>";
    for (const auto& cell : row) {
      const bool number =
          std::holds_alternative<std::int64_t>(cell) || std::holds_alternative<double>(cell);
      out += number ? "<td class=\"n\">" : "<td>";
      out += CellHtml(cell, decimals) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  return out;
}

std::string Link(std::string_view url, std::string_view text) {
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) return Esc(text);
  return "<a href=\"" + Esc(url) + "\">" + Esc(text) + "</a>";
}

std::string Figure(ReportContext& ctx, const std::string& id, const std::string& title,
                   const std::string& svg, const std::string& caption_html, Table data) {
  std::string out = "<figure id=\"fig-" + Esc(id) + "\">\n" + svg;
  out += "<figcaption>" + caption_html + " <span class=\"data-file\">Data: <code>" + Esc(id) +
         ".csv</code> (written with <code>--data-out DIR</code>).</span></figcaption>\n";
  out += "<details><summary>Values</summary>\n" + HtmlTable(data, 4) + "</details>\n</figure>\n";
  data.decimals = 6;
  ctx.charts.push_back({id, title, std::move(data)});
  return out;
}

std::string Note(const std::string& html) {
  return "<p class=\"note\">" + html + "</p>\n";
}

}  // namespace entente::report
