// Section "Military alignment": Korolev's level over time, the timeline of
// each criterion, SIPRI arms transfers, and the evidence with its sources.
#include <map>

#include "entente/svg_chart.h"
#include "present/report/chart_data.h"
#include "present/report/html.h"
#include "present/report/report_measures.h"
#include "present/report/sections.h"

namespace entente::report {
namespace {

const char* StatusId(CriterionStatus s) {
  switch (s) {
    case CriterionStatus::kMet:
      return "met";
    case CriterionStatus::kNotMet:
      return "not_met";
    case CriterionStatus::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::string LevelFigure(ReportContext& ctx, const DyadMeasures& m, const MilitaryFramework& fw) {
  svg::LineChart chart;
  chart.id = "military-level";
  chart.title = m.label + ": military alignment level (" + fw.id + ")";
  chart.x_label = "year";
  chart.y_label = "level (criteria on the ladder)";
  chart.step = true;
  chart.y_min = 0;
  chart.y_max = fw.max_level();
  chart.y_decimals = 0;
  std::vector<double> x, level, upper;
  Table data;
  data.columns = {
      "year",        "stage",  "level", "level_max", "grade", "criteria_met", "criteria_unknown",
      "mid_hostlev", "rivalry"};
  for (const MilitaryYearScore& s : m.military) {
    const bool unknown = AllUnknown(s);
    x.push_back(s.year);
    level.push_back(unknown ? kMissing : s.level);
    upper.push_back(unknown ? kMissing : s.level_max);
    data.rows.push_back(
        {std::int64_t{s.year}, unknown ? Cell{} : Cell{MilitaryStageName(fw, s)},
         unknown ? Cell{} : Cell{std::int64_t{s.level}},
         unknown ? Cell{} : Cell{std::int64_t{s.level_max}}, unknown ? Cell{} : NumberCell(s.grade),
         MilitaryCriteriaList(fw, s, CriterionStatus::kMet),
         MilitaryCriteriaList(fw, s, CriterionStatus::kUnknown),
         s.mid_hostlev ? Cell{std::int64_t{*s.mid_hostlev}} : Cell{},
         s.rivalry ? Cell{s.rivalry->empty() ? std::string("none") : *s.rivalry} : Cell{}});
  }
  chart.series = {{"level (unknown criteria counted as not met)", x, level, "", false},
                  {"upper bound (unknown criteria counted as met)", x, upper, "", true}};
  std::string stages;
  for (const auto& st : fw.stages) {
    stages += (stages.empty() ? "" : "; ") + Esc(st.id) + ": " + Esc(st.title) + " (" +
              std::to_string(st.min_met) + " of " + std::to_string(st.criteria.size()) +
              " criteria)";
  }
  const std::string caption =
      "The position on Korolev's ladder of " + std::to_string(fw.max_level()) +
      " criteria: every criterion of a stage reached counts, then the criteria met in the next "
      "stage. Stages: " +
      stages +
      ". Where a criterion is unknown (no source covers the year) the level is a lower bound and "
      "the dashed line the upper bound; a year no source covers at all is a gap. Counter-evidence "
      "(militarised disputes, rivalries) is in the values table.";
  return Figure(ctx, chart.id, chart.title, svg::RenderLineChart(chart), caption, std::move(data));
}

std::string CriteriaFigure(ReportContext& ctx, const DyadMeasures& m, const MilitaryFramework& fw) {
  svg::Timeline chart;
  chart.id = "military-criteria";
  chart.title = m.label + ": each criterion, year by year";
  chart.x_label = "year";
  chart.x_min = ctx.years.first;
  chart.x_max = ctx.years.last;
  chart.states = {{"met", "met", "#009E73"},
                  {"not_met", "not met", "#c8c8c8"},
                  {"unknown", "unknown (no source covers the year)", "#F0E442"}};
  Table data;
  data.columns = {"criterion", "from", "to", "status", "since"};
  for (std::size_t c = 0; c < fw.criteria.size(); ++c) {
    svg::TimelineRow row;
    row.label = std::string(MilitaryCriterionId(fw.criteria[c].id));
    for (std::size_t i = 0; i < m.military.size(); ++i) {
      const MilitaryCriterionYear& cy = m.military[i].criteria[c];
      AddTimelineYear(
          row, m.military[i].year, StatusId(cy.status),
          cy.status == CriterionStatus::kMet ? "met since " + std::to_string(cy.since) : "");
    }
    for (const auto& span : row.spans) {
      data.rows.push_back({row.label, std::int64_t{span.from}, std::int64_t{span.to}, span.state,
                           span.note.empty() ? Cell{} : Cell{span.note}});
    }
    chart.rows.push_back(std::move(row));
  }
  const std::string caption =
      "Criteria in ladder order (shallow at the top). A criterion is met while its evidence "
      "holds (treaties until they end; recurring evidence such as exercises and arms deliveries "
      "for a set number of years after each event), not met when the sources covering the year "
      "show nothing, unknown when no source covers the year. The evidence behind every criterion "
      "is listed below.";
  return Figure(ctx, chart.id, chart.title, svg::RenderTimeline(chart), caption, std::move(data));
}

std::string ArmsFigure(ReportContext& ctx, const DyadMeasures& m) {
  svg::LineChart chart;
  chart.id = "military-arms-transfers";
  chart.title = m.label + ": arms deliveries (SIPRI TIV, millions)";
  chart.x_label = "year";
  chart.y_label = "trend-indicator value";
  chart.y_min = 0;
  chart.y_decimals = 0;
  std::vector<double> x, ab, ba;
  Table data;
  data.columns = {"year", "tiv_a_to_b", "tiv_b_to_a", "arms_classes"};
  for (const MilitaryYearScore& s : m.military) {
    x.push_back(s.year);
    ab.push_back(s.tiv_ab ? *s.tiv_ab : kMissing);
    ba.push_back(s.tiv_ba ? *s.tiv_ba : kMissing);
    data.rows.push_back({std::int64_t{s.year}, s.tiv_ab ? NumberCell(*s.tiv_ab) : Cell{},
                         s.tiv_ba ? NumberCell(*s.tiv_ba) : Cell{},
                         ArmsClassNames(s.arms_classes)});
  }
  chart.series = {{m.a->name + " to " + m.b->name, x, ab, "", false},
                  {m.b->name + " to " + m.a->name, x, ba, "", false}};
  const std::string caption =
      "Deliveries of major conventional arms in SIPRI trend-indicator values (a measure of "
      "military capability transferred, not of price), SIPRI Arms Transfers Database, deliveries "
      "1995-2024; outside those years the series is missing, not zero.";
  return Figure(ctx, chart.id, chart.title, svg::RenderLineChart(chart), caption, std::move(data));
}

bool SameEvidence(const MilitaryExplainRow& x, const MilitaryExplainRow& y) {
  return x.source == y.source && x.date == y.date && x.end_date == y.end_date && x.kind == y.kind &&
         x.name == y.name && x.detail == y.detail && x.url == y.url && x.reference == y.reference &&
         x.counted == y.counted;
}

// FILE:LINE relative to the data directory it is in, for a readable column.
std::string ShortReference(const ReportContext& ctx, const std::string& reference) {
  for (const std::string* dir : {&ctx.options->shared_data_dir, &ctx.options->project_data_dir}) {
    if (!dir->empty() && reference.rfind(*dir + "/", 0) == 0) {
      return reference.substr(dir->size() + 1);
    }
  }
  return reference;
}

std::string EvidenceTable(ReportContext& ctx, const DyadMeasures& m, const MilitaryFramework& fw) {
  const auto rows =
      ExplainMilitaryDyad(*ctx.military_data, *ctx.countries, fw, *m.a, *m.b, ctx.years);
  // Grouped by criterion, in ladder order, as ExplainMilitaryDyad returns them.
  std::vector<std::pair<std::string, std::vector<const MilitaryExplainRow*>>> groups;
  for (const auto& r : rows) {
    if (groups.empty() || groups.back().first != r.criterion) groups.push_back({r.criterion, {}});
    // A directed source (ATOP lists a-b and b-a) gives the same row twice: show it once.
    auto& items = groups.back().second;
    if (!items.empty() && SameEvidence(*items.back(), r)) continue;
    items.push_back(&r);
  }
  std::string out = "<h3>Evidence and sources, criterion by criterion</h3>\n";
  out += "<div id=\"military-evidence\">\n";
  for (const auto& [criterion, items] : groups) {
    const std::string status = items.front()->status;
    std::size_t with_source = 0;
    for (const auto* r : items) with_source += r->source.empty() ? 0 : 1;
    out += "<details class=\"criterion\" data-criterion=\"" + Esc(criterion) + "\"" +
           (with_source > 0 ? " open" : "") + "><summary><strong>" + Esc(criterion) +
           "</strong>: " + Esc(status) + " (" + std::to_string(with_source) +
           (with_source == 1 ? " item" : " items") + " of evidence)</summary>\n";
    if (with_source == 0) {
      out += "<p>No evidence for this criterion in these years.</p></details>\n";
      continue;
    }
    out +=
        "<table class=\"evidence\">\n<thead><tr><th>counted</th><th>source</th><th>date</th>"
        "<th>what</th><th>citation</th><th>reference</th></tr></thead>\n<tbody>\n";
    for (const auto* r : items) {
      if (r->source.empty()) continue;
      std::string what = Esc(r->name);
      if (!r->detail.empty()) what += (what.empty() ? "" : ": ") + Esc(r->detail);
      if (!r->kind.empty()) what += " <span class=\"kind\">[" + Esc(r->kind) + "]</span>";
      std::string citation = Esc(r->publisher);
      if (!r->title.empty()) {
        citation += (citation.empty() ? "" : ", ") + std::string("&ldquo;") +
                    (r->url.empty() ? Esc(r->title) : Link(r->url, r->title)) + "&rdquo;";
      } else if (!r->url.empty()) {
        citation += (citation.empty() ? "" : ", ") + Link(r->url, r->url);
      }
      if (!r->published.empty()) citation += ", " + Esc(r->published);
      out += "<tr class=\"evidence-row\" data-source=\"" + Esc(r->source) + "\" data-url=\"" +
             Esc(r->url) + "\"><td>" + (r->counted ? "yes" : "no") + "</td><td>" + Esc(r->source) +
             "</td><td>" + Esc(r->date) + (r->end_date.empty() ? "" : " to " + Esc(r->end_date)) +
             "</td><td>" + what + "</td><td>" + citation + "</td><td><code>" +
             Esc(ShortReference(ctx, r->reference)) + "</code></td></tr>\n";
    }
    out += "</tbody>\n</table>\n</details>\n";
  }
  out += "</div>\n";
  return out;
}

}  // namespace

Section MilitarySection(ReportContext& ctx) {
  Section s{"military", "Military alignment", ""};
  const DyadMeasures& m = ctx.dyads.front();
  const MilitaryFramework& fw = *ctx.framework;
  s.html = "<p>Framework: " + Esc(fw.title) + ". Source: " + Esc(fw.citation) + ".</p>\n";
  s.html += LevelFigure(ctx, m, fw) + CriteriaFigure(ctx, m, fw) + ArmsFigure(ctx, m) +
            EvidenceTable(ctx, m, fw);
  return s;
}

}  // namespace entente::report
