// The team's evidence files: valid rows become facts, and every invalid row
// (unknown country, bad date, unknown criterion, missing source ...) fails
// the file with FILE:LINE:COLUMN, so nothing from it is ever scored.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "entente/military.h"
#include "ingest/military_sources.h"
#include "support/scratch_dir.h"
#include "support/shared_registry.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

using testing_support::Registry;

const std::string kHeader =
    "dyad,date,end_date,criterion,kind,name,description,publisher,title,published,url\n";
// Fields of a valid row, in order; tests replace one.
const std::vector<std::string> kRow = {"CHN-RUS",
                                       "2005-08-19",
                                       "2005-08-25",
                                       "exercises",
                                       "exercise",
                                       "Peace Mission 2005",
                                       "\"First joint exercise, land, sea and air.\"",
                                       "Wikipedia",
                                       "Peace Mission 2005",
                                       "2020",
                                       "https://en.wikipedia.org/wiki/Peace_Mission_2005"};

std::string Row(std::size_t field = 99, const std::string& value = "") {
  std::string out;
  for (std::size_t i = 0; i < kRow.size(); ++i) {
    if (i) out += ',';
    out += i == field ? value : kRow[i];
  }
  return out + "\n";
}

TEST(MilitaryEvidenceTest, ValidRowsBecomeFactsWithTheirCitation) {
  const std::string text = kHeader + Row() +
                           "GBR-USA,1949-04-04,,common_defence,defence_commitment,NATO Article "
                           "5,Collective defence.,NATO,Collective defence,,https://nato.int/a\n";
  auto read = internal::ReadMilitaryEvidence("e.csv", text, Registry());
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ(read->facts.size(), 2u);
  const auto& f = read->facts[0];
  EXPECT_EQ(f.ccode_a, 365);
  EXPECT_EQ(f.ccode_b, 710);
  EXPECT_EQ(f.first_year, 2005);
  EXPECT_EQ(f.last_year, 2005);
  EXPECT_FALSE(f.open_ended);
  EXPECT_EQ(f.kinds, 1u << static_cast<int>(MilitaryCriterion::kExercises));
  EXPECT_EQ(read->details[f.detail].reference, "e.csv:2");
  EXPECT_EQ(read->details[f.detail].description, "First joint exercise, land, sea and air.");
  const auto& g = read->facts[1];
  EXPECT_EQ(g.ccode_a, 2);
  EXPECT_EQ(g.ccode_b, 200);
  EXPECT_TRUE(g.open_ended);
}

TEST(MilitaryEvidenceTest, EvidenceFollowsALineageChange) {
  // Germany is 260 to 1990-10-02 and 255 after: an open-ended row from 1955
  // reaches both dyads.
  const std::string text = kHeader +
                           "DEU-USA,1955-05-05,,treaty,agreement,NATO accession,West Germany "
                           "joins.,NATO,Accession,,https://nato.int/b\n";
  auto read = internal::ReadMilitaryEvidence("e.csv", text, Registry());
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ(read->facts.size(), 2u);
  EXPECT_EQ(read->facts[0].ccode_b, 260);
  EXPECT_EQ(read->facts[0].last_year, 1990);
  EXPECT_FALSE(read->facts[0].open_ended);
  EXPECT_EQ(read->facts[1].ccode_b, 255);
  EXPECT_TRUE(read->facts[1].open_ended);
}

TEST(MilitaryEvidenceTest, EveryBadRowIsNamedWithFileLineAndColumn) {
  struct Case {
    std::size_t field;
    std::string value;
    std::string fragment;
  };
  const Case cases[] = {
      {0, "CHN-XXX", "e.csv:3:1: unknown country 'XXX'"},
      {0, "RUS-CHN", "e.csv:3:1: bad dyad: write the two codes in alphabetical order"},
      {0, "CHNRUS", "e.csv:3:1: bad dyad"},
      {1, "2005-02-30", "e.csv:3:2: bad date"},
      {1, "19-08-2005", "e.csv:3:2: bad date"},
      {1, "", "e.csv:3:2: bad date"},
      {2, "2004", "e.csv:3:3: end_date is before date"},
      {2, "2005-13", "e.csv:3:3: bad end_date"},
      {3, "parades", "e.csv:3:4: unknown criterion"},
      {4, "parade", "e.csv:3:5: unknown kind"},
      {5, "", "e.csv:3:6: missing name"},
      {7, "", "e.csv:3:8: missing source"},
      {8, "", "e.csv:3:9: missing source"},
      {9, "last year", "e.csv:3:10: bad published date"},
      {10, "", "e.csv:3:11: missing source"},
      {10, "www.example.org", "e.csv:3:11: bad URL"},
  };
  for (const Case& c : cases) {
    // A good row first: the error must name line 3, and nothing is returned.
    const std::string text = kHeader + Row(99, "").replace(0, 7, "BLR-RUS") + Row(c.field, c.value);
    auto read = internal::ReadMilitaryEvidence("e.csv", text, Registry());
    ASSERT_FALSE(read.ok()) << "accepted field " << c.field << " = '" << c.value << "'";
    EXPECT_NE(read.status().message().find(c.fragment), std::string::npos)
        << "field " << c.field << " = '" << c.value << "'\nmessage: " << read.status().message();
  }
}

TEST(MilitaryEvidenceTest, HeaderDuplicatesAndFieldCountAreChecked) {
  auto bad_header = internal::ReadMilitaryEvidence("e.csv", "dyad,date\n", Registry());
  ASSERT_FALSE(bad_header.ok());
  // (Record-level errors may also carry a column: check line and text apart.)
  EXPECT_EQ(bad_header.status().message().rfind("e.csv:1:", 0), 0u);
  EXPECT_NE(bad_header.status().message().find("the header of an evidence file"),
            std::string::npos);
  auto duplicate = internal::ReadMilitaryEvidence("e.csv", kHeader + Row() + Row(), Registry());
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.status().message().rfind("e.csv:3:", 0), 0u);
  EXPECT_NE(duplicate.status().message().find("duplicate of line 2"), std::string::npos);
  auto short_row = internal::ReadMilitaryEvidence("e.csv", kHeader + "CHN-RUS,2005\n", Registry());
  ASSERT_FALSE(short_row.ok());
  EXPECT_EQ(short_row.status().message().rfind("e.csv:2:", 0), 0u);
  EXPECT_NE(short_row.status().message().find("expected 11 fields"), std::string::npos);
}

TEST(MilitaryEvidenceTest, DatesMeanTheirWholeSpan) {
  DateKey first = 0, last = 0;
  ASSERT_TRUE(internal::ParseEvidenceDate("2024", first, last));
  EXPECT_EQ(first, 20240101);
  EXPECT_EQ(last, 20241231);
  ASSERT_TRUE(internal::ParseEvidenceDate("2024-02", first, last));
  EXPECT_EQ(last, 20240229);
  ASSERT_TRUE(internal::ParseEvidenceDate("2023-02-28", first, last));
  EXPECT_EQ(first, last);
  for (const char* bad : {"2023-02-29", "2024-00", "1799", "2024-1-01", "2024/01/01", "20240"}) {
    EXPECT_FALSE(internal::ParseEvidenceDate(bad, first, last)) << bad;
  }
}

TEST(MilitaryEvidenceTest, CoverageDeclarationsAreValidated) {
  const std::string header = "dyad,criteria,first_year,last_year,note\n";
  auto ok = internal::ReadEvidenceCoverage(
      "c.csv", header + "CHN-RUS,exercises;cbm,1991,2025,searched\n", Registry());
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  ASSERT_EQ(ok->size(), 1u);
  EXPECT_EQ((*ok)[0].criteria, (1u << 3) | (1u << 4));
  auto bad = internal::ReadEvidenceCoverage(
      "c.csv", header + "CHN-RUS,exercises;parades,1991,2025,x\n", Registry());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("c.csv:2:2: unknown criterion 'parades'"),
            std::string::npos);
  auto no_note =
      internal::ReadEvidenceCoverage("c.csv", header + "CHN-RUS,all,1991,2025,\n", Registry());
  ASSERT_FALSE(no_note.ok());
  EXPECT_NE(no_note.status().message().find("c.csv:2:5: missing note"), std::string::npos);
}

// Loading a folder with one good and one bad file fails as a whole: no
// MilitaryData exists, so nothing from the good file is scored either.
TEST(MilitaryEvidenceTest, ABadFileMeansNothingIsLoaded) {
  const testing_support::ScratchDir scratch("entente-military-evidence");
  const fs::path dir = scratch.path();
  fs::create_directories(dir / "evidence");
  fs::create_directories(dir / "shared");
  std::ofstream(dir / "evidence" / "a_good.csv") << kHeader << Row();
  std::ofstream(dir / "evidence" / "b_bad.csv") << kHeader << Row(1, "2005-02-30");
  MilitaryDataOptions options;
  options.shared_data_dir = (dir / "shared").string();
  options.evidence_dir = (dir / "evidence").string();
  options.require_datasets = false;
  auto data = MilitaryData::Load(Registry(), options);
  ASSERT_FALSE(data.ok());
  EXPECT_NE(data.status().message().find("b_bad.csv:2:2: bad date"), std::string::npos)
      << data.status().message();
  // The same folder without the bad file loads.
  fs::remove(dir / "evidence" / "b_bad.csv");
  auto good = MilitaryData::Load(Registry(), options);
  ASSERT_TRUE(good.ok()) << good.status().message();
  // A duplicate across two files is refused too.
  std::ofstream(dir / "evidence" / "c_copy.csv") << kHeader << Row();
  auto duplicate = MilitaryData::Load(Registry(), options);
  ASSERT_FALSE(duplicate.ok());
  EXPECT_NE(duplicate.status().message().find("c_copy.csv:2: duplicate of"), std::string::npos)
      << duplicate.status().message();
  // Datasets are required unless said otherwise.
  options.require_datasets = true;
  fs::remove(dir / "evidence" / "c_copy.csv");
  auto missing = MilitaryData::Load(Registry(), options);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("missing dataset"), std::string::npos);
}

}  // namespace
}  // namespace entente
