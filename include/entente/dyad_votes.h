// Vote similarity of one named dyad over time, following each country's
// lineage of COW codes (so "DEU" is West Germany, 260, before 1990-10-03 and
// Germany, 255, after).
#pragma once

#include <vector>

#include "entente/countries.h"
#include "entente/unga.h"
#include "entente/vote_panel.h"
#include "entente/vote_similarity.h"

namespace entente {

struct DyadPeriodSimilarity {
  int period = 0;   // year or session
  int ccode_a = 0;  // the COW code A voted under (the latest in the period)
  int ccode_b = 0;
  VoteSimilarity similarity;
};

// One entry per period in which both states voted on at least one roll call
// of `subset`. Roll calls without a date are matched by their year (1 July).
std::vector<DyadPeriodSimilarity> DyadVoteSimilarity(const UngaVotes& votes,
                                                     const CountryRegistry& countries,
                                                     const Country& a, const Country& b,
                                                     VoteGrouping grouping, RollCallSubset subset);

// True when roll call `rc` belongs to `subset`.
bool InSubset(const UngaVotes::RollCall& rc, RollCallSubset subset);

}  // namespace entente
