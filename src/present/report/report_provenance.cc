// Section "Data provenance": the entente version, the store's import
// records (file, sha256, rows), and every file read at query time with its
// sha256, so a reader can check that a rerun used the same data.
#include <algorithm>
#include <filesystem>

#include "core/csv_reader.h"
#include "present/report/html.h"
#include "present/report/sections.h"

namespace entente::report {
namespace {

std::string FileSha256(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return "not a file";
  auto bytes = internal::ReadWholeFile(path);
  return bytes.ok() ? internal::Sha256Hex(*bytes) : std::string("unreadable");
}

std::string ImportsTable(ReportContext& ctx) {
  auto imports = ctx.store->Imports();
  if (!imports.ok())
    return Note("The store's import records cannot be read: " + Esc(imports.status().message()));
  Table t;
  t.columns = {"id",        "kind",     "file",     "sha256",
               "rows read", "accepted", "rejected", "imported (UTC)"};
  for (const ImportRecord& r : *imports) {
    t.rows.push_back({r.id, r.kind, r.file, r.sha256, r.rows_read, r.rows_accepted, r.rows_rejected,
                      r.imported_at});
  }
  if (t.rows.empty()) return Note("The store holds no imports.");
  return "<div id=\"provenance-imports\">\n" + HtmlTable(t, 0) + "</div>\n";
}

// Files read at query time: the military sources (as the loader reports
// them), the framework, the evidence files and the country tables.
std::string QueryTimeFiles(ReportContext& ctx) {
  Table t;
  t.columns = {"what", "file", "sha256", "rows read", "rows used"};
  for (const MilitarySourceReport& r : ctx.military_data->reports()) {
    // The team's evidence is a directory: its files are listed one by one below.
    std::error_code ec;
    if (r.file.empty() || !std::filesystem::is_regular_file(r.file, ec)) continue;
    t.rows.push_back({r.id, r.file, FileSha256(r.file), r.rows_read, r.rows_used});
  }
  t.rows.push_back({std::string("framework"), ctx.framework->file, FileSha256(ctx.framework->file),
                    Cell{}, Cell{}});
  namespace fs = std::filesystem;
  std::vector<std::string> evidence;
  std::error_code ec;
  for (const std::string& dir : {std::string("/evidence/military")}) {
    for (const auto& entry : fs::directory_iterator(ctx.options->project_data_dir + dir, ec)) {
      if (entry.path().extension() == ".csv") evidence.push_back(entry.path().string());
    }
  }
  std::sort(evidence.begin(), evidence.end());
  for (const auto& path : evidence) {
    // The military loader's "team" row covers these together; each is listed.
    t.rows.push_back({std::string("evidence"), path, FileSha256(path), Cell{}, Cell{}});
  }
  for (const char* table : {"/countries/codelist.csv", "/cow/states.csv"}) {
    const std::string path = ctx.options->shared_data_dir + table;
    t.rows.push_back({std::string("country registry"), path, FileSha256(path), Cell{}, Cell{}});
  }
  return "<div id=\"provenance-files\">\n" + HtmlTable(t, 0) + "</div>\n";
}

}  // namespace

Section ProvenanceSection(ReportContext& ctx) {
  Section s{"provenance", "Data provenance", ""};
  const ReportOptions& o = *ctx.options;
  s.html = "<ul>\n<li>entente version <strong id=\"entente-version\">" +
           std::string(ENTENTE_VERSION) + "</strong></li>\n";
  if (!o.generated_at.empty()) s.html += "<li>generated " + Esc(o.generated_at) + "</li>\n";
  if (!o.command_line.empty()) {
    s.html += "<li>command: <code>" + Esc(o.command_line) + "</code></li>\n";
  }
  s.html += "<li>store <code>" + Esc(ctx.store->path()) + "</code>, schema version " +
            std::to_string(ctx.store->schema_version()) + "</li>\n";
  s.html += "<li>shared data directory <code>" + Esc(o.shared_data_dir) + "</code></li>\n</ul>\n";
  s.html += "<h3>Imported into the store</h3>\n" + ImportsTable(ctx);
  s.html += "<h3>Read at query time</h3>\n" + QueryTimeFiles(ctx);
  return s;
}

}  // namespace entente::report
