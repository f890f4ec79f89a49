// Section "Leaders' beliefs": the balance of beliefs (Feng & He) from the
// operational-code profiles of the coded speeches in the store.
#include <cmath>

#include "entente/opcode_indices.h"
#include "entente/svg_chart.h"
#include "present/report/html.h"
#include "present/report/sections.h"

namespace entente::report {
namespace {

std::string MasterFigure(ReportContext& ctx, const DyadMeasures& m, const BeliefsResult& r) {
  svg::BarChart chart;
  chart.id = "beliefs-master";
  chart.title = m.label + ": operational-code indices, " + std::to_string(ctx.years.first) + "-" +
                std::to_string(ctx.years.last);
  chart.y_label = "index";
  chart.series = {r.a.label, r.b.label};
  const std::pair<const char*, double OpcodeIndices::*> kShown[] = {{"P-1", &OpcodeIndices::p1},
                                                                    {"I-1", &OpcodeIndices::i1},
                                                                    {"P-2", &OpcodeIndices::p2},
                                                                    {"I-2", &OpcodeIndices::i2}};
  Table data;
  data.columns = {"index", "a", "b", "difference"};
  for (const auto& [name, member] : kShown) {
    const double a = r.a.indices.*member, b = r.b.indices.*member;
    chart.groups.push_back({name, {a, b}});
    data.rows.push_back({std::string(name), NumberCell(a), NumberCell(b), NumberCell(a - b)});
  }
  const std::string caption =
      "P-1, the nature of the political universe (hostile -1 to friendly +1, from the "
      "attributions a speaker makes to others), and I-1, the strategic approach (conflict -1 to "
      "co-operation +1, from attributions to self), with P-2 and I-2 (their intensity). "
      "Attributions are pooled over each side's speeches in corpus <code>" +
      Esc(ctx.options->beliefs_corpus.empty() ? "all" : ctx.options->beliefs_corpus) + "</code> (" +
      std::to_string(r.a.speeches) + " and " + std::to_string(r.b.speeches) +
      " speeches) before the indices are computed (Walker, Schafer &amp; Young's VICS).";
  return Figure(ctx, chart.id, chart.title, svg::RenderBarChart(chart), caption, std::move(data));
}

std::string SeriesFigure(ReportContext& ctx, const DyadMeasures& m, const BeliefsResult& r,
                         const std::string& id, const char* name, double OpcodeIndices::*member) {
  std::map<int, double> a, b;
  for (const auto& y : r.a.series) a[y.year] = y.indices.*member;
  for (const auto& y : r.b.series) b[y.year] = y.indices.*member;
  svg::LineChart chart;
  chart.id = id;
  chart.title = m.label + ": " + name + " by year";
  chart.x_label = "year";
  chart.y_label = name;
  chart.zero_line = true;
  const auto x = YearAxis(ctx);
  auto self = [](double v) { return v; };
  chart.series = {{r.a.label, x, ByYear(ctx, a, self), "", false},
                  {r.b.label, x, ByYear(ctx, b, self), "", false}};
  std::map<int, const BeliefsYear*> ya, yb;
  for (const auto& y : r.a.series) ya[y.year] = &y;
  for (const auto& y : r.b.series) yb[y.year] = &y;
  auto reliable = [](const std::map<int, const BeliefsYear*>& side, int year) -> Cell {
    auto it = side.find(year);
    if (it == side.end()) return Cell{};
    return std::string(IsReliable(it->second->words, it->second->counts) ? "yes" : "no");
  };
  Table data;
  data.columns = {"year", "a", "b", "a_reliable", "b_reliable"};
  for (std::size_t i = 0; i < x.size(); ++i) {
    const int year = ctx.year_list[i];
    data.rows.push_back({std::int64_t{year}, NumberCell(chart.series[0].y[i]),
                         NumberCell(chart.series[1].y[i]), reliable(ya, year), reliable(yb, year)});
  }
  const std::string caption =
      std::string(name) +
      " of each year's coded speeches; a gap is a year without a coded speech of that side. A "
      "state's speeches are those its corpus files under the state's ISO3 code (China's UN "
      "speeches before 1971 were given by the Republic of China, which held the seat). Years "
      "with fewer than 1,500 words or 15 valenced attributions are flagged unreliable in the "
      "values table.";
  return Figure(ctx, chart.id, chart.title, svg::RenderLineChart(chart), caption, std::move(data));
}

std::string CongruenceTable(const BeliefsResult& r) {
  Table t;
  t.columns = {"master belief", "difference (a - b)", "z", "congruent"};
  t.rows.push_back({std::string("P-1"), NumberCell(r.p1.difference), NumberCell(r.p1.z),
                    std::string(r.p1.congruent ? "yes" : "no")});
  t.rows.push_back({std::string("I-1"), NumberCell(r.i1.difference), NumberCell(r.i1.z),
                    std::string(r.i1.congruent ? "yes" : "no")});
  std::string out = "<h3>Balance of beliefs</h3>\n<p id=\"beliefs-verdict\">" + Esc(r.a.label) +
                    " and " + Esc(r.b.label) + " are <strong>" +
                    (r.congruent ? "congruent" : "not congruent") +
                    "</strong> on the master beliefs (distance in the P-1/I-1 plane " +
                    Num(r.distance, 3) + "). Rule: " + Esc(r.rule) + ".</p>\n";
  out += HtmlTable(t, 3);
  for (const BeliefsSide* side : {&r.a, &r.b}) {
    if (!side->reliability.empty()) {
      out += Note(Esc(side->label) + ": " + Esc(side->reliability) + " - read with care.");
    }
  }
  return out;
}

}  // namespace

Section BeliefsSection(ReportContext& ctx) {
  Section s{"beliefs", "Leaders' beliefs (operational code)", ""};
  const DyadMeasures& m = ctx.dyads.front();
  if (!m.beliefs) {
    if (!ctx.corpus_coded) {
      const std::string corpus =
          ctx.options->beliefs_corpus.empty() ? "ungd" : ctx.options->beliefs_corpus;
      s.html = Note(
          "The speech corpus has not been coded into this store, so there are no beliefs to "
          "compare. Run <code>entente --store " +
          Esc(ctx.store->path()) + " opcode --corpus " + Esc(ctx.options->shared_data_dir) + "/" +
          (corpus == "ungd" ? "ungd" : "speeches") +
          "</code> (the UN General Debate corpus; about a minute), then this report again.");
    } else {
      s.html = Note("No beliefs comparison: " + Esc(m.beliefs_missing) + ".");
    }
    return s;
  }
  const BeliefsResult& r = *m.beliefs;
  s.html = MasterFigure(ctx, m, r) + CongruenceTable(r) +
           SeriesFigure(ctx, m, r, "beliefs-p1-by-year", "P-1", &OpcodeIndices::p1) +
           SeriesFigure(ctx, m, r, "beliefs-i1-by-year", "I-1", &OpcodeIndices::i1);
  return s;
}

}  // namespace entente::report
