#include "measures/votes/ideal_points_layout.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

namespace entente::internal {
namespace {

Status CheckData(const IdealPointData& data) {
  const auto num_items = static_cast<int64_t>(data.item_session.size());
  const auto num_countries = static_cast<int64_t>(data.ccodes.size());
  if (data.votes.empty()) {
    return Status::Data("ideal points: no yes/abstain/no votes to scale (absences do not count)");
  }
  std::vector<int> sorted_codes = data.ccodes;
  std::sort(sorted_codes.begin(), sorted_codes.end());
  auto dup = std::adjacent_find(sorted_codes.begin(), sorted_codes.end());
  if (dup != sorted_codes.end()) {
    return Status::Data("ideal points: country code " + std::to_string(*dup) +
                        " appears twice in ccodes");
  }
  for (std::size_t v = 0; v < data.votes.size(); ++v) {
    const auto& vote = data.votes[v];
    if (vote.item < 0 || vote.item >= num_items || vote.country < 0 ||
        vote.country >= num_countries) {
      return Status::Data("ideal points: vote " + std::to_string(v) + " refers to item " +
                          std::to_string(vote.item) + " and country " +
                          std::to_string(vote.country) + ", but there are " +
                          std::to_string(num_items) + " items and " +
                          std::to_string(num_countries) + " countries");
    }
    if (vote.category != IdealPointData::kNo && vote.category != IdealPointData::kAbstain &&
        vote.category != IdealPointData::kYes) {
      return Status::Data("ideal points: vote " + std::to_string(v) + " has category " +
                          std::to_string(vote.category) +
                          " (use 0 no, 1 abstain, 2 yes; drop absences)");
    }
  }
  return Status::Ok();
}

// Counting sort: `order` lists the indices 0..key.size()-1 grouped by key
// (stable), and key k's group is [begin[k], begin[k+1]).
void GroupBy(const std::vector<int>& key, int num_keys, std::vector<int>& begin,
             std::vector<int32_t>& order) {
  begin.assign(static_cast<std::size_t>(num_keys) + 1, 0);
  for (int k : key) ++begin[static_cast<std::size_t>(k) + 1];
  for (int k = 0; k < num_keys; ++k) begin[k + 1] += begin[k];
  std::vector<int> next(begin.begin(), begin.end() - 1);
  order.resize(key.size());
  for (std::size_t i = 0; i < key.size(); ++i) order[next[key[i]]++] = static_cast<int32_t>(i);
}

}  // namespace

Result<IdealPointLayout> BuildIdealPointLayout(const IdealPointData& data) {
  if (Status s = CheckData(data); !s.ok()) return s;
  const int num_items = static_cast<int>(data.item_session.size());
  const int num_votes = static_cast<int>(data.votes.size());
  IdealPointLayout layout;

  // Votes grouped by the original item index; a country votes once per item.
  std::vector<int> vote_original_item(num_votes);
  for (int v = 0; v < num_votes; ++v) vote_original_item[v] = data.votes[v].item;
  std::vector<int> original_begin;
  std::vector<int32_t> order;
  GroupBy(vote_original_item, num_items, original_begin, order);
  {
    std::vector<int> last_item(data.ccodes.size(), -1);
    for (int item = 0; item < num_items; ++item) {
      for (int i = original_begin[item]; i < original_begin[item + 1]; ++i) {
        const int country = data.votes[order[i]].country;
        if (last_item[country] == item) {
          return Status::Data("ideal points: country " + std::to_string(data.ccodes[country]) +
                              " has two votes on item " + std::to_string(item));
        }
        last_item[country] = item;
      }
    }
  }

  // Sessions that have votes, and state-sessions in (country, session)
  // order so that each state's sessions form one increasing run.
  std::vector<std::pair<int, int>> keys(num_votes);
  for (int v = 0; v < num_votes; ++v) {
    keys[v] = {data.votes[v].country, data.item_session[data.votes[v].item]};
    layout.sessions.push_back(keys[v].second);
  }
  std::sort(layout.sessions.begin(), layout.sessions.end());
  layout.sessions.erase(std::unique(layout.sessions.begin(), layout.sessions.end()),
                        layout.sessions.end());
  auto session_index = [&](int session) {
    return static_cast<int>(
        std::lower_bound(layout.sessions.begin(), layout.sessions.end(), session) -
        layout.sessions.begin());
  };
  std::vector<std::pair<int, int>> unique_keys = keys;
  std::sort(unique_keys.begin(), unique_keys.end());
  unique_keys.erase(std::unique(unique_keys.begin(), unique_keys.end()), unique_keys.end());
  const int num_state_sessions = static_cast<int>(unique_keys.size());

  // Items: the roll calls with votes, in their original order.
  layout.item_vote_begin.push_back(0);
  layout.vote_item.resize(num_votes);
  layout.vote_state_session.resize(num_votes);
  layout.vote_category.resize(num_votes);
  std::vector<int> sorted_state_session(num_votes);
  int position = 0;
  for (int item = 0; item < num_items; ++item) {
    if (original_begin[item] == original_begin[item + 1]) continue;
    const int j = static_cast<int>(layout.item_session.size());
    layout.item_session.push_back(session_index(data.item_session[item]));
    for (int i = original_begin[item]; i < original_begin[item + 1]; ++i, ++position) {
      const int v = order[i];
      auto it = std::lower_bound(unique_keys.begin(), unique_keys.end(), keys[v]);
      const int ss = static_cast<int>(it - unique_keys.begin());
      layout.vote_item[position] = j;
      layout.vote_state_session[position] = ss;
      layout.vote_category[position] = data.votes[v].category;
      sorted_state_session[position] = ss;
    }
    layout.item_vote_begin.push_back(position);
  }
  GroupBy(sorted_state_session, num_state_sessions, layout.state_session_vote_begin, order);
  layout.state_session_vote_item.resize(num_votes);
  layout.state_session_vote_category.resize(num_votes);
  for (int i = 0; i < num_votes; ++i) {
    layout.state_session_vote_item[i] = layout.vote_item[order[i]];
    layout.state_session_vote_category[i] = layout.vote_category[order[i]];
  }

  layout.state_session_number.resize(num_state_sessions);
  layout.state_session_index.resize(num_state_sessions);
  for (int k = 0; k < num_state_sessions; ++k) {
    layout.state_session_number[k] = unique_keys[k].second;
    layout.state_session_index[k] = session_index(unique_keys[k].second);
    if (k == 0 || unique_keys[k].first != unique_keys[k - 1].first) {
      layout.state_begin.push_back(k);
      layout.state_ccode.push_back(data.ccodes[unique_keys[k].first]);
    }
  }
  layout.state_begin.push_back(num_state_sessions);
  return layout;
}

}  // namespace entente::internal
