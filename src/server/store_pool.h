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

#include "entente/status.h"
#include "entente/store.h"

namespace entente::server {

class StorePool {
 public:
  explicit StorePool(std::string path) : path_(std::move(path)) {}

  // A connection, returned to the pool when the lease is destroyed.
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) noexcept = default;
    ~Lease();
    Store& store() { return *store_; }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  Result<Lease> Acquire();

  // Connections opened so far (for tests and the /meta endpoint).
  std::size_t opened() const;

 private:
  void Release(std::unique_ptr<Store> store);

  const std::string path_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Store>> idle_;  // guarded by mutex_
  std::size_t opened_ = 0;                    // guarded by mutex_
};

}  // namespace entente::server
