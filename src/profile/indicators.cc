// The indicator catalogue, the 0-100 scales, the dimension indices, the
// composite and the classification rules. Every anchor below is argued in
// docs/profile.md; change them there and here together.
#include <algorithm>
#include <cmath>

#include "profile/profile_impl.h"

namespace entente {
namespace {

using namespace profile_internal;
using D = ProfileDimension;

// Anchors (docs/profile.md, "Scales").
constexpr double kDependenceFloor = 0.001;   // 0.1% of a state's trade scores 0
constexpr double kDependenceCeiling = 0.3;   // 30% scores 100 (log scale between)
constexpr double kRankCeiling = 50;          // the 50th partner scores 0, the first 100
constexpr double kAgreementFloor = 0.5;      // agreeing on half the votes scores 0
constexpr double kIdealDistanceCeiling = 3;  // 3 sd apart scores 0
constexpr double kIgoCeiling = 100;          // 100 shared IGOs score 100
constexpr double kMeetingsCeiling = 5;       // 5 leader meetings a year score 100
constexpr double kTenureCeiling = 10;        // 10 years of overlapping tenure score 100
constexpr double kMidYearsCeiling = 10;      // 10 MID years in the last 50 score 100
constexpr double kKorolevMaxLevel = 8;       // the framework's maximum level
constexpr double kPartnershipStep = 25;      // each partnership level adds 25
// Classification thresholds.
constexpr double kAlignedComposite = 50;
constexpr double kAlignedMilitary = 50;
constexpr int kStrategicLevel = 2;
constexpr int kWarHostility = 5;  // MID hostility 5 = war

double Clamp01(double x) {
  return std::clamp(x, 0.0, 1.0);
}

const std::vector<ProfileIndicatorInfo> kCatalogue = {
    {"trade_total", D::kEconomic, "Bilateral trade (both directions)", "million current USD",
     "not scored (depends on price levels)", "", "", false,
     "COW Dyadic Trade 4.0 (to 2014); economic/bilateral_trade.csv total_trade after"},
    {"trade_dependence_a", D::kEconomic, "Bilateral trade as a share of a's total trade",
     "share 0-1", "log scale: 0.1% -> 0, 30% -> 100", "a", "trade_dependence_b", true,
     "COW Dyadic and National Trade 4.0; evidence partner_share rows after 2014"},
    {"trade_dependence_b", D::kEconomic, "Bilateral trade as a share of b's total trade",
     "share 0-1", "log scale: 0.1% -> 0, 30% -> 100", "b", "trade_dependence_a", true,
     "COW Dyadic and National Trade 4.0; evidence partner_share rows after 2014"},
    {"trade_asymmetry_a", D::kEconomic, "a's dependence minus b's", "share difference",
     "not scored (direction, not depth)", "a", "trade_asymmetry_b", false, "derived"},
    {"trade_asymmetry_b", D::kEconomic, "b's dependence minus a's", "share difference",
     "not scored (direction, not depth)", "b", "trade_asymmetry_a", false, "derived"},
    {"partner_rank_a", D::kEconomic, "b's rank among a's trading partners", "rank (1 = largest)",
     "log scale: 1st -> 100, 50th or lower -> 0", "a", "partner_rank_b", true,
     "COW Dyadic Trade 4.0; evidence partner_rank rows after 2014"},
    {"partner_rank_b", D::kEconomic, "a's rank among b's trading partners", "rank (1 = largest)",
     "log scale: 1st -> 100, 50th or lower -> 0", "b", "partner_rank_a", true,
     "COW Dyadic Trade 4.0; evidence partner_rank rows after 2014"},
    {"arms_share_a", D::kEconomic, "Share of a's arms imports supplied by b", "share 0-1 (TIV)",
     "linear: share x 100", "a", "arms_share_b", true, "SIPRI Arms Transfers (1995-2024)"},
    {"arms_share_b", D::kEconomic, "Share of b's arms imports supplied by a", "share 0-1 (TIV)",
     "linear: share x 100", "b", "arms_share_a", true, "SIPRI Arms Transfers (1995-2024)"},
    {"un_agreement", D::kDiplomatic, "UNGA vote agreement (identical yes/abstain/no votes)",
     "share 0-1", "linear: 50% -> 0, 100% -> 100", "", "", true,
     "Voeten UNGA votes 1946-2024 (the store)"},
    {"un_idealpoint_distance", D::kDiplomatic, "Distance of UNGA ideal points", "session sd",
     "linear: 0 -> 100, 3 sd -> 0", "", "", true, "entente ideal points (docs/ideal_points.md)"},
    {"igo_shared", D::kDiplomatic, "Shared IGO memberships", "count", "linear: 0 -> 0, 100 -> 100",
     "", "", true, "COW IGO v3 (to 2014)"},
    {"atop_consultation", D::kDiplomatic, "ATOP consultation pact in force", "0/1",
     "0 -> 0, 1 -> 100", "", "", true, "ATOP 5.0 (to 2018)"},
    {"partnership_level", D::kDiplomatic, "Declared partnership level in force",
     "0-4 (1 partnership, 2 strategic, 3 comprehensive strategic, 4 alliance or union)",
     "level x 25", "", "", true, "diplomatic/partnerships.csv"},
    {"unsc_joint_vetoes", D::kDiplomatic, "UNSC drafts vetoed by both", "count",
     "not scored (only permanent members can)", "", "", false, "diplomatic/unsc_vetoes.csv"},
    {"leader_meetings", D::kPersonal, "Leader-to-leader meetings (in person and video)", "count",
     "linear: 0 -> 0, 5 or more -> 100", "", "", true, "personal/leader_meetings.csv"},
    {"leader_meetings_in_person", D::kPersonal, "Leader meetings in person", "count",
     "not scored (part of leader_meetings)", "", "", false, "personal/leader_meetings.csv"},
    {"tenure_overlap", D::kPersonal, "Years the two sitting leaders have both been in office",
     "years", "linear: 0 -> 0, 10 or more -> 100", "", "", true,
     "Archigos 4.1 (to 2015); personal/leaders.csv after"},
    {"military_level", D::kMilitary, "Korolev military alignment level", "0-8", "level / 8 x 100",
     "", "", true, "korolev framework: ATOP, SIPRI, MME, US troops and bases, military evidence"},
    {"military_grade", D::kMilitary, "Share of Korolev's criteria met", "share 0-1",
     "not in the index (shown beside the level)", "", "", false, "as military_level"},
    {"atop_defense", D::kMilitary, "ATOP defence pact in force", "0/1",
     "not in the index (used by the classification)", "", "", false, "ATOP 5.0 (to 2018)"},
    {"cinc_a", D::kIncentives, "a's share of world capabilities (CINC)", "share 0-1", "not scored",
     "a", "cinc_b", false, "COW NMC (to 2022)"},
    {"cinc_b", D::kIncentives, "b's share of world capabilities (CINC)", "share 0-1", "not scored",
     "b", "cinc_a", false, "COW NMC (to 2022)"},
    {"leader_superiority", D::kIncentives,
     "The leading power's capabilities against the pair's: L / (L + a + b)", "share 0-1",
     "linear: share x 100", "", "", true, "COW NMC; the leading power is the US from 1946"},
    {"leader_hostility_a", D::kIncentives, "The leading power's hostility toward a", "0-100",
     "the value (mean of MID, rivalry and UN-disagreement parts)", "a", "leader_hostility_b", false,
     "COW MIDs (to 2014), Thompson-Dreyer rivalries (to 2010), UNGA votes"},
    {"leader_hostility_b", D::kIncentives, "The leading power's hostility toward b", "0-100",
     "the value (mean of MID, rivalry and UN-disagreement parts)", "b", "leader_hostility_a", false,
     "COW MIDs (to 2014), Thompson-Dreyer rivalries (to 2010), UNGA votes"},
    {"shared_threat", D::kIncentives, "Hostility the leading power shows both: min(a, b)", "0-100",
     "the value", "", "", true, "derived from leader_hostility_a/b"},
    {"contiguity", D::kHurdles, "Direct contiguity", "0 none, 1 land ... 5 400 miles of water",
     "1 -> 100, 2 -> 80, 3 -> 60, 4 -> 40, 5 -> 20, none -> 0", "", "", true,
     "COW Direct Contiguity 3.2 (to 2016)"},
    {"past_mid_years", D::kHurdles, "Years with a MID between them in the 50 years before", "years",
     "linear: 0 -> 0, 10 or more -> 100", "", "", true, "COW MIDs (1816-2014)"},
    {"past_max_hostility", D::kHurdles, "Highest MID hostility in the 50 years before",
     "0 none, 1-5", "level x 20", "", "", true, "COW MIDs (1816-2014)"},
    {"rivalry_history", D::kHurdles, "Strategic rivalry",
     "0 none, 1 ended in the last 50 years, 2 active", "0, 50, 100", "", "", true,
     "Thompson & Dreyer (1494-2010)"},
};

}  // namespace

std::string_view ProfileDimensionId(ProfileDimension dimension) {
  switch (dimension) {
    case D::kEconomic:
      return "economic";
    case D::kDiplomatic:
      return "diplomatic";
    case D::kPersonal:
      return "personal";
    case D::kMilitary:
      return "military";
    case D::kIncentives:
      return "incentives";
    case D::kHurdles:
      return "hurdles";
  }
  return "";
}

std::optional<ProfileDimension> ParseProfileDimension(std::string_view id) {
  for (int i = 0; i < kProfileDimensionCount; ++i) {
    auto d = static_cast<ProfileDimension>(i);
    if (ProfileDimensionId(d) == id) return d;
  }
  return std::nullopt;
}

std::string_view AlignmentClassId(AlignmentClass c) {
  switch (c) {
    case AlignmentClass::kUnknown:
      return "unknown";
    case AlignmentClass::kRivalry:
      return "rivalry";
    case AlignmentClass::kLimitedCooperation:
      return "limited_cooperation";
    case AlignmentClass::kStrategicPartnership:
      return "strategic_partnership";
    case AlignmentClass::kAllianceLikeAlignment:
      return "alliance_like_alignment";
    case AlignmentClass::kFormalAlliance:
      return "formal_alliance";
  }
  return "unknown";
}

const std::vector<ProfileIndicatorInfo>& ProfileIndicators() {
  static_assert(kIndicatorCount == 31, "catalogue and columns must agree");
  return kCatalogue;
}

std::string ProfileClassificationRules() {
  return "first rule that applies: "
         "(1) formal_alliance: a mutual-defence commitment in force (Korolev's common_defence "
         "criterion met, or an ATOP defence pact); "
         "(2) rivalry: an active Thompson-Dreyer strategic rivalry, or a MID at hostility 5 "
         "(war) that year (lesser incidents count among the hurdles, not here); "
         "(3) alliance_like_alignment: military index >= 50 and composite >= 50; "
         "(4) strategic_partnership: a declared strategic partnership (level >= 2) or composite "
         ">= 50; "
         "(5) limited_cooperation: any other dyad-year with a composite; "
         "(6) unknown: no composite and no rule above applies";
}

namespace profile_internal {

std::optional<double> ScoreIndicator(int column, float raw) {
  if (!Present(raw)) return std::nullopt;
  const double v = raw;
  switch (column) {
    case kTradeDependenceA:
    case kTradeDependenceB:
      if (v <= 0) return 0.0;
      return 100 * Clamp01((std::log10(v) - std::log10(kDependenceFloor)) /
                           (std::log10(kDependenceCeiling) - std::log10(kDependenceFloor)));
    case kPartnerRankA:
    case kPartnerRankB:
      return 100 * Clamp01(1 - std::log10(std::max(1.0, v)) / std::log10(kRankCeiling));
    case kArmsShareA:
    case kArmsShareB:
    case kLeaderSuperiority:
    case kMilitaryGrade:
      return 100 * Clamp01(v);
    case kUnAgreement:
      return 100 * Clamp01((v - kAgreementFloor) / (1 - kAgreementFloor));
    case kUnIdealDistance:
      return 100 * Clamp01(1 - v / kIdealDistanceCeiling);
    case kIgoShared:
      return 100 * Clamp01(v / kIgoCeiling);
    case kAtopConsultationPact:
    case kAtopDefensePact:
      return v > 0 ? 100.0 : 0.0;
    case kPartnershipLevel:
      return std::min(100.0, kPartnershipStep * v);
    case kLeaderMeetings:
      return 100 * Clamp01(v / kMeetingsCeiling);
    case kTenureOverlap:
      return 100 * Clamp01(v / kTenureCeiling);
    case kMilitaryLevel:
      return 100 * Clamp01(v / kKorolevMaxLevel);
    case kLeaderHostilityA:
    case kLeaderHostilityB:
    case kSharedThreat:
      return std::clamp(v, 0.0, 100.0);
    case kContiguity:
      return v <= 0 ? 0.0 : 100 - 20 * (std::clamp(v, 1.0, 5.0) - 1);
    case kPastMidYears:
      return 100 * Clamp01(v / kMidYearsCeiling);
    case kPastMaxHostility:
      return 20 * std::clamp(v, 0.0, 5.0);
    case kRivalryHistory:
      return 50 * std::clamp(v, 0.0, 2.0);
    default:
      return std::nullopt;
  }
}

AlignmentClass Classify(const Row& row, std::string* rule) {
  auto say = [&](AlignmentClass c, const char* why) {
    if (rule != nullptr) *rule = why;
    return c;
  };
  auto is = [&](int column, float at_least) {
    return Present(row[column]) && row[column] >= at_least;
  };
  if (is(kCommonDefence, 1) || is(kAtopDefensePact, 1)) {
    return say(AlignmentClass::kFormalAlliance,
               "(1) mutual-defence commitment in force (common_defence met or ATOP defence pact)");
  }
  if (is(kRivalryActive, 1) || is(kMidHostilityYear, kWarHostility)) {
    return say(AlignmentClass::kRivalry, "(2) active strategic rivalry or war that year");
  }
  const float composite = row[kComposite];
  const float military = row[kIndexFirst + static_cast<int>(D::kMilitary)];
  if (Present(composite) && composite >= kAlignedComposite && Present(military) &&
      military >= kAlignedMilitary) {
    return say(AlignmentClass::kAllianceLikeAlignment,
               "(3) military index >= 50 and composite >= 50");
  }
  if (is(kPartnershipLevel, kStrategicLevel)) {
    return say(AlignmentClass::kStrategicPartnership,
               "(4) declared strategic partnership in force");
  }
  if (Present(composite) && composite >= kAlignedComposite) {
    return say(AlignmentClass::kStrategicPartnership, "(4) composite >= 50");
  }
  if (Present(composite)) return say(AlignmentClass::kLimitedCooperation, "(5) composite < 50");
  return say(AlignmentClass::kUnknown, "(6) too few dimensions measured for a composite");
}

void DeriveIndices(Row& row) {
  std::array<double, kProfileDimensionCount> sum{};
  std::array<int, kProfileDimensionCount> n{};
  for (int c = 0; c < kIndicatorCount; ++c) {
    const ProfileIndicatorInfo& info = kCatalogue[c];
    if (!info.in_index) continue;
    auto score = ScoreIndicator(c, row[c]);
    if (!score) continue;
    sum[static_cast<int>(info.dimension)] += *score;
    ++n[static_cast<int>(info.dimension)];
  }
  double composite = 0;
  int dims = 0;
  for (int d = 0; d < kProfileDimensionCount; ++d) {
    row[kIndexFirst + d] = n[d] > 0 ? static_cast<float>(sum[d] / n[d]) : kMissing;
    if (d < kAlignmentDimensionCount && n[d] > 0) {
      composite += sum[d] / n[d];
      ++dims;
    }
  }
  row[kCompositeDimensions] = static_cast<float>(dims);
  row[kComposite] = dims >= 2 ? static_cast<float>(composite / dims) : kMissing;
  row[kClass] = static_cast<float>(Classify(row, nullptr));
}

}  // namespace profile_internal
}  // namespace entente
