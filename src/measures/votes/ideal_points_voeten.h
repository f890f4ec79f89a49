// Reads Voeten's long UNGA roll-call file into the index form that
// EstimateIdealPoints takes.
//
// Internal to entente: the store and the CLI build IdealPointData their own
// way; tests and the benchmark read the shared CSV through this.
#pragma once

#include <limits>
#include <string>
#include <string_view>

#include "entente/ideal_points.h"
#include "entente/status.h"

namespace entente::internal {

// `content` is the whole CSV with a header naming at least the columns
// rcid, session, ccode and vote (Voeten's 2016 release also has year and
// member). Vote codes: 1 yes, 2 abstain, 3 no; 8 (absent) and 9 (not a
// member) are dropped. Only sessions in [first_session, last_session] are
// kept. Items and countries are indexed in order of first appearance.
// Errors: a data error naming `source_name`, the line and the column for a
// missing column, a non-integer field, an unknown vote code, or a roll call
// listed under two sessions.
Result<IdealPointData> IdealPointDataFromVoetenCsv(
    const std::string& source_name, std::string_view content,
    int first_session = std::numeric_limits<int>::min(),
    int last_session = std::numeric_limits<int>::max());

}  // namespace entente::internal
