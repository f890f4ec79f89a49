// One HTTP(S)/file transfer into a .partial file, resuming from its current
// length with a Range request (libcurl). Internal to src/bundle.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "entente/status.h"

namespace entente::internal {

struct DownloadRequest {
  std::string url;
  std::string partial_path;        // appended to; created when missing
  std::int64_t expected_size = 0;  // the transfer is cut off beyond this many bytes
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
  std::function<void(const std::string&)> log;
};

struct DownloadAttempt {
  bool complete = false;        // the server sent the whole body
  std::int64_t started_at = 0;  // bytes kept from earlier attempts
  std::string error;            // why an incomplete transfer stopped
};

// Makes one transfer. Returns an error Status for failures that retrying
// cannot fix (HTTP 4xx/5xx, more bytes than expected, an unwritable file, an
// unsupported URL); a transfer that broke off returns complete = false and
// leaves what arrived in the .partial file.
Result<DownloadAttempt> DownloadOnce(const DownloadRequest& request);

}  // namespace entente::internal
