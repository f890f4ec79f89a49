// What the UNGA readers produce before anything touches the store (internal).
//
// Reading is split from writing so that a file is validated whole before the
// store changes: a bad row anywhere means nothing is written.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/csv_reader.h"
#include "entente/countries.h"
#include "entente/unga.h"

namespace entente::internal {

struct ParsedVote {
  std::int32_t rcid;
  std::int32_t ccode;
  std::int8_t vote;  // 1 yes, 2 abstain, 3 no, 8 absent
  std::uint32_t line;
};

struct ParsedRollCall {
  int rcid = 0;
  int session = 0;   // 0 when the file does not say
  DateKey date = 0;  // 0 when the file does not say
  int year = 0;      // the file's own year column, 0 when none
  std::int8_t important = -1;
  bool issues_coded = false;
  std::uint8_t issues = 0;
  std::uint32_t line = 0;
};

struct ParsedUnga {
  UngaFormat format;
  std::vector<ParsedVote> votes;
  std::vector<ParsedRollCall> roll_calls;                // one per rcid
  std::vector<std::pair<int, std::uint8_t>> issue_tags;  // issues file: (rcid, bit)
  std::int64_t rows_read = 0;
  std::int64_t rows_skipped = 0;  // e.g. non-member codes, which are not stored
  std::string note;
};

// Returns the date of a roll call known so far (store or companion file), or 0.
using RollCallDateFn = std::function<DateKey(int rcid)>;

// Recognises the format from the header row; error names the file and line 1.
Result<UngaFormat> DetectUngaFormat(const CsvReader& header_row);

// Each reader is handed a CsvReader positioned after the header row.
Result<ParsedUnga> ReadVoeten(CsvReader& csv, const CountryRegistry& countries,
                              const ProgressFn& progress);
Result<ParsedUnga> ReadUnVotes(CsvReader& csv, const CountryRegistry& countries,
                               const RollCallDateFn& date_of, const ProgressFn& progress);
Result<ParsedUnga> ReadRollCalls(CsvReader& csv, const ProgressFn& progress);
Result<ParsedUnga> ReadIssues(CsvReader& csv, const ProgressFn& progress);
Result<ParsedUnga> ReadWide(CsvReader& csv, const CountryRegistry& countries,
                            const ProgressFn& progress);

// Fails when two votes share (rcid, ccode), naming both lines. Sorts `votes`.
Status CheckNoDuplicateVotes(const std::string& file, std::vector<ParsedVote>& votes);

// Parses "YYYY-MM-DD" into a DateKey; false when malformed.
bool ParseIsoDate(std::string_view text, DateKey& out);

// The regular UNGA session in progress on `date` (sessions open in
// September: session N runs from September of 1945+N; the first session
// opened in January 1946).
int SessionOfDate(DateKey date);

// Reports bytes read so far, every 16,384 rows (cheap enough for the hot loop).
inline void ReportBytes(const ProgressFn& progress, const CsvReader& csv, std::int64_t rows) {
  if (progress && (rows & 0x3FFF) == 0) progress(csv.offset(), csv.total_size());
}

}  // namespace entente::internal
