#include <cmath>
#include <limits>

#include "entente/opcode_indices.h"

namespace entente {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Categories are -3..+3; intensity is divided by the top of the scale.
constexpr double kMaxIntensity = 3.0;

struct SubjectStats {
  std::int64_t positive = 0;
  std::int64_t negative = 0;
  std::int64_t words = 0;
  std::int64_t deeds = 0;
  std::int64_t intensity_sum = 0;
  std::int64_t valenced() const { return positive + negative; }
};

SubjectStats Stats(const std::array<std::int64_t, kVicsCategories>& c) {
  SubjectStats s;
  for (int category = -3; category <= 3; ++category) {
    std::int64_t n = c[category + 3];
    if (category == 0) continue;
    (category > 0 ? s.positive : s.negative) += n;
    (std::abs(category) == 3 ? s.deeds : s.words) += n;
    s.intensity_sum += n * category;
  }
  return s;
}

double Ratio(std::int64_t num, std::int64_t den) {
  return den == 0 ? kNaN : static_cast<double>(num) / static_cast<double>(den);
}

}  // namespace

void OpcodeCounts::Add(OpcodeActor actor, int category, VerbMode mode) {
  int a = static_cast<int>(actor);
  ++counts[a][category + 3];
  if (category == 0 && mode == VerbMode::kDeed) ++neutral_deeds[a];
}

OpcodeCounts& OpcodeCounts::operator+=(const OpcodeCounts& other) {
  for (int a = 0; a < 2; ++a) {
    for (int k = 0; k < kVicsCategories; ++k) counts[a][k] += other.counts[a][k];
    neutral_deeds[a] += other.neutral_deeds[a];
  }
  return *this;
}

std::int64_t OpcodeCounts::Valenced(OpcodeActor actor) const {
  return Total(actor) - At(actor, 0);
}

std::int64_t OpcodeCounts::Total(OpcodeActor actor) const {
  std::int64_t total = 0;
  for (std::int64_t n : counts[static_cast<int>(actor)]) total += n;
  return total;
}

double Iqv(const std::array<std::int64_t, kVicsCategories>& category_counts) {
  std::int64_t total = 0;
  for (int k = 0; k < kVicsCategories; ++k) {
    if (k != 3) total += category_counts[k];
  }
  if (total == 0) return kNaN;
  constexpr double kK = kVicsValencedCategories;
  double sum_squares = 0;
  for (int k = 0; k < kVicsCategories; ++k) {
    if (k == 3) continue;
    double percent = 100.0 * static_cast<double>(category_counts[k]) / static_cast<double>(total);
    sum_squares += percent * percent;
  }
  return kK * (100.0 * 100.0 - sum_squares) / (100.0 * 100.0 * (kK - 1));
}

OpcodeIndices ComputeIndices(const OpcodeCounts& counts) {
  const auto& self_counts = counts.counts[static_cast<int>(OpcodeActor::kSelf)];
  const auto& other_counts = counts.counts[static_cast<int>(OpcodeActor::kOther)];
  SubjectStats self = Stats(self_counts);
  SubjectStats other = Stats(other_counts);

  OpcodeIndices x;
  x.p1 = Ratio(other.positive - other.negative, other.valenced());
  x.p2 = Ratio(other.intensity_sum, other.valenced()) / kMaxIntensity;
  x.p3 = 1.0 - Iqv(other_counts);
  x.p4a = Ratio(self.valenced(), self.valenced() + other.valenced());
  x.p4b = 1.0 - x.p4a;
  x.p5 = 1.0 - x.p3 * x.p4a;

  x.i1 = Ratio(self.positive - self.negative, self.valenced());
  x.i2 = Ratio(self.intensity_sum, self.valenced()) / kMaxIntensity;
  x.i3 = 1.0 - Iqv(self_counts);
  x.i4a = 1.0 - std::abs(x.i1);
  x.i4b = 1.0 - std::abs(Ratio(self.words - self.deeds, self.valenced()));
  // I-5 order: punish, threaten, oppose, appeal, promise, reward.
  constexpr int kOrder[6] = {-3, -2, -1, 1, 2, 3};
  for (int k = 0; k < 6; ++k) x.i5[k] = Ratio(self_counts[kOrder[k] + 3], self.valenced());
  return x;
}

const NormingGroup& WorldLeadersNorm() {
  static const NormingGroup group{
      "world leaders",
      "Walker, Schafer & Young (2005), as reported by Luengas (2020); METHODS.md section 4",
      {0.273, 0.123, 0.125, 0.207, 0.974, 0.346, 0.139, 0.272, 0.599, 0.492},
      {0.280, 0.219, 0.057, 0.114, 0.021, 0.336, 0.228, 0.143, 0.267, 0.304},
      {0.123, 0.038, 0.166, 0.463, 0.065, 0.145}};
  return group;
}

const std::array<const char*, 10>& IndexNames() {
  static const std::array<const char*, 10> names = {"p1", "p2", "p3", "p4",  "p5",
                                                    "i1", "i2", "i3", "i4a", "i4b"};
  return names;
}

std::array<double, 10> IndexValues(const OpcodeIndices& x) {
  return {x.p1, x.p2, x.p3, x.p4a, x.p5, x.i1, x.i2, x.i3, x.i4a, x.i4b};
}

std::array<double, 10> ZScores(const OpcodeIndices& indices, const NormingGroup& group) {
  std::array<double, 10> values = IndexValues(indices);
  std::array<double, 10> z{};
  for (int k = 0; k < 10; ++k) z[k] = (values[k] - group.mean[k]) / group.sd[k];
  return z;
}

bool IsReliable(std::int64_t words, const OpcodeCounts& counts) {
  return ReliabilityNote(words, counts).empty();
}

std::string ReliabilityNote(std::int64_t words, const OpcodeCounts& counts) {
  std::string note;
  if (words < kReliableMinWords) {
    note = "fewer than " + std::to_string(kReliableMinWords) + " words (" + std::to_string(words) +
           ")";
  }
  std::int64_t verbs = counts.Valenced(OpcodeActor::kSelf) + counts.Valenced(OpcodeActor::kOther);
  if (verbs < kReliableMinVerbs) {
    if (!note.empty()) note += "; ";
    note += "fewer than " + std::to_string(kReliableMinVerbs) + " codable verbs (" +
            std::to_string(verbs) + ")";
  }
  return note;
}

}  // namespace entente
