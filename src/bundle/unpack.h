// Unpacking the bundle archive safely (libarchive). Internal to src/bundle.
#pragma once

#include <string>

#include "entente/status.h"

namespace entente::internal {

// Unpacks the gzipped tar at `archive_path` into the existing folder `dir`.
// Refuses (kData, naming the member) any member that is not a regular file or
// folder - links included - or whose path is absolute or climbs with "..".
// REQUIRES: `dir` absolute and canonical (no "." or ".." components). Returns
// the number of files written. On error the caller removes `dir`.
Result<int> UnpackArchive(const std::string& archive_path, const std::string& dir);

}  // namespace entente::internal
