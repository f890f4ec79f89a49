// The data bundle's manifest reader, member-path guard and unpacker, on
// small hand-made inputs (the end-to-end fetch is in
// tests/integration/data_fetch_test.cc).
#include "entente/data_bundle.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "bundle/unpack.h"
#include "support/scratch_dir.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

const std::string kSha(64, 'a');

std::string ValidManifest() {
  return R"({"format": 1, "name": "entente-data", "version": "1.0",
 "archive": "entente-data-1.0.tar.gz", "size": 1234, "sha256": ")" +
         kSha + R"(", "urls": ["https://example.org/b/"],
 "files": [{"path": "unga/un_votes.csv", "size": 10, "sha256": ")" +
         kSha + R"("}]})";
}

TEST(BundleManifestTest, ParsesEveryField) {
  auto m = ParseBundleManifest(ValidManifest(), "m.json");
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->version, "1.0");
  EXPECT_EQ(m->archive, "entente-data-1.0.tar.gz");
  EXPECT_EQ(m->size, 1234);
  EXPECT_EQ(m->sha256, kSha);
  ASSERT_EQ(m->urls.size(), 1u);
  ASSERT_EQ(m->files.size(), 1u);
  EXPECT_EQ(m->files[0].path, "unga/un_votes.csv");
  EXPECT_EQ(m->files[0].size, 10);
}

TEST(BundleManifestTest, TheRepositoryManifestParses) {
  auto m = LoadBundleManifest(DefaultBundleManifestPath());
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->name, "entente-data");
  EXPECT_TRUE(m->urls.empty()) << "the manifest names a URL: is the bundle really published?";
  EXPECT_FALSE(m->files.empty());
}

TEST(BundleManifestTest, RefusesBadFieldsNamingThem) {
  struct Case {
    std::string from, to, message;
  };
  const std::vector<Case> cases = {
      {"\"format\": 1", "\"format\": 2", "field 'format'"},
      {"\"size\": 1234", "\"size\": -5", "field 'size' must not be negative, got -5"},
      {"\"size\": 1234", "\"size\": 0", "field 'size' must be positive"},
      {"\"size\": 1234", "\"size\": \"big\"", "field 'size' must be an integer"},
      {"\"archive\": \"entente-data-1.0.tar.gz\"", "\"archive\": \"../x.tar.gz\"",
       "field 'archive' must be a plain file name, got '../x.tar.gz'"},
      {"\"archive\": \"entente-data-1.0.tar.gz\"", "\"archive\": \"a/b.tar.gz\"",
       "field 'archive' must be a plain file name"},
      {"\"version\": \"1.0\"", "\"version\": \"\"", "field 'version' must not be empty"},
      {"\"urls\": [\"https://example.org/b/\"]", "\"urls\": \"x\"", "field 'urls' must be a list"},
      {"\"path\": \"unga/un_votes.csv\"", "\"path\": \"../etc/passwd\"",
       "files[0]: field 'path' must be a relative path without '..', got '../etc/passwd'"},
      {"\"path\": \"unga/un_votes.csv\"", "\"path\": \"/etc/passwd\"", "files[0]: field 'path'"},
      {"\"size\": 10", "\"size\": 10.5", "files[0]: field 'size' must be an integer"},
  };
  for (const auto& c : cases) {
    std::string text = ValidManifest();
    const std::size_t at = text.find(c.from);
    ASSERT_NE(at, std::string::npos) << c.from;
    text.replace(at, c.from.size(), c.to);
    auto m = ParseBundleManifest(text, "m.json");
    ASSERT_FALSE(m.ok()) << c.to;
    EXPECT_NE(m.status().message().find(c.message), std::string::npos)
        << c.to << " -> " << m.status().message();
    EXPECT_EQ(m.status().message().rfind("m.json", 0), 0u) << m.status().message();
  }
  std::string bad_sha = ValidManifest();
  bad_sha.replace(bad_sha.find(kSha), 64, std::string(64, 'G'));
  auto m = ParseBundleManifest(bad_sha, "m.json");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("field 'sha256' must be 64 lower-case hex digits"),
            std::string::npos);
}

TEST(BundleManifestTest, JsonSyntaxErrorsGiveLineAndColumn) {
  auto m = ParseBundleManifest("{\n  \"format\": 1,\n  oops\n}", "m.json");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("m.json: not valid JSON at line 3, column"),
            std::string::npos)
      << m.status().message();
}

// Property: any mutation of a valid manifest parses or fails with a message
// naming the file; it never crashes or throws.
TEST(BundleManifestTest, FuzzedManifestsNeverCrash) {
  std::mt19937 rng(20261123);
  const std::string valid = ValidManifest();
  const std::string alphabet = "{}[]\",:0123456789-.aeflnrstu/\\ \n";
  for (int round = 0; round < 5000; ++round) {
    std::string text = valid;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0:
          text[at] = alphabet[rng() % alphabet.size()];
          break;
        case 1:
          text.erase(at, 1 + rng() % 8);
          break;
        default:
          text.insert(at, 1, alphabet[rng() % alphabet.size()]);
          break;
      }
    }
    auto m = ParseBundleManifest(text, "fuzz.json");
    if (!m.ok()) {
      EXPECT_EQ(m.status().message().rfind("fuzz.json", 0), 0u) << text;
    } else {
      for (const auto& f : m->files) EXPECT_TRUE(IsSafeMemberPath(f.path)) << text;
      EXPECT_GT(m->size, 0);
    }
  }
}

TEST(BundleMemberPathTest, AcceptsRelativePathsOnly) {
  for (const char* ok : {"README.md", "unga/un_votes.csv", "a/b/c.txt", "x..y", "..x", ".hidden"}) {
    EXPECT_TRUE(IsSafeMemberPath(ok)) << ok;
  }
  for (const char* bad : {"", "/etc/passwd", "../x", "a/../../x", "a/..", "..", ".", "./a", "a//b",
                          "a/./b", "a\\..\\b", "a/"}) {
    EXPECT_FALSE(IsSafeMemberPath(bad)) << bad;
  }
  EXPECT_FALSE(IsSafeMemberPath(std::string_view("a\0b", 3)));
}

// A one-member ustar archive written by hand, so that tests can build the
// malicious archives no honest tool would write.
std::string TarMember(const std::string& name, const std::string& body, char type = '0',
                      const std::string& link = "") {
  char header[512];
  std::memset(header, 0, sizeof header);
  std::memcpy(header, name.data(), std::min<std::size_t>(name.size(), 100));
  std::snprintf(header + 100, 8, "%07o", 0644);
  std::snprintf(header + 108, 8, "%07o", 0);
  std::snprintf(header + 116, 8, "%07o", 0);
  std::snprintf(header + 124, 12, "%011o", static_cast<unsigned>(body.size()));
  std::snprintf(header + 136, 12, "%011o", 946684800u);
  std::memset(header + 148, ' ', 8);
  header[156] = type;
  std::memcpy(header + 157, link.data(), std::min<std::size_t>(link.size(), 100));
  std::memcpy(header + 257, "ustar", 6);
  std::memcpy(header + 263, "00", 2);
  unsigned sum = 0;
  for (unsigned char c : header) sum += c;
  std::snprintf(header + 148, 8, "%06o", sum);
  std::string out(header, sizeof header);
  out += body;
  out.append((512 - body.size() % 512) % 512, '\0');
  return out;
}

std::string Tar(const std::string& members) {
  return members + std::string(1024, '\0');
}

class BundleUnpackTest : public ::testing::Test {
 protected:
  Result<int> Unpack(const std::string& tar) {
    const fs::path archive = scratch_ / "bundle.tar";
    std::ofstream(archive, std::ios::binary) << tar;
    fs::create_directories(target_);
    return internal::UnpackArchive(archive.string(), target_.string());
  }
  testing_support::ScratchDir scratch_{"entente-unpack"};
  fs::path target_ = scratch_ / "out" / "data";
};

TEST_F(BundleUnpackTest, UnpacksRegularFiles) {
  auto n = Unpack(Tar(TarMember("unga/a.csv", "x,y\n1,2\n") + TarMember("README.md", "hi\n")));
  ASSERT_TRUE(n.ok()) << n.status().message();
  EXPECT_EQ(*n, 2);
  std::ifstream in(target_ / "unga/a.csv");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "x,y\n1,2\n");
}

TEST_F(BundleUnpackTest, RefusesPathTraversal) {
  for (const std::string name : {"../escaped.txt", "a/../../escaped.txt", "/tmp/escaped.txt"}) {
    auto n = Unpack(Tar(TarMember(name, "evil\n")));
    ASSERT_FALSE(n.ok()) << name;
    EXPECT_EQ(n.status().code(), Status::Code::kData);
    EXPECT_NE(n.status().message().find("member '" + name + "'"), std::string::npos)
        << n.status().message();
    EXPECT_FALSE(fs::exists(scratch_ / "out" / "escaped.txt"));
    EXPECT_FALSE(fs::exists(scratch_ / "escaped.txt"));
  }
}

TEST_F(BundleUnpackTest, RefusesLinks) {
  auto symlink = Unpack(Tar(TarMember("passwd", "", '2', "/etc/passwd")));
  ASSERT_FALSE(symlink.ok());
  EXPECT_NE(symlink.status().message().find("not a regular file or folder"), std::string::npos);
  EXPECT_FALSE(fs::exists(fs::symlink_status(target_ / "passwd")));
  auto hardlink = Unpack(Tar(TarMember("h", "", '1', "/etc/passwd")));
  ASSERT_FALSE(hardlink.ok());
}

TEST_F(BundleUnpackTest, RefusesADamagedArchive) {
  std::string tar = Tar(TarMember("a.csv", std::string(2000, 'x')));
  auto n = Unpack(tar.substr(0, 700));  // cut inside the member's data
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().code(), Status::Code::kData);
}

TEST(BundleSha256Test, MatchesAKnownDigest) {
  testing_support::ScratchDir scratch("entente-sha");
  std::ofstream(scratch / "abc", std::ios::binary) << "abc";
  auto sha = Sha256OfFile((scratch / "abc").string());
  ASSERT_TRUE(sha.ok());
  // FIPS 180-2, appendix B.1.
  EXPECT_EQ(*sha, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_FALSE(Sha256OfFile((scratch / "missing").string()).ok());
}

}  // namespace
}  // namespace entente
