// The vote similarity measures on the real UNGA data, checked against a
// reference implementation written here: small, slow and obviously correct.
//
// The reference reads the published files directly with std::map code:
//  - votes from Voeten's voeten_votes_1946_2015.csv (codes 8 absent and 9
//    non-member dropped; 1 yes, 2 abstain, 3 no kept);
//  - the year of a roll call is the calendar year of its date in
//    un_roll_calls.csv (Voeten's own year column differs for 239 roll calls);
//  - issue subsets from un_roll_call_issues.csv, important votes from the
//    importantvote column of un_roll_calls.csv;
// and computes each measure from a dyad-year's list of vote pairs with the
// formulas of METHODS.md section 3 (Signorino & Ritter 1999; Hage 2011).
//
// It is compared with (a) the fast path, VotePanel + ForEachDyad, (b) the
// per-dyad path DyadVoteSimilarity, and (c) the CLI's CSV output, for
// USA-ISR (2, 666), CHN-RUS (710, 365), USA-AUS (2, 900) and IND-PAK (750,
// 770), on all roll calls and on the hr, nu and important subsets.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "entente/countries.h"
#include "entente/dyad_votes.h"
#include "entente/store.h"
#include "entente/unga.h"
#include "entente/vote_panel.h"
#include "entente/vote_similarity.h"

namespace entente::integration {

// Defined in unga_import_test.cc.
std::string NewScratchDir(const std::string& name);
const CountryRegistry& SharedCountries();
std::string CopyOfVoetenStore(const std::string& dir);

namespace {

const std::string kData = ENTENTE_SHARED_DATA;

// ---------------------------------------------------------------------------
// The reference implementation.
// ---------------------------------------------------------------------------

// The states of the dyads under test (COW codes).
const std::set<int> kStates = {2, 666, 710, 365, 900, 750, 770};

// Splits a whole CSV file into records, RFC 4180 style, one character at a
// time (the roll-call descriptions hold quotes and commas).
std::vector<std::vector<std::string>> ReadCsvSlowly(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      record.push_back(field);
      field.clear();
    } else if (c == '\n') {
      record.push_back(field);
      field.clear();
      records.push_back(record);
      record.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !record.empty()) {
    record.push_back(field);
    records.push_back(record);
  }
  return records;
}

struct ReferenceRollCall {
  int year = 0;
  bool important = false;
  std::set<std::string> issues;
};

struct Reference {
  std::map<int, ReferenceRollCall> roll_calls;  // by rcid
  std::map<int, std::map<int, int>> votes;      // rcid -> ccode -> 1, 2 or 3 (kStates only)
  std::map<int, std::set<int>> years_voted;     // ccode -> years with a yes, abstain or no
};

const Reference& TheReference() {
  static const Reference* reference = [] {
    auto* r = new Reference;
    auto calls = ReadCsvSlowly(kData + "/unga/un_roll_calls.csv");
    for (std::size_t i = 1; i < calls.size(); ++i) {  // row 0 is the header
      const auto& f = calls[i];
      ReferenceRollCall& rc = r->roll_calls[std::stoi(f[0])];
      rc.year = std::stoi(f[3].substr(0, 4));  // date: YYYY-MM-DD
      rc.important = f[2] == "1";
    }
    auto issues = ReadCsvSlowly(kData + "/unga/un_roll_call_issues.csv");
    for (std::size_t i = 1; i < issues.size(); ++i) {
      r->roll_calls[std::stoi(issues[i][0])].issues.insert(issues[i][1]);
    }
    // Voeten's file has no quoted fields after its header: split on commas.
    std::ifstream in(kData + "/unga/voeten_votes_1946_2015.csv");
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
      std::vector<std::string> f;
      std::stringstream s(line);
      std::string part;
      while (std::getline(s, part, ',')) f.push_back(part);
      const int rcid = std::stoi(f[0]);
      const int ccode = std::stoi(f[3]);
      const int vote = std::stoi(f[5]);
      if (vote == 8 || vote == 9) continue;  // absent, not a member
      if (kStates.count(ccode) == 0) continue;
      r->votes[rcid][ccode] = vote;
      auto known = r->roll_calls.find(rcid);
      const int year = known != r->roll_calls.end() ? known->second.year : std::stoi(f[2]);
      r->years_voted[ccode].insert(year);
    }
    return r;
  }();
  return *reference;
}

bool InReferenceSubset(const ReferenceRollCall& rc, const std::string& subset) {
  if (subset == "all") return true;
  if (subset == "important") return rc.important;
  return rc.issues.count(subset) > 0;
}

// (vote of A, vote of B) on every roll call of `subset` both cast 1..3, by year.
using VotePairs = std::vector<std::pair<int, int>>;
std::map<int, VotePairs> ReferencePairs(int a, int b, const std::string& subset) {
  const Reference& r = TheReference();
  std::map<int, VotePairs> out;
  for (const auto& [rcid, by_state] : r.votes) {
    const ReferenceRollCall& rc = r.roll_calls.at(rcid);
    if (!InReferenceSubset(rc, subset)) continue;
    auto va = by_state.find(a);
    auto vb = by_state.find(b);
    if (va == by_state.end() || vb == by_state.end()) continue;
    out[rc.year].emplace_back(va->second, vb->second);
  }
  return out;
}

// Years in which both states cast at least one yes, abstain or no vote
// (on any roll calls, not necessarily the same ones).
std::set<int> YearsBothVoted(int a, int b) {
  const Reference& r = TheReference();
  std::set<int> out;
  for (int year : r.years_voted.at(a)) {
    if (r.years_voted.at(b).count(year)) out.insert(year);
  }
  return out;
}

struct Measures {
  std::int64_t n = 0;
  double agree = NAN, s = NAN, s2 = NAN, pi = NAN, kappa = NAN;
};

// METHODS.md section 3, on vote values x in {1, 2, 3}, N pairs:
//   agree = share of pairs with x1 == x2
//   S  = 1 - 2 * sum|x1 - x2|   / (N * dmax),   dmax = 2
//   S2 = 1 - 2 * sum (x1 - x2)^2 / (N * dmax^2)
//   pi = (po - pe) / (1 - pe), pe = sum over categories of the pooled share squared
//   kappa = 1 - sum(w * observed) / sum(w * expected), w_ij = (|i - j| / 2)^2,
//           expected_ij = share of A voting i * share of B voting j
Measures ReferenceMeasures(const VotePairs& pairs) {
  Measures m;
  m.n = static_cast<std::int64_t>(pairs.size());
  if (pairs.empty()) return m;
  const double n = static_cast<double>(pairs.size());
  double same = 0, distance = 0, squared = 0;
  std::map<int, double> share_a, share_b, pooled;
  for (const auto& [x1, x2] : pairs) {
    if (x1 == x2) same += 1;
    distance += std::abs(x1 - x2);
    squared += (x1 - x2) * (x1 - x2);
    share_a[x1] += 1 / n;
    share_b[x2] += 1 / n;
    pooled[x1] += 1 / (2 * n);
    pooled[x2] += 1 / (2 * n);
  }
  m.agree = same / n;
  m.s = 1 - 2 * distance / (n * 2);
  m.s2 = 1 - 2 * squared / (n * 4);
  double pe = 0;
  for (const auto& [k, p] : pooled) pe += p * p;
  if (pooled.size() > 1) m.pi = (m.agree - pe) / (1 - pe);
  auto weight = [](int i, int j) { return std::pow(std::abs(i - j) / 2.0, 2); };
  double observed = 0, expected = 0;
  for (const auto& [x1, x2] : pairs) observed += weight(x1, x2) / n;
  for (int i = 1; i <= 3; ++i) {
    for (int j = 1; j <= 3; ++j) expected += weight(i, j) * share_a[i] * share_b[j];
  }
  if (expected > 0) m.kappa = 1 - observed / expected;
  return m;
}

VoteTable ReferenceTable(const VotePairs& pairs) {
  VoteTable t;
  for (const auto& [x1, x2] : pairs) ++t.counts[x1 - 1][x2 - 1];
  return t;
}

// ---------------------------------------------------------------------------
// Comparison helpers.
// ---------------------------------------------------------------------------

void ExpectClose(double expected, double actual, double tolerance, const std::string& what) {
  if (std::isnan(expected)) {
    EXPECT_TRUE(std::isnan(actual)) << what << ": expected missing, got " << actual;
  } else {
    EXPECT_NEAR(expected, actual, tolerance) << what;
  }
}

void ExpectMeasures(const Measures& want, const VoteSimilarity& got, double tolerance,
                    const std::string& where) {
  EXPECT_EQ(want.n, got.n) << where;
  ExpectClose(want.agree, got.agree, tolerance, where + " agree");
  ExpectClose(want.s, got.s, tolerance, where + " s");
  ExpectClose(want.s2, got.s_squared, tolerance, where + " s2");
  ExpectClose(want.pi, got.pi, tolerance, where + " pi");
  ExpectClose(want.kappa, got.kappa, tolerance, where + " kappa");
}

struct Dyad {
  const char* a;  // ISO3, as a user types it
  const char* b;
  int ccode_a;
  int ccode_b;
};
const Dyad kDyads[] = {{"USA", "ISR", 2, 666},
                       {"CHN", "RUS", 710, 365},
                       {"USA", "AUS", 2, 900},
                       {"IND", "PAK", 750, 770}};

struct SubsetCase {
  const char* name;  // as the reference and the CLI name it
  RollCallSubset subset;
};
const SubsetCase kSubsets[] = {{"all", RollCallSubset::kAll},
                               {"hr", RollCallSubset::kHr},
                               {"nu", RollCallSubset::kNu},
                               {"important", RollCallSubset::kImportant}};

// The real store (Voeten plus its companion files), loaded once per process.
const UngaVotes& RealVotes() {
  static const UngaVotes* votes = [] {
    const std::string path = CopyOfVoetenStore(NewScratchDir("reference-store"));
    auto store = Store::Open(path);
    if (!store.ok()) {
      ADD_FAILURE() << store.status().message();
      return new UngaVotes;
    }
    auto loaded = LoadUngaVotes(*store, YearRange{});
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().message();
      return new UngaVotes;
    }
    return new UngaVotes(std::move(loaded).value());
  }();
  return *votes;
}

// ---------------------------------------------------------------------------
// (a) The fast path.
// ---------------------------------------------------------------------------

TEST(VotesReferenceTest, VotePanelMatchesReference) {
  const UngaVotes& votes = RealVotes();
  ASSERT_FALSE(votes.roll_calls.empty());
  const VotePanel panel(votes, VoteGrouping::kYear);
  std::vector<RollCallSubset> subsets;
  for (const SubsetCase& c : kSubsets) subsets.push_back(c.subset);

  // (low ccode, high ccode) -> year -> one table per subset
  std::map<std::pair<int, int>, std::map<int, std::vector<VoteTable>>> found;
  std::set<std::pair<int, int>> wanted;
  for (const Dyad& d : kDyads) wanted.insert(std::minmax(d.ccode_a, d.ccode_b));
  for (int p = 0; p < panel.period_count(); ++p) {
    const int year = panel.period_label(p);
    panel.ForEachDyad(p, subsets, [&](int c1, int c2, const std::vector<VoteTable>& tables) {
      if (wanted.count({c1, c2})) found[{c1, c2}][year] = tables;
    });
  }

  int compared = 0;
  for (const Dyad& d : kDyads) {
    const auto [low, high] = std::minmax(d.ccode_a, d.ccode_b);
    const auto& by_year = found[{low, high}];
    std::set<int> panel_years;
    for (const auto& [year, tables] : by_year) panel_years.insert(year);
    EXPECT_EQ(panel_years, YearsBothVoted(low, high)) << d.a << "-" << d.b;
    for (std::size_t k = 0; k < subsets.size(); ++k) {
      const auto pairs = ReferencePairs(low, high, kSubsets[k].name);
      for (const auto& [year, tables] : by_year) {
        const std::string where =
            std::string(d.a) + "-" + d.b + " " + std::to_string(year) + " " + kSubsets[k].name;
        auto it = pairs.find(year);
        const VotePairs none;
        const VotePairs& year_pairs = it == pairs.end() ? none : it->second;
        EXPECT_EQ(tables[k].counts, ReferenceTable(year_pairs).counts) << where;
        ExpectMeasures(ReferenceMeasures(year_pairs), MeasureSimilarity(tables[k]), 1e-9, where);
        ++compared;
      }
      // Every reference year with votes on this subset is in the panel.
      for (const auto& [year, year_pairs] : pairs) {
        EXPECT_TRUE(by_year.count(year)) << d.a << "-" << d.b << " " << year << " "
                                         << kSubsets[k].name << " missing from the panel";
      }
    }
  }
  // 4 dyads x 4 subsets x 45-70 years each.
  EXPECT_GT(compared, 4 * 4 * 40);
}

// ---------------------------------------------------------------------------
// (b) The per-dyad path (what `entente votes A B` prints).
// ---------------------------------------------------------------------------

TEST(VotesReferenceTest, DyadVoteSimilarityMatchesReference) {
  const UngaVotes& votes = RealVotes();
  ASSERT_FALSE(votes.roll_calls.empty());
  const CountryRegistry& countries = SharedCountries();
  for (const Dyad& d : kDyads) {
    auto a = countries.Find(d.a);
    auto b = countries.Find(d.b);
    ASSERT_TRUE(a.ok()) << a.status().message();
    ASSERT_TRUE(b.ok()) << b.status().message();
    ASSERT_EQ((*a)->ccode, d.ccode_a) << d.a;
    ASSERT_EQ((*b)->ccode, d.ccode_b) << d.b;
    for (const SubsetCase& c : kSubsets) {
      const auto pairs = ReferencePairs(d.ccode_a, d.ccode_b, c.name);
      const auto rows =
          DyadVoteSimilarity(votes, countries, **a, **b, VoteGrouping::kYear, c.subset);
      std::set<int> years, reference_years;
      for (const auto& [year, p] : pairs) reference_years.insert(year);
      for (const DyadPeriodSimilarity& row : rows) {
        const std::string where =
            std::string(d.a) + "-" + d.b + " " + std::to_string(row.period) + " " + c.name;
        years.insert(row.period);
        EXPECT_EQ(row.ccode_a, d.ccode_a) << where;
        EXPECT_EQ(row.ccode_b, d.ccode_b) << where;
        auto it = pairs.find(row.period);
        if (it == pairs.end()) {
          ADD_FAILURE() << where << ": not in the reference";
          continue;
        }
        ExpectMeasures(ReferenceMeasures(it->second), row.similarity, 1e-9, where);
      }
      EXPECT_EQ(years, reference_years) << d.a << "-" << d.b << " " << c.name;
    }
  }
}

// ---------------------------------------------------------------------------
// (c) The CLI.
// ---------------------------------------------------------------------------

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

CliRun RunCli(const std::string& store, const std::vector<std::string>& args) {
  const std::string dir = NewScratchDir("votes-cli");
  std::string command =
      std::string("'") + ENTENTE_BINARY + "' --store '" + store + "' --data '" + kData + "' -q";
  for (const std::string& a : args) command += " '" + a + "'";
  command += " >'" + dir + "/out' 2>'" + dir + "/err' </dev/null";
  const int status = std::system(command.c_str());
  CliRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = ReadFile(dir + "/out");
  run.err = ReadFile(dir + "/err");
  return run;
}

using CsvRow = std::map<std::string, std::string>;

// Parses CSV without quoted fields. Data lines are kept only when they start
// with one of `prefixes` (all when empty): the panel has ~15,000 rows a year.
std::vector<CsvRow> ParseNumericCsv(const std::string& text,
                                    const std::vector<std::string>& prefixes = {}) {
  std::vector<CsvRow> rows;
  std::stringstream in(text);
  std::string line;
  std::vector<std::string> header;
  while (std::getline(in, line)) {
    if (!header.empty() && !prefixes.empty()) {
      bool keep = false;
      for (const std::string& prefix : prefixes) keep = keep || line.rfind(prefix, 0) == 0;
      if (!keep) continue;
    }
    std::vector<std::string> fields;
    std::stringstream s(line);
    std::string field;
    while (std::getline(s, field, ',')) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    if (header.empty()) {
      header = fields;
      continue;
    }
    CsvRow row;
    for (std::size_t i = 0; i < header.size() && i < fields.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(row);
  }
  return rows;
}

double CsvNumber(const CsvRow& row, const std::string& column) {
  auto it = row.find(column);
  if (it == row.end() || it->second.empty()) return NAN;
  return std::stod(it->second);
}

// The digits printed after the decimal point, from the first number that has one.
int PrintedDecimals(const std::vector<CsvRow>& rows) {
  for (const CsvRow& row : rows) {
    for (const char* column : {"agree", "s", "s2", "pi", "kappa"}) {
      auto it = row.find(column);
      if (it == row.end()) continue;
      auto dot = it->second.find('.');
      if (dot != std::string::npos) return static_cast<int>(it->second.size() - dot - 1);
    }
  }
  return -1;
}

void ExpectCsvRowMatches(const CsvRow& row, const std::string& suffix, const Measures& want,
                         double tolerance, const std::string& where) {
  EXPECT_EQ(static_cast<std::int64_t>(CsvNumber(row, "n" + suffix)), want.n) << where;
  ExpectClose(want.agree, CsvNumber(row, "agree" + suffix), tolerance, where + " agree");
  ExpectClose(want.s, CsvNumber(row, "s" + suffix), tolerance, where + " s");
  ExpectClose(want.s2, CsvNumber(row, "s2" + suffix), tolerance, where + " s2");
  ExpectClose(want.pi, CsvNumber(row, "pi" + suffix), tolerance, where + " pi");
  ExpectClose(want.kappa, CsvNumber(row, "kappa" + suffix), tolerance, where + " kappa");
}

TEST(VotesReferenceTest, CliDyadCsvMatchesReference) {
  const std::string store = CopyOfVoetenStore(NewScratchDir("cli-dyad"));
  ASSERT_FALSE(store.empty());
  struct Run {
    Dyad dyad;
    std::vector<std::string> extra;
    const char* subset;
  };
  const Run runs[] = {
      {kDyads[0], {}, "all"},
      {kDyads[1], {}, "all"},
      {kDyads[2], {}, "all"},
      {kDyads[3], {}, "all"},
      {kDyads[0], {"--issue", "hr"}, "hr"},
      {kDyads[3], {"--issue", "nu"}, "nu"},
      {kDyads[1], {"--important"}, "important"},
  };
  for (const Run& r : runs) {
    std::vector<std::string> args = {"votes", r.dyad.a, r.dyad.b, "--format", "csv"};
    args.insert(args.end(), r.extra.begin(), r.extra.end());
    const std::string label = std::string(r.dyad.a) + "-" + r.dyad.b + " " + r.subset;
    const CliRun run = RunCli(store, args);
    ASSERT_EQ(run.exit_code, 0) << label << ": " << run.err;
    const auto rows = ParseNumericCsv(run.out);
    const auto pairs = ReferencePairs(r.dyad.ccode_a, r.dyad.ccode_b, r.subset);
    ASSERT_EQ(rows.size(), pairs.size()) << label << "\n" << run.out;
    // The CLI rounds to the digits it prints: allow half a unit of the last one.
    const int decimals = PrintedDecimals(rows);
    ASSERT_GE(decimals, 4) << label;
    const double tolerance = 0.5 * std::pow(10.0, -decimals) + 1e-12;
    for (const CsvRow& row : rows) {
      const int year = std::stoi(row.at("year"));
      const std::string where = label + " " + std::to_string(year);
      EXPECT_EQ(row.at("ccode1"), std::to_string(r.dyad.ccode_a)) << where;
      EXPECT_EQ(row.at("ccode2"), std::to_string(r.dyad.ccode_b)) << where;
      auto it = pairs.find(year);
      if (it == pairs.end()) {
        ADD_FAILURE() << where << ": not in the reference";
        continue;
      }
      ExpectCsvRowMatches(row, "", ReferenceMeasures(it->second), tolerance, where);
    }
  }
}

// The all-dyads panel CSV prints 6 decimals: compare at 1e-6, for every
// subset column of --by-issue.
TEST(VotesReferenceTest, CliAllDyadsCsvMatchesReference) {
  const std::string dir = NewScratchDir("cli-all-dyads");
  const std::string store = CopyOfVoetenStore(dir);
  ASSERT_FALSE(store.empty());
  const std::string out = dir + "/panel.csv";
  const CliRun run = RunCli(store, {"votes", "--all-dyads", "--years", "1991:1993", "--by-issue",
                                    "--format", "csv", "--out", out});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string text = ReadFile(out);
  ASSERT_EQ(text.rfind("ccode1,ccode2,year,n,agree,s,s2,pi,kappa,n_me,", 0), 0u)
      << text.substr(0, 200);
  std::vector<std::string> prefixes;
  for (const Dyad& d : kDyads) {
    const auto [low, high] = std::minmax(d.ccode_a, d.ccode_b);
    prefixes.push_back(std::to_string(low) + "," + std::to_string(high) + ",");
  }
  const auto rows = ParseNumericCsv(text, prefixes);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(PrintedDecimals(rows), 6);
  int compared = 0;
  for (const Dyad& d : kDyads) {
    const auto [low, high] = std::minmax(d.ccode_a, d.ccode_b);
    for (const SubsetCase& c : kSubsets) {
      const auto pairs = ReferencePairs(low, high, c.name);
      const std::string suffix = c.subset == RollCallSubset::kAll ? "" : std::string("_") + c.name;
      for (int year = 1991; year <= 1993; ++year) {
        const std::string where =
            std::string(d.a) + "-" + d.b + " " + std::to_string(year) + " " + c.name;
        const CsvRow* match = nullptr;
        for (const CsvRow& row : rows) {
          if (row.at("ccode1") == std::to_string(low) && row.at("ccode2") == std::to_string(high) &&
              row.at("year") == std::to_string(year)) {
            ASSERT_EQ(match, nullptr) << where << ": two rows";
            match = &row;
          }
        }
        ASSERT_NE(match, nullptr) << where << ": no row";
        auto it = pairs.find(year);
        ExpectCsvRowMatches(*match, suffix,
                            ReferenceMeasures(it == pairs.end() ? VotePairs{} : it->second), 1e-6,
                            where);
        ++compared;
      }
    }
  }
  EXPECT_EQ(compared, 4 * 4 * 3);
}

// ---------------------------------------------------------------------------
// Known facts of the data. Source for all: Voeten, Strezhnev & Bailey,
// "United Nations General Assembly Voting Data", Harvard Dataverse (2016
// release, CC0), with dates and issue codes from the unvotes files; the
// pinned numbers were computed independently with a Python script from the
// same files while writing this test.
// ---------------------------------------------------------------------------

TEST(VotesReferenceTest, KnownFactsOfTheData) {
  const UngaVotes& votes = RealVotes();
  ASSERT_FALSE(votes.roll_calls.empty());
  const CountryRegistry& countries = SharedCountries();
  auto by_year = [&](const char* a, const char* b) {
    std::map<int, VoteSimilarity> out;
    for (const auto& row :
         DyadVoteSimilarity(votes, countries, **countries.Find(a), **countries.Find(b),
                            VoteGrouping::kYear, RollCallSubset::kAll)) {
      out[row.period] = row.similarity;
    }
    return out;
  };
  const auto chn_rus = by_year("CHN", "RUS");
  const auto usa_aus = by_year("USA", "AUS");
  const auto usa_isr = by_year("USA", "ISR");
  const auto ind_pak = by_year("IND", "PAK");

  // China and Russia agreed more often than the United States and its ally
  // Australia in every year from 1991 to 2015 (25 of 25).
  int years = 0, china_russia_higher = 0;
  for (int year = 1991; year <= 2015; ++year) {
    ASSERT_TRUE(chn_rus.count(year) && usa_aus.count(year)) << year;
    ++years;
    china_russia_higher += chn_rus.at(year).agree > usa_aus.at(year).agree;
  }
  EXPECT_EQ(years, 25);
  EXPECT_EQ(china_russia_higher, 25);

  // Pinned dyad-years: n and the agreement as a fraction of n.
  struct Pin {
    const std::map<int, VoteSimilarity>* series;
    const char* name;
    int year;
    std::int64_t n;
    int agreements;
  };
  const Pin pins[] = {
      {&usa_isr, "USA-ISR", 2015, 78, 68}, {&chn_rus, "CHN-RUS", 2000, 66, 51},
      {&usa_aus, "USA-AUS", 1991, 71, 21}, {&ind_pak, "IND-PAK", 1991, 70, 65},
      {&usa_isr, "USA-ISR", 1950, 45, 26},
  };
  for (const Pin& p : pins) {
    ASSERT_TRUE(p.series->count(p.year)) << p.name << " " << p.year;
    const VoteSimilarity& s = p.series->at(p.year);
    EXPECT_EQ(s.n, p.n) << p.name << " " << p.year;
    EXPECT_NEAR(s.agree, static_cast<double>(p.agreements) / static_cast<double>(p.n), 1e-12)
        << p.name << " " << p.year;
  }
  // Years covered: China's seat is the PRC's (710) from 1971 only.
  EXPECT_EQ(chn_rus.begin()->first, 1971);
  EXPECT_EQ(usa_isr.begin()->first, 1949);  // Israel joined on 11 May 1949
  EXPECT_EQ(usa_isr.rbegin()->first, 2015);
}

}  // namespace
}  // namespace entente::integration
