#include "entente/vote_panel.h"

#include <algorithm>
#include <map>

namespace entente {

const char* RollCallSubsetName(RollCallSubset subset) {
  static constexpr const char* kNames[] = {"all", "me", "nu", "di", "hr", "co", "ec", "important"};
  return kNames[static_cast<int>(subset)];
}

bool ParseRollCallSubset(std::string_view name, RollCallSubset& out) {
  for (int k = 0; k < kRollCallSubsetCount; ++k) {
    if (name == RollCallSubsetName(static_cast<RollCallSubset>(k))) {
      out = static_cast<RollCallSubset>(k);
      return true;
    }
  }
  return false;
}

VotePanel::VotePanel(const UngaVotes& votes, VoteGrouping grouping) : grouping_(grouping) {
  // Assign each roll call to a period and a bit position within it.
  std::map<int, int> period_of_label;
  std::vector<int> period_of_rc(votes.roll_calls.size());
  std::vector<int> bit_of_rc(votes.roll_calls.size());
  std::vector<int> size_of_period;
  for (std::size_t r = 0; r < votes.roll_calls.size(); ++r) {
    const auto& rc = votes.roll_calls[r];
    int label = grouping == VoteGrouping::kYear ? rc.year : rc.session;
    auto [it, inserted] = period_of_label.try_emplace(label, 0);
    if (inserted) it->second = -1;
    period_of_rc[r] = label;
  }
  int index = 0;
  for (auto& [label, p] : period_of_label) {
    p = index++;
    Period period;
    period.label = label;
    periods_.push_back(std::move(period));
  }
  size_of_period.assign(periods_.size(), 0);
  for (std::size_t r = 0; r < votes.roll_calls.size(); ++r) {
    int p = period_of_label[period_of_rc[r]];
    period_of_rc[r] = p;
    bit_of_rc[r] = size_of_period[p]++;
  }
  for (std::size_t p = 0; p < periods_.size(); ++p) {
    periods_[p].words = (size_of_period[p] + 63) / 64;
  }

  // Which states vote (yes, abstain or no) in each period.
  std::vector<std::vector<int>> state_slot(periods_.size(),
                                           std::vector<int>(votes.ccodes.size(), -1));
  for (std::size_t v = 0; v < votes.vote_code.size(); ++v) {
    if (votes.vote_code[v] > 3) continue;  // absent
    int p = period_of_rc[votes.vote_roll_call[v]];
    state_slot[p][votes.vote_country[v]] = 0;
  }
  for (std::size_t p = 0; p < periods_.size(); ++p) {
    Period& period = periods_[p];
    for (std::size_t c = 0; c < votes.ccodes.size(); ++c) {
      if (state_slot[p][c] == 0) {
        state_slot[p][c] = static_cast<int>(period.ccodes.size());
        period.ccodes.push_back(votes.ccodes[c]);  // ccodes are ascending already
      }
    }
    period.bits.assign(period.ccodes.size() * kVoteCategories * period.words, 0);
    period.masks.assign(static_cast<std::size_t>(kRollCallSubsetCount) * period.words, 0);
  }

  // Subset masks.
  for (std::size_t r = 0; r < votes.roll_calls.size(); ++r) {
    const auto& rc = votes.roll_calls[r];
    Period& period = periods_[period_of_rc[r]];
    const int word = bit_of_rc[r] / 64;
    const std::uint64_t bit = std::uint64_t{1} << (bit_of_rc[r] % 64);
    auto set = [&](RollCallSubset s) {
      period.masks[static_cast<int>(s) * period.words + word] |= bit;
    };
    set(RollCallSubset::kAll);
    if (rc.issues_coded) {
      for (int k = 0; k < kIssueAreaCount; ++k) {
        if (rc.issues & (1u << k))
          set(static_cast<RollCallSubset>(static_cast<int>(RollCallSubset::kMe) + k));
      }
    }
    if (rc.important == 1) set(RollCallSubset::kImportant);
  }

  // Vote bits.
  for (std::size_t v = 0; v < votes.vote_code.size(); ++v) {
    const int code = votes.vote_code[v];
    if (code < 1 || code > 3) continue;
    const int r = votes.vote_roll_call[v];
    Period& period = periods_[period_of_rc[r]];
    const int slot = state_slot[period_of_rc[r]][votes.vote_country[v]];
    const std::size_t base =
        (static_cast<std::size_t>(slot) * kVoteCategories + (code - 1)) * period.words;
    period.bits[base + bit_of_rc[r] / 64] |= std::uint64_t{1} << (bit_of_rc[r] % 64);
  }
}

}  // namespace entente
