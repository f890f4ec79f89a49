// A timeline: one row per item (e.g. a military criterion), coloured spans of
// whole units (years) showing the item's state.
#include <algorithm>
#include <cmath>

#include "entente/svg_chart.h"
#include "present/svg/svg_frame.h"

namespace entente::svg {
namespace {

using internal::Coord;

constexpr double kRowHeight = 22;
constexpr double kBarHeight = 16;
constexpr double kRightMargin = 16;
constexpr double kBottomMargin = 42;
constexpr double kPixelsPerXTick = 70;

const TimelineState* FindState(const Timeline& chart, const std::string& id) {
  for (const auto& s : chart.states) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

std::string Years(int from, int to) {
  return from == to ? std::to_string(from) : std::to_string(from) + "-" + std::to_string(to);
}

}  // namespace

std::string RenderTimeline(const Timeline& chart) {
  std::vector<internal::LegendItem> legend;
  for (const auto& s : chart.states) legend.push_back({s.label, s.color, false, true});
  const double top = internal::HeaderHeight(legend, chart.width);
  const int height = static_cast<int>(
      std::ceil(top + kRowHeight * static_cast<double>(chart.rows.size()) + kBottomMargin));
  std::string out;
  internal::OpenSvg(out, chart.id, chart.width, height, chart.title);
  internal::WriteLegend(out, legend, chart.width);
  internal::PlotArea area{static_cast<double>(chart.label_width), top, chart.width - kRightMargin,
                          top + kRowHeight * static_cast<double>(chart.rows.size())};
  if (chart.rows.empty() || chart.x_max < chart.x_min) {
    internal::WriteNoData(out, {area.left, top, area.right, top + 40}, "nothing to show");
    internal::CloseSvg(out);
    return out;
  }
  // Each unit u covers [u, u + 1).
  const internal::LinearScale x{static_cast<double>(chart.x_min),
                                static_cast<double>(chart.x_max) + 1, area.left, area.right};
  const int target = std::max(1, static_cast<int>((area.right - area.left) / kPixelsPerXTick));
  const double step = std::max(1.0, internal::NiceTicks(chart.x_min, chart.x_max, target).step);
  std::vector<double> ticks;
  for (double v = std::ceil(chart.x_min / step) * step; v <= chart.x_max; v += step) {
    ticks.push_back(v);
  }
  internal::WriteXAxis(out, ticks, x, area, chart.x_label);

  for (std::size_t r = 0; r < chart.rows.size(); ++r) {
    const TimelineRow& row = chart.rows[r];
    const double y = top + kRowHeight * static_cast<double>(r);
    out += "<g class=\"row\" data-row=\"" + EscapeXml(row.label) + "\">\n";
    out += "<text x=\"" + Coord(area.left - 6) + "\" y=\"" + Coord(y + kRowHeight / 2 + 4) +
           "\" text-anchor=\"end\" fill=\"#222222\">" + EscapeXml(row.label) + "</text>\n";
    for (const TimelineSpan& span : row.spans) {
      const int from = std::max(span.from, chart.x_min);
      const int to = std::min(span.to, chart.x_max);
      if (from > to) continue;
      const TimelineState* state = FindState(chart, span.state);
      const std::string color = state ? state->color : "#bbbbbb";
      const double x0 = x(from);
      const double x1 = x(to + 1);
      out += "<rect class=\"span\" data-state=\"" + EscapeXml(span.state) + "\" data-from=\"" +
             std::to_string(from) + "\" data-to=\"" + std::to_string(to) + "\" x=\"" + Coord(x0) +
             "\" y=\"" + Coord(y + (kRowHeight - kBarHeight) / 2) + "\" width=\"" +
             Coord(std::max(0.5, x1 - x0)) + "\" height=\"" + Coord(kBarHeight) + "\" fill=\"" +
             color + "\"><title>" + EscapeXml(row.label) + ", " + Years(from, to) + ": " +
             EscapeXml(state ? state->label : span.state) +
             (span.note.empty() ? "" : " - " + EscapeXml(span.note)) + "</title></rect>\n";
    }
    out += "</g>\n";
  }
  internal::CloseSvg(out);
  return out;
}

}  // namespace entente::svg
