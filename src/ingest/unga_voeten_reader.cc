// Reader of Voeten's long UNGA file: rcid,session,year,ccode,member,vote.
#include <unordered_map>
#include <vector>

#include "ingest/unga_parsed.h"

namespace entente::internal {
namespace {

enum Column { kRcid, kSession, kYear, kCcode, kMember, kVote, kColumns };

constexpr int kVoteNonMember = 9;

bool IsVoetenVoteCode(long long code) {
  return code == 1 || code == 2 || code == 3 || code == 8 || code == kVoteNonMember;
}

}  // namespace

Result<ParsedUnga> ReadVoeten(CsvReader& csv, const CountryRegistry& countries,
                              const ProgressFn& progress) {
  ParsedUnga out{UngaFormat::kVoeten, {}, {}, {}, 0, 0, {}};
  std::unordered_map<int, std::size_t> roll_call_index;
  while (csv.Next()) {
    ++out.rows_read;
    if (csv.size() != kColumns) {
      return csv.RecordError("expected 6 fields (rcid,session,year,ccode,member,vote), found " +
                             std::to_string(csv.size()) + " (is the file truncated?)");
    }
    long long rcid, session, year, ccode, vote, member = 1;
    if (!ParseInt(csv.field(kRcid), rcid) || rcid <= 0) {
      return csv.ErrorAt(kRcid, "rcid must be a positive integer");
    }
    if (!ParseInt(csv.field(kSession), session) || session < 1 || session > 200) {
      return csv.ErrorAt(kSession, "session must be an integer from 1 to 200");
    }
    if (!ParseInt(csv.field(kYear), year) || year < 1945 || year > 2100) {
      return csv.ErrorAt(kYear, "year must be an integer from 1945 to 2100");
    }
    if (!ParseInt(csv.field(kCcode), ccode) ||
        countries.ByCcode(static_cast<int>(ccode)) == nullptr) {
      return csv.ErrorAt(kCcode, "unknown COW country code");
    }
    if (!csv.field(kMember).empty() &&
        (!ParseInt(csv.field(kMember), member) || (member != 0 && member != 1))) {
      return csv.ErrorAt(kMember, "member must be 0, 1 or empty");
    }
    if (!ParseInt(csv.field(kVote), vote) || !IsVoetenVoteCode(vote)) {
      return csv.ErrorAt(kVote,
                         "vote must be 1 (yes), 2 (abstain), 3 (no), 8 (absent) or 9 (non-member)");
    }
    auto [it, inserted] =
        roll_call_index.try_emplace(static_cast<int>(rcid), out.roll_calls.size());
    if (inserted) {
      ParsedRollCall rc;
      rc.rcid = static_cast<int>(rcid);
      rc.session = static_cast<int>(session);
      rc.year = static_cast<int>(year);
      rc.line = static_cast<std::uint32_t>(csv.line());
      out.roll_calls.push_back(rc);
    } else {
      const ParsedRollCall& rc = out.roll_calls[it->second];
      if (rc.session != session) {
        return csv.ErrorAt(kSession, "roll call " + std::to_string(rcid) + " was given session " +
                                         std::to_string(rc.session) + " on line " +
                                         std::to_string(rc.line));
      }
      if (rc.year != year) {
        return csv.ErrorAt(kYear, "roll call " + std::to_string(rcid) + " was given year " +
                                      std::to_string(rc.year) + " on line " +
                                      std::to_string(rc.line));
      }
    }
    // Non-member rows are kept until the duplicate check, then dropped.
    if (vote == kVoteNonMember) ++out.rows_skipped;
    out.votes.push_back({static_cast<std::int32_t>(rcid), static_cast<std::int32_t>(ccode),
                         static_cast<std::int8_t>(vote), static_cast<std::uint32_t>(csv.line())});
    ReportBytes(progress, csv, out.rows_read);
  }
  if (!csv.status().ok()) return csv.status();
  if (out.rows_read == 0) {
    return Status::Data(csv.source_name() + ":2:1: the file has a header but no rows");
  }
  if (Status s = CheckNoDuplicateVotes(csv.source_name(), out.votes); !s.ok()) return s;
  std::erase_if(out.votes, [](const ParsedVote& v) { return v.vote == kVoteNonMember; });
  out.note = std::to_string(out.rows_skipped) + " non-member rows (vote 9) not stored";
  return out;
}

}  // namespace entente::internal
