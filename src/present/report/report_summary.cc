// Section "In brief": the latest value of each dimension in one sentence
// each, with what the report could not show.
#include <cmath>

#include "present/report/html.h"
#include "present/report/report_measures.h"
#include "present/report/sections.h"

namespace entente::report {
namespace {

std::string VotesLine(const ReportContext& ctx, const DyadMeasures& m) {
  if (!ctx.votes) return "UN votes: not in the store (run <code>entente init</code>).";
  const VoteSimilarity* first = nullptr;
  int first_year = 0;
  for (const auto& [year, s] : m.votes) {
    if (s.n > 0) {
      first = &s;
      first_year = year;
      break;
    }
  }
  for (auto it = m.votes.rbegin(); it != m.votes.rend(); ++it) {
    if (it->second.n == 0) continue;
    const VoteSimilarity& s = it->second;
    std::string line = "UN votes: in " + std::to_string(it->first) + " the two agreed on " +
                       Num(100 * s.agree, 0) + "% of the " + std::to_string(s.n) +
                       " roll calls both voted on (kappa " + Num(s.kappa, 2) + ")";
    if (first && first_year != it->first) {
      line += "; in " + std::to_string(first_year) + ", the first year with common votes, on " +
              Num(100 * first->agree, 0) + "% (kappa " + Num(first->kappa, 2) + ")";
    }
    return line + ".";
  }
  return "UN votes: no roll call in these years on which both voted.";
}

std::string MilitaryLine(const ReportContext& ctx, const DyadMeasures& m) {
  for (auto it = m.military.rbegin(); it != m.military.rend(); ++it) {
    if (AllUnknown(*it)) continue;
    std::string met = MilitaryCriteriaList(*ctx.framework, *it, CriterionStatus::kMet);
    for (std::size_t at = met.find(';'); at != std::string::npos; at = met.find(';', at)) {
      met.replace(at, 1, ", ");
    }
    return "Military alignment: level " + std::to_string(it->level) + " of " +
           std::to_string(ctx.framework->max_level()) +
           " (stage: " + Esc(MilitaryStageName(*ctx.framework, *it)) + ") in " +
           std::to_string(it->year) + (met.empty() ? "" : "; criteria met: " + Esc(met)) + ".";
  }
  return "Military alignment: no source covers these years.";
}

std::string BeliefsLine(const DyadMeasures& m) {
  if (!m.beliefs) return "Beliefs: not available (" + Esc(m.beliefs_missing) + ").";
  const BeliefsResult& r = *m.beliefs;
  return "Beliefs: " + std::string(r.congruent ? "congruent" : "not congruent") +
         " on the master beliefs (P-1 difference " + Num(r.p1.difference, 3) + ", I-1 difference " +
         Num(r.i1.difference, 3) + ").";
}

}  // namespace

Section SummarySection(ReportContext& ctx) {
  Section s{"summary", "In brief", ""};
  const DyadMeasures& m = ctx.dyads.front();
  s.html = "<ul id=\"summary-list\">\n<li>" + VotesLine(ctx, m) + "</li>\n<li>" +
           MilitaryLine(ctx, m) + "</li>\n<li>" + BeliefsLine(m) +
           "</li>\n<li>Economic, diplomatic, personal dimensions and the composite index: not in "
           "this build (see below).</li>\n</ul>\n";
  for (const std::string& note : ctx.notes) s.html += Note(Esc(note));
  return s;
}

}  // namespace entente::report
