// Runs tests/support/bundle_server.py (a loopback HTTP server with Range
// support and fault modes) for the lifetime of the object.
#pragma once

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>
#include <string>

extern char** environ;

namespace entente::testing_support {

class BundleServer {
 public:
  // Serves the files of `root`; requests are logged to `log_path`.
  BundleServer(const std::string& root, const std::string& log_path) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    const std::string script = std::string(ENTENTE_TEST_SUPPORT) + "/bundle_server.py";
    std::string python = "/usr/bin/python3";
    std::string root_flag = "--root", log_flag = "--log", root_arg = root, log_arg = log_path;
    char* argv[] = {python.data(),    const_cast<char*>(script.c_str()),
                    root_flag.data(), root_arg.data(),
                    log_flag.data(),  log_arg.data(),
                    nullptr};
    const int spawned = posix_spawn(&pid_, python.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (spawned != 0) {
      close(fds[0]);
      throw std::runtime_error("cannot start " + script);
    }
    // The first line the server prints is its port.
    std::string line;
    char c;
    while (read(fds[0], &c, 1) == 1 && c != '\n') line += c;
    close(fds[0]);
    if (line.empty()) throw std::runtime_error("the bundle server did not report a port");
    port_ = std::stoi(line);
  }
  ~BundleServer() {
    kill(pid_, SIGTERM);
    int status;
    waitpid(pid_, &status, 0);
  }
  BundleServer(const BundleServer&) = delete;
  BundleServer& operator=(const BundleServer&) = delete;

  // "http://127.0.0.1:PORT/MODE/" (see bundle_server.py for the modes).
  std::string Url(const std::string& mode) const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/" + mode + "/";
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace entente::testing_support
