// The team's non-military evidence files (schemas in
// docs/evidence-nonmilitary.md), validated on load like the military ones:
// exact header, field count, dyad codes, dates, vocabularies, numbers, and
// the four citation columns on every row. One bad row fails the file with
// FILE:LINE:COLUMN, the problem and the value.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "core/csv_reader.h"
#include "ingest/military_common.h"
#include "ingest/military_sources.h"
#include "ingest/profile_sources.h"

namespace entente::internal {
namespace {

Status CheckHeader(CsvReader& csv, const std::vector<std::string_view>& columns) {
  if (!csv.Next()) {
    if (!csv.status().ok()) return csv.status();
    return Status::Data(csv.source_name() + ":1: empty file (expected the header row)");
  }
  bool ok = csv.size() == columns.size();
  for (std::size_t i = 0; ok && i < columns.size(); ++i) ok = csv.field(i) == columns[i];
  if (!ok) {
    std::string expected;
    for (auto c : columns) AppendJoined(expected, ",", c);
    return csv.RecordError("the header must be exactly '" + expected + "'");
  }
  return Status::Ok();
}

Status CheckWidth(const CsvReader& csv, std::size_t width) {
  if (csv.size() == width) return Status::Ok();
  return csv.RecordError("expected " + std::to_string(width) + " fields, found " +
                         std::to_string(csv.size()));
}

// A COW state by its ISO3 code, exactly.
Status ParseIso3(const CsvReader& csv, std::size_t column, std::string_view code,
                 const CountryRegistry& countries, const Country*& out) {
  if (code.size() != 3 ||
      !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return csv.ErrorAt(column, "bad country: ISO3 codes are three capital letters");
  }
  auto found = countries.Find(code);
  if (!found.ok() || (*found)->iso3 != code || (*found)->ccode == 0) {
    return csv.ErrorAt(
        column, "unknown country '" + std::string(code) + "': not the ISO3 code of a COW state");
  }
  out = *found;
  return Status::Ok();
}

// "AAA-BBB" in alphabetical order -> the two countries.
Status ParseDyadField(const CsvReader& csv, std::size_t column, const CountryRegistry& countries,
                      const Country*& a, const Country*& b) {
  std::string_view dyad = csv.field(column);
  if (dyad.size() != 7 || dyad[3] != '-') {
    return csv.ErrorAt(column,
                       "bad dyad: write two ISO3 codes in alphabetical order, e.g. CHN-RUS");
  }
  if (!(dyad.substr(0, 3) < dyad.substr(4, 3))) {
    return csv.ErrorAt(column, "bad dyad: write the two codes in alphabetical order");
  }
  if (Status s = ParseIso3(csv, column, dyad.substr(0, 3), countries, a); !s.ok()) return s;
  return ParseIso3(csv, column, dyad.substr(4, 3), countries, b);
}

// The citation columns, the last four of every file.
Status ReadCitation(const CsvReader& csv, std::size_t first, EvidenceRow& row) {
  const std::size_t publisher = first, title = first + 1, published = first + 2, url = first + 3;
  if (csv.field(publisher).empty()) {
    return csv.ErrorAt(publisher, "missing source: name the publisher of the cited page");
  }
  if (csv.field(title).empty()) {
    return csv.ErrorAt(title,
                       "missing source: give the cited page's title (or a [bracketed "
                       "description] when the page shows none)");
  }
  DateKey p1 = 0, p2 = 0;
  if (!ParseEvidenceDate(csv.field(published), p1, p2)) {
    return csv.ErrorAt(published, "bad published date: use YYYY-MM-DD, YYYY-MM or YYYY");
  }
  std::string_view link = csv.field(url);
  if ((link.rfind("http://", 0) != 0 && link.rfind("https://", 0) != 0) ||
      link.find_first_of(" \t") != std::string_view::npos) {
    return csv.ErrorAt(url, "bad URL: it must start with http:// or https:// and hold no spaces");
  }
  row.publisher = std::string(csv.field(publisher));
  row.title = std::string(csv.field(title));
  row.published = std::string(csv.field(published));
  row.url = std::string(link);
  row.reference = MilitaryReference(csv.source_name(), csv.line());
  return Status::Ok();
}

// Fills the dyad's COW codes on `date` (first day the row's date can mean).
Status PlaceDyad(const CsvReader& csv, std::size_t column, const CountryRegistry& countries,
                 const Country& a, const Country& b, DateKey date, EvidenceRow& row) {
  auto ca = countries.CcodeOn(a, date);
  auto cb = countries.CcodeOn(b, date);
  if (!ca || !cb) {
    return csv.ErrorAt(column, "neither " + a.name + " nor " + b.name + " had a COW code then");
  }
  row.ccode_a = static_cast<std::int16_t>(std::min(*ca, *cb));
  row.ccode_b = static_cast<std::int16_t>(std::max(*ca, *cb));
  row.swapped = *ca > *cb;
  row.date = date;
  row.year = date / 10000;
  return Status::Ok();
}

Status ReadDate(const CsvReader& csv, std::size_t column, bool day_required, DateKey& first) {
  DateKey last = 0;
  std::string_view text = csv.field(column);
  if (!ParseEvidenceDate(text, first, last) || (day_required && text.size() != 10)) {
    return csv.ErrorAt(column, day_required
                                   ? "bad date: use YYYY-MM-DD (a real date)"
                                   : "bad date: use YYYY-MM-DD, YYYY-MM or YYYY (a real date)");
  }
  return Status::Ok();
}

template <typename T>
Status CheckVocabulary(const CsvReader& csv, std::size_t column, const T& words) {
  std::string_view value = csv.field(column);
  if (std::find(std::begin(words), std::end(words), value) != std::end(words)) return Status::Ok();
  std::string known;
  for (std::string_view w : words) AppendJoined(known, ", ", w);
  return csv.ErrorAt(column, "unknown value (known: " + known + ")");
}

bool ContainsIgnoreCase(std::string_view text, std::string_view word) {
  auto it = std::search(text.begin(), text.end(), word.begin(), word.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
  return it != text.end();
}

constexpr std::string_view kMeetingFormats[] = {"state_visit", "official_visit", "working_visit",
                                                "summit_sidelines", "virtual"};
constexpr std::string_view kPartnershipKinds[] = {"partnership_declaration", "joint_statement",
                                                  "treaty", "summit_declaration"};

}  // namespace

Result<std::vector<MeetingRow>> ReadLeaderMeetings(std::string_view source_name,
                                                   std::string_view content,
                                                   const CountryRegistry& countries) {
  if (Status s = ValidateUtf8(source_name, content); !s.ok()) return s;
  CsvReader csv(std::string(source_name), content);
  const std::vector<std::string_view> columns = {"dyad",  "date",      "leader1",     "leader2",
                                                 "place", "format",    "description", "publisher",
                                                 "title", "published", "url"};
  if (Status s = CheckHeader(csv, columns); !s.ok()) return s;
  std::vector<MeetingRow> out;
  std::map<std::pair<std::string, std::string>, std::size_t> seen;
  while (csv.Next()) {
    if (Status s = CheckWidth(csv, columns.size()); !s.ok()) return s;
    const Country* a = nullptr;
    const Country* b = nullptr;
    if (Status s = ParseDyadField(csv, 0, countries, a, b); !s.ok()) return s;
    MeetingRow m;
    DateKey date = 0;
    if (Status s = ReadDate(csv, 1, true, date); !s.ok()) return s;
    for (std::size_t col : {std::size_t{2}, std::size_t{3}, std::size_t{4}}) {
      if (csv.field(col).empty()) return csv.ErrorAt(col, "missing value");
    }
    if (Status s = CheckVocabulary(csv, 5, kMeetingFormats); !s.ok()) return s;
    if (Status s = PlaceDyad(csv, 0, countries, *a, *b, date, m.row); !s.ok()) return s;
    if (Status s = ReadCitation(csv, 7, m.row); !s.ok()) return s;
    auto key = std::make_pair(std::string(csv.field(0)), std::string(csv.field(1)));
    if (auto [it, inserted] = seen.try_emplace(key, csv.line()); !inserted) {
      return csv.RecordError("duplicate of line " + std::to_string(it->second) +
                             " (same dyad and date: one row per meeting)");
    }
    m.virtual_meeting = csv.field(5) == "virtual";
    m.row.date_text = std::string(csv.field(1));
    m.row.what = std::string(csv.field(2)) + " - " + std::string(csv.field(3)) + ", " +
                 std::string(csv.field(4)) + ", " + std::string(csv.field(5));
    out.push_back(std::move(m));
  }
  if (!csv.status().ok()) return csv.status();
  return out;
}

Result<std::vector<MeetingCoverage>> ReadMeetingCoverage(std::string_view source_name,
                                                         std::string_view content,
                                                         const CountryRegistry& countries) {
  if (Status s = ValidateUtf8(source_name, content); !s.ok()) return s;
  CsvReader csv(std::string(source_name), content);
  const std::vector<std::string_view> columns = {"dyad", "first_year", "last_year", "note"};
  if (Status s = CheckHeader(csv, columns); !s.ok()) return s;
  std::vector<MeetingCoverage> out;
  while (csv.Next()) {
    if (Status s = CheckWidth(csv, columns.size()); !s.ok()) return s;
    const Country* a = nullptr;
    const Country* b = nullptr;
    if (Status s = ParseDyadField(csv, 0, countries, a, b); !s.ok()) return s;
    int first = 0, last = 0;
    if (!ParseMilitaryYear(csv.field(1), first)) return csv.ErrorAt(1, "bad year");
    if (!ParseMilitaryYear(csv.field(2), last) || last < first) {
      return csv.ErrorAt(2, "bad year (must not precede first_year)");
    }
    if (csv.field(3).empty())
      return csv.ErrorAt(3, "missing note: say how the years were searched");
    auto ca = countries.CcodeOn(*a, MakeDateKey(last, 7, 1));
    auto cb = countries.CcodeOn(*b, MakeDateKey(last, 7, 1));
    if (!ca || !cb) return csv.ErrorAt(0, "no COW codes for this dyad in last_year");
    out.push_back({static_cast<std::int16_t>(std::min(*ca, *cb)),
                   static_cast<std::int16_t>(std::max(*ca, *cb)), first, last});
  }
  if (!csv.status().ok()) return csv.status();
  return out;
}

Result<std::vector<LeaderSpell>> ReadLeaderEvidence(std::string_view source_name,
                                                    std::string_view content,
                                                    const CountryRegistry& countries,
                                                    std::vector<EvidenceRow>* rows) {
  if (Status s = ValidateUtf8(source_name, content); !s.ok()) return s;
  CsvReader csv(std::string(source_name), content);
  const std::vector<std::string_view> columns = {"country",   "leader", "start",     "end",
                                                 "publisher", "title",  "published", "url"};
  if (Status s = CheckHeader(csv, columns); !s.ok()) return s;
  std::vector<LeaderSpell> out;
  while (csv.Next()) {
    if (Status s = CheckWidth(csv, columns.size()); !s.ok()) return s;
    const Country* country = nullptr;
    if (Status s = ParseIso3(csv, 0, csv.field(0), countries, country); !s.ok()) return s;
    if (csv.field(1).empty()) return csv.ErrorAt(1, "missing leader name");
    LeaderSpell spell;
    if (Status s = ReadDate(csv, 2, true, spell.start); !s.ok()) return s;
    if (csv.field(3).empty()) {
      spell.end = kLatestDate;
    } else {
      if (Status s = ReadDate(csv, 3, true, spell.end); !s.ok()) return s;
      if (spell.end < spell.start) return csv.ErrorAt(3, "end before start");
    }
    auto ccode = countries.CcodeOn(*country, spell.start);
    if (!ccode) return csv.ErrorAt(0, "no COW code for this country at the start date");
    EvidenceRow row;
    if (Status s = ReadCitation(csv, 4, row); !s.ok()) return s;
    spell.ccode = static_cast<std::int16_t>(*ccode);
    spell.leader = std::string(csv.field(1));
    spell.reference = row.reference;
    row.ccode_a = spell.ccode;
    row.date = spell.start;
    row.year = spell.start / 10000;
    row.date_text = std::string(csv.field(2));
    row.what = spell.leader + " (" + std::string(csv.field(0)) + ") in office from " +
               std::string(csv.field(2)) +
               (csv.field(3).empty() ? std::string() : " to " + std::string(csv.field(3)));
    if (rows != nullptr) rows->push_back(std::move(row));
    out.push_back(std::move(spell));
  }
  if (!csv.status().ok()) return csv.status();
  return out;
}

Result<std::vector<TradeEvidenceRow>> ReadTradeEvidence(std::string_view source_name,
                                                        std::string_view content,
                                                        const CountryRegistry& countries) {
  if (Status s = ValidateUtf8(source_name, content); !s.ok()) return s;
  CsvReader csv(std::string(source_name), content);
  const std::vector<std::string_view> columns = {"dyad",      "year",     "indicator", "value",
                                                 "unit",      "reporter", "publisher", "title",
                                                 "published", "url"};
  if (Status s = CheckHeader(csv, columns); !s.ok()) return s;
  std::vector<TradeEvidenceRow> out;
  while (csv.Next()) {
    if (Status s = CheckWidth(csv, columns.size()); !s.ok()) return s;
    const Country* a = nullptr;
    const Country* b = nullptr;
    if (Status s = ParseDyadField(csv, 0, countries, a, b); !s.ok()) return s;
    int year = 0;
    if (!ParseMilitaryYear(csv.field(1), year)) return csv.ErrorAt(1, "bad year");
    std::string_view indicator = csv.field(2);
    if (indicator.empty() || !std::all_of(indicator.begin(), indicator.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        })) {
      return csv.ErrorAt(
          2, "bad indicator: lower-case words joined by _ (docs/evidence-nonmilitary.md)");
    }
    TradeEvidenceRow t;
    std::string_view value = csv.field(3);
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), t.value);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size() ||
        !std::isfinite(t.value) || t.value < 0) {
      return csv.ErrorAt(3, "bad value: a number >= 0 (the unit goes in the unit column)");
    }
    if (csv.field(4).empty()) return csv.ErrorAt(4, "missing unit");
    if (csv.field(5).empty()) return csv.ErrorAt(5, "missing reporter");
    if (Status s = PlaceDyad(csv, 0, countries, *a, *b, MakeDateKey(year, 7, 1), t.row); !s.ok()) {
      return s;
    }
    if (Status s = ReadCitation(csv, 6, t.row); !s.ok()) return s;
    t.indicator = std::string(indicator);
    t.dyad = std::string(csv.field(0));
    t.unit = std::string(csv.field(4));
    t.reporter = std::string(csv.field(5));
    t.row.date_text = std::string(csv.field(1));
    t.row.what = t.indicator + " = " + std::string(value) + " " + t.unit + " (" + t.reporter + ")";
    out.push_back(std::move(t));
  }
  if (!csv.status().ok()) return csv.status();
  return out;
}

int PartnershipLevelRank(std::string_view kind, std::string_view level) {
  if (ContainsIgnoreCase(level, "alliance") || ContainsIgnoreCase(level, "union state") ||
      ContainsIgnoreCase(level, "mutual cooperation and security")) {
    return 4;
  }
  if (ContainsIgnoreCase(level, "comprehensive") && ContainsIgnoreCase(level, "strategic")) {
    return 3;
  }
  if (ContainsIgnoreCase(level, "strategic")) return 2;
  if (ContainsIgnoreCase(level, "partnership") || ContainsIgnoreCase(level, "friend") ||
      ContainsIgnoreCase(level, "neighbo") || kind == "treaty") {
    return 1;
  }
  return 0;
}

Result<std::vector<PartnershipRow>> ReadPartnerships(std::string_view source_name,
                                                     std::string_view content,
                                                     const CountryRegistry& countries) {
  if (Status s = ValidateUtf8(source_name, content); !s.ok()) return s;
  CsvReader csv(std::string(source_name), content);
  const std::vector<std::string_view> columns = {"dyad",      "date",        "kind",      "name",
                                                 "level",     "description", "publisher", "title",
                                                 "published", "url"};
  if (Status s = CheckHeader(csv, columns); !s.ok()) return s;
  std::vector<PartnershipRow> out;
  while (csv.Next()) {
    if (Status s = CheckWidth(csv, columns.size()); !s.ok()) return s;
    const Country* a = nullptr;
    const Country* b = nullptr;
    if (Status s = ParseDyadField(csv, 0, countries, a, b); !s.ok()) return s;
    DateKey date = 0;
    if (Status s = ReadDate(csv, 1, false, date); !s.ok()) return s;
    if (Status s = CheckVocabulary(csv, 2, kPartnershipKinds); !s.ok()) return s;
    if (csv.field(3).empty()) return csv.ErrorAt(3, "missing name");
    if (csv.field(4).empty())
      return csv.ErrorAt(4, "missing level (the partnership's official label)");
    PartnershipRow p;
    if (Status s = PlaceDyad(csv, 0, countries, *a, *b, date, p.row); !s.ok()) return s;
    if (Status s = ReadCitation(csv, 6, p.row); !s.ok()) return s;
    p.kind = std::string(csv.field(2));
    p.name = std::string(csv.field(3));
    p.level = std::string(csv.field(4));
    p.level_rank = PartnershipLevelRank(p.kind, p.level);
    p.row.date_text = std::string(csv.field(1));
    p.row.what = p.kind + ": " + p.name + " (level: " + p.level + ")";
    out.push_back(std::move(p));
  }
  if (!csv.status().ok()) return csv.status();
  return out;
}

Result<std::vector<VetoRow>> ReadVetoes(std::string_view source_name, std::string_view content,
                                        const CountryRegistry& countries) {
  if (Status s = ValidateUtf8(source_name, content); !s.ok()) return s;
  CsvReader csv(std::string(source_name), content);
  const std::vector<std::string_view> columns = {"date",      "draft",       "subject",
                                                 "vetoed_by", "description", "publisher",
                                                 "title",     "published",   "url"};
  if (Status s = CheckHeader(csv, columns); !s.ok()) return s;
  // The permanent members (UN Charter, Article 23).
  const std::set<std::string_view> permanent = {"CHN", "FRA", "GBR", "RUS", "USA"};
  std::vector<VetoRow> out;
  while (csv.Next()) {
    if (Status s = CheckWidth(csv, columns.size()); !s.ok()) return s;
    VetoRow v;
    DateKey date = 0;
    if (Status s = ReadDate(csv, 0, true, date); !s.ok()) return s;
    if (csv.field(2).empty()) return csv.ErrorAt(2, "missing subject");
    std::string_view list = csv.field(3);
    while (true) {
      std::string_view code = list.substr(0, list.find(';'));
      if (!permanent.count(code)) {
        return csv.ErrorAt(3, "vetoed_by lists ISO3 codes of permanent members joined by ';'");
      }
      const Country* c = nullptr;
      if (Status s = ParseIso3(csv, 3, code, countries, c); !s.ok()) return s;
      auto ccode = countries.CcodeOn(*c, date);
      if (!ccode) return csv.ErrorAt(3, "no COW code on this date");
      v.vetoed_by.push_back(*ccode);
      if (code.size() == list.size()) break;
      list = list.substr(code.size() + 1);
    }
    if (Status s = ReadCitation(csv, 5, v.row); !s.ok()) return s;
    v.row.date = date;
    v.row.year = date / 10000;
    v.row.date_text = std::string(csv.field(0));
    v.row.what = (csv.field(1).empty() ? std::string("draft") : std::string(csv.field(1))) + ": " +
                 std::string(csv.field(2)) + " (vetoed by " + std::string(csv.field(3)) + ")";
    out.push_back(std::move(v));
  }
  if (!csv.status().ok()) return csv.status();
  return out;
}

}  // namespace entente::internal
