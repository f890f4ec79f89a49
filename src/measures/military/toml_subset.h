// A strict reader for the small subset of TOML that framework files use
// (internal to entente).
//
// Why not a full TOML library: the framework files need tables, strings,
// integers, floats, booleans and arrays, and every error must name the file
// and line. A ~300-line reader gives exactly that with no new dependency, and
// whatever it accepts is valid TOML, so other tools (python's tomllib) read
// the same files. Anything outside the subset is refused with its line, never
// skipped.
//
// The subset:
//   # comment                      (anywhere outside a string)
//   [name] / [name.sub]            table headers; bare keys [A-Za-z0-9_-]+
//   key = "basic string"           escapes \" \\ \n \t only
//   key = 'literal string'
//   key = 42 / -3                  integers (no leading zeros, no underscores)
//   key = 2.5 / 1e3                floats
//   key = true / false
//   key = ["a", "b",               arrays of the above, may span lines, with
//          "c"]                    comments and a trailing comma
// Refused: array tables [[x]], inline tables, dotted keys, multi-line
// strings, dates, a key or a table defined twice.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entente/status.h"

namespace entente::internal {

struct TomlValue {
  enum class Type { kString, kInteger, kFloat, kBool, kArray };
  Type type = Type::kString;
  std::string string;
  std::int64_t integer = 0;
  double number = 0;  // set for floats and integers alike
  bool boolean = false;
  std::vector<TomlValue> array;
  int line = 0;    // 1-based line where the value starts
  int column = 0;  // 1-based column where the value starts
};

// The name of a value's type as a person reads it ("string", "integer" ...).
const char* TomlTypeName(TomlValue::Type type);

struct TomlEntry {
  std::string key;
  TomlValue value;
  int line = 0;
};

struct TomlTable {
  std::string name;  // "" for the root table, else the dotted header name
  int line = 0;      // line of the header (0 for the root)
  std::vector<TomlEntry> entries;

  // The entry with `key`, or nullptr.
  const TomlEntry* Find(std::string_view key) const;
};

struct TomlDocument {
  std::vector<TomlTable> tables;  // tables[0] is the root table
};

// Parses `text`. Errors read "SOURCE:LINE:COLUMN: problem".
Result<TomlDocument> ParseTomlSubset(std::string_view source_name, std::string_view text);

}  // namespace entente::internal
