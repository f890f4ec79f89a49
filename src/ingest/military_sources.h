// Readers of the sources of military evidence (internal to entente): one
// reader per file format, each taking the file's text so tests can feed it
// strings. Every reader validates every row; an error names the file, the
// line, the column and the value. Rows a reader deliberately leaves out
// (non-state actors in SIPRI, territories among US troop hosts, ...) are
// counted in the report's note, never silently dropped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entente/countries.h"
#include "entente/military.h"
#include "entente/status.h"

namespace entente::internal {

// Appends `item` to `out`, after `separator` unless `out` is empty.
inline void AppendJoined(std::string& out, std::string_view separator, std::string_view item) {
  if (!out.empty()) out += separator;
  out += item;
}

// The year an open-ended fact is taken to run to when scoring.
constexpr int kMilitaryOpenEndYear = 2100;
// Years outside this range are refused in every military source.
constexpr int kMilitaryFirstYear = 1800;
constexpr int kMilitaryLastYear = 2100;

// One fact about an undirected dyad, compact because MME and ATOP yield
// hundreds of thousands. Strings live in MilitaryDetail.
struct MilitaryFact {
  std::int32_t ccode_a = 0;  // ccode_a < ccode_b
  std::int32_t ccode_b = 0;
  std::int16_t first_year = 0;
  std::int16_t last_year = 0;  // last year stated (first_year when no end is given)
  MilitarySource source = MilitarySource::kTeam;
  bool open_ended = false;  // no end date: holds on where the criterion holds until its end
  // ATOP: MilitaryKindBits obligations; MME: purpose bits; US bases: base
  // bits; SIPRI: ArmsClassBits; team: 1 << criterion.
  std::uint32_t kinds = 0;
  std::int32_t from_ccode = 0;  // SIPRI: the supplier
  float value = 0;              // SIPRI: TIV delivered; troops: count; MME: participants
  std::int32_t detail = -1;     // index into the reader's details, -1 for none
};

// What a person reads about a fact in --explain.
struct MilitaryDetail {
  std::string date;
  std::string end_date;
  std::string kind;
  std::string name;
  std::string description;
  std::string publisher;
  std::string title;
  std::string published;
  std::string url;
  std::string reference;  // FILE:LINE
};

struct MilitarySourceRead {
  std::vector<MilitaryFact> facts;
  std::vector<MilitaryDetail> details;
  MilitarySourceReport report;
};

// COW MID dyad-years and Thompson-Dreyer rivalries: counter-evidence.
struct MidYear {
  std::int32_t ccode_a = 0;  // ccode_a < ccode_b
  std::int32_t ccode_b = 0;
  std::int16_t year = 0;
  std::int8_t hostlev = 0;  // 1..5, the dyad's highest that year
};
struct RivalrySpan {
  std::int32_t ccode_a = 0;
  std::int32_t ccode_b = 0;
  std::int16_t first_year = 0;
  std::int16_t last_year = 0;
  std::string name;
  std::string types;  // "spatial;positional"
};

// A team declaration that the evidence files cover a dyad's criteria in a
// span of years, so that no row there means "not met" (coverage.csv).
struct EvidenceCoverage {
  std::int32_t ccode_a = 0;
  std::int32_t ccode_b = 0;
  std::uint32_t criteria = 0;  // 1 << MilitaryCriterion
  std::int16_t first_year = 0;
  std::int16_t last_year = 0;
};

// Maps a country name as a dataset writes it to a COW code on `date`.
// Checks entente's own small alias table first (names the registry lacks or
// resolves wrongly, e.g. MME's "st. christopher", SIPRI's "Northern Cyprus"
// which is not Cyprus), then CountryRegistry::Find. Returns 0 for names that
// are not states (organisations, rebels, territories) or cannot be mapped;
// `why` then says which.
int MilitaryNameToCcode(const CountryRegistry& countries, std::string_view name, DateKey date,
                        std::string* why);

// atop/atop5_dyad_year.csv: directed dyad-years -> undirected spans of equal
// obligations.
Result<MilitarySourceRead> ReadAtopDyadYears(std::string_view source_name, std::string_view content,
                                             const ProgressFn& progress = nullptr);

// sipri/trade_register_*.csv: 11 preamble lines, a header, rows ending in
// ';'. One fact per delivery row (value = TIV delivered that year).
Result<MilitarySourceRead> ReadSipriRegister(std::string_view source_name, std::string_view content,
                                             const CountryRegistry& countries);

// The sophistication classes (ArmsClassBits) of a SIPRI item.
std::uint32_t SipriArmsClass(std::string_view category, std::string_view description);

// military/mme_v7_exercises.csv: one detail per exercise, one fact per pair
// of participating states.
Result<MilitarySourceRead> ReadMmeExercises(std::string_view source_name, std::string_view content,
                                            const CountryRegistry& countries);

// military/us_troops_country_year.csv: one fact per host-year (value = active
// duty troops), for COW states other than the US.
Result<MilitarySourceRead> ReadUsTroops(std::string_view source_name, std::string_view content,
                                        const CountryRegistry& countries);

// military/us_bases.csv (Latin-1 or UTF-8): one fact per base, spanning the
// source's window.
Result<MilitarySourceRead> ReadUsBases(std::string_view source_name, std::string_view content,
                                       const CountryRegistry& countries);

// cow/mid_dyad_year.csv.
Result<std::vector<MidYear>> ReadMidDyadYears(std::string_view source_name,
                                              std::string_view content,
                                              MilitarySourceReport* report);

// rivalries/thompson_dreyer.csv.
Result<std::vector<RivalrySpan>> ReadRivalries(std::string_view source_name,
                                               std::string_view content,
                                               MilitarySourceReport* report);

// One evidence file of data/evidence/military (docs/evidence-military.md).
// `details` receives one entry per row; facts point into it with an offset
// of `detail_base`.
Result<MilitarySourceRead> ReadMilitaryEvidence(std::string_view source_name,
                                                std::string_view content,
                                                const CountryRegistry& countries,
                                                std::int32_t detail_base = 0);

// data/evidence/military/coverage.csv: dyad,criteria,first_year,last_year,note.
Result<std::vector<EvidenceCoverage>> ReadEvidenceCoverage(std::string_view source_name,
                                                           std::string_view content,
                                                           const CountryRegistry& countries);

// Parses a date as the evidence files write it (YYYY, YYYY-MM, YYYY-MM-DD) to
// the first and last day it can mean. False when malformed or impossible.
bool ParseEvidenceDate(std::string_view text, DateKey& first, DateKey& last);

}  // namespace entente::internal
