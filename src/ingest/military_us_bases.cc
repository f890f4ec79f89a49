// troopdata basedata: US bases and sites abroad (Vine 2015, updated through
// 2018). The file has no years; each site counts for the source's window
// (MilitarySourceDescription(kUsBases)). The file is Latin-1: it is decoded
// to UTF-8 first when it is not valid UTF-8.
//
// Hosts are mapped by name, not by the ccode column, which gives territories
// their sovereign's code (Hong Kong 710, Greenland 390, Guam 2): a site in a
// territory is skipped and counted rather than credited to another state.
#include <algorithm>

#include "core/csv_reader.h"
#include "ingest/military_common.h"
#include "ingest/military_sources.h"

namespace entente::internal {
namespace {

constexpr int kUnitedStates = 2;

std::string Latin1ToUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out += ch;
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

}  // namespace

Result<MilitarySourceRead> ReadUsBases(std::string_view source_name, std::string_view content,
                                       const CountryRegistry& countries) {
  std::string decoded;
  if (!ValidateUtf8(source_name, content).ok()) {
    decoded = Latin1ToUtf8(content);
    content = decoded;
  }
  CsvReader csv(std::string(source_name), content);
  auto cols =
      MilitaryHeaderColumns(csv, {"countryname", "basename", "base", "lilypad", "fundedsite"});
  if (!cols.ok()) return cols.status();
  const std::vector<std::size_t>& c = *cols;
  const std::size_t width = csv.size();
  const MilitarySourceInfo& info = MilitarySourceDescription(MilitarySource::kUsBases);
  MilitarySourceRead out;
  out.report.id = "us_bases";
  out.report.file = std::string(source_name);
  UnmappedNames unmapped;
  while (csv.Next()) {
    ++out.report.rows_read;
    if (Status s = csv.ExpectFields(width); !s.ok()) return s;
    std::uint32_t kinds = 0;
    for (int k = 0; k < 3; ++k) {
      std::string_view v = csv.field(c[2 + k]);
      if (v != "0" && v != "1") return csv.ErrorAt(c[2 + k], "expected 0 or 1");
      if (v == "1") kinds |= 1u << k;
    }
    if (kinds == 0) return csv.RecordError("site is neither base, lily pad nor funded site");
    if (csv.field(c[1]).empty()) return csv.ErrorAt(c[1], "empty base name");
    std::string why;
    int host =
        MilitaryNameToCcode(countries, csv.field(c[0]), MakeDateKey(info.last_year, 7, 1), &why);
    if (host == 0 || host == kUnitedStates) {
      unmapped.Add(csv.field(c[0]), host == kUnitedStates ? "US territory" : why);
      continue;
    }
    MilitaryFact fact;
    fact.ccode_a = std::min(host, kUnitedStates);
    fact.ccode_b = std::max(host, kUnitedStates);
    fact.first_year = static_cast<std::int16_t>(info.first_year);
    fact.last_year = static_cast<std::int16_t>(info.last_year);
    fact.source = MilitarySource::kUsBases;
    fact.kinds = kinds;
    fact.from_ccode = kUnitedStates;
    fact.detail = static_cast<std::int32_t>(out.details.size());
    MilitaryDetail d;
    d.kind = (kinds & kBaseMajor) ? "base" : (kinds & kBaseLilypad) ? "lily pad" : "funded site";
    d.name = std::string(csv.field(c[1]));
    d.description = "US " + d.kind + " in " + std::string(csv.field(c[0])) +
                    " listed in Vine's base data (2015, updated through 2018)";
    d.reference = MilitaryReference(source_name, csv.line());
    out.details.push_back(std::move(d));
    out.facts.push_back(fact);
  }
  if (!csv.status().ok()) return csv.status();
  out.report.rows_used = static_cast<std::int64_t>(out.facts.size());
  if (!unmapped.empty()) out.report.note = unmapped.Note("sites");
  return out;
}

}  // namespace entente::internal
