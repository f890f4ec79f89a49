// A dense state x roll-call matrix of UN votes, for answering many
// single-dyad questions quickly (the HTTP server's /votes endpoint).
//
// DyadVoteSimilarity (dyad_votes.h) walks every stored vote for each query:
// right for one question from the command line, a few milliseconds each.
// VoteMatrix spends one byte per state and roll call once (1.3 MB for the
// 1946-2024 data: 6,551 roll calls x 200 states) so that a dyad's whole series reads
// two bytes per roll call instead. Its results are those of
// DyadVoteSimilarity (same lineage rule, same subsets, same periods); the
// integration test vote_matrix_test.cc checks that on the real data.
//
// Thread safety: a built matrix is immutable; any number of threads may query it.
#pragma once

#include <cstdint>
#include <vector>

#include "entente/countries.h"
#include "entente/dyad_votes.h"
#include "entente/unga.h"
#include "entente/vote_panel.h"
#include "entente/years.h"

namespace entente {

class VoteMatrix {
 public:
  // Copies what it needs from `votes`; `votes` may be dropped afterwards.
  explicit VoteMatrix(const UngaVotes& votes);

  // As DyadVoteSimilarity, restricted to roll calls whose calendar year is
  // in `years` (with kSession, the session's roll calls in those years).
  std::vector<DyadPeriodSimilarity> Dyad(const CountryRegistry& countries, const Country& a,
                                         const Country& b, VoteGrouping grouping,
                                         RollCallSubset subset, YearRange years) const;

  // The first and last calendar year with a vote; 0 when there is none.
  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }
  // Roll calls held, with or without votes.
  std::size_t roll_call_count() const { return roll_calls_.size(); }

 private:
  // Index of `ccode` in the matrix's columns, or -1.
  int Column(int ccode) const;

  std::vector<UngaVotes::RollCall> roll_calls_;  // sorted by rcid, as in UngaVotes
  std::vector<int> column_of_ccode_;             // ccode -> column, -1 when none
  int columns_ = 0;
  std::vector<std::int8_t> codes_;  // [roll call][column]: Voeten code, 0 when no record
  int first_year_ = 0;
  int last_year_ = 0;
};

}  // namespace entente
