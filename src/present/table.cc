#include "entente/table.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace entente {
namespace {

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

void AppendInt(std::string& out, std::int64_t value) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, end);
}

void AppendFixed(std::string& out, double value, int decimals) {
  if (std::isnan(value)) return;
  static constexpr double kScale[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  if (decimals < 0 || decimals > 9 || !(std::abs(value) < 1e12)) {
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed,
                                   decimals < 0 ? 6 : decimals);
    out.append(buffer, end);
    return;
  }
  // Round half away from zero on the scaled integer, then print its digits.
  const double scaled = std::round(std::abs(value) * kScale[decimals]);
  auto units = static_cast<std::uint64_t>(scaled);
  if (value < 0 && units != 0) out += '-';
  const auto scale = static_cast<std::uint64_t>(kScale[decimals]);
  AppendInt(out, static_cast<std::int64_t>(units / scale));
  if (decimals == 0) return;
  out += '.';
  char digits[10];
  std::uint64_t fraction = units % scale;
  for (int i = decimals - 1; i >= 0; --i) {
    digits[i] = static_cast<char>('0' + fraction % 10);
    fraction /= 10;
  }
  out.append(digits, static_cast<std::size_t>(decimals));
}

}  // namespace entente
