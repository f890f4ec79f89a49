// The TOML subset reader behind framework files: what it accepts, and that
// everything it refuses is named with file, line and column.
#include <gtest/gtest.h>

#include <string>

#include "measures/military/toml_subset.h"

namespace entente::internal {
namespace {

TEST(MilitaryTomlTest, ReadsTablesAndEveryValueType) {
  const char* text =
      "# comment\n"
      "[framework]\n"
      "title = \"Two \\\"stages\\\"\"  # trailing comment\n"
      "name = 'literal \\ kept'\n"
      "count = 42\n"
      "negative = -3\n"
      "ratio = 2.5\n"
      "big = 1e3\n"
      "flag = true\n"
      "list = [\"a\", \"b\",\n"
      "        # inside\n"
      "        \"c\",]\n"
      "\n"
      "[stage.moderate]\n"
      "empty = []\n";
  auto doc = ParseTomlSubset("f.toml", text);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->tables.size(), 3u);
  const TomlTable& t = doc->tables[1];
  EXPECT_EQ(t.name, "framework");
  EXPECT_EQ(t.line, 2);
  EXPECT_EQ(t.Find("title")->value.string, "Two \"stages\"");
  EXPECT_EQ(t.Find("name")->value.string, "literal \\ kept");
  EXPECT_EQ(t.Find("count")->value.integer, 42);
  EXPECT_EQ(t.Find("negative")->value.integer, -3);
  EXPECT_DOUBLE_EQ(t.Find("ratio")->value.number, 2.5);
  EXPECT_DOUBLE_EQ(t.Find("big")->value.number, 1000);
  EXPECT_TRUE(t.Find("flag")->value.boolean);
  const TomlValue& list = t.Find("list")->value;
  ASSERT_EQ(list.array.size(), 3u);
  EXPECT_EQ(list.array[2].string, "c");
  EXPECT_EQ(list.array[2].line, 12);
  EXPECT_EQ(doc->tables[2].name, "stage.moderate");
  EXPECT_TRUE(doc->tables[2].Find("empty")->value.array.empty());
}

TEST(MilitaryTomlTest, RefusesWhatIsOutsideTheSubsetWithItsLine) {
  struct Case {
    const char* text;
    const char* fragment;  // expected in the message
  };
  const Case cases[] = {
      {"[a]\nx = 1\nx = 2\n", "f.toml:3: key 'x' is defined twice"},
      {"[a]\n[a]\n", "f.toml:2: table [a] is defined twice"},
      {"[[a]]\n", "f.toml:1:2: array tables"},
      {"[a]\nx = {y = 1}\n", "f.toml:2:5: inline tables"},
      {"[a]\nx.y = 1\n", "f.toml:2:2: dotted keys"},
      {"[a]\nx = \"\"\"long\"\"\"\n", "f.toml:2:5: multi-line strings"},
      {"[a]\nx = \"open\n", "f.toml:2:10: unterminated string"},
      {"[a]\nx = \"bad \\q\"\n", "unsupported escape"},
      {"[a]\nx = 007\n", "f.toml:2:5: bad number '007'"},
      {"[a]\nx = 1979-05-27\n", "f.toml:2:5: bad value"},
      {"[a]\nx = 99999999999999999999\n", "out of range"},
      {"[a]\nx =\n", "f.toml:2:4: missing value"},
      {"[a]\nx = 1 2\n", "f.toml:2:7: unexpected text"},
      {"[a]\nx = [1, 2\n", "f.toml:2: unterminated array"},
      {"[a]\nx = [1 2]\n", "expected ',' or ']'"},
      {"[a]\n\"q\" = 1\n", "quoted keys"},
      {"[a]\n= 1\n", "expected a key"},
      {"[a b]\n", "expected '.' or ']'"},
      {"[a]\nx = [[[[[1]]]]]\n", "nested too deeply"},
      {"[a]\nx = nan\n", "bad value 'nan'"},
  };
  for (const Case& c : cases) {
    auto doc = ParseTomlSubset("f.toml", c.text);
    ASSERT_FALSE(doc.ok()) << "accepted: " << c.text;
    EXPECT_NE(doc.status().message().find(c.fragment), std::string::npos)
        << "input: " << c.text << "\nmessage: " << doc.status().message();
  }
}

}  // namespace
}  // namespace entente::internal
