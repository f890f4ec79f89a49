#include "entente/vote_similarity.h"

#include <limits>

namespace entente {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
// Largest distance between two vote codes (yes = 1 vs no = 3).
constexpr double kMaxDistance = 2.0;
// Quadratic disagreement weights ((a - b) / kMaxDistance)^2.
constexpr double kQuadraticWeight[kVoteCategories][kVoteCategories] = {
    {0.0, 0.25, 1.0}, {0.25, 0.0, 0.25}, {1.0, 0.25, 0.0}};

}  // namespace

std::int64_t VoteTable::n() const {
  std::int64_t total = 0;
  for (const auto& row : counts) {
    for (std::int64_t c : row) total += c;
  }
  return total;
}

VoteTable VoteTable::Transposed() const {
  VoteTable t;
  for (int a = 0; a < kVoteCategories; ++a) {
    for (int b = 0; b < kVoteCategories; ++b) t.counts[b][a] = counts[a][b];
  }
  return t;
}

VoteSimilarity MeasureSimilarity(const VoteTable& table) {
  // Tallies in integers: exact, and the same numbers as double sums would be.
  std::int64_t n = 0, same = 0, distance = 0, squared = 0;
  std::array<std::int64_t, kVoteCategories> row{}, col{};
  for (int a = 0; a < kVoteCategories; ++a) {
    for (int b = 0; b < kVoteCategories; ++b) {
      const std::int64_t c = table.counts[a][b];
      const int d = a > b ? a - b : b - a;
      n += c;
      if (a == b) same += c;
      distance += c * d;
      squared += c * d * d;
      row[a] += c;
      col[b] += c;
    }
  }
  VoteSimilarity out{n, kMissing, kMissing, kMissing, kMissing, kMissing};
  if (n == 0) return out;
  const double total = static_cast<double>(n);

  out.agree = static_cast<double>(same) / total;
  out.s = 1.0 - 2.0 * static_cast<double>(distance) / (total * kMaxDistance);
  out.s_squared = 1.0 - 2.0 * static_cast<double>(squared) / (total * kMaxDistance * kMaxDistance);

  // Scott's pi: chance agreement from the two states' pooled vote shares.
  double expected_agreement = 0;
  for (int k = 0; k < kVoteCategories; ++k) {
    const double pooled = static_cast<double>(row[k] + col[k]) / (2.0 * total);
    expected_agreement += pooled * pooled;
  }
  if (expected_agreement < 1.0 - 1e-12) {
    out.pi = (out.agree - expected_agreement) / (1.0 - expected_agreement);
  }

  // Weighted kappa: 1 - observed weighted disagreement / expected, with the
  // expected table the product of each state's own marginals. Agreement cells
  // have weight 0 and add nothing.
  std::array<double, kVoteCategories> row_share{}, col_share{};
  for (int k = 0; k < kVoteCategories; ++k) {
    row_share[k] = static_cast<double>(row[k]) / total;
    col_share[k] = static_cast<double>(col[k]) / total;
  }
  double observed = 0, expected = 0;
  for (int a = 0; a < kVoteCategories; ++a) {
    for (int b = 0; b < kVoteCategories; ++b) {
      const double w = kQuadraticWeight[a][b];
      if (w == 0) continue;
      observed += w * static_cast<double>(table.counts[a][b]) / total;
      expected += w * row_share[a] * col_share[b];
    }
  }
  if (expected > 1e-12) out.kappa = 1.0 - observed / expected;
  return out;
}

}  // namespace entente
