// --explain: every criterion of a framework with the evidence behind it.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "measures/military/military_data_impl.h"

namespace entente {
namespace {

using internal::MilitaryDetail;
using internal::MilitaryFact;
using military_internal::EffectiveSpan;
using military_internal::SelectorMatches;

std::string StatusName(CriterionStatus s) {
  switch (s) {
    case CriterionStatus::kMet:
      return "met";
    case CriterionStatus::kNotMet:
      return "not met";
    case CriterionStatus::kUnknown:
      return "unknown";
  }
  return "";
}

// "met 2005-2025; not met 1991-2004" from per-year statuses, in order of
// first appearance.
std::string Summary(const std::vector<MilitaryYearScore>& scores, std::size_t ci) {
  std::vector<std::pair<CriterionStatus, std::string>> parts;
  std::map<CriterionStatus, std::size_t> index;
  std::size_t i = 0;
  while (i < scores.size()) {
    const CriterionStatus s = scores[i].criteria[ci].status;
    std::size_t j = i;
    while (j + 1 < scores.size() && scores[j + 1].criteria[ci].status == s) ++j;
    std::string span = std::to_string(scores[i].year);
    if (j > i) {
      span += '-';
      span += std::to_string(scores[j].year);
    }
    auto [it, inserted] = index.try_emplace(s, parts.size());
    if (inserted) {
      parts.push_back({s, StatusName(s) + " " + span});
    } else {
      parts[it->second].second += ", ";
      parts[it->second].second += span;
    }
    i = j + 1;
  }
  std::string out;
  for (const auto& p : parts) internal::AppendJoined(out, "; ", p.second);
  return out;
}

// Why criterion `ci`, met in this year, adds nothing to the year's level
// ("" when it counts or is not met). The ladder takes a stage's criteria only
// once every earlier stage is reached, so a deep criterion met before the
// moderate stage is left out; the first stage not reached says why.
std::string WhyNotCounted(const MilitaryFramework& framework, const MilitaryYearScore& score,
                          std::size_t ci) {
  const int stage = framework.criteria[ci].stage;
  if (score.criteria[ci].status != CriterionStatus::kMet || stage <= score.stage + 1) return "";
  const MilitaryFrameworkStage& blocking = framework.stages[score.stage + 1];
  std::string met, unknown, not_met;
  for (int k : blocking.criteria) {
    const CriterionStatus s = score.criteria[k].status;
    std::string& list = s == CriterionStatus::kMet       ? met
                        : s == CriterionStatus::kUnknown ? unknown
                                                         : not_met;
    internal::AppendJoined(list, ", ", std::string(MilitaryCriterionId(framework.criteria[k].id)));
  }
  std::string out = "the " + blocking.id + " stage is not reached (" +
                    std::to_string(blocking.min_met) + " of its " +
                    std::to_string(blocking.criteria.size()) +
                    " criteria needed; met: " + (met.empty() ? "none" : met);
  if (!unknown.empty()) out += "; unknown, as no source covers them: " + unknown;
  if (!not_met.empty()) out += "; not met: " + not_met;
  return out + ")";
}

// "Not counted in the level in 1950-1979: the moderate stage is not reached
// (...)", one part per run of years with the same reason; "" when the
// criterion counts in every year it is met.
std::string NotCountedNote(const MilitaryFramework& framework,
                           const std::vector<MilitaryYearScore>& scores, std::size_t ci) {
  std::vector<std::string> why(scores.size());
  for (std::size_t k = 0; k < scores.size(); ++k) why[k] = WhyNotCounted(framework, scores[k], ci);
  std::string out;
  std::size_t i = 0;
  while (i < scores.size()) {
    std::size_t j = i;
    while (j + 1 < scores.size() && scores[j + 1].year == scores[j].year + 1 &&
           why[j + 1] == why[i]) {
      ++j;
    }
    if (!why[i].empty()) {
      std::string span = std::to_string(scores[i].year);
      if (j > i) span += "-" + std::to_string(scores[j].year);
      internal::AppendJoined(
          out, "; ", (out.empty() ? "Not counted in the level in " : "in ") + span + ": " + why[i]);
    }
    i = j + 1;
  }
  return out;
}

std::string Number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

void DatasetCitation(MilitarySource source, MilitaryExplainRow& row) {
  const MilitarySourceInfo& info = MilitarySourceDescription(source);
  row.source = std::string(info.id);
  row.publisher = std::string(info.citation);
  row.title = std::string(info.path);
}

}  // namespace

std::vector<MilitaryExplainRow> ExplainMilitaryDyad(const MilitaryData& data,
                                                    const CountryRegistry& countries,
                                                    const MilitaryFramework& framework,
                                                    const Country& a, const Country& b,
                                                    YearRange years) {
  const MilitaryData::Impl& impl = data.impl();
  const auto scores = ScoreMilitaryDyad(data, countries, framework, a, b, years);
  // The code pairs the dyad held, with the years asked for under each.
  std::map<std::pair<int, int>, std::pair<int, int>> pairs;
  for (const auto& s : scores) {
    if (s.ccode_a == 0) continue;
    std::pair<int, int> key{std::min(s.ccode_a, s.ccode_b), std::max(s.ccode_a, s.ccode_b)};
    auto [it, inserted] = pairs.try_emplace(key, s.year, s.year);
    if (!inserted) it->second.second = s.year;
  }
  std::vector<MilitaryExplainRow> out;
  for (std::size_t ci = 0; ci < framework.criteria.size(); ++ci) {
    const MilitaryFrameworkCriterion& c = framework.criteria[ci];
    std::string summary = Summary(scores, ci);
    if (std::string note = NotCountedNote(framework, scores, ci); !note.empty()) {
      summary += ". " + note;
    }
    std::vector<MilitaryExplainRow> rows;
    auto base_row = [&] {
      MilitaryExplainRow row;
      row.criterion = std::string(MilitaryCriterionId(c.id));
      row.status = summary;
      return row;
    };
    // One ATOP span with several obligations matches several atop:KIND
    // selectors of one criterion: it is listed once.
    std::set<std::int32_t> listed_details;
    std::set<std::uint32_t> listed_facts;
    for (const auto& entry : pairs) {
      // Named copies, not structured bindings: clang 14 cannot capture those.
      const std::pair<int, int> pair = entry.first;
      const std::pair<int, int> span = entry.second;
      const MilitaryDyadRange* range = impl.Find(pair.first, pair.second);
      if (range == nullptr) continue;
      auto in_range = [span](int first, int last) {
        return first <= span.second && last >= span.first;
      };
      for (const MilitaryEvidenceSelector& sel : c.evidence) {
        if (sel.source == MilitarySource::kSipri) {
          // One row per item and direction, with its delivery years and TIV.
          std::vector<military_internal::SipriYear> by_year;
          military_internal::SipriByYear(impl, range, by_year);
          struct Item {
            int first = 9999, last = 0;
            double tiv = 0;
            bool counted = false;
            std::int32_t detail = -1;
          };
          std::map<std::pair<int, std::string>, Item> items;
          for (std::uint32_t i = range->fact_begin; i < range->fact_end; ++i) {
            const MilitaryFact& f = impl.facts[i];
            if (f.source != MilitarySource::kSipri) continue;
            auto [first, last] = EffectiveSpan(c, f.first_year, f.last_year, false);
            if (!in_range(first, last)) continue;
            const auto& y = by_year[f.first_year - military_internal::kYearLo];
            const double total = y.tiv_ab + y.tiv_ba;
            Item& item = items[{f.from_ccode, impl.details[f.detail].name}];
            item.first = std::min<int>(item.first, f.first_year);
            item.last = std::max<int>(item.last, f.first_year);
            item.tiv += f.value;
            item.counted = item.counted || total >= c.sipri_min_tiv;
            item.detail = f.detail;
          }
          for (const auto& [key, item] : items) {
            MilitaryExplainRow row = base_row();
            DatasetCitation(MilitarySource::kSipri, row);
            row.date = std::to_string(item.first);
            if (item.last != item.first) row.end_date = std::to_string(item.last);
            row.kind = "arms_delivery";
            row.name = key.second;
            const Country* from = countries.ByCcode(key.first);
            const int to_code = key.first == pair.first ? pair.second : pair.first;
            const Country* to = countries.ByCcode(to_code);
            row.detail = (from ? from->name : std::to_string(key.first)) + " -> " +
                         (to ? to->name : std::to_string(to_code)) + ", TIV " + Number(item.tiv) +
                         " million delivered " + row.date +
                         (row.end_date.empty() ? "" : "-" + row.end_date) +
                         (c.sipri_min_tiv > 0 ? " (a year counts from TIV " +
                                                    Number(c.sipri_min_tiv) + " both ways)"
                                              : "");
            row.reference = impl.details[item.detail].reference;
            row.counted = item.counted;
            rows.push_back(std::move(row));
          }
          continue;
        }
        if (sel.source == MilitarySource::kUsTroops) {
          // Runs of consecutive years at or above the threshold.
          std::vector<const MilitaryFact*> years_met;
          for (std::uint32_t i = range->fact_begin; i < range->fact_end; ++i) {
            const MilitaryFact& f = impl.facts[i];
            if (SelectorMatches(sel, c, f) && in_range(f.first_year, f.first_year)) {
              years_met.push_back(&f);
            }
          }
          std::sort(years_met.begin(), years_met.end(),
                    [](auto* x, auto* y) { return x->first_year < y->first_year; });
          for (std::size_t i = 0; i < years_met.size();) {
            std::size_t j = i;
            float lo = years_met[i]->value, hi = lo;
            while (j + 1 < years_met.size() &&
                   years_met[j + 1]->first_year == years_met[j]->first_year + 1) {
              ++j;
              lo = std::min(lo, years_met[j]->value);
              hi = std::max(hi, years_met[j]->value);
            }
            MilitaryExplainRow row = base_row();
            DatasetCitation(MilitarySource::kUsTroops, row);
            row.date = std::to_string(years_met[i]->first_year);
            if (j > i) row.end_date = std::to_string(years_met[j]->first_year);
            row.kind = "troop_placement";
            row.name = "US active-duty troops in the host country";
            row.detail = "between " + std::to_string(static_cast<long>(lo)) + " and " +
                         std::to_string(static_cast<long>(hi)) + " a year (threshold " +
                         std::to_string(c.us_troops_min) + ")";
            row.reference = impl.details[years_met[i]->detail].reference;
            row.counted = true;
            rows.push_back(std::move(row));
            i = j + 1;
          }
          continue;
        }
        for (std::uint32_t i = range->fact_begin; i < range->fact_end; ++i) {
          const MilitaryFact& f = impl.facts[i];
          if (!SelectorMatches(sel, c, f)) continue;
          auto [first, last] = EffectiveSpan(c, f.first_year, f.last_year, f.open_ended);
          if (!in_range(first, last)) continue;
          if (!listed_facts.insert(i).second) continue;
          if (f.detail >= 0 && !listed_details.insert(f.detail).second) continue;
          MilitaryExplainRow row = base_row();
          const MilitaryDetail* d = f.detail >= 0 ? &impl.details[f.detail] : nullptr;
          if (f.source == MilitarySource::kTeam) {
            row.source = "team";
            row.publisher = d->publisher;
            row.title = d->title;
            row.published = d->published;
            row.url = d->url;
            row.detail = d->description;
          } else {
            DatasetCitation(f.source, row);
            row.detail = d ? d->description : "";
          }
          if (d != nullptr) {
            row.date = d->date.empty() ? std::to_string(f.first_year) : d->date;
            row.end_date = d->end_date;
            row.kind = d->kind;
            row.name = d->name;
            row.reference = d->reference;
          }
          row.counted = true;
          rows.push_back(std::move(row));
        }
      }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
      if (x.date.substr(0, 4) != y.date.substr(0, 4)) return x.date < y.date;
      return x.source < y.source;
    });
    if (rows.empty()) rows.push_back(base_row());
    for (auto& r : rows) out.push_back(std::move(r));
  }
  return out;
}

}  // namespace entente
