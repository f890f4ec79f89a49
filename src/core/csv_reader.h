// A strict, fast reader of delimited text (RFC 4180 CSV, TSV) held in memory.
//
// Internal to entente. Every reader of a data file goes through it so that
// every error names the file, the line, the column and the offending value.
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "entente/countries.h"
#include "entente/status.h"

namespace entente::internal {

class CsvReader {
 public:
  // `content` must outlive the reader; `source_name` is only used in messages.
  CsvReader(std::string source_name, std::string_view content, char delimiter = ',');

  // Advances to the next record. Returns false at the end of input, or when the
  // record is malformed (then status() says why). Blank lines are skipped.
  bool Next();
  const Status& status() const { return status_; }

  // The fields of the current record, unquoted.
  const std::vector<std::string_view>& fields() const { return fields_; }
  std::string_view field(std::size_t index) const { return fields_[index]; }
  std::size_t size() const { return fields_.size(); }
  // 1-based line number where the current record starts.
  std::size_t line() const { return record_line_; }
  // Bytes consumed so far (for progress bars).
  std::size_t offset() const { return pos_; }
  std::size_t total_size() const { return content_.size(); }
  const std::string& source_name() const { return source_name_; }

  // "FILE:LINE:COLUMN: problem (value 'v')" for field `column_index` (0-based)
  // of the current record, as a data error.
  Status ErrorAt(std::size_t column_index, std::string_view problem) const;
  // A problem with the whole current record (e.g. its field count), reported
  // at its last field: "FILE:LINE:COLUMN: problem (value 'v')".
  Status RecordError(std::string_view problem) const;
  // Ok when the current record has exactly `count` fields; otherwise the
  // RecordError "expected COUNT fields, found N" followed by `hint`.
  Status ExpectFields(std::size_t count, std::string_view hint = {}) const;

 private:
  std::string source_name_;
  std::string_view content_;
  char delimiter_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;  // line of pos_
  std::size_t record_line_ = 0;
  std::vector<std::string_view> fields_;
  std::deque<std::string> unescaped_;  // stable storage for fields that held "" escapes
  Status status_;
};

// Checks that `content` is valid UTF-8. On failure returns a data error naming
// `source_name`, the line and the byte column of the first bad byte.
Status ValidateUtf8(std::string_view source_name, std::string_view content);

// Reads a whole file. Errors name the path and the system's reason.
Result<std::string> ReadWholeFile(const std::string& path);

// Lower-case hex SHA-256 of `content` (OpenSSL).
std::string Sha256Hex(std::string_view content);

// Parses a whole field as a base-10 integer (no sign other than '-', no spaces).
bool ParseInt(std::string_view text, long long& out);
// Parses a field that holds an integer possibly written as a float ("3.0").
bool ParseIntegralNumber(std::string_view text, long long& out);
// Parses "YYYY-MM-DD" with first_year <= YYYY <= last_year into a DateKey;
// false when malformed or out of range.
bool ParseIsoDate(std::string_view text, int first_year, int last_year, DateKey& out);

}  // namespace entente::internal
