// LoadUngaVotes: the store's UNGA tables into UngaVotes columns.
#include <algorithm>

#include "entente/unga.h"
#include "store/sqlite.h"

namespace entente {

Result<UngaVotes> LoadUngaVotes(Store& store, const YearRange& years) {
  internal::Database& db = store.database();
  UngaVotes out;
  auto rcs = db.Prepare(
      "SELECT rcid, session, year, coalesce(important, -1), issues_coded, "
      "me | (nu << 1) | (di << 2) | (hr << 3) | (co << 4) | (ec << 5), "
      "coalesce(CAST(replace(date, '-', '') AS INTEGER), 0) "
      "FROM unga_roll_calls WHERE year BETWEEN ? AND ? ORDER BY rcid");
  if (!rcs.ok()) return rcs.status();
  rcs->Bind(1, static_cast<std::int64_t>(years.first));
  rcs->Bind(2, static_cast<std::int64_t>(years.last));
  Status status;
  int max_rcid = 0;
  while (rcs->Step(&status)) {
    UngaVotes::RollCall rc{static_cast<int>(rcs->Int(0)),         static_cast<int>(rcs->Int(1)),
                           static_cast<int>(rcs->Int(2)),         static_cast<DateKey>(rcs->Int(6)),
                           static_cast<std::int8_t>(rcs->Int(3)), rcs->Int(4) != 0,
                           static_cast<std::uint8_t>(rcs->Int(5))};
    max_rcid = std::max(max_rcid, rc.rcid);
    out.roll_calls.push_back(rc);
  }
  if (!status.ok()) return status;

  // Dense rcid -> roll-call index (rcids are below ~1.01 million).
  std::vector<std::int32_t> index_of_rcid(static_cast<std::size_t>(max_rcid) + 1, -1);
  for (std::size_t i = 0; i < out.roll_calls.size(); ++i) {
    index_of_rcid[out.roll_calls[i].rcid] = static_cast<std::int32_t>(i);
  }

  // Scanning the whole (rcid, ccode)-ordered table and filtering here is
  // faster than a join for the usual case of most years.
  auto votes = db.Prepare("SELECT rcid, ccode, vote FROM unga_votes");
  if (!votes.ok()) return votes.status();
  std::vector<std::int32_t> ccode_of_vote;
  while (votes->Step(&status)) {
    const std::int64_t rcid = votes->Int(0);
    if (rcid > max_rcid || index_of_rcid[rcid] < 0) continue;
    out.vote_roll_call.push_back(index_of_rcid[rcid]);
    ccode_of_vote.push_back(static_cast<std::int32_t>(votes->Int(1)));
    out.vote_code.push_back(static_cast<std::int8_t>(votes->Int(2)));
  }
  if (!status.ok()) return status;

  // Country indices in ascending COW order: mark the codes present, then
  // number them.
  const std::int32_t max_ccode =
      ccode_of_vote.empty() ? 0 : *std::max_element(ccode_of_vote.begin(), ccode_of_vote.end());
  std::vector<std::int32_t> index_of_ccode(static_cast<std::size_t>(max_ccode) + 1, -1);
  for (std::int32_t ccode : ccode_of_vote) index_of_ccode[ccode] = 0;
  for (std::int32_t ccode = 0; ccode <= max_ccode; ++ccode) {
    if (index_of_ccode[ccode] < 0) continue;
    index_of_ccode[ccode] = static_cast<std::int32_t>(out.ccodes.size());
    out.ccodes.push_back(ccode);
  }
  out.vote_country.resize(ccode_of_vote.size());
  for (std::size_t v = 0; v < ccode_of_vote.size(); ++v) {
    out.vote_country[v] = index_of_ccode[ccode_of_vote[v]];
  }
  return out;
}

}  // namespace entente
