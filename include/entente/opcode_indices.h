// Operational code indices (VICS: Walker, Schafer & Young, ISQ 1998) from
// coded attributions: the formulas of METHODS.md section 4, with counts.
//
// Pure functions, no I/O. Thread safety: everything here is a value type.
//
// Conventions (docs/opcode.md, "Indices"):
// - An attribution has a subject (self or other), a category -3..+3 and a
//   mode (word or deed). The six VICS categories are -3 punish, -2 threaten,
//   -1 oppose/resist, +1 appeal/support, +2 promise, +3 reward; 0 is neutral.
// - Neutral (0) attributions are counted and reported but enter no index:
//   the 1998 VICS scale has no neutral point and METHODS.md omits zeros from
//   P-2; we omit them everywhere so that every percentage has the same base
//   (the valenced attributions of that subject).
// - An index whose base is empty is NaN (undefined), never 0: e.g. P-1 of a
//   text with no valenced other-attribution. The store writes NaN as NULL.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace entente {

enum class OpcodeActor { kSelf = 0, kOther = 1 };
enum class VerbMode { kWord = 0, kDeed = 1 };

// Number of VICS categories -3..+3 (index = category + 3).
inline constexpr int kVicsCategories = 7;
// The six valenced categories used by IQV and I-5 (K in the IQV formula).
inline constexpr int kVicsValencedCategories = 6;

// Attribution counts of one text or aggregate: by subject and category, and
// the neutral ones split by mode (valenced ones take their mode from the
// category: |3| deeds, |1| and |2| words).
struct OpcodeCounts {
  // counts[actor][category + 3]
  std::array<std::array<std::int64_t, kVicsCategories>, 2> counts{};
  // Neutral attributions that are deeds, per actor (the rest are words).
  std::array<std::int64_t, 2> neutral_deeds{};

  void Add(OpcodeActor actor, int category, VerbMode mode);
  OpcodeCounts& operator+=(const OpcodeCounts& other);
  std::int64_t At(OpcodeActor actor, int category) const {
    return counts[static_cast<int>(actor)][category + 3];
  }
  // Valenced (non-zero) attributions of `actor`.
  std::int64_t Valenced(OpcodeActor actor) const;
  // All attributions of `actor`, neutral included.
  std::int64_t Total(OpcodeActor actor) const;
  std::int64_t Total() const { return Total(OpcodeActor::kSelf) + Total(OpcodeActor::kOther); }
};

// The ten VICS indices plus I-5. NaN where the base is empty.
struct OpcodeIndices {
  double p1 = 0;   // nature of the political universe: %pos - %neg other (-1..1)
  double p2 = 0;   // realization of political values: mean other intensity / 3 (-1..1)
  double p3 = 0;   // predictability: 1 - IQV(other categories) (0..1)
  double p4a = 0;  // control over historical development: self / (self + other)
  double p4b = 0;  // 1 - p4a (other's control)
  double p5 = 0;   // role of chance: 1 - p3 * p4a
  double i1 = 0;   // strategic approach: %pos - %neg self (-1..1)
  double i2 = 0;   // intensity of tactics: mean self intensity / 3 (-1..1)
  double i3 = 0;   // risk orientation: 1 - IQV(self categories)
  double i4a = 0;  // timing, cooperation vs conflict: 1 - |%pos - %neg| self
  double i4b = 0;  // timing, words vs deeds: 1 - |%words - %deeds| self
  // I-5 utility of means: shares of punish, threaten, oppose, appeal,
  // promise, reward among the valenced self-attributions (in that order).
  std::array<double, 6> i5{};
};

// IQV = K (100^2 - sum p_i^2) / (100^2 (K - 1)) with p_i the percentage of
// each of the K = 6 valenced categories (METHODS.md). `category_counts` holds
// the counts of -3..+3 (index category + 3); the neutral slot is ignored.
// NaN when there is no valenced count; 0 when all fall in one category; 1
// when they are spread evenly over the six.
double Iqv(const std::array<std::int64_t, kVicsCategories>& category_counts);

OpcodeIndices ComputeIndices(const OpcodeCounts& counts);

// A named norming group: means and standard deviations of the ten indices,
// in the order p1 p2 p3 p4a p5 i1 i2 i3 i4a i4b, and the I-5 means.
struct NormingGroup {
  std::string name;
  std::string source;
  std::array<double, 10> mean{};
  std::array<double, 10> sd{};
  std::array<double, 6> i5_mean{};
};

// World leaders, Walker, Schafer & Young (2005), as reported by Luengas (2020)
// (METHODS.md section 4): the default group of every z-score entente prints.
const NormingGroup& WorldLeadersNorm();

// z = (x - mean) / sd for the ten indices in NormingGroup order.
std::array<double, 10> ZScores(const OpcodeIndices& indices, const NormingGroup& group);

// The ten index names in NormingGroup order ("p1", "p2", "p3", "p4", "p5",
// "i1", ...); p4 is P-4a.
const std::array<const char*, 10>& IndexNames();
// Values of `indices` in the same order.
std::array<double, 10> IndexValues(const OpcodeIndices& indices);

// Reliability rules of the field (METHODS.md): a profile from fewer than
// 1,500 words or fewer than 15 valenced attributions is flagged.
inline constexpr std::int64_t kReliableMinWords = 1500;
inline constexpr std::int64_t kReliableMinVerbs = 15;
bool IsReliable(std::int64_t words, const OpcodeCounts& counts);
// "" when reliable, else why not (e.g. "fewer than 1500 words (812)").
std::string ReliabilityNote(std::int64_t words, const OpcodeCounts& counts);

}  // namespace entente
