// ProfileData's insides (internal to entente): the panel's column layout,
// the dyad-year rows, the evidence index for citations, and the scoring
// helpers shared by the builder, the queries and the store.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "entente/profile.h"
#include "ingest/profile_sources.h"

namespace entente {
namespace profile_internal {

// Panel columns: the indicators in catalogue order (ProfileIndicators()),
// then what the builder derives. Directed indicators are stored for the
// dyad's lower COW code as side a.
enum Column : int {
  // economic
  kTradeTotal,
  kTradeDependenceA,
  kTradeDependenceB,
  kTradeAsymmetryA,
  kTradeAsymmetryB,
  kPartnerRankA,
  kPartnerRankB,
  kArmsShareA,
  kArmsShareB,
  // diplomatic
  kUnAgreement,
  kUnIdealDistance,
  kIgoShared,
  kAtopConsultationPact,
  kPartnershipLevel,
  kUnscJointVetoes,
  // personal
  kLeaderMeetings,
  kLeaderMeetingsInPerson,
  kTenureOverlap,
  // military
  kMilitaryLevel,
  kMilitaryGrade,
  kAtopDefensePact,
  // incentives
  kCincA,
  kCincB,
  kLeaderSuperiority,
  kLeaderHostilityA,
  kLeaderHostilityB,
  kSharedThreat,
  // hurdles
  kContiguity,
  kPastMidYears,
  kPastMaxHostility,
  kRivalryHistory,
  kIndicatorCount,
  // derived
  kMidHostilityYear = kIndicatorCount,  // this year's highest MID hostility (0 none)
  kRivalryActive,                       // 1 active Thompson-Dreyer rivalry, 0 none
  kCommonDefence,                       // 1 Korolev's common_defence criterion met
  kIndexFirst,                          // + ProfileDimension
  kComposite = kIndexFirst + kProfileDimensionCount,
  kCompositeDimensions,
  kClass,
  kRank,
  kRankedDyads,
  kEvidenceBits,  // bit i: indicator column i came from an evidence file this year
  kColumnCount,
};
static_assert(kIndicatorCount <= 31, "evidence bits must fit a float's exact integers");

using Row = std::array<float, kColumnCount>;
inline constexpr float kMissing = std::numeric_limits<float>::quiet_NaN();
inline bool Present(float v) {
  return !std::isnan(v);
}

inline Row EmptyRow() {
  Row row;
  row.fill(kMissing);
  return row;
}

inline std::uint32_t DyadKey(int a, int b) {
  return a < b ? static_cast<std::uint32_t>(a) * 1000u + static_cast<std::uint32_t>(b)
               : static_cast<std::uint32_t>(b) * 1000u + static_cast<std::uint32_t>(a);
}

// One dyad's rows for the years first_year .. first_year + rows.size() - 1;
// years in which either was not a COW member have kClass missing and
// everything else missing too.
struct DyadSeries {
  int first_year = 0;
  std::vector<Row> rows;
  const Row* At(int year) const {
    const int i = year - first_year;
    return i >= 0 && i < static_cast<int>(rows.size()) ? &rows[i] : nullptr;
  }
};

// The 0-100 score of indicator column `column` from its raw value (nullopt
// when missing or when the indicator is not scored). docs/profile.md.
std::optional<double> ScoreIndicator(int column, float raw);

// Fills the index columns, composite, class from the indicator columns.
void DeriveIndices(Row& row);

// The class and the rule that fired, from a row's columns.
AlignmentClass Classify(const Row& row, std::string* rule);

// Every non-military evidence file under `evidence_dir` (economic/,
// diplomatic/, personal/), validated; kept for the citations of the values
// shown (EvidenceRefs).
struct ProfileEvidence {
  std::vector<internal::MeetingRow> meetings;
  std::vector<internal::MeetingCoverage> meeting_coverage;
  std::vector<internal::LeaderSpell> leaders;  // leaders.csv, after Archigos
  std::vector<internal::EvidenceRow> leader_rows;
  std::vector<internal::TradeEvidenceRow> trade;
  std::vector<internal::PartnershipRow> partnerships;
  std::vector<internal::VetoRow> vetoes;
};
Result<ProfileEvidence> LoadProfileEvidence(const CountryRegistry& countries,
                                            const std::string& evidence_dir);

// Writes the evidence-based values into a dyad's series (a < b) and marks
// them in kEvidenceBits. Values from datasets take precedence: evidence
// fills only cells the datasets leave missing.
void ApplyEvidence(const ProfileEvidence& evidence, int a, int b, DyadSeries& series);

// The evidence rows behind column `column` of dyad a-b (a < b) in `year`.
std::vector<ProfileEvidenceRef> EvidenceRefs(const ProfileEvidence& evidence, int a, int b,
                                             int year, int column);

// The trade-evidence rows of dyad a-b (a < b) in `year` that no indicator
// took its value from.
std::vector<ProfileEvidenceFact> UnscoredEvidence(const ProfileEvidence& evidence, int a, int b,
                                                  int year, const Row& row);

// SHA-256 over every *.csv under `evidence_dir` and *.toml under
// `frameworks_dir` (paths relative, sorted, with their bytes): what a stored
// panel must be rebuilt after changing.
Result<std::string> InputsDigest(const std::string& evidence_dir,
                                 const std::string& frameworks_dir);

// Dyads (a < b) that appear in any evidence file, and every pair of states
// in the veto file: sorted and unique, for the builder.
std::vector<std::uint32_t> EvidenceDyads(const ProfileEvidence& evidence);

}  // namespace profile_internal

struct ProfileData::Impl {
  YearRange years{0, -1};
  ProfileDataOptions options;
  // In memory: every dyad's series.
  std::unordered_map<std::uint32_t, profile_internal::DyadSeries> dyads;
  std::int64_t dyad_years = 0;
  profile_internal::ProfileEvidence evidence;
  // Stored: the store holding the panel (nullptr when built in memory).
  Store* store = nullptr;
  // SHA-256 over the evidence and framework files the panel was built from.
  std::string inputs_digest;
  std::string stale_reason;
  // Fetches one dyad's series (from memory or the store); nullptr when none.
  // `scratch` holds a series read from the store.
  const profile_internal::DyadSeries* Series(std::uint32_t key,
                                             profile_internal::DyadSeries& scratch,
                                             Status& status) const;
};

}  // namespace entente
