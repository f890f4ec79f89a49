// Reader of the wide UNGA file: rcid,date,me,nu,di,hr,co,ec, then one column
// per ISO3 country holding Voeten's codes (1 yes, 2 abstain, 3 no, 8 absent,
// 9 non-member; some written as floats such as "3.0").
#include <map>
#include <string>

#include "ingest/unga_parsed.h"

namespace entente::internal {
namespace {

constexpr std::size_t kFirstCountryColumn = 8;
constexpr int kNonMember = 9;

// Roll calls this file numbers with an rcid already used by an earlier roll
// call on another date are stored under kRenumberOffset + rcid.
constexpr int kRenumberOffset = 1000000;

bool ParseFlag(std::string_view text, bool& out) {
  if (text == "TRUE" || text == "True" || text == "true" || text == "1") {
    out = true;
    return true;
  }
  if (text == "FALSE" || text == "False" || text == "false" || text == "0") {
    out = false;
    return true;
  }
  return false;
}

}  // namespace

Result<ParsedUnga> ReadWide(CsvReader& csv, const CountryRegistry& countries,
                            const ProgressFn& progress) {
  ParsedUnga out{UngaFormat::kWide, {}, {}, {}, 0, 0, {}};
  std::vector<std::string> iso3(csv.fields().begin() + kFirstCountryColumn, csv.fields().end());
  for (std::size_t i = 0; i < iso3.size(); ++i) {
    if (!countries.Find(iso3[i]).ok()) {
      return csv.ErrorAt(kFirstCountryColumn + i, "unknown country in header");
    }
  }
  const std::size_t columns = kFirstCountryColumn + iso3.size();
  std::map<int, DateKey> date_of_rcid;
  std::int64_t renumbered = 0;
  std::string renumbered_list;
  while (csv.Next()) {
    ++out.rows_read;
    if (Status s = csv.ExpectFields(columns, "(is the file truncated?)"); !s.ok()) return s;
    long long rcid;
    if (!ParseInt(csv.field(0), rcid) || rcid <= 0 || rcid >= kRenumberOffset) {
      return csv.ErrorAt(0, "rcid must be a positive integer below 1000000");
    }
    ParsedRollCall rc;
    if (!ParseIsoDate(csv.field(1), rc.date)) return csv.ErrorAt(1, "date must be YYYY-MM-DD");
    for (int bit = 0; bit < kIssueAreaCount; ++bit) {
      bool flag = false;
      if (!ParseFlag(csv.field(2 + bit), flag))
        return csv.ErrorAt(2 + bit, "expected TRUE or FALSE");
      if (flag) rc.issues |= static_cast<std::uint8_t>(1u << bit);
    }
    rc.issues_coded = true;
    auto [it, inserted] = date_of_rcid.try_emplace(static_cast<int>(rcid), rc.date);
    if (!inserted) {
      if (it->second == rc.date) {
        return csv.ErrorAt(0, "roll call appears twice with the same date (duplicated row)");
      }
      // The same number reused for a different roll call (the published file
      // does this for four 2023 votes): keep both, renumbered, and say so.
      ++renumbered;
      renumbered_list += (renumbered_list.empty() ? "" : ", ") + std::to_string(rcid);
      rcid += kRenumberOffset;
    }
    rc.rcid = static_cast<int>(rcid);
    rc.session = SessionOfDate(rc.date);
    rc.line = static_cast<std::uint32_t>(csv.line());
    out.roll_calls.push_back(rc);
    for (std::size_t i = 0; i < iso3.size(); ++i) {
      std::size_t column = kFirstCountryColumn + i;
      long long code;
      if (!ParseIntegralNumber(csv.field(column), code) ||
          !(code == 1 || code == 2 || code == 3 || code == 8 || code == kNonMember)) {
        return csv.ErrorAt(column, "vote of " + iso3[i] +
                                       " must be 1 (yes), 2 (abstain), 3 (no), 8 (absent) or 9 "
                                       "(non-member)");
      }
      if (code == kNonMember) {
        ++out.rows_skipped;
        continue;
      }
      auto ccode = countries.CcodeForIso3(iso3[i], rc.date);
      if (!ccode) {
        return csv.ErrorAt(column, iso3[i] + " has no COW code on " + std::string(csv.field(1)));
      }
      out.votes.push_back({static_cast<std::int32_t>(rcid), static_cast<std::int32_t>(*ccode),
                           static_cast<std::int8_t>(code), static_cast<std::uint32_t>(csv.line())});
    }
    ReportBytes(progress, csv, out.rows_read);
  }
  if (!csv.status().ok()) return csv.status();
  if (out.rows_read == 0) {
    return Status::Data(csv.source_name() + ":2:1: the file has a header but no rows");
  }
  if (Status s = CheckNoDuplicateVotes(csv.source_name(), out.votes); !s.ok()) return s;
  // Count country-vote cells, not lines, so rows read/accepted/rejected add up
  // the same way as for the long files.
  const std::int64_t roll_call_rows = out.rows_read;
  out.rows_read = roll_call_rows * static_cast<std::int64_t>(iso3.size());
  out.note = std::to_string(roll_call_rows) + " roll calls x " + std::to_string(iso3.size()) +
             " countries; " + std::to_string(out.rows_skipped) + " non-member cells (9) not stored";
  if (renumbered > 0) {
    out.note += "; " + std::to_string(renumbered) +
                " roll calls reuse an earlier rcid on another date (" + renumbered_list +
                ") and are stored as 1000000+rcid";
  }
  return out;
}

}  // namespace entente::internal
