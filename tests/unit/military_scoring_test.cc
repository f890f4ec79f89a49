// Scoring on hand-made evidence (team files only, no datasets): the ladder,
// stages, recurrence, coverage (unknown vs not met) and since-years, each
// worked out by hand in the comments.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "entente/military.h"
#include "support/scratch_dir.h"
#include "support/shared_registry.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

using testing_support::Registry;

// Two stages: A = {treaty, exercises, cbm} reached with 2; B = {troop_placement,
// common_defence} reached with 1. max_level 5.
const char* kFramework = R"([framework]
title = "Test"
citation = "test"
stages = ["a", "b"]
[stage.a]
title = "A"
criteria = ["treaty", "exercises", "cbm"]
min_met = 2
[stage.b]
title = "B"
criteria = ["troop_placement", "common_defence"]
min_met = 1
[criterion.treaty]
title = "T"
evidence = ["team"]
holds = "until_end"
[criterion.exercises]
title = "E"
evidence = ["team"]
holds = "recur"
recur_within_years = 3
recur_min_years = 2
[criterion.cbm]
title = "C"
evidence = ["team"]
holds = "until_end"
[criterion.troop_placement]
title = "P"
evidence = ["team"]
holds = "until_end"
[criterion.common_defence]
title = "D"
evidence = ["team"]
holds = "until_end"
)";

std::string Row(const std::string& dyad, const std::string& date, const std::string& end,
                const std::string& criterion, const std::string& kind, const std::string& name) {
  return dyad + "," + date + "," + end + "," + criterion + "," + kind + "," + name +
         ",d,Publisher,Title,,https://example.org/" + name + "\n";
}

class MilitaryScoringTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = scratch_.path();
    fs::create_directories(dir_ / "evidence");
    fs::create_directories(dir_ / "shared");
    std::ofstream out(dir_ / "evidence" / "e.csv");
    out << "dyad,date,end_date,criterion,kind,name,description,publisher,title,published,url\n"
        // treaty 2000-2009 (ends), exercises 2001 alone, then 2005, 2007, 2010
        << Row("FRA-ITA", "2000-03", "2009", "treaty", "agreement", "t1")
        << Row("FRA-ITA", "2001", "", "exercises", "exercise", "x2001")
        << Row("FRA-ITA", "2005-06-01", "2005-06-03", "exercises", "exercise", "x2005")
        << Row("FRA-ITA", "2007", "2007", "exercises", "exercise", "x2007")
        << Row("FRA-ITA", "2010", "2010", "exercises", "exercise", "x2010")
        << Row("FRA-ITA", "2008", "", "cbm", "cbm", "c2008")
        << Row("FRA-ITA", "2006", "", "common_defence", "defence_commitment", "d2006");
    out.close();
    std::ofstream cov(dir_ / "evidence" / "coverage.csv");
    cov << "dyad,criteria,first_year,last_year,note\n"
        << "FRA-ITA,treaty;exercises;cbm;common_defence,1995,2015,test\n";
    cov.close();
    MilitaryDataOptions options;
    options.shared_data_dir = (dir_ / "shared").string();
    options.evidence_dir = (dir_ / "evidence").string();
    options.require_datasets = false;
    auto data = MilitaryData::Load(Registry(), options);
    ASSERT_TRUE(data.ok()) << data.status().message();
    data_ = std::make_unique<MilitaryData>(std::move(data).value());
    auto framework = ParseMilitaryFramework("test.toml", kFramework, "test");
    ASSERT_TRUE(framework.ok()) << framework.status().message();
    framework_ = std::move(framework).value();
  }

  std::vector<MilitaryYearScore> Score(const char* a, const char* b, int first, int last) {
    return ScoreMilitaryDyad(*data_, Registry(), framework_, **Registry().Find(a),
                             **Registry().Find(b), YearRange{first, last});
  }

  testing_support::ScratchDir scratch_{"entente-military-scoring"};
  fs::path dir_;
  std::unique_ptr<MilitaryData> data_;
  MilitaryFramework framework_;
};

TEST_F(MilitaryScoringTest, LadderStagesAndLevelsByHand) {
  // Criteria index: 0 treaty, 1 exercises, 2 cbm, 3 troop_placement, 4 common_defence.
  // exercises: 2001 is isolated (next 2005 is 4 > 3 years on): never met.
  // 2005, 2007, 2010 form one run: met 2005 .. 2010 + 2 = 2012.
  struct Expect {
    int year;
    int stage;  // -1 none, 0 a, 1 b
    int level;
    int level_max;
  };
  const Expect expected[] = {
      {1994, -1, 0, 5},  // outside coverage: all unknown, nothing met
      {1999, -1, 0, 0},  // covered, nothing met
      {2000, -1, 1, 1},  // treaty only; troop_placement unknown but stage a not reachable
      {2001, -1, 1, 1},  // the lone 2001 exercise does not count
      {2005, 0, 3, 4},   // treaty + exercises reach a (3); b: nothing yet, troops unknown
      {2006, 1, 4, 5},   // + common_defence reaches b: 3 + 1; troops unknown -> max 5
      {2008, 1, 4, 5},  {2010, 1, 4, 5},  // treaty ended 2009; exercises + cbm keep a: 3 + 1
      {2013, -1, 1, 1},  // exercises lapsed after 2012: only cbm in a; b cannot count
      {2016, -1, 1, 5},  // outside coverage: treaty and exercises unknown, could reach a
  };
  auto scores = Score("FRA", "ITA", 1994, 2016);
  for (const Expect& e : expected) {
    const MilitaryYearScore& s = scores[e.year - 1994];
    ASSERT_EQ(s.year, e.year);
    EXPECT_EQ(s.stage, e.stage) << e.year;
    EXPECT_EQ(s.level, e.level) << e.year;
    EXPECT_EQ(s.level_max, e.level_max) << e.year;
  }
  const MilitaryYearScore& y2010 = scores[2010 - 1994];
  EXPECT_EQ(y2010.criteria[0].status, CriterionStatus::kNotMet);
  EXPECT_EQ(y2010.criteria[1].status, CriterionStatus::kMet);
  EXPECT_EQ(y2010.criteria[1].since, 2005);
  EXPECT_EQ(y2010.criteria[2].since, 2008);
  EXPECT_EQ(y2010.criteria[3].status, CriterionStatus::kUnknown);  // never covered
  EXPECT_DOUBLE_EQ(y2010.grade, 3.0 / 5.0);
  EXPECT_EQ(MilitaryCriteriaList(framework_, y2010, CriterionStatus::kMet),
            "exercises;cbm;common_defence");
  EXPECT_EQ(MilitaryStageName(framework_, y2010), "b");
  EXPECT_EQ(MilitaryStageName(framework_, scores[0]), "none");
}

TEST_F(MilitaryScoringTest, DyadOrderDoesNotMatterAndCodesAreReported) {
  auto ab = Score("FRA", "ITA", 2005, 2010);
  auto ba = Score("ITA", "FRA", 2005, 2010);
  ASSERT_EQ(ab.size(), ba.size());
  for (std::size_t i = 0; i < ab.size(); ++i) {
    EXPECT_EQ(ab[i].level, ba[i].level);
    EXPECT_EQ(ab[i].stage, ba[i].stage);
  }
  EXPECT_EQ(ab[0].ccode_a, 220);
  EXPECT_EQ(ba[0].ccode_a, 325);
  // A dyad without any evidence: nothing met, statuses from coverage only.
  auto none = Score("FRA", "DEU", 2005, 2005);
  EXPECT_EQ(none[0].level, 0);
  EXPECT_EQ(none[0].criteria[0].status, CriterionStatus::kUnknown);
}

TEST_F(MilitaryScoringTest, ExplainListsCountedEvidenceWithSources) {
  auto rows = ExplainMilitaryDyad(*data_, Registry(), framework_, **Registry().Find("FRA"),
                                  **Registry().Find("ITA"), YearRange{2005, 2010});
  std::vector<std::string> exercise_names;
  for (const auto& r : rows) {
    if (r.criterion == "exercises" && !r.source.empty()) exercise_names.push_back(r.name);
    if (!r.source.empty()) {
      EXPECT_EQ(r.publisher, "Publisher");
      EXPECT_EQ(r.url.rfind("https://example.org/", 0), 0u);
      EXPECT_NE(r.reference.find("e.csv:"), std::string::npos);
    }
  }
  EXPECT_EQ(exercise_names, (std::vector<std::string>{"x2005", "x2007", "x2010"}));
  // Every criterion appears, troop_placement with its status only.
  bool saw_troops = false;
  for (const auto& r : rows) {
    if (r.criterion == "troop_placement") {
      saw_troops = true;
      EXPECT_TRUE(r.source.empty());
      EXPECT_EQ(r.status, "unknown 2005-2010");
    }
  }
  EXPECT_TRUE(saw_troops);
}

}  // namespace
}  // namespace entente
