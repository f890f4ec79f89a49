// entente's compiled-in country knowledge: the aliases, withdrawn codes and
// succession rules that no data file supplies, plus the name normalisation
// the registry indexes names with.
//
// Internal to entente (the registry in countries.cc is the only client). Each
// table entry carries the reason it exists; docs/countries.md explains them
// with the evidence from the shared data.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "entente/countries.h"

namespace entente::internal {

// An extra name or abbreviation users type for a COW state ("USSR" -> 365).
struct CountryAlias {
  std::string_view name;
  int ccode;
  std::string_view reason;
};

// A code outside the current ISO 3166-1 tables (withdrawn, reassigned or a
// dataset's own) that denotes COW code `ccode` from `first` to `last`
// inclusive. The same code may appear twice with disjoint periods.
struct DatedCode {
  std::string_view code;
  int ccode;
  DateKey first;
  DateKey last;
  std::string_view reason;
};

// A countrycode row without a COW code that names (part of the history of) a
// COW state; its names and ISO codes are added to that state.
struct CodelistMerge {
  std::string_view codelist_name;  // country.name.en of the row
  int ccode;
  std::string_view reason;
};

// One period of the lineage of `country` (see Country::lineage). A state
// without any entry here stands for its own code at every date.
struct LineagePeriod {
  int country;
  CodePeriod period;
  std::string_view reason;
};

// A display name that replaces the countrycode name of a state.
struct NameOverride {
  int ccode;
  std::string_view name;
  std::string_view reason;
};

std::span<const CountryAlias> CountryAliases();
// Names of entities that are no state in COW or the codelist but that a name
// pattern would match to a state ("Northern Cyprus" -> Cyprus). Find refuses
// them with the reason instead of returning the wrong state.
struct NonState {
  std::string_view name;
  std::string_view reason;
};
std::span<const NonState> NonStates();
// ISO 3166-3 withdrawn alpha-3 codes (CSK, DDR, SUN, YUG, ...).
std::span<const DatedCode> WithdrawnIso3Codes();
// ISO 3166-3 withdrawn or reassigned alpha-2 codes (CS, YU, DD, YD, SU, ...).
std::span<const DatedCode> WithdrawnIso2Codes();
// Three- and four-letter codes a shared dataset writes where ISO3 belongs
// (the UN General Debate corpus's YDYE, and its typos). Only CcodeForIso3
// reads them: they are facts about one corpus, not keys users type.
std::span<const DatedCode> CorpusIso3Codes();
// UN seats that another delegation held than the state holding the ISO3 code
// (CHN to 1971-10-24: the Republic of China, 713). Only
// CountryRegistry::UnSeatOccupant reads them: in other data CHN is the PRC.
std::span<const DatedCode> UnSeatIso3Codes();
std::span<const CodelistMerge> CodelistMerges();
std::span<const LineagePeriod> LineagePeriods();
std::span<const NameOverride> NameOverrides();

// The first entry of `codes` for `code` (exact, upper case) whose period
// contains `date`, or nullptr.
const DatedCode* FindDatedCode(std::span<const DatedCode> codes, std::string_view code,
                               DateKey date);
// The first entry of `codes` for `code` at any date, or nullptr.
const DatedCode* FindAnyDatedCode(std::span<const DatedCode> codes, std::string_view code);

// Lower-cases ASCII, folds common Latin letters with diacritics to ASCII
// ("Côte" -> "cote", "Türkiye" -> "turkiye") and typographic quotes and
// dashes to ASCII ones; keeps all other characters. The countrycode name
// patterns are matched against this form.
std::string FoldToAscii(std::string_view text);

// The key names are indexed under: FoldToAscii, then words of letters and
// digits only ("&" becomes "and", apostrophes vanish, other punctuation
// separates), without "the" and "of", with "st" -> "saint", "rep" ->
// "republic", "dem" -> "democratic", and runs of single letters joined
// ("U.S.A." -> "usa"). "St. Kitts & Nevis" and "Saint Kitts and Nevis" both
// give "saint kitts and nevis".
std::string NormalizeCountryName(std::string_view text);

// Optimal-string-alignment distance (Levenshtein plus adjacent
// transpositions), for "did you mean" suggestions. Stops counting at `cap`
// and returns cap + 1 when the distance is larger (short keys stay cheap).
std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t cap);

}  // namespace entente::internal
