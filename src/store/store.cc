#include "entente/store.h"

#include <cstdlib>

#include "store/schema.h"
#include "store/sqlite.h"

namespace entente {

Result<Store> Store::Open(const std::string& path) {
  auto db = internal::Database::Open(path);
  if (!db.ok()) return db.status();
  // WAL keeps readers (the server) unblocked during imports; NORMAL sync is
  // safe with WAL (a crash can lose the last commit, never corrupt the file).
  if (path != ":memory:") {
    db->Exec("PRAGMA journal_mode = WAL");
    db->Exec("PRAGMA synchronous = NORMAL");
  }
  if (Status s = db->Exec("PRAGMA foreign_keys = ON"); !s.ok()) return s;
  if (Status s = internal::Migrate(*db, kSchemaVersion); !s.ok()) return s;
  return Store(std::make_unique<internal::Database>(std::move(db).value()));
}

std::string Store::DefaultPath() {
  if (const char* env = std::getenv("ENTENTE_STORE"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    return std::string(xdg) + "/entente/entente.sqlite";
  }
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.local/share/entente/entente.sqlite";
}

Store::Store(std::unique_ptr<internal::Database> db) : db_(std::move(db)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

int Store::schema_version() const {
  auto v = internal::SchemaVersion(*db_);
  return v.ok() ? *v : -1;
}

const std::string& Store::path() const {
  return db_->path();
}

internal::Database& Store::database() {
  return *db_;
}
const internal::Database& Store::database() const {
  return *db_;
}

Result<std::vector<ImportRecord>> Store::Imports() const {
  auto stmt = db_->Prepare(
      "SELECT id, kind, file, sha256, rows_read, rows_accepted, rows_rejected, imported_at, note "
      "FROM imports ORDER BY id");
  if (!stmt.ok()) return stmt.status();
  std::vector<ImportRecord> records;
  Status status;
  while (stmt->Step(&status)) {
    records.push_back({stmt->Int(0), stmt->Text(1), stmt->Text(2), stmt->Text(3), stmt->Int(4),
                       stmt->Int(5), stmt->Int(6), stmt->Text(7), stmt->Text(8)});
  }
  if (!status.ok()) return status;
  return records;
}

}  // namespace entente
