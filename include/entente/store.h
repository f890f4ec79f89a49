// The entente store: one SQLite file holding everything imported, with the
// provenance of every import.
//
// Schema changes are ordered migrations recorded in PRAGMA user_version
// (docs/schema.md lists them). Every import runs in one transaction with a
// provenance row; a failed import changes nothing.
//
// Thread safety: a Store is used from one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "entente/status.h"

namespace entente {

namespace internal {
class Database;
}

// One row of the provenance table: what was imported, from where, when.
struct ImportRecord {
  std::int64_t id = 0;
  std::string kind;    // e.g. "unga-voeten"
  std::string file;    // the path as given
  std::string sha256;  // of the file's bytes
  std::int64_t rows_read = 0;
  std::int64_t rows_accepted = 0;
  std::int64_t rows_rejected = 0;  // read but not stored (see note)
  std::string imported_at;         // UTC, ISO 8601
  std::string note;                // what was skipped and why, discrepancies found
};

class Store {
 public:
  // The current schema version this build writes.
  static constexpr int kSchemaVersion = 3;

  // Opens or creates the store at `path` (":memory:" for a scratch store) and
  // brings its schema up to kSchemaVersion. A store written by a newer entente
  // is refused rather than misread.
  static Result<Store> Open(const std::string& path);

  // Where the store lives when --store is not given: $ENTENTE_STORE, else
  // $XDG_DATA_HOME/entente/entente.sqlite, else ~/.local/share/entente/entente.sqlite.
  static std::string DefaultPath();

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  int schema_version() const;
  const std::string& path() const;

  // Every import so far, oldest first.
  Result<std::vector<ImportRecord>> Imports() const;

  // For entente's own modules (ingest, measures): the underlying database.
  internal::Database& database();
  const internal::Database& database() const;

 private:
  explicit Store(std::unique_ptr<internal::Database> db);
  std::unique_ptr<internal::Database> db_;
};

}  // namespace entente
