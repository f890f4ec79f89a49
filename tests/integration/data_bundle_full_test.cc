// The full data bundle: scripts/make_data_bundle.sh rebuilds, from
// ../shared/data, exactly the archive data/bundle/manifest.json records (same
// size, sha256 and members), and that archive, served over loopback HTTP,
// fetches and unpacks into files `entente doctor` finds identical to the
// manifest's. The slowest integration test (about 120 MB to compress, serve
// and unpack); data_fetch_test.cc covers the failure cases on a small bundle.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "entente/data_bundle.h"
#include "support/bundle_server.h"
#include "support/run_command.h"
#include "support/scratch_dir.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

using testing_support::CommandRun;
// Every command here folds stderr into the captured output.
CommandRun Shell(const std::string& command) {
  return testing_support::RunShell(command + " 2>&1");
}

TEST(DataBundleFullTest, ScriptReproducesTheRecordedBundleAndItFetchesIntact) {
  testing_support::ScratchDir scratch("entente-bundle-full");
  auto recorded = LoadBundleManifest(DefaultBundleManifestPath());
  ASSERT_TRUE(recorded.ok()) << recorded.status().message();

  const fs::path out = scratch / "bundle";
  CommandRun built = Shell(std::string(ENTENTE_SOURCE_DIR) + "/scripts/make_data_bundle.sh --src " +
                           ENTENTE_SHARED_DATA + " --out " + out.string());
  ASSERT_EQ(built.exit_code, 0) << built.out;
  auto rebuilt = LoadBundleManifest((out / "manifest.json").string());
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().message();
  EXPECT_EQ(rebuilt->archive, recorded->archive);
  EXPECT_EQ(rebuilt->size, recorded->size);
  EXPECT_EQ(rebuilt->sha256, recorded->sha256);
  ASSERT_EQ(rebuilt->files.size(), recorded->files.size());
  for (std::size_t i = 0; i < rebuilt->files.size(); ++i) {
    EXPECT_EQ(rebuilt->files[i].path, recorded->files[i].path);
    EXPECT_EQ(rebuilt->files[i].sha256, recorded->files[i].sha256) << rebuilt->files[i].path;
  }

  testing_support::BundleServer server(out.string(), (scratch / "requests.log").string());
  const fs::path data = scratch / "data";
  const std::string env = "env -u ENTENTE_DATA XDG_DATA_HOME=" + (scratch / "xdg").string() +
                          " ENTENTE_STORE=" + (scratch / "store.sqlite").string() + " ";
  CommandRun fetch = Shell(env + ENTENTE_BINARY + " -q data fetch --from " + server.Url("files") +
                           " --to " + data.string());
  ASSERT_EQ(fetch.exit_code, 0) << fetch.out;
  EXPECT_NE(fetch.out.find("(" + std::to_string(recorded->files.size()) + " files)"),
            std::string::npos)
      << fetch.out;
  // Every file unpacked matches the recorded manifest, byte for byte (sha256).
  CommandRun doctor = Shell(env + ENTENTE_BINARY + " -q --data " + data.string() + " doctor");
  EXPECT_NE(doctor.out.find("ok       all " + std::to_string(recorded->files.size()) +
                            " files of entente-data " + recorded->version),
            std::string::npos)
      << doctor.out;
}

}  // namespace
}  // namespace entente
