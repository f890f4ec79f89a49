// Internal to the report: loading what every dyad shares and measuring one
// dyad on every dimension.
#pragma once

#include "present/report/report_context.h"

namespace entente::report {

// UN votes and the ideal-point fit, the military framework and evidence, and
// whether the speech corpus is coded. What the store lacks becomes a note;
// unreadable files are errors.
Status LoadSharedInputs(ReportContext& ctx);

// Every dimension of the dyad a-b over ctx.years.
DyadMeasures MeasureDyad(ReportContext& ctx, const Country& a, const Country& b);

// True when no source covers any criterion that year: the level is then
// unknown (shown as a gap), not 0.
bool AllUnknown(const MilitaryYearScore& score);

}  // namespace entente::report
