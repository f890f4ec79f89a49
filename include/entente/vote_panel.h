// Vote similarity for every dyad and period at once (the fast path).
//
// For each period (calendar year or UNGA session) every state's yes, abstain
// and no votes become bit sets over that period's roll calls; the 3x3 vote
// table of a dyad on any subset of roll calls is then nine popcounts of ANDed
// words. The whole 1946-2015 panel takes well under a second (bench/RESULTS.md).
//
// Thread safety: a built panel is immutable; ForEachDyad may run concurrently
// on different periods.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "entente/unga.h"
#include "entente/vote_similarity.h"

namespace entente {

enum class VoteGrouping { kYear, kSession };

// Subsets of roll calls a measure can be restricted to.
enum class RollCallSubset : int { kAll = 0, kMe, kNu, kDi, kHr, kCo, kEc, kImportant };
inline constexpr int kRollCallSubsetCount = 8;
// "all", "me", ..., "ec", "important".
const char* RollCallSubsetName(RollCallSubset subset);
// Parses an issue name ("nu") or "important"/"all"; false when unknown.
bool ParseRollCallSubset(std::string_view name, RollCallSubset& out);

class VotePanel {
 public:
  // Groups the loaded votes by period. Roll calls outside the loaded years are
  // not present in `votes` already.
  VotePanel(const UngaVotes& votes, VoteGrouping grouping);

  int period_count() const { return static_cast<int>(periods_.size()); }
  // The year or session number of period `p`.
  int period_label(int p) const { return periods_[p].label; }
  VoteGrouping grouping() const { return grouping_; }

  // Calls f(ccode1, ccode2, tables) for every pair of states that both voted
  // (yes, abstain or no) in period `p`, ccode1 < ccode2, in ascending order;
  // tables[k] is the vote table on subsets[k].
  template <typename F>
  void ForEachDyad(int p, const std::vector<RollCallSubset>& subsets, F&& f) const;

 private:
  struct Period {
    int label = 0;
    int words = 0;                     // 64-bit words per bit set
    std::vector<int> ccodes;           // states voting in the period, ascending
    std::vector<std::uint64_t> bits;   // [state][category][word]
    std::vector<std::uint64_t> masks;  // [subset][word]
  };
  VoteGrouping grouping_;
  std::vector<Period> periods_;
};

template <typename F>
void VotePanel::ForEachDyad(int p, const std::vector<RollCallSubset>& subsets, F&& f) const {
  const Period& period = periods_[p];
  const int words = period.words;
  const std::size_t per_state = static_cast<std::size_t>(kVoteCategories) * words;
  std::vector<VoteTable> tables(subsets.size());
  const std::size_t states = period.ccodes.size();
  for (std::size_t i = 0; i < states; ++i) {
    const std::uint64_t* a = &period.bits[i * per_state];
    for (std::size_t j = i + 1; j < states; ++j) {
      const std::uint64_t* b = &period.bits[j * per_state];
      for (auto& t : tables) t = VoteTable{};
      for (int w = 0; w < words; ++w) {
        for (int x = 0; x < kVoteCategories; ++x) {
          const std::uint64_t ax = a[x * words + w];
          if (ax == 0) continue;
          for (int y = 0; y < kVoteCategories; ++y) {
            const std::uint64_t both = ax & b[y * words + w];
            if (both == 0) continue;
            for (std::size_t k = 0; k < subsets.size(); ++k) {
              const std::uint64_t m = period.masks[static_cast<int>(subsets[k]) * words + w];
              tables[k].counts[x][y] += __builtin_popcountll(both & m);
            }
          }
        }
      }
      f(period.ccodes[i], period.ccodes[j], tables);
    }
  }
}

}  // namespace entente
