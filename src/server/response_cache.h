// Answers already given, by request, so that the same question asked again
// is answered without computing it again.
//
// Sound because nothing an endpoint reads changes while the server runs: the
// registry, votes, military evidence and profile panel are loaded once at
// startup and immutable, and the profile's bootstrap is seeded. (Beliefs read
// the store live and are not cached.) Bounded by the bytes of the bodies
// held; the least recently used answers are dropped first.
//
// Thread safety: every method may be called from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "server/api_response.h"

namespace entente::server {

class ResponseCache {
 public:
  // max_bytes 0 disables the cache (Find always misses, Insert keeps nothing).
  explicit ResponseCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  // An unambiguous key for a path and its decoded query parameters (values
  // may hold '&' or '='): each piece is prefixed by its length.
  static std::string Key(const std::string& path,
                         const std::multimap<std::string, std::string>& params);

  // The answer stored under `key`, or nullptr.
  std::shared_ptr<const ApiResponse> Find(const std::string& key);
  // Stores `response` (a body larger than the whole cache is not kept).
  void Insert(const std::string& key, std::shared_ptr<const ApiResponse> response);

  struct Stats {
    std::size_t max_bytes = 0;
    std::size_t bytes = 0;
    std::size_t entries = 0;
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
  };
  Stats stats() const;

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const ApiResponse>>;
  static std::size_t Size(const Entry& e) { return e.first.size() + e.second->body.size(); }

  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::list<Entry> order_;  // most recently used first; guarded by mutex_
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;  // guarded by mutex_
  std::size_t bytes_ = 0;                                              // guarded by mutex_
  std::uint64_t hits_ = 0;                                             // guarded by mutex_
  std::uint64_t misses_ = 0;                                           // guarded by mutex_
};

}  // namespace entente::server
