// The command line as a researcher meets it: every subcommand's --help has
// examples, the completion script offers every subcommand, progress bars
// appear on a terminal and nowhere else, and `entente doctor` says what is
// wrong and what to run.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "entente/data_bundle.h"
#include "support/run_command.h"
#include "support/scratch_dir.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

using testing_support::CommandRun;
constexpr auto Shell = testing_support::RunShell;

std::string Entente() {
  return std::string(ENTENTE_BINARY) + " --data " + ENTENTE_SHARED_DATA;
}

// The subcommand names listed under "Subcommands:" in a --help text.
std::vector<std::string> Subcommands(const std::string& help) {
  std::vector<std::string> names;
  std::istringstream in(help);
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("Subcommands:", 0) == 0 || line.rfind("SUBCOMMANDS:", 0) == 0) {
      inside = true;
      continue;
    }
    if (!inside) continue;
    if (line.empty() || line[0] != ' ') break;
    std::istringstream words(line);
    std::string name;
    words >> name;
    // Continuation lines of a long description are indented further.
    if (line.size() > 2 && line[2] != ' ' && !name.empty()) names.push_back(name);
  }
  return names;
}

// Every command path ("votes", "data fetch", ...) reachable from the top.
std::vector<std::string> AllCommandPaths() {
  std::vector<std::string> paths;
  std::vector<std::string> todo = {""};
  while (!todo.empty()) {
    const std::string path = todo.back();
    todo.pop_back();
    CommandRun help = Shell(std::string(ENTENTE_BINARY) + " " + path + " --help 2>&1");
    for (const auto& sub : Subcommands(help.out)) {
      const std::string child = path.empty() ? sub : path + " " + sub;
      paths.push_back(child);
      todo.push_back(child);
    }
  }
  return paths;
}

TEST(CliHelpTest, EverySubcommandHasExamples) {
  const auto paths = AllCommandPaths();
  // The commands this project had when the test was written must be there.
  for (const char* expected :
       {"init", "import", "import unga", "imports", "votes", "idealpoints", "countries", "military",
        "opcode", "beliefs", "data", "data fetch", "doctor", "completion"}) {
    EXPECT_NE(std::find(paths.begin(), paths.end(), expected), paths.end()) << expected;
  }
  for (const auto& path : paths) {
    CommandRun help = Shell(std::string(ENTENTE_BINARY) + " " + path + " --help 2>&1");
    EXPECT_EQ(help.exit_code, 0) << path;
    const std::size_t at = help.out.find("Examples:\n");
    ASSERT_NE(at, std::string::npos) << "`entente " << path << " --help` has no examples";
    // At least two example invocations of this very command.
    std::istringstream lines(help.out.substr(at));
    int examples = 0;
    for (std::string line; std::getline(lines, line);) {
      if (line.find("entente ") != std::string::npos) ++examples;
    }
    EXPECT_GE(examples, 2) << path << ":\n" << help.out;
  }
}

TEST(CliCompletionTest, BashScriptOffersEverySubcommand) {
  testing_support::ScratchDir scratch("entente-completion");
  const fs::path script = scratch / "entente.bash";
  CommandRun generated =
      Shell(std::string(ENTENTE_BINARY) + " completion bash > " + script.string());
  ASSERT_EQ(generated.exit_code, 0);
  ASSERT_EQ(Shell("bash -n " + script.string() + " 2>&1").exit_code, 0);
  // Ask bash itself what it would offer after `entente ` and after each
  // command path.
  auto complete = [&](const std::string& line) {
    CommandRun r = Shell("bash -c 'source " + script.string() + "; COMP_WORDS=(" + line +
                         " \"\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _entente; "
                         "printf \"%s\\n\" \"${COMPREPLY[@]}\"' 2>&1");
    std::set<std::string> words;
    std::istringstream in(r.out);
    for (std::string w; std::getline(in, w);) words.insert(w);
    return words;
  };
  const auto top = complete("entente");
  const auto paths = AllCommandPaths();
  ASSERT_FALSE(paths.empty());
  for (const auto& path : paths) {
    const std::size_t space = path.rfind(' ');
    if (space == std::string::npos) {
      EXPECT_TRUE(top.count(path)) << path;
    } else {
      const auto offered = complete("entente " + path.substr(0, space));
      EXPECT_TRUE(offered.count(path.substr(space + 1))) << path;
    }
  }
  EXPECT_TRUE(top.count("--store"));
  const auto votes = complete("entente --store s.sqlite votes");
  for (const char* option : {"--years", "--all-dyads", "--format", "--out", "--help"}) {
    EXPECT_TRUE(votes.count(option)) << option;
  }
  EXPECT_FALSE(votes.count("init"));  // subcommands of the top level are not offered there
}

TEST(CliCompletionTest, ZshScriptUsesBashcompinit) {
  CommandRun zsh = Shell(std::string(ENTENTE_BINARY) + " completion zsh");
  ASSERT_EQ(zsh.exit_code, 0);
  EXPECT_NE(zsh.out.find("bashcompinit"), std::string::npos);
  EXPECT_NE(zsh.out.find("complete -o default -F _entente entente"), std::string::npos);
  EXPECT_EQ(Shell(std::string(ENTENTE_BINARY) + " completion fish 2>&1").exit_code, 1);
}

// Runs `command` (through /bin/sh) with stderr on a pseudo-terminal and
// stdout discarded; returns what the terminal received.
CommandRun WithTerminalStderr(const std::string& command) {
  CommandRun run;
  int master = -1;
  int slave = -1;
  if (openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) return run;
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(slave, STDERR_FILENO);
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    close(master);
    close(slave);
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(slave);
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(master, buffer, sizeof buffer);
    if (n > 0) {
      run.out.append(buffer, static_cast<std::size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO once the child and its descendants have closed the terminal
    }
  }
  close(master);
  int status = 0;
  waitpid(pid, &status, 0);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

class CliProgressTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = (scratch_ / "store.sqlite").string();
    CommandRun init = Shell(Entente() + " -q --store " + store_ + " import unga " +
                            ENTENTE_SHARED_DATA + "/unga/unga_wide_1946_2024.csv 2>&1");
    ASSERT_EQ(init.exit_code, 0) << init.out;
  }
  // A bar on a terminal ("\r" + label + " [###...] NN%"); nothing when piped.
  void ExpectBarOnlyOnATerminal(const std::string& args, const std::string& label) {
    const std::string command = Entente() + " --store " + store_ + " " + args;
    CommandRun terminal = WithTerminalStderr(command);
    EXPECT_EQ(terminal.exit_code, 0) << terminal.out;
    EXPECT_NE(terminal.out.find("\r" + label + " ["), std::string::npos) << args << ":\n"
                                                                         << terminal.out;
    EXPECT_NE(terminal.out.find("%"), std::string::npos) << terminal.out;
    CommandRun piped = Shell(command + " 2>&1 >/dev/null");
    EXPECT_EQ(piped.exit_code, 0) << piped.out;
    EXPECT_EQ(piped.out.find('\r'), std::string::npos) << args << ":\n" << piped.out;
    EXPECT_EQ(piped.out.find(label + " ["), std::string::npos) << piped.out;
    CommandRun quiet = WithTerminalStderr(Entente() + " -q --store " + store_ + " " + args);
    EXPECT_EQ(quiet.out.find(label + " ["), std::string::npos) << "-q " << args;
  }
  testing_support::ScratchDir scratch_{"entente-progress"};
  std::string store_;
};

TEST_F(CliProgressTest, Import) {
  // A fresh store; a file of a million rows (files under 16,384 rows are
  // read too fast to report progress).
  store_ = (scratch_ / "other.sqlite").string();
  const std::string file = std::string(ENTENTE_SHARED_DATA) + "/unga/voeten_votes_1946_2015.csv";
  ExpectBarOnlyOnATerminal("import unga " + file, "importing " + file);
}

TEST_F(CliProgressTest, VotesAllDyads) {
  ExpectBarOnlyOnATerminal(
      "votes --all-dyads --years 2000:2003 --out " + (scratch_ / "v.csv").string(), "dyad-years");
}

TEST_F(CliProgressTest, MilitaryAllDyads) {
  ExpectBarOnlyOnATerminal(
      "military --all-dyads --years 2000:2001 --out " + (scratch_ / "m.csv").string(),
      "dyad-years");
}

TEST_F(CliProgressTest, CorpusCoding) {
  ExpectBarOnlyOnATerminal(std::string("opcode --corpus ") + ENTENTE_SHARED_DATA +
                               "/ungd --limit 30 --out " + (scratch_ / "o.csv").string(),
                           "coding speeches");
}

class DoctorTest : public ::testing::Test {
 protected:
  CommandRun Doctor(const std::string& global) {
    return Shell(std::string(ENTENTE_BINARY) + " -q " + global + " doctor 2>&1");
  }
  testing_support::ScratchDir scratch_{"entente-doctor"};
};

TEST_F(DoctorTest, NoStoreSaysRunInit) {
  const std::string store = (scratch_ / "none.sqlite").string();
  CommandRun doctor = Doctor("--store " + store + " --data " + ENTENTE_SHARED_DATA);
  EXPECT_EQ(doctor.exit_code, 2) << doctor.out;
  EXPECT_NE(doctor.out.find("PROBLEM  no store at " + store), std::string::npos) << doctor.out;
  EXPECT_NE(doctor.out.find("next:\n  entente --store " + store + " --data " + ENTENTE_SHARED_DATA +
                            " init\n"),
            std::string::npos)
      << doctor.out;
  EXPECT_FALSE(fs::exists(store));  // the doctor does not create a store
  for (const char* component :
       {"entente 0.", "SQLite 3.", "ICU ", "libarchive 3.", "libcurl ", "OpenSSL ", "compiler "}) {
    EXPECT_NE(doctor.out.find(component), std::string::npos) << component;
  }
}

TEST_F(DoctorTest, AllWellAfterInitOnTheSharedData) {
  const std::string store = (scratch_ / "s.sqlite").string();
  const std::string global = "--store " + store + " --data " + ENTENTE_SHARED_DATA;
  CommandRun init = Shell(std::string(ENTENTE_BINARY) + " -q " + global + " init 2>&1");
  ASSERT_EQ(init.exit_code, 0) << init.out;
  CommandRun doctor = Doctor(global);
  EXPECT_EQ(doctor.exit_code, 0) << doctor.out;
  // The shared data are the bundle the repository's manifest records.
  auto manifest = LoadBundleManifest(DefaultBundleManifestPath());
  ASSERT_TRUE(manifest.ok());
  EXPECT_NE(doctor.out.find("ok       all " + std::to_string(manifest->files.size()) +
                            " files of entente-data " + manifest->version + " present"),
            std::string::npos)
      << doctor.out;
  EXPECT_NE(doctor.out.find("ok       unga/voeten_votes_1946_2015.csv: imported"),
            std::string::npos)
      << doctor.out;
  EXPECT_NE(doctor.out.find("the UN General Debate corpus has not been coded"), std::string::npos)
      << doctor.out;
  EXPECT_NE(doctor.out.find("opcode --corpus " + std::string(ENTENTE_SHARED_DATA) + "/ungd"),
            std::string::npos)
      << doctor.out;
  EXPECT_EQ(doctor.out.find("PROBLEM"), std::string::npos) << doctor.out;
}

TEST_F(DoctorTest, ReportsMissingAndAlteredFilesAndUnimportedOnes) {
  // A data directory with one dataset altered and the rest missing.
  const fs::path data = scratch_ / "data";
  fs::create_directories(data / "countries");
  fs::create_directories(data / "unga");
  fs::copy_file(fs::path(ENTENTE_SHARED_DATA) / "countries/codelist.csv",
                data / "countries/codelist.csv");
  const fs::path roll_calls = fs::path(ENTENTE_SHARED_DATA) / "unga/un_roll_calls.csv";
  const auto size = fs::file_size(roll_calls);
  fs::copy_file(roll_calls, data / "unga/un_roll_calls.csv");
  std::ofstream(data / "unga/un_roll_calls.csv", std::ios::app) << "\n";
  const std::string store = (scratch_ / "s.sqlite").string();
  CommandRun created =
      Shell(std::string(ENTENTE_BINARY) + " -q --store " + store + " imports 2>&1");
  ASSERT_EQ(created.exit_code, 0) << created.out;
  CommandRun doctor = Doctor("--store " + store + " --data " + data.string());
  EXPECT_EQ(doctor.exit_code, 2) << doctor.out;
  EXPECT_NE(doctor.out.find("PROBLEM  unga/un_votes.csv: missing"), std::string::npos)
      << doctor.out;
  EXPECT_NE(doctor.out.find("PROBLEM  unga/un_roll_calls.csv: " + std::to_string(size + 1) +
                            " bytes, the manifest says " + std::to_string(size)),
            std::string::npos)
      << doctor.out;
  EXPECT_NE(doctor.out.find("PROBLEM  unga/un_roll_calls.csv: not imported"), std::string::npos)
      << doctor.out;
  EXPECT_NE(doctor.out.find("  entente data fetch --from"), std::string::npos) << doctor.out;
  EXPECT_NE(doctor.out.find(" init\n"), std::string::npos) << doctor.out;
}

}  // namespace
}  // namespace entente
