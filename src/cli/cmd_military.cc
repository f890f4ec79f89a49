// entente military A B | entente military --all-dyads | entente military --check
//
// Reads the datasets and the evidence files at query time (no import step):
// the sources are small (about 12 MB), loading them takes a fraction of a
// second, and an edited evidence file counts at once.
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "entente/military.h"
#include "entente/military_table.h"
#include "entente/paths.h"
#include "entente/years.h"

namespace entente::cli {
namespace {

// Default years: from the start of the post-war system to the last year of
// the evidence files (single dyads) or of the datasets (the panel).
constexpr YearRange kDefaultDyadYears{1946, 2025};
constexpr YearRange kDefaultPanelYears{1946, 2024};
constexpr const char* kDefaultFramework = "korolev";

struct MilitaryOptions {
  std::vector<std::string> dyad;
  bool all_dyads = false;
  bool check = false;
  bool explain = false;
  std::string years;
  std::string frameworks = kDefaultFramework;
  std::string format;
  std::string out;
  std::string evidence_dir;
  std::string frameworks_dir;
};

Result<std::vector<MilitaryFramework>> LoadFrameworks(const MilitaryOptions& o) {
  const std::string dir =
      o.frameworks_dir.empty() ? ProjectDataDir() + "/frameworks" : o.frameworks_dir;
  std::vector<MilitaryFramework> out;
  std::stringstream list(o.frameworks);
  std::string name;
  while (std::getline(list, name, ',')) {
    if (name.empty()) continue;
    auto framework = LoadMilitaryFramework(name, dir);
    if (!framework.ok()) return framework.status();
    for (const auto& f : out) {
      if (f.id == framework->id) return Status::Usage("framework '" + f.id + "' given twice");
    }
    out.push_back(std::move(framework).value());
  }
  if (out.empty()) return Status::Usage("--framework needs a name, e.g. korolev");
  return out;
}

Result<MilitaryData> LoadData(CliContext& ctx, const MilitaryOptions& o,
                              const CountryRegistry& countries) {
  MilitaryDataOptions options;
  options.shared_data_dir = ctx.ResolvedDataDir();
  options.evidence_dir =
      o.evidence_dir.empty() ? ProjectDataDir() + "/evidence/military" : o.evidence_dir;
  auto data = MilitaryData::Load(countries, options, ctx.Progress("reading military evidence"));
  if (!data.ok()) {
    return Status(data.status().code() == Status::Code::kNotFound
                      ? data.status()
                      : Status::Data(data.status().message() +
                                     "\nnothing was scored: fix the file and run again"));
  }
  return data;
}

// Year by year, each framework's row in turn.
Table ScoreTable(const std::vector<MilitaryFramework>& frameworks,
                 const std::vector<std::vector<MilitaryYearScore>>& scores, std::string title) {
  Table table = MilitaryScoreTable();
  table.title = std::move(title);
  const std::size_t years = scores.empty() ? 0 : scores[0].size();
  for (std::size_t y = 0; y < years; ++y) {
    for (std::size_t f = 0; f < frameworks.size(); ++f) {
      AddMilitaryScoreRow(frameworks[f], scores[f][y], table);
    }
  }
  return table;
}

Table ExplainTable(const std::vector<MilitaryFramework>& frameworks,
                   const std::vector<std::vector<MilitaryExplainRow>>& rows, std::string title) {
  Table table;
  table.title = std::move(title);
  table.columns = {"framework", "criterion", "status",    "counted", "source",
                   "date",      "end_date",  "kind",      "name",    "detail",
                   "publisher", "title",     "published", "url",     "reference"};
  for (std::size_t f = 0; f < frameworks.size(); ++f) {
    for (const MilitaryExplainRow& r : rows[f]) {
      table.rows.push_back({frameworks[f].id, r.criterion, r.status,
                            r.source.empty() ? Cell{} : Cell{std::string(r.counted ? "yes" : "no")},
                            r.source, r.date, r.end_date, r.kind, r.name, r.detail, r.publisher,
                            r.title, r.published, r.url, r.reference});
    }
  }
  return table;
}

Status RunDyad(CliContext& ctx, const MilitaryOptions& o, YearRange years,
               const std::vector<MilitaryFramework>& frameworks) {
  auto countries = ctx.Countries();
  if (!countries.ok()) return countries.status();
  auto dyad = ctx.ResolveDyad(o.dyad);
  if (!dyad.ok()) return dyad.status();
  const Country& a = *dyad->a;
  const Country& b = *dyad->b;
  for (const Country* c : {&a, &b}) {
    if (c->ccode == 0) {
      return Status::Usage(c->name +
                           " has no COW code (a territory or a pre-1816 state): "
                           "military alignment is scored between COW states");
    }
  }
  auto format = ctx.Format(o.format);
  if (!format.ok()) return format.status();
  auto data = LoadData(ctx, o, **countries);
  if (!data.ok()) return data.status();
  std::vector<std::vector<MilitaryYearScore>> scores;
  for (const auto& fw : frameworks) {
    scores.push_back(ScoreMilitaryDyad(*data, **countries, fw, a, b, years));
  }
  const std::string title = CountryTitle(a) + " - " + CountryTitle(b) + ", military alignment";
  Table table = ScoreTable(frameworks, scores, title);
  if (!o.explain) {
    return ctx.WriteTable(o.out, table, *format);
  }
  std::vector<std::vector<MilitaryExplainRow>> explain;
  for (const auto& fw : frameworks) {
    explain.push_back(ExplainMilitaryDyad(*data, **countries, fw, a, b, years));
  }
  Table evidence =
      ExplainTable(frameworks, explain, title + ": the evidence behind each criterion");
  return ctx.WriteOutput(o.out, [&](std::ostream& out) {
    // A terminal reader gets the scores and then the evidence; CSV and JSON
    // carry one table, the evidence.
    if (*format == OutputFormat::kTable) {
      RenderTable(table, *format, out);
      out << "\n";
    }
    RenderTable(evidence, *format, out);
    return Status::Ok();
  });
}

Status RunAllDyads(CliContext& ctx, const MilitaryOptions& o, YearRange years,
                   const std::vector<MilitaryFramework>& frameworks) {
  auto format = ctx.Format(o.format.empty() ? "csv" : o.format);
  if (!format.ok()) return format.status();
  if (*format != OutputFormat::kCsv) {
    return Status::Usage("--all-dyads writes CSV only (about a million rows): use --format csv");
  }
  if (o.explain) return Status::Usage("--explain works on one dyad, not with --all-dyads");
  auto countries = ctx.Countries();
  if (!countries.ok()) return countries.status();
  auto data = LoadData(ctx, o, **countries);
  if (!data.ok()) return data.status();
  std::vector<const MilitaryFramework*> pointers;
  for (const auto& f : frameworks) pointers.push_back(&f);
  MilitaryPanelOptions options;
  options.years = years;
  options.progress = ctx.Progress("dyad-years");
  std::int64_t rows = 0;
  Status s = ctx.WriteOutput(o.out, [&](std::ostream& out) -> Status {
    auto written = WriteMilitaryPanelCsv(*data, **countries, pointers, options, out);
    if (!written.ok()) return written.status();
    rows = *written;
    return Status::Ok();
  });
  if (s.ok() && !o.out.empty() && !ctx.quiet) {
    std::cerr << "wrote " << rows << " dyad-year rows to " << o.out << "\n";
  }
  return s;
}

Status RunCheck(CliContext& ctx, const MilitaryOptions& o,
                const std::vector<MilitaryFramework>& frameworks) {
  auto countries = ctx.Countries();
  if (!countries.ok()) return countries.status();
  auto data = LoadData(ctx, o, **countries);
  if (!data.ok()) return data.status();
  auto format = ctx.Format(o.format);
  if (!format.ok()) return format.status();
  Table table;
  table.title = "military evidence: every source read and validated";
  table.columns = {"source", "file", "rows_read", "rows_used", "note"};
  for (const auto& f : frameworks) {
    table.rows.push_back({std::string("framework"), f.file, std::int64_t{f.max_level()},
                          std::int64_t{static_cast<std::int64_t>(f.stages.size())},
                          f.id + ": " + std::to_string(f.criteria.size()) + " criteria in " +
                              std::to_string(f.stages.size()) + " stages"});
  }
  for (const auto& r : data->reports()) {
    table.rows.push_back({r.id, r.file, r.rows_read, r.rows_used, r.note});
  }
  return ctx.WriteTable(o.out, table, *format);
}

Status RunMilitary(CliContext& ctx, const MilitaryOptions& o) {
  const int modes = (o.dyad.size() == 2) + o.all_dyads + o.check;
  if (modes != 1 || (!o.dyad.empty() && o.dyad.size() != 2)) {
    return Status::Usage(
        "give two countries (e.g. `entente military CHN RUS`), --all-dyads or --check");
  }
  auto years = YearsOption(o.years, o.all_dyads ? kDefaultPanelYears : kDefaultDyadYears);
  if (!years.ok()) return years.status();
  auto frameworks = LoadFrameworks(o);
  if (!frameworks.ok()) return frameworks.status();
  if (o.check) return RunCheck(ctx, o, *frameworks);
  return o.all_dyads ? RunAllDyads(ctx, o, *years, *frameworks)
                     : RunDyad(ctx, o, *years, *frameworks);
}

}  // namespace

void AddMilitaryCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<MilitaryOptions>();
  auto* cmd = app.add_subcommand(
      "military",
      "Military alignment on Korolev's ordinal criteria, per year: the criteria met (and since "
      "when), the stage, the level (0 = none met ... the framework's maximum = a full alliance) "
      "and a finer grade, from ATOP, SIPRI, MME, US troops and bases and the cited evidence "
      "files. Reads ../shared/data and data/evidence/military directly: no import needed.");
  cmd->footer(
      "Examples:\n"
      "  entente military CHN RUS --years 1991:2025\n"
      "  entente military USA JPN --years 2015 --explain\n"
      "  entente military CHN RUS --framework korolev,korolev_three_tier --format csv\n"
      "  entente military --all-dyads --years 1946:2024 --format csv --out military.csv");
  cmd->add_option("COUNTRIES", o->dyad, "two countries: ISO3, ISO2, COW code or name")
      ->expected(0, 2);
  cmd->add_flag("--all-dyads", o->all_dyads, "every dyad-year of the state system (CSV)");
  cmd->add_flag("--check", o->check,
                "read and validate every source and framework; report what was used");
  cmd->add_flag("--explain", o->explain,
                "list each criterion with the evidence behind it and its sources");
  cmd->add_option("--years", o->years,
                  "years, e.g. 1991:2025 (default 1946:2025; 1946:2024 with --all-dyads)");
  cmd->add_option("--framework", o->frameworks,
                  "framework name(s) under data/frameworks, comma-separated, or a .toml path")
      ->capture_default_str();
  cmd->add_option("--format", o->format,
                  "table, csv or json (default: table on a terminal, else csv)");
  cmd->add_option("--out", o->out, "write to FILE instead of standard output");
  cmd->add_option("--evidence", o->evidence_dir,
                  "evidence folder (default: data/evidence/military of the source tree)");
  cmd->add_option("--frameworks-dir", o->frameworks_dir,
                  "framework folder (default: data/frameworks of the source tree)");
  cmd->callback([&ctx, o] { ctx.status = RunMilitary(ctx, *o); });
}

}  // namespace entente::cli
