// Multinational Military Exercises (MME) v7, as distributed with troopdata.
//
// One row per exercise; participants by English name in the wide columns
// StateA ... StateAM (empty when fewer, -9 for an unknown participant, which
// the name table of military_common.cc skips);
// start and end as year, month and day columns where the day may be 'xx'.
// Every pair of participating states yields one fact spanning the
// exercise's years; its kinds are the exercise's purposes.
#include <algorithm>
#include <cstdio>

#include "core/csv_reader.h"
#include "ingest/military_common.h"
#include "ingest/military_sources.h"

namespace entente::internal {
namespace {

constexpr std::string_view kUnknownDay = "xx";

enum Field : std::size_t {
  kId,
  kName,
  kSeries,
  kLocation,
  kStartYear,
  kStartMonth,
  kStartDay,
  kEndYear,
  kEndMonth,
  kEndDay,
  kCpx,
  kAir,
  kLand,
  kSea,
  kAmphibious,
  kCyber,
  kWarfighting,
  kPeacekeeping,
  kHumanitarian,
  kFocus,
  kFieldCount
};
const std::vector<std::string_view> kColumnNames = {
    "MMEID",   "Ex_Name",     "Series_Name",  "Location",     "s.year",
    "s.month", "s.day",       "e.year",       "e.month",      "e.day",
    "CPX",     "Air",         "Land",         "Sea",          "Amphibious",
    "Cyber",   "Warfighting", "Peacekeeping", "Humanitarian", "FocusDescription"};
constexpr std::string_view kDomainNames[] = {"command post", "air",        "land",
                                             "sea",          "amphibious", "cyber"};
constexpr std::string_view kPurposeNames[] = {"warfighting", "peacekeeping", "humanitarian"};

// Month 1..12; day 1..31 or 'xx' (then 0).
bool ParseMonth(std::string_view text, int& month) {
  long long v = 0;
  if (!ParseInt(text, v) || v < 1 || v > 12) return false;
  month = static_cast<int>(v);
  return true;
}
bool ParseDay(std::string_view text, int& day) {
  if (text == kUnknownDay) {
    day = 0;
    return true;
  }
  long long v = 0;
  if (!ParseInt(text, v) || v < 1 || v > 31) return false;
  day = static_cast<int>(v);
  return true;
}

std::string DateText(int year, int month, int day) {
  char buffer[16];
  if (day == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  }
  return buffer;
}

}  // namespace

Result<MilitarySourceRead> ReadMmeExercises(std::string_view source_name, std::string_view content,
                                            const CountryRegistry& countries) {
  if (Status s = ValidateUtf8(source_name, content); !s.ok()) return s;
  CsvReader csv(std::string(source_name), content);
  auto cols = MilitaryHeaderColumns(csv, kColumnNames);
  if (!cols.ok()) return cols.status();
  const std::vector<std::size_t>& c = *cols;
  std::vector<std::size_t> state_columns;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    if (csv.field(i).rfind("State", 0) == 0) state_columns.push_back(i);
  }
  if (state_columns.empty()) {
    return csv.RecordError("no participant columns (StateA, StateB, ...)");
  }
  const std::size_t width = csv.size();
  MilitarySourceRead out;
  out.report.id = "mme";
  out.report.file = std::string(source_name);
  UnmappedNames unmapped;
  std::int64_t pairs = 0;
  std::int64_t reversed_dates = 0;
  std::vector<int> ccodes;
  std::vector<std::string> names;
  while (csv.Next()) {
    ++out.report.rows_read;
    if (Status s = csv.ExpectFields(width); !s.ok()) return s;
    int start_year = 0, start_month = 0, start_day = 0, end_year = 0, end_month = 0, end_day = 0;
    if (!ParseMilitaryYear(csv.field(c[kStartYear]), start_year)) {
      return csv.ErrorAt(c[kStartYear], "bad start year");
    }
    if (!ParseMonth(csv.field(c[kStartMonth]), start_month)) {
      return csv.ErrorAt(c[kStartMonth], "bad start month (1-12)");
    }
    if (!ParseDay(csv.field(c[kStartDay]), start_day)) {
      return csv.ErrorAt(c[kStartDay], "bad start day (1-31 or xx)");
    }
    if (!ParseMilitaryYear(csv.field(c[kEndYear]), end_year)) {
      return csv.ErrorAt(c[kEndYear], "bad end year");
    }
    if (!ParseMonth(csv.field(c[kEndMonth]), end_month)) {
      return csv.ErrorAt(c[kEndMonth], "bad end month (1-12)");
    }
    if (!ParseDay(csv.field(c[kEndDay]), end_day)) {
      return csv.ErrorAt(c[kEndDay], "bad end day (1-31 or xx)");
    }
    // Six rows of MME v7 end a few days or months before they start within
    // the same year (source typos): their years are still certain, so they
    // are kept, dated by the start, and counted. A year out of order is not
    // a typo we can repair.
    if (end_year < start_year) return csv.ErrorAt(c[kEndYear], "exercise ends before it starts");
    if (MakeDateKey(end_year, end_month, end_day == 0 ? 31 : end_day) <
        MakeDateKey(start_year, start_month, start_day == 0 ? 1 : start_day)) {
      ++reversed_dates;
      end_month = start_month;
      end_day = start_day;
    }
    std::uint32_t purposes = 0;
    std::string domains;
    for (std::size_t f = kCpx; f <= kHumanitarian; ++f) {
      std::string_view v = csv.field(c[f]);
      if (v != "0" && v != "1") return csv.ErrorAt(c[f], "expected 0 or 1");
      if (v == "1") {
        if (f >= kWarfighting) {
          purposes |= 1u << (f - kWarfighting);
        } else {
          AppendJoined(domains, ", ", kDomainNames[f - kCpx]);
        }
      }
    }
    const DateKey date = MakeDateKey(start_year, start_month, start_day == 0 ? 1 : start_day);
    ccodes.clear();
    names.clear();
    int listed = 0;
    for (std::size_t col : state_columns) {
      std::string_view name = csv.field(col);
      if (name.empty()) continue;
      ++listed;
      std::string why;
      int ccode = MilitaryNameToCcode(countries, name, date, &why);
      if (ccode == 0) {
        unmapped.Add(name, why);
        continue;
      }
      if (std::find(ccodes.begin(), ccodes.end(), ccode) == ccodes.end()) {
        ccodes.push_back(ccode);
        names.emplace_back(name);
      }
    }
    if (listed == 0) return csv.ErrorAt(state_columns.front(), "exercise without participants");
    std::int32_t detail_index = static_cast<std::int32_t>(out.details.size());
    if (ccodes.size() >= 2) {
      MilitaryDetail d;
      d.date = DateText(start_year, start_month, start_day);
      d.end_date = DateText(end_year, end_month, end_day);
      d.kind = "exercise";
      d.name = std::string(csv.field(c[kName]));
      std::string purpose_text;
      for (int p = 0; p < 3; ++p) {
        if (purposes & (1u << p)) {
          AppendJoined(purpose_text, ", ", kPurposeNames[p]);
        }
      }
      std::string participants;
      for (const auto& n : names) AppendJoined(participants, ", ", n);
      d.description =
          std::to_string(listed) + " participants (" + participants + ")" +
          (domains.empty() ? "" : "; domains: " + domains) +
          (purpose_text.empty() ? "" : "; purpose: " + purpose_text) +
          (csv.field(c[kLocation]).empty() ? "" : "; at " + std::string(csv.field(c[kLocation]))) +
          (csv.field(c[kFocus]).empty() ? "" : "; focus: " + std::string(csv.field(c[kFocus])));
      d.reference =
          MilitaryReference(source_name, csv.line()) + " (" + std::string(csv.field(c[kId])) + ")";
      out.details.push_back(std::move(d));
      std::sort(ccodes.begin(), ccodes.end());
      for (std::size_t i = 0; i < ccodes.size(); ++i) {
        for (std::size_t j = i + 1; j < ccodes.size(); ++j) {
          MilitaryFact fact;
          fact.ccode_a = ccodes[i];
          fact.ccode_b = ccodes[j];
          fact.first_year = static_cast<std::int16_t>(start_year);
          fact.last_year = static_cast<std::int16_t>(end_year);
          fact.source = MilitarySource::kMme;
          fact.kinds = purposes;
          fact.value = static_cast<float>(listed);
          fact.detail = detail_index;
          out.facts.push_back(fact);
          ++pairs;
        }
      }
      ++out.report.rows_used;
    }
  }
  if (!csv.status().ok()) return csv.status();
  out.report.note = std::to_string(pairs) + " dyad-exercises";
  if (reversed_dates > 0) {
    out.report.note += "; " + std::to_string(reversed_dates) +
                       " exercises end before they start within the year (dated by the start)";
  }
  if (!unmapped.empty()) out.report.note += "; " + unmapped.Note("participant entries");
  return out;
}

}  // namespace entente::internal
