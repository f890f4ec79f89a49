// Pieces of the dyad profile as JSON, shared by `entente profile --format
// json` and /api/v1/profile so that both write them alike. Internal to
// entente (the CLI and the server include it from src/): JSON types stay out
// of the public headers.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "entente/profile.h"

namespace entente::profile_json {

using Json = nlohmann::ordered_json;

// The value, or null when missing.
Json OptionalNumber(const std::optional<double>& value);

// {"id", "dimension", "value", "score", "source", "evidence": [{"reference",
// "date", "what", "publisher", "title", "published", "url"}, ...]}.
Json Indicator(const ProfileIndicatorValue& indicator);

// [{"series", "years", "slope", "ci_low", "ci_high"}, ...].
Json Trends(const std::vector<ProfileTrend>& trends);

}  // namespace entente::profile_json
