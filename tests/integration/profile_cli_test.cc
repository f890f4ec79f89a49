// `entente profile`, `entente rank` and `entente import profile` as a user
// runs them: help with examples, the three formats, exit codes, errors that
// name file, line and column, and the stored panel answering like a fresh
// build. The stores here hold no UN votes (building a panel without them
// takes a few seconds; the UN indicators are then missing, which is what a
// user without `entente init` gets).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "entente/paths.h"
#include "support/run_command.h"
#include "support/scratch_dir.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

using CliRun = testing_support::CommandRun;
constexpr auto Entente = testing_support::RunEntente;

TEST(ProfileCli, HelpHasExamples) {
  for (const char* cmd : {"profile --help", "rank --help", "import profile --help"}) {
    CliRun run = Entente(cmd);
    EXPECT_EQ(run.exit_code, 0) << cmd << "\n" << run.out;
    EXPECT_NE(run.out.find("xample"), std::string::npos) << cmd << "\n" << run.out;
  }
  EXPECT_NE(Entente("profile --help").out.find("entente profile CHN RUS"), std::string::npos);
  EXPECT_NE(Entente("rank --help").out.find("entente rank --year"), std::string::npos);
}

TEST(ProfileCli, UsageErrorsExitOne) {
  testing_support::ScratchDir dir("entente-profile-cli");
  const std::string store = " --store " + (dir / "s.sqlite").string() + " ";
  EXPECT_EQ(Entente(store + "profile CHN CHN").exit_code, 1);
  EXPECT_EQ(Entente(store + "profile CHN RUS --years 2020:2010").exit_code, 1);
  EXPECT_EQ(Entente(store + "profile CHN RUS --compare USA").exit_code, 1);
  EXPECT_EQ(Entente(store + "rank --year 2010 --dimension charm --from-sources").exit_code, 1);
  CliRun unknown = Entente(store + "profile CHN Narnia");
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.out.find("Narnia"), std::string::npos) << unknown.out;
}

// A bad evidence row stops everything with its file, line and column, exit 2.
TEST(ProfileCli, BadEvidenceNamesFileLineColumn) {
  testing_support::ScratchDir dir("entente-profile-cli");
  const fs::path evidence = dir / "evidence";
  fs::copy(ProjectDataDir() + "/evidence", evidence, fs::copy_options::recursive);
  const fs::path meetings = evidence / "personal" / "leader_meetings.csv";
  std::ifstream in(meetings);
  std::stringstream text;
  text << in.rdbuf();
  std::string content = text.str();
  // Line 3's date becomes 30 February.
  std::size_t line3 = content.find('\n', content.find('\n') + 1) + 1;
  std::size_t date = content.find(',', line3) + 1;
  content.replace(date, 10, "2014-02-30");
  std::ofstream(meetings, std::ios::trunc) << content;
  CliRun run = Entente("--store " + (dir / "s.sqlite").string() + " profile CHN RUS --evidence " +
                       evidence.string() + " --from-sources --format csv");
  EXPECT_EQ(run.exit_code, 2) << run.out;
  EXPECT_NE(run.out.find("leader_meetings.csv:3:2"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("2014-02-30"), std::string::npos) << run.out;
  // --check validates the same files without building anything.
  CliRun check = Entente("profile --check --evidence " + evidence.string());
  EXPECT_EQ(check.exit_code, 2) << check.out;
  EXPECT_NE(check.out.find("leader_meetings.csv:3:2"), std::string::npos) << check.out;
  CliRun good = Entente("profile --check --format csv");
  EXPECT_EQ(good.exit_code, 0) << good.out;
  EXPECT_NE(good.out.find("personal/leader_meetings.csv,"), std::string::npos) << good.out;
}

// JSON carries every indicator with value, score, source and evidence;
// missing values are null. The stored panel answers exactly like a build.
TEST(ProfileCli, JsonAndStoredPanelAgree) {
  testing_support::ScratchDir dir("entente-profile-cli");
  const std::string store = " --store " + (dir / "s.sqlite").string() + " ";
  CliRun built = Entente(store + "profile CHN RUS --years 2012:2014 --from-sources --format csv");
  ASSERT_EQ(built.exit_code, 0) << built.out;
  CliRun imported = Entente(store + "import profile");
  ASSERT_EQ(imported.exit_code, 0) << imported.out;
  CliRun stored = Entente(store + "profile CHN RUS --years 2012:2014 --format csv");
  ASSERT_EQ(stored.exit_code, 0) << stored.out;
  EXPECT_EQ(built.out, stored.out);
  EXPECT_NE(stored.out.find("CHN-RUS,2013,"), std::string::npos) << stored.out;

  CliRun json = Entente(store + "profile CHN RUS --years 2013 --format json");
  ASSERT_EQ(json.exit_code, 0) << json.out;
  const auto j = nlohmann::json::parse(json.out);
  ASSERT_EQ(j["years"].size(), 1u);
  const auto& year = j["years"][0];
  EXPECT_EQ(year["year"], 2013);
  EXPECT_FALSE(year["class"].get<std::string>().empty());
  bool meetings = false, un = false;
  for (const auto& ind : year["indicators"]) {
    if (ind["id"] == "leader_meetings") {
      meetings = true;
      EXPECT_EQ(ind["source"], "evidence");
      ASSERT_FALSE(ind["evidence"].empty());
      EXPECT_EQ(ind["evidence"][0]["url"].get<std::string>().rfind("http", 0), 0u);
    }
    if (ind["id"] == "un_agreement") {
      un = true;
      EXPECT_TRUE(ind["value"].is_null());  // no votes in this store: missing, not 0
      EXPECT_TRUE(ind["score"].is_null());
    }
  }
  EXPECT_TRUE(meetings && un);

  CliRun rank = Entente(store + "rank --year 2013 --top 5 --format csv");
  ASSERT_EQ(rank.exit_code, 0) << rank.out;
  std::istringstream lines(rank.out);
  std::string line;
  int rows = 0;
  while (std::getline(lines, line)) ++rows;
  EXPECT_EQ(rows, 6) << rank.out;  // header + 5
}

// After an evidence file changes, the stored panel is stale: the command
// rebuilds from the files instead of showing values the rows no longer back.
TEST(ProfileCli, StalePanelIsRebuilt) {
  testing_support::ScratchDir dir("entente-profile-cli");
  const fs::path evidence = dir / "evidence";
  fs::copy(ProjectDataDir() + "/evidence", evidence, fs::copy_options::recursive);
  const std::string args = " --store " + (dir / "s.sqlite").string() + " ";
  const std::string ev = " --evidence " + evidence.string();
  ASSERT_EQ(Entente(args + "import profile" + ev).exit_code, 0);
  auto meetings_2013 = [&] {
    CliRun run = Entente(args + "profile CHN RUS --years 2013 --indicators --format csv" + ev);
    EXPECT_EQ(run.exit_code, 0) << run.out;
    const std::size_t at = run.out.find("leader_meetings,");
    return at == std::string::npos ? std::string() : run.out.substr(at, 24);
  };
  EXPECT_EQ(meetings_2013().rfind("leader_meetings,3.0000", 0), 0u);
  // Drop the 2013-03-22 Moscow meeting.
  const fs::path file = evidence / "personal" / "leader_meetings.csv";
  std::ifstream in(file);
  std::string line, kept;
  while (std::getline(in, line)) {
    if (line.rfind("CHN-RUS,2013-03-22,", 0) == 0) continue;
    kept += line + "\n";
  }
  in.close();
  std::ofstream(file, std::ios::trunc) << kept;
  EXPECT_EQ(meetings_2013().rfind("leader_meetings,2.0000", 0), 0u);
}

}  // namespace
}  // namespace entente
