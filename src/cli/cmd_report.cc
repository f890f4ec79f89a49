// entente report A B [--years Y1:Y2] [--compare A-B,...] [--out FILE.html] [--data-out DIR]
#include <ctime>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "entente/paths.h"
#include "entente/report.h"
#include "entente/years.h"

namespace entente::cli {
namespace {

struct ReportCliOptions {
  std::vector<std::string> dyad;
  std::string years;
  std::string compare;
  std::string out;
  std::string data_out;
  std::string framework = "korolev";
  std::string corpus = "ungd";
  bool no_ideal_points = false;
};

std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &tm);
  return buffer;
}

// The command as it reproduces this report (global options included).
std::string CommandLine(const CliContext& ctx, const ReportCliOptions& o, YearRange years) {
  std::string line = "entente --store " + ctx.store_path + " --data " + ctx.ResolvedDataDir() +
                     " report " + o.dyad[0] + " " + o.dyad[1] + " --years " +
                     std::to_string(years.first) + ":" + std::to_string(years.last);
  if (!o.compare.empty()) line += " --compare " + o.compare;
  if (o.framework != "korolev") line += " --framework " + o.framework;
  if (o.corpus != "ungd") line += " --corpus " + o.corpus;
  if (o.no_ideal_points) line += " --no-idealpoints";
  return line;
}

// report-CHN-RUS.html in the current directory.
std::string DefaultOut(const Country& a, const Country& b) {
  return "report-" + ShortKey(a) + "-" + ShortKey(b) + ".html";
}

Status RunReport(CliContext& ctx, const ReportCliOptions& o) {
  if (o.dyad.size() != 2) {
    return Status::Usage("give two countries, e.g. `entente report CHN RUS`");
  }
  ReportOptions options;
  options.a = o.dyad[0];
  options.b = o.dyad[1];
  if (!o.years.empty()) {
    auto parsed = ParseYearRange(o.years);
    if (!parsed.ok()) return parsed.status();
    // Open ends ("1992:") stop at the default range, not at 1800 or 2100.
    options.years = *parsed;
    if (o.years.front() == ':') options.years.first = kDefaultReportYears.first;
    if (o.years.back() == ':') options.years.last = kDefaultReportYears.last;
    if (options.years.first > options.years.last) {
      return Status::Usage("--years " + o.years + " ends before it starts");
    }
  }
  auto countries = ctx.Countries();
  if (!countries.ok()) return countries.status();
  if (!o.compare.empty()) {
    auto compare = ParseDyadList(o.compare, **countries);
    if (!compare.ok()) return compare.status();
    options.compare = std::move(compare).value();
  }
  auto store = ctx.OpenStore();
  if (!store.ok()) return store.status();
  options.shared_data_dir = ctx.ResolvedDataDir();
  options.project_data_dir = ProjectDataDir();
  options.framework = o.framework;
  options.beliefs_corpus = o.corpus == "all" ? "" : o.corpus;
  options.ideal_points = !o.no_ideal_points;
  options.generated_at = UtcNow();
  if (ctx.store_path.empty()) ctx.store_path = (*store)->path();
  options.command_line = CommandLine(ctx, o, options.years);
  options.progress = ctx.Progress("report");

  auto report = BuildReport(**store, **countries, options);
  if (!report.ok()) return report.status();
  std::string out = o.out;
  if (out.empty()) {
    auto a = (*countries)->Find(o.dyad[0]);
    auto b = (*countries)->Find(o.dyad[1]);
    out = DefaultOut(**a, **b);  // both resolved: BuildReport succeeded
  }
  if (!o.data_out.empty()) {
    if (Status s = WriteReportData(*report, o.data_out); !s.ok()) return s;
  }
  Status written = ctx.WriteOutput(out, [&](std::ostream& stream) {
    stream << report->html;
    return stream ? Status::Ok() : Status::Io("cannot write the report");
  });
  if (!written.ok()) return written;
  for (const std::string& note : report->notes) std::cerr << "note: " << note << "\n";
  if (out != "-") {
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(out, ec);
    std::cout << "report written: " << (ec ? out : absolute.string()) << "\n";
    if (!o.data_out.empty()) {
      std::cout << "chart data (" << report->charts.size() << " CSV files): " << o.data_out << "\n";
    }
  }
  return Status::Ok();
}

}  // namespace

void AddReportCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<ReportCliOptions>();
  auto* cmd = app.add_subcommand(
      "report",
      "One self-contained HTML report on a dyad (inline SVG charts, no network needed to view "
      "it): UN vote similarity and ideal-point distance, military alignment with the evidence "
      "and sources behind each criterion, leaders' beliefs, the economic, diplomatic, personal "
      "and composite indices with the classification, a comparison with other dyads, "
      "methods and data provenance (docs/report.md). Missing years are gaps, never zero.\n"
      "Examples:\n"
      "  entente report CHN RUS\n"
      "  entente report CHN RUS --years 1992:2024 --compare USA-AUS,USA-IND --out chn-rus.html\n"
      "  entente report USA JPN --data-out usa-jpn-data   # also every chart's data as CSV");
  cmd->add_option("COUNTRIES", o->dyad, "two countries: ISO3, ISO2, COW code or name")
      ->expected(0, 2);
  cmd->add_option("--years", o->years, "years shown, e.g. 1992:2019 (default 1946:2025)");
  cmd->add_option("--compare", o->compare, "dyads to compare with, e.g. USA-AUS,USA-IND");
  cmd->add_option("--out", o->out,
                  "the HTML file to write (default report-A-B.html here; - for standard output)");
  cmd->add_option("--data-out", o->data_out, "also write every chart's data as DIR/CHART.csv");
  cmd->add_option("--framework", o->framework, "military framework (data/frameworks/NAME.toml)")
      ->capture_default_str();
  cmd->add_option("--corpus", o->corpus,
                  "coded speeches for the beliefs: ungd, kremlin, au_pm, miller, radio, xi or all")
      ->capture_default_str();
  cmd->add_flag("--no-idealpoints", o->no_ideal_points,
                "leave out the ideal-point distance (saves the seconds the fit takes)");
  cmd->callback([&ctx, o] { ctx.status = RunReport(ctx, *o); });
}

}  // namespace entente::cli
