// A thin RAII layer over the SQLite C API, internal to entente.
//
// Keeps sqlite3 types out of the public headers and turns every SQLite
// failure into a Status that names the statement and SQLite's reason.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "entente/status.h"

namespace entente::internal {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binding is 1-based, as in SQLite.
  void Bind(int index, std::int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
  void Bind(int index, double value) { sqlite3_bind_double(stmt_, index, value); }
  void Bind(int index, std::string_view value) {
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  }
  void BindNull(int index) { sqlite3_bind_null(stmt_, index); }
  void BindBlob(int index, const void* data, std::size_t size) {
    sqlite3_bind_blob(stmt_, index, data, static_cast<int>(size), SQLITE_TRANSIENT);
  }

  // Runs one step. Returns true when a row is available, false when done;
  // a failure sets `status` (when given) and returns false.
  bool Step(Status* status = nullptr);
  // Runs to completion, for statements that return no rows.
  Status Run();
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  std::int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) const { return sqlite3_column_double(stmt_, column); }
  bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::string Text(int column) const;
  // The bytes of a BLOB column, valid until the next Step or Reset.
  std::string_view Blob(int column) const {
    const void* data = sqlite3_column_blob(stmt_, column);
    return {static_cast<const char*>(data),
            static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  // Opens (creating if needed) the database file; ":memory:" for tests.
  static Result<Database> Open(const std::string& path);

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  Status Exec(std::string_view sql);
  Result<Statement> Prepare(std::string_view sql);
  std::int64_t Changes() const { return sqlite3_changes64(db_); }
  std::int64_t LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
  const std::string& path() const { return path_; }

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_ = nullptr;
  std::string path_;
};

// Runs `body` inside BEGIN IMMEDIATE ... COMMIT; any non-ok Status from `body`
// (or a failed COMMIT) rolls everything back, so the store is left exactly as
// it was before the call.
template <typename Body>
Status InTransaction(Database& db, Body&& body) {
  if (Status s = db.Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  Status result = body();
  if (result.ok()) result = db.Exec("COMMIT");
  if (!result.ok()) db.Exec("ROLLBACK");
  return result;
}

}  // namespace entente::internal
