// Comparing a data directory with the bundle manifest (`entente doctor`).
#include <filesystem>

#include "entente/data_bundle.h"

namespace entente {

std::vector<BundleFileCheck> CheckBundleFiles(
    const BundleManifest& manifest, const std::string& dir,
    const std::function<void(std::uint64_t done, std::uint64_t total)>& progress) {
  std::uint64_t total = 0;
  for (const auto& f : manifest.files) total += static_cast<std::uint64_t>(f.size);
  std::uint64_t done = 0;
  std::vector<BundleFileCheck> checks;
  for (const BundleFile& file : manifest.files) {
    BundleFileCheck check;
    check.expected = file;
    const std::string path = dir + "/" + file.path;
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) {
      check.size = static_cast<std::int64_t>(std::filesystem::file_size(path, ec));
      if (check.size != file.size) {
        check.state = BundleFileState::kWrongSize;
      } else if (auto sha = Sha256OfFile(path); !sha.ok()) {
        check.state = BundleFileState::kUnreadable;
      } else {
        check.sha256 = *sha;
        check.state = *sha == file.sha256 ? BundleFileState::kOk : BundleFileState::kWrongChecksum;
      }
    }
    done += static_cast<std::uint64_t>(file.size);
    if (progress) progress(done, total);
    checks.push_back(std::move(check));
  }
  return checks;
}

}  // namespace entente
