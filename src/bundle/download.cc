#include "bundle/download.h"

#include <curl/curl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>

namespace entente::internal {
namespace {

constexpr long kConnectTimeoutSeconds = 20;
// A transfer slower than 1 byte/s for a minute is stalled: give up and let
// the caller resume.
constexpr long kLowSpeedBytes = 1;
constexpr long kLowSpeedSeconds = 60;
constexpr long kMaxRedirects = 5;
constexpr long kHttpPartialContent = 206;
constexpr long kHttpRangeNotSatisfiable = 416;

void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// State shared with libcurl's callbacks during one transfer.
struct Transfer {
  std::FILE* file = nullptr;
  CURL* curl = nullptr;
  std::int64_t offset = 0;   // bytes in the file before this transfer's body
  std::int64_t written = 0;  // bytes of this transfer's body written
  std::int64_t expected = 0;
  bool body_started = false;
  bool over_size = false;
  bool write_failed = false;
  std::int64_t content_range_start = -1;  // from "Content-Range: bytes S-E/T"
  const DownloadRequest* request = nullptr;
};

void Log(const Transfer& t, const std::string& line) {
  if (t.request->log) t.request->log(line);
}

// The first body byte decides whether the server honoured the Range request:
// 206 from the offset asked for appends; anything else starts the file over.
bool StartBody(Transfer& t) {
  t.body_started = true;
  if (t.offset == 0) return true;
  long code = 0;
  curl_easy_getinfo(t.curl, CURLINFO_RESPONSE_CODE, &code);
  const bool is_http = code != 0;
  if (!is_http || (code == kHttpPartialContent && t.content_range_start == t.offset)) return true;
  Log(t, "the server did not resume at byte " + std::to_string(t.offset) + ": starting over");
  std::fflush(t.file);
  if (ftruncate(fileno(t.file), 0) != 0) return false;
  t.offset = 0;
  return true;
}

std::size_t OnBody(char* data, std::size_t size, std::size_t count, void* user) {
  auto& t = *static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (!t.body_started && !StartBody(t)) {
    t.write_failed = true;
    return 0;
  }
  if (t.offset + t.written + static_cast<std::int64_t>(n) > t.expected) {
    t.over_size = true;
    return 0;  // aborts the transfer
  }
  if (std::fwrite(data, 1, n, t.file) != n) {
    t.write_failed = true;
    return 0;
  }
  t.written += static_cast<std::int64_t>(n);
  return n;
}

std::size_t OnHeader(char* data, std::size_t size, std::size_t count, void* user) {
  auto& t = *static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  std::string line(data, n);
  if (line.rfind("HTTP/", 0) == 0) t.content_range_start = -1;  // a new response (redirects)
  constexpr std::string_view kPrefix = "content-range: bytes ";
  if (line.size() > kPrefix.size()) {
    std::string head = line.substr(0, kPrefix.size());
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (head == kPrefix) {
      try {
        t.content_range_start = std::stoll(line.substr(kPrefix.size()));
      } catch (...) {
        t.content_range_start = -1;
      }
    }
  }
  return n;
}

int OnProgress(void* user, curl_off_t, curl_off_t now, curl_off_t, curl_off_t) {
  auto& t = *static_cast<Transfer*>(user);
  if (t.request->progress) {
    t.request->progress(static_cast<std::uint64_t>(t.offset + now),
                        static_cast<std::uint64_t>(t.expected));
  }
  return 0;
}

void Configure(CURL* curl, Transfer& t, char* error_buffer) {
  curl_easy_setopt(curl, CURLOPT_URL, t.request->url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https,file");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, kMaxRedirects);
  curl_easy_setopt(curl, CURLOPT_FAILONERROR, 1L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, kConnectTimeoutSeconds);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, kLowSpeedBytes);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, kLowSpeedSeconds);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "entente/" ENTENTE_VERSION);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &OnBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &OnHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &OnProgress);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &t);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  if (t.offset > 0) {
    curl_easy_setopt(curl, CURLOPT_RESUME_FROM_LARGE, static_cast<curl_off_t>(t.offset));
  }
}

// Turns a failed transfer into an error (not worth retrying) or an
// incomplete attempt (worth resuming).
Result<DownloadAttempt> Outcome(const Transfer& t, CURLcode code, const char* error_buffer,
                                DownloadAttempt attempt) {
  const std::string& url = t.request->url;
  const std::string detail = *error_buffer ? error_buffer : curl_easy_strerror(code);
  if (t.over_size) {
    return Status::Data(url + " is larger than the manifest's " + std::to_string(t.expected) +
                        " bytes: not the bundle this entente expects (another version?)");
  }
  if (t.write_failed) return Status::Io("cannot write '" + t.request->partial_path + "'");
  long http = 0;
  curl_easy_getinfo(t.curl, CURLINFO_RESPONSE_CODE, &http);
  if ((code == CURLE_HTTP_RETURNED_ERROR && http == kHttpRangeNotSatisfiable) ||
      code == CURLE_RANGE_ERROR || code == CURLE_BAD_DOWNLOAD_RESUME) {
    // The server cannot resume here (no range support, or the partial file is
    // at least as long as its file): start over, and the next attempt finds
    // out the real size.
    attempt.error = "the server could not resume at byte " + std::to_string(t.offset) + " (" +
                    detail + "): starting over";
    std::error_code ec;
    std::filesystem::resize_file(t.request->partial_path, 0, ec);
    return attempt;
  }
  if (code == CURLE_HTTP_RETURNED_ERROR) {
    const std::string message = "the server answered HTTP " + std::to_string(http) + " for " + url;
    if (http == 404) return Status::NotFound(message + ": no bundle there (check --from)");
    return Status::Io(message);
  }
  if (code == CURLE_UNSUPPORTED_PROTOCOL || code == CURLE_URL_MALFORMAT) {
    return Status::Usage("cannot download '" + url + "': " + detail +
                         " (use an http://, https:// or file:// URL, or a local path)");
  }
  if (code == CURLE_FILE_COULDNT_READ_FILE) {
    return Status::NotFound("cannot read '" + url + "': " + detail);
  }
  attempt.error = detail;
  return attempt;
}

}  // namespace

Result<DownloadAttempt> DownloadOnce(const DownloadRequest& request) {
  GlobalInitOnce();
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(
      std::fopen(request.partial_path.c_str(), "ab"), &std::fclose);
  if (!file) return Status::Io("cannot write '" + request.partial_path + "'");
  std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) return Status::Internal("libcurl could not start a transfer");

  Transfer t;
  t.file = file.get();
  t.curl = curl.get();
  t.request = &request;
  t.expected = request.expected_size;
  std::error_code ec;
  t.offset = static_cast<std::int64_t>(std::filesystem::file_size(request.partial_path, ec));
  if (ec) t.offset = 0;
  DownloadAttempt attempt;
  attempt.started_at = t.offset;

  char error_buffer[CURL_ERROR_SIZE] = {0};
  Configure(curl.get(), t, error_buffer);
  const CURLcode code = curl_easy_perform(curl.get());
  if (std::fflush(file.get()) != 0) t.write_failed = true;
  if (code == CURLE_OK && !t.write_failed) {
    attempt.complete = true;
    return attempt;
  }
  return Outcome(t, code, error_buffer, attempt);
}

}  // namespace entente::internal
