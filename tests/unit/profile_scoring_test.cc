// The profile's scales, indices, composite and classification, on
// hand-worked rows (docs/profile.md gives each anchor), plus property tests
// on random rows: indices stay in 0..100 and missing stays missing.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "profile/profile_impl.h"

namespace entente::profile_internal {
namespace {

double Score(int column, float raw) {
  auto s = ScoreIndicator(column, raw);
  EXPECT_TRUE(s.has_value()) << column;
  return s.value_or(-1);
}

TEST(ProfileScales, Anchors) {
  // Dependence, log scale: 0.1% -> 0, 30% -> 100; 3% sits at
  // (log10 0.03 + 3) / (log10 0.3 + 3) = 1.4771 / 2.4771 = 59.63.
  EXPECT_NEAR(Score(kTradeDependenceA, 0.001f), 0, 1e-4);
  EXPECT_NEAR(Score(kTradeDependenceA, 0.3f), 100, 1e-4);
  EXPECT_NEAR(Score(kTradeDependenceB, 0.03f), 59.63, 0.01);
  EXPECT_EQ(Score(kTradeDependenceA, 0.0f), 0);
  EXPECT_EQ(Score(kTradeDependenceA, 0.9f), 100);
  // Partner rank: 1st 100, 50th 0, 10th 1 - 1/log10(50) = 41.14.
  EXPECT_NEAR(Score(kPartnerRankA, 1), 100, 1e-9);
  EXPECT_NEAR(Score(kPartnerRankA, 10), 41.14, 0.01);
  EXPECT_NEAR(Score(kPartnerRankB, 80), 0, 1e-9);
  // UN agreement: 50% -> 0, 75% -> 50, 100% -> 100.
  EXPECT_NEAR(Score(kUnAgreement, 0.75f), 50, 1e-4);
  EXPECT_EQ(Score(kUnAgreement, 0.3f), 0);
  EXPECT_NEAR(Score(kMilitaryLevel, 6), 75, 1e-9);
  EXPECT_NEAR(Score(kContiguity, 1), 100, 1e-9);
  EXPECT_NEAR(Score(kContiguity, 5), 20, 1e-9);
  EXPECT_NEAR(Score(kContiguity, 0), 0, 1e-9);
  EXPECT_NEAR(Score(kPartnershipLevel, 3), 75, 1e-9);
  EXPECT_NEAR(Score(kLeaderMeetings, 7), 100, 1e-9);
  EXPECT_NEAR(Score(kRivalryHistory, 1), 50, 1e-9);
  // Not scored, and missing in -> missing out.
  EXPECT_FALSE(ScoreIndicator(kTradeTotal, 1000).has_value());
  EXPECT_FALSE(ScoreIndicator(kUnAgreement, kMissing).has_value());
}

TEST(ProfileIndices, HandWorkedRow) {
  Row row = EmptyRow();
  row[kTradeDependenceA] = 0.03f;  // 59.63
  row[kTradeDependenceB] = 0.3f;   // 100
  row[kUnAgreement] = 0.75f;       // 50
  row[kIgoShared] = 30;            // 30
  row[kMilitaryLevel] = 3;         // 37.5
  DeriveIndices(row);
  EXPECT_NEAR(row[kIndexFirst + 0], (59.63 + 100) / 2, 0.01);  // economic
  EXPECT_NEAR(row[kIndexFirst + 1], 40, 1e-4);                 // diplomatic
  EXPECT_TRUE(std::isnan(row[kIndexFirst + 2]));               // personal: nothing measured
  EXPECT_NEAR(row[kIndexFirst + 3], 37.5, 1e-4);               // military
  EXPECT_EQ(row[kCompositeDimensions], 3);
  EXPECT_NEAR(row[kComposite], (79.815 + 40 + 37.5) / 3, 0.01);
  std::string rule;
  EXPECT_EQ(Classify(row, &rule), AlignmentClass::kStrategicPartnership);
  EXPECT_NE(rule.find("composite >= 50"), std::string::npos);
}

TEST(ProfileIndices, CompositeNeedsTwoDimensions) {
  Row row = EmptyRow();
  row[kUnAgreement] = 0.9f;
  DeriveIndices(row);
  EXPECT_FALSE(Present(row[kComposite]));
  EXPECT_EQ(Classify(row, nullptr), AlignmentClass::kUnknown);
}

TEST(ProfileClassification, RulesInOrder) {
  Row row = EmptyRow();
  row[kUnAgreement] = 0.55f;
  row[kMilitaryLevel] = 1;
  DeriveIndices(row);
  EXPECT_EQ(Classify(row, nullptr), AlignmentClass::kLimitedCooperation);
  row[kPartnershipLevel] = 2;
  EXPECT_EQ(Classify(row, nullptr), AlignmentClass::kStrategicPartnership);
  row[kMidHostilityYear] = 4;  // a use of force alone is a hurdle, not a rivalry
  EXPECT_EQ(Classify(row, nullptr), AlignmentClass::kStrategicPartnership);
  row[kRivalryActive] = 1;  // an active strategic rivalry outranks a declared partnership
  EXPECT_EQ(Classify(row, nullptr), AlignmentClass::kRivalry);
  row[kAtopDefensePact] = 1;  // a defence pact outranks everything
  EXPECT_EQ(Classify(row, nullptr), AlignmentClass::kFormalAlliance);

  Row aligned = EmptyRow();
  aligned[kUnAgreement] = 0.9f;  // 80
  aligned[kMilitaryLevel] = 5;   // 62.5
  aligned[kAtopDefensePact] = 0;
  aligned[kCommonDefence] = 0;
  aligned[kRivalryActive] = 0;
  DeriveIndices(aligned);
  std::string rule;
  EXPECT_EQ(Classify(aligned, &rule), AlignmentClass::kAllianceLikeAlignment) << rule;
}

// Property: for random rows with random missing cells, every index is
// missing or within 0..100, an index is missing exactly when all its scored
// indicators are, and the composite never reads a missing dimension as 0.
TEST(ProfileProperties, RandomRows) {
  std::mt19937 rng(2024);
  std::uniform_real_distribution<float> unit(0, 1);
  const auto& catalogue = ProfileIndicators();
  for (int trial = 0; trial < 20000; ++trial) {
    Row row = EmptyRow();
    for (int c = 0; c < kIndicatorCount; ++c) {
      if (unit(rng) < 0.5f) continue;
      float v = unit(rng);
      switch (c) {
        case kPartnerRankA:
        case kPartnerRankB:
          v = 1 + std::floor(v * 200);
          break;
        case kMilitaryLevel:
          v = std::floor(v * 9);
          break;
        case kContiguity:
          v = std::floor(v * 6);
          break;
        case kIgoShared:
          v *= 150;
          break;
        case kLeaderMeetings:
          v = std::floor(v * 10);
          break;
        case kTenureOverlap:
          v *= 30;
          break;
        case kLeaderHostilityA:
        case kLeaderHostilityB:
        case kSharedThreat:
          v *= 100;
          break;
        case kPastMidYears:
          v = std::floor(v * 50);
          break;
        case kPastMaxHostility:
          v = std::floor(v * 6);
          break;
        case kRivalryHistory:
          v = std::floor(v * 3);
          break;
        case kPartnershipLevel:
          v = std::floor(v * 5);
          break;
        case kUnIdealDistance:
          v *= 5;
          break;
        default:
          break;
      }
      row[c] = v;
    }
    DeriveIndices(row);
    int dims = 0;
    for (int d = 0; d < kProfileDimensionCount; ++d) {
      bool any = false;
      for (int c = 0; c < kIndicatorCount; ++c) {
        if (catalogue[c].in_index && static_cast<int>(catalogue[c].dimension) == d &&
            Present(row[c])) {
          any = true;
        }
      }
      const float index = row[kIndexFirst + d];
      ASSERT_EQ(Present(index), any) << "dimension " << d;
      if (any) {
        ASSERT_GE(index, 0);
        ASSERT_LE(index, 100);
        if (d < kAlignmentDimensionCount) ++dims;
      }
    }
    ASSERT_EQ(row[kCompositeDimensions], dims);
    ASSERT_EQ(Present(row[kComposite]), dims >= 2);
    if (dims >= 2) {
      ASSERT_GE(row[kComposite], 0);
      ASSERT_LE(row[kComposite], 100);
    }
  }
}

TEST(ProfileCatalogue, DirectedIndicatorsHaveMirrors) {
  const auto& catalogue = ProfileIndicators();
  ASSERT_EQ(static_cast<int>(catalogue.size()), kIndicatorCount);
  for (const auto& info : catalogue) {
    if (info.directed.empty()) {
      EXPECT_TRUE(info.mirror.empty()) << info.id;
      continue;
    }
    bool found = false;
    for (const auto& other : catalogue) {
      if (other.id == info.mirror) {
        found = true;
        EXPECT_EQ(other.mirror, info.id);
        EXPECT_NE(other.directed, info.directed);
        EXPECT_EQ(other.in_index, info.in_index);
      }
    }
    EXPECT_TRUE(found) << info.id;
  }
}

}  // namespace
}  // namespace entente::profile_internal
