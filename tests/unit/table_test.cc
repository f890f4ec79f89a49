// Number formatting (AppendFixed, AppendInt) and the three renderings of a
// result table: aligned text, CSV and JSON.
#include "entente/table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <random>
#include <sstream>
#include <string>

namespace entente {
namespace {

std::string Fixed(double value, int decimals) {
  std::string out;
  AppendFixed(out, value, decimals);
  return out;
}

std::string Render(const Table& table, OutputFormat format) {
  std::ostringstream out;
  RenderTable(table, format, out);
  return out.str();
}

struct FixedCase {
  double value;
  int decimals;
  std::string_view expected;
};

void CheckFixedCases(std::initializer_list<FixedCase> cases) {
  for (const FixedCase& c : cases) {
    EXPECT_EQ(Fixed(c.value, c.decimals), c.expected)
        << "AppendFixed(" << c.value << ", " << c.decimals << ")";
  }
}

TEST(AppendFixedTest, PrintsExactlyTheRequestedDigits) {
  CheckFixedCases({
      {0.0, 0, "0"},
      {0.0, 4, "0.0000"},
      {1.0, 6, "1.000000"},
      {0.7, 6, "0.700000"},
      {-0.7, 6, "-0.700000"},
      {0.123456789, 4, "0.1235"},
      {0.123444, 4, "0.1234"},
      {-0.123456789, 4, "-0.1235"},
      {12.3456, 2, "12.35"},
      {43.0 / 103.0, 6, "0.417476"},
      {4.0 / 13.0, 6, "0.307692"},
      {2.0 / 3.0, 9, "0.666666667"},
      {-1.0 / 3.0, 9, "-0.333333333"},
      {0.999999, 6, "0.999999"},
      {0.9999996, 6, "1.000000"},  // carries into the integer part
      {-0.9999996, 6, "-1.000000"},
      {9.99995, 4, "10.0000"},
      {7.0, 0, "7"},
  });
}

// Ties that binary floating point holds exactly round half away from zero.
TEST(AppendFixedTest, ExactHalvesRoundAwayFromZero) {
  CheckFixedCases({
      {0.5, 0, "1"},
      {1.5, 0, "2"},
      {2.5, 0, "3"},
      {-0.5, 0, "-1"},
      {-2.5, 0, "-3"},
      {0.125, 2, "0.13"},
      {-0.125, 2, "-0.13"},
      {0.375, 2, "0.38"},
      {0.0625, 3, "0.063"},
      {-0.0625, 3, "-0.063"},
      {2.5e-1, 1, "0.3"},
      {1023.5, 0, "1024"},
  });
}

// Values that round to zero print without a sign: a "-0.000000" in a table of
// similarities would suggest a negative value that is not there.
TEST(AppendFixedTest, NegativeValuesThatRoundToZeroHaveNoSign) {
  CheckFixedCases({
      {-0.0000001, 6, "0.000000"},
      {-0.0, 6, "0.000000"},
      {-0.0, 0, "0"},
      {-0.4, 0, "0"},
      {-0.00004, 4, "0.0000"},
      {-1e-300, 9, "0.000000000"},
      {-4e-10, 9, "0.000000000"},
  });
}

TEST(AppendFixedTest, LargeValues) {
  CheckFixedCases({
      {123456789012.5, 1, "123456789012.5"},
      {999999999999.5, 0, "1000000000000"},
      {999999999999.0, 2, "999999999999.00"},
      {-98765432101.25, 2, "-98765432101.25"},
      {1e12, 2, "1000000000000.00"},  // past the fast path
      {-1e13, 2, "-10000000000000.00"},
      {1e15, 0, "1000000000000000"},
      {4294967296.0, 0, "4294967296"},
      {9007199254740992.0, 1, "9007199254740992.0"},
  });
}

// Every decimals value from 0 to 9 must work for every value below 1e12 (the
// documented fast-path range), including the largest.
TEST(AppendFixedTest, LargeValuesWithManyDecimals) {
  CheckFixedCases({
      {1e10, 9, "10000000000.000000000"},
      {2e10, 9, "20000000000.000000000"},
      {1e11, 9, "100000000000.000000000"},
      {1.9e11, 8, "190000000000.00000000"},
      {-5e11, 9, "-500000000000.000000000"},
      {999999999999.0, 9, "999999999999.000000000"},
  });
}

TEST(AppendFixedTest, NaNAppendsNothingAndKeepsWhatIsThere) {
  std::string out = "x=";
  AppendFixed(out, std::numeric_limits<double>::quiet_NaN(), 4);
  EXPECT_EQ(out, "x=");
  AppendFixed(out, 0.25, 2);
  EXPECT_EQ(out, "x=0.25");
}

// Away from exact ties, AppendFixed agrees with the C library's correctly
// rounded printf for values whose scaled size keeps a fraction in a double
// (|value| * 10^decimals < 1e11, where a double resolves 1e-5). Values
// within 1e-4 of a tie are skipped: there the fast path's multiply may round
// either way.
TEST(AppendFixedTest, AgreesWithPrintfAwayFromTies) {
  std::mt19937_64 rng(12);
  int compared = 0;
  for (int iteration = 0; iteration < 200000; ++iteration) {
    const int decimals = static_cast<int>(rng() % 10);
    const double magnitude = std::pow(10.0, static_cast<int>(rng() % 9) - 3);
    const double value = (static_cast<double>(rng() % 2000001) - 1000000.0) / 1000003.0 * magnitude;
    const double scaled = std::abs(value) * std::pow(10.0, decimals);
    if (scaled >= 1e11) continue;
    const double fraction = scaled - std::floor(scaled);
    if (std::abs(fraction - 0.5) < 1e-4) continue;
    char expected[128];
    std::snprintf(expected, sizeof expected, "%.*f", decimals, value);
    std::string want = expected;
    if (want.rfind("-", 0) == 0 && want.find_first_not_of("-0.") == std::string::npos) {
      want.erase(0, 1);  // printf keeps the sign of a negative zero; AppendFixed drops it
    }
    ASSERT_EQ(Fixed(value, decimals), want) << value << " with " << decimals << " decimals";
    ++compared;
  }
  EXPECT_GT(compared, 100000);
}

TEST(AppendIntTest, PrintsTheWholeRange) {
  std::string out;
  AppendInt(out, 0);
  out += ' ';
  AppendInt(out, -42);
  out += ' ';
  AppendInt(out, std::numeric_limits<std::int64_t>::max());
  out += ' ';
  AppendInt(out, std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(out, "0 -42 9223372036854775807 -9223372036854775808");
}

TEST(NumberTest, NaNBecomesMissing) {
  EXPECT_TRUE(std::holds_alternative<std::monostate>(Number(std::nan(""))));
  ASSERT_TRUE(std::holds_alternative<double>(Number(0.5)));
  EXPECT_EQ(std::get<double>(Number(0.5)), 0.5);
  ASSERT_TRUE(std::holds_alternative<double>(Number(-0.0)));
}

TEST(ParseOutputFormatTest, KnownAndUnknownNames) {
  EXPECT_EQ(*ParseOutputFormat("table"), OutputFormat::kTable);
  EXPECT_EQ(*ParseOutputFormat("csv"), OutputFormat::kCsv);
  EXPECT_EQ(*ParseOutputFormat("json"), OutputFormat::kJson);
  for (std::string_view bad : {"", "CSV", "xml", "tsv", "json "}) {
    auto r = ParseOutputFormat(bad);
    ASSERT_FALSE(r.ok()) << "'" << bad << "'";
    EXPECT_EQ(r.status().code(), Status::Code::kUsage);
    EXPECT_NE(r.status().message().find("'" + std::string(bad) + "'"), std::string::npos)
        << r.status().message();
  }
}

Table SampleTable() {
  Table t;
  t.title = "China (CHN, 710) - Russia (RUS, 365)";
  t.columns = {"year", "name", "agree", "n"};
  t.decimals = 3;
  t.rows.push_back({std::int64_t{1992}, std::string("plain"), 0.81234, std::int64_t{60}});
  t.rows.push_back(
      {std::int64_t{1993}, std::string("with, comma"), Number(std::nan("")), std::int64_t{0}});
  t.rows.push_back({std::int64_t{1994}, std::string("say \"hi\""), -0.0000001, std::int64_t{7}});
  t.rows.push_back({std::int64_t{1995}, std::string("two\nlines"), 1.0, std::monostate{}});
  t.rows.push_back({std::int64_t{1996}, std::string("cr\rhere"), 0.5, std::int64_t{-3}});
  return t;
}

TEST(RenderTableTest, CsvEscapesAndLeavesMissingEmpty) {
  const std::string expected =
      "year,name,agree,n\n"
      "1992,plain,0.812,60\n"
      "1993,\"with, comma\",,0\n"
      "1994,\"say \"\"hi\"\"\",0.000,7\n"
      "1995,\"two\nlines\",1.000,\n"
      "1996,\"cr\rhere\",0.500,-3\n";
  EXPECT_EQ(Render(SampleTable(), OutputFormat::kCsv), expected);
}

TEST(RenderTableTest, CsvEscapesColumnNames) {
  Table t;
  t.columns = {"a,b", "plain", "q\"uote"};
  EXPECT_EQ(Render(t, OutputFormat::kCsv), "\"a,b\",plain,\"q\"\"uote\"\n");
}

TEST(RenderTableTest, JsonWritesNullForMissingAndKeepsTypes) {
  const std::string json = Render(SampleTable(), OutputFormat::kJson);
  // Keys in column order, integers as integers, strings escaped, NaN as null.
  EXPECT_NE(json.find("\"year\": 1992"), std::string::npos) << json;
  EXPECT_NE(json.find("\"name\": \"with, comma\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"agree\": null"), std::string::npos) << json;
  EXPECT_NE(json.find("\"n\": null"), std::string::npos) << json;
  EXPECT_NE(json.find("\"name\": \"say \\\"hi\\\"\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"name\": \"two\\nlines\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"n\": -3"), std::string::npos) << json;
  EXPECT_EQ(json.find("NaN"), std::string::npos) << json;
  EXPECT_EQ(json.find("nan"), std::string::npos) << json;
  EXPECT_LT(json.find("\"year\""), json.find("\"name\"")) << json;
  EXPECT_LT(json.find("\"agree\""), json.find("\"n\"")) << json;
  EXPECT_EQ(json.front(), '[');
  EXPECT_EQ(json.back(), '\n');
}

TEST(RenderTableTest, JsonOfAnEmptyTableIsAnEmptyArray) {
  Table t;
  t.columns = {"a"};
  EXPECT_EQ(Render(t, OutputFormat::kJson), "[]\n");
}

TEST(RenderTableTest, TextTableRightAlignsEveryColumn) {
  Table t;
  t.title = "A title";
  t.columns = {"year", "country", "x"};
  t.decimals = 2;
  t.rows.push_back({std::int64_t{2019}, std::string("China"), 0.5});
  t.rows.push_back({std::int64_t{1992}, std::string("Russian Federation"), Number(std::nan(""))});
  t.rows.push_back({std::int64_t{7}, std::string("X"), -12.3456});
  // Widths: year 4, country 18 ("Russian Federation"), x 6 ("-12.35");
  // columns are separated by two spaces and padded on the left.
  auto pad = [](std::size_t n) { return std::string(n, ' '); };
  const std::string expected =
      "A title\n"  //
      "year" +
      pad(2 + 11) + "country" + pad(2 + 5) + "x\n" +            //
      "2019" + pad(2 + 13) + "China" + pad(2 + 2) + "0.50\n" +  //
      "1992" + pad(2) + "Russian Federation" + pad(2 + 5) + "-\n" + pad(3) + "7" + pad(2 + 17) +
      "X" + pad(2) + "-12.35\n";
  EXPECT_EQ(Render(t, OutputFormat::kTable), expected);
}

TEST(RenderTableTest, TextTableWithoutTitleOrRows) {
  Table t;
  t.columns = {"year", "n"};
  EXPECT_EQ(Render(t, OutputFormat::kTable), "year  n\n");
}

}  // namespace
}  // namespace entente
