#include "measures/votes/ideal_points_voeten.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <unordered_map>

#include "core/csv_reader.h"

namespace entente::internal {
namespace {

// Voeten's vote codes.
constexpr long long kVoetenYes = 1;
constexpr long long kVoetenAbstain = 2;
constexpr long long kVoetenNo = 3;
constexpr long long kVoetenAbsent = 8;
constexpr long long kVoetenNonMember = 9;

}  // namespace

Result<IdealPointData> IdealPointDataFromVoetenCsv(const std::string& source_name,
                                                   std::string_view content, int first_session,
                                                   int last_session) {
  CsvReader reader(source_name, content);
  if (!reader.Next()) {
    if (!reader.status().ok()) return reader.status();
    return Status::Data(source_name + ": empty file (expected a header rcid,session,ccode,vote)");
  }
  constexpr std::array<std::string_view, 4> kNames = {"rcid", "session", "ccode", "vote"};
  std::array<std::size_t, 4> column{};
  for (std::size_t c = 0; c < kNames.size(); ++c) {
    std::size_t found = reader.size();
    for (std::size_t i = 0; i < reader.size(); ++i) {
      if (reader.field(i) == kNames[c]) found = i;
    }
    if (found == reader.size()) {
      return reader.RecordError("missing column '" + std::string(kNames[c]) +
                                "' (expected Voeten's rcid,session,year,ccode,member,vote)");
    }
    column[c] = found;
  }

  IdealPointData data;
  std::unordered_map<long long, int> item_index;     // rcid -> item
  std::unordered_map<long long, int> country_index;  // ccode -> country
  while (reader.Next()) {
    if (reader.size() <= std::max({column[0], column[1], column[2], column[3]})) {
      return reader.RecordError("too few fields (" + std::to_string(reader.size()) + ")");
    }
    std::array<long long, 4> value{};
    for (std::size_t c = 0; c < kNames.size(); ++c) {
      if (!ParseIntegralNumber(reader.field(column[c]), value[c])) {
        return reader.ErrorAt(column[c], std::string(kNames[c]) + " is not an integer");
      }
    }
    const auto [rcid, session, ccode, code] = value;
    if (code == kVoetenAbsent || code == kVoetenNonMember) continue;
    int8_t category = 0;
    if (code == kVoetenYes) {
      category = IdealPointData::kYes;
    } else if (code == kVoetenAbstain) {
      category = IdealPointData::kAbstain;
    } else if (code == kVoetenNo) {
      category = IdealPointData::kNo;
    } else {
      return reader.ErrorAt(column[3],
                            "unknown vote code (expected 1 yes, 2 abstain, 3 no, 8 absent, 9 "
                            "non-member)");
    }
    if (session < first_session || session > last_session) continue;
    auto [item, new_item] = item_index.try_emplace(rcid, static_cast<int>(item_index.size()));
    if (new_item) {
      data.item_session.push_back(static_cast<int>(session));
    } else if (data.item_session[item->second] != session) {
      return reader.ErrorAt(column[1], "roll call " + std::to_string(rcid) +
                                           " was first listed under session " +
                                           std::to_string(data.item_session[item->second]));
    }
    auto [country, new_country] =
        country_index.try_emplace(ccode, static_cast<int>(country_index.size()));
    if (new_country) data.ccodes.push_back(static_cast<int>(ccode));
    data.votes.push_back({item->second, country->second, category});
  }
  if (!reader.status().ok()) return reader.status();
  return data;
}

}  // namespace entente::internal
