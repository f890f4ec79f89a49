// A fresh, uniquely named directory under the system temp folder, removed
// with everything in it when the object goes out of scope.
//
// CTest runs test cases in parallel processes; a fixed name such as
// /tmp/entente_x_test lets one case delete the files another is reading, so
// every case that writes files takes its own ScratchDir.
#pragma once

#include <stdlib.h>  // mkdtemp (POSIX)

#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>

namespace entente::testing_support {

class ScratchDir {
 public:
  explicit ScratchDir(const std::string& prefix = "entente-test") {
    std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("cannot create a scratch directory from " + pattern);
    }
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace entente::testing_support
