// Runs commands from integration tests and captures what they print.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace entente::testing_support {

struct CommandRun {
  int exit_code = -1;  // -1 when the command could not start or was killed
  std::string out;
};

// Runs `command` with /bin/sh and returns its stdout and exit code (append
// " 2>&1" to capture stderr too).
inline CommandRun RunShell(const std::string& command) {
  CommandRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[65536];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

// Runs the entente binary under test quietly on the shared datasets with
// `args` (shell-quoted by the caller); stderr is folded into `out` so that
// messages can be checked.
inline CommandRun RunEntente(const std::string& args) {
  return RunShell(std::string(ENTENTE_BINARY) + " --data " + ENTENTE_SHARED_DATA + " -q " + args +
                  " 2>&1");
}

}  // namespace entente::testing_support
