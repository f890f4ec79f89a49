// Readers of the roll-call descriptions (un_roll_calls.csv) and their issue
// tags (un_roll_call_issues.csv).
#include <unordered_set>

#include "ingest/unga_parsed.h"

namespace entente::internal {
namespace {

enum RollCallColumn { kRcid, kSession, kImportant, kDate };

int IssueBit(std::string_view code) {
  for (int i = 0; i < kIssueAreaCount; ++i) {
    if (code == kIssueAreas[i]) return i;
  }
  return -1;
}

}  // namespace

Result<ParsedUnga> ReadRollCalls(CsvReader& csv, const ProgressFn& progress) {
  ParsedUnga out{UngaFormat::kRollCalls, {}, {}, {}, 0, 0, {}};
  std::unordered_set<int> seen;
  const std::size_t columns = 9;
  while (csv.Next()) {
    ++out.rows_read;
    if (csv.size() != columns) {
      return csv.RecordError(
          "expected 9 fields (rcid,session,importantvote,date,unres,amend,para,"
          "short,descr), found " +
          std::to_string(csv.size()) + " (is the file truncated?)");
    }
    ParsedRollCall rc;
    long long rcid, session, important;
    if (!ParseInt(csv.field(kRcid), rcid) || rcid <= 0) {
      return csv.ErrorAt(kRcid, "rcid must be a positive integer");
    }
    if (!seen.insert(static_cast<int>(rcid)).second) {
      return csv.ErrorAt(kRcid, "roll call described twice");
    }
    if (!ParseInt(csv.field(kSession), session) || session < 1 || session > 200) {
      return csv.ErrorAt(kSession, "session must be an integer from 1 to 200");
    }
    std::string_view imp = csv.field(kImportant);
    if (imp.empty() || imp == "NA") {
      rc.important = -1;
    } else if (ParseIntegralNumber(imp, important) && (important == 0 || important == 1)) {
      rc.important = static_cast<std::int8_t>(important);
    } else {
      return csv.ErrorAt(kImportant, "importantvote must be 0, 1 or empty");
    }
    if (!ParseIsoDate(csv.field(kDate), rc.date)) {
      return csv.ErrorAt(kDate, "date must be YYYY-MM-DD");
    }
    rc.rcid = static_cast<int>(rcid);
    rc.session = static_cast<int>(session);
    rc.line = static_cast<std::uint32_t>(csv.line());
    out.roll_calls.push_back(rc);
    ReportBytes(progress, csv, out.rows_read);
  }
  if (!csv.status().ok()) return csv.status();
  if (out.rows_read == 0) {
    return Status::Data(csv.source_name() + ":2:1: the file has a header but no rows");
  }
  return out;
}

Result<ParsedUnga> ReadIssues(CsvReader& csv, const ProgressFn& progress) {
  ParsedUnga out{UngaFormat::kIssues, {}, {}, {}, 0, 0, {}};
  while (csv.Next()) {
    ++out.rows_read;
    if (csv.size() != 3) {
      return csv.RecordError("expected 3 fields (rcid,short_name,issue), found " +
                             std::to_string(csv.size()));
    }
    long long rcid;
    if (!ParseInt(csv.field(0), rcid) || rcid <= 0) {
      return csv.ErrorAt(0, "rcid must be a positive integer");
    }
    int bit = IssueBit(csv.field(1));
    if (bit < 0) return csv.ErrorAt(1, "issue must be one of me, nu, di, hr, co, ec");
    out.issue_tags.emplace_back(static_cast<int>(rcid), static_cast<std::uint8_t>(bit));
    ReportBytes(progress, csv, out.rows_read);
  }
  if (!csv.status().ok()) return csv.status();
  return out;
}

}  // namespace entente::internal
