// The opcode and beliefs commands end to end, through the entente binary:
// the --sentences contract, bad input, a sample of the real UN General
// Debate archive coded into a store, and beliefs from that store.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/scratch_dir.h"

namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;
  std::string out;
};

std::string Quote(const std::string& s) {
  return "'" + s + "'";
}

RunResult RunEntente(const std::string& args) {
  std::string command =
      Quote(ENTENTE_BINARY) + " --data " + Quote(ENTENTE_SHARED_DATA) + " -q " + args + " 2>&1";
  RunResult r;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return r;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), pipe)) > 0) r.out.append(buffer, n);
  int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

class OpcodeCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scratch_ = std::make_unique<entente::testing_support::ScratchDir>("entente-opcode-cli");
    dir_ = scratch_->path();
    if (!fs::exists("/usr/share/perl5/Lingua/EN/Tagger/words.yml") &&
        std::getenv("ENTENTE_TAGGER_MODEL") == nullptr) {
      GTEST_SKIP() << "liblingua-en-tagger-perl is not installed";
    }
  }
  std::string Write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::unique_ptr<entente::testing_support::ScratchDir> scratch_;
  fs::path dir_;
};

TEST_F(OpcodeCliTest, SentencesContract) {
  std::string file = Write("s.tsv",
                           "a1\tWe condemn the attack on our embassy.\n"
                           "a2\tRussia has invaded Ukraine.\n"
                           "a3\tThe weather was fine.\n");
  RunResult r = RunEntente("opcode --sentences " + Quote(file) + " --speaker CHN --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "id,verb,subject,category,mode,lemma,tense,negated,passive,subject_text,rule");
  EXPECT_NE(r.out.find("a1,condemn,self,-1,word"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("a2,invaded,other,-3,deed"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("a3,"), std::string::npos) << r.out;
}

TEST_F(OpcodeCliTest, BadInputGetsAClearMessage) {
  RunResult empty = RunEntente("opcode " + Quote(Write("empty.txt", "")));
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.out.find("empty"), std::string::npos) << empty.out;

  RunResult binary = RunEntente("opcode " + Quote(Write("b.bin", std::string("\x7f"
                                                                             "ELF\0\0\x01\x02",
                                                                             8))));
  EXPECT_EQ(binary.exit_code, 2);
  EXPECT_NE(binary.out.find("binary"), std::string::npos) << binary.out;

  std::string french;
  for (int k = 0; k < 30; ++k)
    french += "Nous soutenons pleinement les efforts du Secrétaire général. ";
  RunResult foreign = RunEntente("opcode " + Quote(Write("fr.txt", french)));
  EXPECT_EQ(foreign.exit_code, 2);
  EXPECT_NE(foreign.out.find("English"), std::string::npos) << foreign.out;

  RunResult missing = RunEntente("opcode " + Quote((dir_ / "nope.txt").string()));
  EXPECT_EQ(missing.exit_code, 2) << missing.out;

  RunResult no_tab = RunEntente("opcode --sentences " + Quote(Write("bad.tsv", "no tab here\n")));
  EXPECT_EQ(no_tab.exit_code, 2);
  EXPECT_NE(no_tab.out.find("id<TAB>sentence"), std::string::npos) << no_tab.out;

  RunResult usage = RunEntente("opcode");
  EXPECT_EQ(usage.exit_code, 1) << usage.out;
}

// The same bad inputs through the --sentences contract, and text in other
// scripts (Russian, Chinese) through the file mode.
TEST_F(OpcodeCliTest, SentencesModeBadInputGetsAClearMessage) {
  RunResult empty =
      RunEntente("opcode --sentences " + Quote(Write("e.tsv", "")) + " --speaker USA --format csv");
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.out.find("e.tsv: the file is empty"), std::string::npos) << empty.out;

  RunResult binary = RunEntente("opcode --sentences " +
                                Quote(Write("b.tsv", std::string("x\0\x01\tWe help.\n", 13))) +
                                " --speaker USA --format csv");
  EXPECT_EQ(binary.exit_code, 2);
  EXPECT_NE(binary.out.find("b.tsv: this is a binary file"), std::string::npos) << binary.out;

  std::string french;
  for (int k = 0; k < 30; ++k) {
    french += "f" + std::to_string(k) +
              "\tNous soutenons les efforts du Secr\u00e9taire g\u00e9n\u00e9ral.\n";
  }
  RunResult foreign = RunEntente("opcode --sentences " + Quote(Write("fr.tsv", french)) +
                                 " --speaker FRA --format csv");
  EXPECT_EQ(foreign.exit_code, 2);
  EXPECT_NE(foreign.out.find("does not look like English"), std::string::npos) << foreign.out;
  EXPECT_EQ(foreign.out.find("id,verb"), std::string::npos) << "nothing half-written";

  std::string russian, chinese;
  for (int k = 0; k < 20; ++k) {
    russian +=
        "\u041c\u044b \u043f\u043e\u0434\u0434\u0435\u0440\u0436\u0438\u0432\u0430\u0435\u043c "
        "\u043c\u0438\u0440 \u0438 "
        "\u0441\u043e\u0442\u0440\u0443\u0434\u043d\u0438\u0447\u0435\u0441\u0442\u0432\u043e. ";
    chinese += "\u6211\u4eec\u652f\u6301\u548c\u5e73\u4e0e\u5408\u4f5c\u3002";
  }
  for (const auto& [name, text] : {std::pair<std::string, std::string>{"ru.txt", russian},
                                   std::pair<std::string, std::string>{"zh.txt", chinese}}) {
    RunResult r = RunEntente("opcode " + Quote(Write(name, text)) + " --speaker RUS");
    EXPECT_EQ(r.exit_code, 2) << name << ": " << r.out;
    EXPECT_NE(r.out.find(name), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("English"), std::string::npos) << r.out;
  }
}

TEST_F(OpcodeCliTest, TenMegabyteSingleLineInSentencesMode) {
  std::string line = "x1\t";
  line.reserve(10'500'000);
  while (line.size() < 10'000'000) line += "we support peace and they attack us while ";
  RunResult r = RunEntente("opcode --sentences " + Quote(Write("long.tsv", line + "\n")) +
                           " --speaker USA --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.out.substr(0, 500);
  EXPECT_NE(r.out.find("x1,support,self,1,word"), std::string::npos);
  EXPECT_NE(r.out.find("x1,attack,other,-3,deed"), std::string::npos);
}

// `entente opcode FILE... --speaker ISO3` on real sentences (the USA's and
// China's sentences of the gold set, one file each): one profile per file,
// flagged unreliable below 1,500 words, z-scores naming their norming group;
// the speaker decides who is self.
TEST_F(OpcodeCliTest, FilesGiveOneProfileEach) {
  std::ifstream gold(std::string(ENTENTE_GOLD_DIR) + "/sentences.tsv");
  std::string usa, chn;
  for (std::string line; std::getline(gold, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1), t3 = line.find('\t', t2 + 1);
    std::string iso3 = line.substr(t1 + 1, t2 - t1 - 1);
    std::string sentence = line.substr(t3 + 1) + "\n";
    if (iso3 == "USA") usa += sentence;
    if (iso3 == "CHN") chn += sentence;
  }
  ASSERT_FALSE(usa.empty());
  ASSERT_FALSE(chn.empty());
  std::string a = Write("usa.txt", usa), b = Write("chn.txt", chn);
  RunResult r = RunEntente("opcode " + Quote(a) + " " + Quote(b) + " --speaker USA --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::istringstream lines(r.out);
  std::string header, row_a, row_b, extra;
  std::getline(lines, header);
  std::getline(lines, row_a);
  std::getline(lines, row_b);
  EXPECT_FALSE(std::getline(lines, extra)) << "one row per file";
  EXPECT_EQ(header.rfind("file,words,verbs,self,other,reliable,note,p1,", 0), 0u) << header;
  EXPECT_NE(header.find(",z_p1,"), std::string::npos);
  EXPECT_NE(header.find(",norming_group"), std::string::npos);
  EXPECT_EQ(row_a.rfind(a + ",", 0), 0u) << row_a;
  EXPECT_EQ(row_b.rfind(b + ",", 0), 0u) << row_b;
  EXPECT_NE(row_a.find(",0,fewer than 1500 words"), std::string::npos) << row_a;
  EXPECT_NE(row_a.find("world leaders"), std::string::npos) << row_a;

  // China's "China will ..." sentences are self only when China speaks.
  auto self_count = [](const std::string& row) {
    std::size_t c1 = row.find(','), c2 = row.find(',', c1 + 1), c3 = row.find(',', c2 + 1),
                c4 = row.find(',', c3 + 1);
    return std::stoi(row.substr(c3 + 1, c4 - c3 - 1));
  };
  RunResult as_china = RunEntente("opcode " + Quote(b) + " --speaker CHN --format csv");
  ASSERT_EQ(as_china.exit_code, 0) << as_china.out;
  std::string china_row = as_china.out.substr(as_china.out.find('\n') + 1);
  EXPECT_GT(self_count(china_row), self_count(row_b)) << china_row << "\n" << row_b;
}

// --corpus takes the archive itself and an unpacked tree as well as the
// directory holding the archive (UngdSampleIntoStoreThenBeliefs).
TEST_F(OpcodeCliTest, CorpusAcceptsTheArchiveAndAnUnpackedTree) {
  const std::string ungd = std::string(ENTENTE_SHARED_DATA) + "/ungd";
  std::string out = (dir_ / "a.csv").string();
  RunResult archive = RunEntente("--store " + Quote((dir_ / "a.sqlite").string()) +
                                 " opcode --corpus " + Quote(ungd + "/UNGDC_1946-2024.tgz") +
                                 " --limit 3 --format csv --out " + Quote(out));
  ASSERT_EQ(archive.exit_code, 0) << archive.out;
  std::ifstream a(out);
  int rows = -1;
  for (std::string line; std::getline(a, line);) ++rows;
  EXPECT_EQ(rows, 3);

  // An unpacked tree: two speeches of Session 63 and the speakers table.
  fs::path tree = dir_ / "tree";
  fs::create_directories(tree);
  fs::copy_file(ungd + "/speakers.csv", tree / "speakers.csv");
  std::string untar =
      "tar xzf " + Quote(ungd + "/UNGDC_1946-2024.tgz") + " -C " + Quote(tree.string()) +
      " 'TXT/Session 63 - 2008/QAT_63_2008.txt' 'TXT/Session 63 - 2008/HND_63_2008.txt'";
  ASSERT_EQ(std::system(untar.c_str()), 0);
  std::string out2 = (dir_ / "t.csv").string();
  RunResult unpacked =
      RunEntente("--store " + Quote((dir_ / "t.sqlite").string()) + " opcode --corpus " +
                 Quote(tree.string()) + " --format csv --out " + Quote(out2));
  ASSERT_EQ(unpacked.exit_code, 0) << unpacked.out;
  std::ifstream t(out2);
  std::string header, line;
  std::getline(t, header);
  std::vector<std::string> lines;
  while (std::getline(t, line)) lines.push_back(line);
  ASSERT_EQ(lines.size(), 2u);
  std::string both = lines[0] + lines[1];
  EXPECT_NE(both.find("QAT,2008"), std::string::npos) << both;
  EXPECT_NE(both.find("HND,2008"), std::string::npos) << both;
}

// The Republic of China held China's UN seat until General Assembly
// resolution 2758 (1971-10-25); the corpus files its speeches as CHN_
// (speakers.csv: "Mr. WEI" 1969, "Mr. CHOW" 1971, who speaks for "the
// Republic of China" against "the Chinese Communist regime"). They are the
// Republic of China's (TWN, COW 713), and the PRC's series starts in 1972.
TEST_F(OpcodeCliTest, UngdChinaSeatBeforeResolution2758IsTheRepublicOfChinas) {
  const std::string ungd = std::string(ENTENTE_SHARED_DATA) + "/ungd";
  fs::path tree = dir_ / "tree";
  fs::create_directories(tree);
  fs::copy_file(ungd + "/speakers.csv", tree / "speakers.csv");
  std::string untar = "tar xzf " + Quote(ungd + "/UNGDC_1946-2024.tgz") + " -C " +
                      Quote(tree.string()) +
                      " 'TXT/Session 24 - 1969/CHN_24_1969.txt'"
                      " 'TXT/Session 26 - 1971/CHN_26_1971.txt'"
                      " 'TXT/Session 27 - 1972/CHN_27_1972.txt'";
  ASSERT_EQ(std::system(untar.c_str()), 0);
  const std::string store = Quote((dir_ / "s.sqlite").string());
  std::string out = (dir_ / "t.csv").string();
  RunResult coded = RunEntente("--store " + store + " opcode --corpus " + Quote(tree.string()) +
                               " --format csv --out " + Quote(out));
  ASSERT_EQ(coded.exit_code, 0) << coded.out;
  std::ifstream in(out);
  std::string header, line, rows;
  std::getline(in, header);
  while (std::getline(in, line)) rows += line + "\n";
  EXPECT_NE(rows.find("ungd,CHN_24_1969.txt,TWN,1969,"), std::string::npos) << rows;
  EXPECT_NE(rows.find("ungd,CHN_26_1971.txt,TWN,1971,"), std::string::npos) << rows;
  EXPECT_NE(rows.find("ungd,CHN_27_1972.txt,CHN,1972,"), std::string::npos) << rows;

  // China's beliefs are the PRC's speeches alone, the Republic of China's
  // are its own.
  RunResult prc = RunEntente("--store " + store + " beliefs CHN RUS --years 1969:1971");
  EXPECT_EQ(prc.exit_code, 2) << prc.out;
  EXPECT_NE(prc.out.find("no coded speeches of China"), std::string::npos) << prc.out;
  RunResult both =
      RunEntente("--store " + store + " beliefs CHN TWN --years 1969:1972 --format json");
  ASSERT_EQ(both.exit_code, 0) << both.out;
  const auto json = nlohmann::json::parse(both.out, nullptr, false);
  ASSERT_FALSE(json.is_discarded()) << both.out;
  auto years_of = [&](const char* side) {
    std::vector<int> years;
    for (const auto& y : json[side]["series"]) years.push_back(y["year"].get<int>());
    return years;
  };
  EXPECT_EQ(years_of("a"), std::vector<int>({1972}));
  EXPECT_EQ(years_of("b"), std::vector<int>({1969, 1971}));
  EXPECT_EQ(json["b"]["speakers"], nlohmann::json::array({"Mr. WEI", "Mr. CHOW"}));
}

TEST_F(OpcodeCliTest, TenMegabyteSingleLine) {
  std::string line;
  line.reserve(10'500'000);
  while (line.size() < 10'000'000) line += "we support peace and they attack us while ";
  RunResult r =
      RunEntente("opcode " + Quote(Write("long.txt", line)) + " --speaker USA --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.out.substr(0, 500);
  EXPECT_NE(r.out.find("file,words,verbs"), std::string::npos);
}

TEST_F(OpcodeCliTest, UngdSampleIntoStoreThenBeliefs) {
  std::string store = (dir_ / "s.sqlite").string();
  std::string out = (dir_ / "ungd.csv").string();
  RunResult r = RunEntente("--store " + Quote(store) + " opcode --corpus " +
                           Quote(std::string(ENTENTE_SHARED_DATA) + "/ungd") +
                           " --limit 60 --format csv --out " + Quote(out));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::ifstream in(out);
  std::string header;
  std::getline(in, header);
  for (const char* column : {"iso3", "year", "speaker", "words", "verbs", "p1", "p2", "p3", "p4",
                             "p5", "i1", "i2", "i3", "i4a", "i4b"}) {
    EXPECT_NE(header.find(std::string(",") + column + ","), std::string::npos) << column;
  }
  int rows = 0;
  for (std::string line; std::getline(in, line);) ++rows;
  EXPECT_EQ(rows, 60);

  // The first members of the archive are Session 63 (2008): two states of it.
  RunResult b =
      RunEntente("--store " + Quote(store) + " beliefs QAT HND --years 2008 --format json");
  ASSERT_EQ(b.exit_code, 0) << b.out;
  EXPECT_NE(b.out.find("\"a\": {"), std::string::npos) << b.out;
  EXPECT_NE(b.out.find("\"p1\":"), std::string::npos);
  EXPECT_NE(b.out.find("\"i1\":"), std::string::npos);
  EXPECT_NE(b.out.find("\"congruent\":"), std::string::npos);

  RunResult unknown = RunEntente("--store " + Quote(store) + " beliefs QAT Nobody --years 2008");
  EXPECT_EQ(unknown.exit_code, 2) << unknown.out;
}

}  // namespace
