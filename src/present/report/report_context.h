// Internal to the report: what every section builder reads (the inputs, the
// dyads and their measures) and what it adds to (charts, notes).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "entente/beliefs.h"
#include "entente/countries.h"
#include "entente/dyad_votes.h"
#include "entente/ideal_points.h"
#include "entente/military.h"
#include "entente/profile.h"
#include "entente/report.h"
#include "entente/store.h"
#include "entente/unga.h"

namespace entente::report {

// Every measure of one dyad over the report's years, keyed by year; a year a
// source says nothing about has no entry (or a NaN measure), never a 0.
struct DyadMeasures {
  const Country* a = nullptr;
  const Country* b = nullptr;
  std::string label;  // "China - Russia"
  std::string key;    // "CHN-RUS"
  // UN votes (all roll calls, calendar years); absent years have no entry.
  std::map<int, VoteSimilarity> votes;
  // Ideal-point distance by the calendar year its session opened.
  std::map<int, IdealPointDistance> ideal_distance;
  // Military scores, one per year of the military window (may be empty).
  std::vector<MilitaryYearScore> military;
  // Beliefs: set when both sides have coded speeches; otherwise why not.
  std::optional<BeliefsResult> beliefs;
  std::string beliefs_missing;
  // Economic, diplomatic, personal, composite, classification (issue 4).
  std::optional<DyadProfile> profile;
  std::string profile_missing;
};

// A section of the page: an anchor, a heading and its HTML.
struct Section {
  std::string id;
  std::string title;
  std::string html;
};

struct ReportContext {
  Store* store = nullptr;
  const CountryRegistry* countries = nullptr;
  const ReportOptions* options = nullptr;
  YearRange years;
  std::vector<int> year_list;  // years.first .. years.last

  // Loaded once, shared by every dyad.
  std::optional<UngaVotes> votes;  // empty when the store holds no roll calls
  std::optional<IdealPointFit> fit;
  std::map<int, int> session_year;  // session -> the year it opened (1945 + session)
  std::string ideal_points_missing;
  std::optional<MilitaryData> military_data;
  std::optional<MilitaryFramework> framework;
  YearRange military_years;
  bool corpus_coded = false;
  std::optional<ProfileData> profile_data;
  std::string profile_missing;  // why there is no profile panel
  std::string profile_source;   // "the panel stored in ..." or "built from the datasets"

  std::vector<DyadMeasures> dyads;  // [0] is the report's dyad, then --compare

  // Output.
  std::vector<ReportChart> charts;
  std::vector<std::string> notes;
};

// "Country (ISO3)".
std::string CountryLabel(const Country& c);

}  // namespace entente::report
