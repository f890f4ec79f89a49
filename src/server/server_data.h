// Everything the endpoints read, loaded once when the server starts and
// immutable afterwards (but for the store pool, which locks itself), so that
// worker threads share it without locks.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "entente/countries.h"
#include "entente/military.h"
#include "entente/profile.h"
#include "entente/server.h"
#include "entente/store.h"
#include "entente/vote_matrix.h"
#include "server/response_cache.h"
#include "server/store_pool.h"

namespace entente::server {

struct ServerData {
  ServeOptions options;
  std::string data_dir;          // resolved
  std::string project_data_dir;  // resolved
  CountryRegistry countries;
  std::unique_ptr<VoteMatrix> votes;
  std::vector<ImportRecord> imports;  // the store's provenance, for /meta
  std::unique_ptr<MilitaryData> military;
  std::vector<MilitaryFramework> frameworks;  // every framework under data/frameworks
  std::unique_ptr<ProfileData> profile;       // the dyad-year panel, built in memory
  std::unique_ptr<StorePool> stores;          // for the beliefs endpoint
  std::unique_ptr<ResponseCache> cache;       // answers to repeated requests (locks itself)

  // The framework named `id`, or nullptr.
  const MilitaryFramework* Framework(const std::string& id) const;
};

// Loads the registry, the UN votes (all years), the military evidence and
// frameworks. The store must exist: serving an empty store would answer
// every question with "no data" instead of saying `entente init` is needed.
Result<std::unique_ptr<ServerData>> LoadServerData(const ServeOptions& options,
                                                   const ServeLogFn& log);

}  // namespace entente::server
