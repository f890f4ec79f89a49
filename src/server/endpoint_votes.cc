// /api/v1/votes: UN General Assembly voting similarity of one dyad.
#include "entente/vote_panel.h"
#include "server/endpoints.h"

namespace entente::server {

Result<ApiResponse> VotesEndpoint(const ServerData& data, const Query& query) {
  if (Status s = query.CheckNames({"a", "b", "years", "subset", "by", "format"}); !s.ok()) {
    return s;
  }
  auto dyad = query.Dyad(data.countries);
  if (!dyad.ok()) return dyad.status();
  const YearRange coverage{data.votes->first_year(), data.votes->last_year()};
  auto years = query.Years("years", coverage);
  if (!years.ok()) return years.status();
  auto subset_name =
      query.Choice("subset", {"all", "me", "nu", "di", "hr", "co", "ec", "important"}, "all");
  if (!subset_name.ok()) return subset_name.status();
  RollCallSubset subset = RollCallSubset::kAll;
  ParseRollCallSubset(*subset_name, subset);  // cannot fail: the name was checked above
  auto by = query.Choice("by", {"year", "session"}, "year");
  if (!by.ok()) return by.status();
  auto format = query.Format();
  if (!format.ok()) return format.status();

  const auto [a, b] = *dyad;
  const auto grouping = *by == "year" ? VoteGrouping::kYear : VoteGrouping::kSession;
  Table table;
  table.decimals = 6;  // as `entente votes --format csv`
  table.columns = {*by, "ccode1", "ccode2", "n", "agree", "s", "s2", "pi", "kappa"};
  for (const auto& row : data.votes->Dyad(data.countries, *a, *b, grouping, subset, *years)) {
    const VoteSimilarity& s = row.similarity;
    table.rows.push_back({std::int64_t{row.period}, std::int64_t{row.ccode_a},
                          std::int64_t{row.ccode_b}, std::int64_t{s.n}, entente::Number(s.agree),
                          entente::Number(s.s), entente::Number(s.s_squared), entente::Number(s.pi),
                          entente::Number(s.kappa)});
  }
  Json meta = {{"a", CountryJson(*a)},
               {"b", CountryJson(*b)},
               {"years", YearsText(*years)},
               {"coverage", YearsText(coverage)},
               {"subset", *subset_name},
               {"by", *by},
               {"note",
                "one row per period in which both voted yes, abstain or no on at least one roll "
                "call; agree, s, s2, pi and kappa as in docs/METHODS.md (null: undefined)"}};
  return DataResponse(*format, std::move(meta), table,
                      "votes_" + ShortKey(*a) + "_" + ShortKey(*b) + "_" +
                          std::to_string(years->first) + "-" + std::to_string(years->last));
}

}  // namespace entente::server
