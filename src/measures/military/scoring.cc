// Scoring a dyad-year: which criteria are met, since when, and the stage,
// level and grade they give under a framework (docs/military.md).
#include <algorithm>
#include <cmath>
#include <map>

#include "measures/military/military_data_impl.h"

namespace entente {
namespace military_internal {
namespace {

using internal::MilitaryFact;

constexpr int kUnitedStates = 2;

int Clamp(int year) {
  return std::clamp(year, kYearLo, kYearHi);
}

void Mark(std::array<std::uint8_t, kYears>& years, int first, int last) {
  first = Clamp(first);
  last = Clamp(last);
  for (int y = first; y <= last; ++y) years[y - kYearLo] = 1;
}

}  // namespace

bool SelectorMatches(const MilitaryEvidenceSelector& selector,
                     const MilitaryFrameworkCriterion& criterion, const MilitaryFact& fact) {
  if (fact.source != selector.source) return false;
  switch (fact.source) {
    case MilitarySource::kTeam:
      return (fact.kinds & selector.kinds) != 0;
    case MilitarySource::kAtop:
    case MilitarySource::kUsBases:
      return selector.kinds == 0 || (fact.kinds & selector.kinds) != 0;
    case MilitarySource::kMme:
      if (criterion.mme_max_participants > 0 && fact.value > criterion.mme_max_participants) {
        return false;
      }
      return selector.kinds == 0 || (fact.kinds & selector.kinds) != 0;
    case MilitarySource::kUsTroops:
      return fact.value >= static_cast<float>(criterion.us_troops_min);
    case MilitarySource::kSipri:
      return true;  // the threshold applies to the year's total (ComputeTracks)
  }
  return false;
}

std::pair<int, int> EffectiveSpan(const MilitaryFrameworkCriterion& criterion, int first_year,
                                  int last_year, bool open_ended) {
  int last = last_year;
  if (criterion.holds == MilitaryPersistence::kUntilEnd) {
    if (open_ended) last = kYearHi;
  } else {
    last = last_year + criterion.recur_within_years - 1;
  }
  return {Clamp(first_year), Clamp(last)};
}

void SipriByYear(const MilitaryData::Impl& data, const MilitaryDyadRange* range,
                 std::vector<SipriYear>& out) {
  out.assign(kYears, SipriYear{});
  if (range == nullptr) return;
  for (std::uint32_t i = range->fact_begin; i < range->fact_end; ++i) {
    const MilitaryFact& f = data.facts[i];
    if (f.source != MilitarySource::kSipri) continue;
    SipriYear& y = out[f.first_year - kYearLo];
    (f.from_ccode == f.ccode_a ? y.tiv_ab : y.tiv_ba) += f.value;
    y.classes |= f.kinds;
    ++y.rows;
  }
  // TIV values have at most two decimals; summing floats leaves noise.
  for (SipriYear& y : out) {
    y.tiv_ab = std::round(y.tiv_ab * 100) / 100;
    y.tiv_ba = std::round(y.tiv_ba * 100) / 100;
  }
}

void ComputeTracks(const MilitaryData::Impl& data, const MilitaryFramework& framework, int a, int b,
                   const MilitaryDyadRange* range, DyadTracks& out) {
  out.criteria.assign(framework.criteria.size(), CriterionTrack{});
  const bool us_dyad = a == kUnitedStates || b == kUnitedStates;
  std::vector<SipriYear> sipri;
  bool sipri_done = false;
  // Years with evidence of their own (before persistence), for kRecur.
  std::array<std::uint8_t, kYears> evidenced{};
  for (std::size_t ci = 0; ci < framework.criteria.size(); ++ci) {
    const MilitaryFrameworkCriterion& c = framework.criteria[ci];
    CriterionTrack& track = out.criteria[ci];
    const bool recur = c.holds == MilitaryPersistence::kRecur;
    evidenced.fill(0);
    // Marks a fact's years: its own years for kRecur (persistence follows
    // below, once the runs are known), its effective span for kUntilEnd.
    auto add = [&](int first, int last, bool open_ended) {
      if (recur) {
        Mark(evidenced, first, last);
      } else {
        auto [from, to] = EffectiveSpan(c, first, last, open_ended);
        Mark(track.met, from, to);
      }
    };
    for (const MilitaryEvidenceSelector& sel : c.evidence) {
      // Which years would this source have recorded the criterion in?
      const MilitarySourceInfo& info = MilitarySourceDescription(sel.source);
      switch (sel.source) {
        case MilitarySource::kTeam:
          if (range != nullptr) {
            for (std::uint32_t k = range->coverage_begin; k < range->coverage_end; ++k) {
              const auto& cov = data.coverage[k];
              if (cov.criteria & sel.kinds) Mark(track.covered, cov.first_year, cov.last_year);
            }
          }
          break;
        case MilitarySource::kUsTroops:
        case MilitarySource::kUsBases:
          if (us_dyad && data.loaded[static_cast<int>(sel.source)]) {
            Mark(track.covered, info.first_year, info.last_year);
          }
          break;
        default:
          if (data.loaded[static_cast<int>(sel.source)]) {
            Mark(track.covered, info.first_year, info.last_year);
          }
          break;
      }
      if (range == nullptr) continue;
      if (sel.source == MilitarySource::kSipri) {
        if (!sipri_done) {
          SipriByYear(data, range, sipri);
          sipri_done = true;
        }
        for (int y = 0; y < kYears; ++y) {
          // A year counts when deliveries both ways reach the threshold; with
          // a threshold of 0, any delivery row counts (TIV 0 means under 0.5).
          const double total = sipri[y].tiv_ab + sipri[y].tiv_ba;
          const bool delivered = c.sipri_min_tiv > 0 ? total >= c.sipri_min_tiv : sipri[y].rows > 0;
          if (delivered) add(y + kYearLo, y + kYearLo, false);
        }
        continue;
      }
      for (std::uint32_t i = range->fact_begin; i < range->fact_end; ++i) {
        const MilitaryFact& f = data.facts[i];
        if (!SelectorMatches(sel, c, f)) continue;
        add(f.first_year, f.last_year, f.open_ended);
      }
    }
    if (recur) {
      // Runs of evidenced years with gaps of at most recur_within_years; a
      // run with recur_min_years distinct years keeps the criterion met from
      // its first year to recur_within_years - 1 after its last.
      int y = 0;
      while (y < kYears) {
        if (!evidenced[y]) {
          ++y;
          continue;
        }
        int first = y, last = y, distinct = 1;
        for (int next = y + 1; next < kYears && next - last <= c.recur_within_years; ++next) {
          if (evidenced[next]) {
            last = next;
            ++distinct;
          }
        }
        if (distinct >= c.recur_min_years) {
          Mark(track.met, first + kYearLo, last + c.recur_within_years - 1 + kYearLo);
        }
        y = last + 1;
      }
    }
    for (int y = 0; y < kYears; ++y) {
      if (!track.met[y]) continue;
      track.since[y] =
          static_cast<std::int16_t>(y > 0 && track.met[y - 1] ? track.since[y - 1] : y + kYearLo);
    }
  }
}

void FillCriteria(const DyadTracks& tracks, int year, MilitaryYearScore& score) {
  score.criteria.assign(tracks.criteria.size(), MilitaryCriterionYear{});
  const int index = year - kYearLo;
  if (index < 0 || index >= kYears) return;
  for (std::size_t ci = 0; ci < tracks.criteria.size(); ++ci) {
    const CriterionTrack& t = tracks.criteria[ci];
    MilitaryCriterionYear& out = score.criteria[ci];
    if (t.met[index]) {
      out.status = CriterionStatus::kMet;
      out.since = t.since[index];
    } else {
      out.status = t.covered[index] ? CriterionStatus::kNotMet : CriterionStatus::kUnknown;
    }
  }
}

void ScoreLevels(const MilitaryFramework& framework, MilitaryYearScore& score) {
  const std::size_t stages = framework.stages.size();
  std::vector<int> met(stages, 0);
  std::vector<int> possible(stages, 0);  // met or unknown
  int total_met = 0;
  for (std::size_t ci = 0; ci < framework.criteria.size(); ++ci) {
    const int s = framework.criteria[ci].stage;
    const CriterionStatus status = score.criteria[ci].status;
    if (status == CriterionStatus::kMet) {
      ++met[s];
      ++total_met;
    }
    if (status != CriterionStatus::kNotMet) ++possible[s];
  }
  // A reached stage counts in full, except the last, whose criteria count
  // one by one; the first stage not reached counts its met criteria and
  // ends the climb. So the moderate stage of the two-stage model is level 5
  // however many of its criteria are met, each deep criterion adds one, and
  // all of them make the maximum.
  auto ladder = [&](const std::vector<int>& counts, int* reached_out) {
    int reached = -1;
    int level = 0;
    for (std::size_t s = 0; s < stages; ++s) {
      const bool is_reached = counts[s] >= framework.stages[s].min_met;
      if (is_reached) reached = static_cast<int>(s);
      if (!is_reached || s + 1 == stages) {
        level += counts[s];
        break;
      }
      level += static_cast<int>(framework.stages[s].criteria.size());
    }
    if (reached_out != nullptr) *reached_out = reached;
    return level;
  };
  score.level = ladder(met, &score.stage);
  score.level_max = ladder(possible, nullptr);
  score.grade = framework.criteria.empty() ? 0
                                           : static_cast<double>(total_met) /
                                                 static_cast<double>(framework.criteria.size());
}

void FillCounterEvidence(const MilitaryData::Impl& data, const MilitaryDyadRange* range, int year,
                         MilitaryYearScore& score) {
  score.mid_hostlev.reset();
  score.rivalry.reset();
  if (data.mids_loaded && year >= kMidFirstYear && year <= kMidLastYear) {
    int hostlev = 0;
    if (range != nullptr) {
      for (std::uint32_t i = range->mid_begin; i < range->mid_end; ++i) {
        if (data.mids[i].year == year) hostlev = std::max<int>(hostlev, data.mids[i].hostlev);
      }
    }
    score.mid_hostlev = hostlev;
  }
  if (data.rivalries_loaded && year >= kRivalryFirstYear && year <= kRivalryLastYear) {
    std::string types;
    if (range != nullptr) {
      for (std::uint32_t i = range->rivalry_begin; i < range->rivalry_end; ++i) {
        const auto& r = data.rivalries[i];
        if (year >= r.first_year && year <= r.last_year) {
          internal::AppendJoined(types, ";", r.types);
        }
      }
    }
    score.rivalry = std::move(types);
  }
}

}  // namespace military_internal

std::vector<MilitaryYearScore> ScoreMilitaryDyad(const MilitaryData& data,
                                                 const CountryRegistry& countries,
                                                 const MilitaryFramework& framework,
                                                 const Country& a, const Country& b,
                                                 YearRange years) {
  using namespace military_internal;
  const MilitaryData::Impl& impl = data.impl();
  std::vector<MilitaryYearScore> out;
  // Tracks per distinct pair of codes (the lineage may change codes).
  std::map<std::pair<int, int>, std::pair<DyadTracks, std::vector<SipriYear>>> cache;
  for (int year = years.first; year <= years.last; ++year) {
    MilitaryYearScore score;
    score.year = year;
    const DateKey mid_year = MakeDateKey(year, 7, 1);
    auto ca = countries.CcodeOn(a, mid_year);
    auto cb = countries.CcodeOn(b, mid_year);
    if (!ca || !cb || *ca == *cb) {
      score.criteria.assign(framework.criteria.size(), MilitaryCriterionYear{});
      ScoreLevels(framework, score);
      out.push_back(std::move(score));
      continue;
    }
    score.ccode_a = *ca;
    score.ccode_b = *cb;
    const int lo = std::min(*ca, *cb);
    const int hi = std::max(*ca, *cb);
    const MilitaryDyadRange* range = impl.Find(lo, hi);
    auto [it, inserted] = cache.try_emplace({lo, hi});
    if (inserted) {
      ComputeTracks(impl, framework, lo, hi, range, it->second.first);
      SipriByYear(impl, range, it->second.second);
    }
    FillCriteria(it->second.first, year, score);
    ScoreLevels(framework, score);
    const MilitarySourceInfo& sipri = MilitarySourceDescription(MilitarySource::kSipri);
    if (impl.loaded[static_cast<int>(MilitarySource::kSipri)] && year >= sipri.first_year &&
        year <= sipri.last_year) {
      const SipriYear& s = it->second.second[year - kYearLo];
      const bool a_is_lo = *ca == lo;
      score.tiv_ab = a_is_lo ? s.tiv_ab : s.tiv_ba;
      score.tiv_ba = a_is_lo ? s.tiv_ba : s.tiv_ab;
      score.arms_classes = s.classes;
    }
    FillCounterEvidence(impl, range, year, score);
    out.push_back(std::move(score));
  }
  return out;
}

}  // namespace entente
