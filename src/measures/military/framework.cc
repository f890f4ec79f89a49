// Framework files: the vocabulary of criteria and sources, and the strict
// reading of data/frameworks/*.toml (format in docs/military.md).
#include <algorithm>
#include <array>
#include <filesystem>
#include <set>

#include "core/csv_reader.h"
#include "entente/military.h"
#include "ingest/military_sources.h"
#include "measures/military/toml_subset.h"

namespace entente {
namespace {

using internal::TomlEntry;
using internal::TomlTable;
using internal::TomlValue;

constexpr std::array<std::string_view, kMilitaryCriterionCount> kCriterionIds = {
    "treaty", "consultations",      "military_technical", "exercises",
    "cbm",    "integrated_command", "troop_placement",    "common_defence"};

// Coverage windows are the public releases' own (../shared/data/README.md):
// ATOP 5.0 ends in 2018, the SIPRI register export holds deliveries
// 1995-2024, MME v7 covers 1980-2010, troopdata's DMDC series 1950-2024, and
// its base list is Vine's (2015) updated through 2018.
constexpr std::array<MilitarySourceInfo, kMilitarySourceCount> kSources = {{
    {MilitarySource::kTeam, "team", "", 0, 0,
     "entente evidence files (data/evidence/military), each row with its own citation"},
    {MilitarySource::kAtop, "atop", "atop/atop5_dyad_year.csv", 1815, 2018,
     "Leeds et al., Alliance Treaty Obligations and Provisions (ATOP) v5.0, dyad-year file"},
    {MilitarySource::kSipri, "sipri", "sipri/trade_register_1995_2024.csv", 1995, 2024,
     "SIPRI Arms Transfers Database, trade register (c) SIPRI"},
    {MilitarySource::kMme, "mme", "military/mme_v7_exercises.csv", 1980, 2010,
     "D'Orazio & Galambos, Multinational Military Exercises (MME) v7"},
    {MilitarySource::kUsTroops, "us_troops", "military/us_troops_country_year.csv", 1950, 2024,
     "Allen, Flynn & Machain, troopdata (DMDC deployment reports)"},
    {MilitarySource::kUsBases, "us_bases", "military/us_bases.csv", 2015, 2018,
     "troopdata basedata: Vine, Base Nation (2015), updated through 2018"},
}};

struct KindName {
  std::string_view name;
  std::uint32_t bit;
};
constexpr KindName kAtopKinds[] = {
    {"defense", kAtopDefense},     {"offense", kAtopOffense},
    {"neutral", kAtopNeutral},     {"nonagg", kAtopNonaggression},
    {"consul", kAtopConsultation}, {"defense_mutual", kAtopDefenseMutual}};
constexpr KindName kMmeKinds[] = {{"warfighting", kMmeWarfighting},
                                  {"peacekeeping", kMmePeacekeeping},
                                  {"humanitarian", kMmeHumanitarian}};
constexpr KindName kBaseKinds[] = {
    {"base", kBaseMajor}, {"lilypad", kBaseLilypad}, {"funded_site", kBaseFundedSite}};

// Bounds on numbers in framework files: wide enough for any sensible rule,
// narrow enough that a typo (3000 for 3) is caught.
constexpr int kMaxRecurYears = 50;
constexpr double kMaxSipriTiv = 100000;
constexpr std::int64_t kMaxTroops = 10000000;
constexpr std::int64_t kMaxParticipants = 250;
// More stages than this is surely a mistake (and bounds FrameworkReader::pending_).
constexpr std::size_t kMaxStages = 16;

std::string Join(const auto& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += std::string(item.name);
  }
  return out;
}

// "an integer", "a string".
std::string WithArticle(std::string_view noun) {
  const bool vowel =
      !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(noun);
}

class FrameworkReader {
 public:
  FrameworkReader(std::string_view source, MilitaryFramework& out) : source_(source), out_(out) {}

  Status Read(const internal::TomlDocument& doc) {
    const TomlTable& root = doc.tables[0];
    if (!root.entries.empty()) {
      return At(root.entries[0].line, "key '" + root.entries[0].key +
                                          "' outside any table: start the file with [framework]");
    }
    const TomlTable* framework = nullptr;
    std::vector<const TomlTable*> stage_tables;
    std::vector<const TomlTable*> criterion_tables;
    for (std::size_t i = 1; i < doc.tables.size(); ++i) {
      const TomlTable& t = doc.tables[i];
      if (t.name == "framework") {
        framework = &t;
      } else if (t.name.rfind("stage.", 0) == 0 && t.name.size() > 6 &&
                 t.name.find('.', 6) == std::string::npos) {
        stage_tables.push_back(&t);
      } else if (t.name.rfind("criterion.", 0) == 0 && t.name.size() > 10 &&
                 t.name.find('.', 10) == std::string::npos) {
        criterion_tables.push_back(&t);
      } else {
        return At(t.line, "unknown table [" + t.name +
                              "]: a framework file has [framework], [stage.ID] and "
                              "[criterion.ID] tables");
      }
    }
    if (framework == nullptr) return At(1, "missing [framework] table");
    if (Status s = ReadFramework(*framework); !s.ok()) return s;
    if (Status s = ReadStages(stage_tables); !s.ok()) return s;
    return ReadCriteria(criterion_tables);
  }

 private:
  Status At(int line, std::string_view problem) const {
    return Status::Data(std::string(source_) + ":" + std::to_string(line) + ": " +
                        std::string(problem));
  }

  Status CheckKeys(const TomlTable& table, std::initializer_list<std::string_view> allowed) {
    for (const TomlEntry& e : table.entries) {
      if (std::find(allowed.begin(), allowed.end(), e.key) == allowed.end()) {
        std::string list;
        for (auto k : allowed) internal::AppendJoined(list, ", ", k);
        return At(e.line,
                  "unknown key '" + e.key + "' in [" + table.name + "] (known: " + list + ")");
      }
    }
    return Status::Ok();
  }

  Result<const TomlValue*> Required(const TomlTable& table, std::string_view key,
                                    TomlValue::Type type) {
    const TomlEntry* e = table.Find(key);
    if (e == nullptr) {
      return At(table.line, "[" + table.name + "] is missing '" + std::string(key) + "'");
    }
    return Typed(*e, type);
  }

  Result<const TomlValue*> Typed(const TomlEntry& e, TomlValue::Type type) {
    bool ok = e.value.type == type ||
              (type == TomlValue::Type::kFloat && e.value.type == TomlValue::Type::kInteger);
    if (!ok) {
      return At(e.line, "'" + e.key + "' must be " + WithArticle(internal::TomlTypeName(type)) +
                            ", not " + WithArticle(internal::TomlTypeName(e.value.type)));
    }
    return &e.value;
  }

  Result<std::vector<std::string>> StringArray(const TomlEntry& e) {
    auto value = Typed(e, TomlValue::Type::kArray);
    if (!value.ok()) return value.status();
    std::vector<std::string> out;
    for (const TomlValue& v : (*value)->array) {
      if (v.type != TomlValue::Type::kString) {
        return At(v.line,
                  "'" + e.key + "' must list strings, not a " + internal::TomlTypeName(v.type));
      }
      out.push_back(v.string);
    }
    if (out.empty()) return At(e.line, "'" + e.key + "' is empty");
    return out;
  }

  Status ReadFramework(const TomlTable& t) {
    if (Status s = CheckKeys(t, {"title", "citation", "stages"}); !s.ok()) return s;
    auto title = Required(t, "title", TomlValue::Type::kString);
    if (!title.ok()) return title.status();
    auto citation = Required(t, "citation", TomlValue::Type::kString);
    if (!citation.ok()) return citation.status();
    if (t.Find("stages") == nullptr) return At(t.line, "[framework] is missing 'stages'");
    out_.title = (*title)->string;
    out_.citation = (*citation)->string;
    if (out_.title.empty()) return At((*title)->line, "'title' is empty");
    if (out_.citation.empty()) return At((*citation)->line, "'citation' is empty");
    const TomlEntry& stages = *t.Find("stages");
    auto ids = StringArray(stages);
    if (!ids.ok()) return ids.status();
    for (std::size_t i = 0; i < ids->size(); ++i) {
      const std::string& id = (*ids)[i];
      int line = stages.value.array[i].line;
      if (id.empty()) return At(line, "a stage id is empty");
      for (const auto& s : out_.stages) {
        if (s.id == id) return At(line, "stage '" + id + "' is listed twice");
      }
      MilitaryFrameworkStage stage;
      stage.id = id;
      out_.stages.push_back(std::move(stage));
      stage_lines_.push_back(line);
    }
    return Status::Ok();
  }

  Status ReadStages(const std::vector<const TomlTable*>& tables) {
    std::vector<bool> defined(out_.stages.size(), false);
    for (const TomlTable* t : tables) {
      std::string id = t->name.substr(6);
      auto it = std::find_if(out_.stages.begin(), out_.stages.end(),
                             [&](const auto& s) { return s.id == id; });
      if (it == out_.stages.end()) {
        return At(t->line, "[stage." + id + "] is not listed in [framework] stages");
      }
      const int stage_index = static_cast<int>(it - out_.stages.begin());
      defined[stage_index] = true;
      MilitaryFrameworkStage& stage = *it;
      if (Status s = CheckKeys(*t, {"title", "criteria", "min_met"}); !s.ok()) return s;
      auto title = Required(*t, "title", TomlValue::Type::kString);
      if (!title.ok()) return title.status();
      stage.title = (*title)->string;
      const TomlEntry* criteria = t->Find("criteria");
      if (criteria == nullptr) return At(t->line, "[" + t->name + "] is missing 'criteria'");
      auto ids = StringArray(*criteria);
      if (!ids.ok()) return ids.status();
      for (std::size_t i = 0; i < ids->size(); ++i) {
        int line = criteria->value.array[i].line;
        auto criterion = ParseMilitaryCriterion((*ids)[i]);
        if (!criterion) {
          return At(line, "unknown criterion '" + (*ids)[i] + "' (known: " + KnownCriteria() + ")");
        }
        if (stage_of_[static_cast<int>(*criterion)] >= 0) {
          return At(line, "criterion '" + (*ids)[i] + "' is in two stages");
        }
        stage_of_[static_cast<int>(*criterion)] = stage_index;
        criterion_line_[static_cast<int>(*criterion)] = line;
        pending_[stage_index].push_back(*criterion);
      }
      auto min_met = Required(*t, "min_met", TomlValue::Type::kInteger);
      if (!min_met.ok()) return min_met.status();
      if ((*min_met)->integer < 1 || (*min_met)->integer > static_cast<std::int64_t>(ids->size())) {
        return At((*min_met)->line, "bad number " + std::to_string((*min_met)->integer) +
                                        " for 'min_met': use 1 to " + std::to_string(ids->size()) +
                                        " (the stage's criteria)");
      }
      stage.min_met = static_cast<int>((*min_met)->integer);
    }
    for (std::size_t i = 0; i < defined.size(); ++i) {
      if (!defined[i]) {
        return At(stage_lines_[i], "stage '" + out_.stages[i].id + "' has no [stage." +
                                       out_.stages[i].id + "] table");
      }
    }
    return Status::Ok();
  }

  static std::string KnownCriteria() {
    std::string out;
    for (auto id : kCriterionIds) internal::AppendJoined(out, ", ", id);
    return out;
  }

  Status ReadSelector(const TomlValue& v, MilitaryCriterion own,
                      MilitaryEvidenceSelector& selector) {
    if (v.type != TomlValue::Type::kString) {
      return At(v.line, std::string("'evidence' must list strings, not a ") +
                            internal::TomlTypeName(v.type));
    }
    selector.text = v.string;
    std::string_view text = v.string;
    std::string_view source_id = text.substr(0, text.find(':'));
    std::string_view kind = text.find(':') == std::string_view::npos
                                ? std::string_view()
                                : text.substr(text.find(':') + 1);
    auto source = ParseMilitarySource(source_id);
    if (!source) {
      return At(v.line, "unknown evidence source '" + std::string(source_id) +
                            "' (known: team, atop, sipri, mme, us_troops, us_bases)");
    }
    selector.source = *source;
    const bool has_kind = text.find(':') != std::string_view::npos;
    auto pick = [&](const auto& kinds) -> Status {
      if (!has_kind) return Status::Ok();
      for (const KindName& k : kinds) {
        if (k.name == kind) {
          selector.kinds = k.bit;
          return Status::Ok();
        }
      }
      return At(v.line, "unknown kind '" + std::string(kind) + "' for " + std::string(source_id) +
                            " (known: " + Join(kinds) + ")");
    };
    switch (*source) {
      case MilitarySource::kTeam: {
        MilitaryCriterion criterion = own;
        if (has_kind) {
          auto parsed = ParseMilitaryCriterion(kind);
          if (!parsed) {
            return At(v.line, "unknown criterion '" + std::string(kind) + "' in '" +
                                  std::string(text) + "' (known: " + KnownCriteria() + ")");
          }
          criterion = *parsed;
        }
        selector.kinds = 1u << static_cast<int>(criterion);
        return Status::Ok();
      }
      case MilitarySource::kAtop:
        return pick(kAtopKinds);
      case MilitarySource::kMme:
        return pick(kMmeKinds);
      case MilitarySource::kUsBases:
        return pick(kBaseKinds);
      case MilitarySource::kSipri:
      case MilitarySource::kUsTroops:
        if (has_kind) {
          return At(v.line, "'" + std::string(source_id) + "' has no kinds: write just '" +
                                std::string(source_id) + "'");
        }
        return Status::Ok();
    }
    return Status::Ok();
  }

  Status ReadCriteria(const std::vector<const TomlTable*>& tables) {
    std::array<const TomlTable*, kMilitaryCriterionCount> by_criterion{};
    for (const TomlTable* t : tables) {
      std::string id = t->name.substr(10);
      auto criterion = ParseMilitaryCriterion(id);
      if (!criterion) {
        return At(t->line, "unknown criterion '" + id + "' (known: " + KnownCriteria() + ")");
      }
      if (stage_of_[static_cast<int>(*criterion)] < 0) {
        return At(t->line, "criterion '" + id + "' is in no stage: add it to a stage's criteria");
      }
      by_criterion[static_cast<int>(*criterion)] = t;
    }
    for (std::size_t s = 0; s < out_.stages.size(); ++s) {
      for (MilitaryCriterion c : pending_[s]) {
        const TomlTable* t = by_criterion[static_cast<int>(c)];
        if (t == nullptr) {
          return At(criterion_line_[static_cast<int>(c)],
                    "criterion '" + std::string(MilitaryCriterionId(c)) + "' has no [criterion." +
                        std::string(MilitaryCriterionId(c)) + "] table");
        }
        MilitaryFrameworkCriterion criterion;
        criterion.id = c;
        criterion.stage = static_cast<int>(s);
        criterion.line = t->line;
        if (Status st = ReadCriterion(*t, criterion); !st.ok()) return st;
        out_.stages[s].criteria.push_back(static_cast<int>(out_.criteria.size()));
        out_.criteria.push_back(std::move(criterion));
      }
    }
    return Status::Ok();
  }

  Status ReadCriterion(const TomlTable& t, MilitaryFrameworkCriterion& c) {
    if (Status s =
            CheckKeys(t, {"title", "evidence", "holds", "recur_within_years", "recur_min_years",
                          "sipri_min_tiv", "us_troops_min", "mme_max_participants"});
        !s.ok()) {
      return s;
    }
    auto title = Required(t, "title", TomlValue::Type::kString);
    if (!title.ok()) return title.status();
    c.title = (*title)->string;
    const TomlEntry* evidence = t.Find("evidence");
    if (evidence == nullptr) return At(t.line, "[" + t.name + "] is missing 'evidence'");
    auto list = Typed(*evidence, TomlValue::Type::kArray);
    if (!list.ok()) return list.status();
    if ((*list)->array.empty()) return At(evidence->line, "'evidence' is empty");
    std::set<std::string> seen;
    bool sources[kMilitarySourceCount] = {};
    for (const TomlValue& v : (*list)->array) {
      MilitaryEvidenceSelector selector;
      if (Status s = ReadSelector(v, c.id, selector); !s.ok()) return s;
      if (!seen.insert(selector.text).second) {
        return At(v.line, "evidence '" + selector.text + "' is listed twice");
      }
      sources[static_cast<int>(selector.source)] = true;
      c.evidence.push_back(std::move(selector));
    }
    auto holds = Required(t, "holds", TomlValue::Type::kString);
    if (!holds.ok()) return holds.status();
    if ((*holds)->string == "until_end") {
      c.holds = MilitaryPersistence::kUntilEnd;
    } else if ((*holds)->string == "recur") {
      c.holds = MilitaryPersistence::kRecur;
    } else {
      return At((*holds)->line,
                "unknown 'holds' value '" + (*holds)->string + "': use \"until_end\" or \"recur\"");
    }
    const TomlEntry* recur = t.Find("recur_within_years");
    if (c.holds == MilitaryPersistence::kRecur) {
      if (recur == nullptr) {
        return At((*holds)->line, "holds = \"recur\" needs 'recur_within_years'");
      }
      auto v = Typed(*recur, TomlValue::Type::kInteger);
      if (!v.ok()) return v.status();
      if ((*v)->integer < 1 || (*v)->integer > kMaxRecurYears) {
        return At(recur->line, "bad number " + std::to_string((*v)->integer) +
                                   " for 'recur_within_years': use 1 to " +
                                   std::to_string(kMaxRecurYears));
      }
      c.recur_within_years = static_cast<int>((*v)->integer);
    } else if (recur != nullptr) {
      return At(recur->line, "'recur_within_years' only applies with holds = \"recur\"");
    }
    if (const TomlEntry* e = t.Find("recur_min_years")) {
      if (c.holds != MilitaryPersistence::kRecur) {
        return At(e->line, "'recur_min_years' only applies with holds = \"recur\"");
      }
      auto v = Typed(*e, TomlValue::Type::kInteger);
      if (!v.ok()) return v.status();
      if ((*v)->integer < 1 || (*v)->integer > kMaxRecurYears) {
        return At(e->line, "bad number " + std::to_string((*v)->integer) +
                               " for 'recur_min_years': use 1 to " +
                               std::to_string(kMaxRecurYears));
      }
      c.recur_min_years = static_cast<int>((*v)->integer);
    }
    if (const TomlEntry* e = t.Find("sipri_min_tiv")) {
      if (!sources[static_cast<int>(MilitarySource::kSipri)]) {
        return At(e->line, "'sipri_min_tiv' needs \"sipri\" in 'evidence'");
      }
      auto v = Typed(*e, TomlValue::Type::kFloat);
      if (!v.ok()) return v.status();
      if ((*v)->number < 0 || (*v)->number > kMaxSipriTiv) {
        return At(e->line, "bad number for 'sipri_min_tiv': use 0 to " +
                               std::to_string(static_cast<int>(kMaxSipriTiv)) +
                               " (millions of TIV per year)");
      }
      c.sipri_min_tiv = (*v)->number;
    }
    if (const TomlEntry* e = t.Find("us_troops_min")) {
      if (!sources[static_cast<int>(MilitarySource::kUsTroops)]) {
        return At(e->line, "'us_troops_min' needs \"us_troops\" in 'evidence'");
      }
      auto v = Typed(*e, TomlValue::Type::kInteger);
      if (!v.ok()) return v.status();
      if ((*v)->integer < 1 || (*v)->integer > kMaxTroops) {
        return At(e->line, "bad number " + std::to_string((*v)->integer) +
                               " for 'us_troops_min': use 1 to " + std::to_string(kMaxTroops));
      }
      c.us_troops_min = static_cast<int>((*v)->integer);
    } else if (sources[static_cast<int>(MilitarySource::kUsTroops)]) {
      return At(t.line, "[" + t.name + "] uses \"us_troops\" and needs 'us_troops_min'");
    }
    if (const TomlEntry* e = t.Find("mme_max_participants")) {
      if (!sources[static_cast<int>(MilitarySource::kMme)]) {
        return At(e->line, "'mme_max_participants' needs \"mme\" in 'evidence'");
      }
      auto v = Typed(*e, TomlValue::Type::kInteger);
      if (!v.ok()) return v.status();
      if ((*v)->integer != 0 && ((*v)->integer < 2 || (*v)->integer > kMaxParticipants)) {
        return At(e->line, "bad number " + std::to_string((*v)->integer) +
                               " for 'mme_max_participants': use 0 (no limit) or 2 to " +
                               std::to_string(kMaxParticipants));
      }
      c.mme_max_participants = static_cast<int>((*v)->integer);
    }
    return Status::Ok();
  }

  std::string_view source_;
  MilitaryFramework& out_;
  std::vector<int> stage_lines_;
  std::array<int, kMilitaryCriterionCount> stage_of_ = {-1, -1, -1, -1, -1, -1, -1, -1};
  std::array<int, kMilitaryCriterionCount> criterion_line_{};
  std::array<std::vector<MilitaryCriterion>, kMaxStages> pending_{};
};

constexpr std::string_view kFrameworkExtension = ".toml";

}  // namespace

std::string_view MilitaryCriterionId(MilitaryCriterion criterion) {
  return kCriterionIds[static_cast<int>(criterion)];
}

std::optional<MilitaryCriterion> ParseMilitaryCriterion(std::string_view id) {
  for (int i = 0; i < kMilitaryCriterionCount; ++i) {
    if (kCriterionIds[i] == id) return static_cast<MilitaryCriterion>(i);
  }
  return std::nullopt;
}

const MilitarySourceInfo& MilitarySourceDescription(MilitarySource source) {
  return kSources[static_cast<int>(source)];
}

std::optional<MilitarySource> ParseMilitarySource(std::string_view id) {
  for (const auto& s : kSources) {
    if (s.id == id) return s.source;
  }
  return std::nullopt;
}

std::string ArmsClassNames(std::uint32_t bits) {
  static constexpr std::string_view kNames[] = {"combat_aircraft", "air_defence", "missiles",
                                                "ships_submarines", "sensors"};
  std::string out;
  for (int i = 0; i < 5; ++i) {
    if (bits & (1u << i)) {
      if (!out.empty()) out += ';';
      out += kNames[i];
    }
  }
  return out;
}

int MilitaryFramework::IndexOf(MilitaryCriterion id) const {
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    if (criteria[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

Result<MilitaryFramework> ParseMilitaryFramework(std::string_view source_name,
                                                 std::string_view text, std::string id) {
  if (Status s = internal::ValidateUtf8(source_name, text); !s.ok()) return s;
  auto doc = internal::ParseTomlSubset(source_name, text);
  if (!doc.ok()) return doc.status();
  MilitaryFramework framework;
  framework.id = std::move(id);
  framework.file = std::string(source_name);
  // Count stages first so a hostile file cannot overflow the reader's table.
  for (const auto& t : doc->tables) {
    if (t.name != "framework") continue;
    if (const auto* e = t.Find("stages"); e != nullptr && e->value.array.size() > kMaxStages) {
      return Status::Data(std::string(source_name) + ":" + std::to_string(e->line) +
                          ": more than " + std::to_string(kMaxStages) + " stages");
    }
  }
  FrameworkReader reader(source_name, framework);
  if (Status s = reader.Read(*doc); !s.ok()) return s;
  return framework;
}

Result<MilitaryFramework> LoadMilitaryFramework(std::string_view name_or_path,
                                                const std::string& frameworks_dir) {
  std::string path;
  std::string id;
  const bool is_path = name_or_path.find('/') != std::string_view::npos ||
                       (name_or_path.size() > kFrameworkExtension.size() &&
                        name_or_path.substr(name_or_path.size() - kFrameworkExtension.size()) ==
                            kFrameworkExtension);
  if (is_path) {
    path = std::string(name_or_path);
    id = std::filesystem::path(path).stem().string();
  } else {
    id = std::string(name_or_path);
    path = frameworks_dir + "/" + id + std::string(kFrameworkExtension);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      std::string known;
      for (const auto& n : ListMilitaryFrameworks(frameworks_dir)) {
        internal::AppendJoined(known, ", ", n);
      }
      return Status::NotFound(
          "unknown framework '" + id + "' in " + frameworks_dir +
          (known.empty() ? std::string(" (no framework files there)") : " (known: " + known + ")"));
    }
  }
  auto text = internal::ReadWholeFile(path);
  if (!text.ok()) return text.status();
  return ParseMilitaryFramework(path, *text, id);
}

std::vector<std::string> ListMilitaryFrameworks(const std::string& frameworks_dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(frameworks_dir, ec)) {
    if (entry.path().extension() == kFrameworkExtension) {
      names.push_back(entry.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace entente
