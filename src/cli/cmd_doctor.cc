// entente doctor: checks the data, the store and the versions, and says what
// to run next. Exit 0 when all is well, 2 when something needs doing.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "entente/data_bundle.h"
#include "entente/paths.h"
#include "entente/versions.h"

namespace entente::cli {
namespace {

namespace fs = std::filesystem;

// The UNGA files `entente init` imports (directly or, for the roll-call and
// issue files, alongside un_votes.csv).
constexpr const char* kUngaFiles[] = {"unga/voeten_votes_1946_2015.csv", "unga/un_votes.csv",
                                      "unga/un_roll_calls.csv", "unga/un_roll_call_issues.csv",
                                      "unga/unga_wide_1946_2024.csv"};

struct DoctorFlags {
  std::string manifest;
};

// What the doctor found: problems make the exit code non-zero; the next
// commands are printed at the end, each once.
class Findings {
 public:
  explicit Findings(std::ostream& out) : out_(out) {}
  void Ok(const std::string& line) { out_ << "  ok       " << line << "\n"; }
  void Note(const std::string& line) { out_ << "  note     " << line << "\n"; }
  void Problem(const std::string& line) {
    out_ << "  PROBLEM  " << line << "\n";
    ++problems_;
  }
  void Next(const std::string& command) {
    for (const auto& c : next_) {
      if (c == command) return;
    }
    next_.push_back(command);
  }
  int problems() const { return problems_; }
  const std::vector<std::string>& next() const { return next_; }

 private:
  std::ostream& out_;
  int problems_ = 0;
  std::vector<std::string> next_;
};

bool SamePath(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::equivalent(a, b, ec) && !ec;
}

// Why the data directory is the one it is (the order of ResolveDataDir).
std::string DataOrigin(const CliContext& ctx, const std::string& dir) {
  if (!ctx.data_dir.empty()) return "given by --data";
  const char* env = std::getenv("ENTENTE_DATA");
  if (env && *env && SamePath(env, dir)) return "from $ENTENTE_DATA";
  if (SamePath(UserDataDir(), dir)) return "the user data directory (entente data fetch)";
  return "the source tree's ../shared/data";
}

// The global options the user gave, so that suggested commands act on the
// same store and data.
std::string Prefix(const CliContext& ctx) {
  std::string prefix = "entente";
  if (!ctx.store_path.empty()) prefix += " --store " + ctx.store_path;
  if (!ctx.data_dir.empty()) prefix += " --data " + ctx.data_dir;
  return prefix;
}

std::string FetchCommand(const Result<BundleManifest>& manifest) {
  if (manifest.ok() && !manifest->urls.empty()) return "entente data fetch";
  const std::string archive = manifest.ok() ? manifest->archive : "entente-data-VERSION.tar.gz";
  return "entente data fetch --from URL-OR-PATH-OF-" + archive +
         "   # not published yet: scripts/make_data_bundle.sh builds it (docs/data.md)";
}

// The stamp `entente data fetch` leaves: which bundle, from where, when.
std::string DescribeStamp(const std::string& path) {
  std::ifstream in(path);
  const auto stamp = nlohmann::json::parse(in, nullptr, false);
  if (stamp.is_discarded() || !stamp.is_object()) return "unreadable bundle stamp " + path;
  auto field = [&](const char* key) {
    auto it = stamp.find(key);
    return it != stamp.end() && it->is_string() ? it->get<std::string>() : std::string("?");
  };
  return "fetched bundle " + field("name") + " " + field("version") + " from " + field("url") +
         " at " + field("fetched_at");
}

void CheckVersions(std::ostream& out) {
  out << "versions\n";
  for (const auto& [component, version] : ComponentVersions()) {
    out << "  " << component << " " << version << "\n";
  }
}

void CheckDataFiles(CliContext& ctx, const BundleManifest& m, const std::string& dir, Findings& f) {
  auto checks = CheckBundleFiles(m, dir, ctx.Progress("checking data"));
  int ok = 0;
  for (const auto& c : checks) {
    const std::string& path = c.expected.path;
    switch (c.state) {
      case BundleFileState::kOk:
        ++ok;
        break;
      case BundleFileState::kMissing:
        f.Problem(path + ": missing");
        break;
      case BundleFileState::kUnreadable:
        f.Problem(path + ": cannot be read");
        break;
      case BundleFileState::kWrongSize:
        f.Problem(path + ": " + std::to_string(c.size) + " bytes, the manifest says " +
                  std::to_string(c.expected.size));
        break;
      case BundleFileState::kWrongChecksum:
        f.Problem(path + ": sha256 " + c.sha256 + ", the manifest says " + c.expected.sha256);
        break;
    }
  }
  if (ok == static_cast<int>(checks.size())) {
    f.Ok("all " + std::to_string(ok) + " files of " + m.name + " " + m.version +
         " present with the manifest's sha256");
  } else {
    f.Note(std::to_string(ok) + " of " + std::to_string(checks.size()) +
           " files match the manifest");
  }
}

// Returns the data directory when there is one.
std::optional<std::string> CheckData(CliContext& ctx, const DoctorFlags& flags, std::ostream& out,
                                     Findings& f) {
  const std::string manifest_path =
      flags.manifest.empty() ? DefaultBundleManifestPath() : flags.manifest;
  auto manifest = LoadBundleManifest(manifest_path);
  const std::string dir = ctx.ResolvedDataDir();
  out << "data\n";
  if (!manifest.ok()) f.Problem("bundle manifest: " + manifest.status().message());
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    f.Problem("no data directory: '" + dir + "' does not exist");
    f.Next(FetchCommand(manifest));
    return std::nullopt;
  }
  f.Ok("data directory " + dir + " (" + DataOrigin(ctx, dir) + ")");
  const fs::path stamp = fs::path(dir) / std::string(kBundleStampFile);
  if (fs::exists(stamp, ec)) f.Note(DescribeStamp(stamp.string()));
  if (manifest.ok()) {
    const int before = f.problems();
    CheckDataFiles(ctx, *manifest, dir, f);
    if (f.problems() > before) f.Next(FetchCommand(manifest));
  }
  return dir;
}

void CheckImports(const std::vector<ImportRecord>& imports, const std::string& dir,
                  const std::string& prefix, Findings& f) {
  std::map<std::string, const ImportRecord*> by_sha;
  for (const auto& r : imports) by_sha[r.sha256] = &r;
  std::map<std::string, bool> data_shas;
  for (const char* relative : kUngaFiles) {
    const std::string path = dir + "/" + relative;
    std::error_code ec;
    if (!fs::exists(path, ec)) continue;
    auto sha = Sha256OfFile(path);
    if (!sha.ok()) continue;
    data_shas[*sha] = true;
    auto it = by_sha.find(*sha);
    if (it == by_sha.end()) {
      f.Problem(std::string(relative) + ": not imported into the store");
      f.Next(prefix + " init");
    } else {
      f.Ok(std::string(relative) + ": imported (import #" + std::to_string(it->second->id) + ", " +
           it->second->kind + ", same sha256)");
    }
  }
  for (const auto& r : imports) {
    if (r.kind.rfind("unga-", 0) == 0 && !data_shas.count(r.sha256)) {
      f.Note("import #" + std::to_string(r.id) + " (" + r.file +
             ") matches no file in the data directory: imported from another copy or version");
    }
  }
}

void CheckCorpus(const std::vector<ImportRecord>& imports, const std::string& dir,
                 const std::string& prefix, Findings& f) {
  for (const auto& r : imports) {
    if (r.kind.rfind("opcode", 0) == 0 && r.kind.find("ungd") != std::string::npos) {
      f.Ok("UN General Debate corpus coded (import #" + std::to_string(r.id) + ", " +
           std::to_string(r.rows_accepted) + " speeches, " + r.imported_at + ")");
      return;
    }
  }
  std::error_code ec;
  if (!fs::exists(dir + "/ungd", ec)) {
    f.Note("no ungd/ in the data directory: the UN General Debate corpus cannot be coded");
    return;
  }
  f.Note("the UN General Debate corpus has not been coded (needed by `entente beliefs`)");
  f.Next(prefix + " opcode --corpus " + dir + "/ungd --format csv --out ungd_opcode.csv");
}

void CheckStore(CliContext& ctx, const std::optional<std::string>& data_dir, std::ostream& out,
                Findings& f) {
  const std::string path = ctx.store_path.empty() ? Store::DefaultPath() : ctx.store_path;
  out << "store\n";
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    f.Problem("no store at " + path);
    f.Next(Prefix(ctx) + " init");
    return;
  }
  auto store = ctx.OpenStore();
  if (!store.ok()) {
    f.Problem(store.status().message());
    return;
  }
  f.Ok("store " + path + ", schema version " + std::to_string((*store)->schema_version()) +
       " (this entente writes " + std::to_string(Store::kSchemaVersion) + ")");
  auto imports = (*store)->Imports();
  if (!imports.ok()) {
    f.Problem(imports.status().message());
    return;
  }
  std::map<std::string, int> kinds;
  for (const auto& r : *imports) ++kinds[r.kind];
  std::string summary;
  for (const auto& [kind, n] : kinds)
    summary += (summary.empty() ? "" : ", ") + kind + " x" + std::to_string(n);
  f.Note(std::to_string(imports->size()) + " imports" + (summary.empty() ? "" : ": " + summary));
  if (!data_dir) return;
  CheckImports(*imports, *data_dir, Prefix(ctx), f);
  CheckCorpus(*imports, *data_dir, Prefix(ctx), f);
}

Status RunDoctor(CliContext& ctx, const DoctorFlags& flags) {
  std::ostream& out = std::cout;
  Findings f(out);
  CheckVersions(out);
  auto data_dir = CheckData(ctx, flags, out, f);
  CheckStore(ctx, data_dir, out, f);
  if (f.next().empty()) {
    out << "all is well; try: " << Prefix(ctx) << " votes CHN RUS --years 1992:2019\n";
  } else {
    out << "next:\n";
    for (const auto& command : f.next()) out << "  " << command << "\n";
  }
  out.flush();
  if (f.problems() == 0) return Status::Ok();
  return Status::Data("doctor found " + std::to_string(f.problems()) +
                      " problem(s): run the commands under `next:`");
}

}  // namespace

void AddDoctorCommand(CLI::App& app, CliContext& ctx) {
  auto flags = std::make_shared<DoctorFlags>();
  auto* cmd = app.add_subcommand(
      "doctor",
      "Check the data (which datasets are where, their sha256 against the bundle manifest and "
      "the store's imports), the store (path, schema, imports, whether the UN General Debate "
      "corpus is coded) and the versions, and say what to run next. Exit 0 when all is well, "
      "2 otherwise.");
  cmd->add_option("--manifest", flags->manifest,
                  "the bundle manifest (default: data/bundle/manifest.json of the source tree)");
  cmd->footer(
      "Examples:\n"
      "  entente doctor\n"
      "  entente --store out/entente.sqlite doctor\n"
      "  entente --data ~/entente-data doctor");
  cmd->callback([&ctx, flags] { ctx.status = RunDoctor(ctx, *flags); });
}

}  // namespace entente::cli
