// The data bundle: the shared datasets as one versioned archive, for users
// who do not have ../shared/data (docs/data.md).
//
// A manifest kept in the repository (data/bundle/manifest.json) names the
// archive, its sha256 and size, where it is published (possibly nowhere yet)
// and every member file with its own sha256 and size. FetchDataBundle
// downloads the archive (resuming a broken download), verifies it against the
// manifest and only then unpacks it into the user's data directory, where
// ResolveDataDir (entente/paths.h) and so `entente init` find it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/status.h"

namespace entente {

// One file of the bundle, as the manifest lists it.
struct BundleFile {
  std::string path;  // relative, '/'-separated, e.g. "unga/un_votes.csv"
  std::int64_t size = 0;
  std::string sha256;  // lower-case hex
};

struct BundleManifest {
  int format = 0;                 // manifest format version (1)
  std::string name;               // "entente-data"
  std::string version;            // e.g. "1.0"
  std::string archive;            // file name, e.g. "entente-data-1.0.tar.gz"
  std::int64_t size = 0;          // bytes of the archive
  std::string sha256;             // of the archive, lower-case hex
  std::vector<std::string> urls;  // where it is published; empty: nowhere yet
  std::vector<BundleFile> files;  // the members, in archive order
};

// Parses a manifest. `origin` (a path) names it in error messages. Every field
// is checked: a hash must be 64 hex digits, sizes positive, member paths
// relative without "..", the archive name a plain file name.
Result<BundleManifest> ParseBundleManifest(std::string_view json, const std::string& origin);

// Reads and parses the manifest at `path`.
Result<BundleManifest> LoadBundleManifest(const std::string& path);

// The manifest kept in the repository: ProjectDataDir()/bundle/manifest.json.
std::string DefaultBundleManifestPath();

// The name of the file FetchDataBundle writes into the data directory after a
// successful unpack: a copy of the manifest, so `entente doctor` knows which
// bundle is there.
inline constexpr std::string_view kBundleStampFile = ".entente-bundle.json";

struct FetchOptions {
  // Where to download from: the archive's URL, or a folder URL the archive
  // name is appended to (any URL not ending in ".tar.gz"). http, https and
  // file URLs. Empty: the manifest's first URL (an error when it has none).
  std::string from;
  // The data directory to fill. Empty: UserDataDir() (entente/paths.h).
  std::string to;
  // Further attempts after a broken transfer, each resuming where the last
  // stopped (HTTP Range).
  int retries = 3;
  // Keep the verified archive beside the data directory after unpacking.
  bool keep_archive = false;
  // Bytes so far and the expected total; may be empty.
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
  // One line per step (resuming, verified, unpacked ...); may be empty.
  std::function<void(const std::string&)> log;
};

struct FetchResult {
  std::string data_dir;           // where the files are now
  std::string url;                // what was downloaded
  std::int64_t resumed_from = 0;  // bytes already present when the first attempt started
  int attempts = 0;               // transfers made (0: a verified archive was already there)
  int files = 0;                  // files unpacked
};

// Downloads, verifies and unpacks the bundle described by `manifest`.
//
// The download goes to ARCHIVE.partial in the folder holding the data
// directory DIR and is renamed to ARCHIVE once complete; an interrupted
// transfer leaves the .partial file for the next run to resume. The archive must have exactly
// the manifest's size and sha256: otherwise it is deleted and nothing is
// unpacked. Unpacking goes into a fresh folder beside DIR, refusing members
// that are not regular files or whose paths are absolute or contain "..";
// only when every member is out is that folder renamed to DIR (an earlier DIR
// is replaced). Errors: kUsage (no URL to fetch from), kNotFound (HTTP 404),
// kIo (network, disk), kData (wrong size or checksum, a bad archive).
Result<FetchResult> FetchDataBundle(const BundleManifest& manifest, const FetchOptions& options);

// Whether `member` (a path inside an archive) is safe to unpack: relative,
// non-empty, no "." or ".." components, no backslashes or NUL. Exposed for
// tests.
bool IsSafeMemberPath(std::string_view member);

// How a data directory's copy of a bundle file compares with the manifest.
enum class BundleFileState { kOk, kMissing, kWrongSize, kWrongChecksum, kUnreadable };

struct BundleFileCheck {
  BundleFile expected;  // as the manifest lists it
  BundleFileState state = BundleFileState::kMissing;
  std::int64_t size = -1;  // found on disk; -1 when missing
  std::string sha256;      // found on disk; empty unless the file was hashed
};

// Checks every manifest file under `dir`: present, the right size, and (when
// the size is right) the right sha256. Reads every byte (about 200 MB for
// the full bundle). `progress` gets bytes hashed so far and the total.
std::vector<BundleFileCheck> CheckBundleFiles(
    const BundleManifest& manifest, const std::string& dir,
    const std::function<void(std::uint64_t done, std::uint64_t total)>& progress = nullptr);

// SHA-256 of a file's bytes as lower-case hex, read in blocks.
Result<std::string> Sha256OfFile(const std::string& path);

}  // namespace entente
