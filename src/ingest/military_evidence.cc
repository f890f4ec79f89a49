// The team's evidence files (data/evidence/military/*.csv, schema in
// docs/evidence-military.md) and their coverage declarations
// (coverage.csv). Validation is strict: one bad row fails the file, with the
// file, line, column and value in the message.
#include <algorithm>
#include <map>
#include <tuple>

#include "core/csv_reader.h"
#include "ingest/military_common.h"
#include "ingest/military_sources.h"

namespace entente::internal {
namespace {

constexpr std::string_view kEvidenceColumns[] = {"dyad",  "date",      "end_date",    "criterion",
                                                 "kind",  "name",      "description", "publisher",
                                                 "title", "published", "url"};
constexpr std::size_t kEvidenceWidth = std::size(kEvidenceColumns);
enum EvidenceField : std::size_t {
  kDyad,
  kDate,
  kEndDate,
  kCriterion,
  kKind,
  kName,
  kDescription,
  kPublisher,
  kTitle,
  kPublished,
  kUrl
};
constexpr std::string_view kKinds[] = {"agreement",
                                       "consultation_mechanism",
                                       "consultation",
                                       "exercise",
                                       "joint_patrol",
                                       "arms_deal",
                                       "arms_delivery",
                                       "joint_development",
                                       "technology_assistance",
                                       "cbm",
                                       "base",
                                       "troop_placement",
                                       "command_arrangement",
                                       "defence_commitment",
                                       "defence_policy"};

constexpr std::string_view kCoverageColumns[] = {"dyad", "criteria", "first_year", "last_year",
                                                 "note"};
constexpr std::size_t kCoverageWidth = std::size(kCoverageColumns);

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool Digits(std::string_view s, std::size_t n) {
  return s.size() == n &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Status CheckHeader(CsvReader& csv, const std::string_view* columns, std::size_t width,
                   std::string_view what) {
  if (!csv.Next()) {
    if (!csv.status().ok()) return csv.status();
    return Status::Data(csv.source_name() + ":1: empty file (expected the header row)");
  }
  bool ok = csv.size() == width;
  for (std::size_t i = 0; ok && i < width; ++i) ok = csv.field(i) == columns[i];
  if (!ok) {
    std::string expected;
    for (std::size_t i = 0; i < width; ++i) AppendJoined(expected, ",", columns[i]);
    return csv.RecordError("the header of " + std::string(what) + " must be exactly '" + expected +
                           "'");
  }
  return Status::Ok();
}

// Resolves "AAA-BBB" to two countries; errors name the column.
Status ParseDyad(const CsvReader& csv, std::size_t column, const CountryRegistry& countries,
                 const Country*& a, const Country*& b) {
  std::string_view dyad = csv.field(column);
  if (dyad.size() != 7 || dyad[3] != '-') {
    return csv.ErrorAt(column,
                       "bad dyad: write two ISO3 codes in alphabetical order, e.g. CHN-RUS");
  }
  std::string_view first = dyad.substr(0, 3);
  std::string_view second = dyad.substr(4, 3);
  for (std::string_view code : {first, second}) {
    if (!std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      return csv.ErrorAt(column, "bad dyad: ISO3 codes are three capital letters");
    }
  }
  if (!(first < second)) {
    return csv.ErrorAt(column, "bad dyad: write the two codes in alphabetical order (" +
                                   std::string(second) + "-" + std::string(first) + ")");
  }
  for (auto [code, out] : {std::pair{first, &a}, std::pair{second, &b}}) {
    auto found = countries.Find(code);
    if (!found.ok() || (*found)->iso3 != code || (*found)->ccode == 0) {
      return csv.ErrorAt(
          column, "unknown country '" + std::string(code) + "': not the ISO3 code of a COW state");
    }
    *out = *found;
  }
  return Status::Ok();
}

// Calls `emit(ccode_a, ccode_b, first_day, last_day, open)` for each pair of
// COW codes the two countries held over [first, last] (last = kLatestDate for
// open-ended rows), so evidence spanning a change of code (Germany 1990)
// reaches both dyads.
template <typename Emit>
void ForEachLineagePair(const Country& a, const Country& b, DateKey first, DateKey last,
                        Emit&& emit) {
  for (const CodePeriod& pa : a.lineage) {
    for (const CodePeriod& pb : b.lineage) {
      DateKey start = std::max({first, pa.start, pb.start});
      DateKey end = std::min({last, pa.end, pb.end});
      if (start > end) continue;
      emit(std::min(pa.ccode, pb.ccode), std::max(pa.ccode, pb.ccode), start, end);
    }
  }
}

}  // namespace

bool ParseEvidenceDate(std::string_view text, DateKey& first, DateKey& last) {
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return false;
  if (!Digits(text.substr(0, 4), 4)) return false;
  int year = std::stoi(std::string(text.substr(0, 4)));
  if (year < kMilitaryFirstYear || year > kMilitaryLastYear) return false;
  if (text.size() == 4) {
    first = MakeDateKey(year, 1, 1);
    last = MakeDateKey(year, 12, 31);
    return true;
  }
  if (text[4] != '-' || !Digits(text.substr(5, 2), 2)) return false;
  int month = std::stoi(std::string(text.substr(5, 2)));
  if (month < 1 || month > 12) return false;
  if (text.size() == 7) {
    first = MakeDateKey(year, month, 1);
    last = MakeDateKey(year, month, DaysInMonth(year, month));
    return true;
  }
  if (text[7] != '-' || !Digits(text.substr(8, 2), 2)) return false;
  int day = std::stoi(std::string(text.substr(8, 2)));
  if (day < 1 || day > DaysInMonth(year, month)) return false;
  first = last = MakeDateKey(year, month, day);
  return true;
}

Result<MilitarySourceRead> ReadMilitaryEvidence(std::string_view source_name,
                                                std::string_view content,
                                                const CountryRegistry& countries,
                                                std::int32_t detail_base) {
  if (Status s = ValidateUtf8(source_name, content); !s.ok()) return s;
  CsvReader csv(std::string(source_name), content);
  if (Status s = CheckHeader(csv, kEvidenceColumns, kEvidenceWidth, "an evidence file"); !s.ok()) {
    return s;
  }
  MilitarySourceRead out;
  out.report.id = "team";
  out.report.file = std::string(source_name);
  std::map<std::tuple<std::string, std::string, std::string, std::string, std::string>, std::size_t>
      seen;
  while (csv.Next()) {
    ++out.report.rows_read;
    if (Status s = csv.ExpectFields(kEvidenceWidth, "(quote fields that hold commas)"); !s.ok())
      return s;
    const Country* a = nullptr;
    const Country* b = nullptr;
    if (Status s = ParseDyad(csv, kDyad, countries, a, b); !s.ok()) return s;
    DateKey start = 0, start_last = 0, end_first = 0, end = 0;
    if (!ParseEvidenceDate(csv.field(kDate), start, start_last)) {
      return csv.ErrorAt(kDate, "bad date: use YYYY-MM-DD, YYYY-MM or YYYY (a real date)");
    }
    const bool open = csv.field(kEndDate).empty();
    if (open) {
      end = start_last;
    } else {
      if (!ParseEvidenceDate(csv.field(kEndDate), end_first, end)) {
        return csv.ErrorAt(kEndDate,
                           "bad end_date: use YYYY-MM-DD, YYYY-MM or YYYY, or leave it empty");
      }
      if (end < start) return csv.ErrorAt(kEndDate, "end_date is before date");
    }
    auto criterion = ParseMilitaryCriterion(csv.field(kCriterion));
    if (!criterion) {
      std::string known;
      for (int i = 0; i < kMilitaryCriterionCount; ++i) {
        AppendJoined(known, ", ", MilitaryCriterionId(static_cast<MilitaryCriterion>(i)));
      }
      return csv.ErrorAt(kCriterion, "unknown criterion (known: " + known + ")");
    }
    if (std::find(std::begin(kKinds), std::end(kKinds), csv.field(kKind)) == std::end(kKinds)) {
      std::string known;
      for (auto k : kKinds) AppendJoined(known, ", ", k);
      return csv.ErrorAt(kKind, "unknown kind (known: " + known + ")");
    }
    if (csv.field(kName).empty()) return csv.ErrorAt(kName, "missing name");
    if (csv.field(kDescription).empty()) return csv.ErrorAt(kDescription, "missing description");
    if (csv.field(kPublisher).empty()) {
      return csv.ErrorAt(kPublisher, "missing source: name the publisher of the cited page");
    }
    if (csv.field(kTitle).empty()) {
      return csv.ErrorAt(kTitle,
                         "missing source: give the cited page's title (or a [bracketed "
                         "description] when the page shows none)");
    }
    if (!csv.field(kPublished).empty()) {
      DateKey p1 = 0, p2 = 0;
      if (!ParseEvidenceDate(csv.field(kPublished), p1, p2)) {
        return csv.ErrorAt(kPublished, "bad published date: use YYYY-MM-DD, YYYY-MM or YYYY");
      }
    }
    std::string_view url = csv.field(kUrl);
    if (url.empty()) return csv.ErrorAt(kUrl, "missing source: give the cited page's URL");
    if ((url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) ||
        url.find_first_of(" \t") != std::string_view::npos) {
      return csv.ErrorAt(kUrl,
                         "bad URL: it must start with http:// or https:// and hold no spaces");
    }
    auto key = std::make_tuple(std::string(csv.field(kDyad)), std::string(csv.field(kDate)),
                               std::string(csv.field(kCriterion)), std::string(csv.field(kKind)),
                               std::string(csv.field(kName)));
    if (auto [it, inserted] = seen.try_emplace(key, csv.line()); !inserted) {
      return csv.RecordError("duplicate of line " + std::to_string(it->second) +
                             " (same dyad, date, criterion, kind and name)");
    }
    const std::int32_t detail = detail_base + static_cast<std::int32_t>(out.details.size());
    MilitaryDetail d;
    d.date = std::string(csv.field(kDate));
    d.end_date = std::string(csv.field(kEndDate));
    d.kind = std::string(csv.field(kKind));
    d.name = std::string(csv.field(kName));
    d.description = std::string(csv.field(kDescription));
    d.publisher = std::string(csv.field(kPublisher));
    d.title = std::string(csv.field(kTitle));
    d.published = std::string(csv.field(kPublished));
    d.url = std::string(url);
    d.reference = MilitaryReference(source_name, csv.line());
    out.details.push_back(std::move(d));
    std::size_t facts_before = out.facts.size();
    ForEachLineagePair(
        *a, *b, start, open ? kLatestDate : end, [&](int ca, int cb, DateKey from, DateKey to) {
          MilitaryFact fact;
          fact.ccode_a = ca;
          fact.ccode_b = cb;
          fact.first_year = static_cast<std::int16_t>(from / 10000);
          fact.open_ended = open && to == kLatestDate;
          fact.last_year =
              static_cast<std::int16_t>(fact.open_ended ? std::max(from, end) / 10000 : to / 10000);
          fact.source = MilitarySource::kTeam;
          fact.kinds = 1u << static_cast<int>(*criterion);
          fact.detail = detail;
          out.facts.push_back(fact);
        });
    if (out.facts.size() == facts_before) {
      return csv.ErrorAt(kDate,
                         "neither " + a->name + " nor " + b->name + " had a COW code on this date");
    }
  }
  if (!csv.status().ok()) return csv.status();
  out.report.rows_used = out.report.rows_read;
  return out;
}

Result<std::vector<EvidenceCoverage>> ReadEvidenceCoverage(std::string_view source_name,
                                                           std::string_view content,
                                                           const CountryRegistry& countries) {
  if (Status s = ValidateUtf8(source_name, content); !s.ok()) return s;
  CsvReader csv(std::string(source_name), content);
  if (Status s = CheckHeader(csv, kCoverageColumns, kCoverageWidth, "coverage.csv"); !s.ok()) {
    return s;
  }
  std::vector<EvidenceCoverage> out;
  while (csv.Next()) {
    if (Status s = csv.ExpectFields(kCoverageWidth); !s.ok()) return s;
    const Country* a = nullptr;
    const Country* b = nullptr;
    if (Status s = ParseDyad(csv, 0, countries, a, b); !s.ok()) return s;
    std::uint32_t criteria = 0;
    std::string_view list = csv.field(1);
    if (list == "all") {
      criteria = (1u << kMilitaryCriterionCount) - 1;
    } else {
      while (!list.empty()) {
        std::string_view id = list.substr(0, list.find(';'));
        list = id.size() < list.size() ? list.substr(id.size() + 1) : std::string_view();
        auto criterion = ParseMilitaryCriterion(id);
        if (!criterion) {
          return csv.ErrorAt(1, "unknown criterion '" + std::string(id) +
                                    "' (criterion ids joined by ';', or all)");
        }
        criteria |= 1u << static_cast<int>(*criterion);
      }
      if (criteria == 0) return csv.ErrorAt(1, "no criteria (criterion ids joined by ';', or all)");
    }
    int first = 0, last = 0;
    if (!ParseMilitaryYear(csv.field(2), first)) return csv.ErrorAt(2, "bad year");
    if (!ParseMilitaryYear(csv.field(3), last)) return csv.ErrorAt(3, "bad year");
    if (last < first) return csv.ErrorAt(3, "last_year is before first_year");
    if (csv.field(4).empty()) {
      return csv.ErrorAt(4, "missing note: say why absence of evidence here means 'not met'");
    }
    ForEachLineagePair(*a, *b, MakeDateKey(first, 1, 1), MakeDateKey(last, 12, 31),
                       [&](int ca, int cb, DateKey from, DateKey to) {
                         out.push_back({ca, cb, criteria, static_cast<std::int16_t>(from / 10000),
                                        static_cast<std::int16_t>(to / 10000)});
                       });
  }
  if (!csv.status().ok()) return csv.status();
  return out;
}

}  // namespace entente::internal
