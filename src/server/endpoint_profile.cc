// /api/v1/profile and /api/v1/rank: the dyad profile and the ranking of all
// dyads (issue 4, include/entente/profile.h), from the panel built at startup.
#include <limits>

#include "entente/profile.h"
#include "server/endpoints.h"

namespace entente::server {
namespace {

// The command line's default window (`entente profile`).
constexpr YearRange kDefaultProfileYears{1991, 2025};
constexpr int kDefaultTop = 20;

Json Optional(const std::optional<double>& v) {
  return v ? Json(*v) : Json(nullptr);
}
Cell OptionalCell(const std::optional<double>& v) {
  return v ? entente::Number(*v) : Cell{};
}

std::string CodeOf(const CountryRegistry& countries, int ccode) {
  const Country* c = countries.ByCcode(ccode);
  return c == nullptr ? std::to_string(ccode) : ShortKey(*c);
}

// The columns of `entente profile A B --format csv`, one row per year.
Table SummaryTable(const DyadProfile& p) {
  Table t;
  t.decimals = 1;
  t.columns = {"dyad", "year"};
  for (int d = 0; d < kProfileDimensionCount; ++d) {
    t.columns.emplace_back(ProfileDimensionId(static_cast<ProfileDimension>(d)));
  }
  for (const char* c : {"composite", "class", "rank", "of"}) t.columns.emplace_back(c);
  const std::string dyad = ShortKey(*p.a) + "-" + ShortKey(*p.b);
  for (const ProfileYear& y : p.rows) {
    std::vector<Cell> row = {dyad, std::int64_t{y.year}};
    for (const auto& v : y.index) row.push_back(OptionalCell(v));
    row.push_back(OptionalCell(y.composite));
    row.emplace_back(std::string(AlignmentClassId(y.alignment)));
    row.push_back(y.rank ? Cell{std::int64_t{*y.rank}} : Cell{});
    row.push_back(y.ranked_dyads > 0 ? Cell{std::int64_t{y.ranked_dyads}} : Cell{});
    t.rows.push_back(std::move(row));
  }
  return t;
}

Json IndicatorsJson(const DyadProfile& p) {
  Json out = Json::array();
  for (const ProfileYear& y : p.rows) {
    for (const ProfileIndicatorValue& v : y.indicators) {
      Json evidence = Json::array();
      for (const auto& e : v.evidence) {
        evidence.push_back({{"reference", e.reference},
                            {"date", e.date},
                            {"what", e.what},
                            {"publisher", e.publisher},
                            {"title", e.title},
                            {"published", e.published},
                            {"url", e.url}});
      }
      out.push_back({{"year", y.year},
                     {"id", v.id},
                     {"dimension", std::string(ProfileDimensionId(v.dimension))},
                     {"value", Optional(v.value)},
                     {"score", Optional(v.score)},
                     {"source", v.source},
                     {"evidence", evidence}});
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
  Json trends = Json::array();
  for (const ProfileTrend& t : p.trends) {
    trends.push_back({{"series", t.series},
                      {"years", t.years_used},
                      {"slope", Optional(t.slope)},
                      {"ci_low", Optional(t.ci_low)},
                      {"ci_high", Optional(t.ci_high)}});
  }
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
               {"trends", trends},
               {"classes", rules}};
  if (indicators) meta["indicators"] = IndicatorsJson(p);
  return DataResponse(format, std::move(meta), SummaryTable(p),
                      "profile_" + ShortKey(*p.a) + "_" + ShortKey(*p.b) + "_" +
                          std::to_string(years.first) + "-" + std::to_string(years.last));
}

ApiResponse RankAnswer(const CountryRegistry& countries, const std::vector<RankRow>& rows, int year,
                       std::optional<ProfileDimension> dimension, int top, ResponseFormat format) {
  // The columns of `entente rank --year Y --format csv`.
  const std::string dimension_name =
      dimension ? std::string(ProfileDimensionId(*dimension)) : "composite";
  Table t;
  t.decimals = 1;
  t.columns = {"rank", "dyad", "ccode1", "ccode2"};
  if (dimension) t.columns.push_back(dimension_name);
  for (int d = 0; d < kProfileDimensionCount; ++d) {
    t.columns.emplace_back(ProfileDimensionId(static_cast<ProfileDimension>(d)));
  }
  t.columns.emplace_back("composite");
  t.columns.emplace_back("class");
  for (const RankRow& r : rows) {
    std::vector<Cell> row = {std::int64_t{r.rank},
                             CodeOf(countries, r.ccode_a) + "-" + CodeOf(countries, r.ccode_b),
                             std::int64_t{r.ccode_a}, std::int64_t{r.ccode_b}};
    if (dimension) row.push_back(entente::Number(r.value));
    for (const auto& v : r.index) row.push_back(OptionalCell(v));
    row.push_back(OptionalCell(r.composite));
    row.emplace_back(std::string(AlignmentClassId(r.alignment)));
    t.rows.push_back(std::move(row));
  }
  Json meta = {{"year", year}, {"dimension", dimension_name}, {"top", top}};
  return DataResponse(format, std::move(meta), t,
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
