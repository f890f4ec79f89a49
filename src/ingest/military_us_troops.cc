// troopdata: US active-duty military personnel by host country and year
// (DMDC reports, 1950-2024).
//
// Hosts are COW codes; codes above 999 are troopdata's own for territories
// (Guam, Diego Garcia, Greenland ...) and are skipped, as are COW codes the
// state list lacks (Puerto Rico's 6). A host's code follows its lineage in
// that year (troopdata writes 255 for West Germany, entente uses 260 to
// 1990). Where one host-year appears twice under two spellings, the larger
// count is kept (the duplicates hold 0).
#include <algorithm>
#include <map>

#include "core/csv_reader.h"
#include "ingest/military_common.h"
#include "ingest/military_sources.h"

namespace entente::internal {
namespace {

constexpr int kUnitedStates = 2;
constexpr int kMaxCcode = 999;
constexpr long long kMaxTroops = 10000000;

}  // namespace

Result<MilitarySourceRead> ReadUsTroops(std::string_view source_name, std::string_view content,
                                        const CountryRegistry& countries) {
  if (Status s = ValidateUtf8(source_name, content); !s.ok()) return s;
  CsvReader csv(std::string(source_name), content);
  auto cols = MilitaryHeaderColumns(csv, {"countryname", "year", "ccode", "troops_ad"});
  if (!cols.ok()) return cols.status();
  const std::vector<std::size_t>& c = *cols;
  const std::size_t width = csv.size();
  MilitarySourceRead out;
  out.report.id = "us_troops";
  out.report.file = std::string(source_name);
  UnmappedNames unmapped;
  struct HostYear {
    long long troops;
    std::size_t line;
  };
  std::map<std::pair<int, int>, HostYear> by_host_year;
  while (csv.Next()) {
    ++out.report.rows_read;
    if (Status s = csv.ExpectFields(width); !s.ok()) return s;
    int year = 0;
    if (!ParseMilitaryYear(csv.field(c[1]), year)) return csv.ErrorAt(c[1], "bad year");
    long long code = 0;
    if (!ParseInt(csv.field(c[2]), code) || code < 1) return csv.ErrorAt(c[2], "bad COW code");
    long long troops = 0;
    if (!ParseInt(csv.field(c[3]), troops) || troops < 0 || troops > kMaxTroops) {
      return csv.ErrorAt(c[3], "bad troop count");
    }
    if (code == kUnitedStates) continue;  // the home country
    const Country* host = code <= kMaxCcode ? countries.ByCcode(static_cast<int>(code)) : nullptr;
    if (host == nullptr) {
      unmapped.Add(csv.field(c[0]), "territory, not a COW state");
      continue;
    }
    auto ccode = countries.CcodeOn(*host, MakeDateKey(year, 7, 1));
    if (!ccode) {
      unmapped.Add(csv.field(c[0]), "no COW code in that year");
      continue;
    }
    auto [it, inserted] = by_host_year.try_emplace({*ccode, year}, HostYear{troops, csv.line()});
    if (!inserted && troops > it->second.troops) it->second = {troops, csv.line()};
  }
  if (!csv.status().ok()) return csv.status();
  for (const auto& [key, value] : by_host_year) {
    if (value.troops == 0) continue;
    MilitaryFact fact;
    fact.ccode_a = std::min(key.first, kUnitedStates);
    fact.ccode_b = std::max(key.first, kUnitedStates);
    fact.first_year = static_cast<std::int16_t>(key.second);
    fact.last_year = fact.first_year;
    fact.source = MilitarySource::kUsTroops;
    fact.from_ccode = kUnitedStates;
    fact.value = static_cast<float>(value.troops);
    fact.detail = static_cast<std::int32_t>(out.details.size());
    MilitaryDetail d;
    d.reference = MilitaryReference(source_name, value.line);
    out.details.push_back(std::move(d));
    out.facts.push_back(fact);
  }
  out.report.rows_used = static_cast<std::int64_t>(out.facts.size());
  out.report.note = std::to_string(out.facts.size()) + " host-years with US troops";
  if (!unmapped.empty()) out.report.note += "; " + unmapped.Note("host rows");
  return out;
}

}  // namespace entente::internal
