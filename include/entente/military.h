// Military alignment: Korolev's ordinal criteria, scored per dyad-year from
// public datasets and from the team's cited evidence files.
//
// The pieces:
//  - MilitaryFramework: the scoring rules, read from a framework file
//    (data/frameworks/NAME.toml; format in docs/military.md): which criteria,
//    in which order and stages, what evidence satisfies each and how long a
//    criterion stays met without renewed evidence.
//  - MilitaryData: every piece of evidence, read at query time from the
//    shared datasets (ATOP, SIPRI, MME, US troops and bases, COW MIDs,
//    Thompson-Dreyer rivalries) and from data/evidence/military/*.csv. Loading
//    validates everything; one bad evidence row fails the whole load, so a
//    score is never computed from half the evidence.
//  - Scoring: per dyad-year, each criterion is met (with the year since when
//    it has been met without a break and the evidence behind it), not met,
//    or unknown (no source covers that year: never counted as not met). The
//    stage, the integer level and the finer grade follow from the framework.
//    The method and Korolev's citations are in docs/military.md.
//
// Thread safety: loaded frameworks and MilitaryData are immutable; any number
// of threads may score from them at once.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/countries.h"
#include "entente/status.h"
#include "entente/years.h"

namespace entente {

// Called with (units done, units total) while work proceeds (as in unga.h).
using ProgressFn = std::function<void(std::uint64_t done, std::uint64_t total)>;

// ---------------------------------------------------------------- vocabulary

// The criteria evidence can be coded for (docs/evidence-military.md). A
// framework picks, orders and groups them; it cannot invent new ones.
enum class MilitaryCriterion : std::uint8_t {
  kTreaty,
  kConsultations,
  kMilitaryTechnical,
  kExercises,
  kCbm,
  kIntegratedCommand,
  kTroopPlacement,
  kCommonDefence,
};
inline constexpr int kMilitaryCriterionCount = 8;

// "treaty", "consultations", "military_technical", "exercises", "cbm",
// "integrated_command", "troop_placement", "common_defence".
std::string_view MilitaryCriterionId(MilitaryCriterion criterion);
std::optional<MilitaryCriterion> ParseMilitaryCriterion(std::string_view id);

// Where evidence comes from. kTeam is data/evidence/military/*.csv.
enum class MilitarySource : std::uint8_t { kTeam, kAtop, kSipri, kMme, kUsTroops, kUsBases };
inline constexpr int kMilitarySourceCount = 6;

struct MilitarySourceInfo {
  MilitarySource source;
  std::string_view id;        // as written in framework files: "team", "atop", ...
  std::string_view path;      // relative to the shared data directory ("" for team)
  int first_year;             // coverage window: outside it the source says nothing
  int last_year;              //   (team files: per dyad, see coverage.csv)
  std::string_view citation;  // the dataset's publisher and version
};
const MilitarySourceInfo& MilitarySourceDescription(MilitarySource source);
std::optional<MilitarySource> ParseMilitarySource(std::string_view id);

// Kinds within a source that a framework can select ("atop:defense").
enum MilitaryKindBits : std::uint32_t {
  // ATOP obligations (either direction unless said otherwise).
  kAtopDefense = 1u << 0,
  kAtopOffense = 1u << 1,
  kAtopNeutral = 1u << 2,
  kAtopNonaggression = 1u << 3,
  kAtopConsultation = 1u << 4,
  kAtopDefenseMutual = 1u << 5,  // a defence obligation in both directions
  // MME exercise purposes.
  kMmeWarfighting = 1u << 0,
  kMmePeacekeeping = 1u << 1,
  kMmeHumanitarian = 1u << 2,
  // US bases (troopdata basedata flags).
  kBaseMajor = 1u << 0,
  kBaseLilypad = 1u << 1,
  kBaseFundedSite = 1u << 2,
};

// What SIPRI deliveries are, by sophistication (docs/military.md has the
// mapping from SIPRI's armament category and description).
enum ArmsClassBits : std::uint32_t {
  kArmsCombatAircraft = 1u << 0,
  kArmsAirDefence = 1u << 1,
  kArmsMissiles = 1u << 2,
  kArmsShipsSubmarines = 1u << 3,
  kArmsSensors = 1u << 4,  // radars, sonars, airborne early warning
};
// "combat_aircraft;air_defence;..." for the bits set, in the order above.
std::string ArmsClassNames(std::uint32_t bits);

// ---------------------------------------------------------------- framework

enum class MilitaryPersistence {
  kUntilEnd,  // a fact holds from its start to its end date; open-ended facts hold on
  // Evidence must recur: years with evidence whose gaps are at most
  // recur_within_years form a run; a run with at least recur_min_years
  // distinct years keeps the criterion met from its first year through
  // recur_within_years - 1 years after its last. An isolated event (a run
  // shorter than recur_min_years) does not count.
  kRecur,
};

// One entry of a criterion's `evidence = [...]` list.
struct MilitaryEvidenceSelector {
  MilitarySource source = MilitarySource::kTeam;
  // Source-specific kinds (MilitaryKindBits); for kTeam the bit of the
  // criterion whose rows count (1 << criterion). 0 = every kind.
  std::uint32_t kinds = 0;
  std::string text;  // as written, e.g. "atop:defense"
};

struct MilitaryFrameworkCriterion {
  MilitaryCriterion id = MilitaryCriterion::kTreaty;
  std::string title;
  int stage = 0;  // index into MilitaryFramework::stages
  std::vector<MilitaryEvidenceSelector> evidence;
  MilitaryPersistence holds = MilitaryPersistence::kUntilEnd;
  int recur_within_years = 1;    // kRecur only
  int recur_min_years = 1;       // kRecur only
  double sipri_min_tiv = 0;      // a SIPRI year counts when both directions sum to this
  int us_troops_min = 0;         // a troops year counts from this many active-duty troops
  int mme_max_participants = 0;  // an MME exercise counts up to this many states; 0 = any
  int line = 0;                  // where the criterion is defined
};

struct MilitaryFrameworkStage {
  std::string id;  // e.g. "moderate"
  std::string title;
  int min_met = 1;            // criteria of this stage that must be met to reach it
  std::vector<int> criteria;  // indices into MilitaryFramework::criteria
};

struct MilitaryFramework {
  std::string id;  // file name without extension, e.g. "korolev"
  std::string title;
  std::string citation;
  std::string file;                                  // where it was read from
  std::vector<MilitaryFrameworkStage> stages;        // shallow to deep
  std::vector<MilitaryFrameworkCriterion> criteria;  // ladder order, stage by stage
  // The level of a full alliance: the number of criteria.
  int max_level() const { return static_cast<int>(criteria.size()); }
  // Position of `id` in `criteria`, or -1 when the framework does not use it.
  int IndexOf(MilitaryCriterion id) const;
};

// Parses and validates a framework file's text. Every error reads
// "SOURCE:LINE: problem" (unknown criterion or source, bad number, missing
// field, a criterion in no stage or two ...). `id` names the framework.
Result<MilitaryFramework> ParseMilitaryFramework(std::string_view source_name,
                                                 std::string_view text, std::string id);

// Loads "NAME" from FRAMEWORKS_DIR/NAME.toml, or a path to a .toml file.
Result<MilitaryFramework> LoadMilitaryFramework(std::string_view name_or_path,
                                                const std::string& frameworks_dir);

// The framework names under `frameworks_dir`, sorted.
std::vector<std::string> ListMilitaryFrameworks(const std::string& frameworks_dir);

// ---------------------------------------------------------------- evidence

struct MilitaryDataOptions {
  std::string shared_data_dir;  // holds atop/, sipri/, military/, cow/, rivalries/
  std::string evidence_dir;     // data/evidence/military
  // When false, dataset files that do not exist are skipped (their criteria
  // become unknown) instead of failing the load. Evidence files must parse.
  bool require_datasets = true;
};

// What one source contributed, for `entente military --check`.
struct MilitarySourceReport {
  std::string id;    // "atop", "sipri", ..., "mids", "rivalries", "team"
  std::string file;  // path read ("" when skipped)
  std::int64_t rows_read = 0;
  std::int64_t rows_used = 0;
  std::string note;  // what was skipped and why, names that could not be mapped
};

class MilitaryData {
 public:
  // Reads every source. Any malformed row, unknown country, bad date, unknown
  // criterion or missing citation in an evidence file is an error naming the
  // file and line, and nothing is loaded.
  static Result<MilitaryData> Load(const CountryRegistry& countries,
                                   const MilitaryDataOptions& options,
                                   const ProgressFn& progress = nullptr);

  MilitaryData(MilitaryData&&) noexcept;
  MilitaryData& operator=(MilitaryData&&) noexcept;
  ~MilitaryData();

  const std::vector<MilitarySourceReport>& reports() const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit MilitaryData(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// ---------------------------------------------------------------- scoring

enum class CriterionStatus : std::uint8_t { kUnknown, kNotMet, kMet };

struct MilitaryCriterionYear {
  CriterionStatus status = CriterionStatus::kUnknown;
  int since = 0;  // kMet: first year of the unbroken run of met years; else 0
};

struct MilitaryYearScore {
  int year = 0;
  int ccode_a = 0;  // the dyad's COW codes in that year (in the order asked)
  int ccode_b = 0;
  int stage = -1;  // deepest stage reached (index into framework.stages), -1 none
  // The ladder position: every stage reached below the last counts with
  // all its criteria, then the criteria met in the next stage (the first not
  // reached, or the last) are added one by one; 0 when nothing is met and
  // framework.max_level() for a full alliance. A lower bound when criteria
  // are unknown; level_max treats every unknown criterion as met.
  int level = 0;
  int level_max = 0;
  // The share of the framework's criteria met, whatever their order (0..1):
  // separates dyads on one level and shows deep criteria met out of order.
  double grade = 0;
  // Indexed like framework.criteria.
  std::vector<MilitaryCriterionYear> criteria;
  // SIPRI TIV (millions) delivered a->b and b->a; nullopt outside 1995-2024.
  std::optional<double> tiv_ab;
  std::optional<double> tiv_ba;
  std::uint32_t arms_classes = 0;  // ArmsClassBits delivered either way this year
  // Counter-evidence: the highest MID hostility level (0 none; nullopt outside
  // 1816-2014) and the Thompson-Dreyer rivalry types active ("" none; nullopt
  // outside 1494-2010).
  std::optional<int> mid_hostlev;
  std::optional<std::string> rivalry;
};

// Scores the dyad a-b for every year in `years` (one entry per year, in
// order). The COW codes follow each country's lineage year by year.
// REQUIRES: a and b are different countries with COW codes.
std::vector<MilitaryYearScore> ScoreMilitaryDyad(const MilitaryData& data,
                                                 const CountryRegistry& countries,
                                                 const MilitaryFramework& framework,
                                                 const Country& a, const Country& b,
                                                 YearRange years);

// The columns describing a scored dyad-year, after the dyad's own (year, or
// ccode1,ccode2,year): framework, stage, level, level_max, grade,
// criteria_met, criteria_unknown, one CRITERION_since per criterion id
// (empty when not met or not in the framework), tiv_ab, tiv_ba,
// arms_classes, mid_hostlev, rivalry ("none" when known to be none).
std::vector<std::string> MilitaryScoreColumns();
// The stage reached, or "none".
std::string MilitaryStageName(const MilitaryFramework& framework, const MilitaryYearScore& score);
// The ids of the framework's criteria with `status` that year, joined by ';'.
std::string MilitaryCriteriaList(const MilitaryFramework& framework, const MilitaryYearScore& score,
                                 CriterionStatus status);

// One piece of evidence behind a criterion, for --explain.
struct MilitaryExplainRow {
  std::string criterion;  // criterion id
  // e.g. "met 2005-2025; not met 1991-2004", then, for met years that add
  // nothing to the level, which stage is not reached and why ("Not counted
  // in the level in 1950-1979: the moderate stage is not reached (...)").
  std::string status;
  std::string source;    // "team", "atop", ...
  std::string date;      // start (as written, or a year)
  std::string end_date;  // end ("" when open or the same)
  std::string kind;
  std::string name;
  std::string detail;  // the description, or what the dataset says
  std::string publisher;
  std::string title;
  std::string published;
  std::string url;
  std::string reference;  // FILE:LINE of the row or rows
  bool counted = false;   // true when it keeps the criterion met in a year asked for
};

// Every criterion of `framework`, in ladder order, with the evidence that
// keeps it met in some year of `years` (sorted by date); SIPRI items below
// the framework's TIV threshold are listed with counted = false. A
// criterion without evidence gets one row with only its status.
std::vector<MilitaryExplainRow> ExplainMilitaryDyad(const MilitaryData& data,
                                                    const CountryRegistry& countries,
                                                    const MilitaryFramework& framework,
                                                    const Country& a, const Country& b,
                                                    YearRange years);

struct MilitaryPanelOptions {
  YearRange years{1946, 2024};
  // Dyads written so far and in all (for a progress bar); may be empty.
  ProgressFn progress = nullptr;
};

// Writes the dyad-year panel as CSV: every pair of COW system members in
// each year of `options.years`, for each framework, sorted by ccode1 <
// ccode2, year, framework. Returns the number of rows written.
Result<std::int64_t> WriteMilitaryPanelCsv(const MilitaryData& data,
                                           const CountryRegistry& countries,
                                           const std::vector<const MilitaryFramework*>& frameworks,
                                           const MilitaryPanelOptions& options, std::ostream& out);

}  // namespace entente
