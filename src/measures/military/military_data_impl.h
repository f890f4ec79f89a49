// MilitaryData's insides and the per-dyad scoring core, shared by scoring,
// --explain and the panel writer (internal to entente).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "entente/military.h"
#include "ingest/military_sources.h"

namespace entente {

// Coverage of the counter-evidence datasets (../shared/data/README.md).
inline constexpr int kMidFirstYear = 1816;
inline constexpr int kMidLastYear = 2014;
inline constexpr int kRivalryFirstYear = 1494;
inline constexpr int kRivalryLastYear = 2010;

struct MilitaryDyadRange {
  std::uint32_t fact_begin = 0, fact_end = 0;
  std::uint32_t mid_begin = 0, mid_end = 0;
  std::uint32_t rivalry_begin = 0, rivalry_end = 0;
  std::uint32_t coverage_begin = 0, coverage_end = 0;
};

struct MilitaryData::Impl {
  std::vector<MilitarySourceReport> reports;
  // Sorted by (ccode_a, ccode_b); each dyad's slice indexed in `dyads`.
  std::vector<internal::MilitaryFact> facts;
  std::vector<internal::MilitaryDetail> details;
  std::vector<internal::MidYear> mids;
  std::vector<internal::RivalrySpan> rivalries;
  std::vector<internal::EvidenceCoverage> coverage;
  std::unordered_map<std::uint32_t, MilitaryDyadRange> dyads;
  std::array<bool, kMilitarySourceCount> loaded{};  // kTeam: evidence files read
  bool mids_loaded = false;
  bool rivalries_loaded = false;

  static std::uint32_t Key(int a, int b) {
    return static_cast<std::uint32_t>(a) * 1000u + static_cast<std::uint32_t>(b);
  }
  // The slices for the dyad (a, b) in either order, or nullptr.
  const MilitaryDyadRange* Find(int a, int b) const {
    auto it = dyads.find(a < b ? Key(a, b) : Key(b, a));
    return it == dyads.end() ? nullptr : &it->second;
  }
};

namespace military_internal {

inline constexpr int kYearLo = internal::kMilitaryFirstYear;
inline constexpr int kYearHi = internal::kMilitaryLastYear;
inline constexpr int kYears = kYearHi - kYearLo + 1;

// One criterion's years for one dyad: met (and by which evidence), covered
// by some source that would have recorded it.
struct CriterionTrack {
  std::array<std::uint8_t, kYears> met{};
  std::array<std::uint8_t, kYears> covered{};
  std::array<std::int16_t, kYears> since{};  // first year of the met run; 0 when not met
};

// What the scorer needs about a dyad besides its criteria: SIPRI by year.
struct SipriYear {
  double tiv_ab = 0;  // ccode_a -> ccode_b (a < b)
  double tiv_ba = 0;
  std::uint32_t classes = 0;
  int rows = 0;  // delivery rows (some carry TIV 0: under 0.5 million)
};

struct DyadTracks {
  std::vector<CriterionTrack> criteria;  // indexed like framework.criteria
};

// Does `fact` count as evidence for `criterion` through `selector`, before
// thresholds that need the whole year (SIPRI)?
bool SelectorMatches(const MilitaryEvidenceSelector& selector,
                     const MilitaryFrameworkCriterion& criterion,
                     const internal::MilitaryFact& fact);

// The years a fact keeps the criterion met: [first, last] inclusive, clamped
// to [kYearLo, kYearHi].
std::pair<int, int> EffectiveSpan(const MilitaryFrameworkCriterion& criterion, int first_year,
                                  int last_year, bool open_ended);

// Fills `out` for the dyad (a, b) with a < b (range may be null: no data).
void ComputeTracks(const MilitaryData::Impl& data, const MilitaryFramework& framework, int a, int b,
                   const MilitaryDyadRange* range, DyadTracks& out);

// SIPRI deliveries of the dyad by year (index year - kYearLo), a < b.
void SipriByYear(const MilitaryData::Impl& data, const MilitaryDyadRange* range,
                 std::vector<SipriYear>& out);

// Stage, level, level_max and grade from the criteria statuses of one year.
void ScoreLevels(const MilitaryFramework& framework, MilitaryYearScore& score);

// The year's criterion statuses from the tracks.
void FillCriteria(const DyadTracks& tracks, int year, MilitaryYearScore& score);

// Counter-evidence for a dyad-year; a < b.
void FillCounterEvidence(const MilitaryData::Impl& data, const MilitaryDyadRange* range, int year,
                         MilitaryYearScore& score);

}  // namespace military_internal
}  // namespace entente
