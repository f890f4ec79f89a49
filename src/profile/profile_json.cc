#include "profile/profile_json.h"

namespace entente::profile_json {

Json OptionalNumber(const std::optional<double>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json Indicator(const ProfileIndicatorValue& indicator) {
  Json evidence = Json::array();
  for (const ProfileEvidenceRef& e : indicator.evidence) {
    evidence.push_back({{"reference", e.reference},
                        {"date", e.date},
                        {"what", e.what},
                        {"publisher", e.publisher},
                        {"title", e.title},
                        {"published", e.published},
                        {"url", e.url}});
  }
  return {{"id", indicator.id},
          {"dimension", ProfileDimensionId(indicator.dimension)},
          {"value", OptionalNumber(indicator.value)},
          {"score", OptionalNumber(indicator.score)},
          {"source", indicator.source},
          {"evidence", evidence}};
}

Json Trends(const std::vector<ProfileTrend>& trends) {
  Json out = Json::array();
  for (const ProfileTrend& t : trends) {
    out.push_back({{"series", t.series},
                   {"years", t.years_used},
                   {"slope", OptionalNumber(t.slope)},
                   {"ci_low", OptionalNumber(t.ci_low)},
                   {"ci_high", OptionalNumber(t.ci_high)}});
  }
  return out;
}

}  // namespace entente::profile_json
