// Framework files: the two shipped frameworks load, and every mistake a
// researcher can make in one (unknown criterion, bad number, missing field
// ...) is refused with the file and line.
#include <gtest/gtest.h>

#include <string>

#include "entente/military.h"
#include "entente/paths.h"

namespace entente {
namespace {

// A small valid framework; tests replace one line to break it.
const std::string kValid =
    "[framework]\n"                                     // 1
    "title = \"Test\"\n"                                // 2
    "citation = \"Korolev 2019\"\n"                     // 3
    "stages = [\"moderate\", \"deep\"]\n"               // 4
    "[stage.moderate]\n"                                // 5
    "title = \"M\"\n"                                   // 6
    "criteria = [\"treaty\", \"exercises\"]\n"          // 7
    "min_met = 2\n"                                     // 8
    "[stage.deep]\n"                                    // 9
    "title = \"D\"\n"                                   // 10
    "criteria = [\"common_defence\"]\n"                 // 11
    "min_met = 1\n"                                     // 12
    "[criterion.treaty]\n"                              // 13
    "title = \"T\"\n"                                   // 14
    "evidence = [\"team\", \"atop:defense\"]\n"         // 15
    "holds = \"until_end\"\n"                           // 16
    "[criterion.exercises]\n"                           // 17
    "title = \"E\"\n"                                   // 18
    "evidence = [\"team\", \"mme:warfighting\"]\n"      // 19
    "holds = \"recur\"\n"                               // 20
    "recur_within_years = 3\n"                          // 21
    "[criterion.common_defence]\n"                      // 22
    "title = \"C\"\n"                                   // 23
    "evidence = [\"team\", \"atop:defense_mutual\"]\n"  // 24
    "holds = \"until_end\"\n";                          // 25

std::string ReplaceLine(const std::string& text, int line, const std::string& replacement) {
  std::string out;
  int n = 1;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string current = text.substr(start, end - start);
    out += (n == line ? replacement : current) + "\n";
    start = end + 1;
    ++n;
  }
  return out;
}

TEST(MilitaryFrameworkTest, ParsesAValidFramework) {
  auto f = ParseMilitaryFramework("t.toml", kValid, "t");
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f->max_level(), 3);
  ASSERT_EQ(f->stages.size(), 2u);
  EXPECT_EQ(f->stages[0].min_met, 2);
  EXPECT_EQ(f->criteria[0].id, MilitaryCriterion::kTreaty);
  EXPECT_EQ(f->criteria[1].holds, MilitaryPersistence::kRecur);
  EXPECT_EQ(f->criteria[1].recur_within_years, 3);
  EXPECT_EQ(f->criteria[1].recur_min_years, 1);
  EXPECT_EQ(f->criteria[1].evidence[1].source, MilitarySource::kMme);
  EXPECT_EQ(f->criteria[1].evidence[1].kinds, kMmeWarfighting);
  EXPECT_EQ(f->criteria[2].stage, 1);
  EXPECT_EQ(f->IndexOf(MilitaryCriterion::kCbm), -1);
}

TEST(MilitaryFrameworkTest, ShippedFrameworksLoad) {
  const std::string dir = ProjectDataDir() + "/frameworks";
  for (const char* name : {"korolev", "korolev_three_tier"}) {
    auto f = LoadMilitaryFramework(name, dir);
    ASSERT_TRUE(f.ok()) << f.status().message();
    EXPECT_EQ(f->max_level(), kMilitaryCriterionCount) << name;
  }
  auto korolev = LoadMilitaryFramework("korolev", dir);
  ASSERT_EQ(korolev->stages.size(), 2u);
  EXPECT_EQ(korolev->stages[0].id, "moderate");
  EXPECT_EQ(korolev->stages[1].id, "deep");
  auto names = ListMilitaryFrameworks(dir);
  EXPECT_NE(std::find(names.begin(), names.end(), "korolev"), names.end());
  auto unknown = LoadMilitaryFramework("nope", dir);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("known: "), std::string::npos);
}

TEST(MilitaryFrameworkTest, EveryMistakeIsNamedWithItsLine) {
  struct Case {
    int line;
    std::string replacement;
    std::string fragment;
  };
  const Case cases[] = {
      {7, "criteria = [\"treaty\", \"parades\"]", "t.toml:7: unknown criterion 'parades'"},
      {8, "min_met = 5", "t.toml:8: bad number 5 for 'min_met'"},
      {8, "min_met = \"two\"", "t.toml:8: 'min_met' must be an integer, not a string"},
      {21, "recur_within_years = 0", "t.toml:21: bad number 0"},
      {21, "", "t.toml:20: holds = \"recur\" needs 'recur_within_years'"},
      {14, "", "t.toml:13: [criterion.treaty] is missing 'title'"},
      {15, "evidence = [\"gossip\"]", "t.toml:15: unknown evidence source 'gossip'"},
      {15, "evidence = [\"atop:alliance\"]", "t.toml:15: unknown kind 'alliance' for atop"},
      {15, "evidence = [\"team:parades\"]", "t.toml:15: unknown criterion 'parades'"},
      {15, "evidence = [\"team\", \"team\"]", "t.toml:15: evidence 'team' is listed twice"},
      {15, "evidence = []", "t.toml:15: 'evidence' is empty"},
      {16, "holds = \"forever\"", "t.toml:16: unknown 'holds' value"},
      {16, "holds = \"until_end\"\nrecur_within_years = 2", "t.toml:17: 'recur_within_years' only"},
      {16, "holds = \"until_end\"\nsipri_min_tiv = 5", "t.toml:17: 'sipri_min_tiv' needs"},
      {16, "holds = \"until_end\"\ncolour = \"red\"", "t.toml:17: unknown key 'colour'"},
      {11, "criteria = [\"treaty\"]", "t.toml:11: criterion 'treaty' is in two stages"},
      {11, "criteria = [\"common_defence\", \"cbm\"]",
       "t.toml:11: criterion 'cbm' has no [criterion.cbm] table"},
      {22, "[criterion.cbm]", "t.toml:22: criterion 'cbm' is in no stage"},
      {22, "[criterion.parades]", "t.toml:22: unknown criterion 'parades'"},
      {9, "[stage.extra]", "t.toml:9: [stage.extra] is not listed"},
      {4, "stages = [\"moderate\", \"deep\", \"more\"]",
       "t.toml:4: stage 'more' has no [stage.more]"},
      {1, "[frame]", "t.toml:1: unknown table [frame]"},
      {3, "", "t.toml:1: [framework] is missing 'citation'"},
  };
  for (const Case& c : cases) {
    const std::string text = ReplaceLine(kValid, c.line, c.replacement);
    auto f = ParseMilitaryFramework("t.toml", text, "t");
    ASSERT_FALSE(f.ok()) << "accepted with line " << c.line << " = " << c.replacement;
    EXPECT_NE(f.status().message().find(c.fragment), std::string::npos)
        << "line " << c.line << " = " << c.replacement << "\nmessage: " << f.status().message();
  }
}

TEST(MilitaryFrameworkTest, KeysOutsideTablesAndTypesAreRefused) {
  auto f = ParseMilitaryFramework("t.toml", "title = \"x\"\n" + kValid, "t");
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find("t.toml:1: key 'title' outside any table"),
            std::string::npos);
  auto g =
      ParseMilitaryFramework("t.toml", ReplaceLine(kValid, 19, "evidence = [\"team\", 3]"), "t");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("t.toml:19: 'evidence' must list strings"),
            std::string::npos);
}

}  // namespace
}  // namespace entente
