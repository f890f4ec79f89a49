// The API's endpoints: plain functions of (loaded data, query parameters).
// A failed Result becomes an error response (api_response.h maps the code);
// the router (router.cc) adds the HTTP plumbing.
#pragma once

#include <string>

#include "entente/status.h"
#include "server/api_response.h"
#include "server/query.h"
#include "server/server_data.h"

namespace entente::server {

// GET /api/v1/meta: version, data coverage, provenance, limits, endpoints.
Result<ApiResponse> MetaEndpoint(const ServerData& data, const Query& query);
// GET /api/v1/countries: every COW state (for pickers).
Result<ApiResponse> CountriesEndpoint(const ServerData& data, const Query& query);
// GET /api/v1/countries/{key}: how one key resolves, with its lineage.
Result<ApiResponse> CountryEndpoint(const ServerData& data, const Query& query,
                                    const std::string& key);
// GET /api/v1/votes: UN voting similarity of a dyad per year or session.
Result<ApiResponse> VotesEndpoint(const ServerData& data, const Query& query);
// GET /api/v1/military: Korolev levels and criteria of a dyad per year.
Result<ApiResponse> MilitaryEndpoint(const ServerData& data, const Query& query);
// GET /api/v1/beliefs: balance of beliefs (P-1, I-1) of two states or speakers.
Result<ApiResponse> BeliefsEndpoint(const ServerData& data, const Query& query);
// GET /api/v1/profile: the dyad's alignment indices, composite, class, rank, trends.
Result<ApiResponse> ProfileEndpoint(const ServerData& data, const Query& query);
// GET /api/v1/rank: every dyad of a year ranked on the composite or a dimension.
Result<ApiResponse> RankEndpoint(const ServerData& data, const Query& query);

}  // namespace entente::server
