// Grouped bar charts with a zero baseline; missing values marked "n/a".
#include <algorithm>
#include <cmath>
#include <limits>

#include "entente/svg_chart.h"
#include "present/svg/svg_frame.h"

namespace entente::svg {
namespace {

using internal::Coord;

constexpr double kLeftMargin = 62;
constexpr double kRightMargin = 16;
constexpr double kBottomMargin = 42;
constexpr double kGroupPadding = 0.25;  // share of a group's width left empty

}  // namespace

std::string RenderBarChart(const BarChart& chart) {
  std::vector<internal::LegendItem> legend;
  for (std::size_t k = 0; k < chart.series.size(); ++k) {
    legend.push_back({chart.series[k], PaletteColor(k), false, true});
  }
  // The range always holds 0: a bar is measured from the baseline.
  double lo = 0, hi = 0;
  bool any = false;
  for (const BarGroup& g : chart.groups) {
    for (double v : g.values) {
      if (!std::isfinite(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
      any = true;
    }
  }
  std::string out;
  internal::OpenSvg(out, chart.id, chart.width, chart.height, chart.title);
  internal::WriteLegend(out, legend, chart.width);
  const internal::PlotArea area{kLeftMargin, internal::HeaderHeight(legend, chart.width),
                                chart.width - kRightMargin, chart.height - kBottomMargin};
  if (!any || chart.groups.empty() || chart.series.empty()) {
    internal::WriteNoData(out, area, "no data");
    internal::CloseSvg(out);
    return out;
  }
  lo = chart.y_min.value_or(lo);
  hi = chart.y_max.value_or(hi);
  internal::Ticks ticks = internal::NiceTicks(lo, hi, 5);
  if (chart.y_min) ticks.lo = *chart.y_min;
  if (chart.y_max) ticks.hi = *chart.y_max;
  std::erase_if(ticks.values, [&](double v) { return v < ticks.lo - 1e-9 || v > ticks.hi + 1e-9; });
  const internal::LinearScale y{ticks.lo, ticks.hi, area.bottom, area.top};
  internal::WriteYAxis(out, ticks, y, area, chart.y_decimals, chart.y_label);

  const double group_width = (area.right - area.left) / static_cast<double>(chart.groups.size());
  const double bar_width =
      group_width * (1 - kGroupPadding) / static_cast<double>(chart.series.size());
  const double baseline = y(std::clamp(0.0, ticks.lo, ticks.hi));
  out += "<line x1=\"" + Coord(area.left) + "\" y1=\"" + Coord(baseline) + "\" x2=\"" +
         Coord(area.right) + "\" y2=\"" + Coord(baseline) + "\" stroke=\"#666666\"/>\n";
  for (std::size_t g = 0; g < chart.groups.size(); ++g) {
    const BarGroup& group = chart.groups[g];
    const double gx = area.left + group_width * static_cast<double>(g);
    out += "<g class=\"group\" data-group=\"" + EscapeXml(group.label) + "\">\n";
    out += "<text x=\"" + Coord(gx + group_width / 2) + "\" y=\"" + Coord(area.bottom + 16) +
           "\" text-anchor=\"middle\" fill=\"#222222\">" + EscapeXml(group.label) + "</text>\n";
    for (std::size_t k = 0; k < chart.series.size(); ++k) {
      const double bx = gx + group_width * kGroupPadding / 2 + bar_width * static_cast<double>(k);
      const double v =
          k < group.values.size() ? group.values[k] : std::numeric_limits<double>::quiet_NaN();
      const std::string who = EscapeXml(chart.series[k]) + ", " + EscapeXml(group.label);
      if (!std::isfinite(v)) {
        out += "<text class=\"missing\" data-series=\"" + EscapeXml(chart.series[k]) + "\" x=\"" +
               Coord(bx + bar_width / 2) + "\" y=\"" + Coord(baseline - 4) +
               "\" text-anchor=\"middle\" fill=\"#777777\">n/a<title>" + who +
               ": no data</title></text>\n";
        continue;
      }
      const double top = y(std::clamp(v, ticks.lo, ticks.hi));
      out += "<rect class=\"bar\" data-series=\"" + EscapeXml(chart.series[k]) +
             "\" data-value=\"" + ShortestNumber(v) + "\" x=\"" + Coord(bx) + "\" y=\"" +
             Coord(std::min(top, baseline)) + "\" width=\"" + Coord(bar_width) + "\" height=\"" +
             Coord(std::abs(baseline - top)) + "\" fill=\"" + PaletteColor(k) + "\"><title>" + who +
             ": " + internal::FixedLabel(v, std::max(chart.y_decimals, 3)) + "</title></rect>\n";
    }
    out += "</g>\n";
  }
  internal::CloseSvg(out);
  return out;
}

}  // namespace entente::svg
