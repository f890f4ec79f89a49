// /api/v1/military: Korolev's ordinal criteria for one dyad, per year.
#include <sstream>

#include "entente/military.h"
#include "entente/military_table.h"
#include "server/endpoints.h"

namespace entente::server {
namespace {

// The command line's default window: the post-war system to the last year
// of the evidence files.
constexpr YearRange kDefaultYears{1946, 2025};
// More frameworks than exist is a mistake, not a request to honour.
constexpr std::size_t kMaxFrameworks = 8;

Result<std::vector<const MilitaryFramework*>> Frameworks(const ServerData& data,
                                                         const Query& query) {
  const std::string* value = query.Get("framework");
  std::string list = value == nullptr ? "korolev" : *value;
  std::vector<const MilitaryFramework*> out;
  std::stringstream items(list);
  std::string id;
  while (std::getline(items, id, ',')) {
    const MilitaryFramework* f = data.Framework(id);
    if (f == nullptr) {
      std::string known;
      for (const auto& k : data.frameworks) known += (known.empty() ? "" : ", ") + k.id;
      return Status::Usage("parameter 'framework': unknown framework '" + id.substr(0, 80) +
                           "'; known: " + known);
    }
    for (const auto* seen : out) {
      if (seen == f) return Status::Usage("parameter 'framework': '" + id + "' given twice");
    }
    out.push_back(f);
    if (out.size() > kMaxFrameworks) {
      return Status::Usage("parameter 'framework': at most " + std::to_string(kMaxFrameworks) +
                           " frameworks");
    }
  }
  if (out.empty()) {
    return Status::Usage("parameter 'framework' is empty: give a name such as korolev");
  }
  return out;
}

Json FrameworkJson(const MilitaryFramework& f) {
  Json stages = Json::array();
  for (const auto& s : f.stages) {
    stages.push_back({{"id", s.id}, {"title", s.title}, {"min_met", s.min_met}});
  }
  Json criteria = Json::array();
  for (const auto& c : f.criteria) {
    criteria.push_back({{"id", std::string(MilitaryCriterionId(c.id))},
                        {"title", c.title},
                        {"stage", f.stages[c.stage].id}});
  }
  return {{"id", f.id},
          {"title", f.title},
          {"citation", f.citation},
          {"max_level", f.max_level()},
          {"stages", stages},
          {"criteria", criteria}};
}

Json EvidenceJson(const MilitaryFramework& fw, const std::vector<MilitaryExplainRow>& rows) {
  Json out = Json::array();
  for (const auto& r : rows) {
    out.push_back({{"framework", fw.id},
                   {"criterion", r.criterion},
                   {"status", r.status},
                   {"counted", r.counted},
                   {"source", r.source},
                   {"date", r.date},
                   {"end_date", r.end_date},
                   {"kind", r.kind},
                   {"name", r.name},
                   {"detail", r.detail},
                   {"publisher", r.publisher},
                   {"title", r.title},
                   {"published", r.published},
                   {"url", r.url},
                   {"reference", r.reference}});
  }
  return out;
}

}  // namespace

Result<ApiResponse> MilitaryEndpoint(const ServerData& data, const Query& query) {
  if (Status s = query.CheckNames({"a", "b", "years", "framework", "evidence", "format"});
      !s.ok()) {
    return s;
  }
  auto dyad = query.Dyad(data.countries);
  if (!dyad.ok()) return dyad.status();
  auto years = query.Years("years", kDefaultYears);
  if (!years.ok()) return years.status();
  auto frameworks = Frameworks(data, query);
  if (!frameworks.ok()) return frameworks.status();
  auto evidence = query.Flag("evidence", false);
  if (!evidence.ok()) return evidence.status();
  auto format = query.Format();
  if (!format.ok()) return format.status();

  const auto [a, b] = *dyad;
  if (*evidence && *format == ResponseFormat::kCsv) {
    return Status::Usage("parameter 'evidence': evidence comes with format=json only");
  }
  // Framework by framework, each one's years (`entente military` interleaves them).
  Table table = MilitaryScoreTable();
  Json meta = {{"a", CountryJson(*a)},
               {"b", CountryJson(*b)},
               {"years", YearsText(*years)},
               {"frameworks", Json::array()}};
  for (const MilitaryFramework* fw : *frameworks) {
    meta["frameworks"].push_back(FrameworkJson(*fw));
    for (const auto& score :
         ScoreMilitaryDyad(*data.military, data.countries, *fw, *a, *b, *years)) {
      AddMilitaryScoreRow(*fw, score, table);
    }
    if (*evidence) {
      if (!meta.contains("evidence")) meta["evidence"] = Json::array();
      for (auto& row : EvidenceJson(
               *fw, ExplainMilitaryDyad(*data.military, data.countries, *fw, *a, *b, *years))) {
        meta["evidence"].push_back(std::move(row));
      }
    }
  }
  return DataResponse(*format, std::move(meta), table,
                      "military_" + ShortKey(*a) + "_" + ShortKey(*b) + "_" +
                          std::to_string(years->first) + "-" + std::to_string(years->last));
}

}  // namespace entente::server
