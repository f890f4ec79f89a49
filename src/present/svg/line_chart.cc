// Line and step charts with gaps at missing values.
#include <algorithm>
#include <cmath>
#include <limits>

#include "entente/svg_chart.h"
#include "present/svg/svg_frame.h"

namespace entente::svg {
namespace {

using internal::Coord;
using internal::LinearScale;
using internal::PlotArea;

constexpr double kLeftMargin = 62;
constexpr double kRightMargin = 16;
constexpr double kBottomMargin = 42;
constexpr double kPixelsPerXTick = 70;

struct Extent {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  bool empty() const { return lo > hi; }
  void Add(double v) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
};

// Whole-number ticks (years) inside [lo, hi], about one per kPixelsPerXTick.
std::vector<double> XTicks(double lo, double hi, double pixels) {
  const int target = std::max(1, static_cast<int>(pixels / kPixelsPerXTick));
  const double step = std::max(1.0, internal::NiceTicks(lo, hi, target).step);
  std::vector<double> ticks;
  for (double v = std::ceil(lo / step) * step; v <= hi + 1e-9; v += step) ticks.push_back(v);
  return ticks;
}

// The path of one series: a new subpath ("M") after every missing value, so
// a gap stays a gap.
std::string SeriesPath(const LineChart& chart, const Series& s, const LinearScale& x,
                       const LinearScale& y) {
  std::string d;
  bool drawing = false;
  double previous_x = 0;
  for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
    if (!std::isfinite(s.y[i]) || !std::isfinite(s.x[i])) {
      drawing = false;
      continue;
    }
    if (chart.step) {
      const bool touches = drawing && std::abs(s.x[i] - (previous_x + chart.step_width)) < 1e-9;
      d += touches ? "V" + Coord(y(s.y[i]))
                   : (d.empty() ? "M" : " M") + Coord(x(s.x[i])) + "," + Coord(y(s.y[i]));
      d += "H" + Coord(x(s.x[i] + chart.step_width));
    } else {
      d += (drawing ? "L" : (d.empty() ? "M" : " M")) + Coord(x(s.x[i])) + "," + Coord(y(s.y[i]));
    }
    drawing = true;
    previous_x = s.x[i];
  }
  return d;
}

void WritePoints(std::string& out, const LineChart& chart, const Series& s,
                 const std::string& color, const LinearScale& x, const LinearScale& y) {
  for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
    if (!std::isfinite(s.y[i]) || !std::isfinite(s.x[i])) continue;
    out += "<circle class=\"point\" data-series=\"" + EscapeXml(s.name) + "\" data-x=\"" +
           ShortestNumber(s.x[i]) + "\" data-y=\"" + ShortestNumber(s.y[i]) + "\" cx=\"" +
           Coord(x(s.x[i])) + "\" cy=\"" + Coord(y(s.y[i])) + "\" r=\"2.5\" fill=\"" + color +
           "\"><title>" + EscapeXml(s.name) + ", " + internal::FixedLabel(s.x[i], 0) + ": " +
           internal::FixedLabel(s.y[i], std::max(chart.y_decimals, 3)) + "</title></circle>\n";
  }
}

}  // namespace

std::string RenderLineChart(const LineChart& chart) {
  std::vector<internal::LegendItem> legend;
  Extent xs, ys;
  for (std::size_t k = 0; k < chart.series.size(); ++k) {
    const Series& s = chart.series[k];
    legend.push_back({s.name, s.color.empty() ? PaletteColor(k) : s.color, s.dashed, false});
    for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
      if (std::isfinite(s.x[i])) xs.Add(s.x[i]);
      if (std::isfinite(s.x[i]) && std::isfinite(s.y[i])) ys.Add(s.y[i]);
    }
  }
  std::string out;
  internal::OpenSvg(out, chart.id, chart.width, chart.height, chart.title);
  internal::WriteLegend(out, legend, chart.width);
  PlotArea area{kLeftMargin, internal::HeaderHeight(legend, chart.width),
                chart.width - kRightMargin, chart.height - kBottomMargin};
  if (ys.empty()) {
    internal::WriteNoData(out, area, "no data in these years");
    internal::CloseSvg(out);
    return out;
  }
  if (chart.step) xs.hi += chart.step_width;

  // The y range: the caller's bounds where given, the data's otherwise.
  double lo = chart.y_min.value_or(ys.lo);
  double hi = chart.y_max.value_or(ys.hi);
  if (lo > hi) std::swap(lo, hi);
  internal::Ticks ticks = internal::NiceTicks(lo, hi, 5);
  if (chart.y_min) ticks.lo = *chart.y_min;
  if (chart.y_max) ticks.hi = *chart.y_max;
  std::erase_if(ticks.values, [&](double v) { return v < ticks.lo - 1e-9 || v > ticks.hi + 1e-9; });

  const LinearScale x{xs.lo, xs.hi, area.left, area.right};
  const LinearScale y{ticks.lo, ticks.hi, area.bottom, area.top};
  internal::WriteYAxis(out, ticks, y, area, chart.y_decimals, chart.y_label);
  internal::WriteXAxis(out, XTicks(xs.lo, xs.hi, area.right - area.left), x, area, chart.x_label);
  if (chart.zero_line && ticks.lo < 0 && ticks.hi > 0) {
    out += "<line class=\"zero\" x1=\"" + Coord(area.left) + "\" y1=\"" + Coord(y(0)) + "\" x2=\"" +
           Coord(area.right) + "\" y2=\"" + Coord(y(0)) +
           "\" stroke=\"#666666\" stroke-width=\"1\"/>\n";
  }
  for (std::size_t k = 0; k < chart.series.size(); ++k) {
    const Series& s = chart.series[k];
    const std::string& color = legend[k].color;
    out += "<g class=\"series\" data-series=\"" + EscapeXml(s.name) + "\">\n";
    const std::string d = SeriesPath(chart, s, x, y);
    if (!d.empty()) {
      out += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + color +
             "\" stroke-width=\"2\" stroke-linejoin=\"round\"" +
             (s.dashed ? " stroke-dasharray=\"5 3\"" : "") + "/>\n";
    }
    WritePoints(out, chart, s, color, x, y);
    out += "</g>\n";
  }
  internal::CloseSvg(out);
  return out;
}

}  // namespace entente::svg
