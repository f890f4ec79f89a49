// The country registry against the real shared data (ENTENTE_SHARED_DATA):
// every COW state and countrycode row is findable, the documented collisions
// and succession rules hold, and the ISO3/ISO2 columns of the UNGA files map
// to the COW codes under which Voeten's file records the same votes.
#include "entente/countries.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/country_rules.h"
#include "core/csv_reader.h"
#include "support/shared_registry.h"

namespace entente {
namespace {

namespace fs = std::filesystem;
using internal::CsvReader;

const std::string kData = ENTENTE_SHARED_DATA;

// The registry is immutable: load it once for the whole suite.
using testing_support::Registry;

int CcodeOf(std::string_view key) {
  auto found = Registry().Find(key);
  EXPECT_TRUE(found.ok()) << "'" << key << "': " << found.status().message();
  return found.ok() ? (*found)->ccode : -1;
}

// Calls `visit` with each record of a shared CSV file, header first; the
// big vote files are streamed, not copied.
template <typename Visit>
void ForEachRecord(const std::string& relative_path, Visit visit) {
  const std::string path = kData + "/" + relative_path;
  auto text = internal::ReadWholeFile(path);
  ASSERT_TRUE(text.ok()) << text.status().message();
  CsvReader csv(path, *text);
  while (csv.Next()) visit(csv.fields());
  ASSERT_TRUE(csv.status().ok()) << csv.status().message();
}

// The records of a small shared CSV file, header first.
std::vector<std::vector<std::string>> ReadCsv(const std::string& relative_path) {
  const std::string path = kData + "/" + relative_path;
  auto text = internal::ReadWholeFile(path);
  EXPECT_TRUE(text.ok()) << text.status().message();
  std::vector<std::vector<std::string>> rows;
  if (!text.ok()) return rows;
  CsvReader csv(path, *text);
  while (csv.Next()) rows.emplace_back(csv.fields().begin(), csv.fields().end());
  EXPECT_TRUE(csv.status().ok()) << csv.status().message();
  return rows;
}

template <typename Header>
std::size_t Column(const Header& header, std::string_view name) {
  auto it = std::find(header.begin(), header.end(), name);
  EXPECT_NE(it, header.end()) << name;
  return static_cast<std::size_t>(it - header.begin());
}

int Number(std::string_view text) {
  long long value = 0;
  EXPECT_TRUE(internal::ParseInt(text, value)) << "'" << text << "'";
  return static_cast<int>(value);
}

DateKey ParseIsoDate(std::string_view text) {  // "1990-10-03"
  EXPECT_EQ(text.size(), 10u) << text;
  return Number(text.substr(0, 4)) * 10000 + Number(text.substr(5, 2)) * 100 +
         Number(text.substr(8, 2));
}

TEST(CountryRegistryTest, AllIsOrderedAndHoldsEveryCowStateOnce) {
  const auto& all = Registry().all();
  auto states = ReadCsv("cow/states.csv");
  std::set<int> cow;
  for (std::size_t i = 1; i < states.size(); ++i) cow.insert(Number(states[i][1]));
  std::vector<int> registry_codes;
  for (const Country& c : all) {
    if (c.ccode != 0) registry_codes.push_back(c.ccode);
  }
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end(),
                             [](const Country& a, const Country& b) { return a.ccode < b.ccode; }));
  EXPECT_EQ(std::set<int>(registry_codes.begin(), registry_codes.end()), cow);
  EXPECT_EQ(registry_codes.size(), cow.size()) << "a COW code appears twice";
  EXPECT_EQ(cow.size(), 217u);
  // 292 countrycode rows: 215 with a COW code, 9 merged into COW states
  // (country_rules.cc), 68 entities; plus 260 and 730, which only COW lists.
  EXPECT_EQ(all.size(), 217u + 68u);
  EXPECT_EQ(Registry().ByCcode(0), nullptr);
  EXPECT_EQ(Registry().ByCcode(-5), nullptr);
  EXPECT_EQ(Registry().ByCcode(100000), nullptr);
}

// Every COW state by number and by letters; where ISO3 takes the letters,
// the number and the COW name still reach the state.
TEST(CountryRegistryTest, EveryCowStateResolvesByNumberLettersAndName) {
  const std::map<std::string, int> iso3_wins = {{"AUS", 900}, {"CZE", 316}, {"MNG", 712},
                                                {"SWZ", 572}, {"SLV", 92},  {"KOR", 732},
                                                {"MAC", 0}};
  auto states = ReadCsv("cow/states.csv");
  std::size_t collisions = 0;
  for (std::size_t i = 1; i < states.size(); ++i) {
    const std::string& letters = states[i][0];
    const int ccode = Number(states[i][1]);
    const std::string& name = states[i][2];
    EXPECT_EQ(CcodeOf(states[i][1]), ccode);
    EXPECT_EQ(CcodeOf(name), ccode) << name;
    ASSERT_NE(Registry().ByCcode(ccode), nullptr);
    EXPECT_EQ(Registry().ByCcode(ccode)->cowc, letters);
    if (auto it = iso3_wins.find(letters); it != iso3_wins.end()) {
      ++collisions;
      EXPECT_EQ(CcodeOf(letters), it->second) << letters << " is an ISO3 code first";
    } else {
      EXPECT_EQ(CcodeOf(letters), ccode) << letters;
    }
  }
  EXPECT_EQ(collisions, 9u);  // 7 codes; Austria and Czechoslovakia have two spells each
}

// Every countrycode row: ISO3, ISO2 and each English name lead to the row's
// country (its COW state, the state it is merged into, or itself).
TEST(CountryRegistryTest, EveryCodelistRowResolves) {
  auto rows = ReadCsv("countries/codelist.csv");
  ASSERT_EQ(rows.size(), 293u);  // header + 292
  const auto& header = rows[0];
  const std::size_t name = Column(header, "country.name.en");
  const std::size_t cown = Column(header, "cown");
  const std::size_t iso2 = Column(header, "iso2c");
  const std::size_t iso3 = Column(header, "iso3c");
  std::vector<std::size_t> other_names;
  for (auto column : {"cow.name", "iso.name.en", "un.name.en", "p4.name", "vdem.name"}) {
    other_names.push_back(Column(header, column));
  }
  std::map<std::string, int> merged;
  for (const auto& merge : internal::CodelistMerges()) {
    merged[std::string(merge.codelist_name)] = merge.ccode;
  }
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    SCOPED_TRACE("codelist.csv line " + std::to_string(i + 1) + " " + row[name]);
    auto by_name = Registry().Find(row[name]);
    ASSERT_TRUE(by_name.ok()) << by_name.status().message();
    const Country* country = *by_name;
    if (!row[cown].empty()) {
      EXPECT_EQ(country->ccode, Number(row[cown]));
    } else if (merged.count(row[name])) {
      EXPECT_EQ(country->ccode, merged[row[name]]);
    } else {
      EXPECT_EQ(country->ccode, 0);
      EXPECT_EQ(country->name, row[name]);
    }
    if (!row[iso3].empty()) {
      EXPECT_EQ(CcodeOf(row[iso3]), country->ccode);
      EXPECT_EQ(Registry().Find(row[iso3]).value(), country);
    }
    if (!row[iso2].empty()) {
      EXPECT_EQ(Registry().Find(row[iso2]).value(), country);
    }
    for (std::size_t column : other_names) {
      if (row[column].empty()) continue;
      auto found = Registry().Find(row[column]);
      ASSERT_TRUE(found.ok()) << row[column] << ": " << found.status().message();
      EXPECT_EQ(*found, country) << row[column];
    }
  }
}

TEST(CountryRegistryTest, EveryVoetenCcodeIsKnown) {
  std::set<int> ccodes;
  std::size_t ccode_column = 0;
  bool header = true;
  ForEachRecord("unga/voeten_votes_1946_2015.csv", [&](const auto& fields) {
    if (header) {
      ccode_column = Column(fields, "ccode");
      header = false;
    } else {
      ccodes.insert(Number(fields[ccode_column]));
    }
  });
  EXPECT_EQ(ccodes.size(), 200u);
  for (int ccode : ccodes) EXPECT_NE(Registry().ByCcode(ccode), nullptr) << ccode;
}

TEST(CountryRegistryTest, IssueAliases) {
  struct Case {
    std::string_view key;
    int ccode;
  };
  const Case cases[] = {
      {"PRC", 710},
      {"People's Republic of China", 710},
      {"China", 710},
      {"CHN", 710},
      {"cn", 710},
      {"710", 710},
      {"USSR", 365},
      {"Soviet Union", 365},
      {"Russia", 365},
      {"UK", 200},
      {"Britain", 200},
      {"Great Britain", 200},
      {"South Korea", 732},
      {"ROK", 732},
      {"Republic of Korea", 732},
      {"North Korea", 731},
      {"DPRK", 731},
      {"US", 2},
      {"USA", 2},
      {"United States of America", 2},
      {"America", 2},
      {"West Germany", 260},
      {"FRG", 260},
      {"East Germany", 265},
      {"GDR", 265},
      {"North Vietnam", 816},
      {"South Vietnam", 817},
      {"North Yemen", 678},
      {"South Yemen", 680},
      {"Burma", 775},
      {"Ivory Coast", 437},
      {"Czech Republic", 316},
      {"Czechia", 316},
      {"Swaziland", 572},
      {"Macedonia", 343},
      {"Zaire", 490},
      {"Taiwan", 713},
      {"ROC", 713},
      {"Serbia", 345},
      {"SRB", 345},
      {"Yugoslavia", 345},
      {"Germany", 255},
      {"Yemen", 679},
      {"Vietnam", 816},
      {"Czechoslovakia", 315},
      {"Slovakia", 317},
      {"AUL", 900},
      // Case, white space and punctuation do not matter in names.
      {"  china  ", 710},
      {"CHINA", 710},
      {"china.", 710},
      {"U.S.A.", 2},
      {"u.k.", 200},
      {"Cote d'Ivoire", 437},
      {"Côte d’Ivoire", 437},
      {"Saint Kitts and Nevis", 60},
      {"Korea, South", 732},
      {"Korea, North", 731},
      {"Guinea Bissau", 404},
      // Long official names through countrycode's patterns.
      {"Iran, Islamic Republic of", 630},
      {"Congo, The Democratic Republic of the", 490},
      {"Bolivarian Republic of Venezuela", 101},
      {"Kingdom of Spain", 230},
      // The empty-code rows of un_votes.csv.
      {"Federal Republic of Germany", 260},
      {"Yemen Arab Republic", 678},
      {"Zanzibar", 511},
  };
  for (const Case& c : cases) EXPECT_EQ(CcodeOf(c.key), c.ccode) << c.key;
}

// Every compiled-in key reaches the state its rule names: no ISO or COW code
// shadows an alias and every merge took place.
TEST(CountryRegistryTest, EveryRuleKeyResolves) {
  for (const auto& alias : internal::CountryAliases()) {
    EXPECT_EQ(CcodeOf(alias.name), alias.ccode) << alias.name;
  }
  for (auto table : {internal::WithdrawnIso3Codes(), internal::WithdrawnIso2Codes()}) {
    for (const auto& code : table) {
      if (internal::FindAnyDatedCode(table, code.code) != &code) continue;  // undated: first
      EXPECT_EQ(CcodeOf(code.code), code.ccode) << code.code;
    }
  }
  for (const auto& merge : internal::CodelistMerges()) {
    EXPECT_EQ(CcodeOf(merge.codelist_name), merge.ccode) << merge.codelist_name;
  }
}

// "Northern Cyprus" contains "cyprus", which Cyprus's name pattern matches;
// the registry must refuse such entities rather than return their neighbour.
TEST(CountryRegistryTest, NonStatesAreRefusedNotMatchedToTheirNeighbour) {
  for (const auto& entity : internal::NonStates()) {
    auto found = Registry().Find(entity.name);
    ASSERT_FALSE(found.ok()) << entity.name << " resolved to " << (*found)->name;
    EXPECT_EQ(found.status().code(), Status::Code::kNotFound) << entity.name;
    EXPECT_NE(found.status().message().find("names no state"), std::string::npos)
        << found.status().message();
  }
  EXPECT_EQ(CcodeOf("Cyprus"), 352);
  EXPECT_EQ(CcodeOf("Republic of Cyprus"), 352);
  EXPECT_EQ(CcodeOf("st. christopher"), 60);  // MME's spelling
}

// ISO3 first, ISO2 by length, then COW letters, then names.
TEST(CountryRegistryTest, CollisionsResolveIso3First) {
  EXPECT_EQ(CcodeOf("AUS"), 900);  // ISO3 Australia, not COW Austria
  EXPECT_EQ(CcodeOf("aus"), 900);
  EXPECT_EQ(CcodeOf("305"), 305);
  EXPECT_EQ(CcodeOf("Austria"), 305);
  EXPECT_EQ(CcodeOf("AUT"), 305);
  EXPECT_EQ(CcodeOf("CZE"), 316);  // ISO3 Czechia, not COW Czechoslovakia
  EXPECT_EQ(CcodeOf("315"), 315);
  EXPECT_EQ(CcodeOf("CSK"), 315);
  EXPECT_EQ(CcodeOf("CS"), 315);
  EXPECT_EQ(CcodeOf("CZR"), 316);
  EXPECT_EQ(CcodeOf("MNG"), 712);  // ISO3 Mongolia, not COW Montenegro
  EXPECT_EQ(CcodeOf("341"), 341);
  EXPECT_EQ(CcodeOf("Montenegro"), 341);
  EXPECT_EQ(CcodeOf("MNE"), 341);
  EXPECT_EQ(CcodeOf("MON"), 712);
  EXPECT_EQ(CcodeOf("SWZ"), 572);  // ISO3 Eswatini, not COW Switzerland
  EXPECT_EQ(CcodeOf("Switzerland"), 225);
  EXPECT_EQ(CcodeOf("SLV"), 92);  // ISO3 El Salvador, not COW Slovenia
  EXPECT_EQ(CcodeOf("Slovenia"), 349);
  EXPECT_EQ(CcodeOf("KOR"), 732);  // ISO3 South Korea, not COW Korea (1887-1905)
  EXPECT_EQ(CcodeOf("730"), 730);
  EXPECT_EQ(CcodeOf("Korea"), 730);  // COW's exact name for 730
  EXPECT_EQ(CcodeOf("MAC"), 0);      // ISO3 Macao (no COW code), not COW Macedonia
  EXPECT_EQ(Registry().Find("MAC").value()->iso3, "MAC");
  EXPECT_EQ(CcodeOf("343"), 343);
  // ISO2 and ISO3 never collide: the length decides.
  EXPECT_EQ(CcodeOf("AU"), 900);
  EXPECT_EQ(CcodeOf("AT"), 305);
  // Numbers are COW codes, never ISO numeric codes (840 is the USA in ISO).
  EXPECT_EQ(CcodeOf("840"), 840);
  EXPECT_EQ(CcodeOf("002"), 2);
}

TEST(CountryRegistryTest, SuccessionAndDatedCodes) {
  const auto& r = Registry();
  auto iso3 = [&r](std::string_view code, int y, int m, int d) {
    return r.CcodeForIso3(code, MakeDateKey(y, m, d)).value_or(-1);
  };
  auto iso2 = [&r](std::string_view code, int y, int m, int d) {
    return r.CcodeForIso2(code, MakeDateKey(y, m, d)).value_or(-1);
  };
  EXPECT_EQ(iso3("DEU", 1980, 1, 1), 260);
  EXPECT_EQ(iso3("DEU", 1955, 5, 5), 260);
  EXPECT_EQ(iso3("DEU", 1990, 10, 2), 260);
  EXPECT_EQ(iso3("DEU", 1990, 10, 3), 255);
  EXPECT_EQ(iso3("DEU", 2020, 1, 1), 255);
  EXPECT_EQ(iso3("DEU", 1950, 1, 1), 260);  // occupation years: see docs/countries.md
  EXPECT_EQ(iso3("DEU", 1900, 1, 1), 255);
  EXPECT_EQ(iso3("deu", 1980, 1, 1), 260);
  EXPECT_EQ(iso3("YEM", 1980, 1, 1), 678);
  EXPECT_EQ(iso3("YEM", 1990, 5, 21), 678);
  EXPECT_EQ(iso3("YEM", 1990, 5, 22), 679);
  EXPECT_EQ(iso3("RUS", 1950, 1, 1), 365);
  EXPECT_EQ(iso3("RUS", 2020, 1, 1), 365);
  EXPECT_EQ(iso3("SRB", 1950, 1, 1), 345);
  EXPECT_EQ(iso3("SRB", 2020, 1, 1), 345);
  EXPECT_EQ(iso3("VNM", 1960, 1, 1), 816);
  EXPECT_EQ(iso3("VNM", 2020, 1, 1), 816);
  EXPECT_EQ(iso3("CZE", 1980, 1, 1), 316);  // a dissolution: no lineage to 315
  EXPECT_EQ(iso3("SVK", 1980, 1, 1), 317);
  EXPECT_EQ(iso3("CSK", 1980, 1, 1), 315);
  EXPECT_EQ(iso3("DDR", 1980, 1, 1), 265);
  EXPECT_EQ(iso3("YMD", 1980, 1, 1), 680);
  EXPECT_EQ(iso3("SUN", 1980, 1, 1), 365);
  EXPECT_EQ(iso3("YUG", 1980, 1, 1), 345);
  EXPECT_EQ(iso3("YDYE", 1980, 1, 1), 680);  // ungd/speakers.csv
  EXPECT_EQ(iso3("PKR", 2017, 9, 20), 731);  // ungd/speakers.csv typo, its year only
  EXPECT_EQ(iso3("PKR", 2018, 9, 20), -1);
  EXPECT_EQ(iso3("PRI", 2000, 1, 1), -1);  // Puerto Rico: no COW code
  EXPECT_EQ(iso3("XXX", 2000, 1, 1), -1);
  EXPECT_EQ(iso3("AUL", 2000, 1, 1), -1);  // COW letters are not ISO3 codes

  EXPECT_EQ(iso2("DE", 1980, 1, 1), 260);
  EXPECT_EQ(iso2("DE", 1991, 10, 3), 255);
  EXPECT_EQ(iso2("CS", 1980, 1, 1), 315);
  EXPECT_EQ(iso2("CS", 2004, 1, 1), 345);
  EXPECT_EQ(iso2("CS", 1998, 1, 1), -1);
  EXPECT_EQ(iso2("YU", 1960, 1, 1), 345);
  EXPECT_EQ(iso2("YU", 2019, 1, 1), 345);
  EXPECT_EQ(iso2("RS", 2019, 1, 1), 345);
  EXPECT_EQ(iso2("DD", 1980, 1, 1), 265);
  EXPECT_EQ(iso2("YD", 1980, 1, 1), 680);
  EXPECT_EQ(iso2("SU", 1980, 1, 1), 365);
  EXPECT_EQ(iso2("RU", 1980, 1, 1), 365);
  EXPECT_EQ(iso2("YE", 1980, 1, 1), 678);
  EXPECT_EQ(iso2("TW", 1960, 1, 1), 713);
  // The UN seat rule answers only for UN records; CHN is the PRC elsewhere.
  EXPECT_EQ(r.UnSeatOccupant("CHN", MakeDateKey(1969, 7, 1)), 713);
  EXPECT_EQ(r.UnSeatOccupant("chn", MakeDateKey(1971, 10, 24)), 713);
  EXPECT_EQ(r.UnSeatOccupant("CHN", MakeDateKey(1971, 10, 25)), std::nullopt);
  EXPECT_EQ(r.UnSeatOccupant("TWN", MakeDateKey(1969, 7, 1)), std::nullopt);
  EXPECT_EQ(iso3("CHN", 1969, 7, 1), 710);
  EXPECT_EQ(r.ByCcode(713)->iso3, "TWN");
  EXPECT_EQ(iso2("VN", 1980, 1, 1), 816);

  const Country* germany = r.ByCcode(255);
  ASSERT_NE(germany, nullptr);
  ASSERT_EQ(germany->lineage.size(), 3u);
  EXPECT_EQ(r.CcodeOn(*germany, MakeDateKey(1960, 1, 1)), 260);
  EXPECT_EQ(r.CcodeOn(*germany, MakeDateKey(1995, 1, 1)), 255);
  ASSERT_EQ(germany->spells.size(), 2u);
  EXPECT_EQ(germany->spells[0].start, MakeDateKey(1816, 1, 1));
  EXPECT_EQ(germany->spells[0].end, MakeDateKey(1945, 5, 8));
  EXPECT_EQ(germany->spells[1].start, MakeDateKey(1990, 10, 3));
  EXPECT_EQ(germany->iso3, "DEU");
  const Country* frg = r.Find("West Germany").value();
  EXPECT_EQ(r.CcodeOn(*frg, MakeDateKey(1980, 1, 1)), 260);
  EXPECT_EQ(r.CcodeOn(*frg, MakeDateKey(1990, 12, 1)), 255);  // as Voeten codes it
  const Country* gdr = r.Find("GDR").value();
  EXPECT_EQ(r.CcodeOn(*gdr, MakeDateKey(1980, 1, 1)), 265);
  EXPECT_EQ(r.CcodeOn(*gdr, MakeDateKey(2000, 1, 1)), 265);  // no lineage to 255
  const Country* yar = r.Find("Yemen Arab Republic").value();
  EXPECT_EQ(r.CcodeOn(*yar, MakeDateKey(1990, 12, 1)), 678);  // as Voeten codes it
  const Country* yemen = r.Find("YEM").value();
  EXPECT_EQ(yemen->ccode, 679);
  EXPECT_EQ(r.CcodeOn(*yemen, MakeDateKey(1980, 1, 1)), 678);
  const Country* russia = r.Find("USSR").value();
  EXPECT_EQ(russia->name, "Russia");
  EXPECT_EQ(r.CcodeOn(*russia, MakeDateKey(1950, 1, 1)), 365);
  const Country* serbia = r.ByCcode(345);
  EXPECT_EQ(serbia->name, "Serbia");
  EXPECT_EQ(serbia->iso3, "SRB");
  EXPECT_EQ(serbia->iso2, "RS");
  EXPECT_EQ(serbia->cowc, "YUG");
  const Country* puerto_rico = r.Find("Puerto Rico").value();
  EXPECT_EQ(puerto_rico->ccode, 0);
  EXPECT_FALSE(r.CcodeOn(*puerto_rico, MakeDateKey(2000, 1, 1)).has_value());
}

TEST(CountryRegistryTest, UnknownKeysSuggestNearestNames) {
  auto rusia = Registry().Find("Rusia");
  ASSERT_FALSE(rusia.ok());
  EXPECT_EQ(rusia.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(rusia.status().message(), "unknown country 'Rusia': did you mean Russia (RUS, 365)?");
  EXPECT_EQ(Registry().Find("Germny").status().message(),
            "unknown country 'Germny': did you mean Germany (DEU, 255)?");
  EXPECT_EQ(Registry().Find("Bosn").status().message(),
            "unknown country 'Bosn': did you mean Bosnia & Herzegovina (BIH, 346)?");
  EXPECT_EQ(Registry().Find("Czechoslovakai").status().message(),
            "unknown country 'Czechoslovakai': did you mean Czechoslovakia (315)?");
  auto nothing = Registry().Find("xyzzy");
  EXPECT_EQ(nothing.status().code(), Status::Code::kNotFound);
  EXPECT_NE(nothing.status().message().find("no ISO3, ISO2, COW code or English name"),
            std::string::npos);
  auto number = Registry().Find("999");
  EXPECT_EQ(number.status().code(), Status::Code::kNotFound);
  EXPECT_NE(number.status().message().find("COW codes"), std::string::npos);
  EXPECT_EQ(Registry().Find("   ").status().code(), Status::Code::kUsage);
  EXPECT_EQ(Registry().Find(std::string(5000, 'a')).status().code(), Status::Code::kNotFound);
  // A name two countrycode patterns match is reported, never guessed.
  auto ambiguous = Registry().Find("Virgin Islands of the United States");
  EXPECT_EQ(ambiguous.status().code(), Status::Code::kNotFound);
  EXPECT_NE(ambiguous.status().message().find("ambiguous"), std::string::npos);
}

// The ISO3 columns of the wide UNGA file carry, roll call by roll call, the
// votes Voeten records for CcodeForIso3(column, date): 800,098 votes of
// 1946-2015 agree. Before 1993 CZE holds no votes (Czechoslovakia's are in no
// column); DEU holds West Germany's (260) until unification.
class CountryUngaAgreementTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    voeten_ = new std::unordered_map<long long, int>();
    std::size_t rcid = 0, ccode = 0, vote = 0;
    bool header = true;
    ForEachRecord("unga/voeten_votes_1946_2015.csv", [&](const auto& fields) {
      if (header) {
        rcid = Column(fields, "rcid");
        ccode = Column(fields, "ccode");
        vote = Column(fields, "vote");
        header = false;
        return;
      }
      const int v = Number(fields[vote]);
      const long long r = Number(fields[rcid]);
      voeten_rcids_.insert(r);
      if (v != 9) (*voeten_)[r * 1000 + Number(fields[ccode])] = v;
    });
    auto calls = ReadCsv("unga/un_roll_calls.csv");
    const std::size_t call_rcid = Column(calls[0], "rcid");
    const std::size_t call_date = Column(calls[0], "date");
    for (std::size_t i = 1; i < calls.size(); ++i) {
      call_dates_[Number(calls[i][call_rcid])] = ParseIsoDate(calls[i][call_date]);
    }
  }
  static void TearDownTestSuite() { delete voeten_; }

  // Voeten's vote (1, 2, 3, 8) of `ccode` on roll call `rcid`, 0 when none.
  static int VoetenVote(long long rcid, int ccode) {
    auto it = voeten_->find(rcid * 1000 + ccode);
    return it == voeten_->end() ? 0 : it->second;
  }

  static inline std::unordered_map<long long, int>* voeten_ = nullptr;
  static inline std::set<long long> voeten_rcids_;
  static inline std::map<int, DateKey> call_dates_;
};

TEST_F(CountryUngaAgreementTest, WideIso3ColumnsCarryTheRuledCowCodes) {
  std::vector<std::string> header;
  std::size_t first_country = 0;
  std::size_t compared = 0, disagreements = 0, unmapped = 0, deu_as_260 = 0, cze_before_1993 = 0;
  std::string first_problems;
  ForEachRecord("unga/unga_wide_1946_2024.csv", [&](const auto& row) {
    if (header.empty()) {
      header.assign(row.begin(), row.end());
      first_country = Column(header, "ec") + 1;
      return;
    }
    const int rcid = Number(row[0]);
    const DateKey date = ParseIsoDate(row[1]);
    // Four rows reuse a 1954-57 rcid for a 2023 vote; they are not Voeten's.
    if (auto it = call_dates_.find(rcid); it != call_dates_.end() && it->second != date) return;
    if (!voeten_rcids_.count(rcid)) return;  // after 2015
    for (std::size_t c = first_country; c < row.size(); ++c) {
      long long code = 0;
      if (row[c].empty() || !internal::ParseIntegralNumber(row[c], code) || code == 9) continue;
      const auto ccode = Registry().CcodeForIso3(header[c], date);
      if (!ccode) {
        if (++unmapped <= 5) ADD_FAILURE() << header[c] << " has no COW code on " << date;
        continue;
      }
      ++compared;
      if (header[c] == "DEU" && *ccode == 260) ++deu_as_260;
      if (header[c] == "CZE" && date < MakeDateKey(1993, 1, 1)) ++cze_before_1993;
      if (VoetenVote(rcid, *ccode) != code && ++disagreements <= 5) {
        first_problems +=
            " " + header[c] + "@" + std::to_string(rcid) + "->" + std::to_string(*ccode);
      }
    }
  });
  EXPECT_EQ(header.size(), 8u + 194u);
  EXPECT_EQ(unmapped, 0u);
  EXPECT_EQ(compared, 800098u);
  EXPECT_EQ(disagreements, 0u) << first_problems;
  EXPECT_EQ(deu_as_260, 2087u);    // every FRG vote 1973-1989
  EXPECT_EQ(cze_before_1993, 0u);  // CZE never carries Czechoslovakia (315)
}

TEST_F(CountryUngaAgreementTest, UnVotesIso2CodesAndNamesCarryTheRuledCowCodes) {
  const std::map<std::string_view, int> vote_codes = {{"yes", 1}, {"abstain", 2}, {"no", 3}};
  std::size_t rcid_column = 0, name_column = 0, code_column = 0, vote_column = 0;
  std::size_t rows = 0, compared = 0, disagreements = 0, by_name = 0, unresolved = 0;
  std::string first_problems;
  ForEachRecord("unga/un_votes.csv", [&](const auto& row) {
    if (rows++ == 0) {
      rcid_column = Column(row, "rcid");
      name_column = Column(row, "country");
      code_column = Column(row, "country_code");
      vote_column = Column(row, "vote");
      return;
    }
    const int rcid = Number(row[rcid_column]);
    const DateKey date = call_dates_.count(rcid) ? call_dates_.at(rcid) : 0;
    std::optional<int> ccode;
    if (!row[code_column].empty()) {
      ccode = Registry().CcodeForIso2(row[code_column], date);
    } else if (auto country = Registry().Find(row[name_column]); country.ok()) {
      ccode = Registry().CcodeOn(**country, date);
    }
    if (!ccode) {
      if (++unresolved <= 5) ADD_FAILURE() << row[code_column] << " " << row[name_column];
      return;
    }
    if (!voeten_rcids_.count(rcid)) return;
    ++compared;
    if (row[code_column].empty()) ++by_name;
    if (VoetenVote(rcid, *ccode) != vote_codes.at(row[vote_column])) {
      if (++disagreements <= 5) {
        first_problems += " " + std::string(row[name_column]) + "@" + std::to_string(rcid) + "->" +
                          std::to_string(*ccode);
      }
    }
  });
  EXPECT_GT(rows, 800000u);
  EXPECT_EQ(unresolved, 0u);
  EXPECT_EQ(compared, 738764u);
  EXPECT_EQ(by_name, 5444u);
  EXPECT_EQ(disagreements, 0u) << first_problems;
}

// Load on broken input: a Data error naming file:line:column, never a crash.
class CountryLoadErrorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("entente_countries_test_" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_ / "countries");
    fs::create_directories(dir_ / "cow");
    codelist_ = internal::ReadWholeFile(kData + "/countries/codelist.csv").value();
    states_ = internal::ReadWholeFile(kData + "/cow/states.csv").value();
  }
  void TearDown() override { fs::remove_all(dir_); }

  Result<CountryRegistry> LoadWith(const std::string& codelist, const std::string& states) {
    std::ofstream(dir_ / "countries/codelist.csv", std::ios::binary) << codelist;
    std::ofstream(dir_ / "cow/states.csv", std::ios::binary) << states;
    return CountryRegistry::Load(dir_.string());
  }

  // `text` with the first `from` replaced by `to`.
  static std::string Replace(std::string text, std::string_view from, std::string_view to) {
    auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
  }

  static void ExpectDataError(const Result<CountryRegistry>& result, std::string_view where) {
    ASSERT_FALSE(result.ok()) << "expected an error at " << where;
    EXPECT_EQ(result.status().code(), Status::Code::kData) << result.status().message();
    EXPECT_NE(result.status().message().find(where), std::string::npos)
        << "'" << result.status().message() << "' should contain '" << where << "'";
  }

  fs::path dir_;
  std::string codelist_;
  std::string states_;
};

TEST_F(CountryLoadErrorTest, CopiesOfTheRealFilesLoad) {
  ASSERT_TRUE(LoadWith(codelist_, states_).ok());
}

TEST_F(CountryLoadErrorTest, MissingDirectoryOrFile) {
  auto missing = CountryRegistry::Load((dir_ / "nowhere").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_NE(missing.status().message().find("nowhere' does not exist"), std::string::npos)
      << missing.status().message();
  EXPECT_NE(missing.status().message().find("countries/codelist.csv"), std::string::npos);
  std::ofstream(dir_ / "countries/codelist.csv") << codelist_;
  auto no_states = CountryRegistry::Load(dir_.string());
  ASSERT_FALSE(no_states.ok());
  EXPECT_EQ(no_states.status().code(), Status::Code::kNotFound);
  EXPECT_NE(no_states.status().message().find("cow/states.csv' is missing"), std::string::npos)
      << no_states.status().message();
}

TEST_F(CountryLoadErrorTest, MalformedFieldsNameFileLineAndColumn) {
  // Afghanistan is line 2; its cowc is column 15, cown 16, iso3c 38 (of 72).
  ExpectDataError(LoadWith(Replace(codelist_, ",AFG,700,Afghani,", ",AFG,7x0,Afghani,"), states_),
                  "codelist.csv:2:16: COW code must be an integer");
  ExpectDataError(LoadWith(Replace(codelist_, "AF,AFG,4,AFN", "AF,AF1,4,AFN"), states_),
                  "codelist.csv:2:38: ISO3 code must be three capital letters");
  ExpectDataError(LoadWith(Replace(codelist_, "AF,AFG,4,AFN", "AF,ALB,4,AFN"), states_),
                  "codelist.csv:3:38: code 'ALB' of Albania is also used on line 2");
  ExpectDataError(
      LoadWith(Replace(codelist_, "Afghanistan,AFG,700,", "Afghanistan,AFX,700,"), states_),
      "codelist.csv:2:15: COW letters 'AFX' of Afghanistan differ");
  ExpectDataError(LoadWith(codelist_ + "\"EIT,.al,Europe", states_),
                  "codelist.csv:294:1: unterminated quoted field");
  ExpectDataError(
      LoadWith(Replace(codelist_, "Afghanistan,AFG,700", "Afghanistan\xff,AFG,700"), states_),
      "codelist.csv:2:");
  ExpectDataError(LoadWith(Replace(codelist_, ",cown,", ",cownx,"), states_),
                  "codelist.csv:1:1: the header lacks column 'cown'");
  ExpectDataError(LoadWith(Replace(codelist_, "^(?=.*americ).*samoa", "(samoa"), states_),
                  "codelist.csv:5:7: name pattern does not compile");
  ExpectDataError(LoadWith("", states_), "codelist.csv:1:1: the file is empty");
  // A truncated record: the first missing field is named.
  ExpectDataError(LoadWith(codelist_.substr(0, codelist_.find("\nEIT,.al,") + 20), states_),
                  "codelist.csv:3:5: expected 72 fields as in the header, found 4");
  ExpectDataError(LoadWith(codelist_, Replace(states_, "\"CAN\",20,\"Canada\",1920,1,10",
                                              "\"CAN\",20,\"Canada\",1920,13,10")),
                  "states.csv:3:4: start date is not a date");
  ExpectDataError(LoadWith(codelist_, Replace(states_, "\"CAN\",20,", "\"CAN\",twenty,")),
                  "states.csv:3:2: COW code must be an integer");
  ExpectDataError(
      LoadWith(codelist_, Replace(states_, "\"CUB\",40,\"Cuba\",1909", "\"CUB\",40,\"Cuba\",1905")),
      "states.csv:6:4: spell of Cuba starts before its previous spell ends");
  ExpectDataError(
      LoadWith(codelist_, Replace(states_, "\"CUB\",40,\"Cuba\",1909", "\"CUX\",40,\"Cuba\",1909")),
      "states.csv:6:1: COW code 40 is 'CUX' Cuba here but 'CUB' Cuba on line 5");
  // COW is the authority on states: a countrycode state COW lacks is an error.
  ExpectDataError(
      LoadWith(codelist_,
               Replace(states_, "\"YEM\",679,\"Yemen\",1990,5,22,2016,12,31,2016\n", "")),
      "codelist.csv:286:16: COW code 679 of Yemen is not in");
}

// "…/NAME.csv:LINE:COLUMN: " somewhere in `message`, for one of `names`.
bool HasFileLineColumn(const std::string& message, std::initializer_list<std::string_view> names) {
  auto digits = [&message](std::size_t& at) {
    const std::size_t start = at;
    while (at < message.size() && message[at] >= '0' && message[at] <= '9') ++at;
    return at > start;
  };
  for (std::string_view name : names) {
    const std::string needle = std::string(name) + ".csv:";
    for (auto at = message.find(needle); at != std::string::npos;
         at = message.find(needle, at + 1)) {
      std::size_t i = at + needle.size();
      if (digits(i) && i < message.size() && message[i] == ':' && digits(++i) &&
          message.compare(i, 2, ": ") == 0) {
        return true;
      }
    }
  }
  return false;
}

// Cut the files anywhere: Load returns, with a value or a Data error.
TEST_F(CountryLoadErrorTest, TruncatedFilesNeverCrash) {
  for (std::size_t cut = 0; cut < codelist_.size(); cut += codelist_.size() / 40) {
    auto result = LoadWith(codelist_.substr(0, cut), states_);
    if (!result.ok()) {
      EXPECT_EQ(result.status().code(), Status::Code::kData) << result.status().message();
      EXPECT_TRUE(HasFileLineColumn(result.status().message(), {"codelist"}))
          << result.status().message();
    }
  }
  for (std::size_t cut = 0; cut < states_.size(); cut += states_.size() / 40) {
    auto result = LoadWith(codelist_, states_.substr(0, cut));
    if (!result.ok()) {
      EXPECT_EQ(result.status().code(), Status::Code::kData) << result.status().message();
      EXPECT_TRUE(HasFileLineColumn(result.status().message(), {"states", "codelist"}))
          << result.status().message();
    }
  }
}

}  // namespace
}  // namespace entente
