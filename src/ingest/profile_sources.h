// Readers of the profile's datasets and evidence files (internal to
// entente): COW dyadic and national trade, IGO dyad-years, NMC, direct
// contiguity, Archigos, and the non-military evidence files
// (docs/evidence-nonmilitary.md). Each takes the file's text so that tests
// can feed it strings; each validates every row and names file, line,
// column and value in its errors. Rows left out on purpose are counted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entente/countries.h"
#include "entente/status.h"

namespace entente::internal {

// COW codes run 2..990; dyads are keyed ccode_a < ccode_b.
inline constexpr int kCowMaxCcode = 999;

// cow/trade_dyadic_v4.csv: flow1 = imports of ccode1 from ccode2, flow2 =
// imports of ccode2 from ccode1 (current million USD); -9 = missing (kept
// as a negative value: missing, never 0).
struct CowDyadTrade {
  std::int16_t ccode_a = 0;  // ccode_a < ccode_b (flows swapped when the row has them reversed)
  std::int16_t ccode_b = 0;
  std::int16_t year = 0;
  float imports_a = -1;  // a's imports from b; < 0 missing
  float imports_b = -1;
};
Result<std::vector<CowDyadTrade>> ReadCowDyadicTrade(std::string_view source_name,
                                                     std::string_view content);

// cow/trade_state_year_v4.csv: national imports and exports (million USD).
struct CowStateTrade {
  std::int16_t ccode = 0;
  std::int16_t year = 0;
  float imports = -1;  // < 0 missing
  float exports = -1;
};
Result<std::vector<CowStateTrade>> ReadCowStateTrade(std::string_view source_name,
                                                     std::string_view content);

// cow/igo_dyad_year.csv: shared IGO memberships.
struct IgoDyadYear {
  std::int16_t ccode_a = 0;
  std::int16_t ccode_b = 0;
  std::int16_t year = 0;
  std::int16_t shared = 0;  // < 0 missing (the file's -9)
};
Result<std::vector<IgoDyadYear>> ReadIgoDyadYears(std::string_view source_name,
                                                  std::string_view content);

// cow/nmc.csv: the composite index of national capability (CINC).
struct NmcYear {
  std::int16_t ccode = 0;
  std::int16_t year = 0;
  double cinc = -1;  // < 0 missing
};
Result<std::vector<NmcYear>> ReadNmc(std::string_view source_name, std::string_view content);

// cow/contiguity_direct.csv: conttype 1 land or river border, 2..5 separated
// by at most 12, 24, 150, 400 miles of water, 0 not contiguous (the file
// states it for some periods); start and end dates.
struct ContiguitySpan {
  std::int16_t ccode_a = 0;
  std::int16_t ccode_b = 0;
  std::int8_t conttype = 0;
  DateKey start = 0;
  DateKey end = 0;
};
Result<std::vector<ContiguitySpan>> ReadContiguity(std::string_view source_name,
                                                   std::string_view content);

// leaders/archigos.csv: leaders in office (Gleditsch-Ward codes mapped to
// COW through the registry; leaders of states without a COW code skipped and
// counted in `skipped`).
struct LeaderSpell {
  std::int16_t ccode = 0;
  DateKey start = 0;
  DateKey end = 0;
  std::string leader;
  std::string reference;  // FILE:LINE
};
Result<std::vector<LeaderSpell>> ReadArchigos(std::string_view source_name,
                                              std::string_view content,
                                              const CountryRegistry& countries,
                                              std::int64_t* skipped);

// ---------------------------------------------------------------- evidence

// One cited row of an evidence file, as shown beside a value.
struct EvidenceRow {
  std::int16_t ccode_a = 0;  // the dyad as COW codes that date, a < b (0 for vetoes)
  std::int16_t ccode_b = 0;
  bool swapped = false;  // the file's side 1 is ccode_b (its ISO3 sorts first)
  DateKey date = 0;      // first day the date can mean
  int year = 0;
  std::string date_text;
  std::string what;
  std::string publisher, title, published, url;
  std::string reference;  // FILE:LINE
};

// personal/leader_meetings.csv.
struct MeetingRow {
  EvidenceRow row;
  bool virtual_meeting = false;
};
Result<std::vector<MeetingRow>> ReadLeaderMeetings(std::string_view source_name,
                                                   std::string_view content,
                                                   const CountryRegistry& countries);

// personal/coverage.csv (dyad,first_year,last_year,note): years in which the
// meeting file lists every leader meeting of the dyad, so that a year
// without rows is a known zero. Outside them counts are a lower bound.
struct MeetingCoverage {
  std::int16_t ccode_a = 0;
  std::int16_t ccode_b = 0;
  int first_year = 0;
  int last_year = 0;
};
Result<std::vector<MeetingCoverage>> ReadMeetingCoverage(std::string_view source_name,
                                                         std::string_view content,
                                                         const CountryRegistry& countries);

// personal/leaders.csv (country,leader,start,end,publisher,title,published,
// url): leaders in office after Archigos ends (2015); end empty = in office.
Result<std::vector<LeaderSpell>> ReadLeaderEvidence(std::string_view source_name,
                                                    std::string_view content,
                                                    const CountryRegistry& countries,
                                                    std::vector<EvidenceRow>* rows);

// economic/bilateral_trade.csv.
struct TradeEvidenceRow {
  EvidenceRow row;
  std::string dyad;  // as written, e.g. "CHN-RUS": the order "1" and "2" refer to
  std::string indicator;
  double value = 0;
  std::string unit;
  std::string reporter;
};
Result<std::vector<TradeEvidenceRow>> ReadTradeEvidence(std::string_view source_name,
                                                        std::string_view content,
                                                        const CountryRegistry& countries);

// diplomatic/partnerships.csv: `level_rank` is entente's ordinal reading of
// the row (docs/profile.md): 4 alliance or union treaty, 3 comprehensive
// strategic partnership, 2 strategic partnership, 1 other partnership or
// good-neighbourly treaty, 0 no stated level.
struct PartnershipRow {
  EvidenceRow row;
  std::string kind;
  std::string name;
  std::string level;
  int level_rank = 0;
};
Result<std::vector<PartnershipRow>> ReadPartnerships(std::string_view source_name,
                                                     std::string_view content,
                                                     const CountryRegistry& countries);
int PartnershipLevelRank(std::string_view kind, std::string_view level);

// diplomatic/unsc_vetoes.csv: one row per vetoed draft; `vetoed_by` holds
// the COW codes of the permanent members voting no.
struct VetoRow {
  EvidenceRow row;
  std::vector<int> vetoed_by;
};
Result<std::vector<VetoRow>> ReadVetoes(std::string_view source_name, std::string_view content,
                                        const CountryRegistry& countries);

}  // namespace entente::internal
