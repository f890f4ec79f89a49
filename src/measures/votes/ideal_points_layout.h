// The votes of an IdealPointData rearranged for the two passes of the fit:
// grouped by roll call (for the roll-call step) and by state and session
// (for the position step), plus the validation of the input.
//
// Internal to entente.
#pragma once

#include <cstdint>
#include <vector>

#include "entente/ideal_points.h"
#include "entente/status.h"

namespace entente::internal {

struct IdealPointLayout {
  // Session numbers in increasing order; "session index" below means an
  // index into this.
  std::vector<int> sessions;

  // Roll calls that received at least one vote ("items" below), with the
  // votes sorted by item: item j owns [item_vote_begin[j], item_vote_begin[j+1]).
  std::vector<int> item_vote_begin;
  std::vector<int> item_session;  // session index of each item
  std::vector<int32_t> vote_item;
  std::vector<int32_t> vote_state_session;
  std::vector<int8_t> vote_category;

  // State-sessions sorted by state, then session: state s owns
  // [state_begin[s], state_begin[s+1]), its sessions in increasing order.
  std::vector<int> state_begin;
  std::vector<int> state_ccode;
  std::vector<int> state_session_number;  // session number of each state-session
  std::vector<int> state_session_index;   // its session index
  // The votes again, sorted by state-session (so that the state pass reads
  // them in order): state-session k owns [state_session_vote_begin[k],
  // state_session_vote_begin[k+1]) of these two.
  std::vector<int> state_session_vote_begin;
  std::vector<int32_t> state_session_vote_item;
  std::vector<int8_t> state_session_vote_category;

  int num_items() const { return static_cast<int>(item_session.size()); }
  int num_states() const { return static_cast<int>(state_ccode.size()); }
  int num_state_sessions() const { return static_cast<int>(state_session_number.size()); }
  int num_sessions() const { return static_cast<int>(sessions.size()); }
  int num_votes() const { return static_cast<int>(vote_category.size()); }
};

// Validates `data` and builds its layout. Errors (data errors): no votes; a
// vote whose item or country index is out of range or whose category is not
// 0, 1 or 2; two votes of one country on one item; a COW code listed twice.
Result<IdealPointLayout> BuildIdealPointLayout(const IdealPointData& data);

}  // namespace entente::internal
