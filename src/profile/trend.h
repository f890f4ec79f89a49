// The profile's trend of one series (internal to entente): OLS slope of the
// values on the years and a 95% percentile pairs-bootstrap interval.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "entente/profile.h"

namespace entente {
namespace profile_internal {

// OLS slope of y on x; nullopt with fewer than 3 points or when x is
// constant.
std::optional<double> OlsSlope(const std::vector<double>& x, const std::vector<double>& y);

// The slope of y on x and, with at least 10 replicates, the 95% percentile
// interval of `replicates` pairs-bootstrap slopes (years resampled with
// replacement; replicates whose years are all equal are dropped). The draws
// depend only on `seed`, so the same seed gives the same interval.
ProfileTrend BootstrapTrend(std::string series, const std::vector<double>& x,
                            const std::vector<double>& y, int replicates, std::uint64_t seed);

}  // namespace profile_internal
}  // namespace entente
