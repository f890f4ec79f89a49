// entente votes A B | entente votes --all-dyads
#include <iostream>

#include "cli/commands.h"
#include "entente/dyad_votes.h"
#include "entente/vote_panel.h"
#include "entente/vote_panel_csv.h"
#include "entente/years.h"

namespace entente::cli {
namespace {

struct VotesOptions {
  std::vector<std::string> dyad;
  bool all_dyads = false;
  std::string years;
  std::string issue;
  bool important = false;
  std::string by = "year";
  bool by_issue = false;
  std::string format;
  std::string out;
  int threads = 0;
};

Result<RollCallSubset> Subset(const VotesOptions& o) {
  if (!o.issue.empty() && o.important) {
    return Status::Usage("choose either --issue or --important, not both");
  }
  if (o.important) return RollCallSubset::kImportant;
  if (o.issue.empty()) return RollCallSubset::kAll;
  RollCallSubset subset;
  if (!ParseRollCallSubset(o.issue, subset) || subset == RollCallSubset::kImportant) {
    return Status::Usage("unknown issue '" + o.issue +
                         "': use me (Palestinian conflict), nu (nuclear), di (arms control), hr "
                         "(human rights), co (colonialism) or ec (economic development)");
  }
  return subset;
}

Status RunAllDyads(CliContext& ctx, const VotesOptions& o, const UngaVotes& votes,
                   VoteGrouping grouping, RollCallSubset subset) {
  auto format = ctx.Format(o.format.empty() ? "csv" : o.format);
  if (!format.ok()) return format.status();
  if (*format != OutputFormat::kCsv) {
    return Status::Usage(
        "--all-dyads writes CSV only (hundreds of thousands of rows): use --format csv");
  }
  PanelCsvOptions options;
  options.subsets = {subset};
  if (o.by_issue) {
    for (int k = 1; k < kRollCallSubsetCount; ++k) {
      if (k != static_cast<int>(subset)) options.subsets.push_back(static_cast<RollCallSubset>(k));
    }
  }
  options.threads = o.threads;
  options.progress = ctx.Progress("dyad-years");
  VotePanel panel(votes, grouping);
  std::int64_t rows = 0;
  Status s = ctx.WriteOutput(o.out, [&](std::ostream& out) -> Status {
    auto written = WriteVotePanelCsv(panel, options, out);
    if (!written.ok()) return written.status();
    rows = *written;
    return Status::Ok();
  });
  if (s.ok() && !o.out.empty() && !ctx.quiet) {
    std::cerr << "wrote " << rows << " dyad-" << o.by << " rows to " << o.out << "\n";
  }
  return s;
}

Status RunDyad(CliContext& ctx, const VotesOptions& o, const UngaVotes& votes,
               VoteGrouping grouping, RollCallSubset subset) {
  auto countries = ctx.Countries();
  if (!countries.ok()) return countries.status();
  auto dyad = ctx.ResolveDyad(o.dyad);
  if (!dyad.ok()) return dyad.status();
  const Country& a = *dyad->a;
  const Country& b = *dyad->b;
  auto format = ctx.Format(o.format);
  if (!format.ok()) return format.status();

  Table table;
  // Six decimals in files (as in the --all-dyads panel), four on screen.
  table.decimals = *format == OutputFormat::kTable ? 4 : 6;
  table.title = CountryTitle(a) + " - " + CountryTitle(b) + ", UNGA votes (" +
                RollCallSubsetName(subset) + " roll calls)";
  table.columns = {o.by, "ccode1", "ccode2", "n", "agree", "s", "s2", "pi", "kappa"};
  for (const auto& row : DyadVoteSimilarity(votes, **countries, a, b, grouping, subset)) {
    const VoteSimilarity& s = row.similarity;
    table.rows.push_back({std::int64_t{row.period}, std::int64_t{row.ccode_a},
                          std::int64_t{row.ccode_b}, std::int64_t{s.n}, Number(s.agree),
                          Number(s.s), Number(s.s_squared), Number(s.pi), Number(s.kappa)});
  }
  if (table.rows.empty()) {
    std::cerr << "entente: no roll call in these years on which both voted (is the store "
                 "initialised? run `entente init`)\n";
  }
  return ctx.WriteTable(o.out, table, *format);
}

Status RunVotes(CliContext& ctx, const VotesOptions& o) {
  if (o.all_dyads == (o.dyad.size() == 2)) {
    return Status::Usage(o.all_dyads
                             ? "give either two countries or --all-dyads, not both"
                             : "give two countries (e.g. `entente votes CHN RUS`) or --all-dyads");
  }
  auto years = YearsOption(o.years, YearRange{});
  if (!years.ok()) return years.status();
  VoteGrouping grouping = VoteGrouping::kYear;
  if (o.by == "session") {
    grouping = VoteGrouping::kSession;
  } else if (o.by != "year") {
    return Status::Usage("--by must be year or session");
  }
  auto subset = Subset(o);
  if (!subset.ok()) return subset.status();
  auto store = ctx.OpenStore();
  if (!store.ok()) return store.status();
  auto votes = LoadUngaVotes(**store, *years);
  if (!votes.ok()) return votes.status();
  if (votes->roll_calls.empty()) {
    return Status::Data(
        "no UN roll calls in the store for these years: run `entente init` or "
        "`entente import unga FILE` first");
  }
  return o.all_dyads ? RunAllDyads(ctx, o, *votes, grouping, *subset)
                     : RunDyad(ctx, o, *votes, grouping, *subset);
}

}  // namespace

void AddVotesCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<VotesOptions>();
  auto* cmd = app.add_subcommand(
      "votes",
      "UN General Assembly voting similarity: agreement, Signorino-Ritter S (absolute and "
      "squared), "
      "Scott's pi and Cohen's kappa (quadratic weights), per year.");
  cmd->footer(
      "Examples:\n"
      "  entente votes CHN RUS --years 1992:2019\n"
      "  entente votes USA ISR --issue hr --format csv\n"
      "  entente votes --all-dyads --years 1946:2015 --format csv --out dyads.csv");
  cmd->add_option("COUNTRIES", o->dyad, "two countries: ISO3, ISO2, COW code or name")
      ->expected(0, 2);
  cmd->add_flag("--all-dyads", o->all_dyads, "every dyad and period (CSV)");
  cmd->add_option("--years", o->years, "years, e.g. 1992:2019");
  cmd->add_option("--issue", o->issue, "restrict to an issue area: me, nu, di, hr, co, ec");
  cmd->add_flag("--important", o->important,
                "restrict to important votes (US State Department list)");
  cmd->add_option("--by", o->by, "group roll calls by calendar year or UNGA session")
      ->check(CLI::IsMember({"year", "session"}))
      ->capture_default_str();
  cmd->add_flag("--by-issue", o->by_issue,
                "with --all-dyads: add n/agree/s/s2/pi/kappa columns for every issue area and "
                "important votes");
  cmd->add_option("--format", o->format,
                  "table, csv or json (default: table on a terminal, else csv)");
  cmd->add_option("--out", o->out, "write to FILE instead of standard output");
  cmd->add_option("--threads", o->threads, "worker threads for --all-dyads (default: all cores)");
  cmd->callback([&ctx, o] { ctx.status = RunVotes(ctx, *o); });
}

}  // namespace entente::cli
