// A dyad's scored years as a result table: the rows `entente military A B`
// prints and /api/v1/military answers as CSV, built here once so that both
// stay equal byte for byte.
#pragma once

#include "entente/military.h"
#include "entente/table.h"

namespace entente {

// An empty table with the columns year, then MilitaryScoreColumns(); three
// decimals (the grade), no title.
Table MilitaryScoreTable();

// Appends the row of one scored year under `framework` to a
// MilitaryScoreTable().
void AddMilitaryScoreRow(const MilitaryFramework& framework, const MilitaryYearScore& score,
                         Table& table);

}  // namespace entente
