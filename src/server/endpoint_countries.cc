// /api/v1/countries and /api/v1/countries/{key}.
#include "server/endpoints.h"

namespace entente::server {
namespace {

// "1990-10-03"; null for the open ends of a lineage ("since records begin",
// "until further notice").
Json DateJson(DateKey d) {
  if (d == kEarliestDate || d == kLatestDate) return nullptr;
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
  return text;
}

}  // namespace

Result<ApiResponse> CountriesEndpoint(const ServerData& data, const Query& query) {
  if (Status s = query.CheckNames({"format"}); !s.ok()) return s;
  auto format = query.Format();
  if (!format.ok()) return format.status();
  Table table;
  table.columns = {"ccode", "iso3", "iso2", "cowc", "name", "first_year", "last_year"};
  for (const Country& c : data.countries.all()) {
    // Entities without a COW code (territories, pre-1816 states) cannot be
    // measured; the pickers only offer states.
    if (c.ccode == 0 || c.spells.empty()) continue;
    table.rows.push_back({std::int64_t{c.ccode}, c.iso3, c.iso2, c.cowc, c.name,
                          std::int64_t{c.spells.front().start / 10000},
                          std::int64_t{c.spells.back().end / 10000}});
  }
  return DataResponse(*format,
                      Json{{"source",
                            "COW state system (cow/states.csv) and "
                            "countrycode (countries/codelist.csv)"}},
                      table, "countries");
}

Result<ApiResponse> CountryEndpoint(const ServerData& data, const Query& query,
                                    const std::string& key) {
  if (Status s = query.CheckNames({}); !s.ok()) return s;
  auto found = data.countries.Find(key);
  if (!found.ok()) return found.status();  // kNotFound: 404, with suggestions
  const Country& c = **found;
  Json j = CountryJson(c);
  j["key"] = key;
  j["gwcode"] = c.gwcode == 0 ? Json(nullptr) : Json(c.gwcode);
  Json spells = Json::array();
  for (const auto& s : c.spells) {
    spells.push_back({{"start", DateJson(s.start)}, {"end", DateJson(s.end)}});
  }
  j["spells"] = spells;
  Json lineage = Json::array();
  for (const auto& p : c.lineage) {
    lineage.push_back({{"ccode", p.ccode}, {"start", DateJson(p.start)}, {"end", DateJson(p.end)}});
  }
  j["lineage"] = lineage;
  return JsonResponse(j);
}

}  // namespace entente::server
