// A progress bar on stderr, redrawn at most ten times a second and erased
// when it is destroyed. Only created when stderr is a terminal.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace entente::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void Update(std::uint64_t done, std::uint64_t total);

 private:
  std::string label_;
  std::chrono::steady_clock::time_point last_draw_{};
  bool drawn_ = false;
};

}  // namespace entente::cli
