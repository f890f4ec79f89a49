// entente data fetch: get the shared datasets as the versioned data bundle.
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "entente/data_bundle.h"
#include "entente/paths.h"

namespace entente::cli {
namespace {

struct FetchFlags {
  std::string from;
  std::string to;
  std::string manifest;
  int retries = 3;
  bool keep_archive = false;
};

// What `entente init` needs to find the data where it now is.
std::string InitCommand(const std::string& dir) {
  std::error_code ec;
  const bool found_by_default = std::filesystem::equivalent(ResolveDataDir(""), dir, ec) && !ec;
  return found_by_default ? "entente init" : "entente init --data " + dir;
}

Status RunFetch(CliContext& ctx, const FetchFlags& f) {
  if (f.retries < 0) return Status::Usage("--retries must be 0 or more");
  const std::string manifest_path = f.manifest.empty() ? DefaultBundleManifestPath() : f.manifest;
  auto manifest = LoadBundleManifest(manifest_path);
  if (!manifest.ok()) return manifest.status();
  FetchOptions options;
  options.from = f.from;
  options.to = f.to;
  options.retries = f.retries;
  options.keep_archive = f.keep_archive;
  options.progress = ctx.Progress("downloading " + manifest->archive);
  if (!ctx.quiet) {
    // On a terminal, clear the progress bar's line first; it redraws itself.
    const bool terminal = isatty(STDERR_FILENO) != 0;
    options.log = [terminal](const std::string& line) {
      std::cerr << (terminal ? "\r\033[K" : "") << line << "\n";
    };
  }
  auto result = FetchDataBundle(*manifest, options);
  if (!result.ok()) return result.status();
  std::cout << "data bundle " << manifest->name << " " << manifest->version << " (" << result->files
            << " files) unpacked into " << result->data_dir << "\n"
            << "next: " << InitCommand(result->data_dir) << "\n";
  return Status::Ok();
}

}  // namespace

void AddDataCommand(CLI::App& app, CliContext& ctx) {
  auto* data = app.add_subcommand("data", "Get the shared datasets: the versioned data bundle");
  data->require_subcommand(1);
  data->footer(
      "Examples:\n"
      "  entente data fetch --from out/bundle/\n"
      "  entente data fetch --from /media/usb/entente-data-1.0.tar.gz --to ~/entente-data\n"
      "  entente data fetch --from file:///srv/bundles/ --keep-archive");
  auto f = std::make_shared<FetchFlags>();
  auto* fetch = data->add_subcommand(
      "fetch",
      "Download the data bundle named in data/bundle/manifest.json, verify its size and sha256, "
      "resume a broken download, and unpack it into the user's data directory, where "
      "`entente init` finds it (docs/data.md).");
  fetch->add_option("--from", f->from,
                    "the archive's URL, a folder URL holding it, or a local path (http, https, "
                    "file); default: the manifest's published URL (none yet)");
  fetch->add_option("--to", f->to,
                    "the data directory to fill (default: $XDG_DATA_HOME/entente/data, else "
                    "~/.local/share/entente/data)");
  fetch->add_option("--manifest", f->manifest,
                    "the bundle manifest (default: data/bundle/manifest.json of the source tree)");
  fetch
      ->add_option("--retries", f->retries,
                   "further attempts after a broken transfer, each resuming where the last "
                   "stopped")
      ->capture_default_str();
  fetch->add_flag("--keep-archive", f->keep_archive,
                  "keep the verified archive beside the data directory");
  fetch->footer(
      "Examples:\n"
      "  entente data fetch --from out/bundle/\n"
      "  entente data fetch --from /media/usb/entente-data-1.0.tar.gz --to ~/entente-data\n"
      "  entente data fetch --from file:///srv/bundles/ --keep-archive");
  fetch->callback([&ctx, f] { ctx.status = RunFetch(ctx, *f); });
}

}  // namespace entente::cli
