// Correlates of War datasets used by the profile: dyadic and national trade
// (v4.0), IGO dyad-years (v3), National Material Capabilities and direct
// contiguity. Every row is checked; -9 (the COW code for missing) stays
// missing. Errors read FILE:LINE:COLUMN: problem (value 'v').
#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/csv_reader.h"
#include "ingest/military_common.h"
#include "ingest/profile_sources.h"

namespace entente::internal {
namespace {

constexpr int kFirstYear = 1800;
constexpr int kLastYear = 2100;
constexpr double kCowMissing = -9;

struct GwSplit {
  int gwcode;
  DateKey from;  // the first day of the new COW code
  int before;    // the COW code until the day before
  int after;
};
constexpr GwSplit kGwSplits[] = {{260, MakeDateKey(1990, 10, 3), 260, 255},
                                 {678, MakeDateKey(1990, 5, 22), 678, 679}};

bool ParseNumber(std::string_view text, double& out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && std::isfinite(out);
}

// A COW code field (1..999).
bool ParseCcode(const CsvReader& csv, std::size_t column, int& out, Status& error) {
  long long v = 0;
  if (!ParseInt(csv.field(column), v) || v < 1 || v > kCowMaxCcode) {
    error = csv.ErrorAt(column, "bad COW country code (expected 1-999)");
    return false;
  }
  out = static_cast<int>(v);
  return true;
}

bool ParseYearField(const CsvReader& csv, std::size_t column, int& out, Status& error) {
  long long v = 0;
  if (!ParseInt(csv.field(column), v) || v < kFirstYear || v > kLastYear) {
    error = csv.ErrorAt(column, "bad year (expected 1800-2100)");
    return false;
  }
  out = static_cast<int>(v);
  return true;
}

// A non-negative amount or the COW missing code -9 (returned as -1). Empty
// cells are missing too (some COW releases leave them blank).
bool ParseAmount(const CsvReader& csv, std::size_t column, double& out, Status& error) {
  std::string_view text = csv.field(column);
  if (text.empty() || text == "NA") {
    out = -1;
    return true;
  }
  double v = 0;
  if (!ParseNumber(text, v) || (v < 0 && v != kCowMissing)) {
    error = csv.ErrorAt(column, "bad amount (expected a number >= 0, or -9 for missing)");
    return false;
  }
  out = v < 0 ? -1 : v;
  return true;
}

Status CheckWidth(const CsvReader& csv, std::size_t width) {
  if (csv.size() == width) return Status::Ok();
  return csv.RecordError("expected " + std::to_string(width) + " fields, found " +
                         std::to_string(csv.size()));
}

// Parses "YYYY-MM-DD" (COW contiguity dates).
bool ParseCowDate(std::string_view text, DateKey& out) {
  return ParseIsoDate(text, kFirstYear, kLastYear, out);
}

}  // namespace

Result<std::vector<CowDyadTrade>> ReadCowDyadicTrade(std::string_view source_name,
                                                     std::string_view content) {
  CsvReader csv(std::string(source_name), content);
  auto cols = MilitaryHeaderColumns(csv, {"ccode1", "ccode2", "year", "flow1", "flow2"});
  if (!cols.ok()) return cols.status();
  const auto& c = *cols;
  const std::size_t width = csv.size();
  std::vector<CowDyadTrade> out;
  out.reserve(content.size() / 40);
  Status error;
  while (csv.Next()) {
    if (Status s = CheckWidth(csv, width); !s.ok()) return s;
    int c1 = 0, c2 = 0, year = 0;
    double f1 = 0, f2 = 0;
    if (!ParseCcode(csv, c[0], c1, error) || !ParseCcode(csv, c[1], c2, error) ||
        !ParseYearField(csv, c[2], year, error) || !ParseAmount(csv, c[3], f1, error) ||
        !ParseAmount(csv, c[4], f2, error)) {
      return error;
    }
    if (c1 == c2) return csv.ErrorAt(c[1], "a dyad of a state with itself");
    CowDyadTrade t;
    t.year = static_cast<std::int16_t>(year);
    if (c1 < c2) {
      t.ccode_a = static_cast<std::int16_t>(c1);
      t.ccode_b = static_cast<std::int16_t>(c2);
      t.imports_a = static_cast<float>(f1);
      t.imports_b = static_cast<float>(f2);
    } else {
      t.ccode_a = static_cast<std::int16_t>(c2);
      t.ccode_b = static_cast<std::int16_t>(c1);
      t.imports_a = static_cast<float>(f2);
      t.imports_b = static_cast<float>(f1);
    }
    out.push_back(t);
  }
  if (!csv.status().ok()) return csv.status();
  return out;
}

Result<std::vector<CowStateTrade>> ReadCowStateTrade(std::string_view source_name,
                                                     std::string_view content) {
  CsvReader csv(std::string(source_name), content);
  auto cols = MilitaryHeaderColumns(csv, {"ccode", "year", "imports", "exports"});
  if (!cols.ok()) return cols.status();
  const auto& c = *cols;
  const std::size_t width = csv.size();
  std::vector<CowStateTrade> out;
  Status error;
  while (csv.Next()) {
    if (Status s = CheckWidth(csv, width); !s.ok()) return s;
    int ccode = 0, year = 0;
    double imports = 0, exports = 0;
    if (!ParseCcode(csv, c[0], ccode, error) || !ParseYearField(csv, c[1], year, error) ||
        !ParseAmount(csv, c[2], imports, error) || !ParseAmount(csv, c[3], exports, error)) {
      return error;
    }
    out.push_back({static_cast<std::int16_t>(ccode), static_cast<std::int16_t>(year),
                   static_cast<float>(imports), static_cast<float>(exports)});
  }
  if (!csv.status().ok()) return csv.status();
  return out;
}

Result<std::vector<IgoDyadYear>> ReadIgoDyadYears(std::string_view source_name,
                                                  std::string_view content) {
  CsvReader csv(std::string(source_name), content);
  auto cols = MilitaryHeaderColumns(csv, {"ccode1", "ccode2", "year", "dyadigos"});
  if (!cols.ok()) return cols.status();
  const auto& c = *cols;
  const std::size_t width = csv.size();
  std::vector<IgoDyadYear> out;
  out.reserve(content.size() / 20);
  Status error;
  while (csv.Next()) {
    if (Status s = CheckWidth(csv, width); !s.ok()) return s;
    int c1 = 0, c2 = 0, year = 0;
    double shared = 0;
    if (!ParseCcode(csv, c[0], c1, error) || !ParseCcode(csv, c[1], c2, error) ||
        !ParseYearField(csv, c[2], year, error) || !ParseAmount(csv, c[3], shared, error)) {
      return error;
    }
    if (c1 == c2) return csv.ErrorAt(c[1], "a dyad of a state with itself");
    if (shared > 10000 || (shared >= 0 && shared != std::floor(shared))) {
      return csv.ErrorAt(c[3], "bad count of shared IGOs");
    }
    out.push_back({static_cast<std::int16_t>(std::min(c1, c2)),
                   static_cast<std::int16_t>(std::max(c1, c2)), static_cast<std::int16_t>(year),
                   static_cast<std::int16_t>(shared < 0 ? -1 : shared)});
  }
  if (!csv.status().ok()) return csv.status();
  return out;
}

Result<std::vector<NmcYear>> ReadNmc(std::string_view source_name, std::string_view content) {
  CsvReader csv(std::string(source_name), content);
  auto cols = MilitaryHeaderColumns(csv, {"ccode", "year", "cinc"});
  if (!cols.ok()) return cols.status();
  const auto& c = *cols;
  const std::size_t width = csv.size();
  std::vector<NmcYear> out;
  Status error;
  while (csv.Next()) {
    if (Status s = CheckWidth(csv, width); !s.ok()) return s;
    int ccode = 0, year = 0;
    double cinc = 0;
    if (!ParseCcode(csv, c[0], ccode, error) || !ParseYearField(csv, c[1], year, error) ||
        !ParseAmount(csv, c[2], cinc, error)) {
      return error;
    }
    if (cinc > 1) return csv.ErrorAt(c[2], "bad CINC (a share of world capabilities, 0-1)");
    out.push_back({static_cast<std::int16_t>(ccode), static_cast<std::int16_t>(year), cinc});
  }
  if (!csv.status().ok()) return csv.status();
  return out;
}

Result<std::vector<ContiguitySpan>> ReadContiguity(std::string_view source_name,
                                                   std::string_view content) {
  CsvReader csv(std::string(source_name), content);
  auto cols = MilitaryHeaderColumns(csv, {"ccode1", "ccode2", "conttype", "stdate", "enddate"});
  if (!cols.ok()) return cols.status();
  const auto& c = *cols;
  const std::size_t width = csv.size();
  std::vector<ContiguitySpan> out;
  Status error;
  while (csv.Next()) {
    if (Status s = CheckWidth(csv, width); !s.ok()) return s;
    int c1 = 0, c2 = 0;
    if (!ParseCcode(csv, c[0], c1, error) || !ParseCcode(csv, c[1], c2, error)) return error;
    if (c1 == c2) return csv.ErrorAt(c[1], "a dyad of a state with itself");
    long long type = 0;
    if (!ParseInt(csv.field(c[2]), type) || type < 0 || type > 5) {
      return csv.ErrorAt(c[2],
                         "bad contiguity type (0 none, 1 land ... 5 up to 400 miles of water)");
    }
    ContiguitySpan span;
    span.ccode_a = static_cast<std::int16_t>(std::min(c1, c2));
    span.ccode_b = static_cast<std::int16_t>(std::max(c1, c2));
    span.conttype = static_cast<std::int8_t>(type);
    if (!ParseCowDate(csv.field(c[3]), span.start)) {
      return csv.ErrorAt(c[3], "bad start date (expected YYYY-MM-DD)");
    }
    if (!ParseCowDate(csv.field(c[4]), span.end)) {
      return csv.ErrorAt(c[4], "bad end date (expected YYYY-MM-DD)");
    }
    if (span.end < span.start) return csv.ErrorAt(c[4], "end date before start date");
    out.push_back(span);
  }
  if (!csv.status().ok()) return csv.status();
  return out;
}

Result<std::vector<LeaderSpell>> ReadArchigos(std::string_view source_name,
                                              std::string_view content,
                                              const CountryRegistry& countries,
                                              std::int64_t* skipped) {
  if (Status s = ValidateUtf8(source_name, content); !s.ok()) return s;
  CsvReader csv(std::string(source_name), content);
  auto cols = MilitaryHeaderColumns(csv, {"gwcode", "leader", "startdate", "enddate"});
  if (!cols.ok()) return cols.status();
  const auto& c = *cols;
  const std::size_t width = csv.size();
  // Gleditsch-Ward -> COW through the registry (they differ for a few states,
  // e.g. GW 260 Germany, 265 GDR; GW 678/680 the Yemens).
  std::vector<int> gw_to_cow(1000, 0);
  for (const Country& country : countries.all()) {
    if (country.gwcode > 0 && country.gwcode < 1000 && country.ccode != 0) {
      gw_to_cow[country.gwcode] = country.ccode;
    }
  }
  std::vector<LeaderSpell> out;
  std::int64_t skip = 0;
  while (csv.Next()) {
    if (Status s = CheckWidth(csv, width); !s.ok()) return s;
    long long gw = 0;
    if (!ParseInt(csv.field(c[0]), gw) || gw < 1 || gw > kCowMaxCcode) {
      return csv.ErrorAt(c[0], "bad Gleditsch-Ward code (expected 1-999)");
    }
    if (csv.field(c[1]).empty()) return csv.ErrorAt(c[1], "missing leader name");
    LeaderSpell spell;
    if (!ParseCowDate(csv.field(c[2]), spell.start)) {
      return csv.ErrorAt(c[2], "bad start date (expected YYYY-MM-DD)");
    }
    if (!ParseCowDate(csv.field(c[3]), spell.end)) {
      return csv.ErrorAt(c[3], "bad end date (expected YYYY-MM-DD)");
    }
    if (spell.end < spell.start) return csv.ErrorAt(c[3], "end date before start date");
    const int ccode = gw_to_cow[gw];
    if (ccode == 0) {
      ++skip;
      continue;
    }
    spell.leader = std::string(csv.field(c[1]));
    spell.reference = MilitaryReference(source_name, csv.line());
    // Gleditsch-Ward keeps one code across a unification that COW marks with
    // a new one: West Germany 260 becomes Germany 255 on 1990-10-03, North
    // Yemen 678 becomes Yemen 679 on 1990-05-22. A spell across the date is
    // split so each part carries the COW code of its years.
    bool split_done = false;
    for (const GwSplit& split : kGwSplits) {
      if (gw != split.gwcode) continue;
      if (spell.start < split.from) {
        LeaderSpell before = spell;
        before.ccode = static_cast<std::int16_t>(split.before);
        before.end = std::min(spell.end, split.from - 1);  // a day key, only compared
        out.push_back(before);
      }
      if (spell.end >= split.from) {
        spell.start = std::max(spell.start, split.from);
        spell.ccode = static_cast<std::int16_t>(split.after);
        out.push_back(spell);
      }
      split_done = true;
      break;
    }
    if (split_done) continue;
    spell.ccode = static_cast<std::int16_t>(ccode);
    out.push_back(std::move(spell));
  }
  if (!csv.status().ok()) return csv.status();
  if (skipped != nullptr) *skipped = skip;
  return out;
}

}  // namespace entente::internal
