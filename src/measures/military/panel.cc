// The all-dyads panel: every pair of COW system members in every year.
//
// Most pairs have no evidence at all; their rows depend only on the year
// and on whether the US is one of them (US troops and bases cover US dyads
// only), so those rows are formatted once per year and reused. Pairs with
// evidence are scored from their own facts.
#include <algorithm>
#include <ostream>

#include "entente/table.h"
#include "measures/military/military_data_impl.h"
#include "measures/military/military_format.h"

namespace entente {
namespace {

using namespace military_internal;

constexpr int kUnitedStates = 2;
constexpr std::size_t kFlushBytes = 1 << 20;

}  // namespace

std::vector<std::string> MilitaryScoreColumns() {
  std::vector<std::string> names = {"framework", "stage",        "level",           "level_max",
                                    "grade",     "criteria_met", "criteria_unknown"};
  for (int i = 0; i < kMilitaryCriterionCount; ++i) {
    names.push_back(std::string(MilitaryCriterionId(static_cast<MilitaryCriterion>(i))) + "_since");
  }
  for (const char* n : {"tiv_ab", "tiv_ba", "arms_classes", "mid_hostlev", "rivalry"}) {
    names.push_back(n);
  }
  return names;
}

std::string MilitaryCriteriaList(const MilitaryFramework& framework, const MilitaryYearScore& score,
                                 CriterionStatus status) {
  std::string out;
  for (std::size_t i = 0; i < framework.criteria.size() && i < score.criteria.size(); ++i) {
    if (score.criteria[i].status != status) continue;
    if (!out.empty()) out += ';';
    out += MilitaryCriterionId(framework.criteria[i].id);
  }
  return out;
}

std::string MilitaryStageName(const MilitaryFramework& framework, const MilitaryYearScore& score) {
  return score.stage < 0 ? std::string("none") : framework.stages[score.stage].id;
}

namespace military_internal {

void AppendScoreCsv(std::string& out, const MilitaryFramework& framework,
                    const MilitaryYearScore& score) {
  out += framework.id;
  out += ',';
  out += MilitaryStageName(framework, score);
  out += ',';
  AppendInt(out, score.level);
  out += ',';
  AppendInt(out, score.level_max);
  out += ',';
  AppendFixed(out, score.grade, 3);
  out += ',';
  out += MilitaryCriteriaList(framework, score, CriterionStatus::kMet);
  out += ',';
  out += MilitaryCriteriaList(framework, score, CriterionStatus::kUnknown);
  for (int i = 0; i < kMilitaryCriterionCount; ++i) {
    out += ',';
    const int index = framework.IndexOf(static_cast<MilitaryCriterion>(i));
    if (index >= 0 && score.criteria[index].status == CriterionStatus::kMet) {
      AppendInt(out, score.criteria[index].since);
    }
  }
  out += ',';
  if (score.tiv_ab) AppendFixed(out, *score.tiv_ab, 1);
  out += ',';
  if (score.tiv_ba) AppendFixed(out, *score.tiv_ba, 1);
  out += ',';
  out += ArmsClassNames(score.arms_classes);
  out += ',';
  if (score.mid_hostlev) AppendInt(out, *score.mid_hostlev);
  out += ',';
  if (score.rivalry) out += score.rivalry->empty() ? std::string("none") : *score.rivalry;
}

}  // namespace military_internal

Result<std::int64_t> WriteMilitaryPanelCsv(const MilitaryData& data,
                                           const CountryRegistry& countries,
                                           const std::vector<const MilitaryFramework*>& frameworks,
                                           const MilitaryPanelOptions& options, std::ostream& out) {
  const MilitaryData::Impl& impl = data.impl();
  const YearRange years = options.years;
  if (years.first < kYearLo || years.last > kYearHi || years.first > years.last) {
    return Status::Usage("years must lie within " + std::to_string(kYearLo) + ":" +
                         std::to_string(kYearHi));
  }
  if (frameworks.empty()) return Status::Usage("no framework to score with");
  const int span = years.last - years.first + 1;
  // Members: COW states with a spell touching the year.
  struct Member {
    int ccode;
    std::vector<std::uint8_t> in;  // by year - years.first
  };
  std::vector<Member> members;
  for (const Country& c : countries.all()) {
    if (c.ccode == 0 || c.spells.empty()) continue;
    Member m{c.ccode, std::vector<std::uint8_t>(span, 0)};
    bool any = false;
    for (const MembershipSpell& s : c.spells) {
      const int from = std::max(years.first, s.start / 10000);
      const int to = std::min(years.last, s.end / 10000);
      for (int y = from; y <= to; ++y) {
        m.in[y - years.first] = 1;
        any = true;
      }
    }
    if (any) members.push_back(std::move(m));
  }
  std::sort(members.begin(), members.end(),
            [](const Member& x, const Member& y) { return x.ccode < y.ccode; });

  // Rows of pairs without evidence: [framework][us ? 1 : 0][year].
  std::vector<std::array<std::vector<std::string>, 2>> empty_rows(frameworks.size());
  for (std::size_t f = 0; f < frameworks.size(); ++f) {
    for (int us = 0; us < 2; ++us) {
      DyadTracks tracks;
      ComputeTracks(impl, *frameworks[f], us ? kUnitedStates : 1, 999, nullptr, tracks);
      auto& rows = empty_rows[f][us];
      rows.resize(span);
      for (int y = years.first; y <= years.last; ++y) {
        MilitaryYearScore score;
        score.year = y;
        FillCriteria(tracks, y, score);
        ScoreLevels(*frameworks[f], score);
        const MilitarySourceInfo& sipri = MilitarySourceDescription(MilitarySource::kSipri);
        if (impl.loaded[static_cast<int>(MilitarySource::kSipri)] && y >= sipri.first_year &&
            y <= sipri.last_year) {
          score.tiv_ab = 0.0;
          score.tiv_ba = 0.0;
        }
        FillCounterEvidence(impl, nullptr, y, score);
        AppendScoreCsv(rows[y - years.first], *frameworks[f], score);
      }
    }
  }

  std::string buffer;
  buffer.reserve(kFlushBytes + 4096);
  buffer += "ccode1,ccode2,year";
  for (const auto& name : MilitaryScoreColumns()) buffer += "," + name;
  buffer += '\n';
  std::int64_t written = 0;
  std::vector<DyadTracks> tracks(frameworks.size());
  std::vector<SipriYear> sipri_years;
  const MilitarySourceInfo& sipri = MilitarySourceDescription(MilitarySource::kSipri);
  const bool sipri_loaded = impl.loaded[static_cast<int>(MilitarySource::kSipri)];
  const std::uint64_t dyads = members.size() * (members.size() - 1) / 2;
  std::uint64_t dyads_done = 0;
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (options.progress) options.progress(dyads_done, dyads);
    dyads_done += members.size() - i - 1;
    for (std::size_t j = i + 1; j < members.size(); ++j) {
      const Member& a = members[i];
      const Member& b = members[j];
      const MilitaryDyadRange* range = impl.Find(a.ccode, b.ccode);
      const int us = (a.ccode == kUnitedStates || b.ccode == kUnitedStates) ? 1 : 0;
      bool computed = false;
      for (int k = 0; k < span; ++k) {
        if (!a.in[k] || !b.in[k]) continue;
        const int year = years.first + k;
        if (range != nullptr && !computed) {
          for (std::size_t f = 0; f < frameworks.size(); ++f) {
            ComputeTracks(impl, *frameworks[f], a.ccode, b.ccode, range, tracks[f]);
          }
          SipriByYear(impl, range, sipri_years);
          computed = true;
        }
        for (std::size_t f = 0; f < frameworks.size(); ++f) {
          AppendInt(buffer, a.ccode);
          buffer += ',';
          AppendInt(buffer, b.ccode);
          buffer += ',';
          AppendInt(buffer, year);
          buffer += ',';
          if (range == nullptr) {
            buffer += empty_rows[f][us][k];
          } else {
            MilitaryYearScore score;
            score.year = year;
            score.ccode_a = a.ccode;
            score.ccode_b = b.ccode;
            FillCriteria(tracks[f], year, score);
            ScoreLevels(*frameworks[f], score);
            if (sipri_loaded && year >= sipri.first_year && year <= sipri.last_year) {
              const SipriYear& s = sipri_years[year - kYearLo];
              score.tiv_ab = s.tiv_ab;
              score.tiv_ba = s.tiv_ba;
              score.arms_classes = s.classes;
            }
            FillCounterEvidence(impl, range, year, score);
            AppendScoreCsv(buffer, *frameworks[f], score);
          }
          buffer += '\n';
          ++written;
        }
        if (buffer.size() >= kFlushBytes) {
          out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
          buffer.clear();
        }
      }
    }
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  if (options.progress) options.progress(dyads, dyads);
  if (!out) return Status::Io("write failed (disk full?)");
  return written;
}

}  // namespace entente
