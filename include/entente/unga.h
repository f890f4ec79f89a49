// UN General Assembly roll-call data: import from the three public formats
// and load for the vote measures.
//
// Formats (recognised by their header row, whatever the file is called):
//  - Voeten long:   rcid,session,year,ccode,member,vote  (COW codes; 1 yes,
//                   2 abstain, 3 no, 8 absent, 9 non-member)
//  - unvotes long:  rcid,country,country_code,vote  (ISO2 or name; yes/no/abstain)
//  - roll calls:    rcid,session,importantvote,date,unres,amend,para,short,descr
//  - issue tags:    rcid,short_name,issue  (me nu di hr co ec)
//  - wide:          rcid,date,me,nu,di,hr,co,ec,AFG,AGO,...  (ISO3 columns, Voeten codes)
// How they combine is in docs/METHODS.md ("Combining the UNGA sources").
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "entente/countries.h"
#include "entente/status.h"
#include "entente/store.h"
#include "entente/years.h"

namespace entente {

enum class UngaFormat { kVoeten, kUnVotes, kRollCalls, kIssues, kWide };
const char* UngaFormatName(UngaFormat format);

// Precedence of vote sources where they overlap (lower wins).
enum class UngaSource : int { kVoeten = 1, kUnVotes = 2, kWide = 3 };

// Called with (units done, units total) while work proceeds.
using ProgressFn = std::function<void(std::uint64_t done, std::uint64_t total)>;

struct UngaImportResult {
  ImportRecord record;
  UngaFormat format;
  bool already_imported = false;   // same sha256 imported before: nothing done
  std::int64_t discrepancies = 0;  // overlapping votes that disagreed
};

// Imports one file, plus the roll-call and issue files found beside a vote
// file when they have not been imported yet (un_roll_calls.csv,
// un_roll_call_issues.csv): votes without them have no dates or issue tags.
// Each file is one transaction with its provenance row; a bad row fails that
// file's import with file:line:column and leaves the store as it was.
Result<std::vector<UngaImportResult>> ImportUnga(Store& store, const CountryRegistry& countries,
                                                 const std::string& path,
                                                 const ProgressFn& progress = nullptr);

// The UNGA data in memory, column-wise, ready for the measures.
struct UngaVotes {
  struct RollCall {
    int rcid;
    int session;
    int year;               // calendar year of the roll call (source year when no date)
    DateKey date;           // 0 when no source gave the date
    std::int8_t important;  // 1, 0, or -1 unknown
    bool issues_coded;      // issue flags below are known
    std::uint8_t issues;    // bit i set: issue area i of kIssueAreas
  };
  std::vector<RollCall> roll_calls;  // sorted by rcid
  std::vector<int> ccodes;           // distinct COW codes, ascending
  // One entry per stored vote (absences included), sorted by roll call.
  std::vector<std::int32_t> vote_roll_call;  // index into roll_calls
  std::vector<std::int32_t> vote_country;    // index into ccodes
  std::vector<std::int8_t> vote_code;        // 1 yes, 2 abstain, 3 no, 8 absent
};

// The issue areas of the unvotes coding, in bit order.
inline constexpr const char* kIssueAreas[] = {"me", "nu", "di", "hr", "co", "ec"};
inline constexpr int kIssueAreaCount = 6;

// Loads the roll calls (and their votes) whose year falls in `years`.
Result<UngaVotes> LoadUngaVotes(Store& store, const YearRange& years);

}  // namespace entente
