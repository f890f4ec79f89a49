#include "entente/dyad_votes.h"

#include <algorithm>
#include <map>

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
  struct Accumulator {
    VoteTable table;
    int ccode_a = 0;
    int ccode_b = 0;
  };
  std::map<int, Accumulator> by_period;
  // Votes are stored grouped by roll call; walk each roll call's run.
  std::size_t v = 0;
  const std::size_t total = votes.vote_code.size();
  while (v < total) {
    const int r = votes.vote_roll_call[v];
    std::size_t end = v;
    while (end < total && votes.vote_roll_call[end] == r) ++end;
    const auto& rc = votes.roll_calls[r];
    if (InSubset(rc, subset)) {
      const DateKey date = rc.date != 0 ? rc.date : MakeDateKey(rc.year, 7, 1);
      auto code_a = countries.CcodeOn(a, date);
      auto code_b = countries.CcodeOn(b, date);
      if (code_a && code_b && *code_a != *code_b) {
        int vote_a = 0, vote_b = 0;
        for (std::size_t i = v; i < end; ++i) {
          const int ccode = votes.ccodes[votes.vote_country[i]];
          if (ccode == *code_a) vote_a = votes.vote_code[i];
          if (ccode == *code_b) vote_b = votes.vote_code[i];
        }
        if (vote_a >= 1 && vote_a <= 3 && vote_b >= 1 && vote_b <= 3) {
          Accumulator& acc = by_period[grouping == VoteGrouping::kYear ? rc.year : rc.session];
          ++acc.table.counts[vote_a - 1][vote_b - 1];
          acc.ccode_a = *code_a;
          acc.ccode_b = *code_b;
        }
      }
    }
    v = end;
  }
  std::vector<DyadPeriodSimilarity> out;
  out.reserve(by_period.size());
  for (const auto& [period, acc] : by_period) {
    out.push_back({period, acc.ccode_a, acc.ccode_b, MeasureSimilarity(acc.table)});
  }
  return out;
}

}  // namespace entente
