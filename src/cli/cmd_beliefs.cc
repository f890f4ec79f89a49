// entente beliefs A B [--years Y1:Y2]
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "entente/beliefs.h"
#include "entente/years.h"

namespace entente::cli {
namespace {

struct BeliefsOptions {
  std::vector<std::string> sides;
  std::string years;
  std::string corpus;
  std::string format;
  std::string out;
};

nlohmann::ordered_json Num(double v) {
  if (std::isnan(v)) return nullptr;
  return std::round(v * 10000.0) / 10000.0;
}

nlohmann::ordered_json IndicesJson(const OpcodeIndices& x, const OpcodeCounts& c) {
  nlohmann::ordered_json j;
  const auto& names = IndexNames();
  auto values = IndexValues(x);
  for (std::size_t k = 0; k < names.size(); ++k) j[names[k]] = Num(values[k]);
  j["p4b"] = Num(x.p4b);
  j["i5"] = {{"punish", Num(x.i5[0])}, {"threaten", Num(x.i5[1])}, {"oppose", Num(x.i5[2])},
             {"appeal", Num(x.i5[3])}, {"promise", Num(x.i5[4])},  {"reward", Num(x.i5[5])}};
  nlohmann::ordered_json counts;
  static const char* kNames[] = {"-3", "-2", "-1", "0", "+1", "+2", "+3"};
  for (int a = 0; a < 2; ++a) {
    nlohmann::ordered_json side;
    for (int k = 0; k < kVicsCategories; ++k) side[kNames[k]] = c.counts[a][k];
    counts[a == 0 ? "self" : "other"] = side;
  }
  j["counts"] = counts;
  j["self_verbs"] = c.Total(OpcodeActor::kSelf);
  j["other_verbs"] = c.Total(OpcodeActor::kOther);
  return j;
}

nlohmann::ordered_json SideJson(const BeliefsSide& s) {
  nlohmann::ordered_json j;
  j["key"] = s.key;
  j["label"] = s.label;
  j["speakers"] = s.speakers;
  j["speeches"] = s.speeches;
  j["words"] = s.words;
  nlohmann::ordered_json x = IndicesJson(s.indices, s.counts);
  for (auto it = x.begin(); it != x.end(); ++it) j[it.key()] = it.value();
  nlohmann::ordered_json z;
  const auto& names = IndexNames();
  for (std::size_t k = 0; k < names.size(); ++k) z[names[k]] = Num(s.z[k]);
  j["z"] = z;
  j["norming_group"] = WorldLeadersNorm().name + " (" + WorldLeadersNorm().source + ")";
  j["reliable"] = s.reliability.empty();
  if (!s.reliability.empty()) j["reliability_note"] = s.reliability;
  nlohmann::ordered_json series = nlohmann::ordered_json::array();
  for (const BeliefsYear& y : s.series) {
    nlohmann::ordered_json row;
    row["year"] = y.year;
    row["speakers"] = y.speakers;
    row["speeches"] = y.speeches;
    row["words"] = y.words;
    row["p1"] = Num(y.indices.p1);
    row["i1"] = Num(y.indices.i1);
    row["p2"] = Num(y.indices.p2);
    row["i2"] = Num(y.indices.i2);
    row["self_verbs"] = y.counts.Total(OpcodeActor::kSelf);
    row["other_verbs"] = y.counts.Total(OpcodeActor::kOther);
    row["reliable"] = IsReliable(y.words, y.counts);
    series.push_back(row);
  }
  j["series"] = series;
  return j;
}

nlohmann::ordered_json ComparisonJson(const BeliefComparison& c) {
  return {{"difference", Num(c.difference)}, {"z", Num(c.z)}, {"congruent", c.congruent}};
}

Status RunBeliefs(CliContext& ctx, const BeliefsOptions& o) {
  if (o.sides.size() != 2) {
    return Status::Usage(
        "give two states or speakers, e.g. `entente beliefs CHN RUS --years 2013:2015`");
  }
  auto years = YearsOption(o.years, YearRange{});
  if (!years.ok()) return years.status();
  auto format = ctx.Format(o.format);
  if (!format.ok()) return format.status();
  auto countries = ctx.Countries();
  if (!countries.ok()) return countries.status();
  auto store = ctx.OpenStore();
  if (!store.ok()) return store.status();
  auto result = CompareBeliefs(**store, **countries, o.sides[0], o.sides[1], *years, o.corpus);
  if (!result.ok()) return result.status();
  const BeliefsResult& r = *result;
  if (*format == OutputFormat::kJson) {
    nlohmann::ordered_json j;
    j["years"] = std::to_string(years->first) + ":" + std::to_string(years->last);
    j["corpus"] = o.corpus.empty() ? "all" : o.corpus;
    j["a"] = SideJson(r.a);
    j["b"] = SideJson(r.b);
    j["p1"] = ComparisonJson(r.p1);
    j["i1"] = ComparisonJson(r.i1);
    j["distance"] = Num(r.distance);
    j["congruent"] = r.congruent;
    j["rule"] = r.rule;
    // The series side by side, year by year.
    nlohmann::ordered_json series = nlohmann::ordered_json::array();
    std::map<int, std::pair<const BeliefsYear*, const BeliefsYear*>> joined;
    for (const auto& y : r.a.series) joined[y.year].first = &y;
    for (const auto& y : r.b.series) joined[y.year].second = &y;
    for (const auto& [year, pair] : joined) {
      nlohmann::ordered_json row;
      row["year"] = year;
      row["a_p1"] = pair.first ? Num(pair.first->indices.p1) : nullptr;
      row["b_p1"] = pair.second ? Num(pair.second->indices.p1) : nullptr;
      row["a_i1"] = pair.first ? Num(pair.first->indices.i1) : nullptr;
      row["b_i1"] = pair.second ? Num(pair.second->indices.i1) : nullptr;
      if (pair.first && pair.second) {
        double dp = pair.first->indices.p1 - pair.second->indices.p1;
        double di = pair.first->indices.i1 - pair.second->indices.i1;
        row["d_p1"] = Num(dp);
        row["d_i1"] = Num(di);
        row["congruent"] = std::abs(dp) < kCongruenceSdFraction * WorldLeadersNorm().sd[0] &&
                           std::abs(di) < kCongruenceSdFraction * WorldLeadersNorm().sd[5];
      }
      series.push_back(row);
    }
    j["series"] = series;
    return ctx.WriteOutput(o.out, [&](std::ostream& out) {
      out << j.dump(2) << "\n";
      return Status::Ok();
    });
  }
  Table table;
  table.title = r.a.label + " vs " + r.b.label + ", " + std::to_string(years->first) + ":" +
                std::to_string(years->last) + ": P-1 difference " +
                std::to_string(r.p1.difference) +
                (r.p1.congruent ? " (congruent)" : " (not congruent)") + ", I-1 difference " +
                std::to_string(r.i1.difference) +
                (r.i1.congruent ? " (congruent)" : " (not congruent)") + "; rule: " + r.rule;
  table.columns = {"side", "year", "speakers", "speeches", "words", "self", "other", "reliable"};
  for (const char* name : IndexNames()) table.columns.push_back(name);
  auto add = [&](const std::string& side, const std::string& year,
                 const std::vector<std::string>& speakers, std::int64_t speeches,
                 std::int64_t words, const OpcodeCounts& c, const OpcodeIndices& x) {
    std::string names;
    for (const auto& s : speakers) names += (names.empty() ? "" : "; ") + s;
    std::vector<Cell> row = {side,
                             year,
                             names,
                             speeches,
                             words,
                             c.Total(OpcodeActor::kSelf),
                             c.Total(OpcodeActor::kOther),
                             std::int64_t{IsReliable(words, c) ? 1 : 0}};
    for (double v : IndexValues(x)) row.push_back(Number(v));
    table.rows.push_back(std::move(row));
  };
  for (const BeliefsSide* s : {&r.a, &r.b}) {
    add(s->key, "all", s->speakers, s->speeches, s->words, s->counts, s->indices);
    for (const BeliefsYear& y : s->series) {
      add(s->key, std::to_string(y.year), y.speakers, y.speeches, y.words, y.counts, y.indices);
    }
  }
  return ctx.WriteTable(o.out, table, *format);
}

}  // namespace

void AddBeliefsCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<BeliefsOptions>();
  auto* cmd = app.add_subcommand(
      "beliefs",
      "Balance of beliefs (Feng & He): two states' or speakers' master beliefs P-1 and I-1 (with "
      "the other VICS indices and counts), their differences, congruence and the series by year, "
      "from speeches coded by `entente opcode --corpus`.");
  cmd->footer(
      "Examples:\n"
      "  entente beliefs CHN RUS --years 2013:2015 --format json\n"
      "  entente beliefs \"Xi Jinping\" \"Vladimir Putin\"");
  cmd->add_option("SIDES", o->sides, "two states (any country key) or speaker names")
      ->expected(0, 2);
  cmd->add_option("--years", o->years, "years, e.g. 2013:2015");
  cmd->add_option(
      "--corpus", o->corpus,
      "only speeches of this corpus: ungd, kremlin, au_pm, miller, radio, xi (default: all)");
  cmd->add_option("--format", o->format,
                  "table, csv or json (default: table on a terminal, else csv)");
  cmd->add_option("--out", o->out, "write to FILE instead of standard output");
  cmd->callback([&ctx, o] { ctx.status = RunBeliefs(ctx, *o); });
}

}  // namespace entente::cli
