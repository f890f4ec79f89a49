#include "entente/countries.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <unordered_map>
#include <utility>

#include "core/country_rules.h"
#include "core/csv_reader.h"

// GCC 12 reports -Wmaybe-uninitialized inside libstdc++'s regex compiler when
// optimising with sanitizers (ENTENTE_SANITIZE); the warning is about the
// library's own temporaries, so it is silenced for this header only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <regex>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace entente {
namespace {

using internal::CsvReader;

constexpr std::string_view kCodelistFile = "countries/codelist.csv";
constexpr std::string_view kStatesFile = "cow/states.csv";
constexpr int kMaxCcode = 999;  // COW codes are three digits
// Longer keys are not names; refusing them keeps suggestions and the name
// patterns cheap whatever a caller passes.
constexpr std::size_t kMaxKeyLength = 200;
constexpr std::size_t kMaxSuggestions = 3;

// Columns of countries/codelist.csv the registry reads. Names first: the
// primary name, then the other English names (all indexed for lookup).
constexpr std::string_view kNameColumn = "country.name.en";
constexpr std::string_view kOtherNameColumns[] = {"cow.name", "iso.name.en", "un.name.en",
                                                  "p4.name", "vdem.name"};
constexpr std::string_view kCowcColumn = "cowc";
constexpr std::string_view kCownColumn = "cown";
constexpr std::string_view kGwnColumn = "gwn";
constexpr std::string_view kIso2Column = "iso2c";
constexpr std::string_view kIso3Column = "iso3c";
constexpr std::string_view kRegexColumn = "country.name.en.regex";

constexpr std::string_view kStatesColumns[] = {
    "stateabb", "ccode", "statenme", "styear", "stmonth", "stday", "endyear", "endmonth", "endday"};

// How much a name counts when two countries claim it: a lower level wins, two
// claims at one level make the name ambiguous (reported, never guessed).
enum NameLevel : int {
  kAliasLevel = 0,      // country_rules.cc
  kPrimaryLevel = 1,    // COW statenme, codelist country.name.en
  kSecondaryLevel = 2,  // codelist's other English names
  kEntityLevel = 3,     // names of entities without COW code: never shadow a state
};

std::string_view Trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool AllAsciiLetters(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
}

bool IsUpperCode(std::string_view s, std::size_t length) {
  return s.size() == length &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string Quoted(std::string_view key) {
  constexpr std::size_t kMaxShown = 60;
  std::string out;
  out.reserve(kMaxShown + 5);
  out += '\'';
  out.append(key.substr(0, kMaxShown));
  if (key.size() > kMaxShown) out += "...";
  out += '\'';
  return out;
}

// "Russia (RUS, 365)", "Czechoslovakia (315)", "Puerto Rico (PRI, no COW code)".
std::string Describe(const Country& c) {
  std::string out = c.name + " (";
  if (!c.iso3.empty()) out += c.iso3 + ", ";
  out += c.ccode != 0 ? std::to_string(c.ccode) : "no COW code";
  return out + ")";
}

std::string JoinAlternatives(const std::vector<std::string>& items, std::string_view last_sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? std::string(last_sep) : std::string(", ");
    out += items[i];
  }
  return out;
}

Status HeaderError(std::string_view file, std::string_view problem) {
  return Status::Data(std::string(file) + ":1:1: " + std::string(problem));
}

// Maps each wanted column name to its index in the header record.
Result<std::vector<std::size_t>> FindColumns(CsvReader& csv,
                                             const std::vector<std::string_view>& wanted) {
  if (!csv.Next()) {
    if (!csv.status().ok()) return csv.status();
    return HeaderError(csv.source_name(), "the file is empty (expected a header line)");
  }
  std::vector<std::size_t> index;
  for (std::string_view name : wanted) {
    auto it = std::find(csv.fields().begin(), csv.fields().end(), name);
    if (it == csv.fields().end()) {
      return HeaderError(csv.source_name(), "the header lacks column '" + std::string(name) +
                                                "' (is this the right file?)");
    }
    index.push_back(static_cast<std::size_t>(it - csv.fields().begin()));
  }
  return index;
}

// Points at the first missing or first extra field of a short or long record.
Status FieldCountError(const CsvReader& csv, std::size_t header_size) {
  return csv.ErrorAt(std::min(csv.size(), header_size),
                     "expected " + std::to_string(header_size) +
                         " fields as in the header, found " + std::to_string(csv.size()) +
                         " (is the file truncated or a quote lost?)");
}

// A field that must be empty or an integer in [lo, hi]; 0 when empty.
bool ParseOptionalInt(std::string_view text, int lo, int hi, int& out) {
  out = 0;
  if (text.empty()) return true;
  long long value = 0;
  if (!internal::ParseInt(text, value) || value < lo || value > hi) return false;
  out = static_cast<int>(value);
  return true;
}

// One row of countries/codelist.csv, validated.
struct CodelistRow {
  std::size_t line = 0;
  std::string name;
  std::vector<std::string> other_names;
  std::string cowc;
  std::string iso2;
  std::string iso3;
  std::string regex;
  std::size_t regex_column = 0;  // 1-based, for pattern errors
  int cown = 0;
  int gwn = 0;
};

// The rows of countries/codelist.csv and where their code columns are
// (1-based), so that cross-row errors can name file, line and column.
struct Codelist {
  std::vector<CodelistRow> rows;
  std::size_t cowc_column = 0;
  std::size_t cown_column = 0;
  std::size_t iso2_column = 0;
  std::size_t iso3_column = 0;
};

// One row (one membership spell) of cow/states.csv, validated.
struct StateRow {
  std::size_t line = 0;
  std::string abb;
  std::string name;
  int ccode = 0;
  MembershipSpell spell{};
};

Result<Codelist> ParseCodelist(const std::string& source, std::string_view text) {
  CsvReader csv(source, text);
  std::vector<std::string_view> wanted = {kNameColumn, kCowcColumn, kCownColumn, kGwnColumn,
                                          kIso2Column, kIso3Column, kRegexColumn};
  for (std::string_view name : kOtherNameColumns) wanted.push_back(name);
  auto columns = FindColumns(csv, wanted);
  if (!columns.ok()) return columns.status();
  const std::size_t header_size = csv.size();
  const auto& col = *columns;
  enum { kName, kCowc, kCown, kGwn, kIso2, kIso3, kRegex, kFirstOther };
  Codelist out;
  out.cowc_column = col[kCowc] + 1;
  out.cown_column = col[kCown] + 1;
  out.iso2_column = col[kIso2] + 1;
  out.iso3_column = col[kIso3] + 1;
  std::vector<CodelistRow>& rows = out.rows;
  while (csv.Next()) {
    if (csv.size() != header_size) return FieldCountError(csv, header_size);
    CodelistRow row;
    row.line = csv.line();
    row.name = std::string(Trim(csv.field(col[kName])));
    if (row.name.empty()) return csv.ErrorAt(col[kName], "every row needs an English name");
    for (std::size_t i = kFirstOther; i < col.size(); ++i) {
      std::string_view other = Trim(csv.field(col[i]));
      if (!other.empty()) row.other_names.emplace_back(other);
    }
    row.cowc = std::string(csv.field(col[kCowc]));
    row.iso2 = std::string(csv.field(col[kIso2]));
    row.iso3 = std::string(csv.field(col[kIso3]));
    if (!row.cowc.empty() && !IsUpperCode(row.cowc, 3)) {
      return csv.ErrorAt(col[kCowc], "COW letters must be three capital letters or empty");
    }
    if (!row.iso2.empty() && !IsUpperCode(row.iso2, 2)) {
      return csv.ErrorAt(col[kIso2], "ISO2 code must be two capital letters or empty");
    }
    if (!row.iso3.empty() && !IsUpperCode(row.iso3, 3)) {
      return csv.ErrorAt(col[kIso3], "ISO3 code must be three capital letters or empty");
    }
    if (!ParseOptionalInt(csv.field(col[kCown]), 1, kMaxCcode, row.cown)) {
      return csv.ErrorAt(col[kCown], "COW code must be an integer in 1..999 or empty");
    }
    if (!ParseOptionalInt(csv.field(col[kGwn]), 1, kMaxCcode, row.gwn)) {
      return csv.ErrorAt(col[kGwn], "Gleditsch-Ward code must be an integer in 1..999 or empty");
    }
    if (row.cown != 0 && row.cowc.empty()) {
      return csv.ErrorAt(col[kCowc], "a row with a COW code needs its COW letters");
    }
    row.regex = std::string(csv.field(col[kRegex]));
    row.regex_column = col[kRegex] + 1;
    rows.push_back(std::move(row));
  }
  if (!csv.status().ok()) return csv.status();
  return out;
}

bool ValidDate(int year, int month, int day) {
  constexpr int kFirstYear = 1800;  // before the COW system (1816)
  constexpr int kLastYear = 2100;
  return year >= kFirstYear && year <= kLastYear && month >= 1 && month <= 12 && day >= 1 &&
         day <= 31;
}

Result<std::vector<StateRow>> ParseStates(const std::string& source, std::string_view text) {
  CsvReader csv(source, text);
  auto columns = FindColumns(
      csv, std::vector<std::string_view>(std::begin(kStatesColumns), std::end(kStatesColumns)));
  if (!columns.ok()) return columns.status();
  const std::size_t header_size = csv.size();
  const auto& col = *columns;
  enum { kAbb, kCcode, kName, kStYear, kStMonth, kStDay, kEndYear, kEndMonth, kEndDay };
  std::vector<StateRow> rows;
  while (csv.Next()) {
    if (csv.size() != header_size) return FieldCountError(csv, header_size);
    StateRow row;
    row.line = csv.line();
    row.abb = std::string(csv.field(col[kAbb]));
    if (!IsUpperCode(row.abb, 3)) {
      return csv.ErrorAt(col[kAbb], "COW letters must be three capital letters");
    }
    if (!ParseOptionalInt(csv.field(col[kCcode]), 1, kMaxCcode, row.ccode) || row.ccode == 0) {
      return csv.ErrorAt(col[kCcode], "COW code must be an integer in 1..999");
    }
    row.name = std::string(Trim(csv.field(col[kName])));
    if (row.name.empty()) return csv.ErrorAt(col[kName], "every state needs a name");
    int parts[6];
    for (int i = 0; i < 6; ++i) {
      if (!ParseOptionalInt(csv.field(col[kStYear + i]), 1, 9999, parts[i]) || parts[i] == 0) {
        return csv.ErrorAt(col[kStYear + i], "date parts must be positive integers");
      }
    }
    if (!ValidDate(parts[0], parts[1], parts[2])) {
      return csv.ErrorAt(col[kStYear], "start date is not a date in 1800..2100");
    }
    if (!ValidDate(parts[3], parts[4], parts[5])) {
      return csv.ErrorAt(col[kEndYear], "end date is not a date in 1800..2100");
    }
    row.spell = {MakeDateKey(parts[0], parts[1], parts[2]),
                 MakeDateKey(parts[3], parts[4], parts[5])};
    if (row.spell.end < row.spell.start) {
      return csv.ErrorAt(col[kEndYear], "the spell ends before it starts");
    }
    rows.push_back(std::move(row));
  }
  if (!csv.status().ok()) return csv.status();
  return rows;
}

// A country while the registry is being built, with the keys that do not
// live in Country.
struct Entry {
  Country country;
  std::vector<std::string> primary_names;
  std::vector<std::string> secondary_names;
  struct Pattern {
    std::string text;
    std::size_t line;
    std::size_t column;
  };
  std::vector<Pattern> patterns;
};

// entente's rules name a state the COW file lacks: the file is incomplete or
// not COW's (the rules themselves are checked by the tests).
Status MissingRuleState(const std::string& states_path, int ccode, const std::string& what) {
  return Status::Data(states_path + ":1:1: no state has COW code " + std::to_string(ccode) +
                      ", which " + what + " of entente needs (is the file complete?)");
}

struct NameSlot {
  int level;
  std::vector<std::size_t> countries;  // one, or several when ambiguous
};

}  // namespace

struct CountryRegistry::Impl {
  std::vector<Country> countries;
  std::array<int, kMaxCcode + 1> by_ccode{};  // index into countries, -1 when none
  std::unordered_map<std::string, std::size_t> iso3;
  std::unordered_map<std::string, std::size_t> iso2;
  std::unordered_map<std::string, std::size_t> cowc;
  std::unordered_map<std::string, NameSlot> names;  // NormalizeCountryName keys
  std::vector<std::pair<std::regex, std::size_t>> patterns;
  std::vector<std::pair<std::string, std::size_t>> suggestion_pool;

  const Country* ByIndex(std::size_t i) const { return &countries[i]; }
  const Country* ByCcode(int ccode) const {
    if (ccode <= 0 || ccode > kMaxCcode || by_ccode[ccode] < 0) return nullptr;
    return &countries[static_cast<std::size_t>(by_ccode[ccode])];
  }

  // A two- or three-letter code, upper case, at no particular date: current
  // ISO codes, then withdrawn ones, then (three letters) COW letters.
  const Country* ByCode(const std::string& code) const {
    if (code.size() == 3) {
      if (auto it = iso3.find(code); it != iso3.end()) return ByIndex(it->second);
      if (auto* rule = internal::FindAnyDatedCode(internal::WithdrawnIso3Codes(), code)) {
        return ByCcode(rule->ccode);
      }
      if (auto it = cowc.find(code); it != cowc.end()) return ByIndex(it->second);
    } else if (code.size() == 2) {
      if (auto it = iso2.find(code); it != iso2.end()) return ByIndex(it->second);
      if (auto* rule = internal::FindAnyDatedCode(internal::WithdrawnIso2Codes(), code)) {
        return ByCcode(rule->ccode);
      }
    }
    return nullptr;
  }

  // nullopt when no name matches; an error when the name is ambiguous.
  std::optional<Result<const Country*>> ByName(const std::string& normalized,
                                               std::string_view key) const {
    auto it = names.find(normalized);
    if (it == names.end()) return std::nullopt;
    if (it->second.countries.size() == 1) return ByIndex(it->second.countries.front());
    return Ambiguous(key, it->second.countries);
  }

  Status Ambiguous(std::string_view key, const std::vector<std::size_t>& candidates) const {
    std::vector<std::string> described;
    for (std::size_t i : candidates) described.push_back(Describe(countries[i]));
    return Status::NotFound("ambiguous country " + Quoted(key) + ": it could be " +
                            JoinAlternatives(described, " or ") +
                            "; use an ISO3 code or a COW number");
  }

  Status Unknown(std::string_view key) const;
};

Status CountryRegistry::Impl::Unknown(std::string_view key) const {
  std::string probe = internal::NormalizeCountryName(key);
  if (probe.empty()) probe = internal::FoldToAscii(key);
  // Allow about one typo per four letters, at most three.
  const std::size_t cap = probe.size() <= 4 ? 1 : probe.size() <= 8 ? 2 : 3;
  constexpr std::size_t kMinPrefix = 3;
  std::vector<std::size_t> best(countries.size(), cap + 1);
  for (const auto& [text, index] : suggestion_pool) {
    std::size_t d = internal::EditDistance(probe, text, cap);
    // A prefix ("bosn" of "bosnia and herzegovina") counts as one edit.
    if (probe.size() >= kMinPrefix && text.compare(0, probe.size(), probe) == 0) {
      d = std::min<std::size_t>(d, 1);
    }
    best[index] = std::min(best[index], d);
  }
  const std::size_t min_distance =
      best.empty() ? cap + 1 : *std::min_element(best.begin(), best.end());
  std::vector<std::size_t> picks;
  if (min_distance <= cap) {
    for (std::size_t i = 0; i < countries.size(); ++i) {
      if (best[i] == min_distance) picks.push_back(i);
    }
  }
  // COW states before entities without a code, then by COW code.
  std::stable_sort(picks.begin(), picks.end(), [this](std::size_t a, std::size_t b) {
    return (countries[a].ccode == 0) < (countries[b].ccode == 0);
  });
  if (picks.size() > kMaxSuggestions) picks.resize(kMaxSuggestions);
  std::string message = "unknown country " + Quoted(key);
  if (picks.empty()) {
    return Status::NotFound(message +
                            ": no ISO3, ISO2, COW code or English name matches (try e.g. "
                            "'CHN', 'CN', '710' or 'China')");
  }
  std::vector<std::string> described;
  for (std::size_t i : picks) described.push_back(Describe(countries[i]));
  return Status::NotFound(message + ": did you mean " + JoinAlternatives(described, " or ") + "?");
}

Result<CountryRegistry> CountryRegistry::Load(const std::string& data_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(data_dir, ec)) {
    return Status::NotFound("country registry: data directory '" + data_dir +
                            "' does not exist or is not a directory; it must hold " +
                            std::string(kCodelistFile) + " and " + std::string(kStatesFile) +
                            " (the shared data bundle)");
  }
  const std::string codelist_path = (fs::path(data_dir) / kCodelistFile).string();
  const std::string states_path = (fs::path(data_dir) / kStatesFile).string();
  for (const std::string& path : {codelist_path, states_path}) {
    if (!fs::exists(path, ec)) {
      return Status::NotFound("country registry: '" + path +
                              "' is missing (is the data directory complete?)");
    }
  }
  auto codelist_text = internal::ReadWholeFile(codelist_path);
  if (!codelist_text.ok()) return codelist_text.status();
  auto states_text = internal::ReadWholeFile(states_path);
  if (!states_text.ok()) return states_text.status();
  if (Status s = internal::ValidateUtf8(codelist_path, *codelist_text); !s.ok()) return s;
  if (Status s = internal::ValidateUtf8(states_path, *states_text); !s.ok()) return s;
  auto codelist = ParseCodelist(codelist_path, *codelist_text);
  if (!codelist.ok()) return codelist.status();
  auto states = ParseStates(states_path, *states_text);
  if (!states.ok()) return states.status();

  // COW states first: COW is the authority on which states exist.
  std::map<int, Entry> by_ccode;
  std::map<int, std::size_t> first_line;
  for (const StateRow& row : *states) {
    auto [it, inserted] = by_ccode.try_emplace(row.ccode);
    Entry& e = it->second;
    auto where = [&](int column) {
      return states_path + ":" + std::to_string(row.line) + ":" + std::to_string(column) + ": ";
    };
    if (inserted) {
      e.country.ccode = row.ccode;
      e.country.cowc = row.abb;
      e.country.name = row.name;
      e.primary_names.push_back(row.name);
      first_line[row.ccode] = row.line;
    } else if (e.country.cowc != row.abb || e.country.name != row.name) {
      return Status::Data(where(1) + "COW code " + std::to_string(row.ccode) + " is '" + row.abb +
                          "' " + row.name + " here but '" + e.country.cowc + "' " + e.country.name +
                          " on line " + std::to_string(first_line[row.ccode]));
    } else if (row.spell.start <= e.country.spells.back().end) {
      return Status::Data(where(4) + "spell of " + row.name +
                          " starts before its previous spell ends (spells must be in order)");
    }
    e.country.spells.push_back(row.spell);
  }
  std::map<std::string, int> cowc_owner;
  for (const auto& [ccode, e] : by_ccode) {
    auto [it, inserted] = cowc_owner.try_emplace(e.country.cowc, ccode);
    if (!inserted) {
      return Status::Data(states_path + ":" + std::to_string(first_line[ccode]) +
                          ":1: COW letters '" + e.country.cowc + "' belong to " +
                          std::to_string(it->second) + " and " + std::to_string(ccode));
    }
  }

  // Then countrycode's rows: codes and names for COW states, and entities.
  std::vector<Entry> entities;
  std::map<std::string, std::size_t> iso3_line, iso2_line, cowc_line;
  std::map<int, std::size_t> cown_line;
  auto merge_target = [](std::string_view name) -> int {
    for (const auto& merge : internal::CodelistMerges()) {
      if (merge.codelist_name == name) return merge.ccode;
    }
    return 0;
  };
  for (const CodelistRow& row : codelist->rows) {
    auto where = [&](std::size_t column) {
      return codelist_path + ":" + std::to_string(row.line) + ":" + std::to_string(column) + ": ";
    };
    for (auto [code, seen, column] : {std::tuple{&row.iso3, &iso3_line, codelist->iso3_column},
                                      std::tuple{&row.iso2, &iso2_line, codelist->iso2_column},
                                      std::tuple{&row.cowc, &cowc_line, codelist->cowc_column}}) {
      if (code->empty() || (column == codelist->cowc_column && row.cown == 0)) continue;
      auto [it, inserted] = seen->try_emplace(*code, row.line);
      if (!inserted) {
        return Status::Data(where(column) + "code '" + *code + "' of " + row.name +
                            " is also used on line " + std::to_string(it->second));
      }
    }
    if (row.cown != 0) {
      auto [it, inserted] = cown_line.try_emplace(row.cown, row.line);
      if (!inserted) {
        return Status::Data(where(codelist->cown_column) + "COW code " + std::to_string(row.cown) +
                            " of " + row.name + " is also used on line " +
                            std::to_string(it->second));
      }
    }
    const int target = row.cown != 0 ? row.cown : merge_target(row.name);
    Entry* e = nullptr;
    if (target != 0) {
      auto it = by_ccode.find(target);
      if (it == by_ccode.end()) {
        return Status::Data(where(codelist->cown_column) + "COW code " + std::to_string(target) +
                            " of " + row.name + " is not in " + states_path);
      }
      e = &it->second;
      if (row.cown != 0 && row.cowc != e->country.cowc) {
        return Status::Data(where(codelist->cowc_column) + "COW letters '" + row.cowc + "' of " +
                            row.name + " differ from '" + e->country.cowc + "' in " + states_path);
      }
      for (auto [mine, theirs, column] :
           {std::tuple{&e->country.iso3, &row.iso3, codelist->iso3_column},
            std::tuple{&e->country.iso2, &row.iso2, codelist->iso2_column}}) {
        if (theirs->empty()) continue;
        if (!mine->empty() && *mine != *theirs) {
          return Status::Data(where(column) + row.name + " would give COW " +
                              std::to_string(target) + " a second ISO code '" + *theirs + "'");
        }
        *mine = *theirs;
      }
      if (row.cown != 0) {
        e->country.name = row.name;  // countrycode's short names read better than COW's
        if (row.gwn != 0) e->country.gwcode = row.gwn;
      } else if (e->country.gwcode == 0) {
        e->country.gwcode = row.gwn;
      }
      e->primary_names.push_back(row.name);
    } else {
      entities.emplace_back();
      e = &entities.back();
      e->country.name = row.name;
      e->country.iso3 = row.iso3;
      e->country.iso2 = row.iso2;
      e->country.gwcode = row.gwn;
      e->primary_names.push_back(row.name);
    }
    for (const std::string& other : row.other_names) e->secondary_names.push_back(other);
    if (!row.regex.empty()) e->patterns.push_back({row.regex, row.line, row.regex_column});
  }

  for (const auto& rule : internal::NameOverrides()) {
    auto it = by_ccode.find(rule.ccode);
    if (it == by_ccode.end()) {
      return MissingRuleState(states_path, rule.ccode, "its display name");
    }
    it->second.country.name = std::string(rule.name);
  }
  for (auto& [ccode, e] : by_ccode) {
    for (const auto& rule : internal::LineagePeriods()) {
      if (rule.country == ccode) e.country.lineage.push_back(rule.period);
    }
    if (e.country.lineage.empty()) e.country.lineage.push_back({ccode, kEarliestDate, kLatestDate});
  }
  for (const auto& rule : internal::LineagePeriods()) {
    for (int ccode : {rule.country, rule.period.ccode}) {
      if (!by_ccode.count(ccode)) return MissingRuleState(states_path, ccode, "a succession rule");
    }
  }

  // Final order: entities (ccode 0) by name, then states by COW code.
  std::sort(entities.begin(), entities.end(),
            [](const Entry& a, const Entry& b) { return a.country.name < b.country.name; });
  for (auto& [ccode, e] : by_ccode) entities.push_back(std::move(e));
  std::vector<Entry>& entries = entities;

  auto impl = std::make_unique<Impl>();
  impl->by_ccode.fill(-1);
  impl->countries.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Country& c = entries[i].country;
    if (c.ccode != 0) {
      impl->by_ccode[c.ccode] = static_cast<int>(i);
      impl->cowc.emplace(c.cowc, i);
    }
    if (!c.iso3.empty()) impl->iso3.emplace(c.iso3, i);
    if (!c.iso2.empty()) impl->iso2.emplace(c.iso2, i);
    impl->countries.push_back(c);
  }

  auto add_name = [&impl](std::string_view name, int level, std::size_t index) {
    std::string key = internal::NormalizeCountryName(name);
    if (key.empty()) return;
    auto [it, inserted] = impl->names.try_emplace(key, NameSlot{level, {index}});
    NameSlot& slot = it->second;
    if (inserted || slot.level < level) return;
    if (slot.level > level) {
      slot = NameSlot{level, {index}};
    } else if (std::find(slot.countries.begin(), slot.countries.end(), index) ==
               slot.countries.end()) {
      slot.countries.push_back(index);
    }
  };
  for (const auto& alias : internal::CountryAliases()) {
    const Country* target = impl->ByCcode(alias.ccode);
    if (target == nullptr) {
      return MissingRuleState(states_path, alias.ccode,
                              "the alias '" + std::string(alias.name) + "'");
    }
    add_name(alias.name, kAliasLevel, static_cast<std::size_t>(target - impl->countries.data()));
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const bool state = entries[i].country.ccode != 0;
    for (const auto& name : entries[i].primary_names) {
      add_name(name, state ? kPrimaryLevel : kEntityLevel, i);
    }
    for (const auto& name : entries[i].secondary_names) {
      add_name(name, state ? kSecondaryLevel : kEntityLevel, i);
    }
  }
  // Suggestions come from every name key (once per country) and ISO3 code.
  for (const auto& [key, slot] : impl->names) {
    for (std::size_t i : slot.countries) impl->suggestion_pool.emplace_back(key, i);
  }
  for (const auto& [code, i] : impl->iso3) {
    impl->suggestion_pool.emplace_back(internal::FoldToAscii(code), i);
  }
  // Pool order decides nothing (best distance per country), but keep it
  // stable across runs for reproducible timing.
  std::sort(impl->suggestion_pool.begin(), impl->suggestion_pool.end());

  for (std::size_t i = 0; i < entries.size(); ++i) {
    for (const auto& pattern : entries[i].patterns) {
      try {
        impl->patterns.emplace_back(
            std::regex(pattern.text, std::regex::ECMAScript | std::regex::icase), i);
      } catch (const std::regex_error& error) {
        return Status::Data(codelist_path + ":" + std::to_string(pattern.line) + ":" +
                            std::to_string(pattern.column) + ": name pattern does not compile (" +
                            error.what() + ") (value " + Quoted(pattern.text) + ")");
      }
    }
  }
  return CountryRegistry(std::move(impl));
}

CountryRegistry::CountryRegistry(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CountryRegistry::CountryRegistry(CountryRegistry&&) noexcept = default;
CountryRegistry& CountryRegistry::operator=(CountryRegistry&&) noexcept = default;
CountryRegistry::~CountryRegistry() = default;

Result<const Country*> CountryRegistry::Find(std::string_view key) const {
  const std::string_view k = Trim(key);
  if (k.empty()) {
    return Status::Usage(
        "empty country key: give an ISO3 code ('CHN'), a COW number ('710') or a name ('China')");
  }
  if (k.size() > kMaxKeyLength) {
    return Status::NotFound("unknown country " + Quoted(k) + ": keys are at most " +
                            std::to_string(kMaxKeyLength) + " characters");
  }
  if (AllDigits(k)) {
    long long number = 0;
    if (internal::ParseInt(k, number) && number <= kMaxCcode) {
      if (const Country* c = impl_->ByCcode(static_cast<int>(number))) return c;
    }
    return Status::NotFound("unknown country " + Quoted(k) + ": numbers are COW codes and " +
                            std::string(kStatesFile) + " has no state " + std::string(k));
  }
  if (AllAsciiLetters(k) && (k.size() == 2 || k.size() == 3)) {
    if (const Country* c = impl_->ByCode(Upper(k))) return c;
  }
  const std::string normalized = internal::NormalizeCountryName(k);
  if (auto found = impl_->ByName(normalized, k)) return *found;
  // "U.S.A." or "u k" normalise to a code-sized word.
  if (AllAsciiLetters(normalized) && (normalized.size() == 2 || normalized.size() == 3)) {
    if (const Country* c = impl_->ByCode(Upper(normalized))) return c;
  }
  // "Korea, South" and "Congo, Democratic Republic of the" as lists write them.
  if (auto comma = k.find(',');
      comma != std::string_view::npos && k.find(',', comma + 1) == k.npos) {
    std::string swapped = std::string(k.substr(comma + 1)) + " " + std::string(k.substr(0, comma));
    if (auto found = impl_->ByName(internal::NormalizeCountryName(swapped), k)) return *found;
  }
  // Entities that are no state but that a state's name pattern would match.
  for (const auto& entity : internal::NonStates()) {
    if (internal::NormalizeCountryName(entity.name) == normalized) {
      return Status::NotFound(Quoted(k) + " names no state: " + std::string(entity.reason));
    }
  }
  // Last: countrycode's name patterns, for long official and variant names.
  const std::string folded = internal::FoldToAscii(k);
  std::vector<std::size_t> matches;
  for (const auto& [pattern, index] : impl_->patterns) {
    if (std::regex_search(folded, pattern) &&
        std::find(matches.begin(), matches.end(), index) == matches.end()) {
      matches.push_back(index);
    }
  }
  if (matches.size() == 1) return impl_->ByIndex(matches.front());
  if (matches.size() > 1) return impl_->Ambiguous(k, matches);
  return impl_->Unknown(k);
}

const Country* CountryRegistry::ByCcode(int ccode) const {
  return impl_->ByCcode(ccode);
}

std::optional<int> CountryRegistry::CcodeForIso3(std::string_view iso3, DateKey date) const {
  const std::string code = Upper(Trim(iso3));
  if (auto it = impl_->iso3.find(code); it != impl_->iso3.end()) {
    return CcodeOn(impl_->countries[it->second], date);
  }
  for (auto table : {internal::WithdrawnIso3Codes(), internal::CorpusIso3Codes()}) {
    if (const auto* rule = internal::FindDatedCode(table, code, date)) return rule->ccode;
  }
  return std::nullopt;
}

std::optional<int> CountryRegistry::CcodeForIso2(std::string_view iso2, DateKey date) const {
  const std::string code = Upper(Trim(iso2));
  if (auto it = impl_->iso2.find(code); it != impl_->iso2.end()) {
    return CcodeOn(impl_->countries[it->second], date);
  }
  if (const auto* rule = internal::FindDatedCode(internal::WithdrawnIso2Codes(), code, date)) {
    return rule->ccode;
  }
  return std::nullopt;
}

std::optional<int> CountryRegistry::UnSeatOccupant(std::string_view iso3, DateKey date) const {
  const std::string code = Upper(Trim(iso3));
  if (const auto* rule = internal::FindDatedCode(internal::UnSeatIso3Codes(), code, date)) {
    return rule->ccode;
  }
  return std::nullopt;
}

std::optional<int> CountryRegistry::CcodeOn(const Country& country, DateKey date) const {
  for (const CodePeriod& period : country.lineage) {
    if (period.start <= date && date <= period.end) return period.ccode;
  }
  return std::nullopt;
}

const std::vector<Country>& CountryRegistry::all() const {
  return impl_->countries;
}

std::string ShortKey(const Country& country) {
  return country.iso3.empty() ? country.cowc : country.iso3;
}

}  // namespace entente
