// Section "UN General Assembly votes": the similarity measures and the
// ideal-point distance of the report's dyad, year by year.
#include "entente/svg_chart.h"
#include "present/report/html.h"
#include "present/report/sections.h"

namespace entente::report {
namespace {

std::string SimilarityFigure(ReportContext& ctx, const DyadMeasures& m) {
  const auto& v = m.votes;
  svg::LineChart chart;
  chart.id = "votes-similarity";
  chart.title = m.label + ": UN General Assembly vote similarity by year";
  chart.x_label = "year";
  chart.y_label = "similarity";
  chart.y_max = 1;
  chart.zero_line = true;
  const auto x = YearAxis(ctx);
  chart.series = {
      {"agreement", x, ByYear(ctx, v, [](const VoteSimilarity& s) { return s.agree; }), "", false},
      {"S (Signorino-Ritter)", x, ByYear(ctx, v, [](const VoteSimilarity& s) { return s.s; }), "",
       false},
      {"kappa (Cohen, quadratic)", x,
       ByYear(ctx, v, [](const VoteSimilarity& s) { return s.kappa; }), "", false}};

  Table data;
  data.columns = {"year", "n", "agree", "s", "s2", "pi", "kappa"};
  for (int year : ctx.year_list) {
    auto it = v.find(year);
    if (it == v.end()) {
      data.rows.push_back({std::int64_t{year}, Cell{}, Cell{}, Cell{}, Cell{}, Cell{}, Cell{}});
      continue;
    }
    const VoteSimilarity& s = it->second;
    data.rows.push_back({std::int64_t{year}, std::int64_t{s.n}, NumberCell(s.agree),
                         NumberCell(s.s), NumberCell(s.s_squared), NumberCell(s.pi),
                         NumberCell(s.kappa)});
  }
  const std::string caption =
      "Every roll call both states voted yes, abstain or no on in the calendar year (absences "
      "and non-membership dropped). Agreement is the share of identical votes; S "
      "(Signorino &amp; Ritter 1999) scores the distance between votes; Cohen's kappa (quadratic "
      "weights; H&auml;ge 2011) corrects for the agreement expected from the two states' own "
      "vote shares, which S overstates when &quot;yes&quot; dominates. Gaps: years without a "
      "common roll call (the People's Republic of China holds the UN seat from 1971; the data "
      "end in mid-2024).";
  return Figure(ctx, chart.id, chart.title, svg::RenderLineChart(chart), caption, std::move(data));
}

std::string IdealPointFigure(ReportContext& ctx, const DyadMeasures& m) {
  if (!ctx.fit) {
    return Note("Ideal-point distance: " + Esc(ctx.ideal_points_missing) + ".");
  }
  svg::LineChart chart;
  chart.id = "votes-idealpoint-distance";
  chart.title = m.label + ": distance between UN ideal points";
  chart.x_label = "year the session opened";
  chart.y_label = "distance (session sd)";
  chart.y_min = 0;
  const auto x = YearAxis(ctx);
  chart.series = {
      {"distance", x,
       ByYear(ctx, m.ideal_distance, [](const IdealPointDistance& d) { return d.distance; }), "",
       false}};
  Table data;
  data.columns = {"year", "session", "distance", "se"};
  for (int year : ctx.year_list) {
    auto it = m.ideal_distance.find(year);
    if (it == m.ideal_distance.end()) {
      data.rows.push_back({std::int64_t{year}, Cell{}, Cell{}, Cell{}});
    } else {
      data.rows.push_back({std::int64_t{year}, std::int64_t{it->second.session},
                           NumberCell(it->second.distance), NumberCell(it->second.se)});
    }
  }
  const std::string caption =
      "|x<sub>a</sub> - x<sub>b</sub>| per UNGA session, plotted at the year the session "
      "opened (session N opens in September of 1945 + N and votes into the next year). Positions "
      "from a dynamic ordered probit "
      "(after Bailey, Strezhnev &amp; Voeten 2017) fitted to every state's votes in the "
      "report's years and standardised within each session (sd 1): 0 is identical positions, "
      "1 is one standard deviation of the Assembly apart. The standard error of each distance "
      "is in the values table.";
  return Figure(ctx, chart.id, chart.title, svg::RenderLineChart(chart), caption, std::move(data));
}

}  // namespace

Section VotesSection(ReportContext& ctx) {
  Section s{"votes", "UN General Assembly votes", ""};
  if (!ctx.votes) {
    s.html = Note(
        "No UN roll calls in the store for these years: run <code>entente init</code> (imports "
        "the UN votes under the data directory), then this report again.");
    return s;
  }
  const DyadMeasures& m = ctx.dyads.front();
  s.html = SimilarityFigure(ctx, m) + IdealPointFigure(ctx, m);
  return s;
}

}  // namespace entente::report
