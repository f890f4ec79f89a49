// Server-side SVG charts: each call returns one self-contained <svg> element
// (inline attributes only: no CSS classes to define, no scripts, no fonts to
// fetch), so a chart can be pasted into an HTML page, served by the
// dashboard or saved as a .svg file and looks the same everywhere.
//
// Conventions shared by every chart:
//  - Missing values are NaN. A line breaks at a missing value (a visible
//    gap) and a bar is replaced by an "n/a" mark: nothing missing is ever
//    drawn as zero.
//  - Every data mark carries its data as attributes (data-series, data-x,
//    data-y or data-value), the value written in the shortest form that
//    reads back to the same double, so a test or a browser can check a
//    chart against the numbers that made it. Each mark also has a <title>
//    (the tooltip a browser shows on hover).
//  - All text (titles, labels, names) is XML-escaped here; callers pass
//    plain text.
//  - Colours come from a fixed colour-blind-safe palette (Okabe & Ito), in
//    series order, unless a series names its own.
//
// Thread safety: pure functions of their arguments.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace entente::svg {

// ---------------------------------------------------------------- line chart

// One line. x and y have the same length; x ascending. y[i] NaN = missing.
struct Series {
  std::string name;  // legend text and data-series attribute
  std::vector<double> x;
  std::vector<double> y;
  std::string color;    // "#rrggbb"; empty = the palette colour for its position
  bool dashed = false;  // e.g. an upper bound drawn beside a value
};

struct LineChart {
  std::string id;  // the <svg> element's id; letters, digits, '-' and '_'
  std::string title;
  std::string x_label;
  std::string y_label;
  std::vector<Series> series;
  // The y range shown. Unset: fitted to the data and widened to round ticks.
  std::optional<double> y_min;
  std::optional<double> y_max;
  // Draw a thin line at y = 0 when 0 is inside the range (signed measures).
  bool zero_line = false;
  // A step chart: each value holds from its x to x + step_width (e.g. a level
  // per year), joined vertically to the next value when they touch.
  bool step = false;
  double step_width = 1.0;
  int y_decimals = 2;  // digits of the y tick labels
  int width = 760;
  int height = 300;
};

std::string RenderLineChart(const LineChart& chart);

// ---------------------------------------------------------------- timeline

// States a span can be in, with their legend text and colour.
struct TimelineState {
  std::string id;  // e.g. "met"; written as data-state
  std::string label;
  std::string color;  // "#rrggbb"
};

// [from, to] inclusive in whole units (years): drawn from `from` to `to` + 1.
struct TimelineSpan {
  int from = 0;
  int to = 0;
  std::string state;  // one of Timeline::states' ids
  std::string note;   // tooltip text after the row label and years
};

struct TimelineRow {
  std::string label;
  std::vector<TimelineSpan> spans;
};

struct Timeline {
  std::string id;
  std::string title;
  std::string x_label;
  int x_min = 0;  // first and last unit shown
  int x_max = 0;
  std::vector<TimelineState> states;
  std::vector<TimelineRow> rows;
  int width = 760;
  int label_width = 170;  // room for row labels on the left
};

std::string RenderTimeline(const Timeline& chart);

// ---------------------------------------------------------------- bar chart

// One group of bars (e.g. "P-1"), one value per BarChart::series.
struct BarGroup {
  std::string label;
  std::vector<double> values;  // NaN = missing: drawn as "n/a", not as a bar
};

struct BarChart {
  std::string id;
  std::string title;
  std::string y_label;
  std::vector<std::string> series;  // names, in palette order
  std::vector<BarGroup> groups;
  std::optional<double> y_min;  // unset: fitted, always including 0
  std::optional<double> y_max;
  int y_decimals = 2;
  int width = 760;
  int height = 300;
};

std::string RenderBarChart(const BarChart& chart);

// ---------------------------------------------------------------- helpers

// Escapes &, <, >, " and ' for XML/HTML text and attribute values. Bytes that
// XML 1.0 forbids (control characters other than tab, CR, LF) are dropped.
std::string EscapeXml(std::string_view text);

// The shortest decimal form that reads back to `value` ("0.75", "2015",
// "-0.1789"); "" for NaN. Used for data attributes and CSV-like output.
std::string ShortestNumber(double value);

// The palette colour for series number `index` (cycles after eight).
const std::string& PaletteColor(std::size_t index);

}  // namespace entente::svg
