// The SVG chart module on hand-made series: gaps for missing values,
// scaling, data attributes, escaping of text, step charts, timelines and bars.
#include "entente/svg_chart.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "present/svg/svg_scale.h"
#include "support/markup_probe.h"

namespace entente::svg {
namespace {

using testing_support::CheckBalanced;
using testing_support::FindElements;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

LineChart OneSeries(std::vector<double> x, std::vector<double> y) {
  LineChart chart;
  chart.id = "c";
  chart.title = "t";
  chart.series.push_back({"s", std::move(x), std::move(y), "", false});
  return chart;
}

// The "d" attribute of the one path in `svg`.
std::string PathData(const std::string& svg) {
  auto paths = FindElements(svg, "path");
  EXPECT_EQ(paths.size(), 1u);
  return paths.empty() ? "" : paths[0].Attr("d");
}

int Count(const std::string& text, char c) {
  return static_cast<int>(std::count(text.begin(), text.end(), c));
}

TEST(SvgLineChartTest, MissingValuesBreakTheLineAndHaveNoPoint) {
  const std::string svg =
      RenderLineChart(OneSeries({2000, 2001, 2002, 2003, 2004}, {0.5, 0.6, kNaN, 0.7, 0.8}));
  EXPECT_EQ(CheckBalanced(svg), "");
  const std::string d = PathData(svg);
  // Two subpaths: 2000-2001 and 2003-2004; nothing drawn for 2002.
  EXPECT_EQ(Count(d, 'M'), 2) << d;
  EXPECT_EQ(Count(d, 'L'), 2) << d;
  auto points = FindElements(svg, "circle", "class", "point");
  ASSERT_EQ(points.size(), 4u);
  for (const auto& p : points) EXPECT_NE(p.Attr("data-x"), "2002");
}

TEST(SvgLineChartTest, MissingIsNotDrawnAtZero) {
  const std::string svg = RenderLineChart(OneSeries({1, 2, 3}, {0.9, kNaN, 0.8}));
  auto points = FindElements(svg, "circle", "class", "point");
  ASSERT_EQ(points.size(), 2u);
  // The y axis is fitted to 0.8..0.9 (widened to round ticks), not stretched to 0.
  auto labels = FindElements(svg, "text");
  for (const auto& l : labels) EXPECT_NE(l.inner, "0.00") << "axis stretched to zero";
}

TEST(SvgLineChartTest, PointsCarryTheirExactValues) {
  const double value = 0.7466666666666667;
  const std::string svg = RenderLineChart(OneSeries({2000}, {value}));
  auto points = FindElements(svg, "circle", "class", "point");
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points[0].Attr("data-series"), "s");
  EXPECT_EQ(points[0].Attr("data-x"), "2000");
  EXPECT_EQ(std::stod(points[0].Attr("data-y")), value);  // round trip, not rounded
}

TEST(SvgLineChartTest, ScalesLinearlyInsideThePlotArea) {
  LineChart chart = OneSeries({0, 5, 10}, {0, 0.5, 1});
  chart.y_min = 0;
  chart.y_max = 1;
  const std::string svg = RenderLineChart(chart);
  auto points = FindElements(svg, "circle", "class", "point");
  ASSERT_EQ(points.size(), 3u);
  const double x0 = std::stod(points[0].Attr("cx")), x1 = std::stod(points[1].Attr("cx")),
               x2 = std::stod(points[2].Attr("cx"));
  const double y0 = std::stod(points[0].Attr("cy")), y1 = std::stod(points[1].Attr("cy")),
               y2 = std::stod(points[2].Attr("cy"));
  EXPECT_NEAR(x1 - x0, x2 - x1, 0.15);  // equal steps in x
  EXPECT_NEAR(y0 - y1, y1 - y2, 0.15);  // equal steps in y
  EXPECT_GT(y0, y2);                    // larger values higher up (smaller SVG y)
  EXPECT_GE(x0, 0);
  EXPECT_LE(x2, chart.width);
  EXPECT_LE(y0, chart.height);
  EXPECT_GE(y2, 0);
}

TEST(SvgLineChartTest, EscapesEveryText) {
  LineChart chart = OneSeries({1, 2}, {1, 2});
  chart.title = "A <b> & \"B\"";
  chart.series[0].name = "x'<script>";
  chart.y_label = "<y>";
  chart.id = "id\"x";
  const std::string svg = RenderLineChart(chart);
  EXPECT_EQ(svg.find("<script>"), std::string::npos);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_EQ(svg.find("<y>"), std::string::npos);
  EXPECT_NE(svg.find("A &lt;b&gt; &amp; &quot;B&quot;"), std::string::npos);
  EXPECT_EQ(CheckBalanced(svg), "");
  auto points = FindElements(svg, "circle", "class", "point");
  ASSERT_FALSE(points.empty());
  EXPECT_EQ(points[0].Attr("data-series"), "x'<script>");  // decoded back intact
}

TEST(SvgLineChartTest, NoFiniteValueSaysNoData) {
  const std::string svg = RenderLineChart(OneSeries({1, 2}, {kNaN, kNaN}));
  EXPECT_TRUE(FindElements(svg, "circle").empty());
  EXPECT_TRUE(FindElements(svg, "path").empty());
  EXPECT_EQ(FindElements(svg, "text", "class", "no-data").size(), 1u);
}

TEST(SvgLineChartTest, StepChartHoldsEachValueForItsWidth) {
  LineChart chart = OneSeries({2000, 2001, 2002, 2004}, {1, 1, 3, 3});
  chart.step = true;
  const std::string d = PathData(RenderLineChart(chart));
  // 2000-2003 one subpath (H, V, H ...), 2004 a second one after the gap (2003 absent).
  EXPECT_EQ(Count(d, 'M'), 2) << d;
  EXPECT_EQ(Count(d, 'V'), 2) << d;
  EXPECT_EQ(Count(d, 'H'), 4) << d;
  EXPECT_EQ(Count(d, 'L'), 0) << d;
}

TEST(SvgLineChartTest, ZeroLineOnlyForSignedRanges) {
  LineChart chart = OneSeries({1, 2}, {-0.5, 0.5});
  chart.zero_line = true;
  EXPECT_EQ(FindElements(RenderLineChart(chart), "line", "class", "zero").size(), 1u);
  chart = OneSeries({1, 2}, {0.2, 0.5});
  chart.zero_line = true;
  EXPECT_TRUE(FindElements(RenderLineChart(chart), "line", "class", "zero").empty());
}

TEST(SvgTimelineTest, SpansKeepStateYearsAndClipToTheRange) {
  Timeline t;
  t.id = "tl";
  t.title = "criteria";
  t.x_min = 1990;
  t.x_max = 2000;
  t.states = {{"met", "met", "#009E73"}, {"unknown", "no source", "#dddddd"}};
  t.rows = {{"treaty & co", {{1985, 1995, "met", "since 1985"}, {1996, 2010, "unknown", ""}}}};
  const std::string svg = RenderTimeline(t);
  EXPECT_EQ(CheckBalanced(svg), "");
  auto spans = FindElements(svg, "rect", "class", "span");
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].Attr("data-from"), "1990");
  EXPECT_EQ(spans[0].Attr("data-to"), "1995");
  EXPECT_EQ(spans[1].Attr("data-state"), "unknown");
  EXPECT_EQ(spans[1].Attr("data-to"), "2000");
  // Widths proportional to the years covered (6 and 5 of 11).
  const double w0 = std::stod(spans[0].Attr("width")), w1 = std::stod(spans[1].Attr("width"));
  EXPECT_NEAR(w0 / w1, 6.0 / 5.0, 0.01);
  EXPECT_EQ(FindElements(svg, "g", "data-row", "treaty & co").size(), 1u);
}

TEST(SvgBarChartTest, BarsFromZeroAndMissingAsNa) {
  BarChart b;
  b.id = "bars";
  b.title = "beliefs";
  b.series = {"A", "B"};
  b.groups = {{"P-1", {0.3, -0.2}}, {"I-1", {0.5, kNaN}}};
  const std::string svg = RenderBarChart(b);
  EXPECT_EQ(CheckBalanced(svg), "");
  auto bars = FindElements(svg, "rect", "class", "bar");
  ASSERT_EQ(bars.size(), 3u);
  EXPECT_EQ(bars[1].Attr("data-value"), "-0.2");
  auto missing = FindElements(svg, "text", "class", "missing");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].Attr("data-series"), "B");
  // A negative bar hangs below the baseline: its top is where the positive one's bottom is.
  const double pos_bottom = std::stod(bars[0].Attr("y")) + std::stod(bars[0].Attr("height"));
  EXPECT_NEAR(std::stod(bars[1].Attr("y")), pos_bottom, 0.15);
  EXPECT_NEAR(std::stod(bars[2].Attr("height")) / std::stod(bars[0].Attr("height")), 5.0 / 3.0,
              0.02);
}

TEST(SvgTextTest, ShortestNumberRoundTrips) {
  EXPECT_EQ(ShortestNumber(2015), "2015");
  EXPECT_EQ(ShortestNumber(0.75), "0.75");
  EXPECT_EQ(ShortestNumber(-0.0), "0");
  EXPECT_EQ(ShortestNumber(kNaN), "");
  for (double v : {0.1, 1.0 / 3, -0.17891234567, 1e-9, 123456.789}) {
    EXPECT_EQ(std::stod(ShortestNumber(v)), v);
  }
}

TEST(SvgTextTest, EscapeXmlDropsControlCharacters) {
  EXPECT_EQ(EscapeXml("a\x01"
                      "b\tc"),
            "ab\tc");
  EXPECT_EQ(EscapeXml("<&>\"'"), "&lt;&amp;&gt;&quot;&#39;");
}

TEST(SvgScaleTest, NiceTicksCoverTheRangeWithRoundSteps) {
  auto t = internal::NiceTicks(0.13, 0.87, 5);
  EXPECT_DOUBLE_EQ(t.step, 0.2);
  EXPECT_DOUBLE_EQ(t.lo, 0.0);
  EXPECT_DOUBLE_EQ(t.hi, 1.0);
  EXPECT_EQ(t.values.size(), 6u);
  t = internal::NiceTicks(-0.27, 0.8, 5);
  EXPECT_LE(t.lo, -0.27);
  EXPECT_GE(t.hi, 0.8);
  for (double v : t.values) EXPECT_FALSE(std::signbit(v) && v == 0);
  t = internal::NiceTicks(3, 3, 5);  // one value: widened around it
  EXPECT_LT(t.lo, 3);
  EXPECT_GT(t.hi, 3);
  EXPECT_EQ(internal::FixedLabel(-0.0001, 2), "0.00");
}

}  // namespace
}  // namespace entente::svg
