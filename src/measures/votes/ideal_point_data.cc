#include "entente/ideal_points.h"

namespace entente {

IdealPointData IdealPointDataFromVotes(const UngaVotes& votes) {
  IdealPointData data;
  data.ccodes = votes.ccodes;
  data.item_session.reserve(votes.roll_calls.size());
  for (const auto& rc : votes.roll_calls) data.item_session.push_back(rc.session);
  data.votes.reserve(votes.vote_code.size());
  for (std::size_t v = 0; v < votes.vote_code.size(); ++v) {
    const int code = votes.vote_code[v];
    if (code < 1 || code > 3) continue;  // 8 absent, 9 non-member: no position
    // 1 yes, 2 abstain, 3 no -> kYes (2), kAbstain (1), kNo (0).
    const auto category = static_cast<std::int8_t>(3 - code);
    data.votes.push_back({votes.vote_roll_call[v], votes.vote_country[v], category});
  }
  return data;
}

}  // namespace entente
