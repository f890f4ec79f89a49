// What DyadVoteSimilarity (dyad_votes.cc) and VoteMatrix::Dyad
// (vote_matrix.cc) share, so that the two paths count a dyad's votes alike:
// the date a roll call counts on and the tally of vote pairs by period.
// Internal to entente.
#pragma once

#include <map>
#include <vector>

#include "entente/dyad_votes.h"

namespace entente::votes_internal {

// The date whose country lineage a roll call follows: its own, or 1 July of
// its year when undated.
inline DateKey RollCallDate(const UngaVotes::RollCall& rc) {
  return rc.date != 0 ? rc.date : MakeDateKey(rc.year, 7, 1);
}

inline int PeriodOf(const UngaVotes::RollCall& rc, VoteGrouping grouping) {
  return grouping == VoteGrouping::kYear ? rc.year : rc.session;
}

// A dyad's pairs of votes (1 yes, 2 abstain, 3 no) by period; a pair with
// any other code (absent, not a member) is not counted.
class DyadPeriodTally {
 public:
  void Add(int period, int ccode_a, int ccode_b, int vote_a, int vote_b) {
    if (vote_a < 1 || vote_a > 3 || vote_b < 1 || vote_b > 3) return;
    Period& p = by_period_[period];
    ++p.table.counts[vote_a - 1][vote_b - 1];
    p.ccode_a = ccode_a;
    p.ccode_b = ccode_b;
  }

  // One entry per period with a counted pair, in period order.
  std::vector<DyadPeriodSimilarity> Similarities() const {
    std::vector<DyadPeriodSimilarity> out;
    out.reserve(by_period_.size());
    for (const auto& [period, p] : by_period_) {
      out.push_back({period, p.ccode_a, p.ccode_b, MeasureSimilarity(p.table)});
    }
    return out;
  }

 private:
  struct Period {
    VoteTable table;
    int ccode_a = 0;  // the codes of the period's last counted roll call
    int ccode_b = 0;
  };
  // Periods are few (at most one per year) and come in rcid order, which is
  // not always period order: an ordered map keeps the output sorted.
  std::map<int, Period> by_period_;
};

}  // namespace entente::votes_internal
