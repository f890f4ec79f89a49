// The store's schema as ordered migrations (internal).
#pragma once

#include "entente/status.h"
#include "store/sqlite.h"

namespace entente::internal {

// Applies every migration newer than the file's PRAGMA user_version, each in
// its own transaction. Refuses a file whose version is newer than this build.
Status Migrate(Database& db, int target_version);

// Reads PRAGMA user_version.
Result<int> SchemaVersion(Database& db);

}  // namespace entente::internal
