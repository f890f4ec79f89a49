// COW militarized interstate disputes, dyad-year file (as prepared in
// peacesciencer): counter-evidence of hostility. The file is directed (each
// dyad twice); the reader keeps one row per undirected dyad-year with the
// highest hostility level of any dispute that year.
#include <algorithm>

#include "core/csv_reader.h"
#include "ingest/military_common.h"
#include "ingest/military_sources.h"

namespace entente::internal {
namespace {
constexpr int kMaxCcode = 999;
}  // namespace

Result<std::vector<MidYear>> ReadMidDyadYears(std::string_view source_name,
                                              std::string_view content,
                                              MilitarySourceReport* report) {
  CsvReader csv(std::string(source_name), content);
  auto cols = MilitaryHeaderColumns(csv, {"ccode1", "ccode2", "year", "hostlev"});
  if (!cols.ok()) return cols.status();
  const std::vector<std::size_t>& c = *cols;
  const std::size_t width = csv.size();
  std::vector<MidYear> out;
  std::int64_t rows = 0;
  while (csv.Next()) {
    ++rows;
    if (Status s = csv.ExpectFields(width); !s.ok()) return s;
    long long c1 = 0, c2 = 0, hostlev = 0;
    int year = 0;
    if (!ParseInt(csv.field(c[0]), c1) || c1 < 1 || c1 > kMaxCcode) {
      return csv.ErrorAt(c[0], "bad COW code");
    }
    if (!ParseInt(csv.field(c[1]), c2) || c2 < 1 || c2 > kMaxCcode || c1 == c2) {
      return csv.ErrorAt(c[1], "bad COW code");
    }
    if (!ParseMilitaryYear(csv.field(c[2]), year)) return csv.ErrorAt(c[2], "bad year");
    if (!ParseInt(csv.field(c[3]), hostlev) || hostlev < 1 || hostlev > 5) {
      return csv.ErrorAt(c[3], "bad hostility level (1-5)");
    }
    out.push_back({static_cast<std::int32_t>(std::min(c1, c2)),
                   static_cast<std::int32_t>(std::max(c1, c2)), static_cast<std::int16_t>(year),
                   static_cast<std::int8_t>(hostlev)});
  }
  if (!csv.status().ok()) return csv.status();
  std::sort(out.begin(), out.end(), [](const MidYear& x, const MidYear& y) {
    if (x.ccode_a != y.ccode_a) return x.ccode_a < y.ccode_a;
    if (x.ccode_b != y.ccode_b) return x.ccode_b < y.ccode_b;
    if (x.year != y.year) return x.year < y.year;
    return x.hostlev > y.hostlev;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const MidYear& x, const MidYear& y) {
                          return x.ccode_a == y.ccode_a && x.ccode_b == y.ccode_b &&
                                 x.year == y.year;
                        }),
            out.end());
  if (report != nullptr) {
    report->id = "mids";
    report->file = std::string(source_name);
    report->rows_read = rows;
    report->rows_used = rows;
    report->note = std::to_string(out.size()) + " undirected dyad-years with a dispute";
  }
  return out;
}

}  // namespace entente::internal
