// ProfileData::Build: read every source once, then fill the dyad-year panel
// dyad by dyad. Sources are turned into flat lookup tables keyed by
// (dyad, year) or (state, year) first, so that the million dyad-years of
// 1946-2025 are filled with a few hash lookups each.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <future>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/csv_reader.h"
#include "entente/ideal_points.h"
#include "entente/military.h"
#include "entente/unga.h"
#include "entente/vote_panel.h"
#include "ingest/profile_sources.h"
#include "measures/military/military_data_impl.h"
#include "profile/profile_impl.h"

namespace entente {
namespace {

using namespace profile_internal;
using internal::ReadWholeFile;

// The leading power whose pressure the incentives measure: the United States
// from 1946 (docs/profile.md argues the choice; earlier years have none).
constexpr int kLeader = 2;
constexpr int kLeaderFrom = 1946;
// Coverage of the datasets (../shared/data/README.md and the files).
constexpr int kTradeLast = 2014;
constexpr int kIgoLast = 2014;
constexpr int kMidFirst = 1816;
constexpr int kMidLast = 2014;
constexpr int kRivalryLast = 2010;
constexpr int kAtopLast = 2018;
constexpr int kSipriFirst = 1995;
constexpr int kSipriLast = 2024;
constexpr int kArchigosLast = 2015;
constexpr int kHistoryWindow = 50;  // years of memory for the hurdles
constexpr int kYearBase = 1800;
constexpr int kYearSlots = 301;  // 1800..2100
constexpr DateKey kMidYearDay = 701;
constexpr unsigned kMaxWorkers = 8;
constexpr DateKey kStateListEnd = MakeDateKey(2016, 12, 31);

std::uint64_t DyadYearKey(std::uint32_t dyad, int year) {
  return static_cast<std::uint64_t>(dyad) * 512u + static_cast<std::uint64_t>(year - kYearBase);
}

// A value per (state, year): [ccode * kYearSlots + year - kYearBase].
struct StateYear {
  std::vector<float> v = std::vector<float>(1000 * kYearSlots, kMissing);
  float& at(int ccode, int year) { return v[ccode * kYearSlots + year - kYearBase]; }
  float get(int ccode, int year) const {
    if (year < kYearBase || year >= kYearBase + kYearSlots) return kMissing;
    return v[ccode * kYearSlots + year - kYearBase];
  }
};

struct TradeCell {
  float total = kMissing;
  float rank_a = kMissing;
  float rank_b = kMissing;
};

struct Sources {
  std::unordered_map<std::uint64_t, TradeCell> trade;
  StateYear national_trade;
  std::unordered_map<std::uint64_t, std::int16_t> igo;
  StateYear cinc;
  std::unordered_map<std::uint32_t, std::vector<internal::ContiguitySpan>> contiguity;
  DateKey contiguity_end = 0;
  std::unordered_map<std::uint64_t, float> un_agree;
  StateYear un_agree_leader;
  std::vector<std::vector<internal::LeaderSpell>> leaders =
      std::vector<std::vector<internal::LeaderSpell>>(1000);
  std::vector<std::vector<internal::LeaderSpell>> leaders_after =
      std::vector<std::vector<internal::LeaderSpell>>(1000);
  // SIPRI: TIV received by state-year, and by (dyad, year, recipient side).
  StateYear arms_imports;
  std::unordered_map<std::uint64_t, std::pair<float, float>> arms;  // (to a, to b)
  // Leader hostility parts by state-year.
  StateYear hostility;
  // UN ideal points by state-year (session s -> year 1945 + s).
  StateYear ideal;
  bool have_ideal = false;
};

template <typename T, typename Reader>
Result<std::vector<T>> ReadDataset(const std::string& path, Reader reader) {
  auto content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  return reader(path, *content);
}

// COW Trade 4.0 writes West Germany sometimes as 260 (e.g. 1955-1956) and
// mostly as 255 (e.g. 1960-1990, where its 260 rows are empty), while the
// state system and entente's registry use 260 until 1990-10-02. Before 1991 a
// 255 value is therefore read as West Germany's wherever the file has no 260
// value for the same state-year or dyad-year (docs/profile.md).
constexpr int kGermany = 255;
constexpr int kWestGermany = 260;
constexpr int kUnificationYear = 1991;  // first year whose mid-year is after 1990-10-03

void RecodeWestGermany(std::vector<internal::CowDyadTrade>& dyadic, Sources& s) {
  for (int y = kYearBase; y < kUnificationYear; ++y) {
    const float germany = s.national_trade.get(kGermany, y);
    if (!Present(s.national_trade.get(kWestGermany, y)) && Present(germany)) {
      s.national_trade.at(kWestGermany, y) = germany;
    }
  }
  std::unordered_set<std::uint64_t> west;  // (partner, year) with a 260 value
  for (const auto& t : dyadic) {
    if (t.year >= kUnificationYear || t.imports_a < 0 || t.imports_b < 0) continue;
    if (t.ccode_a == kWestGermany)
      west.insert(static_cast<std::uint64_t>(t.ccode_b) * 4096 + t.year);
    if (t.ccode_b == kWestGermany)
      west.insert(static_cast<std::uint64_t>(t.ccode_a) * 4096 + t.year);
  }
  for (auto& t : dyadic) {
    if (t.year >= kUnificationYear || (t.ccode_a != kGermany && t.ccode_b != kGermany)) continue;
    const int partner = t.ccode_a == kGermany ? t.ccode_b : t.ccode_a;
    if (partner == kWestGermany ||
        west.count(static_cast<std::uint64_t>(partner) * 4096 + t.year)) {
      continue;
    }
    // No COW code lies strictly between 255 and 260, so the order a < b holds.
    (t.ccode_a == kGermany ? t.ccode_a : t.ccode_b) = static_cast<std::int16_t>(kWestGermany);
  }
}

Status LoadTrade(const std::string& dir, Sources& s) {
  auto dyadic = ReadDataset<internal::CowDyadTrade>(dir + "/cow/trade_dyadic_v4.csv",
                                                    internal::ReadCowDyadicTrade);
  if (!dyadic.ok()) return dyadic.status();
  auto national = ReadDataset<internal::CowStateTrade>(dir + "/cow/trade_state_year_v4.csv",
                                                       internal::ReadCowStateTrade);
  if (!national.ok()) return national.status();
  for (const auto& n : *national) {
    if (n.imports >= 0 && n.exports >= 0)
      s.national_trade.at(n.ccode, n.year) = n.imports + n.exports;
  }
  RecodeWestGermany(*dyadic, s);
  // Partner ranks: every (state-year, partner) pair in one flat list, sorted
  // by state-year and then by trade, largest first.
  struct Partner {
    std::uint32_t state_year;
    float total;
    std::uint64_t key;
  };
  std::vector<Partner> partners;
  partners.reserve(dyadic->size() * 2);
  s.trade.reserve(dyadic->size());
  for (const auto& t : *dyadic) {
    if (t.imports_a < 0 || t.imports_b < 0) continue;  // either flow missing: total missing
    const std::uint64_t key = DyadYearKey(DyadKey(t.ccode_a, t.ccode_b), t.year);
    const float total = t.imports_a + t.imports_b;
    s.trade[key].total = total;
    partners.push_back(
        {static_cast<std::uint32_t>(t.ccode_a * kYearSlots + t.year - kYearBase), total, key});
    partners.push_back(
        {static_cast<std::uint32_t>(t.ccode_b * kYearSlots + t.year - kYearBase), total, key});
  }
  std::sort(partners.begin(), partners.end(), [](const Partner& x, const Partner& y) {
    return x.state_year != y.state_year ? x.state_year < y.state_year : x.total > y.total;
  });
  // Ties share the best rank; a zero-trade partner has no rank.
  std::size_t first = 0;  // the state-year's first entry
  int rank = 0;
  for (std::size_t i = 0; i < partners.size(); ++i) {
    const Partner& p = partners[i];
    if (i == 0 || p.state_year != partners[i - 1].state_year) first = i;
    if (p.total <= 0) continue;
    if (i == first || p.total < partners[i - 1].total) rank = static_cast<int>(i - first) + 1;
    TradeCell& cell = s.trade[p.key];
    const int ccode = static_cast<int>(p.state_year / kYearSlots);
    const int a = static_cast<int>((p.key / 512) / 1000);
    (ccode == a ? cell.rank_a : cell.rank_b) = static_cast<float>(rank);
  }
  return Status::Ok();
}

Status LoadCowMisc(const std::string& dir, Sources& s) {
  auto igo = ReadDataset<internal::IgoDyadYear>(dir + "/cow/igo_dyad_year.csv",
                                                internal::ReadIgoDyadYears);
  if (!igo.ok()) return igo.status();
  s.igo.reserve(igo->size());
  for (const auto& i : *igo) {
    if (i.shared >= 0) s.igo[DyadYearKey(DyadKey(i.ccode_a, i.ccode_b), i.year)] = i.shared;
  }
  auto nmc = ReadDataset<internal::NmcYear>(dir + "/cow/nmc.csv", internal::ReadNmc);
  if (!nmc.ok()) return nmc.status();
  for (const auto& n : *nmc) {
    if (n.cinc >= 0) s.cinc.at(n.ccode, n.year) = static_cast<float>(n.cinc);
  }
  auto contiguity = ReadDataset<internal::ContiguitySpan>(dir + "/cow/contiguity_direct.csv",
                                                          internal::ReadContiguity);
  if (!contiguity.ok()) return contiguity.status();
  for (const auto& c : *contiguity) {
    s.contiguity[DyadKey(c.ccode_a, c.ccode_b)].push_back(c);
    s.contiguity_end = std::max(s.contiguity_end, c.end);
  }
  return Status::Ok();
}

Status LoadLeaders(const std::string& dir, const CountryRegistry& countries,
                   const ProfileEvidence& evidence, Sources& s) {
  const std::string path = dir + "/leaders/archigos.csv";
  auto content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  std::int64_t skipped = 0;
  auto spells = internal::ReadArchigos(path, *content, countries, &skipped);
  if (!spells.ok()) return spells.status();
  for (auto& l : *spells) s.leaders[l.ccode].push_back(std::move(l));
  for (const auto& l : evidence.leaders) s.leaders_after[l.ccode].push_back(l);
  return Status::Ok();
}

constexpr int kFirstSessionYear = 1945;  // session s opens in September of 1945 + s

void UseIdealPoints(const IdealPointFit& fit, Sources& s) {
  for (const IdealPointEstimate& e : fit.estimates) {
    const int year = kFirstSessionYear + e.session;
    if (e.ccode <= 0 || e.ccode >= 1000 || year < kYearBase || year >= kYearBase + kYearSlots) {
      continue;
    }
    s.ideal.at(e.ccode, year) = static_cast<float>(e.idealpoint);
  }
  s.have_ideal = true;
}

Status LoadVotes(const ProfileDataOptions& options, YearRange years, Sources& s) {
  if (options.ideal_points != nullptr) UseIdealPoints(*options.ideal_points, s);
  if (options.store == nullptr) return Status::Ok();
  auto votes = LoadUngaVotes(*options.store, years);
  if (!votes.ok()) return votes.status();
  VotePanel panel(*votes, VoteGrouping::kYear);
  const std::vector<RollCallSubset> all = {RollCallSubset::kAll};
  s.un_agree.reserve(1200000);
  for (int p = 0; p < panel.period_count(); ++p) {
    const int year = panel.period_label(p);
    panel.ForEachDyad(p, all, [&](int c1, int c2, const std::vector<VoteTable>& tables) {
      if (tables[0].n() == 0) return;
      const float agree = static_cast<float>(MeasureSimilarity(tables[0]).agree);
      s.un_agree[DyadYearKey(DyadKey(c1, c2), year)] = agree;
      if (c1 == kLeader) s.un_agree_leader.at(c2, year) = agree;
      if (c2 == kLeader) s.un_agree_leader.at(c1, year) = agree;
    });
  }
  if (options.ideal_points == nullptr && options.fit_ideal_points && !votes->roll_calls.empty()) {
    auto fit = EstimateIdealPoints(IdealPointDataFromVotes(*votes));
    if (!fit.ok()) return fit.status();
    UseIdealPoints(*fit, s);
  }
  return Status::Ok();
}

void LoadArms(const MilitaryData::Impl& military, Sources& s) {
  if (!military.loaded[static_cast<int>(MilitarySource::kSipri)]) return;
  for (int y = kSipriFirst; y <= kSipriLast; ++y) {
    for (int c = 0; c < 1000; ++c) s.arms_imports.at(c, y) = 0;
  }
  for (const auto& f : military.facts) {
    if (f.source != MilitarySource::kSipri) continue;
    const int recipient = f.from_ccode == f.ccode_a ? f.ccode_b : f.ccode_a;
    s.arms_imports.at(recipient, f.first_year) += f.value;
    auto& cell = s.arms[DyadYearKey(DyadKey(f.ccode_a, f.ccode_b), f.first_year)];
    (recipient == f.ccode_a ? cell.first : cell.second) += f.value;
  }
}

// How far a state stands from the leading power at the UN, 0-100: the
// ideal-point distance (3 session sd or more -> 100) when ideal points are
// loaded, else the share of votes on which they disagreed.
float UnDistanceToLeader(const Sources& s, int ccode, int year) {
  constexpr float kIdealSpan = 3;
  if (s.have_ideal) {
    const float x = s.ideal.get(ccode, year);
    const float l = s.ideal.get(kLeader, year);
    if (Present(x) && Present(l)) return 100 * std::min(1.0f, std::fabs(x - l) / kIdealSpan);
    return kMissing;
  }
  const float agree = s.un_agree_leader.get(ccode, year);
  return Present(agree) ? 100 * (1 - agree) : kMissing;
}

// The leading power's hostility toward each state, by year: the mean of the
// parts its sources cover (MID hostility x 20, an active rivalry 100, UN
// disagreement x 100).
void LoadHostility(const MilitaryData::Impl& military, YearRange years, Sources& s) {
  StateYear mid, rivalry;
  for (int y = std::max(years.first, kLeaderFrom); y <= years.last; ++y) {
    for (int c = 1; c < 1000; ++c) {
      if (y >= kMidFirst && y <= kMidLast) mid.at(c, y) = 0;
      if (y <= kRivalryLast) rivalry.at(c, y) = 0;
    }
  }
  for (const auto& m : military.mids) {
    if (m.ccode_a != kLeader && m.ccode_b != kLeader) continue;
    const int other = m.ccode_a == kLeader ? m.ccode_b : m.ccode_a;
    float& v = mid.at(other, m.year);
    if (Present(v)) v = std::max(v, 20.0f * m.hostlev);
  }
  for (const auto& r : military.rivalries) {
    if (r.ccode_a != kLeader && r.ccode_b != kLeader) continue;
    const int other = r.ccode_a == kLeader ? r.ccode_b : r.ccode_a;
    for (int y = std::max<int>(r.first_year, kLeaderFrom);
         y <= std::min<int>(r.last_year, kRivalryLast); ++y) {
      rivalry.at(other, y) = 100;
    }
  }
  for (int y = std::max(years.first, kLeaderFrom); y <= years.last; ++y) {
    for (int c = 1; c < 1000; ++c) {
      if (c == kLeader) continue;
      double sum = 0;
      int n = 0;
      for (float part : {mid.get(c, y), rivalry.get(c, y), UnDistanceToLeader(s, c, y)}) {
        if (!Present(part)) continue;
        sum += part;
        ++n;
      }
      if (n > 0) s.hostility.at(c, y) = static_cast<float>(sum / n);
    }
  }
}

const internal::LeaderSpell* InOffice(const std::vector<internal::LeaderSpell>& spells,
                                      DateKey date) {
  const internal::LeaderSpell* best = nullptr;
  for (const auto& l : spells) {
    if (l.start <= date && date <= l.end && (best == nullptr || l.start > best->start)) best = &l;
  }
  return best;
}

// Years between two day keys (approximate: 365.25 days a year).
double YearsBetween(DateKey from, DateKey to) {
  auto days = [](DateKey d) {
    const int y = d / 10000, m = d / 100 % 100, day = d % 100;
    return y * 365.25 + (m - 1) * 30.44 + day;
  };
  return std::max(0.0, (days(to) - days(from)) / 365.25);
}

struct MilitaryContext {
  const MilitaryData::Impl* impl = nullptr;
  const MilitaryFramework* framework = nullptr;
  // Scores of dyads without any military fact, by (involves the US, year).
  std::array<std::vector<MilitaryYearScore>, 2> empty;
};

// Fills one dyad's series.
void FillDyad(const Sources& s, const MilitaryContext& mc, int a, int b, DyadSeries& series,
              const std::vector<std::uint8_t>& member) {
  using namespace military_internal;
  const std::uint32_t dyad = DyadKey(a, b);
  const MilitaryDyadRange* range = mc.impl->Find(a, b);
  military_internal::DyadTracks tracks;
  if (range != nullptr) ComputeTracks(*mc.impl, *mc.framework, a, b, range, tracks);
  auto contiguity = s.contiguity.find(dyad);
  // MID years and rivalries of the dyad.
  std::vector<std::pair<int, int>> mid_years;  // (year, hostlev)
  if (range != nullptr) {
    for (std::uint32_t i = range->mid_begin; i < range->mid_end; ++i) {
      mid_years.push_back({mc.impl->mids[i].year, mc.impl->mids[i].hostlev});
    }
  }
  MilitaryYearScore own_score;
  for (std::size_t k = 0; k < series.rows.size(); ++k) {
    const int year = series.first_year + static_cast<int>(k);
    Row& row = series.rows[k];
    if (!member[k]) continue;
    const std::uint64_t key = DyadYearKey(dyad, year);
    const DateKey mid_date = year * 10000 + kMidYearDay;
    // Economic.
    if (year <= kTradeLast) {
      auto t = s.trade.find(key);
      const float total_a = s.national_trade.get(a, year);
      const float total_b = s.national_trade.get(b, year);
      if (t != s.trade.end()) {
        row[kTradeTotal] = t->second.total;
        row[kPartnerRankA] = t->second.rank_a;
        row[kPartnerRankB] = t->second.rank_b;
        if (Present(total_a) && total_a > 0)
          row[kTradeDependenceA] = std::min(1.0f, t->second.total / total_a);
        if (Present(total_b) && total_b > 0)
          row[kTradeDependenceB] = std::min(1.0f, t->second.total / total_b);
      }
    }
    if (year >= kSipriFirst && year <= kSipriLast && !s.arms.empty()) {
      auto it = s.arms.find(key);
      const float to_a = it == s.arms.end() ? 0 : it->second.first;
      const float to_b = it == s.arms.end() ? 0 : it->second.second;
      const float imports_a = s.arms_imports.get(a, year);
      const float imports_b = s.arms_imports.get(b, year);
      if (Present(imports_a) && imports_a > 0) row[kArmsShareA] = to_a / imports_a;
      if (Present(imports_b) && imports_b > 0) row[kArmsShareB] = to_b / imports_b;
    }
    // Diplomatic.
    if (auto it = s.un_agree.find(key); it != s.un_agree.end()) row[kUnAgreement] = it->second;
    if (s.have_ideal) {
      const float xa = s.ideal.get(a, year);
      const float xb = s.ideal.get(b, year);
      if (Present(xa) && Present(xb)) row[kUnIdealDistance] = std::fabs(xa - xb);
    }
    if (year <= kIgoLast) {
      auto it = s.igo.find(key);
      if (it != s.igo.end()) row[kIgoShared] = it->second;
    }
    if (year <= kAtopLast) {
      row[kAtopConsultationPact] = 0;
      row[kAtopDefensePact] = 0;
      if (range != nullptr) {
        for (std::uint32_t i = range->fact_begin; i < range->fact_end; ++i) {
          const auto& f = mc.impl->facts[i];
          if (f.source != MilitarySource::kAtop || year < f.first_year || year > f.last_year)
            continue;
          if (f.kinds & entente::kAtopConsultation) row[kAtopConsultationPact] = 1;
          if (f.kinds & entente::kAtopDefense) row[kAtopDefensePact] = 1;
        }
      }
    }
    // Personal: tenure overlap of the leaders in office at mid-year.
    {
      const auto& la = year <= kArchigosLast ? s.leaders[a] : s.leaders_after[a];
      const auto& lb = year <= kArchigosLast ? s.leaders[b] : s.leaders_after[b];
      const internal::LeaderSpell* x = InOffice(la, mid_date);
      const internal::LeaderSpell* y = InOffice(lb, mid_date);
      if (x != nullptr && y != nullptr) {
        row[kTenureOverlap] =
            static_cast<float>(YearsBetween(std::max(x->start, y->start), mid_date));
        if (year > kArchigosLast) row[kEvidenceBits] = static_cast<float>(1u << kTenureOverlap);
      }
    }
    // Military.
    // Dyads without any military fact share precomputed scores by year.
    const MilitaryYearScore* scored = nullptr;
    if (range != nullptr) {
      own_score.year = year;
      FillCriteria(tracks, year, own_score);
      ScoreLevels(*mc.framework, own_score);
      scored = &own_score;
    } else {
      const int us = (a == 2 || b == 2) ? 1 : 0;
      const auto& pre = mc.empty[us];
      const int i = year - kYearBase;
      if (i >= 0 && i < static_cast<int>(pre.size())) scored = &pre[i];
    }
    const MilitaryYearScore& score = scored != nullptr ? *scored : own_score;
    const bool military_known =
        scored != nullptr && !score.criteria.empty() &&
        std::any_of(score.criteria.begin(), score.criteria.end(),
                    [](auto& c) { return c.status != CriterionStatus::kUnknown; });
    if (military_known) {
      row[kMilitaryLevel] = static_cast<float>(score.level);
      row[kMilitaryGrade] = static_cast<float>(score.grade);
      const int cd = mc.framework->IndexOf(MilitaryCriterion::kCommonDefence);
      row[kCommonDefence] =
          cd >= 0 && score.criteria[cd].status == CriterionStatus::kMet ? 1.0f : 0.0f;
    }
    // Incentives.
    row[kCincA] = s.cinc.get(a, year);
    row[kCincB] = s.cinc.get(b, year);
    if (year >= kLeaderFrom && a != kLeader && b != kLeader) {
      const float l = s.cinc.get(kLeader, year);
      if (Present(l) && Present(row[kCincA]) && Present(row[kCincB]) &&
          l + row[kCincA] + row[kCincB] > 0) {
        row[kLeaderSuperiority] = l / (l + row[kCincA] + row[kCincB]);
      }
      row[kLeaderHostilityA] = s.hostility.get(a, year);
      row[kLeaderHostilityB] = s.hostility.get(b, year);
      if (Present(row[kLeaderHostilityA]) && Present(row[kLeaderHostilityB])) {
        row[kSharedThreat] = std::min(row[kLeaderHostilityA], row[kLeaderHostilityB]);
      }
    }
    // Hurdles.
    if (mid_date <= s.contiguity_end) {
      int best = 0;
      if (contiguity != s.contiguity.end()) {
        for (const auto& c : contiguity->second) {
          if (c.conttype > 0 && c.start <= mid_date && mid_date <= c.end &&
              (best == 0 || c.conttype < best)) {
            best = c.conttype;
          }
        }
      }
      row[kContiguity] = static_cast<float>(best);
    }
    {
      const int from = std::max(year - kHistoryWindow, kMidFirst);
      const int to = std::min(year - 1, kMidLast);
      if (to - from + 1 >= kHistoryWindow / 2) {
        int n = 0, worst = 0;
        for (const auto& [y, h] : mid_years) {
          if (y >= from && y <= to) {
            ++n;
            worst = std::max(worst, h);
          }
        }
        row[kPastMidYears] = static_cast<float>(n);
        row[kPastMaxHostility] = static_cast<float>(worst);
      }
      if (year >= kMidFirst && year <= kMidLast) {
        int h = 0;
        for (const auto& [y, hl] : mid_years) {
          if (y == year) h = std::max(h, hl);
        }
        row[kMidHostilityYear] = static_cast<float>(h);
      }
    }
    {
      int history = 0;
      bool ongoing_at_end = false;
      if (range != nullptr) {
        for (std::uint32_t i = range->rivalry_begin; i < range->rivalry_end; ++i) {
          const auto& r = mc.impl->rivalries[i];
          if (r.last_year >= kRivalryLast) ongoing_at_end = true;
          if (r.first_year <= year && year <= r.last_year)
            history = 2;
          else if (r.last_year < year && r.last_year >= year - kHistoryWindow)
            history = std::max(history, 1);
        }
      }
      if (year <= kRivalryLast) {
        row[kRivalryHistory] = static_cast<float>(history);
        row[kRivalryActive] = history == 2 ? 1.0f : 0.0f;
      } else if (!ongoing_at_end) {
        row[kRivalryHistory] = static_cast<float>(history);  // history known; a new rivalry is not
      }
    }
    (void)key;
  }
}

}  // namespace

Result<ProfileData> ProfileData::Build(const CountryRegistry& countries,
                                       const ProfileDataOptions& options,
                                       const ProfileProgressFn& progress) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->years = options.years;
  const YearRange years = options.years;
  if (years.first < kYearBase || years.last >= kYearBase + kYearSlots || years.first > years.last) {
    return Status::Usage("profile years must lie within 1800:2100");
  }
  auto digest = InputsDigest(options.evidence_dir, options.frameworks_dir);
  if (!digest.ok()) return digest.status();
  impl->inputs_digest = std::move(digest).value();
  auto evidence = LoadProfileEvidence(countries, options.evidence_dir);
  if (!evidence.ok()) return evidence.status();
  impl->evidence = std::move(evidence).value();

  // The sources are independent: read them side by side (each task writes
  // its own members of `s`; the registry and evidence are read-only).
  Sources s;
  const std::string& dir = options.shared_data_dir;
  MilitaryDataOptions mo;
  mo.shared_data_dir = dir;
  mo.evidence_dir = options.evidence_dir + "/military";
  auto trade_task = std::async(std::launch::async, [&] { return LoadTrade(dir, s); });
  auto misc_task = std::async(std::launch::async, [&] { return LoadCowMisc(dir, s); });
  auto military_task =
      std::async(std::launch::async, [&] { return MilitaryData::Load(countries, mo); });
  Status leaders = LoadLeaders(dir, countries, impl->evidence, s);
  Status votes = leaders.ok() ? LoadVotes(options, years, s) : Status::Ok();
  Status trade = trade_task.get();
  Status misc = misc_task.get();
  auto military = military_task.get();
  for (const Status* st : {&trade, &misc, &leaders, &votes}) {
    if (!st->ok()) return *st;
  }
  if (!military.ok()) return military.status();
  auto framework = LoadMilitaryFramework("korolev", options.frameworks_dir);
  if (!framework.ok()) return framework.status();
  if (framework->max_level() != 8) {
    return Status::Data(
        "the korolev framework must have 8 criteria (the profile scores level / 8)");
  }
  LoadArms(military->impl(), s);
  LoadHostility(military->impl(), years, s);

  MilitaryContext mc;
  mc.impl = &military->impl();
  mc.framework = &*framework;
  for (int us = 0; us < 2; ++us) {
    military_internal::DyadTracks tracks;
    military_internal::ComputeTracks(*mc.impl, *mc.framework, us ? 2 : 1, 999, nullptr, tracks);
    mc.empty[us].resize(years.last - kYearBase + 1);
    for (int y = years.first; y <= years.last; ++y) {
      MilitaryYearScore& score = mc.empty[us][y - kYearBase];
      score.year = y;
      military_internal::FillCriteria(tracks, y, score);
      military_internal::ScoreLevels(*mc.framework, score);
    }
  }

  // Members by year.
  const int span = years.last - years.first + 1;
  struct Member {
    int ccode;
    std::vector<std::uint8_t> in;
  };
  std::vector<Member> members;
  for (const Country& c : countries.all()) {
    if (c.ccode == 0 || c.spells.empty()) continue;
    Member m{c.ccode, std::vector<std::uint8_t>(span, 0)};
    bool any = false;
    for (const MembershipSpell& sp : c.spells) {
      // The COW list (2016 version) ends every current member's spell on
      // 2016-12-31, the end of its coverage: those states are taken to stay
      // members through the panel's last year (docs/profile.md).
      const int end = sp.end >= kStateListEnd ? years.last : sp.end / 10000;
      for (int y = std::max(years.first, sp.start / 10000); y <= std::min(years.last, end); ++y) {
        m.in[y - years.first] = 1;
        any = true;
      }
    }
    if (any) members.push_back(std::move(m));
  }
  std::sort(members.begin(), members.end(), [](auto& x, auto& y) { return x.ccode < y.ccode; });

  // Only dyads some evidence file mentions need ApplyEvidence.
  const std::vector<std::uint32_t> evidence_dyads = EvidenceDyads(impl->evidence);
  const std::uint64_t total_pairs = members.size() * (members.size() - 1) / 2;
  // Dyads are filled by a few workers, each taking every T-th row of the
  // pair triangle and keeping its own output; the results are merged after.
  const unsigned workers = std::clamp(std::thread::hardware_concurrency(), 1u, kMaxWorkers);
  struct WorkerOutput {
    std::vector<std::pair<std::uint32_t, DyadSeries>> dyads;
    std::int64_t dyad_years = 0;
  };
  std::vector<WorkerOutput> outputs(workers);
  std::atomic<std::uint64_t> done{0};
  auto work = [&](unsigned worker) {
    WorkerOutput& out = outputs[worker];
    std::vector<std::uint8_t> member;
    for (std::size_t i = worker; i < members.size(); i += workers) {
      for (std::size_t j = i + 1; j < members.size(); ++j) {
        int first = -1, last = -1;
        for (int k = 0; k < span; ++k) {
          if (members[i].in[k] && members[j].in[k]) {
            if (first < 0) first = k;
            last = k;
          }
        }
        if (first < 0) continue;
        const int a = members[i].ccode, b = members[j].ccode;
        DyadSeries series;
        series.first_year = years.first + first;
        series.rows.assign(last - first + 1, EmptyRow());
        member.assign(last - first + 1, 0);
        for (int k = first; k <= last; ++k) {
          member[k - first] = members[i].in[k] && members[j].in[k];
        }
        FillDyad(s, mc, a, b, series, member);
        if (std::binary_search(evidence_dyads.begin(), evidence_dyads.end(), DyadKey(a, b))) {
          ApplyEvidence(impl->evidence, a, b, series);
        }
        for (std::size_t k = 0; k < series.rows.size(); ++k) {
          if (!member[k]) continue;
          DeriveIndices(series.rows[k]);
          ++out.dyad_years;
        }
        out.dyads.emplace_back(DyadKey(a, b), std::move(series));
      }
      const std::uint64_t now = done += members.size() - i - 1;
      if (progress && worker == 0) progress(now, total_pairs);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < workers; ++w) threads.emplace_back(work, w);
  work(0);
  for (auto& t : threads) t.join();
  std::size_t count = 0;
  for (const auto& out : outputs) count += out.dyads.size();
  impl->dyads.reserve(count);
  for (auto& out : outputs) {
    impl->dyad_years += out.dyad_years;
    for (auto& [key, series] : out.dyads) impl->dyads.emplace(key, std::move(series));
  }
  // Ranks of the composite within each year.
  std::vector<std::vector<std::pair<float, Row*>>> by_year(span);
  for (auto& [key, series] : impl->dyads) {
    for (std::size_t k = 0; k < series.rows.size(); ++k) {
      Row& row = series.rows[k];
      if (Present(row[kComposite])) {
        by_year[series.first_year + k - years.first].push_back({row[kComposite], &row});
      }
    }
  }
  for (auto& list : by_year) {
    std::sort(list.begin(), list.end(), [](auto& x, auto& y) { return x.first > y.first; });
    int rank = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i == 0 || list[i].first < list[i - 1].first) rank = static_cast<int>(i) + 1;
      (*list[i].second)[kRank] = static_cast<float>(rank);
      (*list[i].second)[kRankedDyads] = static_cast<float>(list.size());
    }
  }
  if (progress) progress(total_pairs, total_pairs);
  return ProfileData(std::move(impl));
}

}  // namespace entente
