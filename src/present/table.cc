#include "entente/table.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <utility>

namespace entente {
namespace {

// "00", "01", ..., "99" back to back.
constexpr auto kDigitPairs = [] {
  std::array<char, 200> pairs{};
  for (int i = 0; i < 100; ++i) {
    pairs[2 * i] = static_cast<char>('0' + i / 10);
    pairs[2 * i + 1] = static_cast<char>('0' + i % 10);
  }
  return pairs;
}();

// Writes units / 10^kDecimals with exactly kDecimals decimals, right to left,
// ending at `end`. Dividing by constants compiles to multiplications, and the
// fraction and the integer part are independent chains.
template <int kDecimals>
void WriteScaledDigits(char* end, std::uint64_t units) {
  constexpr std::uint64_t kPow10 = [] {
    std::uint64_t pow10 = 1;
    for (int i = 0; i < kDecimals; ++i) pow10 *= 10;
    return pow10;
  }();
  std::uint64_t integer = units / kPow10;
  auto fraction = static_cast<std::uint32_t>(units % kPow10);
  char* next = end;
  for (int i = 0; i + 1 < kDecimals; i += 2) {
    next -= 2;
    std::memcpy(next, &kDigitPairs[2 * (fraction % 100)], 2);
    fraction /= 100;
  }
  if constexpr (kDecimals % 2 == 1) *--next = static_cast<char>('0' + fraction);
  if constexpr (kDecimals > 0) *--next = '.';
  do {
    if (integer >= 10) {
      next -= 2;
      std::memcpy(next, &kDigitPairs[2 * (integer % 100)], 2);
      integer /= 100;
    } else {
      *--next = static_cast<char>('0' + integer);
      integer = 0;
    }
  } while (integer != 0);
}

template <int... kDecimals>
constexpr auto MakeScaledDigitWriters(std::integer_sequence<int, kDecimals...>) {
  return std::array<void (*)(char*, std::uint64_t), sizeof...(kDecimals)>{
      &WriteScaledDigits<kDecimals>...};
}
// kScaledDigitWriters[d] is WriteScaledDigits<d>, for d = 0..9.
constexpr auto kScaledDigitWriters = MakeScaledDigitWriters(std::make_integer_sequence<int, 10>());

std::string CellText(const Cell& cell, int decimals, std::string_view missing) {
  std::string text;
  if (std::holds_alternative<std::monostate>(cell)) return std::string(missing);
  if (auto* i = std::get_if<std::int64_t>(&cell)) {
    AppendInt(text, *i);
  } else if (auto* d = std::get_if<double>(&cell)) {
    AppendFixed(text, *d, decimals);
  } else {
    text = std::get<std::string>(cell);
  }
  return text;
}

std::string CsvEscape(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void RenderText(const Table& table, std::ostream& out) {
  std::vector<std::size_t> width(table.columns.size());
  std::vector<std::vector<std::string>> cells;
  for (std::size_t c = 0; c < table.columns.size(); ++c) width[c] = table.columns[c].size();
  for (const auto& row : table.rows) {
    auto& texts = cells.emplace_back();
    for (std::size_t c = 0; c < row.size(); ++c) {
      texts.push_back(CellText(row[c], table.decimals, "-"));
      width[c] = std::max(width[c], texts.back().size());
    }
  }
  if (!table.title.empty()) out << table.title << "\n";
  auto line = [&](const std::vector<std::string>& texts) {
    for (std::size_t c = 0; c < texts.size(); ++c) {
      if (c) out << "  ";
      out << std::string(width[c] - texts[c].size(), ' ') << texts[c];
    }
    out << "\n";
  };
  line(table.columns);
  for (const auto& texts : cells) line(texts);
}

}  // namespace

Result<OutputFormat> ParseOutputFormat(std::string_view text) {
  if (text == "table") return OutputFormat::kTable;
  if (text == "csv") return OutputFormat::kCsv;
  if (text == "json") return OutputFormat::kJson;
  return Status::Usage("unknown format '" + std::string(text) + "': use table, csv or json");
}

Cell Number(double value) {
  if (std::isnan(value)) return std::monostate{};
  return value;
}

void RenderTable(const Table& table, OutputFormat format, std::ostream& out) {
  switch (format) {
    case OutputFormat::kTable:
      RenderText(table, out);
      return;
    case OutputFormat::kCsv: {
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        out << (c ? "," : "") << CsvEscape(table.columns[c]);
      }
      out << "\n";
      for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
          out << (c ? "," : "") << CsvEscape(CellText(row[c], table.decimals, ""));
        }
        out << "\n";
      }
      return;
    }
    case OutputFormat::kJson: {
      nlohmann::ordered_json rows = nlohmann::ordered_json::array();
      for (const auto& row : table.rows) {
        nlohmann::ordered_json object;
        for (std::size_t c = 0; c < row.size(); ++c) {
          std::visit(
              [&](const auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, std::monostate>) {
                  object[table.columns[c]] = nullptr;
                } else {
                  object[table.columns[c]] = value;
                }
              },
              row[c]);
        }
        rows.push_back(std::move(object));
      }
      out << rows.dump(2) << "\n";
      return;
    }
  }
}

// Both formatters write their digits straight into `out` rather than into a
// local buffer that is then copied: copying just-written bytes stalls the
// processor (store forwarding fails), and the copies cost nearly as much as the
// formatting.
void AppendInt(std::string& out, std::int64_t value) {
  const std::size_t size = out.size();
  out.resize(size + 20);  // "-9223372036854775808"
  auto [end, ec] = std::to_chars(out.data() + size, out.data() + out.size(), value);
  out.resize(static_cast<std::size_t>(end - out.data()));
}

void AppendFixed(std::string& out, double value, int decimals) {
  if (std::isnan(value)) return;
  static constexpr double kScale[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  const bool fast = decimals >= 0 && decimals <= 9 && std::abs(value) < 1e12;
  const double scaled = fast ? std::abs(value) * kScale[decimals] : 0.0;
  // The digits are printed from a 64-bit integer: 1e11 with 9 decimals, say,
  // does not fit and goes the slow way too.
  if (!fast || !(scaled < 0x1p63)) {
    // Room for the longest double (309 integer digits), sign, point, fraction.
    const int precision = decimals < 0 ? 6 : decimals;
    std::string text(static_cast<std::size_t>(precision) + 320, '\0');
    auto [end, ec] = std::to_chars(text.data(), text.data() + text.size(), value,
                                   std::chars_format::fixed, precision);
    out.append(text.data(), end);
    return;
  }
  // Round half away from zero on the scaled integer: std::round without the
  // library call (the fraction of a non-negative double is exact).
  auto units = static_cast<std::uint64_t>(scaled);
  if (scaled - static_cast<double>(units) >= 0.5) ++units;
  const bool negative = value < 0 && units != 0;

  // The length first (units < 2^63 < 10^19, so `limit` cannot overflow) ...
  int integer_digits = 1;
  for (auto limit = static_cast<std::uint64_t>(kScale[decimals]) * 10; units >= limit;
       limit *= 10) {
    ++integer_digits;
  }
  const std::size_t length = (negative ? 1 : 0) + static_cast<std::size_t>(integer_digits) +
                             (decimals > 0 ? 1 + static_cast<std::size_t>(decimals) : 0);
  const std::size_t size = out.size();
  out.resize(size + length);
  // ... then the digits, right to left, and the sign.
  kScaledDigitWriters[static_cast<std::size_t>(decimals)](out.data() + size + length, units);
  if (negative) out[size] = '-';
}

}  // namespace entente
