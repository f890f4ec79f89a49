// entente rank --year Y [--dimension D] [--top N]
#include <iostream>

#include "cli/commands.h"
#include "cli/profile_common.h"
#include "entente/profile.h"
#include "entente/profile_tables.h"

namespace entente::cli {
namespace {

constexpr int kDefaultTop = 20;

struct RankCliOptions {
  int year = 0;
  std::string dimension = "composite";
  int top = kDefaultTop;
  std::string format;
  std::string out;
  ProfileSourceOptions sources;
};

Status RunRank(CliContext& ctx, const RankCliOptions& o) {
  std::optional<ProfileDimension> dimension;
  if (o.dimension != "composite") {
    dimension = ParseProfileDimension(o.dimension);
    if (!dimension) {
      return Status::Usage("unknown --dimension '" + o.dimension +
                           "' (composite, economic, diplomatic, personal, military, incentives, "
                           "hurdles)");
    }
  }
  auto format = ctx.Format(o.format);
  if (!format.ok()) return format.status();
  auto countries = ctx.Countries();
  if (!countries.ok()) return countries.status();
  auto data = ObtainProfile(ctx, o.sources);
  if (!data.ok()) return data.status();
  auto rows = RankDyads(*data, o.year, dimension, o.top);
  if (!rows.ok()) return rows.status();
  Table t = ProfileRankTable(**countries, *rows, dimension);
  t.title = "Dyads ranked on " + o.dimension + " in " + std::to_string(o.year) +
            " (indices 0-100, docs/profile.md)";
  return ctx.WriteTable(o.out, t, *format);
}

}  // namespace

void AddRankCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<RankCliOptions>();
  auto* cmd = app.add_subcommand(
      "rank", "Rank every dyad of a year on the composite alignment index or one dimension.");
  cmd->footer(
      "Examples:\n"
      "  entente rank --year 2014                          # the 20 most aligned dyads\n"
      "  entente rank --year 2010 --dimension economic --top 50\n"
      "  entente rank --year 2000 --dimension hurdles --top 0 --format csv --out hurdles.csv\n"
      "Dimensions: composite, economic, diplomatic, personal, military, incentives, hurdles.\n"
      "Method: docs/profile.md.");
  cmd->add_option("--year", o->year, "the year to rank")->required();
  cmd->add_option("--dimension", o->dimension, "composite (default) or a dimension");
  cmd->add_option("--top", o->top, "how many dyads to show (0 = all; default 20)");
  cmd->add_option("--format", o->format, "table, csv or json (default: table on a terminal)");
  cmd->add_option("--out", o->out, "write to this file instead of standard output");
  AddProfileSourceOptions(*cmd, o->sources);
  cmd->callback([&ctx, o] { ctx.status = RunRank(ctx, *o); });
}

void AddImportProfileCommand(CLI::App& import, CliContext& ctx) {
  auto o = std::make_shared<ProfileSourceOptions>();
  auto* cmd = import.add_subcommand(
      "profile",
      "Build the dyad profile panel (every dyad-year, docs/profile.md) from the datasets, the "
      "evidence files and the UN votes in the store, and save it in the store so that `entente "
      "profile` and `entente rank` answer at once. Rerun after editing an evidence file.\n"
      "Example: entente import profile");
  cmd->add_option("--evidence", o->evidence_dir,
                  "evidence directory (default: the project's data/evidence)");
  cmd->callback([&ctx, o] {
    ctx.status = [&]() -> Status {
      auto countries = ctx.Countries();
      if (!countries.ok()) return countries.status();
      auto store = ctx.OpenStore();
      if (!store.ok()) return store.status();
      auto data = ProfileData::Build(**countries, ProfileOptionsFor(ctx, *o, *store),
                                     ctx.Progress("building the profile panel"));
      if (!data.ok()) {
        return Status::Data(data.status().message() + "\nnothing was stored: fix it and rerun");
      }
      auto rows = SaveProfilePanel(**store, *data);
      if (!rows.ok()) return rows.status();
      if (!ctx.quiet) {
        std::cerr << "stored the profile panel: " << *rows << " dyad-years, " << data->years().first
                  << "-" << data->years().last << "\n";
      }
      return Status::Ok();
    }();
  });
}

}  // namespace entente::cli
