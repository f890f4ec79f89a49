// `entente data fetch` end to end against a loopback HTTP server
// (tests/support/bundle_server.py) serving a bundle built by
// scripts/make_data_bundle.sh from ../shared/data: a full fetch then
// `entente init` finding the data, resumed downloads, a corrupted download,
// wrong sizes, a 404. Each case builds a small bundle of four files (about
// 0.4 MB) so the suite stays quick; data_bundle_full_test.cc does the full one.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "entente/data_bundle.h"
#include "support/bundle_server.h"
#include "support/scratch_dir.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

struct CommandRun {
  int exit_code = -1;
  std::string out;  // stdout and stderr
};

CommandRun Shell(const std::string& command) {
  CommandRun run;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[65536];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Lines of the server's request log: "PATH\tRANGE".
std::vector<std::string> Requests(const fs::path& log) {
  std::vector<std::string> lines;
  std::istringstream in(ReadFile(log));
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class DataFetchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = scratch_.path();
    bundle_ = root_ / "bundle";
    xdg_ = root_ / "xdg";
    CommandRun built =
        Shell(std::string(ENTENTE_SOURCE_DIR) + "/scripts/make_data_bundle.sh --src " +
              ENTENTE_SHARED_DATA + " --out " + bundle_.string() + " --version test " +
              "README.md countries/codelist.csv cow/states.csv unga/unga_wide_1946_2024.csv");
    ASSERT_EQ(built.exit_code, 0) << built.out;
    manifest_ = bundle_ / "manifest.json";
    auto manifest = LoadBundleManifest(manifest_.string());
    ASSERT_TRUE(manifest.ok()) << manifest.status().message();
    archive_ = bundle_ / manifest->archive;
    size_ = manifest->size;
    server_ = std::make_unique<testing_support::BundleServer>(bundle_.string(),
                                                              (root_ / "requests.log").string());
  }

  // Runs entente with a private XDG_DATA_HOME and store, no ENTENTE_DATA.
  CommandRun Entente(const std::string& args) {
    return Shell("env -u ENTENTE_DATA XDG_DATA_HOME=" + xdg_.string() + " HOME=" +
                 (root_ / "home").string() + " ENTENTE_STORE=" + (root_ / "store.sqlite").string() +
                 " " + ENTENTE_BINARY + " -q " + args);
  }
  CommandRun Fetch(const std::string& mode, const std::string& extra = "") {
    return Entente("data fetch --manifest " + manifest_.string() + " --from " + server_->Url(mode) +
                   " " + extra);
  }
  fs::path DataDir() const { return xdg_ / "entente" / "data"; }
  fs::path Partial() const {
    return xdg_ / "entente" / (archive_.filename().string() + ".partial");
  }
  // Nothing unpacked: the data directory absent and no staging folder left.
  void ExpectNothingUnpacked() {
    EXPECT_FALSE(fs::exists(DataDir()));
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(xdg_ / "entente", ec)) {
      EXPECT_EQ(entry.path().filename().string().find("data."), std::string::npos)
          << "left behind: " << entry.path();
    }
  }
  std::vector<std::string> ServerLog() { return Requests(root_ / "requests.log"); }

  testing_support::ScratchDir scratch_{"entente-data-fetch"};
  fs::path root_, bundle_, xdg_, manifest_, archive_;
  std::int64_t size_ = 0;
  std::unique_ptr<testing_support::BundleServer> server_;
};

TEST_F(DataFetchTest, FetchThenInitFindsTheData) {
  CommandRun fetch = Fetch("files");
  ASSERT_EQ(fetch.exit_code, 0) << fetch.out;
  EXPECT_NE(fetch.out.find("unpacked into " + DataDir().string()), std::string::npos) << fetch.out;
  EXPECT_NE(fetch.out.find("next: entente init\n"), std::string::npos) << fetch.out;
  // The unpacked files are the shared data's bytes.
  for (const char* file :
       {"README.md", "countries/codelist.csv", "cow/states.csv", "unga/unga_wide_1946_2024.csv"}) {
    EXPECT_EQ(ReadFile(DataDir() / file), ReadFile(fs::path(ENTENTE_SHARED_DATA) / file)) << file;
  }
  EXPECT_TRUE(fs::exists(DataDir() / std::string(kBundleStampFile)));
  EXPECT_FALSE(fs::exists(Partial()));
  EXPECT_FALSE(fs::exists(xdg_ / "entente" / archive_.filename()));  // not kept by default

  // `entente init` without --data finds the fetched data and imports it.
  CommandRun init = Entente("init");
  ASSERT_EQ(init.exit_code, 0) << init.out;
  EXPECT_NE(init.out.find("data from " + DataDir().string()), std::string::npos) << init.out;
  CommandRun votes = Entente("votes CHN RUS --years 2019 --format csv");
  ASSERT_EQ(votes.exit_code, 0) << votes.out;
  EXPECT_NE(votes.out.find("\n2019,710,365,"), std::string::npos) << votes.out;

  // The doctor sees the fetched bundle and the import: all is well.
  CommandRun doctor = Entente("doctor --manifest " + manifest_.string());
  EXPECT_EQ(doctor.exit_code, 0) << doctor.out;
  EXPECT_NE(doctor.out.find("(the user data directory (entente data fetch))"), std::string::npos)
      << doctor.out;
  EXPECT_NE(doctor.out.find("all 4 files of entente-data test present"), std::string::npos)
      << doctor.out;
  EXPECT_NE(doctor.out.find("note     fetched bundle entente-data test from " +
                            server_->Url("files") + archive_.filename().string()),
            std::string::npos)
      << doctor.out;
}

TEST_F(DataFetchTest, ResumesWithinOneRunWhenTheConnectionDrops) {
  CommandRun fetch = Fetch("drop-once");
  ASSERT_EQ(fetch.exit_code, 0) << fetch.out;
  EXPECT_TRUE(fs::exists(DataDir() / "unga/unga_wide_1946_2024.csv"));
  auto log = ServerLog();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0], "/drop-once/" + archive_.filename().string() + "\t-");
  // The second request asks for the rest, from where the first stopped.
  const std::string prefix = "/drop-once/" + archive_.filename().string() + "\tbytes=";
  ASSERT_EQ(log[1].rfind(prefix, 0), 0u) << log[1];
  const std::int64_t from = std::stoll(log[1].substr(prefix.size()));
  EXPECT_GT(from, 0);
  EXPECT_LT(from, size_);
}

TEST_F(DataFetchTest, InterruptedDownloadKeepsThePartialFileAndTheNextRunResumes) {
  CommandRun first = Fetch("drop-once", "--retries 0");
  EXPECT_EQ(first.exit_code, 2) << first.out;
  EXPECT_NE(first.out.find("run the same command again to resume"), std::string::npos) << first.out;
  ExpectNothingUnpacked();
  ASSERT_TRUE(fs::exists(Partial()));
  const auto kept = static_cast<std::int64_t>(fs::file_size(Partial()));
  EXPECT_GT(kept, 0);
  EXPECT_LT(kept, size_);

  CommandRun second = Fetch("drop-once", "--retries 0");
  ASSERT_EQ(second.exit_code, 0) << second.out;
  auto log = ServerLog();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[1],
            "/drop-once/" + archive_.filename().string() + "\tbytes=" + std::to_string(kept) + "-");
  EXPECT_EQ(ReadFile(DataDir() / "countries/codelist.csv"),
            ReadFile(fs::path(ENTENTE_SHARED_DATA) / "countries/codelist.csv"));
}

TEST_F(DataFetchTest, ResumesAPartialFileLeftByAnEarlierRun) {
  const std::string bytes = ReadFile(archive_);
  const std::size_t half = bytes.size() / 2;
  fs::create_directories(Partial().parent_path());
  std::ofstream(Partial(), std::ios::binary) << bytes.substr(0, half);
  CommandRun fetch = Fetch("files");
  ASSERT_EQ(fetch.exit_code, 0) << fetch.out;
  auto log = ServerLog();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0],
            "/files/" + archive_.filename().string() + "\tbytes=" + std::to_string(half) + "-");
  EXPECT_TRUE(fs::exists(DataDir() / "unga/unga_wide_1946_2024.csv"));
}

TEST_F(DataFetchTest, StartsOverWhenTheServerIgnoresTheRange) {
  const std::string bytes = ReadFile(archive_);
  fs::create_directories(Partial().parent_path());
  std::ofstream(Partial(), std::ios::binary) << bytes.substr(0, bytes.size() / 3);
  CommandRun fetch = Fetch("norange");
  ASSERT_EQ(fetch.exit_code, 0) << fetch.out;
  EXPECT_EQ(ReadFile(DataDir() / "unga/unga_wide_1946_2024.csv"),
            ReadFile(fs::path(ENTENTE_SHARED_DATA) / "unga/unga_wide_1946_2024.csv"));
}

TEST_F(DataFetchTest, CorruptedDownloadIsRejectedAndNothingUnpacked) {
  CommandRun fetch = Fetch("corrupt");
  EXPECT_EQ(fetch.exit_code, 2) << fetch.out;
  EXPECT_NE(fetch.out.find("checksum mismatch"), std::string::npos) << fetch.out;
  EXPECT_NE(fetch.out.find("nothing was unpacked"), std::string::npos) << fetch.out;
  ExpectNothingUnpacked();
  EXPECT_FALSE(fs::exists(Partial()));  // deleted: resuming a corrupt file cannot help
  EXPECT_FALSE(fs::exists(xdg_ / "entente" / archive_.filename()));
}

// Rewrites the archive size in the manifest (its first "size" field).
void SetManifestSize(const fs::path& manifest, std::int64_t size) {
  std::string text = ReadFile(manifest);
  const std::string key = "\"size\": ";
  const std::size_t at = text.find(key) + key.size();
  const std::size_t end = text.find(',', at);
  text.replace(at, end - at, std::to_string(size));
  std::ofstream(manifest, std::ios::binary | std::ios::trunc) << text;
}

TEST_F(DataFetchTest, ServerFileShorterThanTheManifestSaysIsRejected) {
  SetManifestSize(manifest_, size_ + 1000);
  CommandRun fetch = Fetch("files");
  EXPECT_EQ(fetch.exit_code, 2) << fetch.out;
  EXPECT_NE(fetch.out.find("has " + std::to_string(size_) + " bytes but the manifest says " +
                           std::to_string(size_ + 1000)),
            std::string::npos)
      << fetch.out;
  ExpectNothingUnpacked();
  EXPECT_FALSE(fs::exists(Partial()));
}

TEST_F(DataFetchTest, ServerFileLongerThanTheManifestSaysIsRejected) {
  SetManifestSize(manifest_, size_ - 1000);
  CommandRun fetch = Fetch("files");
  EXPECT_EQ(fetch.exit_code, 2) << fetch.out;
  EXPECT_NE(fetch.out.find("is larger than the manifest's " + std::to_string(size_ - 1000)),
            std::string::npos)
      << fetch.out;
  ExpectNothingUnpacked();
  EXPECT_FALSE(fs::exists(Partial()));
}

TEST_F(DataFetchTest, NotFoundIsAClearError) {
  CommandRun fetch = Entente("data fetch --manifest " + manifest_.string() + " --from " +
                             server_->Url("files") + "no-such-bundle.tar.gz");
  EXPECT_EQ(fetch.exit_code, 2) << fetch.out;
  EXPECT_NE(fetch.out.find("HTTP 404"), std::string::npos) << fetch.out;
  ExpectNothingUnpacked();
  EXPECT_FALSE(fs::exists(xdg_ / "entente" / "no-such-bundle.tar.gz.partial"));
}

TEST_F(DataFetchTest, LeavesAFolderItDidNotWriteAlone) {
  const fs::path mine = root_ / "mine";
  fs::create_directories(mine);
  std::ofstream(mine / "notes.txt") << "my own file\n";
  CommandRun fetch = Fetch("files", "--to " + mine.string());
  EXPECT_EQ(fetch.exit_code, 1) << fetch.out;
  EXPECT_NE(fetch.out.find("did not write; it is left alone"), std::string::npos) << fetch.out;
  EXPECT_EQ(ReadFile(mine / "notes.txt"), "my own file\n");
  EXPECT_TRUE(ServerLog().empty());
}

TEST_F(DataFetchTest, RefetchReplacesAnEarlierBundleAndCustomDirNeedsData) {
  const fs::path dir = root_ / "elsewhere" / "data";
  ASSERT_EQ(Fetch("files", "--to " + dir.string()).exit_code, 0);
  CommandRun again = Fetch("files", "--to " + dir.string() + " --keep-archive");
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("next: entente init --data " + dir.string()), std::string::npos)
      << again.out;
  EXPECT_TRUE(fs::exists(dir / "countries/codelist.csv"));
  EXPECT_TRUE(fs::exists(dir.parent_path() / archive_.filename()));
}

TEST_F(DataFetchTest, WithoutAPublishedUrlFromIsRequired) {
  // A manifest that lists no URL, like the repository's while the bundle is
  // not hosted (BundleManifestTest.TheRepositoryManifestParses checks that).
  CommandRun fetch = Entente("data fetch --manifest " + manifest_.string());
  EXPECT_EQ(fetch.exit_code, 1) << fetch.out;
  EXPECT_NE(fetch.out.find("is not published anywhere yet"), std::string::npos) << fetch.out;
  EXPECT_NE(fetch.out.find("--from"), std::string::npos) << fetch.out;
}

}  // namespace
}  // namespace entente
