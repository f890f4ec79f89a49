// entente idealpoints [--years Y1:Y2] [--dyad A B]
#include <iostream>

#include "cli/commands.h"
#include "entente/ideal_points.h"
#include "entente/years.h"

namespace entente::cli {
namespace {

struct IdealPointsOptions {
  std::string years;
  std::vector<std::string> dyad;
  std::string format;
  std::string out;
  std::uint64_t seed = 1;
  int max_iterations = IdealPointOptions{}.max_iterations;
  int threads = 0;
};

Status RunIdealPoints(CliContext& ctx, const IdealPointsOptions& o) {
  auto years = YearsOption(o.years, YearRange{});
  if (!years.ok()) return years.status();
  if (!o.dyad.empty() && o.dyad.size() != 2) return Status::Usage("--dyad takes two countries");
  auto format = ctx.Format(o.format);
  if (!format.ok()) return format.status();
  auto store = ctx.OpenStore();
  if (!store.ok()) return store.status();
  auto votes = LoadUngaVotes(**store, *years);
  if (!votes.ok()) return votes.status();
  if (votes->roll_calls.empty()) {
    return Status::Data("no UN roll calls in the store for these years: run `entente init` first");
  }
  IdealPointOptions options;
  options.seed = o.seed;
  options.max_iterations = o.max_iterations;
  options.threads = o.threads;
  auto fit = EstimateIdealPoints(IdealPointDataFromVotes(*votes), options);
  if (!fit.ok()) return fit.status();
  if (!ctx.quiet) {
    std::cerr << "ideal points: " << fit->estimates.size() << " state-sessions from " << fit->votes
              << " votes on " << fit->items << " roll calls; " << fit->iterations << " iterations, "
              << (fit->converged ? "converged" : "NOT converged (raise --max-iterations)") << "\n";
  }

  Table table;
  table.decimals = 4;
  if (o.dyad.empty()) {
    table.columns = {"ccode", "session", "idealpoint", "se", "votes"};
    for (const auto& e : fit->estimates) {
      table.rows.push_back({std::int64_t{e.ccode}, std::int64_t{e.session}, Number(e.idealpoint),
                            Number(e.se), std::int64_t{e.votes}});
    }
  } else {
    auto dyad = ctx.ResolveDyad(o.dyad);
    if (!dyad.ok()) return dyad.status();
    const Country& a = *dyad->a;
    const Country& b = *dyad->b;
    auto distances = IdealPointDistances(*fit, a.ccode, b.ccode);
    if (!distances.ok()) return distances.status();
    table.title = a.name + " - " + b.name + ": distance between UNGA ideal points";
    table.columns = {"ccode1", "ccode2", "session", "distance", "se"};
    for (const auto& d : *distances) {
      table.rows.push_back({std::int64_t{a.ccode}, std::int64_t{b.ccode}, std::int64_t{d.session},
                            Number(d.distance), Number(d.se)});
    }
  }
  return ctx.WriteTable(o.out, table, *format);
}

}  // namespace

void AddIdealPointsCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<IdealPointsOptions>();
  auto* cmd = app.add_subcommand(
      "idealpoints",
      "One-dimensional UNGA ideal points per state and session (dynamic ordered probit, posterior "
      "mode by block Newton + SQUAREM, standardised per session; docs/ideal_points.md), or the "
      "distance between two states.");
  cmd->footer(
      "Examples:\n"
      "  entente idealpoints --years 1946:2015 --format csv --out idealpoints.csv\n"
      "  entente idealpoints --years 1992:2015 --dyad CHN RUS\n"
      "  entente idealpoints --years 1946:2019 --format json --out idealpoints.json");
  cmd->add_option("--years", o->years, "calendar years of the roll calls, e.g. 1946:2015");
  cmd->add_option("--dyad", o->dyad, "two countries: print their distance per session")
      ->expected(2);
  cmd->add_option("--format", o->format,
                  "table, csv or json (default: table on a terminal, else csv)");
  cmd->add_option("--out", o->out, "write to FILE instead of standard output");
  cmd->add_option("--seed", o->seed, "seed of the random starting values")->capture_default_str();
  cmd->add_option("--max-iterations", o->max_iterations, "iteration cap")->capture_default_str();
  cmd->add_option("--threads", o->threads, "worker threads (default: all cores)");
  cmd->callback([&ctx, o] { ctx.status = RunIdealPoints(ctx, *o); });
}

}  // namespace entente::cli
