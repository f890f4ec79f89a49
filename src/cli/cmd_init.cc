// entente init [--data DIR]: import every dataset entente recognises.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"

namespace entente::cli {

Status ImportUngaFile(CliContext& ctx, const std::string& path);

namespace {

// The UNGA files in the order that gives each its due precedence: Voeten's
// (with absences) first, then the unvotes file (to January 2020), then the
// wide file (to June 2024) - later files only add what earlier ones lack.
constexpr const char* kUngaFiles[] = {"unga/voeten_votes_1946_2015.csv", "unga/un_votes.csv",
                                      "unga/unga_wide_1946_2024.csv"};

Status RunInit(CliContext& ctx, const std::string& dir_option) {
  if (!dir_option.empty()) ctx.data_dir = dir_option;
  const std::string dir = ctx.ResolvedDataDir();
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status::Usage(
        "data directory '" + dir +
        "' not found: pass --data DIR (the folder holding unga/, cow/, countries/), or get the "
        "data bundle with `entente data fetch --from URL` (docs/data.md)");
  }
  std::cerr << "entente init: data from " << dir << "\n";
  int found = 0;
  for (const char* relative : kUngaFiles) {
    std::string path = dir + "/" + relative;
    if (!std::filesystem::exists(path, ec)) continue;
    ++found;
    if (Status s = ImportUngaFile(ctx, path); !s.ok()) return s;
  }
  if (found == 0) {
    return Status::Data("no dataset entente recognises under '" + dir +
                        "' (looked for unga/*.csv)");
  }
  auto store = ctx.OpenStore();
  if (!store.ok()) return store.status();
  std::cerr << "store ready: " << (*store)->path() << "\n";
  return Status::Ok();
}

}  // namespace

void AddInitCommand(CLI::App& app, CliContext& ctx) {
  auto* init = app.add_subcommand(
      "init",
      "Import every dataset entente recognises under the data directory (default ../shared/data); "
      "files already imported are skipped.");
  init->footer(
      "Examples:\n"
      "  entente init\n"
      "  entente init --data ../shared/data\n"
      "  entente --store out/entente.sqlite init --data ~/.local/share/entente/data");
  auto dir = std::make_shared<std::string>();
  init->add_option("--data", *dir, "the shared data directory");
  init->callback([&ctx, dir] { ctx.status = RunInit(ctx, *dir); });
}

}  // namespace entente::cli
