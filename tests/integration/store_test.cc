// The store file: schema versioning with PRAGMA user_version, reopening,
// refusing stores written by a newer entente, and failed imports that leave
// the file as it was (byte for byte, and table for table).
#include "entente/store.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "entente/countries.h"
#include "entente/unga.h"
#include "store/sqlite.h"

namespace fs = std::filesystem;

namespace entente::integration {

// Defined in unga_import_test.cc.
std::string NewScratchDir(const std::string& name);
const CountryRegistry& SharedCountries();
std::string StoreFingerprint(const std::string& path);

namespace {

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

int UserVersion(const std::string& path) {
  auto db = internal::Database::Open(path);
  if (!db.ok()) return -1;
  auto stmt = db->Prepare("PRAGMA user_version");
  if (!stmt.ok() || !stmt->Step()) return -1;
  return static_cast<int>(stmt->Int(0));
}

// The first `count` lines of the real Voeten file.
std::string VoetenLines(int count) {
  std::ifstream in(std::string(ENTENTE_SHARED_DATA) + "/unga/voeten_votes_1946_2015.csv");
  std::string out, line;
  for (int i = 0; i < count && std::getline(in, line); ++i) out += line + "\n";
  return out;
}

std::string RollCallLines(int count) {
  std::ifstream in(std::string(ENTENTE_SHARED_DATA) + "/unga/un_roll_calls.csv");
  std::string out, line;
  for (int i = 0; i < count && std::getline(in, line); ++i) out += line + "\n";
  return out;
}

TEST(StoreTest, OpenCreatesTheCurrentSchema) {
  const std::string path = NewScratchDir("create") + "/new.sqlite";
  ASSERT_FALSE(fs::exists(path));
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().message();
    EXPECT_EQ(store->schema_version(), Store::kSchemaVersion);
    EXPECT_EQ(store->path(), path);
    auto imports = store->Imports();
    ASSERT_TRUE(imports.ok()) << imports.status().message();
    EXPECT_TRUE(imports->empty());
  }
  EXPECT_TRUE(fs::exists(path));
  EXPECT_EQ(UserVersion(path), Store::kSchemaVersion);
  const std::string fingerprint = StoreFingerprint(path);
  for (const char* table :
       {"imports", "unga_roll_calls", "unga_votes", "unga_vote_discrepancies"}) {
    EXPECT_NE(fingerprint.find(std::string("table ") + table + ": 0 rows"), std::string::npos)
        << table << " missing or not empty:\n"
        << fingerprint;
  }
}

TEST(StoreTest, InMemoryStoreWorks) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ(store->schema_version(), Store::kSchemaVersion);
  auto votes = LoadUngaVotes(*store, YearRange{});
  ASSERT_TRUE(votes.ok()) << votes.status().message();
  EXPECT_TRUE(votes->roll_calls.empty());
}

TEST(StoreTest, ReopeningKeepsDataAndVersion) {
  const std::string dir = NewScratchDir("reopen");
  const std::string path = dir + "/store.sqlite";
  WriteFile(dir + "/votes.csv", VoetenLines(500));
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().message();
    auto imported = ImportUnga(*store, SharedCountries(), dir + "/votes.csv");
    ASSERT_TRUE(imported.ok()) << imported.status().message();
  }
  const std::string before = StoreFingerprint(path);
  for (int round = 0; round < 2; ++round) {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << "round " << round << ": " << store.status().message();
    EXPECT_EQ(store->schema_version(), Store::kSchemaVersion);
    auto imports = store->Imports();
    ASSERT_TRUE(imports.ok());
    ASSERT_EQ(imports->size(), 1u);
    EXPECT_EQ(imports->front().rows_read, 499);
  }
  EXPECT_EQ(StoreFingerprint(path), before) << "reopening must not change the store";
}

TEST(StoreTest, RefusesAStoreFromANewerEntente) {
  const std::string dir = NewScratchDir("newer");
  const std::string path = dir + "/future.sqlite";
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE(store->database()
                    .Exec("PRAGMA user_version = " + std::to_string(Store::kSchemaVersion + 1))
                    .ok());
  }
  const std::string bytes = ReadBytes(path);
  auto reopened = Store::Open(path);
  ASSERT_FALSE(reopened.ok()) << "a store of schema version " << Store::kSchemaVersion + 1
                              << " must not be opened by this build";
  const std::string& message = reopened.status().message();
  EXPECT_EQ(reopened.status().code(), Status::Code::kData);
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_NE(message.find(std::to_string(Store::kSchemaVersion + 1)), std::string::npos) << message;
  EXPECT_NE(message.find("newer"), std::string::npos) << message;
  EXPECT_NE(message.find("upgrade"), std::string::npos) << message;
  EXPECT_EQ(ReadBytes(path), bytes) << "refusing must not touch the file";
  EXPECT_EQ(UserVersion(path), Store::kSchemaVersion + 1);

  // The CLI says the same and exits with 2.
  const std::string command = std::string("'") + ENTENTE_BINARY + "' --store '" + path +
                              "' imports >'" + dir + "/out' 2>'" + dir + "/err'";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  const std::string err = ReadBytes(dir + "/err");
  EXPECT_NE(err.find("newer"), std::string::npos) << err;
  EXPECT_NE(err.find(path), std::string::npos) << err;
}

TEST(StoreTest, RefusesAFileThatIsNotAStore) {
  const std::string dir = NewScratchDir("not-a-store");
  const std::string path = dir + "/notes.txt";
  const std::string text = "this is not a database, just some notes\n";
  WriteFile(path, text);
  auto store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find(path), std::string::npos) << store.status().message();
  EXPECT_EQ(ReadBytes(path), text);
}

// Each failure below happens at a different stage: while reading (a bad
// vote code), or inside the import transaction after rows were already
// written (an issue tag for an unknown roll call; a roll call whose date
// contradicts the store). Either way the file must end as it began.
class FailedImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = NewScratchDir("failed-import");
    path_ = dir_ + "/store.sqlite";
    WriteFile(dir_ + "/votes.csv", VoetenLines(2000));
    WriteFile(dir_ + "/calls.csv", RollCallLines(60));
    auto store = Store::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    for (const char* file : {"votes.csv", "calls.csv"}) {
      auto imported = ImportUnga(*store, SharedCountries(), dir_ + "/" + file);
      ASSERT_TRUE(imported.ok()) << file << ": " << imported.status().message();
    }
  }

  // Imports `content` as a file named `name`, expects a data error, and
  // checks that the store is byte- and table-identical afterwards.
  void ExpectFailureLeavesStoreAlone(const std::string& name, const std::string& content,
                                     const std::string& fragment) {
    const std::string bytes = ReadBytes(path_);
    const std::string tables = StoreFingerprint(path_);
    const std::string file = dir_ + "/" + name;
    WriteFile(file, content);
    {
      auto store = Store::Open(path_);
      ASSERT_TRUE(store.ok()) << store.status().message();
      auto result = ImportUnga(*store, SharedCountries(), file);
      ASSERT_FALSE(result.ok()) << name << " should have been refused";
      EXPECT_EQ(result.status().code(), Status::Code::kData) << result.status().message();
      EXPECT_NE(result.status().message().find(fragment), std::string::npos)
          << result.status().message();
    }
    EXPECT_EQ(StoreFingerprint(path_), tables) << "tables changed";
    EXPECT_TRUE(ReadBytes(path_) == bytes) << "the store file's bytes changed";
    EXPECT_FALSE(fs::exists(path_ + "-wal") && fs::file_size(path_ + "-wal") > 0)
        << "a WAL with content was left behind";
  }

  std::string dir_;
  std::string path_;
};

TEST_F(FailedImportTest, BadVoteCodeWhileReading) {
  std::string content = VoetenLines(1500);
  content += "9999,70,2015,2,1,7\n";
  ExpectFailureLeavesStoreAlone("bad_votes.csv", content, ":1501:6:");
}

TEST_F(FailedImportTest, IssueTagForUnknownRollCallInsideTheTransaction) {
  // Roll call 3 exists; 999999 does not, and is only found while writing.
  ExpectFailureLeavesStoreAlone("issues.csv",
                                "\"rcid\",\"short_name\",\"issue\"\n3,\"hr\",\"Human rights\"\n"
                                "999999,\"hr\",\"Human rights\"\n",
                                "999999");
}

TEST_F(FailedImportTest, ContradictoryDateInsideTheTransaction) {
  // A wide file with the real header: its first roll call is new (and would
  // be written), its second is rcid 3, dated 1946-01-01 in the store.
  std::ifstream in(std::string(ENTENTE_SHARED_DATA) + "/unga/unga_wide_1946_2024.csv");
  std::string header;
  std::getline(in, header);
  const std::size_t countries =
      static_cast<std::size_t>(std::count(header.begin(), header.end(), ',')) - 7;
  std::string nine;
  for (std::size_t i = 0; i < countries; ++i) nine += ",9";
  const std::string content = header + "\n" + "900001,2030-01-05,0,0,0,0,0,0" + nine + "\n" +
                              "3,1999-01-01,0,0,0,0,0,0" + nine + "\n";
  ExpectFailureLeavesStoreAlone("wide.csv", content, "1999-01-01");
}

}  // namespace
}  // namespace entente::integration
