// entente profile A B [--years Y1:Y2] [--compare A-B,...] [--indicators]
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "cli/profile_common.h"
#include "entente/profile.h"
#include "entente/profile_tables.h"
#include "entente/years.h"
#include "profile/profile_json.h"

namespace entente::cli {
namespace {

constexpr YearRange kDefaultYears{1991, 2025};

struct ProfileCliOptions {
  bool check = false;
  std::vector<std::string> dyad;
  std::string years;
  std::string compare;
  bool indicators = false;
  std::string format;
  std::string out;
  ProfileSourceOptions sources;
};

std::string DyadName(const DyadProfile& p) {
  return ShortKey(*p.a) + "-" + ShortKey(*p.b);
}

Cell Opt(const std::optional<double>& v) {
  return v ? Number(*v) : Cell{};
}

Result<std::pair<const Country*, const Country*>> ResolveDyad(const CountryRegistry& countries,
                                                              const std::string& a,
                                                              const std::string& b) {
  auto ca = countries.Find(a);
  if (!ca.ok()) return ca.status();
  auto cb = countries.Find(b);
  if (!cb.ok()) return cb.status();
  if (*ca == *cb)
    return Status::Usage("a dyad needs two different states ('" + a + "', '" + b + "')");
  return std::make_pair(*ca, *cb);
}

Table TrendTable(const std::vector<DyadProfile>& profiles) {
  Table t;
  t.decimals = 2;
  t.title = "Trends: OLS slope in points per year, 95% bootstrap interval (years resampled)";
  t.columns = {"dyad", "series", "years", "slope", "ci_low", "ci_high"};
  for (const DyadProfile& p : profiles) {
    for (const ProfileTrend& tr : p.trends) {
      t.rows.push_back({DyadName(p), tr.series, std::int64_t{tr.years_used}, Opt(tr.slope),
                        Opt(tr.ci_low), Opt(tr.ci_high)});
    }
  }
  return t;
}

Table IndicatorTable(const std::vector<DyadProfile>& profiles) {
  Table t;
  t.decimals = 4;
  t.columns = {"dyad", "year", "dimension", "indicator", "value", "score", "source", "evidence"};
  for (const DyadProfile& p : profiles) {
    for (const ProfileYear& y : p.rows) {
      for (const ProfileIndicatorValue& v : y.indicators) {
        std::string refs;
        for (const auto& e : v.evidence) {
          if (!refs.empty()) refs += " | ";
          refs += e.reference + " " + e.publisher + ", \"" + e.title + "\" " + e.url;
        }
        t.rows.push_back({DyadName(p), std::int64_t{y.year},
                          std::string(ProfileDimensionId(v.dimension)), v.id, Opt(v.value),
                          Opt(v.score), v.source, refs});
      }
      // Cited values no indicator scores (energy, settlement currency ...).
      for (const ProfileEvidenceFact& f : y.evidence_facts) {
        t.rows.push_back({DyadName(p), std::int64_t{y.year}, std::string("economic"),
                          "evidence:" + f.indicator + " (" + f.file_dyad + ", " + f.unit + ")",
                          Number(f.value), Cell{}, "evidence (" + f.reporter + ")",
                          f.source.reference + " " + f.source.publisher + ", \"" + f.source.title +
                              "\" " + f.source.url});
      }
    }
  }
  return t;
}

profile_json::Json ProfileJson(const DyadProfile& p) {
  using J = profile_json::Json;
  J out;
  out["dyad"] = DyadName(p);
  out["a"] = {{"name", p.a->name}, {"iso3", p.a->iso3}, {"ccode", p.a->ccode}};
  out["b"] = {{"name", p.b->name}, {"iso3", p.b->iso3}, {"ccode", p.b->ccode}};
  out["classification_rules"] = p.classification_rules;
  J years = J::array();
  for (const ProfileYear& y : p.rows) {
    J row;
    row["year"] = y.year;
    row["ccode_a"] = y.ccode_a;
    row["ccode_b"] = y.ccode_b;
    J index;
    for (int d = 0; d < kProfileDimensionCount; ++d) {
      index[std::string(ProfileDimensionId(static_cast<ProfileDimension>(d)))] =
          profile_json::OptionalNumber(y.index[d]);
    }
    row["index"] = index;
    row["composite"] = profile_json::OptionalNumber(y.composite);
    row["composite_dimensions"] = y.composite_dimensions;
    row["class"] = AlignmentClassId(y.alignment);
    row["rule"] = y.rule;
    row["rank"] = y.rank ? J(*y.rank) : J(nullptr);
    row["ranked_dyads"] = y.ranked_dyads;
    J indicators = J::array();
    for (const ProfileIndicatorValue& v : y.indicators)
      indicators.push_back(profile_json::Indicator(v));
    row["indicators"] = indicators;
    J facts = J::array();
    for (const ProfileEvidenceFact& f : y.evidence_facts) {
      facts.push_back({{"indicator", f.indicator},
                       {"file_dyad", f.file_dyad},
                       {"value", f.value},
                       {"unit", f.unit},
                       {"reporter", f.reporter},
                       {"source",
                        {{"reference", f.source.reference},
                         {"publisher", f.source.publisher},
                         {"title", f.source.title},
                         {"published", f.source.published},
                         {"url", f.source.url}}}});
    }
    row["evidence_facts"] = facts;
    years.push_back(row);
  }
  out["years"] = years;
  out["trends"] = profile_json::Trends(p.trends);
  return out;
}

// --check: validate the evidence files and say what they hold.
Status RunCheck(CliContext& ctx, const ProfileCliOptions& o) {
  auto format = ctx.Format(o.format);
  if (!format.ok()) return format.status();
  auto countries = ctx.Countries();
  if (!countries.ok()) return countries.status();
  ProfileDataOptions options = ProfileOptionsFor(ctx, o.sources, nullptr);
  auto reports = CheckProfileEvidence(**countries, options.evidence_dir);
  if (!reports.ok()) return Status::Data(reports.status().message());
  Table t;
  t.title = "Evidence files under " + options.evidence_dir + ": all rows valid";
  t.columns = {"file", "rows", "what"};
  for (const auto& r : *reports) t.rows.push_back({r.file, std::int64_t{r.rows}, r.note});
  return ctx.WriteTable(o.out, t, *format);
}

Status RunProfile(CliContext& ctx, const ProfileCliOptions& o) {
  if (o.check) return RunCheck(ctx, o);
  if (o.dyad.size() != 2) return Status::Usage("profile needs two countries, e.g. CHN RUS");
  auto years = YearsOption(o.years, kDefaultYears);
  if (!years.ok()) return years.status();
  auto format = ctx.Format(o.format);
  if (!format.ok()) return format.status();
  auto countries = ctx.Countries();
  if (!countries.ok()) return countries.status();
  std::vector<std::pair<const Country*, const Country*>> dyads;
  auto main = ResolveDyad(**countries, o.dyad[0], o.dyad[1]);
  if (!main.ok()) return main.status();
  dyads.push_back(*main);
  std::stringstream list(o.compare);
  std::string item;
  while (std::getline(list, item, ',')) {
    if (item.empty()) continue;
    const auto dash = item.find('-');
    if (dash == std::string::npos || dash == 0 || dash + 1 == item.size()) {
      return Status::Usage(
          "--compare takes dyads as A-B joined by commas, e.g. USA-AUS,USA-IND "
          "(got '" +
          item + "')");
    }
    auto d = ResolveDyad(**countries, item.substr(0, dash), item.substr(dash + 1));
    if (!d.ok()) return d.status();
    dyads.push_back(*d);
  }
  auto data = ObtainProfile(ctx, o.sources);
  if (!data.ok()) return data.status();
  std::vector<DyadProfile> profiles;
  for (const auto& [a, b] : dyads) {
    auto p = ProfileDyad(*data, **countries, *a, *b, *years);
    if (!p.ok()) return p.status();
    profiles.push_back(std::move(p).value());
  }
  return ctx.WriteOutput(o.out, [&](std::ostream& out) -> Status {
    if (*format == OutputFormat::kJson) {
      nlohmann::ordered_json j = nlohmann::ordered_json::array();
      for (const auto& p : profiles) j.push_back(ProfileJson(p));
      out << (profiles.size() == 1 ? j[0] : j).dump(2) << "\n";
      return Status::Ok();
    }
    if (o.indicators) {
      Table t = IndicatorTable(profiles);
      t.title = "Indicators with their sources (docs/profile.md)";
      RenderTable(t, *format, out);
      return Status::Ok();
    }
    Table summary = ProfileSummaryTable(profiles);
    summary.title = profiles[0].a->name + " - " + profiles[0].b->name +
                    ": alignment indices 0-100 (docs/profile.md)" +
                    (profiles.size() > 1 ? ", compared" : "");
    RenderTable(summary, *format, out);
    if (*format == OutputFormat::kTable) {
      out << "\n";
      RenderTable(TrendTable(profiles), *format, out);
      out << "\nClassification, " << profiles[0].classification_rules << ".\n";
    }
    return Status::Ok();
  });
}

}  // namespace

void AddProfileCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<ProfileCliOptions>();
  auto* cmd = app.add_subcommand(
      "profile",
      "The alignment profile of a dyad: economic, diplomatic, personal and military indices "
      "(0-100), the composite, incentives and hurdles, the classification with its rule, the "
      "rank among all dyads each year, and trends with bootstrap intervals. Reads the panel "
      "stored by `entente import profile`; without one, builds it from the datasets.");
  cmd->footer(
      "Examples:\n"
      "  entente profile CHN RUS --years 1991:2025\n"
      "  entente profile CHN RUS --compare USA-AUS,USA-IND,USA-JPN --years 2000:2020\n"
      "  entente profile CHN RUS --years 2022 --indicators         # every value with its source\n"
      "  entente profile CHN RUS --format json --out chn_rus.json\n"
      "  entente profile --check                                   # validate the evidence files\n"
      "Method, scales and citations: docs/profile.md.");
  cmd->add_option("A B", o->dyad, "the two countries (ISO3, ISO2, COW code or name)")->expected(2);
  cmd->add_flag("--check", o->check,
                "validate the economic, diplomatic and personal evidence files and count their "
                "rows (no dyad needed)");
  cmd->add_option("--years", o->years, "years as Y1:Y2, Y, Y1: or :Y2 (default 1991:2025)");
  cmd->add_option("--compare", o->compare, "more dyads to compare, e.g. USA-AUS,USA-IND");
  cmd->add_flag("--indicators", o->indicators,
                "list every indicator's value, score and source instead of the indices");
  cmd->add_option("--format", o->format, "table, csv or json (default: table on a terminal)");
  cmd->add_option("--out", o->out, "write to this file instead of standard output");
  AddProfileSourceOptions(*cmd, o->sources);
  cmd->callback([&ctx, o] { ctx.status = RunProfile(ctx, *o); });
}

}  // namespace entente::cli
