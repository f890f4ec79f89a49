// entente data fetch: download, verify, then unpack the data bundle.
#include <stdlib.h>  // mkdtemp (POSIX)

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "bundle/download.h"
#include "bundle/unpack.h"
#include "entente/data_bundle.h"
#include "entente/paths.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

void Log(const FetchOptions& o, const std::string& line) {
  if (o.log) o.log(line);
}

// --from may be the archive's URL, a folder URL, or a local path.
Result<std::string> ArchiveUrl(const BundleManifest& m, const FetchOptions& o) {
  std::string from = o.from;
  if (from.empty()) {
    if (m.urls.empty()) {
      return Status::Usage(
          "data bundle " + m.name + " " + m.version +
          " is not published anywhere yet (the manifest lists no URL): pass --from URL, the "
          "archive's address or a folder holding " +
          m.archive +
          " (http://, https://, file:// or a local path); scripts/make_data_bundle.sh builds it "
          "from ../shared/data (docs/data.md)");
    }
    from = m.urls.front();
  }
  if (from.find("://") == std::string::npos) {
    std::error_code ec;
    from = "file://" + fs::absolute(from, ec).lexically_normal().string();
  }
  if (from.ends_with(".tar.gz") || from.ends_with(".tgz")) return from;
  if (from.back() != '/') from += '/';
  return from + m.archive;
}

Status CheckDownload(const BundleManifest& m, const std::string& path, const std::string& url) {
  std::error_code ec;
  const auto size = static_cast<std::int64_t>(fs::file_size(path, ec));
  if (ec) return Status::Io("cannot read '" + path + "'");
  if (size != m.size) {
    fs::remove(path, ec);
    return Status::Data(url + " has " + std::to_string(size) + " bytes but the manifest says " +
                        std::to_string(m.size) + " for " + m.archive +
                        ": not the bundle this entente expects (another version?). The download "
                        "was deleted; nothing was unpacked");
  }
  auto sha = Sha256OfFile(path);
  if (!sha.ok()) return sha.status();
  if (*sha != m.sha256) {
    fs::remove(path, ec);
    return Status::Data("checksum mismatch for " + url + ": sha256 " + *sha +
                        ", the manifest says " + m.sha256 +
                        ". The download was corrupted or is another file; it was deleted and "
                        "nothing was unpacked. Run the command again to download it afresh");
  }
  return Status::Ok();
}

// Downloads into `partial` (resuming what is there) until it is complete or
// the attempts run out.
Status Download(const BundleManifest& m, const FetchOptions& o, const std::string& url,
                const std::string& partial, FetchResult& result) {
  internal::DownloadRequest request{url, partial, m.size, o.progress, o.log};
  std::string last_error;
  for (int attempt = 0; attempt <= o.retries; ++attempt) {
    std::error_code ec;
    auto have = fs::exists(partial, ec) ? static_cast<std::int64_t>(fs::file_size(partial, ec)) : 0;
    if (have > m.size) {
      fs::remove(partial, ec);
      have = 0;
    }
    if (attempt == 0) result.resumed_from = have;
    if (have == m.size) return Status::Ok();
    if (have > 0) Log(o, "resuming " + m.archive + " at byte " + std::to_string(have));
    ++result.attempts;
    auto outcome = internal::DownloadOnce(request);
    if (!outcome.ok()) {
      // Too many bytes: what arrived is not the bundle, so nothing to resume;
      // an empty file (a 404) is not worth keeping either.
      if (outcome.status().code() == Status::Code::kData || fs::file_size(partial, ec) == 0) {
        fs::remove(partial, ec);
      }
      return outcome.status();
    }
    if (outcome->complete) return Status::Ok();
    last_error = outcome->error;
    Log(o, "transfer broken (" + last_error + ")");
  }
  std::error_code ec;
  const auto have = fs::exists(partial, ec) ? fs::file_size(partial, ec) : 0;
  return Status::Io("download of " + url + " interrupted after " + std::to_string(have) + " of " +
                    std::to_string(m.size) + " bytes (" + last_error +
                    "); run the same command again to resume from there");
}

std::string UtcNow() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

Status WriteStamp(const BundleManifest& m, const std::string& url, const std::string& dir) {
  nlohmann::json stamp = {{"name", m.name},        {"version", m.version}, {"archive", m.archive},
                          {"sha256", m.sha256},    {"size", m.size},       {"url", url},
                          {"fetched_at", UtcNow()}};
  std::ofstream out(dir + "/" + std::string(kBundleStampFile));
  out << stamp.dump(1) << "\n";
  out.close();
  return out ? Status::Ok() : Status::Io("cannot write the bundle stamp in '" + dir + "'");
}

// A data directory may be replaced only when empty or written by a fetch.
Status CheckReplaceable(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return Status::Ok();
  if (!fs::is_directory(dir, ec)) {
    return Status::Usage("'" + dir.string() + "' exists and is not a folder: choose another --to");
  }
  if (fs::is_empty(dir, ec) || fs::exists(dir / std::string(kBundleStampFile), ec)) {
    return Status::Ok();
  }
  return Status::Usage("'" + dir.string() +
                       "' holds files that `entente data fetch` did not write; it is left alone: "
                       "choose another --to, or move it away first");
}

Result<std::string> MakeSibling(const fs::path& dir, const std::string& tag) {
  std::string pattern = dir.string() + "." + tag + "-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) {
    return Status::Io("cannot create a folder beside '" + dir.string() + "'");
  }
  return pattern;
}

// Unpacks beside `dir`, then swaps the new folder in.
Result<int> Install(const BundleManifest& m, const std::string& archive_path,
                    const std::string& url, const fs::path& dir) {
  auto staging = MakeSibling(dir, "unpacking");
  if (!staging.ok()) return staging.status();
  std::error_code ec;
  auto files = internal::UnpackArchive(archive_path, *staging);
  Status stamped = files.ok() ? WriteStamp(m, url, *staging) : files.status();
  if (!stamped.ok()) {
    fs::remove_all(*staging, ec);
    return stamped;
  }
  // mkdtemp made it private (0700); a data directory is as readable as any.
  fs::permissions(*staging,
                  fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                      fs::perms::others_read | fs::perms::others_exec,
                  ec);
  std::string old;
  if (fs::exists(dir, ec)) {
    auto moved = MakeSibling(dir, "old");
    if (!moved.ok()) return moved.status();
    old = *moved;
    fs::remove(old, ec);
    fs::rename(dir, old, ec);
    if (ec) return Status::Io("cannot move the old '" + dir.string() + "' aside: " + ec.message());
  }
  fs::rename(*staging, dir, ec);
  if (ec) return Status::Io("cannot move the unpacked data to '" + dir.string() + "'");
  if (!old.empty()) fs::remove_all(old, ec);
  return *files;
}

}  // namespace

Result<FetchResult> FetchDataBundle(const BundleManifest& m, const FetchOptions& o) {
  auto url = ArchiveUrl(m, o);
  if (!url.ok()) return url.status();
  std::error_code ec;
  const fs::path dir =
      fs::weakly_canonical(fs::absolute(o.to.empty() ? UserDataDir() : o.to, ec), ec);
  if (Status s = CheckReplaceable(dir); !s.ok()) return s;
  fs::create_directories(dir.parent_path(), ec);
  if (ec) return Status::Io("cannot create '" + dir.parent_path().string() + "': " + ec.message());

  FetchResult result;
  result.url = *url;
  result.data_dir = dir.string();
  const std::string archive_path = (dir.parent_path() / m.archive).string();
  const std::string partial = archive_path + ".partial";
  // A verified archive left by an earlier run whose unpack failed is reused.
  if (fs::exists(archive_path, ec) && CheckDownload(m, archive_path, archive_path).ok()) {
    Log(o, "using the verified " + archive_path);
  } else {
    if (Status s = Download(m, o, *url, partial, result); !s.ok()) return s;
    if (Status s = CheckDownload(m, partial, *url); !s.ok()) return s;
    fs::rename(partial, archive_path, ec);
    if (ec) return Status::Io("cannot rename '" + partial + "': " + ec.message());
    Log(o, "verified " + m.archive + ": " + std::to_string(m.size) + " bytes, sha256 " + m.sha256);
  }
  auto files = Install(m, archive_path, *url, dir);
  if (!files.ok()) return files.status();
  result.files = *files;
  if (!o.keep_archive) fs::remove(archive_path, ec);
  return result;
}

}  // namespace entente
