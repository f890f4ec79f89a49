// Importing UNGA files through the CLI and the library: every kind of bad
// input fails with exit code 2, a message naming file, line, column and
// value, and a store left exactly as it was; the real Voeten file imports
// once, with provenance that matches the file; a second import is a no-op;
// the wide file merges on top with its discrepancies counted.
//
// Bad inputs are built at test time in a scratch directory from the first
// lines of the real Voeten file (no copies of the data are committed).
//
// This file also defines the helpers the other integration tests share (see
// "Shared with the other integration test files" below).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "core/csv_reader.h"
#include "entente/countries.h"
#include "entente/store.h"
#include "entente/unga.h"
#include "store/sqlite.h"

namespace fs = std::filesystem;

namespace entente::integration {

// ---------------------------------------------------------------------------
// Shared with the other integration test files (declared again there).
// ---------------------------------------------------------------------------

const std::string kVoetenPath =
    std::string(ENTENTE_SHARED_DATA) + "/unga/voeten_votes_1946_2015.csv";
const std::string kRollCallsPath = std::string(ENTENTE_SHARED_DATA) + "/unga/un_roll_calls.csv";
const std::string kIssuesPath = std::string(ENTENTE_SHARED_DATA) + "/unga/un_roll_call_issues.csv";
const std::string kWidePath = std::string(ENTENTE_SHARED_DATA) + "/unga/unga_wide_1946_2024.csv";

// A fresh directory private to this process; all of them are removed when
// the process exits.
std::string NewScratchDir(const std::string& name) {
  struct Root {
    fs::path path;
    Root() {
      path = fs::temp_directory_path() /
             ("entente-it-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
      fs::create_directories(path);
    }
    ~Root() {
      std::error_code ec;
      fs::remove_all(path, ec);
    }
  };
  static Root root;
  static std::atomic<int> counter{0};
  fs::path dir = root.path / (name + "-" + std::to_string(counter++));
  fs::create_directories(dir);
  return dir.string();
}

const CountryRegistry& SharedCountries() {
  static const CountryRegistry* registry = [] {
    auto loaded = CountryRegistry::Load(ENTENTE_SHARED_DATA);
    if (!loaded.ok()) {
      ADD_FAILURE() << "cannot load the country registry: " << loaded.status().message();
      std::abort();
    }
    return new CountryRegistry(std::move(loaded).value());
  }();
  return *registry;
}

namespace {

// Importing the 1.07-million-row Voeten file takes seconds, and ctest runs
// every test in a process of its own. So the imported store is built once
// and cached beside the test binary, under a key made of the binary's
// SHA-256 (any change to the library relinks the binary and so invalidates
// the cache) and the size and time of the data files. An exclusive flock
// lets one process build it while parallel ones wait. Tests never use the
// cached file itself, only private copies (CopyOfVoetenStore).
struct CachedStore {
  std::string path;
  std::string error;
};

CachedStore BuildOrFindCachedStore() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {"", "cannot find the test binary: " + ec.message()};
  auto exe_bytes = internal::ReadWholeFile(exe.string());
  if (!exe_bytes.ok()) return {"", exe_bytes.status().message()};
  std::string key_text = internal::Sha256Hex(*exe_bytes);
  for (const std::string& data : {kVoetenPath, kRollCallsPath, kIssuesPath}) {
    key_text += "|" + data + ":" + std::to_string(fs::file_size(data, ec)) + ":" +
                std::to_string(fs::last_write_time(data, ec).time_since_epoch().count());
  }
  const std::string key = internal::Sha256Hex(key_text).substr(0, 16);
  const fs::path dir = exe.parent_path() / "entente_integration_cache";
  fs::create_directories(dir, ec);
  const fs::path final_path = dir / ("voeten-" + key + ".sqlite");

  const int lock = ::open((dir / "lock").c_str(), O_RDWR | O_CREAT, 0644);
  if (lock < 0) return {"", "cannot open the cache lock in " + dir.string()};
  ::flock(lock, LOCK_EX);
  CachedStore out{final_path.string(), ""};
  if (!fs::exists(final_path)) {
    // Drop stores cached by earlier builds.
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().filename().string().rfind("voeten-", 0) == 0) fs::remove(entry.path(), ec);
    }
    const fs::path partial = dir / ("voeten-" + key + ".partial");
    fs::remove(partial, ec);
    {
      auto store = Store::Open(partial.string());
      if (!store.ok()) {
        out = {"", store.status().message()};
      } else {
        auto imported = ImportUnga(*store, SharedCountries(), kVoetenPath);
        if (!imported.ok())
          out = {"", "importing the real Voeten file failed: " + imported.status().message()};
      }
    }  // closing the store checkpoints and removes its WAL
    if (out.error.empty()) fs::rename(partial, final_path, ec);
    if (ec) out = {"", "cannot move the cached store into place: " + ec.message()};
  }
  ::flock(lock, LOCK_UN);
  ::close(lock);
  return out;
}

}  // namespace

// A private copy (in `dir`) of a store holding the real Voeten file and its
// companions un_roll_calls.csv and un_roll_call_issues.csv, imported with
// ImportUnga. Fails the test (empty path) when the import fails.
std::string CopyOfVoetenStore(const std::string& dir) {
  static const CachedStore cached = BuildOrFindCachedStore();
  if (!cached.error.empty()) {
    ADD_FAILURE() << cached.error;
    return "";
  }
  const std::string copy = dir + "/voeten.sqlite";
  std::error_code ec;
  fs::copy_file(cached.path, copy, fs::copy_options::overwrite_existing, ec);
  if (ec) {
    ADD_FAILURE() << "cannot copy " << cached.path << ": " << ec.message();
    return "";
  }
  return copy;
}

// Every table's row count and an order-independent hash of its rows, plus
// the schema and user_version: equal fingerprints mean equal contents.
std::string StoreFingerprint(const std::string& path) {
  auto db = internal::Database::Open(path);
  if (!db.ok()) return "cannot open: " + db.status().message();
  std::ostringstream out;
  auto version = db->Prepare("PRAGMA user_version");
  if (version.ok() && version->Step()) out << "user_version " << version->Int(0) << "\n";
  std::vector<std::pair<std::string, std::string>> tables;
  auto list = db->Prepare("SELECT name, sql FROM sqlite_master ORDER BY type, name");
  if (!list.ok()) return list.status().message();
  while (list->Step()) tables.emplace_back(list->Text(0), list->Text(1));
  for (const auto& [name, sql] : tables) {
    out << "schema " << name << ": " << sql << "\n";
    if (sql.rfind("CREATE TABLE", 0) != 0) continue;
    auto columns = db->Prepare("SELECT name FROM pragma_table_info('" + name + "')");
    if (!columns.ok()) return columns.status().message();
    std::string row_sql;
    while (columns->Step()) {
      row_sql +=
          (row_sql.empty() ? "" : " || '|' || ") + std::string("quote(") + columns->Text(0) + ")";
    }
    auto rows = db->Prepare("SELECT " + row_sql + " FROM " + name);
    if (!rows.ok()) return rows.status().message();
    std::uint64_t count = 0, sum = 0;
    while (rows->Step()) {
      std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
      for (unsigned char c : rows->Text(0)) h = (h ^ c) * 1099511628211ULL;
      sum += h;
      ++count;
    }
    out << "table " << name << ": " << count << " rows, hash " << sum << "\n";
  }
  return out.str();
}

// ---------------------------------------------------------------------------
// Helpers for this file.
// ---------------------------------------------------------------------------

namespace {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

// Runs the entente CLI with the shared data directory and `store`.
CliRun RunCli(const std::string& store, const std::vector<std::string>& args) {
  const std::string dir = NewScratchDir("cli");
  // Appended piece by piece: `" " + std::string` trips a GCC 12 -Wrestrict false positive.
  std::string command = ShellQuote(ENTENTE_BINARY);
  for (const std::string& a : {std::string("--store"), store, std::string("--data"),
                               std::string(ENTENTE_SHARED_DATA), std::string("-q")}) {
    command += ' ';
    command += ShellQuote(a);
  }
  for (const std::string& a : args) {
    command += ' ';
    command += ShellQuote(a);
  }
  command += " >";
  command += ShellQuote(dir + "/out");
  command += " 2>";
  command += ShellQuote(dir + "/err");
  command += " </dev/null";
  const int status = std::system(command.c_str());
  CliRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = ReadFile(dir + "/out");
  run.err = ReadFile(dir + "/err");
  return run;
}

std::string Sha256sumOf(const std::string& path) {
  std::string command = "sha256sum " + ShellQuote(path);
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return "";
  char buffer[256] = {};
  std::string out;
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) out += buffer;
  ::pclose(pipe);
  return out.substr(0, out.find(' '));
}

std::int64_t CountLines(const std::string& path) {
  const std::string content = ReadFile(path);
  std::int64_t lines = 0;
  for (char c : content) lines += c == '\n';
  if (!content.empty() && content.back() != '\n') ++lines;
  return lines;
}

std::int64_t QueryInt(const std::string& store, const std::string& sql) {
  auto db = internal::Database::Open(store);
  if (!db.ok()) {
    ADD_FAILURE() << db.status().message();
    return -1;
  }
  auto stmt = db->Prepare(sql);
  if (!stmt.ok()) {
    ADD_FAILURE() << stmt.status().message();
    return -1;
  }
  Status status;
  if (!stmt->Step(&status)) {
    ADD_FAILURE() << sql << ": no row " << status.message();
    return -1;
  }
  return stmt->Int(0);
}

std::string FileSha256(const std::string& path) {
  auto bytes = internal::ReadWholeFile(path);
  return bytes.ok() ? internal::Sha256Hex(*bytes) : bytes.status().message();
}

int CountOccurrences(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The first `count` lines of the real Voeten file, without their newlines:
// line k of the file is lines[k - 1].
const std::vector<std::string>& VoetenHead() {
  static const std::vector<std::string> lines = [] {
    std::vector<std::string> out;
    std::ifstream in(kVoetenPath);
    std::string line;
    while (out.size() < 6000 && std::getline(in, line)) out.push_back(line);
    return out;
  }();
  return lines;
}

// Lines first..last (1-based, inclusive) of the head, each ending in '\n'.
std::string Lines(int first, int last) {
  std::string out;
  for (int k = first; k <= last; ++k) out += VoetenHead()[k - 1] + "\n";
  return out;
}

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream s(line);
  std::string field;
  while (std::getline(s, field, ',')) out.push_back(field);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

std::string JoinFields(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + fields[i];
  return out;
}

// Line `k` of the head with field `column` (0-based) replaced by `value`.
std::string WithField(int k, int column, const std::string& value) {
  auto fields = Split(VoetenHead()[k - 1]);
  fields[column] = value;
  return JoinFields(fields) + "\n";
}

// ---------------------------------------------------------------------------
// Bad inputs: each must fail with exit code 2, name the file, line, column and
// value, and leave the store unchanged.
// ---------------------------------------------------------------------------

struct BadInput {
  std::string name;
  std::function<std::string()> content;
  std::vector<std::string> fragments;  // each must appear in the message; {FILE} is the path
  bool names_column = true;            // expect FILE:LINE:COLUMN:
};

// The last (cut) field of the truncated row of the TruncatedMidRow case.
std::string TruncatedRowLastField() {
  const std::string& row = VoetenHead()[5000];
  const std::string half = row.substr(0, row.size() / 2);
  return half.substr(half.rfind(',') + 1);
}

std::vector<BadInput> BadInputs() {
  return {
      {"TruncatedMidRow",
       [] {
         // The first 5,000 lines, then half of line 5001, as a cut download.
         const std::string& row = VoetenHead()[5000];
         return Lines(1, 5000) + row.substr(0, row.size() / 2);
       },
       // The message quotes where the row stopped: the cut last field.
       {"{FILE}:5001:", "truncated", "'" + TruncatedRowLastField() + "'"}},
      {"WrongHeader",
       [] { return std::string("rcid,session,year,ccode,member,votes\n") + Lines(2, 200); },
       {"{FILE}:1:1:", "'rcid,session,year,ccode,member,votes'"}},
      {"UnknownCountryCode",
       [] { return Lines(1, 100) + WithField(101, 3, "999") + Lines(102, 300); },
       {"{FILE}:101:4:", "'999'", "country"}},
      {"VoteCode7",
       [] { return Lines(1, 2500) + WithField(2501, 5, "7") + Lines(2502, 3000); },
       {"{FILE}:2501:6:", "'7'", "vote"}},
      {"NonNumericRcid",
       [] { return Lines(1, 40) + WithField(41, 0, "x3") + Lines(42, 60); },
       {"{FILE}:41:1:", "'x3'"}},
      {"ExtraField",
       [] { return Lines(1, 49) + VoetenHead()[49] + ",1\n" + Lines(51, 60); },
       {"{FILE}:50:", "fields"}},
      {"DuplicatedVoteRow",
       [] {
         // Line 17 (rcid 3, ccode 70, yes) again as line 21.
         return Lines(1, 20) + Lines(17, 17) + Lines(21, 300);
       },
       {"{FILE}:21:", "duplicate", "first on line 17", "country 70"}},
      {"DuplicatedNonMemberRow",
       [] {
         // Line 10 (rcid 3, ccode 53, vote 9: not a member) again as line 21.
         return Lines(1, 20) + Lines(10, 10) + Lines(21, 300);
       },
       {"{FILE}:21:", "duplicate", "first on line 10", "country 53"}},
      {"NonMemberAndYesForOneState",
       [] {
         // Line 10 says ccode 53 was not a member for rcid 3; line 21 says it voted yes.
         return Lines(1, 20) + WithField(10, 5, "1") + Lines(21, 300);
       },
       {"{FILE}:21:", "duplicate", "line 10", "country 53"}},
      {"NonUtf8Byte",
       [] {
         auto fields = Split(VoetenHead()[300]);
         fields[5] = "\xFF" + fields[5];
         return Lines(1, 300) + JoinFields(fields) + "\n" + Lines(302, 400);
       },
       {"{FILE}:301:", "0xFF"}},
      {"EmptyFile", [] { return std::string(); }, {"{FILE}:1:1:", "empty"}},
      {"HeaderOnly", [] { return Lines(1, 1); }, {"{FILE}:2:", "no rows"}},
  };
}

// Names the case in test output instead of dumping its bytes.
void PrintTo(const BadInput& bad, std::ostream* out) {
  *out << bad.name;
}

class UngaBadInputTest : public ::testing::TestWithParam<BadInput> {
 protected:
  // A store holding a good small Voeten extract (its first 5,000 lines),
  // built once per process; each test works on its own copy.
  static void SetUpTestSuite() {
    const std::string dir = NewScratchDir("bad-input-base");
    base_store_ = new std::string(dir + "/store.sqlite");
    const std::string good = dir + "/votes_head.csv";
    WriteFile(good, Lines(1, 5000));
    const CliRun run = RunCli(*base_store_, {"import", "unga", good});
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }
  static void TearDownTestSuite() {
    delete base_store_;
    base_store_ = nullptr;
  }
  static std::string* base_store_;
};
std::string* UngaBadInputTest::base_store_ = nullptr;

TEST_P(UngaBadInputTest, FailsWithLocationAndLeavesStoreUnchanged) {
  const BadInput& bad = GetParam();
  ASSERT_NE(base_store_, nullptr);
  const std::string dir = NewScratchDir("bad-" + bad.name);
  const std::string store = dir + "/store.sqlite";
  fs::copy_file(*base_store_, store);
  ASSERT_EQ(QueryInt(store, "SELECT count(*) FROM imports"), 1);
  const std::string before = StoreFingerprint(store);
  const std::string before_bytes = FileSha256(store);

  const std::string file = dir + "/voeten_votes.csv";
  WriteFile(file, bad.content());
  const CliRun run = RunCli(store, {"import", "unga", file});

  EXPECT_EQ(run.exit_code, 2) << run.err;
  for (std::string fragment : bad.fragments) {
    if (auto at = fragment.find("{FILE}"); at != std::string::npos) fragment.replace(at, 6, file);
    EXPECT_NE(run.err.find(fragment), std::string::npos)
        << "expected '" << fragment << "' in the message:\n"
        << run.err;
  }
  if (bad.names_column) {
    // FILE:LINE:COLUMN: - the column tells the user which field to fix.
    const std::regex location(
        std::regex_replace(file, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
        ":[0-9]+:[0-9]+:");
    EXPECT_TRUE(std::regex_search(run.err, location))
        << "expected FILE:LINE:COLUMN: in the message:\n"
        << run.err;
  }
  EXPECT_NE(run.err.find("store is unchanged"), std::string::npos) << run.err;
  EXPECT_EQ(StoreFingerprint(store), before) << "the failed import changed the store";
  EXPECT_EQ(FileSha256(store), before_bytes) << "the failed import changed the store file";
}

INSTANTIATE_TEST_SUITE_P(Voeten, UngaBadInputTest, ::testing::ValuesIn(BadInputs()),
                         [](const ::testing::TestParamInfo<BadInput>& info) {
                           return info.param.name;
                         });

// The library reports the same failures as values, with the data code.
TEST(UngaImportLibraryTest, BadFileIsADataErrorAndStoresNothing) {
  const std::string dir = NewScratchDir("library-bad");
  const std::string file = dir + "/votes.csv";
  WriteFile(file, Lines(1, 2500) + WithField(2501, 5, "7") + Lines(2502, 3000));
  auto store = Store::Open(dir + "/store.sqlite");
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto result = ImportUnga(*store, SharedCountries(), file);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kData);
  EXPECT_EQ(result.status().exit_code(), 2);
  EXPECT_NE(result.status().message().find(file + ":2501:6:"), std::string::npos)
      << result.status().message();
  auto imports = store->Imports();
  ASSERT_TRUE(imports.ok());
  EXPECT_TRUE(imports->empty());
  auto votes = LoadUngaVotes(*store, YearRange{});
  ASSERT_TRUE(votes.ok()) << votes.status().message();
  EXPECT_TRUE(votes->roll_calls.empty());
  EXPECT_TRUE(votes->vote_code.empty());
}

// A good extract imported through the library: counts add up and the data
// reads back.
TEST(UngaImportLibraryTest, SmallExtractImportsAndLoads) {
  const std::string dir = NewScratchDir("library-good");
  const std::string file = dir + "/votes.csv";
  WriteFile(file, Lines(1, 3000));
  std::int64_t non_members = 0, voting = 0;
  for (int k = 2; k <= 3000; ++k) (Split(VoetenHead()[k - 1])[5] == "9" ? non_members : voting)++;

  auto store = Store::Open(dir + "/store.sqlite");
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto result = ImportUnga(*store, SharedCountries(), file);
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->size(), 1u) << "no companion files beside it";
  const UngaImportResult& r = result->front();
  EXPECT_EQ(r.format, UngaFormat::kVoeten);
  EXPECT_FALSE(r.already_imported);
  EXPECT_EQ(r.record.kind, "unga-voeten");
  EXPECT_EQ(r.record.rows_read, 2999);
  EXPECT_EQ(r.record.rows_accepted, voting);
  EXPECT_EQ(r.record.rows_rejected, non_members);

  auto votes = LoadUngaVotes(*store, YearRange{});
  ASSERT_TRUE(votes.ok()) << votes.status().message();
  EXPECT_EQ(static_cast<std::int64_t>(votes->vote_code.size()), voting);
  EXPECT_FALSE(votes->roll_calls.empty());
}

// ---------------------------------------------------------------------------
// The real files.
// ---------------------------------------------------------------------------

TEST(RealVoetenImportTest, ProvenanceMatchesTheFiles) {
  const std::string store_path = CopyOfVoetenStore(NewScratchDir("provenance"));
  ASSERT_FALSE(store_path.empty());
  auto store = Store::Open(store_path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto imports = store->Imports();
  ASSERT_TRUE(imports.ok()) << imports.status().message();
  // The companions first (a vote file needs their dates), then the votes.
  ASSERT_EQ(imports->size(), 3u);
  struct Expected {
    std::string kind;
    std::string file;
    std::int64_t rows;  // data/README.md
  };
  const Expected expected[] = {{"unga-roll-calls", kRollCallsPath, 6203},
                               {"unga-issues", kIssuesPath, 5745},
                               {"unga-voeten", kVoetenPath, 1066613}};
  const std::regex iso8601(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
  for (std::size_t i = 0; i < 3; ++i) {
    const ImportRecord& r = (*imports)[i];
    SCOPED_TRACE(r.file);
    EXPECT_EQ(r.id, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(r.kind, expected[i].kind);
    EXPECT_EQ(fs::path(r.file).lexically_normal(), fs::path(expected[i].file).lexically_normal());
    EXPECT_EQ(r.sha256, Sha256sumOf(expected[i].file));
    EXPECT_EQ(r.sha256.size(), 64u);
    EXPECT_EQ(r.rows_read, expected[i].rows);
    EXPECT_EQ(r.rows_read, CountLines(expected[i].file) - 1) << "every line but the header";
    EXPECT_EQ(r.rows_accepted + r.rows_rejected, r.rows_read);
    EXPECT_TRUE(std::regex_match(r.imported_at, iso8601)) << r.imported_at;
  }
  EXPECT_EQ((*imports)[0].rows_rejected, 0);
  EXPECT_EQ((*imports)[1].rows_rejected, 0);

  // Voeten: the vote-9 (non-member) rows are read but not stored.
  std::int64_t non_members = 0;
  {
    std::ifstream in(kVoetenPath);
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line))
      non_members += line.size() >= 2 && line.compare(line.size() - 2, 2, ",9") == 0;
  }
  const ImportRecord& voeten = (*imports)[2];
  EXPECT_EQ(voeten.rows_rejected, non_members);
  EXPECT_EQ(voeten.rows_rejected, 254521);
  EXPECT_EQ(voeten.rows_accepted, QueryInt(store_path, "SELECT count(*) FROM unga_votes"));
  EXPECT_NE(voeten.note.find("non-member"), std::string::npos) << voeten.note;
  EXPECT_EQ(QueryInt(store_path, "SELECT count(*) FROM unga_roll_calls"), 6203);
  EXPECT_EQ(QueryInt(store_path, "SELECT count(*) FROM unga_vote_discrepancies"), 0);
}

TEST(RealVoetenImportTest, SecondImportIsANoOp) {
  const std::string store_path = CopyOfVoetenStore(NewScratchDir("twice"));
  ASSERT_FALSE(store_path.empty());
  // Nothing may be written: the file stays the same byte for byte.
  const std::string before = FileSha256(store_path);
  const CliRun run = RunCli(store_path, {"import", "unga", kVoetenPath});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  // The votes file and both companions: nothing to do for any of them.
  EXPECT_EQ(CountOccurrences(run.err, "already imported"), 3) << run.err;
  EXPECT_EQ(CountOccurrences(run.err, "imported " + kVoetenPath), 0) << run.err;
  EXPECT_EQ(FileSha256(store_path), before) << "a second import changed the store file";
  EXPECT_EQ(QueryInt(store_path, "SELECT count(*) FROM imports WHERE kind = 'unga-voeten'"), 1);

  // The same bytes under another name are recognised by their SHA-256.
  const std::string dir = NewScratchDir("renamed");
  const std::string renamed = dir + "/renamed.csv";
  fs::copy_file(kVoetenPath, renamed);
  auto store = Store::Open(store_path);
  ASSERT_TRUE(store.ok());
  auto again = ImportUnga(*store, SharedCountries(), renamed);
  ASSERT_TRUE(again.ok()) << again.status().message();
  ASSERT_EQ(again->size(), 1u);
  EXPECT_TRUE(again->front().already_imported);
  EXPECT_EQ(again->front().record.id, 3);
  EXPECT_EQ(again->front().record.sha256, Sha256sumOf(kVoetenPath));
  auto imports = store->Imports();
  ASSERT_TRUE(imports.ok());
  EXPECT_EQ(imports->size(), 3u);
}

// The China seat: the Republic of China held it until General Assembly
// resolution 2758 (1971-10-25), the PRC voted from 1971-11-03. Voeten codes
// the Republic of China's votes 713 (Taiwan), the PRC's 710, so that the
// registry's TWN and CHN (docs/countries.md section 6) never mix the two: `votes
// CHN USA` starts in 1971 with the PRC's votes and `votes TWN USA` ends there.
// Voeten gives 710 absences (8) on the nine roll calls of October 1971 before
// the seat changed; no measure counts an absence (METHODS section 3).
TEST(RealVoetenImportTest, ChinaSeatVotesAreTheRepublicOfChinasUntilResolution2758) {
  const std::string store_path = CopyOfVoetenStore(NewScratchDir("china-seat"));
  ASSERT_FALSE(store_path.empty());
  const std::string votes_of =
      "SELECT count(*) FROM unga_votes v JOIN unga_roll_calls r USING (rcid) "
      "WHERE v.vote IN (1, 2, 3) AND v.ccode = ";
  EXPECT_EQ(QueryInt(store_path, votes_of + "710 AND r.date < '1971-10-25'"), 0);
  EXPECT_EQ(QueryInt(store_path, votes_of + "713 AND r.date >= '1971-10-25'"), 0);
  EXPECT_GT(QueryInt(store_path, votes_of + "713 AND r.date < '1971-10-25'"), 1000);
  EXPECT_GT(QueryInt(store_path, votes_of + "710 AND r.date >= '1971-10-25'"), 1000);

  const CliRun prc =
      RunCli(store_path, {"votes", "CHN", "USA", "--years", "1946:1975", "--format", "csv"});
  ASSERT_EQ(prc.exit_code, 0) << prc.err;
  std::istringstream prc_rows(prc.out);
  std::string header, first;
  std::getline(prc_rows, header);
  std::getline(prc_rows, first);
  EXPECT_EQ(first.rfind("1971,710,2,", 0), 0u) << prc.out;

  const CliRun roc =
      RunCli(store_path, {"votes", "TWN", "USA", "--years", "1946:1975", "--format", "csv"});
  ASSERT_EQ(roc.exit_code, 0) << roc.err;
  std::istringstream roc_rows(roc.out);
  std::string line, roc_first, last;
  std::getline(roc_rows, header);
  std::getline(roc_rows, roc_first);
  while (std::getline(roc_rows, line)) last = line;
  EXPECT_EQ(roc_first.rfind("1946,713,2,", 0), 0u) << roc.out;
  EXPECT_EQ(last.rfind("1971,713,2,", 0), 0u) << roc.out;
}

// The wide file on top of Voeten's: the import succeeds and reports how many
// overlapping votes disagree. (docs/METHODS.md: all 110 disagreements of the
// wide file are with un_votes.csv, none with Voeten's file, so 0 here.)
TEST(RealVoetenImportTest, WideFileAfterVoetenReportsDiscrepancies) {
  const std::string store_path = CopyOfVoetenStore(NewScratchDir("wide"));
  ASSERT_FALSE(store_path.empty());
  const std::int64_t voeten_votes = QueryInt(store_path, "SELECT count(*) FROM unga_votes");
  const CliRun run = RunCli(store_path, {"import", "unga", kWidePath});
  ASSERT_EQ(run.exit_code, 0) << run.err;

  auto store = Store::Open(store_path);
  ASSERT_TRUE(store.ok());
  auto imports = store->Imports();
  ASSERT_TRUE(imports.ok());
  ASSERT_EQ(imports->size(), 4u);
  const ImportRecord& wide = imports->back();
  EXPECT_EQ(wide.kind, "unga-wide");
  EXPECT_EQ(wide.sha256, Sha256sumOf(kWidePath));
  // Rows of the wide file are cells: 6,551 roll calls x one column per country.
  std::string header;
  std::getline(std::ifstream(kWidePath), header);
  const auto countries =
      static_cast<std::int64_t>(std::count(header.begin(), header.end(), ',')) - 7;
  EXPECT_EQ(countries, 194);
  EXPECT_EQ(wide.rows_read, 6551 * countries);
  EXPECT_EQ(wide.rows_accepted + wide.rows_rejected, wide.rows_read);
  const std::int64_t discrepancies =
      QueryInt(store_path, "SELECT count(*) FROM unga_vote_discrepancies WHERE import_id = " +
                               std::to_string(wide.id));
  EXPECT_EQ(discrepancies, 0);
  const std::string count_text = std::to_string(discrepancies) + " votes disagree";
  EXPECT_NE(wide.note.find(count_text), std::string::npos) << wide.note;
  EXPECT_NE(run.err.find(count_text), std::string::npos) << run.err;
  // Voeten's votes take precedence: none was replaced.
  EXPECT_EQ(QueryInt(store_path, "SELECT count(*) FROM unga_votes WHERE source = 1"), voeten_votes);
  // The wide file extends the data past 2015, to 6,551 roll calls in all.
  EXPECT_EQ(QueryInt(store_path, "SELECT count(*) FROM unga_roll_calls"), 6551);
  EXPECT_GT(QueryInt(store_path, "SELECT count(*) FROM unga_roll_calls WHERE year > 2015"), 0);
  EXPECT_GT(QueryInt(store_path, "SELECT count(*) FROM unga_votes WHERE source = 3"), 0);
}

// A wide-file vote that contradicts Voeten's is counted, recorded, and loses.
TEST(RealVoetenImportTest, DisagreeingWideVoteIsRecordedAndVoetenKept) {
  const std::string dir = NewScratchDir("wide-disagree");
  const std::string store_path = CopyOfVoetenStore(dir);
  ASSERT_FALSE(store_path.empty());
  ASSERT_EQ(QueryInt(store_path, "SELECT vote FROM unga_votes WHERE rcid = 3 AND ccode = 2"), 1)
      << "Voeten: the United States voted yes on roll call 3";
  // The wide file's own row for roll call 3, with the USA column set to no.
  std::ifstream in(kWidePath);
  std::string header, row;
  std::getline(in, header);
  std::getline(in, row);
  auto names = Split(header);
  auto cells = Split(row);
  ASSERT_EQ(cells[0], "3");
  const auto usa = std::find(names.begin(), names.end(), "USA") - names.begin();
  ASSERT_LT(static_cast<std::size_t>(usa), names.size());
  ASSERT_EQ(cells[usa], "1");
  cells[usa] = "3";
  const std::string file = dir + "/wide_extract.csv";
  WriteFile(file, header + "\n" + JoinFields(cells) + "\n");

  auto store = Store::Open(store_path);
  ASSERT_TRUE(store.ok());
  auto result = ImportUnga(*store, SharedCountries(), file);
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->size(), 1u);
  EXPECT_EQ(result->front().discrepancies, 1);
  EXPECT_NE(result->front().record.note.find("1 votes disagree"), std::string::npos)
      << result->front().record.note;
  EXPECT_EQ(QueryInt(store_path,
                     "SELECT vote * 10 + source FROM unga_votes WHERE rcid = 3 AND ccode = 2"),
            11)
      << "Voeten's yes (source 1) is kept";
  EXPECT_EQ(
      QueryInt(store_path,
               "SELECT count(*) FROM unga_vote_discrepancies WHERE rcid = 3 AND ccode = 2 AND "
               "kept_vote = 1 AND kept_source = 1 AND other_vote = 3 AND other_source = 3"),
      1);
}

}  // namespace
}  // namespace entente::integration
