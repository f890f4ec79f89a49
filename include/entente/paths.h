// Where entente finds the shared datasets and its own project data.
#pragma once

#include <string>
#include <string_view>

namespace entente {

// The shared data directory (the one holding countries/, unga/, cow/ ...):
// `explicit_dir` when given, else $ENTENTE_DATA, else ../shared/data beside
// the source tree, else ./../shared/data, else the user's data directory
// (~/.local/share/entente/data). Returns the first that exists, or
// `explicit_dir`/the last candidate when none does (callers then report it).
std::string ResolveDataDir(std::string_view explicit_dir);

// entente's own data (frameworks, evidence): $ENTENTE_PROJECT_DATA, else the
// data/ folder of the source tree this binary was built from.
std::string ProjectDataDir();

}  // namespace entente
