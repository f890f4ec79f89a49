#include "server/store_pool.h"

namespace entente::server {

StorePool::Lease::~Lease() {
  if (pool_ != nullptr && c_ != nullptr) pool_->Release(std::move(c_));
}

Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Connection> c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(c));
    }
  }
  // Opened outside the lock: opening takes milliseconds and must not stall
  // the requests that only need an idle connection.
  auto opened = Store::Open(path_);
  if (!opened.ok()) return opened.status();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++opened_;
  }
  auto c = std::make_unique<Connection>();
  c->store = std::make_unique<Store>(std::move(opened).value());
  return Lease(this, std::move(c));
}

std::size_t StorePool::opened() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return opened_;
}

void StorePool::Release(std::unique_ptr<Connection> c) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(c));
}

}  // namespace entente::server
