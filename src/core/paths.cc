#include "entente/paths.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace entente {

std::string UserDataDir() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg && *xdg) return std::string(xdg) + "/entente/data";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.local/share/entente/data";
}

std::string ResolveDataDir(std::string_view explicit_dir) {
  if (!explicit_dir.empty()) return std::string(explicit_dir);
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("ENTENTE_DATA"); env && *env) candidates.push_back(env);
  // A bundle the user fetched comes before the source tree's shared data: it
  // only exists because they asked for it (`entente data fetch`).
  candidates.push_back(UserDataDir());
  candidates.push_back(ENTENTE_DEFAULT_SHARED_DATA_DIR);
  candidates.push_back("../shared/data");
  std::error_code ec;
  for (const auto& dir : candidates) {
    if (std::filesystem::is_directory(dir, ec)) {
      return std::filesystem::weakly_canonical(dir, ec).string();
    }
  }
  return UserDataDir();
}

std::string ProjectDataDir() {
  if (const char* env = std::getenv("ENTENTE_PROJECT_DATA"); env && *env) return env;
  return ENTENTE_SOURCE_DATA_DIR;
}

}  // namespace entente
