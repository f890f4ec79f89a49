// The server tests' shared support (serve_support.h) and its own checks.
// (The file name ends in _test.cc so the integration glob compiles it.)
#include "integration/serve_support.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "support/scratch_dir.h"

namespace fs = std::filesystem;

namespace entente::integration {

// Defined in unga_import_test.cc.
std::string CopyOfVoetenStore(const std::string& dir);

namespace {

constexpr int kCodedSpeeches = 40;

// Changes when either binary is rebuilt, so a stale store is never served.
std::string CacheKey() {
  std::error_code ec;
  std::string key;
  for (const fs::path& p : {fs::read_symlink("/proc/self/exe", ec), fs::path(ENTENTE_BINARY)}) {
    key += std::to_string(fs::last_write_time(p, ec).time_since_epoch().count()) + "-" +
           std::to_string(fs::file_size(p, ec)) + "-";
  }
  return std::to_string(std::hash<std::string>{}(key));
}

struct BuiltStore {
  std::string path;
  std::string error;
};

BuiltStore BuildStore() {
  std::error_code ec;
  const fs::path dir = fs::read_symlink("/proc/self/exe", ec).parent_path() / "entente_serve_cache";
  fs::create_directories(dir, ec);
  const fs::path final_path = dir / ("serve-" + CacheKey() + ".sqlite");
  const int lock = ::open((dir / "lock").c_str(), O_RDWR | O_CREAT, 0644);
  if (lock < 0) return {"", "cannot open the lock in " + dir.string()};
  ::flock(lock, LOCK_EX);
  BuiltStore out{final_path.string(), ""};
  if (!fs::exists(final_path)) {
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().filename().string().rfind("serve-", 0) == 0) fs::remove(entry.path(), ec);
    }
    testing_support::ScratchDir scratch("entente-serve-store");
    const std::string copy = CopyOfVoetenStore(scratch.path().string());
    if (copy.empty()) {
      out = {"", "no Voeten store"};
    } else {
      CliRun coded = RunCli("--store " + ShellQuote(copy) + " opcode --corpus " +
                            ShellQuote(std::string(ENTENTE_SHARED_DATA) + "/ungd") + " --limit " +
                            std::to_string(kCodedSpeeches) + " --format csv --out /dev/null");
      // The profile panel, stored as `entente import profile` does: the server
      // and the command line then open it instead of building it (tens of
      // seconds each, with the ideal-point fit).
      CliRun panel = coded.exit_code == 0
                         ? RunCli("--store " + ShellQuote(copy) + " import profile")
                         : CliRun{};
      if (coded.exit_code != 0) {
        out = {"", "coding the UNGD sample failed: " + coded.out};
      } else if (panel.exit_code != 0) {
        out = {"", "storing the profile panel failed: " + panel.out};
      } else {
        // Copy, not rename: the scratch directory may be on another file system.
        const std::string partial = final_path.string() + ".partial";
        fs::copy_file(copy, partial, fs::copy_options::overwrite_existing, ec);
        if (!ec) fs::rename(partial, final_path, ec);
        if (ec) out = {"", "cannot place the store: " + ec.message()};
      }
    }
  }
  ::flock(lock, LOCK_UN);
  ::close(lock);
  return out;
}

}  // namespace

std::string ServeTestStore() {
  static const BuiltStore built = BuildStore();
  if (!built.error.empty()) ADD_FAILURE() << built.error;
  return built.path;
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

CliRun RunCli(const std::string& args) {
  const std::string command = ShellQuote(ENTENTE_BINARY) + " --data " +
                              ShellQuote(ENTENTE_SHARED_DATA) + " -q " + args + " 2>&1";
  CliRun r;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return r;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) r.out.append(buffer, n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

HttpReply HttpRequest(int port, const std::string& method, const std::string& target,
                      const std::string& body) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(30, 0);
  auto send = [&]() -> httplib::Result {
    if (method == "HEAD") return client.Head(target.c_str());
    if (method == "POST") return client.Post(target.c_str(), body, "application/json");
    if (method == "PUT") return client.Put(target.c_str(), body, "application/json");
    if (method == "DELETE") return client.Delete(target.c_str());
    return client.Get(target.c_str());
  };
  httplib::Result result = send();
  HttpReply reply;
  if (!result) return reply;
  reply.status = result->status;
  reply.content_type = result->get_header_value("Content-Type");
  reply.content_disposition = result->get_header_value("Content-Disposition");
  reply.allow = result->get_header_value("Allow");
  reply.body = result->body;
  if (reply.content_type.rfind("application/json", 0) == 0) {
    reply.json = nlohmann::json::parse(reply.body, nullptr, /*allow_exceptions=*/false);
  }
  return reply;
}

HttpReply HttpGet(int port, const std::string& target) {
  return HttpRequest(port, "GET", target);
}

std::string RawExchange(int port, const std::string& request, int wait_seconds) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return "<no socket>";
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return "<no connection>";
  }
  timeval timeout{wait_seconds, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close before reading everything
    sent += static_cast<std::size_t>(n);
  }
  std::string answer;
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) answer += "<no close>";
      break;
    }
    answer.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return answer;
}

}  // namespace entente::integration
