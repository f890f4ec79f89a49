#include <algorithm>

#include "ingest/unga_parsed.h"

namespace entente::internal {

Result<UngaFormat> DetectUngaFormat(const CsvReader& header) {
  const auto& f = header.fields();
  auto is = [&](std::initializer_list<std::string_view> names) {
    if (f.size() < names.size()) return false;
    std::size_t i = 0;
    for (auto name : names) {
      if (f[i++] != name) return false;
    }
    return true;
  };
  if (is({"rcid", "session", "year", "ccode", "member", "vote"}) && f.size() == 6) {
    return UngaFormat::kVoeten;
  }
  if (is({"rcid", "country", "country_code", "vote"}) && f.size() == 4) return UngaFormat::kUnVotes;
  if (is({"rcid", "session", "importantvote", "date"})) return UngaFormat::kRollCalls;
  if (is({"rcid", "short_name", "issue"}) && f.size() == 3) return UngaFormat::kIssues;
  if (is({"rcid", "date", "me", "nu", "di", "hr", "co", "ec"}) && f.size() > 8) {
    return UngaFormat::kWide;
  }
  std::string got;
  for (std::size_t i = 0; i < f.size() && i < 8; ++i) {
    if (i > 0) got += ',';
    got += f[i];
  }
  return Status::Data(header.source_name() + ":" + std::to_string(header.line()) +
                      ":1: unrecognised UNGA header '" + got.substr(0, 120) +
                      "': expected the Voeten (rcid,session,year,ccode,member,vote), unvotes "
                      "(rcid,country,country_code,vote), roll-call, issue or wide format");
}

Status CheckNoDuplicateVotes(const std::string& file, std::vector<ParsedVote>& votes) {
  auto key_less = [](const ParsedVote& a, const ParsedVote& b) {
    return a.rcid != b.rcid ? a.rcid < b.rcid
                            : (a.ccode != b.ccode ? a.ccode < b.ccode : a.line < b.line);
  };
  if (!std::is_sorted(votes.begin(), votes.end(), key_less)) {
    std::sort(votes.begin(), votes.end(), key_less);
  }
  for (std::size_t i = 1; i < votes.size(); ++i) {
    if (votes[i].rcid == votes[i - 1].rcid && votes[i].ccode == votes[i - 1].ccode) {
      return Status::Data(file + ":" + std::to_string(votes[i].line) +
                          ":1: duplicate vote for roll call " + std::to_string(votes[i].rcid) +
                          " and country " + std::to_string(votes[i].ccode) + " (first on line " +
                          std::to_string(votes[i - 1].line) + "): remove one of the two rows");
    }
  }
  return Status::Ok();
}

bool ParseIsoDate(std::string_view text, DateKey& out) {
  return ParseIsoDate(text, 1900, 2100, out);
}

int SessionOfDate(DateKey date) {
  int year = date / 10000;
  int month = (date / 100) % 100;
  if (year <= 1946) return 1;
  return month >= 9 ? year - 1945 : year - 1946;
}

}  // namespace entente::internal
