// The dyad profile and the ranking of all dyads as result tables: the columns
// `entente profile` and `entente rank` print, and /api/v1/profile and
// /api/v1/rank answer as CSV. Built here once so that both stay equal byte
// for byte.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "entente/countries.h"
#include "entente/profile.h"
#include "entente/table.h"

namespace entente {

// One row per dyad-year (dyad, year, each dimension's index, composite,
// class, rank, of), the profiles one after another; one decimal, no title.
Table ProfileSummaryTable(std::span<const DyadProfile> profiles);

// The ranked dyads of RankDyads: rank, dyad, ccode1, ccode2, the ranked
// dimension's index (when ranked on a dimension, not the composite), each
// dimension's index, composite, class; one decimal, no title.
Table ProfileRankTable(const CountryRegistry& countries, const std::vector<RankRow>& rows,
                       std::optional<ProfileDimension> dimension);

}  // namespace entente
