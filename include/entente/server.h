// The HTTP JSON API and the dashboard behind `entente serve`.
//
// Endpoints, parameters and responses are documented in docs/openapi.yaml
// (served at /api/v1/openapi.yaml) and docs/serve.md. The dashboard's files
// (web/) are compiled into the binary, so nothing beside it is needed.
//
// Every dataset a request can touch (the country registry, the UN votes, the
// military evidence and frameworks) is loaded once, by Create, into immutable
// structures shared by all worker threads; only the beliefs endpoint reads
// the store per request, through a pool of connections (one per worker at
// most), because the beliefs library reads the coded speeches from SQLite.
//
// Thread safety: Start, port and Stop may be called from any thread; Stop
// may be called while Wait blocks in another thread.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "entente/status.h"

namespace entente {

struct ServeOptions {
  std::string bind = "127.0.0.1";  // address to listen on; loopback unless said otherwise
  int port = 8080;                 // 0: any free port (see ApiServer::port)
  int threads = 0;                 // worker threads; 0: max(8, 4 x cores)
  std::string store_path;          // the SQLite store (`entente init` fills it); must exist
  std::string data_dir;            // the shared datasets (countries/, cow/, atop/, ...)
  std::string project_data_dir;    // entente's data/ (frameworks/, evidence/)

  // Limits. A request line or header block over 8 KiB is refused by the HTTP
  // library itself (414/400); these are the ones entente sets.
  int read_timeout_seconds = 5;   // a client that sends nothing for this long is dropped
  int write_timeout_seconds = 5;  // a client that reads nothing for this long is dropped
  int keep_alive_seconds = 5;     // idle keep-alive connections are closed after this
  std::size_t keep_alive_max_requests = 10000;  // requests on one connection before it closes
  std::size_t max_body_bytes = 1024;            // the API takes no bodies: larger ones get 413

  // Answers kept for repeated requests (docs/serve.md, "Cache"): the data do
  // not change while the server runs. 0 turns the cache off.
  std::size_t cache_bytes = std::size_t{64} << 20;
};

// Called with a line of text describing what is being loaded.
using ServeLogFn = std::function<void(const std::string& line)>;

class ApiServer {
 public:
  // Loads every dataset the endpoints use. Fails (kUsage, kNotFound or
  // kData) naming what is missing, e.g. a store that does not exist yet.
  static Result<std::unique_ptr<ApiServer>> Create(const ServeOptions& options,
                                                   const ServeLogFn& log = nullptr);

  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;
  ~ApiServer();

  // Binds the listening socket (so port() is known) and starts serving on a
  // background thread. Fails with kIo when the address cannot be bound.
  Status Start();
  // The bound port (after Start), e.g. the one chosen for port 0.
  int port() const;
  // Blocks until Stop is called (from a signal handler's thread or another).
  void Wait();
  // Stops accepting connections, finishes the requests in flight, returns.
  void Stop();

  struct Impl;

 private:
  explicit ApiServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace entente
