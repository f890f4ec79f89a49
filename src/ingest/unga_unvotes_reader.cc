// Reader of the unvotes long file: rcid,country,country_code,vote (ISO2 codes,
// yes/no/abstain; absences are not in this file).
#include "ingest/unga_parsed.h"

namespace entente::internal {
namespace {

enum Column { kRcid, kCountry, kCode, kVote, kColumns };

std::int8_t VoteFromWord(std::string_view word) {
  if (word == "yes") return 1;
  if (word == "abstain") return 2;
  if (word == "no") return 3;
  return 0;
}

}  // namespace

Result<ParsedUnga> ReadUnVotes(CsvReader& csv, const CountryRegistry& countries,
                               const RollCallDateFn& date_of, const ProgressFn& progress) {
  ParsedUnga out{UngaFormat::kUnVotes, {}, {}, {}, 0, 0, {}};
  while (csv.Next()) {
    ++out.rows_read;
    if (csv.size() != kColumns) {
      return csv.RecordError("expected 4 fields (rcid,country,country_code,vote), found " +
                             std::to_string(csv.size()) + " (is the file truncated?)");
    }
    long long rcid;
    if (!ParseInt(csv.field(kRcid), rcid) || rcid <= 0) {
      return csv.ErrorAt(kRcid, "rcid must be a positive integer");
    }
    DateKey date = date_of(static_cast<int>(rcid));
    if (date == 0) {
      return csv.ErrorAt(kRcid,
                         "roll call not described: import un_roll_calls.csv (it gives each roll "
                         "call's date) before this file");
    }
    std::optional<int> ccode;
    if (!csv.field(kCode).empty()) {
      ccode = countries.CcodeForIso2(csv.field(kCode), date);
      if (!ccode) return csv.ErrorAt(kCode, "unknown ISO2 country code on this roll call's date");
    } else {
      auto country = countries.Find(csv.field(kCountry));
      if (!country.ok()) return csv.ErrorAt(kCountry, country.status().message());
      ccode = countries.CcodeOn(**country, date);
      if (!ccode) ccode = (*country)->ccode;
      if (*ccode == 0) return csv.ErrorAt(kCountry, "country has no COW code");
    }
    std::int8_t vote = VoteFromWord(csv.field(kVote));
    if (vote == 0) return csv.ErrorAt(kVote, "vote must be yes, no or abstain");
    out.votes.push_back({static_cast<std::int32_t>(rcid), static_cast<std::int32_t>(*ccode), vote,
                         static_cast<std::uint32_t>(csv.line())});
    ReportBytes(progress, csv, out.rows_read);
  }
  if (!csv.status().ok()) return csv.status();
  if (out.rows_read == 0) {
    return Status::Data(csv.source_name() + ":2:1: the file has a header but no rows");
  }
  if (Status s = CheckNoDuplicateVotes(csv.source_name(), out.votes); !s.ok()) return s;
  return out;
}

}  // namespace entente::internal
