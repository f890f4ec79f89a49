// Year ranges as users write them: "1992:2019", "2015", "1992:" or ":2019".
#pragma once

#include <string_view>

#include "entente/status.h"

namespace entente {

struct YearRange {
  int first = 1800;  // open ranges start at the earliest year a range may name
  int last = 2100;
  bool contains(int year) const { return year >= first && year <= last; }
};

// Parses "Y1:Y2", "Y", "Y1:" or ":Y2". Fails with a usage error naming the
// text when a year is not a number in 1800..2100 or when Y1 > Y2.
Result<YearRange> ParseYearRange(std::string_view text);

}  // namespace entente
