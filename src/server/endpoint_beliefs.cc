// /api/v1/beliefs: the balance of beliefs (Feng & He) of two states or speakers.
#include <map>

#include "entente/beliefs.h"
#include "entente/opcode_indices.h"
#include "server/endpoints.h"

namespace entente::server {
namespace {

// A speaker name longer than this is not a name: refuse it before SQL.
constexpr std::size_t kMaxSideLength = 100;

Result<std::string> Side(const Query& query, const char* name) {
  const std::string* value = query.Get(name);
  if (value == nullptr || value->empty()) {
    return Status::Usage(std::string("parameter '") + name +
                         "' is required: a country key (CHN) or a speaker's name (Xi Jinping)");
  }
  if (value->size() > kMaxSideLength) {
    return Status::Usage(std::string("parameter '") + name + "' is longer than " +
                         std::to_string(kMaxSideLength) + " characters");
  }
  return *value;
}

Json SideJson(const BeliefsSide& s) {
  Json j = {{"key", s.key},           {"label", s.label},       {"iso3", s.iso3},
            {"speakers", s.speakers}, {"speeches", s.speeches}, {"words", s.words}};
  const auto& names = IndexNames();
  const auto values = IndexValues(s.indices);
  Json indices = Json::object();
  Json z = Json::object();
  for (std::size_t k = 0; k < names.size(); ++k) {
    indices[names[k]] = Number(values[k]);
    z[names[k]] = Number(s.z[k]);
  }
  j["indices"] = indices;
  j["z"] = z;
  j["self_verbs"] = s.counts.Total(OpcodeActor::kSelf);
  j["other_verbs"] = s.counts.Total(OpcodeActor::kOther);
  j["reliable"] = s.reliability.empty();
  j["reliability_note"] = s.reliability;
  return j;
}

Json ComparisonJson(const BeliefComparison& c) {
  return {{"difference", Number(c.difference)}, {"z", Number(c.z)}, {"congruent", c.congruent}};
}

// The two series side by side, one row per year in which either side spoke.
Table SeriesTable(const BeliefsResult& r) {
  std::map<int, std::pair<const BeliefsYear*, const BeliefsYear*>> joined;
  for (const auto& y : r.a.series) joined[y.year].first = &y;
  for (const auto& y : r.b.series) joined[y.year].second = &y;
  Table table;
  table.columns = {"year",    "a_speeches", "a_words", "a_p1", "a_i1", "b_speeches",
                   "b_words", "b_p1",       "b_i1",    "d_p1", "d_i1"};
  for (const auto& [year, pair] : joined) {
    const auto* ya = pair.first;
    const auto* yb = pair.second;
    std::vector<Cell> row = {std::int64_t{year}};
    for (const BeliefsYear* y : {ya, yb}) {
      if (y == nullptr) {
        row.insert(row.end(), {Cell{}, Cell{}, Cell{}, Cell{}});
      } else {
        row.insert(row.end(), {Cell{y->speeches}, Cell{y->words}, entente::Number(y->indices.p1),
                               entente::Number(y->indices.i1)});
      }
    }
    row.push_back(ya && yb ? entente::Number(ya->indices.p1 - yb->indices.p1) : Cell{});
    row.push_back(ya && yb ? entente::Number(ya->indices.i1 - yb->indices.i1) : Cell{});
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace

Result<ApiResponse> BeliefsEndpoint(const ServerData& data, const Query& query) {
  if (Status s = query.CheckNames({"a", "b", "years", "corpus", "format"}); !s.ok()) return s;
  auto a = Side(query, "a");
  if (!a.ok()) return a.status();
  auto b = Side(query, "b");
  if (!b.ok()) return b.status();
  auto years = query.Years("years", YearRange{1946, 2024});
  if (!years.ok()) return years.status();
  auto corpus =
      query.Choice("corpus", {"", "ungd", "kremlin", "au_pm", "miller", "radio", "xi"}, "");
  if (!corpus.ok()) return corpus.status();
  auto format = query.Format();
  if (!format.ok()) return format.status();

  auto lease = data.stores->Acquire();
  if (!lease.ok()) return lease.status();
  BeliefsResult r;
  r.years = *years;
  for (const char* name : {"a", "b"}) {
    const std::string& key = name[0] == 'a' ? *a : *b;
    auto side = LoadBeliefsSide(lease->store(), data.countries, key, *years, *corpus);
    if (!side.ok()) {
      // A key that is neither a country nor a speaker in the store is a bad
      // parameter (400); a known side without coded speeches in these years
      // is data we lack (404).
      const bool unknown =
          side.status().code() == Status::Code::kNotFound && !data.countries.Find(key).ok();
      if (!unknown) return side.status();
      return Status::Usage(std::string("parameter '") + name + "': " + side.status().message());
    }
    (name[0] == 'a' ? r.a : r.b) = std::move(side).value();
  }
  CompareSides(r);
  Json meta = {{"years", YearsText(*years)},
               {"corpus", corpus->empty() ? "all" : *corpus},
               {"a", SideJson(r.a)},
               {"b", SideJson(r.b)},
               {"p1", ComparisonJson(r.p1)},
               {"i1", ComparisonJson(r.i1)},
               {"distance", Number(r.distance)},
               {"congruent", r.congruent},
               {"rule", r.rule},
               {"norming_group", WorldLeadersNorm().name + " (" + WorldLeadersNorm().source + ")"}};
  return DataResponse(
      *format, std::move(meta), SeriesTable(r),
      "beliefs_" + std::to_string(years->first) + "-" + std::to_string(years->last));
}

}  // namespace entente::server
