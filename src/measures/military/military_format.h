// How a scored dyad-year is written as CSV (internal to entente): shared by
// the panel writer so its columns match the single-dyad output.
#pragma once

#include <string>

#include "entente/military.h"

namespace entente::military_internal {

// Appends the cells of MilitaryScoreColumns() for `score`, comma-separated,
// without a trailing comma or newline.
void AppendScoreCsv(std::string& out, const MilitaryFramework& framework,
                    const MilitaryYearScore& score);

}  // namespace entente::military_internal
