// ParseYearRange: the year ranges users type after --years.
#include "entente/years.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace entente {
namespace {

TEST(ParseYearRangeTest, AcceptsTheDocumentedForms) {
  const YearRange defaults;
  struct Case {
    std::string_view text;
    int first;
    int last;
  };
  const Case cases[] = {
      {"1992:2019", 1992, 2019},
      {"2015", 2015, 2015},
      {"2015:2015", 2015, 2015},
      {"1992:", 1992, defaults.last},
      {":2019", defaults.first, 2019},
      {":1810", defaults.first, 1810},  // an open start reaches back to 1800
      {"1800:2100", 1800, 2100},        // both ends of the accepted span
      {"1800", 1800, 1800},
      {"2100", 2100, 2100},
      {"1946:2015", 1946, 2015},
      {"01992:2019", 1992, 2019},  // a leading zero is still the number 1992
  };
  for (const Case& c : cases) {
    const auto r = ParseYearRange(c.text);
    ASSERT_TRUE(r.ok()) << "'" << c.text << "': " << r.status().message();
    EXPECT_EQ(r->first, c.first) << "'" << c.text << "'";
    EXPECT_EQ(r->last, c.last) << "'" << c.text << "'";
  }
}

TEST(ParseYearRangeTest, RejectsMalformedRangesWithAUsageErrorNamingTheText) {
  const std::string_view cases[] = {
      "",           // nothing
      ":",          // two open ends
      "abc",        // not a number
      "1992-2019",  // wrong separator
      "1992..2019",
      "2019:1992",  // reversed
      "2016:2015",
      "1799",  // before 1800
      "2101",  // after 2100
      "0:2019",
      "1992:99999",
      "-1992",
      "+1992",  // no sign
      " 1992",  // no spaces
      "1992 ",
      "1992: 2019",
      "1992:2019:2020",  // three parts
      "1992::2019",
      "19.5",
      "1992:20x9",
      "99999999999999999999",  // overflows int
  };
  for (std::string_view text : cases) {
    const auto r = ParseYearRange(text);
    ASSERT_FALSE(r.ok()) << "'" << text << "' should be rejected, got " << r->first << ":"
                         << r->last;
    EXPECT_EQ(r.status().code(), Status::Code::kUsage) << "'" << text << "'";
    EXPECT_EQ(r.status().exit_code(), 1) << "'" << text << "'";
    EXPECT_NE(r.status().message().find("'" + std::string(text) + "'"), std::string::npos)
        << "'" << text << "': " << r.status().message();
  }
}

TEST(YearRangeTest, ContainsIsInclusive) {
  const YearRange r{1992, 2019};
  EXPECT_FALSE(r.contains(1991));
  EXPECT_TRUE(r.contains(1992));
  EXPECT_TRUE(r.contains(2000));
  EXPECT_TRUE(r.contains(2019));
  EXPECT_FALSE(r.contains(2020));
}

}  // namespace
}  // namespace entente
