// The `entente military` command as a user runs it, including the issue's
// contract: `entente --store PATH military A B --years Y1:Y2 --format csv`
// prints one row per year with at least year,stage,level,criteria_met.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "entente/paths.h"
#include "support/run_command.h"
#include "support/scratch_dir.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

using CliRun = testing_support::CommandRun;
constexpr auto Entente = testing_support::RunEntente;

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (char c : line) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.push_back(field);
        field.clear();
      } else {
        field += c;
      }
    }
    fields.push_back(field);
    rows.push_back(fields);
  }
  return rows;
}

class MilitaryCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = scratch_.path();
    store_ = (dir_ / "store.sqlite").string();
  }
  testing_support::ScratchDir scratch_{"entente-military-cli"};
  fs::path dir_;
  std::string store_;
};

TEST_F(MilitaryCliTest, ContractOneCsvRowPerYear) {
  // A fresh store: the command needs no import step.
  CliRun run = Entente("--store " + store_ + " military CHN RUS --years 1991:2025 --format csv");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  auto rows = ParseCsv(run.out);
  ASSERT_EQ(rows.size(), 36u) << run.out;  // header + 35 years
  const auto& header = rows[0];
  auto column = [&](const std::string& name) {
    auto it = std::find(header.begin(), header.end(), name);
    EXPECT_NE(it, header.end()) << name;
    return static_cast<std::size_t>(it - header.begin());
  };
  const std::size_t year = column("year");
  const std::size_t stage = column("stage");
  const std::size_t level = column("level");
  const std::size_t met = column("criteria_met");
  for (std::size_t i = 1; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i][year], std::to_string(1990 + i));
    EXPECT_FALSE(rows[i][stage].empty());
    EXPECT_EQ(rows[i][level].find_first_not_of("0123456789"), std::string::npos);
  }
  EXPECT_EQ(rows[1][level], "1");
  EXPECT_EQ(rows[35][level], "5");
  EXPECT_EQ(rows[35][stage], "moderate");
  EXPECT_EQ(rows[35][met], "treaty;consultations;military_technical;exercises;cbm");
}

TEST_F(MilitaryCliTest, ExplainListsEvidenceWithSources) {
  CliRun run =
      Entente("--store " + store_ + " military CHN RUS --years 2019 --explain --format csv");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  auto rows = ParseCsv(run.out);
  ASSERT_GT(rows.size(), 10u);
  EXPECT_EQ(rows[0][0], "framework");
  bool s400 = false;
  for (const auto& r : rows) {
    if (r.size() > 13 && r[8].find("S-400") != std::string::npos && r[13].rfind("http", 0) == 0) {
      s400 = true;
    }
  }
  EXPECT_TRUE(s400) << "the S-400 deliveries with a cited URL";
}

TEST_F(MilitaryCliTest, FrameworksSideBySideAndJson) {
  CliRun run = Entente("--store " + store_ +
                       " military USA JPN --years 2015 --framework korolev,korolev_three_tier "
                       "--format json");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("\"framework\": \"korolev\""), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\"framework\": \"korolev_three_tier\""), std::string::npos);
}

TEST_F(MilitaryCliTest, AllDyadsWritesTheCsvPanel) {
  const std::string out = (dir_ / "panel.csv").string();
  CliRun run = Entente("--store " + store_ +
                       " military --all-dyads --years 2014:2015 --format csv --out " + out);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  std::ifstream in(out);
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header.rfind("ccode1,ccode2,year,framework,stage,level,", 0), 0u);
  std::size_t lines = 1;
  for (std::string line; std::getline(in, line);) ++lines;
  EXPECT_GT(lines, 30000u);  // about 18,700 dyads a year
}

TEST_F(MilitaryCliTest, BadEvidenceFailsWithFileAndLineAndScoresNothing) {
  fs::create_directories(dir_ / "evidence");
  std::ofstream(dir_ / "evidence" / "bad.csv")
      << "dyad,date,end_date,criterion,kind,name,description,publisher,title,published,url\n"
      << "CHN-RUS,2019,,parades,exercise,Parade,d,P,T,,https://x.org\n";
  CliRun run =
      Entente("--store " + store_ + " military CHN RUS --years 2019 --format csv --evidence " +
              (dir_ / "evidence").string());
  EXPECT_EQ(run.exit_code, 2) << run.out;
  EXPECT_NE(run.out.find("bad.csv:2:4: unknown criterion"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("nothing was scored"), std::string::npos);
  EXPECT_EQ(run.out.find("year,"), std::string::npos);
}

TEST_F(MilitaryCliTest, UsageErrors) {
  EXPECT_EQ(Entente("--store " + store_ + " military CHN").exit_code, 1);
  EXPECT_EQ(Entente("--store " + store_ + " military CHN CHN").exit_code, 1);
  EXPECT_EQ(Entente("--store " + store_ + " military CHN RUS --years 2020:2010").exit_code, 1);
  CliRun unknown = Entente("--store " + store_ + " military CHN RUS --framework nope");
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.out.find("known: korolev"), std::string::npos) << unknown.out;
  EXPECT_EQ(Entente("--store " + store_ + " military --check --format csv").exit_code, 0);
}

}  // namespace
}  // namespace entente
