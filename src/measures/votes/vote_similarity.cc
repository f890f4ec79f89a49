#include "entente/vote_similarity.h"

#include <cmath>
#include <limits>

namespace entente {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
// Largest distance between two vote codes (yes = 1 vs no = 3).
constexpr double kMaxDistance = 2.0;

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
  VoteSimilarity out{table.n(), kMissing, kMissing, kMissing, kMissing, kMissing};
  if (out.n == 0) return out;
  const double n = static_cast<double>(out.n);

  double same = 0, distance = 0, squared = 0;
  std::array<double, kVoteCategories> row{}, col{};
  for (int a = 0; a < kVoteCategories; ++a) {
    for (int b = 0; b < kVoteCategories; ++b) {
      const double c = static_cast<double>(table.counts[a][b]);
      const double d = std::abs(a - b);
      if (a == b) same += c;
      distance += c * d;
      squared += c * d * d;
      row[a] += c;
      col[b] += c;
    }
  }
  out.agree = same / n;
  out.s = 1.0 - 2.0 * distance / (n * kMaxDistance);
  out.s_squared = 1.0 - 2.0 * squared / (n * kMaxDistance * kMaxDistance);

  // Scott's pi: chance agreement from the two states' pooled vote shares.
  double expected_agreement = 0;
  for (int k = 0; k < kVoteCategories; ++k) {
    const double pooled = (row[k] + col[k]) / (2.0 * n);
    expected_agreement += pooled * pooled;
  }
  if (expected_agreement < 1.0 - 1e-12) {
    out.pi = (out.agree - expected_agreement) / (1.0 - expected_agreement);
  }

  // Weighted kappa: 1 - observed weighted disagreement / expected, with the
  // expected table the product of each state's own marginals.
  double observed = 0, expected = 0;
  for (int a = 0; a < kVoteCategories; ++a) {
    for (int b = 0; b < kVoteCategories; ++b) {
      const double w = std::pow((a - b) / kMaxDistance, 2);
      observed += w * static_cast<double>(table.counts[a][b]) / n;
      expected += w * (row[a] / n) * (col[b] / n);
    }
  }
  if (expected > 1e-12) out.kappa = 1.0 - observed / expected;
  return out;
}

}  // namespace entente
