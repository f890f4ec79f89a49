#include "server/store_pool.h"

namespace entente::server {

StorePool::Lease::~Lease() {
  if (pool_ != nullptr && store_ != nullptr) pool_->Release(std::move(store_));
}

Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Store> store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(store));
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
  return Lease(this, std::make_unique<Store>(std::move(opened).value()));
}

std::size_t StorePool::opened() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return opened_;
}

void StorePool::Release(std::unique_ptr<Store> store) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(store));
}

}  // namespace entente::server
