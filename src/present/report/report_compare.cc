// Section "Comparison with other dyads" (--compare): one row per dyad with
// each dimension's latest value, and the agreement and military level of
// every dyad on shared axes.
#include <cmath>

#include "entente/svg_chart.h"
#include "present/report/chart_data.h"
#include "present/report/html.h"
#include "present/report/report_measures.h"
#include "present/report/sections.h"

namespace entente::report {
namespace {

// "0.791 (2019)": the latest value in the report's years, or "-".
template <typename T, typename Get>
Cell Latest(const std::map<int, T>& values, Get get, int decimals) {
  for (auto it = values.rbegin(); it != values.rend(); ++it) {
    const double v = get(it->second);
    if (std::isfinite(v)) return Num(v, decimals) + " (" + std::to_string(it->first) + ")";
  }
  return Cell{};
}

// "0.833 (2024, n = 6)": few roll calls make a noisy year, so n is shown.
Cell LatestAgreement(const DyadMeasures& m) {
  for (auto it = m.votes.rbegin(); it != m.votes.rend(); ++it) {
    if (!std::isfinite(it->second.agree)) continue;
    return Num(it->second.agree, 3) + " (" + std::to_string(it->first) +
           ", n = " + std::to_string(it->second.n) + ")";
  }
  return Cell{};
}

// The last year of the profile with a composite: "62.3 (2025)".
const ProfileYear* LatestProfileYear(const DyadMeasures& m) {
  if (!m.profile) return nullptr;
  for (auto it = m.profile->rows.rbegin(); it != m.profile->rows.rend(); ++it) {
    if (it->composite) return &*it;
  }
  return nullptr;
}

Cell LatestComposite(const DyadMeasures& m) {
  const ProfileYear* y = LatestProfileYear(m);
  if (!y) return Cell{};
  return Num(*y->composite, 1) + " (" + std::to_string(y->year) + ")";
}

Cell LatestClass(const DyadMeasures& m) {
  const ProfileYear* y = LatestProfileYear(m);
  if (!y) return Cell{};
  return std::string(AlignmentClassId(y->alignment));
}

Cell MeanAgreement(const DyadMeasures& m) {
  double sum = 0;
  int count = 0;
  for (const auto& [year, s] : m.votes) {
    if (!std::isfinite(s.agree)) continue;
    sum += s.agree;
    ++count;
  }
  return count == 0 ? Cell{} : Cell{sum / count};
}

Cell LatestLevel(const ReportContext& ctx, const DyadMeasures& m) {
  for (auto it = m.military.rbegin(); it != m.military.rend(); ++it) {
    if (AllUnknown(*it)) continue;
    return std::to_string(it->level) + " of " + std::to_string(ctx.framework->max_level()) + ", " +
           MilitaryStageName(*ctx.framework, *it) + " (" + std::to_string(it->year) + ")";
  }
  return Cell{};
}

Cell YearsAligned(const DyadMeasures& m) {
  std::int64_t years = 0;
  for (const auto& s : m.military) years += s.stage >= 0 ? 1 : 0;
  return years;
}

Table ComparisonTable(const ReportContext& ctx) {
  Table t;
  t.columns = {"dyad",
               "years with common UN votes",
               "mean agreement",
               "agreement, latest",
               "kappa, latest",
               "ideal-point distance, latest",
               "military level, latest",
               "years at a military stage",
               "P-1 difference",
               "I-1 difference",
               "beliefs congruent",
               "composite, latest",
               "class, latest"};
  for (const DyadMeasures& m : ctx.dyads) {
    std::vector<Cell> row = {
        m.key,
        std::int64_t(m.votes.size()),
        MeanAgreement(m),
        LatestAgreement(m),
        Latest(
            m.votes, [](const VoteSimilarity& s) { return s.kappa; }, 3),
        Latest(
            m.ideal_distance, [](const IdealPointDistance& d) { return d.distance; }, 2),
        LatestLevel(ctx, m),
        YearsAligned(m)};
    if (m.beliefs) {
      row.push_back(NumberCell(m.beliefs->p1.difference));
      row.push_back(NumberCell(m.beliefs->i1.difference));
      row.push_back(std::string(m.beliefs->congruent ? "yes" : "no"));
    } else {
      row.insert(row.end(), {Cell{}, Cell{}, Cell{}});
    }
    row.push_back(LatestComposite(m));
    row.push_back(LatestClass(m));
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string AgreementFigure(ReportContext& ctx) {
  svg::LineChart chart;
  chart.id = "compare-agreement";
  chart.title = "UN vote agreement by year, dyad by dyad";
  chart.x_label = "year";
  chart.y_label = "agreement";
  chart.y_min = 0;
  chart.y_max = 1;
  const auto x = YearAxis(ctx);
  for (const DyadMeasures& m : ctx.dyads) {
    chart.series.push_back({m.key, x,
                            ByYear(ctx, m.votes, [](const VoteSimilarity& s) { return s.agree; }),
                            "", false});
  }
  return Figure(ctx, chart.id, chart.title, svg::RenderLineChart(chart),
                "Share of identical votes on the roll calls both states voted on, per calendar "
                "year; gaps where two states had no common roll call.",
                SeriesValues(ctx, chart));
}

std::string MilitaryFigure(ReportContext& ctx) {
  svg::LineChart chart;
  chart.id = "compare-military-level";
  chart.title = "Military alignment level by year, dyad by dyad";
  chart.x_label = "year";
  chart.y_label = "level";
  chart.step = true;
  chart.y_min = 0;
  chart.y_max = ctx.framework->max_level();
  chart.y_decimals = 0;
  Table data;
  data.columns = {"year"};
  for (const DyadMeasures& m : ctx.dyads) {
    svg::Series s{m.key, {}, {}, "", false};
    for (const auto& score : m.military) {
      s.x.push_back(score.year);
      s.y.push_back(AllUnknown(score) ? kMissing : score.level);
    }
    chart.series.push_back(std::move(s));
    data.columns.push_back(m.key);
  }
  for (std::size_t i = 0; i < ctx.year_list.size(); ++i) {
    std::vector<Cell> row = {std::int64_t{ctx.year_list[i]}};
    for (const auto& s : chart.series) {
      if (i < s.y.size() && std::isfinite(s.y[i])) {
        row.emplace_back(static_cast<std::int64_t>(s.y[i]));
      } else {
        row.emplace_back(std::monostate{});
      }
    }
    data.rows.push_back(std::move(row));
  }
  return Figure(ctx, chart.id, chart.title, svg::RenderLineChart(chart),
                "The level on the " + Esc(ctx.framework->id) +
                    " ladder (unknown criteria counted as not met); a gap where no source "
                    "covers the year.",
                std::move(data));
}

std::string CompositeFigure(ReportContext& ctx) {
  svg::LineChart chart;
  chart.id = "compare-composite";
  chart.title = "Composite alignment index by year, dyad by dyad";
  chart.x_label = "year";
  chart.y_label = "composite (0-100)";
  chart.y_min = 0;
  chart.y_max = 100;
  chart.y_decimals = 0;
  const auto x = YearAxis(ctx);
  for (const DyadMeasures& m : ctx.dyads) {
    std::map<int, double> values;
    if (m.profile) {
      for (const ProfileYear& y : m.profile->rows) {
        if (y.composite) values[y.year] = *y.composite;
      }
    }
    chart.series.push_back({m.key, x, ByYear(ctx, values, [](double v) { return v; }), "", false});
  }
  return Figure(ctx, chart.id, chart.title, svg::RenderLineChart(chart),
                "The profile's composite: the mean of the economic, diplomatic, personal and "
                "military indices present that year (at least two).",
                SeriesValues(ctx, chart));
}

}  // namespace

Section ComparisonSection(ReportContext& ctx) {
  Section s{"comparison", "Comparison with other dyads", ""};
  Table table = ComparisonTable(ctx);
  if (ctx.dyads.size() == 1) {
    s.html = "<p>Add dyads with <code>--compare USA-AUS,USA-IND</code> to compare them with " +
             Esc(ctx.dyads.front().label) + " on every dimension.</p>\n";
  }
  s.html += "<div id=\"comparison-table\">\n" + HtmlTable(table, 3) + "</div>\n";
  s.html +=
      "<p>Latest values are the last year in the report's years with a value (year in "
      "brackets); beliefs over every coded speech in those years.</p>\n";
  table.decimals = 6;
  ctx.charts.push_back({"comparison-table", "Comparison of the dyads", std::move(table)});
  if (ctx.dyads.size() > 1) {
    s.html += AgreementFigure(ctx) + MilitaryFigure(ctx);
    if (ctx.profile_data) s.html += CompositeFigure(ctx);
  }
  return s;
}

}  // namespace entente::report
