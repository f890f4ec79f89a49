// The country registry: every state entente knows, and every key users type.
//
// Built at run time from the countrycode table (countries/codelist.csv) and
// the COW state-system list (cow/states.csv) under the data directory, plus
// entente's own aliases and succession rules (src/core/country_rules.cc,
// documented with the evidence for each in docs/countries.md).
//
// Thread safety: a loaded registry is immutable and may be shared.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/status.h"

namespace entente {

// A calendar date as YYYYMMDD (e.g. 19901003), comparable with < and ==.
using DateKey = int;
constexpr DateKey MakeDateKey(int year, int month, int day) {
  return year * 10000 + month * 100 + day;
}
// Open ends of a CodePeriod: "since records begin" and "until further notice".
constexpr DateKey kEarliestDate = 0;
constexpr DateKey kLatestDate = MakeDateKey(9999, 12, 31);

// One continuous spell of membership in the COW state system.
struct MembershipSpell {
  DateKey start;
  DateKey end;
};

// One COW code used by a country over a period (see Country::lineage).
struct CodePeriod {
  int ccode;
  DateKey start;  // inclusive
  DateKey end;    // inclusive
};

// A state of the COW system, or (with ccode 0) an entity of the countrycode
// table that COW does not list: a territory such as Puerto Rico or a
// pre-1871 German state such as Hamburg. Those can be found by name or ISO
// code but have no COW code, no spells and no lineage.
struct Country {
  int ccode = 0;     // COW numeric code: the primary key of every entente table
  std::string cowc;  // COW letters, e.g. "AUL" for Australia, "AUS" for Austria
  std::string iso3;  // ISO 3166-1 alpha-3; empty for states that ended before ISO codes
  std::string iso2;  // ISO 3166-1 alpha-2; empty when none
  std::string name;  // English short name, e.g. "Russia"
  int gwcode = 0;    // Gleditsch-Ward code, 0 when none
  std::vector<MembershipSpell> spells;  // COW system membership, may be empty
  // The COW codes a user key for this country stands for over time, oldest
  // first, without overlaps, following entente's succession rules. Most
  // states: their own code from kEarliestDate to kLatestDate. Germany (255):
  // 255 to 1945-05-08, 260 from 1945-05-09 to 1990-10-02 (COW starts 260 on
  // 1955-05-05; the post-war years map to it so that ISO3 data has no hole),
  // then 255. Yemen (679): 678 to 1990-05-21, then 679. Russia: 365
  // throughout (the USSR is COW 365). Empty when ccode is 0.
  std::vector<CodePeriod> lineage;
};

// ISO3, or the COW letters for states that ended before ISO codes ("CHN",
// "GDR"): dyad keys such as CHN-RUS and file names.
std::string ShortKey(const Country& country);

class CountryRegistry {
 public:
  // Loads the registry from DATA_DIR/countries/codelist.csv and
  // DATA_DIR/cow/states.csv. Errors name the file, line and column.
  static Result<CountryRegistry> Load(const std::string& data_dir);

  CountryRegistry(CountryRegistry&&) noexcept;
  CountryRegistry& operator=(CountryRegistry&&) noexcept;
  ~CountryRegistry();

  // Resolves a user key: ISO3 ("CHN"), ISO2 ("cn"), COW number ("710"), COW
  // letters ("AUL"), English name or common alias ("China", "PRC", "USSR",
  // "Britain", "ROK"), case-insensitive, ignoring surrounding white space and
  // punctuation in names. Order: a number is a COW code; otherwise ISO3
  // (current, then withdrawn such as "CSK"), ISO2 (current, then withdrawn
  // such as "YU"), COW letters, names and aliases, the countrycode name
  // patterns. So where an ISO3 code and a COW letter code collide ("AUS" is
  // Australia in ISO, Austria in COW), ISO3 wins; the COW meaning stays
  // reachable by number or name. An unknown key is a kNotFound error that
  // suggests the nearest names; a name that matches two countries is a
  // kNotFound error that lists both. The pointer lives as long as the
  // registry (moving the registry keeps it valid).
  Result<const Country*> Find(std::string_view key) const;

  // The country whose COW code is `ccode`, or nullptr (always for 0).
  const Country* ByCcode(int ccode) const;

  // The COW code an ISO3 column of dated data denotes on `date`: the lineage
  // of the country holding that ISO3 code (DEU before 1990-10-03 is 260,
  // after 255; YEM before 1990-05-22 is 678; RUS 365; SRB 345; VNM 816; CZE
  // 316 at every date, as the UNGA data shows), withdrawn ISO3 codes (CSK
  // 315, DDR 265, YMD 680, SUN 365, YUG 345) and the few non-ISO codes of
  // ungd/speakers.csv (YDYE 680, in its years only). Case-insensitive.
  // nullopt when the code is unknown or denotes an entity without COW code.
  std::optional<int> CcodeForIso3(std::string_view iso3, DateKey date) const;
  // Same for ISO2, including withdrawn codes (CS Czechoslovakia to 1992 and
  // Serbia and Montenegro 2003-02-04..2006-09-25, YU Yugoslavia, DD East
  // Germany, YD South Yemen, SU USSR); DE follows Germany's lineage like DEU.
  std::optional<int> CcodeForIso2(std::string_view iso2, DateKey date) const;
  // For UN records filed under `iso3` (the UN General Debate corpus): the COW
  // code of the delegation that held that seat on `date` when it was not the
  // code's own state. CHN before 1971-10-25 is the Republic of China (713,
  // TWN), which held China's seat until General Assembly resolution 2758.
  // nullopt when the code's state held the seat (CcodeForIso3 answers then).
  // Case-insensitive.
  std::optional<int> UnSeatOccupant(std::string_view iso3, DateKey date) const;
  // The COW code `country` stood for on `date` per its lineage; nullopt when
  // the date is outside every period (and always for ccode 0).
  std::optional<int> CcodeOn(const Country& country, DateKey date) const;

  // All countries, ordered by COW code (entities with ccode 0 first, by
  // name); every COW state once.
  const std::vector<Country>& all() const;

 private:
  struct Impl;
  explicit CountryRegistry(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace entente
