// Property test of the UNGA readers: thousands of random mutations of small
// real samples (Voeten long, roll calls, wide) must never crash; each either
// imports or fails with a data error that names the file, and a failed import
// leaves the store exactly as it was.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "entente/countries.h"
#include "entente/store.h"
#include "entente/unga.h"
#include "store/sqlite.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

std::string FirstLines(const std::string& path, int lines) {
  std::ifstream in(path);
  std::string line, out;
  for (int i = 0; i < lines && std::getline(in, line); ++i) out += line + "\n";
  return out;
}

// A cheap fingerprint of every table the UNGA import writes.
std::string StoreFingerprint(Store& store) {
  std::string out;
  for (const char* sql :
       {"SELECT count(*), coalesce(sum(rows_read), 0) FROM imports",
        "SELECT count(*), coalesce(sum(rcid * 7 + session + year), 0) FROM unga_roll_calls",
        "SELECT count(*), coalesce(sum(rcid * 31 + ccode * 7 + vote), 0) FROM unga_votes",
        "SELECT count(*) FROM unga_vote_discrepancies"}) {
    auto stmt = store.database().Prepare(sql);
    EXPECT_TRUE(stmt.ok());
    Status status;
    if (stmt->Step(&status)) out += stmt->Text(0) + "/" + stmt->Text(1) + ";";
  }
  return out;
}

std::string Mutate(std::string text, std::mt19937& rng) {
  std::uniform_int_distribution<int> kind(0, 5);
  std::uniform_int_distribution<int> byte(0, 255);
  const char interesting[] = {',', '"', '\n', '\r', '9', '7', '-', '.', ' ', 'x', '\0'};
  int mutations = 1 + static_cast<int>(rng() % 3);
  for (int m = 0; m < mutations && !text.empty(); ++m) {
    std::size_t at = rng() % text.size();
    switch (kind(rng)) {
      case 0:
        text.erase(at, 1 + rng() % 8);
        break;
      case 1:
        text.insert(at, 1, static_cast<char>(byte(rng)));
        break;
      case 2:
        text[at] = interesting[rng() % sizeof interesting];
        break;
      case 3:
        text.resize(at);  // truncation
        break;
      case 4: {  // duplicate a line
        std::size_t start = text.rfind('\n', at);
        start = start == std::string::npos ? 0 : start + 1;
        std::size_t end = text.find('\n', at);
        if (end != std::string::npos) text.insert(end + 1, text.substr(start, end - start + 1));
        break;
      }
      default:
        text[at] = static_cast<char>(byte(rng));
    }
  }
  return text;
}

class UngaFuzzTest : public ::testing::TestWithParam<const char*> {};

TEST_P(UngaFuzzTest, MutationsNeverCrashAndNeverHalfImport) {
  auto countries = CountryRegistry::Load(ENTENTE_SHARED_DATA);
  ASSERT_TRUE(countries.ok()) << countries.status().message();
  const std::string source = std::string(ENTENTE_SHARED_DATA) + "/unga/" + GetParam();
  const std::string sample = FirstLines(source, 120);
  const fs::path dir = fs::temp_directory_path() / ("entente-fuzz-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "sample.csv").string();

  std::mt19937 rng(20261123);
  constexpr int kCases = 400;
  int imported = 0, rejected = 0;
  for (int i = 0; i < kCases; ++i) {
    auto store = Store::Open(":memory:");
    ASSERT_TRUE(store.ok());
    const std::string before = StoreFingerprint(*store);
    const std::string mutated = Mutate(sample, rng);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << mutated;
    auto result = ImportUnga(*store, *countries, path);
    if (result.ok()) {
      ++imported;
      continue;
    }
    ++rejected;
    EXPECT_NE(result.status().message().find(path), std::string::npos)
        << "case " << i << ": " << result.status().message();
    EXPECT_EQ(StoreFingerprint(*store), before) << "case " << i << " changed the store";
  }
  fs::remove_all(dir);
  // Both outcomes occur: the property is not vacuous.
  EXPECT_GT(rejected, kCases / 10);
  EXPECT_GT(imported, 0);
}

INSTANTIATE_TEST_SUITE_P(RealSamples, UngaFuzzTest,
                         ::testing::Values("voeten_votes_1946_2015.csv", "un_roll_calls.csv",
                                           "unga_wide_1946_2024.csv"));

}  // namespace
}  // namespace entente
