// Section "In brief": the latest value of each dimension in one sentence
// each, with what the report could not show.
#include <algorithm>
#include <cmath>

#include "present/report/html.h"
#include "present/report/report_measures.h"
#include "present/report/sections.h"

namespace entente::report {
namespace {

// A year with fewer common roll calls than this (e.g. 2024, whose data end in
// June) is too noisy to headline; the summary names the latest year with at
// least this many and mentions the later, thinner ones.
constexpr std::int64_t kHeadlineMinVotes = 20;

std::string YearClause(int year, const VoteSimilarity& s) {
  return "in " + std::to_string(year) + " the two agreed on " + Num(100 * s.agree, 0) +
         "% of the " + std::to_string(s.n) + " roll calls both voted on (kappa " + Num(s.kappa, 2) +
         ")";
}

std::string VotesLine(const ReportContext& ctx, const DyadMeasures& m) {
  if (!ctx.votes) return "UN votes: not in the store (run <code>entente init</code>).";
  auto first = std::find_if(m.votes.begin(), m.votes.end(),
                            [](const auto& e) { return e.second.n >= kHeadlineMinVotes; });
  auto last = std::find_if(m.votes.rbegin(), m.votes.rend(),
                           [](const auto& e) { return e.second.n >= kHeadlineMinVotes; });
  if (first == m.votes.end()) {
    return "UN votes: no year in these years with at least " + std::to_string(kHeadlineMinVotes) +
           " roll calls on which both voted (see the chart).";
  }
  std::string line = "UN votes: " + YearClause(last->first, last->second);
  if (first->first != last->first) {
    line += "; " + YearClause(first->first, first->second);
  }
  line += " (years with at least " + std::to_string(kHeadlineMinVotes) + " common roll calls";
  if (m.votes.rbegin()->first != last->first) {
    line += "; " + std::to_string(m.votes.rbegin()->first) + " has " +
            std::to_string(m.votes.rbegin()->second.n) + " so far";
  }
  return line + ").";
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

std::string ProfileLine(const DyadMeasures& m) {
  if (!m.profile) return "Profile: not available (" + Esc(m.profile_missing) + ").";
  for (auto it = m.profile->rows.rbegin(); it != m.profile->rows.rend(); ++it) {
    if (!it->composite) continue;
    std::string line = "Composite alignment " + Num(*it->composite, 1) + " of 100 in " +
                       std::to_string(it->year) + ", classified as " +
                       Esc(AlignmentClassId(it->alignment));
    if (it->rank) {
      line += "; rank " + std::to_string(*it->rank) + " of " + std::to_string(it->ranked_dyads) +
              " dyads that year";
    }
    std::string dims;
    for (int d = 0; d < kAlignmentDimensionCount; ++d) {
      if (!it->index[d]) continue;
      dims += (dims.empty() ? "" : ", ") +
              std::string(ProfileDimensionId(static_cast<ProfileDimension>(d))) + " " +
              Num(*it->index[d], 0);
    }
    return line + (dims.empty() ? "" : " (" + dims + ")") + ".";
  }
  return "Composite alignment: too few dimensions with data in these years.";
}

}  // namespace

Section SummarySection(ReportContext& ctx) {
  Section s{"summary", "In brief", ""};
  const DyadMeasures& m = ctx.dyads.front();
  s.html = "<ul id=\"summary-list\">\n<li>" + VotesLine(ctx, m) + "</li>\n<li>" +
           MilitaryLine(ctx, m) + "</li>\n<li>" + BeliefsLine(m) + "</li>\n<li>" + ProfileLine(m) +
           "</li>\n</ul>\n";
  for (const std::string& note : ctx.notes) s.html += Note(Esc(note));
  return s;
}

}  // namespace entente::report
