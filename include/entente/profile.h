// The dyad profile: economic, diplomatic, personal and military alignment,
// the incentives that push a pair together and the hurdles that hold it
// back, per dyad-year, with every number traceable to its source.
//
// The pieces:
//  - ProfileData: the panel of every indicator for every pair of COW system
//    members in every year of its range, built once from the shared datasets
//    (COW trade, IGO, NMC, contiguity, MIDs, Thompson-Dreyer rivalries, ATOP,
//    SIPRI, Archigos), the UN votes in the store and the team's cited
//    evidence files (data/evidence/{economic,diplomatic,personal,military}).
//    Or read back from the store, where `entente import profile` saved it
//    (migration 3): one dyad's rows are an indexed lookup.
//  - ProfileDyad: one dyad over a year range: each indicator's raw value and
//    0-100 score with its source, one index per dimension, the composite,
//    the classification with the rule that decided it, the dyad's rank among
//    all dyads that year, and trends (OLS slope with a bootstrap interval).
//  - RankDyads: all dyads of one year ranked on a dimension or the composite.
// Formulas, anchors and citations: docs/profile.md.
//
// Missing means missing: an indicator outside its sources' coverage is
// nullopt, never 0; an index averages the scores present and is nullopt when
// none is; the composite needs two alignment dimensions.
//
// Thread safety: a ProfileData built in memory is immutable and may be
// shared by any number of threads. One opened on a Store uses that Store and
// must be used from one thread at a time, like the Store.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/countries.h"
#include "entente/ideal_points.h"
#include "entente/status.h"
#include "entente/store.h"
#include "entente/years.h"

namespace entente {

// ---------------------------------------------------------------- vocabulary

// The dimensions. The first four are alignment and make the composite;
// incentives and hurdles explain it and stay out of it.
enum class ProfileDimension : std::uint8_t {
  kEconomic,
  kDiplomatic,
  kPersonal,
  kMilitary,
  kIncentives,
  kHurdles,
};
inline constexpr int kProfileDimensionCount = 6;
inline constexpr int kAlignmentDimensionCount = 4;  // economic .. military
// "economic", "diplomatic", "personal", "military", "incentives", "hurdles".
std::string_view ProfileDimensionId(ProfileDimension dimension);
std::optional<ProfileDimension> ParseProfileDimension(std::string_view id);

// The seeds' outcome categories (shared METHODS.md section 2), deepest last.
enum class AlignmentClass : std::uint8_t {
  kUnknown,  // too little data to decide
  kRivalry,
  kLimitedCooperation,
  kStrategicPartnership,  // strategic partnership or soft balancing
  kAllianceLikeAlignment,
  kFormalAlliance,
};
// "unknown", "rivalry", "limited_cooperation", "strategic_partnership",
// "alliance_like_alignment", "formal_alliance".
std::string_view AlignmentClassId(AlignmentClass c);

// One indicator's definition (the catalogue is fixed; docs/profile.md).
struct ProfileIndicatorInfo {
  std::string_view id;  // e.g. "trade_dependence_a"
  ProfileDimension dimension;
  std::string_view title;
  std::string_view unit;      // of the raw value
  std::string_view scale;     // how the raw value maps to 0-100
  std::string_view directed;  // "" undirected; "a" or "b": the side it describes
  std::string_view mirror;    // directed: the id of the same indicator for the other side
  bool in_index;              // counts in its dimension's index
  std::string_view sources;   // dataset(s) and evidence file(s)
};
const std::vector<ProfileIndicatorInfo>& ProfileIndicators();

// ---------------------------------------------------------------- results

// A cited evidence row behind a value.
struct ProfileEvidenceRef {
  std::string reference;  // FILE:LINE
  std::string date;
  std::string what;  // e.g. "Xi Jinping - Vladimir Putin, Moscow, state_visit"
  std::string publisher;
  std::string title;
  std::string published;
  std::string url;
};

struct ProfileIndicatorValue {
  std::string id;  // ProfileIndicatorInfo::id, with a/b as asked (a = first country)
  ProfileDimension dimension = ProfileDimension::kEconomic;
  std::optional<double> value;  // raw, in the indicator's unit; nullopt = missing
  std::optional<double> score;  // 0..100; nullopt when missing or not scored
  std::string source;           // what gave the value this year ("COW trade 4.0", "evidence")
  std::vector<ProfileEvidenceRef> evidence;
};

// A cited value from the evidence files that no indicator scores (energy
// trade, settlement-currency shares, technology exports, a second reporter's
// figure ...), listed beside the indicators of its dyad-year.
struct ProfileEvidenceFact {
  std::string indicator;  // as the file names it; "1"/"2" follow the file's dyad order
  std::string file_dyad;  // that order, e.g. "CHN-RUS"
  double value = 0;
  std::string unit;
  std::string reporter;
  ProfileEvidenceRef source;
};

struct ProfileYear {
  int year = 0;
  int ccode_a = 0;  // the COW codes that year, in the order asked
  int ccode_b = 0;
  // Indexed by ProfileDimension; each 0..100 or nullopt.
  std::array<std::optional<double>, kProfileDimensionCount> index{};
  std::optional<double> composite;  // mean of the alignment indices present (>= 2)
  int composite_dimensions = 0;     // how many went into it
  AlignmentClass alignment = AlignmentClass::kUnknown;
  std::string rule;  // the classification rule that fired, in words
  // Rank of the composite among every dyad with one that year (1 = most
  // aligned), and how many dyads had one. nullopt when the dyad has none.
  std::optional<int> rank;
  int ranked_dyads = 0;
  std::vector<ProfileIndicatorValue> indicators;    // catalogue order
  std::vector<ProfileEvidenceFact> evidence_facts;  // in file order
};

// The trend of one series over the years asked: OLS slope (points per year)
// and a 95% percentile bootstrap interval from resampling the years.
struct ProfileTrend {
  std::string series;  // a dimension id or "composite"
  int years_used = 0;  // years with a value
  std::optional<double> slope;
  std::optional<double> ci_low;
  std::optional<double> ci_high;
};

struct DyadProfile {
  const Country* a = nullptr;  // owned by the registry
  const Country* b = nullptr;
  YearRange years;
  std::vector<ProfileYear> rows;  // one per year asked in which both were COW members
  std::vector<ProfileTrend> trends;
  std::string classification_rules;  // the whole rule set, for display
};

struct RankRow {
  int rank = 0;
  int ccode_a = 0;  // ccode_a < ccode_b
  int ccode_b = 0;
  double value = 0;  // the ranked dimension's index or the composite
  std::array<std::optional<double>, kProfileDimensionCount> index{};
  std::optional<double> composite;
  AlignmentClass alignment = AlignmentClass::kUnknown;
};

// ---------------------------------------------------------------- data

struct ProfileDataOptions {
  std::string shared_data_dir;  // holds cow/, atop/, sipri/, leaders/, rivalries/ ...
  std::string evidence_dir;    // data/evidence (holds economic/, diplomatic/, personal/, military/)
  std::string frameworks_dir;  // data/frameworks (the military framework, korolev)
  YearRange years{1946, 2025};  // the panel's years
  // The UN votes come from here (nullptr: diplomatic UN indicators missing).
  Store* store = nullptr;
  // UN ideal points for the distance indicators (un_idealpoint_distance and
  // the UN part of the leading power's hostility). When nullptr and
  // fit_ideal_points is set, Build fits them from the store's votes (a few
  // seconds, docs/ideal_points.md); otherwise those use vote agreement or
  // stay missing. Session s is taken as year 1945 + s.
  const IdealPointFit* ideal_points = nullptr;
  bool fit_ideal_points = false;
  // Bootstrap replicates for trends, and their seed.
  int bootstrap_replicates = 2000;
  std::uint64_t bootstrap_seed = 20131;
};

using ProfileProgressFn = std::function<void(std::uint64_t done, std::uint64_t total)>;

class ProfileData {
 public:
  // Reads every source and computes the whole panel. Any malformed row in a
  // dataset or evidence file is an error naming file, line, column and value,
  // and nothing is built.
  static Result<ProfileData> Build(const CountryRegistry& countries,
                                   const ProfileDataOptions& options,
                                   const ProfileProgressFn& progress = nullptr);

  // Uses the panel saved in `store` (SaveProfilePanel). Nothing is read until
  // a query; each query reads only the rows it needs. The evidence files are
  // re-read for the citations of the rows shown. kNotFound when the store has
  // no panel (run `entente import profile`).
  static Result<ProfileData> OpenStored(Store& store, const CountryRegistry& countries,
                                        const ProfileDataOptions& options);

  ProfileData(ProfileData&&) noexcept;
  ProfileData& operator=(ProfileData&&) noexcept;
  ~ProfileData();

  YearRange years() const;
  // Dyad-years in the panel.
  std::int64_t size() const;
  // For a stored panel: why it no longer matches its inputs (the evidence
  // files or frameworks changed since `entente import profile`), or "" when
  // it does. Always "" for a panel built in memory.
  const std::string& stale_reason() const;

  struct Impl;
  const Impl& impl() const { return *impl_; }
  Impl& mutable_impl() { return *impl_; }

 private:
  explicit ProfileData(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The profile of a-b over `years` (clamped to the panel's). Errors: usage
// when a == b or either has no COW code.
Result<DyadProfile> ProfileDyad(const ProfileData& data, const CountryRegistry& countries,
                                const Country& a, const Country& b, YearRange years);

// Every dyad of `year` with a value on `dimension` (nullopt: the composite),
// highest first, ties broken by ccode; the first `top` (0 = all).
Result<std::vector<RankRow>> RankDyads(const ProfileData& data, int year,
                                       std::optional<ProfileDimension> dimension, int top);

// Writes the in-memory panel into the store's profile tables, replacing any
// earlier panel, in one transaction with a provenance row. Returns the rows.
Result<std::int64_t> SaveProfilePanel(Store& store, const ProfileData& data);

// One evidence file as read and validated, for `entente profile --check`.
struct ProfileEvidenceFileReport {
  std::string file;  // relative to the evidence folder, e.g. "personal/leader_meetings.csv"
  std::int64_t rows = 0;
  std::string note;  // what the rows are ("" when the file is absent: then rows is 0)
};

// Reads and validates every non-military evidence file under `evidence_dir`
// exactly as Build does (the military files are MilitaryData's) and counts
// the rows. The first bad row is an error naming file, line, column and value.
Result<std::vector<ProfileEvidenceFileReport>> CheckProfileEvidence(
    const CountryRegistry& countries, const std::string& evidence_dir);

// The classification rules in words (also in DyadProfile::classification_rules).
std::string ProfileClassificationRules();

}  // namespace entente
