// Section "Economic, diplomatic and personal alignment; composite index":
// the dyad profile of issue 4 (include/entente/profile.h) - each dimension's
// 0-100 index by year, the composite, incentives and hurdles, the
// classification timeline, trends, and the latest year's indicators with
// their sources.
#include <cmath>
#include <map>

#include "entente/svg_chart.h"
#include "present/report/chart_data.h"
#include "present/report/html.h"
#include "present/report/sections.h"

namespace entente::report {
namespace {

double Value(const std::optional<double>& v) {
  return v ? *v : kMissing;
}

std::map<int, const ProfileYear*> ByYearRows(const DyadProfile& p) {
  std::map<int, const ProfileYear*> out;
  for (const ProfileYear& y : p.rows) out[y.year] = &y;
  return out;
}

// One line per dimension in `dims` (and the composite when asked).
std::string IndexFigure(ReportContext& ctx, const DyadMeasures& m, const std::string& id,
                        const std::string& title, const std::vector<ProfileDimension>& dims,
                        bool composite, const std::string& caption) {
  const auto rows = ByYearRows(*m.profile);
  svg::LineChart chart;
  chart.id = id;
  chart.title = m.label + ": " + title;
  chart.x_label = "year";
  chart.y_label = "index (0-100)";
  chart.y_min = 0;
  chart.y_max = 100;
  chart.y_decimals = 0;
  const auto x = YearAxis(ctx);
  for (ProfileDimension d : dims) {
    const auto k = static_cast<std::size_t>(d);
    chart.series.push_back(
        {std::string(ProfileDimensionId(d)), x,
         ByYear(ctx, rows, [k](const ProfileYear* y) { return Value(y->index[k]); }), "", false});
  }
  if (composite) {
    chart.series.push_back(
        {"composite", x,
         ByYear(ctx, rows, [](const ProfileYear* y) { return Value(y->composite); }), "#000000",
         false});
  }
  return Figure(ctx, chart.id, chart.title, svg::RenderLineChart(chart), caption,
                SeriesValues(ctx, chart));
}

std::string ClassFigure(ReportContext& ctx, const DyadMeasures& m) {
  svg::Timeline chart;
  chart.id = "profile-classification";
  chart.title = m.label + ": classification by year";
  chart.x_label = "year";
  chart.x_min = ctx.years.first;
  chart.x_max = ctx.years.last;
  chart.states = {{"rivalry", "rivalry", "#D55E00"},
                  {"limited_cooperation", "limited cooperation", "#E69F00"},
                  {"strategic_partnership", "strategic partnership / soft balancing", "#56B4E9"},
                  {"alliance_like_alignment", "alliance-like alignment", "#0072B2"},
                  {"formal_alliance", "formal alliance", "#009E73"},
                  {"unknown", "unknown (too little data)", "#dddddd"}};
  svg::TimelineRow row{"classification", {}};
  Table data;
  data.columns = {"year", "class", "rule", "composite", "rank", "of"};
  for (const ProfileYear& y : m.profile->rows) {
    const std::string cls(AlignmentClassId(y.alignment));
    AddTimelineYear(row, y.year, cls, y.rule);
    data.rows.push_back({std::int64_t{y.year}, cls, y.rule,
                         y.composite ? NumberCell(*y.composite) : Cell{},
                         y.rank ? Cell{std::int64_t{*y.rank}} : Cell{},
                         y.rank ? Cell{std::int64_t{y.ranked_dyads}} : Cell{}});
  }
  chart.rows.push_back(std::move(row));
  const std::string caption =
      "The outcome category of each year by the profile's classification rules (below), and in "
      "the values table the rule that decided it and the dyad's rank by the composite among all "
      "dyads that year. Years in which the two were not both states of the COW system are left "
      "blank.";
  return Figure(ctx, chart.id, chart.title, svg::RenderTimeline(chart), caption, std::move(data));
}

std::string TrendTable(const DyadProfile& p) {
  Table t;
  t.columns = {"series", "years with a value", "slope (points a year)", "95% interval"};
  for (const ProfileTrend& tr : p.trends) {
    std::string interval = "-";
    if (tr.ci_low && tr.ci_high) interval = Num(*tr.ci_low, 2) + " to " + Num(*tr.ci_high, 2);
    t.rows.push_back({tr.series, std::int64_t{tr.years_used},
                      tr.slope ? NumberCell(*tr.slope) : Cell{}, interval});
  }
  return "<h3>Trends</h3>\n<p>Ordinary least-squares slope over the report's years with a 95% "
         "percentile bootstrap interval (years resampled).</p>\n<div id=\"profile-trends\">\n" +
         HtmlTable(t, 2) + "</div>\n";
}

// The latest year with a composite: every indicator, its score and source,
// with the cited evidence rows behind it.
std::string IndicatorTable(const DyadProfile& p) {
  const ProfileYear* latest = nullptr;
  for (const ProfileYear& y : p.rows) {
    if (y.composite) latest = &y;
  }
  if (!latest) return "";
  std::string out = "<h3>Indicators in " + std::to_string(latest->year) +
                    "</h3>\n<details id=\"profile-indicators\"><summary>Every indicator of " +
                    std::to_string(latest->year) +
                    " with its raw value, 0-100 score, source and evidence</summary>\n"
                    "<table>\n<thead><tr><th>dimension</th><th>indicator</th><th>value</th>"
                    "<th>score</th><th>source</th><th>evidence</th></tr></thead>\n<tbody>\n";
  for (const ProfileIndicatorValue& v : latest->indicators) {
    std::string evidence;
    for (const ProfileEvidenceRef& e : v.evidence) {
      if (!evidence.empty()) evidence += "<br>";
      evidence += Esc(e.date) + " " + Esc(e.what) + " (" + Esc(e.publisher) +
                  (e.title.empty() ? "" : ", " + Link(e.url, e.title)) + ")";
    }
    out += "<tr><td>" + Esc(ProfileDimensionId(v.dimension)) + "</td><td>" + Esc(v.id) +
           "</td><td class=\"n\">" + (v.value ? Num(*v.value, 3) : "-") + "</td><td class=\"n\">" +
           (v.score ? Num(*v.score, 1) : "-") + "</td><td>" + Esc(v.source) + "</td><td>" +
           evidence + "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n</details>\n";
}

}  // namespace

Section ProfileSection(ReportContext& ctx) {
  Section s{"profile", "Economic, diplomatic and personal alignment; composite index", ""};
  const DyadMeasures& m = ctx.dyads.front();
  if (!m.profile) {
    s.html = Note("No profile for this dyad: " +
                  Esc(m.profile_missing.empty() ? ctx.profile_missing : m.profile_missing) + ".");
    return s;
  }
  s.html = "<p>From the dyad profile, " + Esc(ctx.profile_source) +
           ". Each indicator is scored 0-100 against fixed anchors, a dimension's index is the "
           "mean of its indicators present that year, and the composite the mean of the "
           "alignment dimensions present (at least two). Missing indicators are left out, never "
           "counted as 0.</p>\n";
  s.html += IndexFigure(
      ctx, m, "profile-dimensions", "alignment by dimension (0-100)",
      {ProfileDimension::kEconomic, ProfileDimension::kDiplomatic, ProfileDimension::kPersonal,
       ProfileDimension::kMilitary},
      true,
      "Economic (bilateral trade, each side's dependence on it, partner rank, arms-import "
      "share), diplomatic (UN vote agreement and ideal-point distance, shared IGOs, ATOP "
      "consultation pacts, declared partnerships, joint Security Council vetoes), personal "
      "(leader meetings, years both leaders in office) and military indices, and their "
      "composite (black), each 0-100. A gap is a year without any indicator of the dimension; "
      "the indicators of the latest year are listed below.");
  s.html += IndexFigure(ctx, m, "profile-incentives-hurdles", "incentives and hurdles (0-100)",
                        {ProfileDimension::kIncentives, ProfileDimension::kHurdles}, false,
                        "Incentives: the leading power's superiority and the hostility it "
                        "shows both sides (a shared threat). Hurdles: contiguity, militarised "
                        "disputes in the 50 years before, strategic rivalry. Both explain the "
                        "alignment and stay out of the composite.");
  s.html += ClassFigure(ctx, m);
  s.html += "<p>Classification rules: " + Esc(m.profile->classification_rules) + "</p>\n";
  s.html += TrendTable(*m.profile) + IndicatorTable(*m.profile);
  return s;
}

}  // namespace entente::report
