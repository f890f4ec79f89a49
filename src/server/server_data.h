// Everything the endpoints read, loaded once when the server starts and
// immutable afterwards (but for the store pool, which locks itself), so that
// worker threads share it without locks.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "entente/countries.h"
#include "entente/military.h"
#include "entente/profile.h"
#include "entente/server.h"
#include "entente/store.h"
#include "entente/vote_matrix.h"
#include "server/api_response.h"
#include "server/response_cache.h"
#include "server/store_pool.h"

namespace entente::server {

struct ServerData {
  ServerData(ServeOptions o, std::string data, std::string project, CountryRegistry c)
      : options(std::move(o)),
        data_dir(std::move(data)),
        project_data_dir(std::move(project)),
        countries(std::move(c)),
        cache(std::make_unique<ResponseCache>(options.cache_bytes)) {}

  ServeOptions options;
  std::string data_dir;          // resolved
  std::string project_data_dir;  // resolved
  CountryRegistry countries;
  std::unique_ptr<VoteMatrix> votes;
  std::vector<ImportRecord> imports;  // the store's provenance, for /meta
  std::unique_ptr<MilitaryData> military;
  std::vector<MilitaryFramework> frameworks;  // every framework under data/frameworks
  // The dyad-year panel: the one `entente import profile` stored (opened per
  // store connection, profile.h says why) or, without one, built in memory at
  // startup and shared. profile_options open the stored one.
  std::unique_ptr<ProfileData> profile;  // built in memory; nullptr when stored
  ProfileDataOptions profile_options;
  YearRange profile_years;
  std::int64_t profile_dyad_years = 0;
  std::unique_ptr<StorePool> stores;     // for the beliefs endpoint
  std::unique_ptr<ResponseCache> cache;  // answers to repeated requests (locks itself)

  // Runs `f` on the panel: the shared one, or the stored one through a
  // leased connection (opened on the connection's first use).
  Result<ApiResponse> WithProfile(
      const std::function<Result<ApiResponse>(const ProfileData&)>& f) const;

  // The framework named `id`, or nullptr.
  const MilitaryFramework* Framework(const std::string& id) const;
};

// Loads the registry, the UN votes (all years), the military evidence and
// frameworks. The store must exist: serving an empty store would answer
// every question with "no data" instead of saying `entente init` is needed.
Result<std::unique_ptr<ServerData>> LoadServerData(const ServeOptions& options,
                                                   const ServeLogFn& log);

}  // namespace entente::server
