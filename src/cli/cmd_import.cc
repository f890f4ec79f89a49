// entente import unga PATH
#include <iostream>

#include "cli/commands.h"

namespace entente::cli {
namespace {

void PrintImport(const UngaImportResult& r) {
  if (r.already_imported) {
    std::cerr << "already imported: " << r.record.file << " (sha256 "
              << r.record.sha256.substr(0, 12) << ", import #" << r.record.id << " on "
              << r.record.imported_at << ") - nothing to do\n";
    return;
  }
  std::cerr << "imported " << r.record.file << " as " << r.record.kind << ": " << r.record.rows_read
            << " rows read, " << r.record.rows_accepted << " accepted, " << r.record.rows_rejected
            << " not stored";
  if (!r.record.note.empty()) std::cerr << " (" << r.record.note << ")";
  std::cerr << "\n";
}

}  // namespace

Status ImportUngaFile(CliContext& ctx, const std::string& path) {
  auto store = ctx.OpenStore();
  if (!store.ok()) return store.status();
  auto countries = ctx.Countries();
  if (!countries.ok()) return countries.status();
  auto results = ImportUnga(**store, **countries, path, ctx.Progress("importing " + path));
  if (!results.ok()) {
    return Status::Data(results.status().message() +
                        "\nnothing was imported from this file; the store is unchanged");
  }
  for (const auto& r : *results) PrintImport(r);
  return Status::Ok();
}

void AddImportCommand(CLI::App& app, CliContext& ctx) {
  auto* import = app.add_subcommand("import", "Import a data file into the store");
  import->require_subcommand(1);
  auto* unga = import->add_subcommand(
      "unga",
      "Import UN General Assembly votes: Voeten's long file, the unvotes files (un_votes.csv, "
      "un_roll_calls.csv, un_roll_call_issues.csv) or the wide 1946-2024 file.\n"
      "Example: entente import unga ../shared/data/unga/voeten_votes_1946_2015.csv");
  auto path = std::make_shared<std::string>();
  unga->add_option("PATH", *path, "the CSV file")->required();
  unga->callback([&ctx, path] { ctx.status = ImportUngaFile(ctx, *path); });
  AddImportProfileCommand(*import, ctx);
}

}  // namespace entente::cli
