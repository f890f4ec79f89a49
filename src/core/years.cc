#include "entente/years.h"

#include <charconv>
#include <string>

namespace entente {
namespace {

constexpr int kEarliestYear = 1800;
constexpr int kLatestYear = 2100;

Result<int> ParseYear(std::string_view part, std::string_view whole) {
  int year = 0;
  auto [end, err] = std::from_chars(part.data(), part.data() + part.size(), year);
  if (err != std::errc() || end != part.data() + part.size() || year < kEarliestYear ||
      year > kLatestYear) {
    return Status::Usage("bad year range '" + std::string(whole) + "': '" + std::string(part) +
                         "' is not a year between 1800 and 2100 (write e.g. 1992:2019)");
  }
  return year;
}

}  // namespace

Result<YearRange> ParseYearRange(std::string_view text) {
  YearRange range;
  auto colon = text.find(':');
  std::string_view left = text.substr(0, colon);
  std::string_view right = colon == std::string_view::npos ? left : text.substr(colon + 1);
  if (left.empty() && right.empty()) {
    return Status::Usage("bad year range '" + std::string(text) + "': write e.g. 1992:2019");
  }
  if (!left.empty()) {
    auto y = ParseYear(left, text);
    if (!y.ok()) return y.status();
    range.first = *y;
  }
  if (!right.empty()) {
    auto y = ParseYear(right, text);
    if (!y.ok()) return y.status();
    range.last = *y;
  }
  if (range.first > range.last) {
    return Status::Usage("bad year range '" + std::string(text) +
                         "': the first year is after the last");
  }
  return range;
}

}  // namespace entente
