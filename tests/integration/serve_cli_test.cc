// `entente serve` as a user starts it: a child process on --port 0 that
// prints its URL, answers, and stops cleanly on SIGTERM; and its errors.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <regex>
#include <string>
#include <thread>

#include "integration/serve_support.h"

namespace entente::integration {
namespace {

TEST(ServeCliTest, ServesOnAFreePortAndStopsOnSigterm) {
  const std::string store = ServeTestStore();
  ASSERT_FALSE(store.empty());
  int out[2];
  ASSERT_EQ(::pipe(out), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    ::execl(ENTENTE_BINARY, ENTENTE_BINARY, "--store", store.c_str(), "--data", ENTENTE_SHARED_DATA,
            "-q", "serve", "--port", "0", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  // The first line on stdout names the URL.
  std::string line;
  char c;
  while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(line, m, std::regex(R"(listening on http://127\.0\.0\.1:(\d+)/)")))
      << line;
  const int port = std::stoi(m[1]);

  HttpReply meta = HttpGet(port, "/api/v1/meta");
  EXPECT_EQ(meta.status, 200) << meta.body;
  EXPECT_EQ(meta.json["store"], store);
  HttpReply votes = HttpGet(port, "/api/v1/votes?a=CHN&b=RUS&years=2000");
  ASSERT_EQ(votes.status, 200);
  CliRun cli = RunCli("--store " + ShellQuote(store) + " votes CHN RUS --years 2000 --format csv");
  ASSERT_EQ(cli.exit_code, 0) << cli.out;
  // "year,ccode1,ccode2,n,...\n2000,710,365,N,...": the same N.
  const std::string row = cli.out.substr(cli.out.find('\n') + 1);
  EXPECT_EQ(
      row.rfind("2000,710,365," + std::to_string(votes.json["rows"][0]["n"].get<int>()) + ",", 0),
      0u)
      << cli.out;

  ASSERT_EQ(::kill(child, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ::close(out[0]);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by a signal instead of stopping: " << status;
  EXPECT_EQ(WEXITSTATUS(status), 0);
  // Nothing listens any more.
  EXPECT_EQ(HttpGet(port, "/api/v1/meta").status, 0);
}

TEST(ServeCliTest, RefusesAMissingStoreAndBadOptions) {
  CliRun missing = RunCli("--store /nonexistent/dir/entente.sqlite serve --port 0");
  EXPECT_EQ(missing.exit_code, 2) << missing.out;
  EXPECT_NE(missing.out.find("/nonexistent/dir/entente.sqlite"), std::string::npos);
  EXPECT_NE(missing.out.find("entente --store"), std::string::npos) << missing.out;

  const std::string store = ShellQuote(ServeTestStore());
  CliRun port = RunCli("--store " + store + " serve --port 70000");
  EXPECT_EQ(port.exit_code, 1) << port.out;
  EXPECT_NE(port.out.find("70000"), std::string::npos) << port.out;

  CliRun bind = RunCli("--store " + store + " serve --port 0 --bind 203.0.113.300");
  EXPECT_EQ(bind.exit_code, 2) << bind.out;
  EXPECT_NE(bind.out.find("203.0.113.300"), std::string::npos) << bind.out;

  CliRun timeout = RunCli("--store " + store + " serve --timeout 0");
  EXPECT_EQ(timeout.exit_code, 1) << timeout.out;
}

}  // namespace
}  // namespace entente::integration
