// Section "Economic, diplomatic and personal alignment; composite index".
//
// HOOK: these dimensions, the composite index and the classification come
// from the profile library of issue 4 (include/entente/profile.h, built on
// branch wip/profile). Until it is merged this section says that they are not
// in this build instead of showing anything made up.
#include "present/report/html.h"
#include "present/report/sections.h"

namespace entente::report {

Section ProfileSection(ReportContext& /*ctx*/) {
  Section s{"profile", "Economic, diplomatic and personal alignment; composite index", ""};
  s.html = Note(
      "Not in this build: the economic (trade), diplomatic (partnerships, shared IGOs, "
      "Security Council vetoes) and personal (leader meetings) dimensions, the composite index "
      "and the classification come from the profile library (issue 4), which this entente "
      "build does not include yet.");
  return s;
}

}  // namespace entente::report
