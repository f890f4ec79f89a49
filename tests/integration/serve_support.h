// What the server's tests share: the store they serve, an in-process server
// on a loopback ephemeral port, an HTTP client, raw socket exchanges and a
// way to run the command line. Included by serve_*_test.cc only.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "entente/server.h"

namespace entente::integration {

// The store every server test reads, shared read-only: the real Voeten
// votes (1946-2015, with roll-call dates and issue codes) plus the first 40
// speeches of the UN General Debate archive (session 63, 2008) coded by
// `entente opcode --corpus`, which the beliefs endpoint reads, and the profile
// panel stored by `entente import profile`. Built once per
// build under an exclusive lock beside the test binary. Empty (and a test
// failure) when it cannot be built.
std::string ServeTestStore();

struct HttpReply {
  int status = 0;  // 0: no answer
  std::string content_type;
  std::string content_disposition;
  std::string allow;
  std::string body;
  nlohmann::json json;  // parsed when the body is JSON
};

// GET (or another method) on 127.0.0.1:port.
HttpReply HttpGet(int port, const std::string& target);
HttpReply HttpRequest(int port, const std::string& method, const std::string& target,
                      const std::string& body = "");

// Writes `request` to a fresh connection and reads until the server closes
// it (or `wait_seconds` pass: then the result ends with "<no close>").
std::string RawExchange(int port, const std::string& request, int wait_seconds = 20);

struct CliRun {
  int exit_code = -1;
  std::string out;  // stdout and stderr
};
// Runs the entente binary with --data ../shared/data -q and `args`.
CliRun RunCli(const std::string& args);
std::string ShellQuote(const std::string& s);

}  // namespace entente::integration
