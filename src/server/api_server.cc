// entente::ApiServer: the HTTP plumbing around the endpoints (cpp-httplib):
// routes, limits, the worker pool, JSON errors for everything that fails.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "entente/server.h"
#include "server/assets.h"
#include "server/endpoints.h"

namespace entente {

using server::ApiResponse;
using server::Query;
using server::ServerData;

struct ApiServer::Impl {
  std::unique_ptr<ServerData> data;
  httplib::Server http;
  std::thread thread;
  std::atomic<bool> listen_returned{false};
  int port = 0;
};

namespace {

using Endpoint = Result<ApiResponse> (*)(const ServerData&, const Query&);

void Send(const ApiResponse& r, httplib::Response& res) {
  res.status = r.status;
  if (!r.attachment.empty()) {
    res.set_header("Content-Disposition", "attachment; filename=\"" + r.attachment + "\"");
  }
  res.set_content(r.body, r.content_type);
}

ApiResponse Unwrap(Result<ApiResponse> result) {
  if (!result.ok()) return server::ErrorResponse(result.status());
  return std::move(result).value();
}

int WorkerCount(int requested) {
  if (requested > 0) return requested;
  // Blocking I/O: a worker holds a keep-alive connection while the client
  // thinks, so there are more workers than cores.
  const int cores = static_cast<int>(std::thread::hardware_concurrency());
  return std::max(8, 4 * std::max(cores, 1));
}

void AddRoutes(const ServerData& data, httplib::Server& http) {
  const std::size_t max_body = data.options.max_body_bytes;
  // Meta reports live figures and beliefs read the store live: not cached.
  struct Route {
    const char* path;
    Endpoint endpoint;
    bool cached;
  };
  const Route routes[] = {
      {"/api/v1/meta", server::MetaEndpoint, false},
      {"/api/v1/countries", server::CountriesEndpoint, true},
      {"/api/v1/votes", server::VotesEndpoint, true},
      {"/api/v1/military", server::MilitaryEndpoint, true},
      {"/api/v1/beliefs", server::BeliefsEndpoint, false},
      {"/api/v1/profile", server::ProfileEndpoint, true},
      {"/api/v1/rank", server::RankEndpoint, true},
  };
  for (const Route& route : routes) {
    http.Get(route.path, [&data, route](const httplib::Request& req, httplib::Response& res) {
      if (!route.cached) {
        Send(Unwrap(route.endpoint(data, Query(req.params))), res);
        return;
      }
      const std::string key = server::ResponseCache::Key(req.path, req.params);
      if (auto hit = data.cache->Find(key)) {
        res.set_header("X-Entente-Cache", "hit");
        Send(*hit, res);
        return;
      }
      auto answer =
          std::make_shared<const ApiResponse>(Unwrap(route.endpoint(data, Query(req.params))));
      // Errors are cheap to recompute and not worth the room.
      if (answer->status == 200) data.cache->Insert(key, answer);
      res.set_header("X-Entente-Cache", "miss");
      Send(*answer, res);
    });
  }
  http.Get(
      R"(/api/v1/countries/([^/]+))", [&data](const httplib::Request& req, httplib::Response& res) {
        Send(Unwrap(server::CountryEndpoint(data, Query(req.params), req.matches[1].str())), res);
      });
  // The dashboard and the OpenAPI file, from the binary itself.
  http.Get(R"(/|/[A-Za-z0-9_.-]+|/api/v1/openapi\.yaml)", [](const httplib::Request& req,
                                                             httplib::Response& res) {
    const std::string path = req.path == "/api/v1/openapi.yaml" ? "/openapi.yaml" : req.path;
    const server::EmbeddedFile* file = server::FindEmbeddedFile(path);
    if (file == nullptr) {
      res.status = 404;  // the error handler writes the JSON
      return;
    }
    res.set_content(reinterpret_cast<const char*>(file->data), file->size, file->content_type);
  });
  // The API is read-only: every other method is refused, naming the ones
  // allowed, before any request body is read.
  http.set_pre_routing_handler([max_body](const httplib::Request& req, httplib::Response& res) {
    if (req.method == "GET" || req.method == "HEAD") {
      // The HTTP library enforces the body limit only where it expects a
      // body (POST, PUT ...); a GET that announces one is refused here.
      const std::string length = req.get_header_value("Content-Length");
      const bool too_long =
          length.size() > 18 || (!length.empty() && std::stoull("0" + length) > max_body);
      if (too_long || req.has_header("Transfer-Encoding")) {
        Send(server::ErrorResponse(413, "request body (Content-Length " + length.substr(0, 20) +
                                            ") refused: the API takes no request bodies"),
             res);
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    }
    res.set_header("Allow", "GET, HEAD");
    Send(server::ErrorResponse(405, "method " + req.method + " is not allowed on '" +
                                        req.path.substr(0, 200) + "': the API is read-only (GET)"),
         res);
    return httplib::Server::HandlerResponse::Handled;
  });
}

void AddErrorHandling(httplib::Server& http) {
  // Errors the endpoints did not write themselves: unknown paths (404) and
  // what the HTTP library refuses (400 malformed, 413 too large, 414 URI too
  // long ...). Every error body is JSON.
  http.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        std::string message;
        if (res.status == 404) {
          message = "no such path '" + req.path.substr(0, 200) +
                    "': the API is under /api/v1/ (see /api/v1/openapi.yaml), the dashboard at /";
        } else if (res.status == 413) {
          message = "request body too large: the API takes no request bodies";
        } else if (res.status == 414) {
          message = "request line too long (over 8192 bytes)";
        } else {
          message = "request refused by the HTTP layer (status " + std::to_string(res.status) +
                    "): malformed request line or headers?";
        }
        Send(server::ErrorResponse(res.status, message), res);
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown error";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        Send(server::ErrorResponse(500, "internal error (please report it): " + what), res);
      });
}

void ApplyLimits(const ServeOptions& o, httplib::Server& http) {
  const int workers = WorkerCount(o.threads);
  http.new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
  http.set_read_timeout(o.read_timeout_seconds, 0);
  http.set_write_timeout(o.write_timeout_seconds, 0);
  http.set_keep_alive_timeout(o.keep_alive_seconds);
  http.set_keep_alive_max_count(o.keep_alive_max_requests);
  http.set_payload_max_length(o.max_body_bytes);
  // Small JSON answers: send them at once rather than wait for more to batch.
  http.set_tcp_nodelay(true);
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Cache-Control", "no-cache"}});
}

}  // namespace

Result<std::unique_ptr<ApiServer>> ApiServer::Create(const ServeOptions& options,
                                                     const ServeLogFn& log) {
  if (options.port < 0 || options.port > 65535) {
    return Status::Usage("--port " + std::to_string(options.port) + " is not a TCP port (0-65535)");
  }
  if (options.threads < 0 || options.threads > 1024) {
    return Status::Usage("--threads " + std::to_string(options.threads) +
                         " is out of range (0 = automatic, at most 1024)");
  }
  auto data = server::LoadServerData(options, log);
  if (!data.ok()) return data.status();
  auto impl = std::make_unique<Impl>();
  impl->data = std::move(data).value();
  AddRoutes(*impl->data, impl->http);
  AddErrorHandling(impl->http);
  ApplyLimits(options, impl->http);
  return std::unique_ptr<ApiServer>(new ApiServer(std::move(impl)));
}

ApiServer::ApiServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ApiServer::~ApiServer() {
  Stop();
  Wait();
}

Status ApiServer::Start() {
  const ServeOptions& o = impl_->data->options;
  int port = o.port;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(o.bind);
    if (port < 0) port = 0;
  } else if (!impl_->http.bind_to_port(o.bind, port)) {
    port = 0;
  }
  if (port == 0) {
    return Status::Io("cannot listen on " + o.bind + ":" + std::to_string(o.port) +
                      ": is the address valid and the port free? (--port 0 picks a free one)");
  }
  impl_->port = port;
  impl_->thread = std::thread([this] {
    impl_->http.listen_after_bind();
    impl_->listen_returned = true;
  });
  // Stop only works on a running server: wait until the thread is listening,
  // so that a Stop right after Start cannot be lost.
  while (!impl_->http.is_running() && !impl_->listen_returned) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return Status::Ok();
}

int ApiServer::port() const {
  return impl_->port;
}

void ApiServer::Wait() {
  if (impl_->thread.joinable()) impl_->thread.join();
}

void ApiServer::Stop() {
  impl_->http.stop();
}

}  // namespace entente
