#include "ingest/military_common.h"

#include <algorithm>
#include <cctype>

namespace entente::internal {
namespace {

// Country names in the military datasets that CountryRegistry::Find lacks or
// resolves wrongly. An empty iso3 means "not a state": the rows are skipped
// and counted. (Candidates for src/core/country_rules.cc; see
// docs/military.md.)
struct DatasetName {
  std::string_view name;
  std::string_view iso3;
  std::string_view reason;
};
constexpr DatasetName kDatasetNames[] = {
    {"st. christopher", "KNA", "MME's old name for St. Kitts and Nevis (COW 60)"},
    {"Georigia", "GEO", "misspelling of Georgia in us_bases.csv"},
    {"Northern Cyprus", "",
     "the Turkish Republic of Northern Cyprus is no COW state (Find would give Cyprus)"},
    {"Baltic States", "", "MME: a group of states, not one"},
    {"NATO", "", "an organisation, not a state"},
    {"-9", "", "MME's code for an unknown participant"},
};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

int MilitaryNameToCcode(const CountryRegistry& countries, std::string_view name, DateKey date,
                        std::string* why) {
  auto say = [&](std::string text) {
    if (why != nullptr) *why = std::move(text);
    return 0;
  };
  if (name.empty()) return say("empty name");
  // SIPRI marks non-state armed groups with '*' and organisations with '**';
  // never look those up (the name patterns would find the host state).
  if (name.back() == '*') return say("not a state (SIPRI's * marks rebels, ** organisations)");
  if (name.size() >= 7 && EqualsIgnoreCase(name.substr(0, 7), "unknown")) {
    return say("unknown party");
  }
  std::string_view key = name;
  for (const DatasetName& d : kDatasetNames) {
    if (EqualsIgnoreCase(d.name, name)) {
      if (d.iso3.empty()) return say(std::string(d.reason));
      key = d.iso3;
      break;
    }
  }
  auto found = countries.Find(key);
  if (!found.ok()) return say("no country of that name");
  const Country& country = **found;
  if (country.ccode == 0) return say("not a COW state (" + country.name + ")");
  auto ccode = countries.CcodeOn(country, date);
  if (!ccode) return say("no COW code on that date");
  return *ccode;
}

Result<std::vector<std::size_t>> MilitaryHeaderColumns(CsvReader& csv,
                                                       const std::vector<std::string_view>& names) {
  if (!csv.Next()) {
    if (!csv.status().ok()) return csv.status();
    return Status::Data(csv.source_name() + ":1: empty file (expected a header row)");
  }
  std::vector<std::size_t> out;
  for (std::string_view name : names) {
    auto it = std::find(csv.fields().begin(), csv.fields().end(), name);
    if (it == csv.fields().end()) {
      std::string have;
      for (auto f : csv.fields()) {
        if (have.size() > 200) {
          have += ", ...";
          break;
        }
        AppendJoined(have, ", ", f);
      }
      return Status::Data(csv.source_name() + ":" + std::to_string(csv.line()) +
                          ": missing column '" + std::string(name) + "' (the header has " + have +
                          ")");
    }
    out.push_back(static_cast<std::size_t>(it - csv.fields().begin()));
  }
  return out;
}

bool ParseMilitaryYear(std::string_view text, int& year) {
  long long v = 0;
  if (!ParseInt(text, v) || v < kMilitaryFirstYear || v > kMilitaryLastYear) return false;
  year = static_cast<int>(v);
  return true;
}

std::string MilitaryReference(std::string_view source_name, std::size_t line) {
  return std::string(source_name) + ":" + std::to_string(line);
}

std::string UnmappedNames::Note(std::string_view what) const {
  std::int64_t total = 0;
  std::string list;
  for (const auto& [name, entry] : names_) {
    total += entry.first;
    AppendJoined(list, "; ",
                 ("'" + name + "' (" + std::to_string(entry.first) + ", " + entry.second + ")"));
  }
  return std::to_string(total) + " " + std::string(what) + " skipped: " + list;
}

}  // namespace entente::internal
