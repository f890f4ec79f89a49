#include "server/response_cache.h"

namespace entente::server {

std::string ResponseCache::Key(const std::string& path,
                               const std::multimap<std::string, std::string>& params) {
  std::string key = std::to_string(path.size()) + ":" + path;
  for (const auto& [name, value] : params) {
    key += std::to_string(name.size()) + ":" + name + std::to_string(value.size()) + ":" + value;
  }
  return key;
}

std::shared_ptr<const ApiResponse> ResponseCache::Find(const std::string& key) {
  if (max_bytes_ == 0) return nullptr;
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = index_.find(key);
  if (it == index_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->second;
}

void ResponseCache::Insert(const std::string& key, std::shared_ptr<const ApiResponse> response) {
  Entry entry{key, std::move(response)};
  const std::size_t size = Size(entry);
  if (size > max_bytes_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (index_.count(key) != 0) return;  // another worker computed it meanwhile
  while (bytes_ + size > max_bytes_ && !order_.empty()) {
    bytes_ -= Size(order_.back());
    index_.erase(order_.back().first);
    order_.pop_back();
  }
  order_.push_front(std::move(entry));
  index_[key] = order_.begin();
  bytes_ += size;
}

ResponseCache::Stats ResponseCache::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return {max_bytes_, bytes_, index_.size(), hits_, misses_};
}

}  // namespace entente::server
