// A small result table and its three renderings: an aligned text table for
// terminals, CSV and JSON. Every query command prints through it, so
// --format behaves the same everywhere.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "entente/status.h"

namespace entente {

enum class OutputFormat { kTable, kCsv, kJson };
Result<OutputFormat> ParseOutputFormat(std::string_view text);

// A missing value (NaN, SQL NULL) is std::monostate: empty in CSV, null in
// JSON, "-" in a text table.
using Cell = std::variant<std::monostate, std::int64_t, double, std::string>;

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  // Digits after the decimal point for doubles (CSV, table).
  int decimals = 4;
  // A line printed above a text table (e.g. "China (CHN, 710) - Russia (RUS, 365)").
  std::string title;
};

// Builds a Cell from a double, mapping NaN to missing.
Cell Number(double value);

void RenderTable(const Table& table, OutputFormat format, std::ostream& out);

// Appends `value` with exactly `decimals` digits after the point (fast path
// for |value| < 1e12; NaN appends nothing).
void AppendFixed(std::string& out, double value, int decimals);
void AppendInt(std::string& out, std::int64_t value);

}  // namespace entente
