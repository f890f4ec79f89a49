// entente serve [--port N] [--bind ADDRESS]: the HTTP JSON API and dashboard.
#include <signal.h>

#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "entente/server.h"

namespace entente::cli {
namespace {

struct ServeCliOptions {
  ServeOptions server;
  std::size_t cache_mb = ServeOptions{}.cache_bytes >> 20;
};

// Waits for SIGINT or SIGTERM on a thread of its own and stops the server,
// so that Ctrl-C finishes the requests in flight instead of cutting them.
// The signals are blocked in every thread (set before the workers start).
class StopOnSignal {
 public:
  explicit StopOnSignal(ApiServer& server) {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set_, nullptr);
    thread_ = std::thread([this, &server] {
      int signal = 0;
      sigwait(&set_, &signal);
      if (!done_) server.Stop();
    });
  }
  ~StopOnSignal() {
    // The server stopped some other way: wake the waiting thread.
    done_ = true;
    pthread_kill(thread_.native_handle(), SIGTERM);
    thread_.join();
  }

 private:
  sigset_t set_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

Status RunServe(CliContext& ctx, ServeCliOptions& o) {
  o.server.store_path = ctx.store_path.empty() ? Store::DefaultPath() : ctx.store_path;
  o.server.data_dir = ctx.data_dir;
  auto server = ApiServer::Create(o.server, [&ctx](const std::string& line) {
    if (!ctx.quiet) std::cerr << "entente serve: " << line << "\n";
  });
  if (!server.ok()) return server.status();
  // Block the signals before any server thread exists, so all inherit the mask.
  StopOnSignal stop(**server);
  if (Status s = (*server)->Start(); !s.ok()) return s;
  const std::string host =
      o.server.bind.find(':') != std::string::npos ? "[" + o.server.bind + "]" : o.server.bind;
  // On stdout, one line, so that scripts (and --port 0 users) can read the port.
  std::cout << "entente serve: listening on http://" << host << ":" << (*server)->port() << "/"
            << std::endl;
  (*server)->Wait();
  if (!ctx.quiet) std::cerr << "entente serve: stopped\n";
  return Status::Ok();
}

}  // namespace

void AddServeCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<ServeCliOptions>();
  auto* cmd = app.add_subcommand(
      "serve",
      "Serve the HTTP JSON API (/api/v1/: countries, votes, military, beliefs, profile, rank; "
      "described in /api/v1/openapi.yaml and docs/serve.md) and the dashboard (/) from the "
      "store. Loads the data once, then answers until Ctrl-C.\n"
      "Examples:\n"
      "  entente serve                      # http://127.0.0.1:8080/\n"
      "  entente serve --port 0             # any free port; the URL is printed\n"
      "  entente --store out/entente.sqlite serve --port 9000 --threads 16");
  cmd->add_option("--port", o->server.port, "TCP port; 0 picks a free one")->capture_default_str();
  cmd->add_option("--bind", o->server.bind,
                  "address to listen on (loopback by default; 0.0.0.0 exposes the server to "
                  "the network)")
      ->capture_default_str();
  cmd->add_option("--threads", o->server.threads, "worker threads (default: max(8, 4 x cores))");
  cmd->add_option("--timeout", o->server.read_timeout_seconds,
                  "seconds a client may stay silent (reading or writing) before it is dropped")
      ->capture_default_str()
      ->check(CLI::Range(1, 300));
  cmd->add_option("--cache-mb", o->cache_mb,
                  "MiB of answers kept for repeated requests (0: compute every request)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65536));
  cmd->callback([&ctx, o] {
    o->server.write_timeout_seconds = o->server.read_timeout_seconds;
    o->server.cache_bytes = o->cache_mb << 20;
    ctx.status = RunServe(ctx, *o);
  });
}

}  // namespace entente::cli
