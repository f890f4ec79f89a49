#include "entente/vote_matrix.h"

#include <algorithm>

#include "measures/votes/dyad_period_tally.h"

namespace entente {

VoteMatrix::VoteMatrix(const UngaVotes& votes) : roll_calls_(votes.roll_calls) {
  columns_ = static_cast<int>(votes.ccodes.size());
  const int max_ccode = votes.ccodes.empty() ? 0 : votes.ccodes.back();
  column_of_ccode_.assign(static_cast<std::size_t>(max_ccode) + 1, -1);
  for (int c = 0; c < columns_; ++c) column_of_ccode_[votes.ccodes[c]] = c;
  codes_.assign(roll_calls_.size() * static_cast<std::size_t>(columns_), 0);
  for (std::size_t v = 0; v < votes.vote_code.size(); ++v) {
    const std::size_t cell =
        static_cast<std::size_t>(votes.vote_roll_call[v]) * columns_ + votes.vote_country[v];
    codes_[cell] = votes.vote_code[v];
    // Coverage counts years with votes: a store may hold roll calls (from
    // un_roll_calls.csv) beyond the last year of its vote files.
    const int year = roll_calls_[votes.vote_roll_call[v]].year;
    if (first_year_ == 0 || year < first_year_) first_year_ = year;
    last_year_ = std::max(last_year_, year);
  }
}

int VoteMatrix::Column(int ccode) const {
  if (ccode < 0 || ccode >= static_cast<int>(column_of_ccode_.size())) return -1;
  return column_of_ccode_[ccode];
}

std::vector<DyadPeriodSimilarity> VoteMatrix::Dyad(const CountryRegistry& countries,
                                                   const Country& a, const Country& b,
                                                   VoteGrouping grouping, RollCallSubset subset,
                                                   YearRange years) const {
  votes_internal::DyadPeriodTally tally;
  for (std::size_t r = 0; r < roll_calls_.size(); ++r) {
    const auto& rc = roll_calls_[r];
    if (!years.contains(rc.year) || !InSubset(rc, subset)) continue;
    const DateKey date = votes_internal::RollCallDate(rc);
    auto code_a = countries.CcodeOn(a, date);
    auto code_b = countries.CcodeOn(b, date);
    if (!code_a || !code_b || *code_a == *code_b) continue;
    const int col_a = Column(*code_a);
    const int col_b = Column(*code_b);
    if (col_a < 0 || col_b < 0) continue;
    const std::int8_t* row = &codes_[r * static_cast<std::size_t>(columns_)];
    tally.Add(votes_internal::PeriodOf(rc, grouping), *code_a, *code_b, row[col_a], row[col_b]);
  }
  return tally.Similarities();
}

}  // namespace entente
