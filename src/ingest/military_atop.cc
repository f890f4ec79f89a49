// ATOP 5.0 dyad-year file: directed dyad-years with 0/1 obligations.
//
// The file lists each dyad in both directions (ccode1 -> ccode2 and back); an
// obligation may be one-sided (492 defence rows have no mirror). For
// undirected scoring, each kind is "either direction", plus defense_mutual
// when both directions carry a defence obligation. Consecutive years with the
// same obligations become one span, so the 273,296 rows shrink to a few
// thousand facts.
#include <algorithm>

#include "core/csv_reader.h"
#include "ingest/military_common.h"
#include "ingest/military_sources.h"

namespace entente::internal {
namespace {

constexpr std::size_t kProgressEvery = 1 << 15;
constexpr int kMaxCcode = 999;

struct DirectedYear {
  std::int32_t a;
  std::int32_t b;
  std::int16_t year;
  std::uint8_t bits;  // kinds without defense_mutual
  bool forward;       // listed as a -> b (a < b)
  std::uint32_t line;
};

std::string KindText(std::uint32_t kinds) {
  static constexpr std::pair<std::uint32_t, std::string_view> kNames[] = {
      {kAtopDefense, "defense"},     {kAtopOffense, "offense"},
      {kAtopNeutral, "neutral"},     {kAtopNonaggression, "nonagg"},
      {kAtopConsultation, "consul"}, {kAtopDefenseMutual, "defense_mutual"}};
  std::string out;
  for (const auto& [bit, name] : kNames) {
    if (kinds & bit) AppendJoined(out, ";", name);
  }
  return out;
}

}  // namespace

Result<MilitarySourceRead> ReadAtopDyadYears(std::string_view source_name, std::string_view content,
                                             const ProgressFn& progress) {
  CsvReader csv(std::string(source_name), content);
  auto cols =
      MilitaryHeaderColumns(csv, {"ccode1", "ccode2", "year", "atop_defense", "atop_offense",
                                  "atop_neutral", "atop_nonagg", "atop_consul"});
  if (!cols.ok()) return cols.status();
  const std::vector<std::size_t>& c = *cols;
  static constexpr std::uint32_t kBits[] = {kAtopDefense, kAtopOffense, kAtopNeutral,
                                            kAtopNonaggression, kAtopConsultation};
  std::vector<DirectedYear> rows;
  rows.reserve(content.size() / 24);
  MilitarySourceRead out;
  out.report.id = "atop";
  out.report.file = std::string(source_name);
  std::int64_t empty_rows = 0;
  while (csv.Next()) {
    ++out.report.rows_read;
    if (Status s = csv.ExpectFields(8); !s.ok()) return s;
    long long c1 = 0;
    long long c2 = 0;
    int year = 0;
    if (!ParseInt(csv.field(c[0]), c1) || c1 < 1 || c1 > kMaxCcode) {
      return csv.ErrorAt(c[0], "bad COW code");
    }
    if (!ParseInt(csv.field(c[1]), c2) || c2 < 1 || c2 > kMaxCcode || c2 == c1) {
      return csv.ErrorAt(c[1], "bad COW code");
    }
    if (!ParseMilitaryYear(csv.field(c[2]), year)) return csv.ErrorAt(c[2], "bad year");
    std::uint8_t bits = 0;
    for (int k = 0; k < 5; ++k) {
      std::string_view v = csv.field(c[3 + k]);
      if (v == "1") {
        bits |= static_cast<std::uint8_t>(kBits[k]);
      } else if (v != "0") {
        return csv.ErrorAt(c[3 + k], "expected 0 or 1");
      }
    }
    if (bits == 0) {
      ++empty_rows;
      continue;
    }
    const bool forward = c1 < c2;
    rows.push_back({static_cast<std::int32_t>(std::min(c1, c2)),
                    static_cast<std::int32_t>(std::max(c1, c2)), static_cast<std::int16_t>(year),
                    bits, forward, static_cast<std::uint32_t>(csv.line())});
    if (progress && out.report.rows_read % kProgressEvery == 0) {
      progress(csv.offset(), csv.total_size());
    }
  }
  if (!csv.status().ok()) return csv.status();
  std::sort(rows.begin(), rows.end(), [](const DirectedYear& x, const DirectedYear& y) {
    if (x.a != y.a) return x.a < y.a;
    if (x.b != y.b) return x.b < y.b;
    return x.year < y.year;
  });
  // Undirected years: OR the two directions; mutual defence needs both.
  struct UndirectedYear {
    std::int32_t a, b;
    std::int16_t year;
    std::uint32_t kinds;
    std::uint32_t line;
  };
  std::vector<UndirectedYear> years;
  years.reserve(rows.size() / 2 + 1);
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t j = i;
    std::uint32_t kinds = 0;
    bool defense_forward = false;
    bool defense_backward = false;
    while (j < rows.size() && rows[j].a == rows[i].a && rows[j].b == rows[i].b &&
           rows[j].year == rows[i].year) {
      kinds |= rows[j].bits;
      if (rows[j].bits & kAtopDefense)
        (rows[j].forward ? defense_forward : defense_backward) = true;
      ++j;
    }
    if (j - i > 2) {
      return Status::Data(MilitaryReference(source_name, rows[j - 1].line) +
                          ": dyad-year listed more than twice (ccode " + std::to_string(rows[i].a) +
                          "-" + std::to_string(rows[i].b) + ", " + std::to_string(rows[i].year) +
                          ")");
    }
    if (defense_forward && defense_backward) kinds |= kAtopDefenseMutual;
    years.push_back({rows[i].a, rows[i].b, rows[i].year, kinds, rows[i].line});
    i = j;
  }
  // Spans of consecutive years with identical obligations.
  for (std::size_t i = 0; i < years.size();) {
    std::size_t j = i + 1;
    while (j < years.size() && years[j].a == years[i].a && years[j].b == years[i].b &&
           years[j].kinds == years[i].kinds && years[j].year == years[j - 1].year + 1) {
      ++j;
    }
    MilitaryFact fact;
    fact.ccode_a = years[i].a;
    fact.ccode_b = years[i].b;
    fact.first_year = years[i].year;
    fact.last_year = years[j - 1].year;
    fact.source = MilitarySource::kAtop;
    fact.kinds = years[i].kinds;
    fact.detail = static_cast<std::int32_t>(out.details.size());
    MilitaryDetail detail;
    detail.date = std::to_string(fact.first_year);
    detail.end_date = std::to_string(fact.last_year);
    detail.kind = KindText(fact.kinds);
    detail.name = "ATOP obligations: " + detail.kind;
    detail.description =
        "ATOP v5.0 codes these alliance obligations between the two in every year " + detail.date +
        "-" + detail.end_date +
        ((fact.kinds & kAtopDefense) && !(fact.kinds & kAtopDefenseMutual)
             ? " (the defence obligation runs one way only)"
             : "");
    detail.reference = MilitaryReference(source_name, years[i].line);
    out.details.push_back(std::move(detail));
    out.facts.push_back(fact);
    i = j;
  }
  out.report.rows_used = out.report.rows_read - empty_rows;
  out.report.note = std::to_string(years.size()) + " undirected dyad-years in " +
                    std::to_string(out.facts.size()) + " spans; " + std::to_string(empty_rows) +
                    " rows with no obligation skipped";
  return out;
}

}  // namespace entente::internal
