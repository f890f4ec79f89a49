// The compiled-in country rules and the name normalisation, without data
// files. The registry itself is tested against the real data in
// tests/integration/countries_test.cc.
#include "core/country_rules.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace entente::internal {
namespace {

TEST(NormalizeCountryNameTest, SpellingsOfOneNameMeet) {
  struct Case {
    std::string_view input;
    std::string_view expected;
  };
  const Case cases[] = {
      {"China", "china"},
      {"  CHINA  ", "china"},
      {"china.", "china"},
      {"St. Kitts & Nevis", "saint kitts and nevis"},
      {"Saint Kitts and Nevis", "saint kitts and nevis"},
      {"St. Vincent & Grenadines", "saint vincent and grenadines"},
      {"Saint Vincent and the Grenadines", "saint vincent and grenadines"},
      {"Côte d’Ivoire", "cote divoire"},
      {"Cote d'Ivoire", "cote divoire"},
      {"São Tomé & Príncipe", "sao tome and principe"},
      {"Sao Tome and Principe", "sao tome and principe"},
      {"Türkiye", "turkiye"},
      {"U.S.A.", "usa"},
      {"U.K.", "uk"},
      {"D.P.R.K.", "dprk"},
      {"People's Republic of China", "peoples republic china"},
      {"Bahamas (the)", "bahamas"},
      {"The Gambia", "gambia"},
      {"Congo - Kinshasa", "congo kinshasa"},
      {"Congo-Kinshasa", "congo kinshasa"},
      {"Guinea-Bissau", "guinea bissau"},
      {"Korea, Dem. Rep.", "korea democratic republic"},
      {"Timor-Leste", "timor leste"},
      {"", ""},
      {" . - ", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NormalizeCountryName(c.input), c.expected) << "input: '" << c.input << "'";
  }
}

TEST(CountryFoldToAsciiTest, KeepsPunctuationForPatterns) {
  // The countrycode patterns rely on dots and spaces ("^u\.?s\.?a\.?$").
  EXPECT_EQ(FoldToAscii("U.S.A."), "u.s.a.");
  EXPECT_EQ(FoldToAscii("Réunion"), "reunion");
  EXPECT_EQ(FoldToAscii("Curaçao"), "curacao");
  EXPECT_EQ(FoldToAscii("Åland Islands"), "aland islands");
  EXPECT_EQ(FoldToAscii("Lao People’s Democratic Republic"), "lao people's democratic republic");
  // Scripts it does not fold pass through unchanged.
  EXPECT_EQ(FoldToAscii("Россия"), "Россия");
}

TEST(CountryEditDistanceTest, CountsEditsAndStopsAtCap) {
  struct Case {
    std::string_view a, b;
    std::size_t cap, expected;
  };
  const Case cases[] = {
      {"rusia", "russia", 3, 1},
      {"russia", "russia", 3, 0},
      {"untied states", "united states", 3, 1},  // a transposition is one edit
      {"", "abc", 3, 3},
      {"abc", "", 3, 3},
      {"germny", "germany", 1, 1},
      {"xyz", "china", 1, 2},  // beyond the cap: cap + 1
      {"a", "abcdefgh", 2, 3},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(EditDistance(c.a, c.b, c.cap), c.expected) << c.a << " vs " << c.b;
  }
}

TEST(CountryRulesTest, DatedCodesResolveByDate) {
  struct Case {
    std::string_view code;
    DateKey date;
    int expected;  // 0: no meaning on that date
  };
  const Case cases[] = {
      {"CS", MakeDateKey(1980, 1, 1), 315},  // Czechoslovakia
      {"CS", MakeDateKey(1992, 12, 31), 315},
      {"CS", MakeDateKey(1998, 1, 1), 0},    // unassigned 1993-2003
      {"CS", MakeDateKey(2004, 6, 1), 345},  // Serbia and Montenegro
      {"CS", MakeDateKey(2010, 1, 1), 0},
      {"YU", MakeDateKey(1950, 1, 1), 345},
      {"YU", MakeDateKey(2019, 1, 1), 345},  // un_votes.csv uses YU up to 2020
      {"DD", MakeDateKey(1980, 1, 1), 265},
      {"YD", MakeDateKey(1980, 1, 1), 680},
      {"SU", MakeDateKey(1980, 1, 1), 365},
      {"DE", MakeDateKey(1980, 1, 1), 0},  // current codes are not in this table
  };
  for (const Case& c : cases) {
    const DatedCode* rule = FindDatedCode(WithdrawnIso2Codes(), c.code, c.date);
    EXPECT_EQ(rule == nullptr ? 0 : rule->ccode, c.expected) << c.code << " on " << c.date;
  }
  EXPECT_EQ(FindAnyDatedCode(WithdrawnIso2Codes(), "CS")->ccode, 315);  // undated: the first
  EXPECT_EQ(FindDatedCode(WithdrawnIso3Codes(), "CSK", MakeDateKey(1970, 1, 1))->ccode, 315);
  EXPECT_EQ(FindDatedCode(CorpusIso3Codes(), "YDYE", MakeDateKey(1975, 9, 1))->ccode, 680);
  EXPECT_EQ(FindDatedCode(CorpusIso3Codes(), "PKR", MakeDateKey(2017, 9, 1))->ccode, 731);
  EXPECT_EQ(FindDatedCode(CorpusIso3Codes(), "PKR", MakeDateKey(2018, 9, 1)), nullptr);
  // China's UN seat: the Republic of China's until resolution 2758 (1971-10-25).
  EXPECT_EQ(FindDatedCode(UnSeatIso3Codes(), "CHN", MakeDateKey(1946, 10, 1))->ccode, 713);
  EXPECT_EQ(FindDatedCode(UnSeatIso3Codes(), "CHN", MakeDateKey(1971, 10, 24))->ccode, 713);
  EXPECT_EQ(FindDatedCode(UnSeatIso3Codes(), "CHN", MakeDateKey(1971, 10, 25)), nullptr);
}

TEST(CountryRulesTest, EveryRuleHasAReasonAndValidPeriod) {
  for (const auto& alias : CountryAliases()) {
    EXPECT_FALSE(alias.reason.empty()) << alias.name;
    EXPECT_GT(alias.ccode, 0) << alias.name;
  }
  for (auto table :
       {WithdrawnIso3Codes(), WithdrawnIso2Codes(), CorpusIso3Codes(), UnSeatIso3Codes()}) {
    for (const DatedCode& code : table) {
      EXPECT_FALSE(code.reason.empty()) << code.code;
      EXPECT_LE(code.first, code.last) << code.code;
      EXPECT_GT(code.ccode, 0) << code.code;
    }
  }
  for (const auto& merge : CodelistMerges()) EXPECT_FALSE(merge.reason.empty());
  for (const auto& rename : NameOverrides()) EXPECT_FALSE(rename.reason.empty());
}

TEST(CountryRulesTest, DatedCodesOfOneCodeDoNotOverlap) {
  for (auto table :
       {WithdrawnIso3Codes(), WithdrawnIso2Codes(), CorpusIso3Codes(), UnSeatIso3Codes()}) {
    for (std::size_t i = 0; i < table.size(); ++i) {
      for (std::size_t j = i + 1; j < table.size(); ++j) {
        if (table[i].code != table[j].code) continue;
        EXPECT_TRUE(table[i].last < table[j].first || table[j].last < table[i].first)
            << table[i].code << " has overlapping periods";
      }
    }
  }
}

TEST(CountryRulesTest, AliasesAreDistinctAfterNormalisation) {
  std::set<std::string> seen;
  for (const auto& alias : CountryAliases()) {
    EXPECT_TRUE(seen.insert(NormalizeCountryName(alias.name)).second)
        << "alias '" << alias.name << "' is listed twice";
  }
}

// Each lineage is ordered, gap-free and covers all dates, so CcodeOn always
// answers for these states.
TEST(CountryRulesTest, LineagesAreContiguousAndComplete) {
  std::vector<int> countries;
  for (const auto& rule : LineagePeriods()) {
    if (countries.empty() || countries.back() != rule.country) countries.push_back(rule.country);
  }
  std::set<int> unique(countries.begin(), countries.end());
  ASSERT_EQ(unique.size(), countries.size()) << "a country's periods must be listed together";
  for (int country : countries) {
    DateKey expected_start = kEarliestDate;
    DateKey last_end = 0;
    for (const auto& rule : LineagePeriods()) {
      if (rule.country != country) continue;
      EXPECT_FALSE(rule.reason.empty());
      EXPECT_EQ(rule.period.start, expected_start) << "lineage of " << country;
      EXPECT_LE(rule.period.start, rule.period.end) << "lineage of " << country;
      last_end = rule.period.end;
      // The next period starts the day after (every rule ends on a real day).
      const int y = last_end / 10000, m = last_end / 100 % 100, d = last_end % 100;
      constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      expected_start = d < kDays[m - 1] ? last_end + 1
                       : m < 12         ? MakeDateKey(y, m + 1, 1)
                                        : MakeDateKey(y + 1, 1, 1);
    }
    EXPECT_EQ(last_end, kLatestDate) << "lineage of " << country;
  }
}

TEST(CountryRulesTest, SuccessionRulesOfTheIssue) {
  auto code_on = [](int country, DateKey date) {
    for (const auto& rule : LineagePeriods()) {
      if (rule.country == country && rule.period.start <= date && date <= rule.period.end) {
        return rule.period.ccode;
      }
    }
    return 0;
  };
  EXPECT_EQ(code_on(255, MakeDateKey(1955, 5, 5)), 260);
  EXPECT_EQ(code_on(255, MakeDateKey(1990, 10, 2)), 260);
  EXPECT_EQ(code_on(255, MakeDateKey(1990, 10, 3)), 255);
  EXPECT_EQ(code_on(255, MakeDateKey(1900, 1, 1)), 255);
  EXPECT_EQ(code_on(679, MakeDateKey(1990, 5, 21)), 678);
  EXPECT_EQ(code_on(679, MakeDateKey(1990, 5, 22)), 679);
  EXPECT_EQ(code_on(260, MakeDateKey(1980, 1, 1)), 260);
  EXPECT_EQ(code_on(260, MakeDateKey(1990, 12, 1)), 255);
  // Dissolutions have no lineage rule: their states keep their own code.
  for (int dissolved : {315, 316, 317, 265, 680, 817, 365, 345, 816}) {
    EXPECT_EQ(code_on(dissolved, MakeDateKey(1980, 1, 1)), 0) << dissolved;
  }
}

}  // namespace
}  // namespace entente::internal
