// Thompson & Dreyer strategic rivalries: counter-evidence of hostility. One
// row per rivalry with its start and end year (2010 = still running when the
// data end) and up to three types (spatial, positional, ideological,
// interventionary).
#include <algorithm>

#include "core/csv_reader.h"
#include "ingest/military_common.h"
#include "ingest/military_sources.h"

namespace entente::internal {
namespace {
constexpr int kMaxCcode = 999;
// Rivalries start as early as 1494, before the military sources' years.
constexpr int kFirstRivalryYear = 1400;
}  // namespace

Result<std::vector<RivalrySpan>> ReadRivalries(std::string_view source_name,
                                               std::string_view content,
                                               MilitarySourceReport* report) {
  CsvReader csv(std::string(source_name), content);
  auto cols = MilitaryHeaderColumns(
      csv, {"rivalryname", "ccode1", "ccode2", "styear", "endyear", "type1", "type2", "type3"});
  if (!cols.ok()) return cols.status();
  const std::vector<std::size_t>& c = *cols;
  const std::size_t width = csv.size();
  std::vector<RivalrySpan> out;
  std::int64_t rows = 0;
  while (csv.Next()) {
    ++rows;
    if (Status s = csv.ExpectFields(width); !s.ok()) return s;
    long long c1 = 0, c2 = 0, first = 0, last = 0;
    if (!ParseInt(csv.field(c[1]), c1) || c1 < 1 || c1 > kMaxCcode) {
      return csv.ErrorAt(c[1], "bad COW code");
    }
    if (!ParseInt(csv.field(c[2]), c2) || c2 < 1 || c2 > kMaxCcode || c1 == c2) {
      return csv.ErrorAt(c[2], "bad COW code");
    }
    if (!ParseInt(csv.field(c[3]), first) || first < kFirstRivalryYear ||
        first > kMilitaryLastYear) {
      return csv.ErrorAt(c[3], "bad start year");
    }
    if (!ParseInt(csv.field(c[4]), last) || last < first || last > kMilitaryLastYear) {
      return csv.ErrorAt(c[4], "bad end year");
    }
    RivalrySpan span;
    span.ccode_a = static_cast<std::int32_t>(std::min(c1, c2));
    span.ccode_b = static_cast<std::int32_t>(std::max(c1, c2));
    span.first_year = static_cast<std::int16_t>(first);
    span.last_year = static_cast<std::int16_t>(last);
    span.name = std::string(csv.field(c[0]));
    for (int t = 5; t < 8; ++t) {
      std::string_view type = csv.field(c[t]);
      if (!type.empty()) AppendJoined(span.types, ";", type);
    }
    if (span.types.empty()) return csv.ErrorAt(c[5], "rivalry without a type");
    out.push_back(std::move(span));
  }
  if (!csv.status().ok()) return csv.status();
  std::sort(out.begin(), out.end(), [](const RivalrySpan& x, const RivalrySpan& y) {
    if (x.ccode_a != y.ccode_a) return x.ccode_a < y.ccode_a;
    if (x.ccode_b != y.ccode_b) return x.ccode_b < y.ccode_b;
    return x.first_year < y.first_year;
  });
  if (report != nullptr) {
    report->id = "rivalries";
    report->file = std::string(source_name);
    report->rows_read = rows;
    report->rows_used = static_cast<std::int64_t>(out.size());
  }
  return out;
}

}  // namespace entente::internal
