// Where entente finds the shared datasets and its own project data.
#pragma once

#include <string>
#include <string_view>

namespace entente {

// The shared data directory (the one holding countries/, unga/, cow/ ...):
// `explicit_dir` when given, else $ENTENTE_DATA, else the user's data
// directory (UserDataDir(), where `entente data fetch` unpacks the bundle),
// else ../shared/data beside the source tree, else ./../shared/data. Returns
// the first that exists, or `explicit_dir`/UserDataDir() when none does
// (callers then report it).
std::string ResolveDataDir(std::string_view explicit_dir);

// The user's data directory: $XDG_DATA_HOME/entente/data, else
// ~/.local/share/entente/data. It need not exist.
std::string UserDataDir();

// entente's own data (frameworks, evidence): $ENTENTE_PROJECT_DATA, else the
// data/ folder of the source tree this binary was built from.
std::string ProjectDataDir();

}  // namespace entente
