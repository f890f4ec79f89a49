// Similarity of two states' UN votes: agreement, Signorino-Ritter S, Scott's
// pi and Cohen's kappa, all computed from the 3x3 table of their votes on the
// roll calls both cast yes, abstain or no (absences and non-membership are
// dropped). Formulas and sources: docs/METHODS.md, "Vote similarity".
//
// Undefined values are NaN (missing), never a made-up number:
//  - everything when n == 0;
//  - pi when the pooled votes fall in one category only (expected agreement 1);
//  - kappa when the expected weighted disagreement is 0 (both states used one
//    and the same category throughout).
#pragma once

#include <array>
#include <cstdint>

namespace entente {

// Vote categories in their ordinal order (Voeten codes 1, 2, 3).
enum VoteCategory : int { kYes = 0, kAbstain = 1, kNo = 2 };
inline constexpr int kVoteCategories = 3;

// counts[a][b]: roll calls where state A voted a and state B voted b.
struct VoteTable {
  std::array<std::array<std::int64_t, kVoteCategories>, kVoteCategories> counts{};
  std::int64_t n() const;
  // The table with A and B exchanged.
  VoteTable Transposed() const;
};

struct VoteSimilarity {
  std::int64_t n = 0;  // roll calls both states voted on (yes, abstain or no)
  double agree;        // share of identical votes, 0..1
  double s;            // Signorino-Ritter S, absolute distance, dmax = 2: -1..1
  double s_squared;    // S with squared distance, dmax^2 = 4: -1..1
  double pi;           // Scott's pi (pooled marginals): <= 1
  double kappa;        // Cohen's kappa, quadratic weights (|i-j|/2)^2: <= 1
};

VoteSimilarity MeasureSimilarity(const VoteTable& table);

}  // namespace entente
