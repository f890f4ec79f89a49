#include "entente/profile_tables.h"

#include <string>

namespace entente {
namespace {

std::string Code(const CountryRegistry& countries, int ccode) {
  const Country* c = countries.ByCcode(ccode);
  return c == nullptr ? std::to_string(ccode) : ShortKey(*c);
}

Cell OptionalNumber(const std::optional<double>& v) {
  return v ? Number(*v) : Cell{};
}

Cell OptionalCount(const std::optional<int>& n) {
  if (!n) return Cell{};
  return Cell{std::int64_t{*n}};
}

void AddDimensionColumns(Table& t) {
  for (int d = 0; d < kProfileDimensionCount; ++d) {
    t.columns.emplace_back(ProfileDimensionId(static_cast<ProfileDimension>(d)));
  }
}

}  // namespace

Table ProfileSummaryTable(std::span<const DyadProfile> profiles) {
  Table t;
  t.decimals = 1;
  t.columns = {"dyad", "year"};
  AddDimensionColumns(t);
  for (const char* c : {"composite", "class", "rank", "of"}) t.columns.emplace_back(c);
  for (const DyadProfile& p : profiles) {
    const std::string dyad = ShortKey(*p.a) + "-" + ShortKey(*p.b);
    for (const ProfileYear& y : p.rows) {
      std::vector<Cell> row = {dyad, std::int64_t{y.year}};
      for (const auto& v : y.index) row.push_back(OptionalNumber(v));
      row.push_back(OptionalNumber(y.composite));
      row.emplace_back(std::string(AlignmentClassId(y.alignment)));
      row.push_back(OptionalCount(y.rank));
      row.push_back(
          OptionalCount(y.ranked_dyads > 0 ? std::optional<int>(y.ranked_dyads) : std::nullopt));
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

Table ProfileRankTable(const CountryRegistry& countries, const std::vector<RankRow>& rows,
                       std::optional<ProfileDimension> dimension) {
  Table t;
  t.decimals = 1;
  // The ranked value leads; the composite column follows the dimensions.
  t.columns = {"rank", "dyad", "ccode1", "ccode2"};
  if (dimension) t.columns.emplace_back(ProfileDimensionId(*dimension));
  AddDimensionColumns(t);
  t.columns.emplace_back("composite");
  t.columns.emplace_back("class");
  for (const RankRow& r : rows) {
    std::vector<Cell> row = {std::int64_t{r.rank},
                             Code(countries, r.ccode_a) + "-" + Code(countries, r.ccode_b),
                             std::int64_t{r.ccode_a}, std::int64_t{r.ccode_b}};
    if (dimension) row.push_back(Number(r.value));
    for (const auto& v : r.index) row.push_back(OptionalNumber(v));
    row.push_back(OptionalNumber(r.composite));
    row.emplace_back(std::string(AlignmentClassId(r.alignment)));
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace entente
