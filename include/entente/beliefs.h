// The balance of beliefs (Feng & He, International Affairs): two sides'
// master beliefs P-1 (nature of the political universe) and I-1 (strategic
// approach), from the operational code profiles in the store
// (opcode_speeches, filled by `entente opcode --corpus`).
//
// A side is a state (any country key: its speeches, whoever gave them) or a
// named speaker ("Xi Jinping": the speeches whose speaker contains that
// name). Attributions are pooled over a side's speeches before the indices
// are computed (not averaged per speech), so long speeches weigh more.
//
// Congruence rule (docs/opcode.md "Balance of beliefs"): two sides are
// congruent on a master belief when their difference is smaller than half a
// standard deviation of the norming group (world leaders: P-1 .140, I-1 .168);
// the difference-of-means z statistic (attributions coded +1/-1) is reported
// beside it. They are congruent overall when congruent on both P-1 and I-1.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "entente/countries.h"
#include "entente/opcode_indices.h"
#include "entente/status.h"
#include "entente/store.h"
#include "entente/years.h"

namespace entente {

struct BeliefsYear {
  int year = 0;
  std::int64_t speeches = 0;
  std::int64_t words = 0;
  OpcodeCounts counts;
  OpcodeIndices indices;
  std::vector<std::string> speakers;
};

struct BeliefsSide {
  std::string key;             // as the user typed it
  std::string label;           // "China (CHN)" or "speaker 'Xi Jinping'"
  std::string iso3;            // for a state
  std::string speaker_filter;  // for a named speaker
  std::int64_t speeches = 0;
  std::int64_t words = 0;
  OpcodeCounts counts;
  OpcodeIndices indices;
  std::array<double, 10> z{};         // against WorldLeadersNorm()
  std::string reliability;            // "" when reliable
  std::vector<std::string> speakers;  // distinct speakers, in year order
  std::vector<BeliefsYear> series;
};

struct BeliefComparison {
  double difference = 0;  // a - b
  double z = 0;           // difference-of-means statistic
  bool congruent = false;
};

struct BeliefsResult {
  BeliefsSide a;
  BeliefsSide b;
  YearRange years;
  BeliefComparison p1;
  BeliefComparison i1;
  double distance = 0;  // Euclidean distance in the (P-1, I-1) plane
  bool congruent = false;
  std::string rule;  // the congruence rule in words
};

// Half a norming-group SD: the congruence threshold.
inline constexpr double kCongruenceSdFraction = 0.5;

// Resolves a side: a country key first, else a speaker name found in the store.
// `corpus` restricts the speeches to one corpus ("ungd", "kremlin", ...);
// empty: all coded speeches of the side.
Result<BeliefsSide> LoadBeliefsSide(Store& store, const CountryRegistry& countries,
                                    const std::string& key, const YearRange& years,
                                    const std::string& corpus = "");

Result<BeliefsResult> CompareBeliefs(Store& store, const CountryRegistry& countries,
                                     const std::string& a, const std::string& b,
                                     const YearRange& years, const std::string& corpus = "");

// Pure part, for tests: fills p1, i1, distance and congruence from two sides.
void CompareSides(BeliefsResult& result);

}  // namespace entente
