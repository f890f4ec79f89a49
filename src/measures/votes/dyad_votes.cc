#include "entente/dyad_votes.h"

#include <algorithm>

#include "measures/votes/dyad_period_tally.h"

namespace entente {

bool InSubset(const UngaVotes::RollCall& rc, RollCallSubset subset) {
  switch (subset) {
    case RollCallSubset::kAll:
      return true;
    case RollCallSubset::kImportant:
      return rc.important == 1;
    default: {
      const int bit = static_cast<int>(subset) - static_cast<int>(RollCallSubset::kMe);
      return rc.issues_coded && (rc.issues & (1u << bit)) != 0;
    }
  }
}

std::vector<DyadPeriodSimilarity> DyadVoteSimilarity(const UngaVotes& votes,
                                                     const CountryRegistry& countries,
                                                     const Country& a, const Country& b,
                                                     VoteGrouping grouping, RollCallSubset subset) {
  votes_internal::DyadPeriodTally tally;
  // Votes are stored grouped by roll call; walk each roll call's run.
  std::size_t v = 0;
  const std::size_t total = votes.vote_code.size();
  while (v < total) {
    const int r = votes.vote_roll_call[v];
    std::size_t end = v;
    while (end < total && votes.vote_roll_call[end] == r) ++end;
    const auto& rc = votes.roll_calls[r];
    if (InSubset(rc, subset)) {
      const DateKey date = votes_internal::RollCallDate(rc);
      auto code_a = countries.CcodeOn(a, date);
      auto code_b = countries.CcodeOn(b, date);
      if (code_a && code_b && *code_a != *code_b) {
        int vote_a = 0, vote_b = 0;
        for (std::size_t i = v; i < end; ++i) {
          const int ccode = votes.ccodes[votes.vote_country[i]];
          if (ccode == *code_a) vote_a = votes.vote_code[i];
          if (ccode == *code_b) vote_b = votes.vote_code[i];
        }
        tally.Add(votes_internal::PeriodOf(rc, grouping), *code_a, *code_b, vote_a, vote_b);
      }
    }
    v = end;
  }
  return tally.Similarities();
}

}  // namespace entente
