// The non-military evidence files in the profile: loading them, writing the
// values they give into a dyad's series, and finding the rows behind a value.
#include <algorithm>
#include <filesystem>
#include <tuple>

#include "core/csv_reader.h"
#include "profile/profile_impl.h"

namespace entente::profile_internal {
namespace {

// The years the veto file covers (docs/evidence-nonmilitary.md section 4).
constexpr int kVetoFirstYear = 1991;
constexpr int kVetoLastYear = 2025;
constexpr int kBillion = 1000;  // million USD per billion
constexpr DateKey kMidYear = 701;

bool SameDyad(const internal::EvidenceRow& row, int a, int b) {
  return row.ccode_a == a && row.ccode_b == b;
}

void Mark(Row& row, int column) {
  const auto bits =
      static_cast<std::uint32_t>(Present(row[kEvidenceBits]) ? row[kEvidenceBits] : 0);
  row[kEvidenceBits] = static_cast<float>(bits | (1u << column));
}

// The column of a side-specific trade indicator ("..._for_1", "..._of_2_...").
int SideColumn(const internal::EvidenceRow& row, int side, int column_a, int column_b) {
  const bool first_is_a = !row.swapped;
  return (side == 1) == first_is_a ? column_a : column_b;
}

// The trade-evidence column an indicator fills and its value in the panel's
// unit, or -1 when the profile does not use that indicator.
int TradeColumn(const internal::TradeEvidenceRow& t, double& value) {
  if (t.indicator == "total_trade" && t.unit.starts_with("USD billion")) {
    value = t.value * kBillion;
    return kTradeTotal;
  }
  if ((t.indicator == "partner_rank_for_1" || t.indicator == "partner_rank_for_2") &&
      t.unit.starts_with("rank")) {
    value = t.value;
    return SideColumn(t.row, t.indicator.back() == '1' ? 1 : 2, kPartnerRankA, kPartnerRankB);
  }
  if ((t.indicator == "partner_share_of_1_total_trade" ||
       t.indicator == "partner_share_of_2_total_trade") &&
      t.unit.starts_with("percent")) {
    value = t.value / 100;
    const int side = t.indicator[std::string_view("partner_share_of_").size()] == '1' ? 1 : 2;
    return SideColumn(t.row, side, kTradeDependenceA, kTradeDependenceB);
  }
  return -1;
}

bool VetoedBy(const internal::VetoRow& v, int ccode) {
  return std::find(v.vetoed_by.begin(), v.vetoed_by.end(), ccode) != v.vetoed_by.end();
}

bool InVetoFile(const ProfileEvidence& evidence, int ccode) {
  return std::any_of(evidence.vetoes.begin(), evidence.vetoes.end(),
                     [&](const internal::VetoRow& v) { return VetoedBy(v, ccode); });
}

// The partnership row in force in `year` for the dyad: the latest with a
// stated level dated in or before the year; nullptr before the first.
const internal::PartnershipRow* PartnershipInForce(const ProfileEvidence& evidence, int a, int b,
                                                   int year) {
  const internal::PartnershipRow* best = nullptr;
  for (const auto& p : evidence.partnerships) {
    if (!SameDyad(p.row, a, b) || p.row.year > year || p.level_rank == 0) continue;
    if (best == nullptr || p.row.date >= best->row.date) best = &p;
  }
  return best;
}

ProfileEvidenceRef Ref(const internal::EvidenceRow& row) {
  return {row.reference, row.date_text, row.what, row.publisher, row.title, row.published, row.url};
}

template <typename T>
Result<std::vector<T>> ReadOptional(const std::string& path,
                                    Result<std::vector<T>> (*reader)(std::string_view,
                                                                     std::string_view,
                                                                     const CountryRegistry&),
                                    const CountryRegistry& countries) {
  if (!std::filesystem::exists(path)) return std::vector<T>{};
  auto content = internal::ReadWholeFile(path);
  if (!content.ok()) return content.status();
  return reader(path, *content, countries);
}

}  // namespace

Result<ProfileEvidence> LoadProfileEvidence(const CountryRegistry& countries,
                                            const std::string& evidence_dir) {
  ProfileEvidence e;
  auto meetings = ReadOptional<internal::MeetingRow>(evidence_dir + "/personal/leader_meetings.csv",
                                                     &internal::ReadLeaderMeetings, countries);
  if (!meetings.ok()) return meetings.status();
  e.meetings = std::move(meetings).value();
  auto coverage = ReadOptional<internal::MeetingCoverage>(
      evidence_dir + "/personal/coverage.csv", &internal::ReadMeetingCoverage, countries);
  if (!coverage.ok()) return coverage.status();
  e.meeting_coverage = std::move(coverage).value();
  auto trade = ReadOptional<internal::TradeEvidenceRow>(
      evidence_dir + "/economic/bilateral_trade.csv", &internal::ReadTradeEvidence, countries);
  if (!trade.ok()) return trade.status();
  e.trade = std::move(trade).value();
  auto partnerships = ReadOptional<internal::PartnershipRow>(
      evidence_dir + "/diplomatic/partnerships.csv", &internal::ReadPartnerships, countries);
  if (!partnerships.ok()) return partnerships.status();
  e.partnerships = std::move(partnerships).value();
  auto vetoes = ReadOptional<internal::VetoRow>(evidence_dir + "/diplomatic/unsc_vetoes.csv",
                                                &internal::ReadVetoes, countries);
  if (!vetoes.ok()) return vetoes.status();
  e.vetoes = std::move(vetoes).value();
  const std::string leaders_path = evidence_dir + "/personal/leaders.csv";
  // References read "evidence/personal/leader_meetings.csv:38" wherever the
  // directory lies (errors keep the full path, to find the file).
  auto relative = [&](internal::EvidenceRow& row) {
    const std::string prefix = evidence_dir + "/";
    if (row.reference.rfind(prefix, 0) == 0) {
      row.reference = "evidence/" + row.reference.substr(prefix.size());
    }
  };
  if (std::filesystem::exists(leaders_path)) {
    auto content = internal::ReadWholeFile(leaders_path);
    if (!content.ok()) return content.status();
    auto leaders = internal::ReadLeaderEvidence(leaders_path, *content, countries, &e.leader_rows);
    if (!leaders.ok()) return leaders.status();
    e.leaders = std::move(leaders).value();
  }
  for (auto& m : e.meetings) relative(m.row);
  for (auto& t : e.trade) relative(t.row);
  for (auto& p : e.partnerships) relative(p.row);
  for (auto& v : e.vetoes) relative(v.row);
  for (auto& r : e.leader_rows) relative(r);
  return e;
}

Result<std::string> InputsDigest(const std::string& evidence_dir,
                                 const std::string& frameworks_dir) {
  std::vector<std::pair<std::string, std::string>> files;  // (label, path)
  for (const auto& [dir, ext, label] :
       {std::tuple{evidence_dir, ".csv", "evidence/"}, {frameworks_dir, ".toml", "frameworks/"}}) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
      if (!entry.is_regular_file() || entry.path().extension() != ext) continue;
      files.emplace_back(
          std::string(label) + std::filesystem::relative(entry.path(), dir).generic_string(),
          entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  std::string all;
  for (const auto& [label, path] : files) {
    auto content = internal::ReadWholeFile(path);
    if (!content.ok()) return content.status();
    all += label + "\n" + internal::Sha256Hex(*content) + "\n";
  }
  return internal::Sha256Hex(all);
}

std::vector<std::uint32_t> EvidenceDyads(const ProfileEvidence& evidence) {
  std::vector<std::uint32_t> out;
  for (const auto& m : evidence.meetings) out.push_back(DyadKey(m.row.ccode_a, m.row.ccode_b));
  for (const auto& t : evidence.trade) out.push_back(DyadKey(t.row.ccode_a, t.row.ccode_b));
  for (const auto& p : evidence.partnerships) out.push_back(DyadKey(p.row.ccode_a, p.row.ccode_b));
  for (const auto& c : evidence.meeting_coverage) out.push_back(DyadKey(c.ccode_a, c.ccode_b));
  // Joint vetoes: every pair of states that appear in the veto file.
  std::vector<int> vetoers;
  for (const auto& v : evidence.vetoes)
    vetoers.insert(vetoers.end(), v.vetoed_by.begin(), v.vetoed_by.end());
  std::sort(vetoers.begin(), vetoers.end());
  vetoers.erase(std::unique(vetoers.begin(), vetoers.end()), vetoers.end());
  for (std::size_t i = 0; i < vetoers.size(); ++i) {
    for (std::size_t j = i + 1; j < vetoers.size(); ++j)
      out.push_back(DyadKey(vetoers[i], vetoers[j]));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void ApplyEvidence(const ProfileEvidence& evidence, int a, int b, DyadSeries& series) {
  const int first = series.first_year;
  const int last = first + static_cast<int>(series.rows.size()) - 1;
  auto row_at = [&](int year) -> Row* {
    return year >= first && year <= last ? &series.rows[year - first] : nullptr;
  };
  // Leader meetings: a known count in covered years, a lower bound elsewhere.
  for (const auto& c : evidence.meeting_coverage) {
    if (c.ccode_a != a || c.ccode_b != b) continue;
    for (int y = std::max(first, c.first_year); y <= std::min(last, c.last_year); ++y) {
      Row& row = series.rows[y - first];
      row[kLeaderMeetings] = 0;
      row[kLeaderMeetingsInPerson] = 0;
      Mark(row, kLeaderMeetings);
      Mark(row, kLeaderMeetingsInPerson);
    }
  }
  for (const auto& m : evidence.meetings) {
    if (!SameDyad(m.row, a, b)) continue;
    Row* row = row_at(m.row.year);
    if (row == nullptr) continue;
    if (!Present((*row)[kLeaderMeetings])) {
      (*row)[kLeaderMeetings] = 0;
      (*row)[kLeaderMeetingsInPerson] = 0;
    }
    (*row)[kLeaderMeetings] += 1;
    if (!m.virtual_meeting) (*row)[kLeaderMeetingsInPerson] += 1;
    Mark(*row, kLeaderMeetings);
    Mark(*row, kLeaderMeetingsInPerson);
  }
  // Trade after the datasets end: the first row of each indicator and year.
  for (const auto& t : evidence.trade) {
    if (!SameDyad(t.row, a, b)) continue;
    Row* row = row_at(t.row.year);
    double value = 0;
    const int column = row == nullptr ? -1 : TradeColumn(t, value);
    if (column < 0 || Present((*row)[column])) continue;
    (*row)[column] = static_cast<float>(value);
    Mark(*row, column);
  }
  // Partnership level in force, from the first declaration on.
  for (int y = first; y <= last; ++y) {
    const internal::PartnershipRow* p = PartnershipInForce(evidence, a, b, y);
    if (p == nullptr) continue;
    Row& row = series.rows[y - first];
    row[kPartnershipLevel] = static_cast<float>(p->level_rank);
    Mark(row, kPartnershipLevel);
  }
  // Joint vetoes: defined for pairs of permanent members that both appear in
  // the veto file, over the years it covers.
  if (InVetoFile(evidence, a) && InVetoFile(evidence, b)) {
    for (int y = std::max(first, kVetoFirstYear); y <= std::min(last, kVetoLastYear); ++y) {
      Row& row = series.rows[y - first];
      row[kUnscJointVetoes] = 0;
      Mark(row, kUnscJointVetoes);
    }
    for (const auto& v : evidence.vetoes) {
      Row* row = row_at(v.row.year);
      if (row == nullptr || v.row.year < kVetoFirstYear || v.row.year > kVetoLastYear) continue;
      if (VetoedBy(v, a) && VetoedBy(v, b)) (*row)[kUnscJointVetoes] += 1;
    }
  }
}

std::vector<ProfileEvidenceFact> UnscoredEvidence(const ProfileEvidence& evidence, int a, int b,
                                                  int year, const Row& row) {
  std::vector<ProfileEvidenceFact> out;
  const auto bits =
      Present(row[kEvidenceBits]) ? static_cast<std::uint32_t>(row[kEvidenceBits]) : 0u;
  std::uint32_t used = 0;  // columns whose value came from a row already passed
  for (const auto& t : evidence.trade) {
    if (!SameDyad(t.row, a, b) || t.row.year != year) continue;
    double value = 0;
    const int column = TradeColumn(t, value);
    if (column >= 0 && (bits & (1u << column)) && !(used & (1u << column))) {
      used |= 1u << column;  // this row gave the indicator its value
      continue;
    }
    ProfileEvidenceFact f;
    f.indicator = t.indicator;
    f.file_dyad = t.dyad;
    f.value = t.value;
    f.unit = t.unit;
    f.reporter = t.reporter;
    f.source = Ref(t.row);
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<ProfileEvidenceRef> EvidenceRefs(const ProfileEvidence& evidence, int a, int b,
                                             int year, int column) {
  std::vector<ProfileEvidenceRef> out;
  switch (column) {
    case kLeaderMeetings:
    case kLeaderMeetingsInPerson:
      for (const auto& m : evidence.meetings) {
        if (!SameDyad(m.row, a, b) || m.row.year != year) continue;
        if (column == kLeaderMeetingsInPerson && m.virtual_meeting) continue;
        out.push_back(Ref(m.row));
      }
      break;
    case kTradeTotal:
    case kPartnerRankA:
    case kPartnerRankB:
    case kTradeDependenceA:
    case kTradeDependenceB:
      for (const auto& t : evidence.trade) {
        double value = 0;
        if (SameDyad(t.row, a, b) && t.row.year == year && TradeColumn(t, value) == column) {
          out.push_back(Ref(t.row));
          break;  // the row used; others for the year are alternatives
        }
      }
      break;
    case kPartnershipLevel:
      if (const auto* p = PartnershipInForce(evidence, a, b, year)) out.push_back(Ref(p->row));
      break;
    case kUnscJointVetoes:
      for (const auto& v : evidence.vetoes) {
        if (v.row.year == year && VetoedBy(v, a) && VetoedBy(v, b)) out.push_back(Ref(v.row));
      }
      break;
    case kTenureOverlap: {
      const DateKey date = year * 10000 + kMidYear;
      for (std::size_t i = 0; i < evidence.leaders.size(); ++i) {
        const auto& l = evidence.leaders[i];
        if ((l.ccode == a || l.ccode == b) && l.start <= date && date <= l.end) {
          out.push_back(Ref(evidence.leader_rows[i]));
        }
      }
      break;
    }
    default:
      break;
  }
  return out;
}

}  // namespace entente::profile_internal

namespace entente {

Result<std::vector<ProfileEvidenceFileReport>> CheckProfileEvidence(
    const CountryRegistry& countries, const std::string& evidence_dir) {
  auto e = profile_internal::LoadProfileEvidence(countries, evidence_dir);
  if (!e.ok()) return e.status();
  auto count = [](std::size_t n) { return static_cast<std::int64_t>(n); };
  return std::vector<ProfileEvidenceFileReport>{
      {"personal/leader_meetings.csv", count(e->meetings.size()), "leader meetings"},
      {"personal/coverage.csv", count(e->meeting_coverage.size()),
       "dyad-years declared complete for meetings"},
      {"personal/leaders.csv", count(e->leaders.size()), "leaders in office after Archigos"},
      {"economic/bilateral_trade.csv", count(e->trade.size()), "trade, energy, currency values"},
      {"diplomatic/partnerships.csv", count(e->partnerships.size()),
       "partnership declarations, treaties, joint statements"},
      {"diplomatic/unsc_vetoes.csv", count(e->vetoes.size()), "vetoed Security Council drafts"},
  };
}

}  // namespace entente
