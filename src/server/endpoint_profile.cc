// /api/v1/profile and /api/v1/rank: the dyad profile and the ranking of all
// dyads (issue 4, include/entente/profile.h), from the panel built at startup.
#include <limits>

#include "entente/profile.h"
#include "entente/profile_tables.h"
#include "profile/profile_json.h"
#include "server/endpoints.h"

namespace entente::server {
namespace {

// The command line's default window (`entente profile`).
constexpr YearRange kDefaultProfileYears{1991, 2025};
constexpr int kDefaultTop = 20;

Json IndicatorsJson(const DyadProfile& p) {
  Json out = Json::array();
  for (const ProfileYear& y : p.rows) {
    for (const ProfileIndicatorValue& v : y.indicators) {
      Json row = {{"year", y.year}};
      row.update(profile_json::Indicator(v));  // the keys after "year", in their order
      out.push_back(std::move(row));
    }
  }
  return out;
}

Result<std::optional<ProfileDimension>> Dimension(const Query& query) {
  std::vector<std::string> names = {"composite"};
  for (int d = 0; d < kProfileDimensionCount; ++d) {
    names.emplace_back(ProfileDimensionId(static_cast<ProfileDimension>(d)));
  }
  auto name = query.Choice("dimension", names, "composite");
  if (!name.ok()) return name.status();
  if (*name == "composite") return std::optional<ProfileDimension>{};
  return ParseProfileDimension(*name);
}

Result<int> Integer(const Query& query, std::string_view name, int fallback, int low, int high) {
  const std::string* value = query.Get(name);
  if (value == nullptr) return fallback;
  int parsed = 0;
  std::size_t used = 0;
  bool ok = !value->empty() && value->size() <= 9;
  if (ok) {
    try {
      parsed = std::stoi(*value, &used);
    } catch (const std::exception&) {
      ok = false;
    }
  }
  if (!ok || used != value->size() || parsed < low || parsed > high) {
    return Status::Usage("parameter '" + std::string(name) + "' '" + value->substr(0, 80) +
                         "' is not a whole number in " + std::to_string(low) + ".." +
                         std::to_string(high));
  }
  return parsed;
}

ApiResponse ProfileAnswer(const DyadProfile& p, YearRange panel_years, YearRange years,
                          bool indicators, ResponseFormat format) {
  Json rules = Json::array();
  for (const ProfileYear& y : p.rows) {
    rules.push_back({{"year", y.year},
                     {"class", std::string(AlignmentClassId(y.alignment))},
                     {"rule", y.rule},
                     {"composite_dimensions", y.composite_dimensions}});
  }
  Json meta = {{"a", CountryJson(*p.a)},
               {"b", CountryJson(*p.b)},
               {"years", YearsText(years)},
               {"panel_years", YearsText(panel_years)},
               {"classification_rules", p.classification_rules},
               {"trends", profile_json::Trends(p.trends)},
               {"classes", rules}};
  if (indicators) meta["indicators"] = IndicatorsJson(p);
  return DataResponse(format, std::move(meta), ProfileSummaryTable({&p, 1}),
                      "profile_" + ShortKey(*p.a) + "_" + ShortKey(*p.b) + "_" +
                          std::to_string(years.first) + "-" + std::to_string(years.last));
}

ApiResponse RankAnswer(const CountryRegistry& countries, const std::vector<RankRow>& rows, int year,
                       std::optional<ProfileDimension> dimension, int top, ResponseFormat format) {
  const std::string dimension_name =
      dimension ? std::string(ProfileDimensionId(*dimension)) : "composite";
  Json meta = {{"year", year}, {"dimension", dimension_name}, {"top", top}};
  // The table of `entente rank --year Y --format csv`.
  return DataResponse(format, std::move(meta), ProfileRankTable(countries, rows, dimension),
                      "rank_" + dimension_name + "_" + std::to_string(year));
}

}  // namespace

Result<ApiResponse> ProfileEndpoint(const ServerData& data, const Query& query) {
  if (Status s = query.CheckNames({"a", "b", "years", "indicators", "format"}); !s.ok()) return s;
  auto dyad = query.Dyad(data.countries);
  if (!dyad.ok()) return dyad.status();
  // Open ends reach the panel's ends, as `entente profile --years 2000:` does.
  auto years = query.Years("years", kDefaultProfileYears, data.profile_years);
  if (!years.ok()) return years.status();
  auto indicators = query.Flag("indicators", false);
  if (!indicators.ok()) return indicators.status();
  auto format = query.Format();
  if (!format.ok()) return format.status();
  if (*indicators && *format == ResponseFormat::kCsv) {
    return Status::Usage("parameter 'indicators': indicators come with format=json only");
  }
  return data.WithProfile([&](const ProfileData& panel) -> Result<ApiResponse> {
    auto profile = ProfileDyad(panel, data.countries, *dyad->first, *dyad->second, *years);
    if (!profile.ok()) return profile.status();
    return ProfileAnswer(*profile, data.profile_years, *years, *indicators, *format);
  });
}

Result<ApiResponse> RankEndpoint(const ServerData& data, const Query& query) {
  if (Status s = query.CheckNames({"year", "dimension", "top", "format"}); !s.ok()) return s;
  if (query.Get("year") == nullptr) {
    return Status::Usage("parameter 'year' is required, e.g. year=2014 (panel " +
                         YearsText(data.profile_years) + ")");
  }
  auto year = Integer(query, "year", 0, data.profile_years.first, data.profile_years.last);
  if (!year.ok()) return year.status();
  auto dimension = Dimension(query);
  if (!dimension.ok()) return dimension.status();
  auto top = Integer(query, "top", kDefaultTop, 0, std::numeric_limits<int>::max() / 2);
  if (!top.ok()) return top.status();
  auto format = query.Format();
  if (!format.ok()) return format.status();
  return data.WithProfile([&](const ProfileData& panel) -> Result<ApiResponse> {
    auto rows = RankDyads(panel, *year, *dimension, *top);
    if (!rows.ok()) return rows.status();
    return RankAnswer(data.countries, *rows, *year, *dimension, *top, *format);
  });
}

}  // namespace entente::server
