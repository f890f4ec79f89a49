// entente imports: the provenance of everything in the store.
#include "cli/commands.h"

namespace entente::cli {
namespace {

Status RunImports(CliContext& ctx, const std::string& format_text) {
  auto format = ctx.Format(format_text);
  if (!format.ok()) return format.status();
  auto store = ctx.OpenStore();
  if (!store.ok()) return store.status();
  auto records = (*store)->Imports();
  if (!records.ok()) return records.status();
  Table table;
  table.title = "store " + (*store)->path() + " (schema version " +
                std::to_string((*store)->schema_version()) + ")";
  table.columns = {"id",        "kind",          "file",          "sha256",
                   "rows_read", "rows_accepted", "rows_rejected", "imported_at",
                   "note"};
  for (const auto& r : *records) {
    table.rows.push_back({r.id, r.kind, r.file, r.sha256, r.rows_read, r.rows_accepted,
                          r.rows_rejected, r.imported_at, r.note});
  }
  RenderTable(table, *format, std::cout);
  return Status::Ok();
}

}  // namespace

void AddImportsCommand(CLI::App& app, CliContext& ctx) {
  auto format = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("imports",
                                 "List every import in the store with its provenance "
                                 "(file, sha256, rows, time)");
  cmd->add_option("--format", *format, "table, csv or json");
  cmd->footer(
      "Examples:\n"
      "  entente imports\n"
      "  entente --store out/entente.sqlite imports --format csv\n"
      "  entente imports --format json");
  cmd->callback([&ctx, format] { ctx.status = RunImports(ctx, *format); });
}

}  // namespace entente::cli
