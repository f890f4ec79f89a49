// Store connections shared by the server's worker threads.
//
// A Store is used from one thread at a time (store.h), so a request that
// reads the store leases a connection of its own and gives it back when done.
// Connections are opened on demand and kept; there are never more than the
// number of requests that were in flight at once (at most the worker count).
// SQLite in WAL mode lets them all read concurrently.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "entente/profile.h"
#include "entente/status.h"
#include "entente/store.h"

namespace entente::server {

class StorePool {
 public:
  explicit StorePool(std::string path) : path_(std::move(path)) {}

  // A connection and what was opened on it: the stored profile panel is
  // bound to its Store (profile.h), so it travels with the connection.
  struct Connection {
    std::unique_ptr<Store> store;
    std::unique_ptr<ProfileData> profile;  // opened on first use
  };

  // A connection, returned to the pool when the lease is destroyed.
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Connection> c) : pool_(pool), c_(std::move(c)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) noexcept = default;
    ~Lease();
    Store& store() { return *c_->store; }
    std::unique_ptr<ProfileData>& profile() { return c_->profile; }

   private:
    StorePool* pool_;
    std::unique_ptr<Connection> c_;
  };

  Result<Lease> Acquire();

  // Connections opened so far (for tests and the /meta endpoint).
  std::size_t opened() const;

 private:
  void Release(std::unique_ptr<Connection> c);

  const std::string path_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mutex_
  std::size_t opened_ = 0;                         // guarded by mutex_
};

}  // namespace entente::server
