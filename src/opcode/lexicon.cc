#include "opcode/lexicon.h"

#include <algorithm>

#include "core/csv_reader.h"

namespace entente::opcode {
namespace {

std::vector<std::string> SplitAlternatives(std::string_view field) {
  std::vector<std::string> out;
  if (field == "-" || field.empty()) return out;
  while (!field.empty()) {
    std::size_t bar = field.find('|');
    out.emplace_back(field.substr(0, bar));
    if (bar == std::string_view::npos) break;
    field.remove_prefix(bar + 1);
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

}  // namespace

Status VicsLexicon::Parse(const std::string& path, std::string_view content, bool seed) {
  std::size_t line_number = 0;
  while (!content.empty()) {
    std::size_t nl = content.find('\n');
    std::string_view line = content.substr(0, nl);
    content = nl == std::string_view::npos ? std::string_view() : content.substr(nl + 1);
    ++line_number;
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    auto where = [&](std::string_view problem) {
      return Status::Data(path + ":" + std::to_string(line_number) + ": " + std::string(problem) +
                          " (line '" + std::string(line) + "')");
    };
    if (line.front() == '@') {
      std::size_t eq = line.find('=');
      if (eq == std::string_view::npos) return where("a class line needs '@NAME = a|b|c'");
      std::string name(Trim(line.substr(0, eq)));
      classes_[name] = SplitAlternatives(Trim(line.substr(eq + 1)));
      continue;
    }
    std::vector<std::string_view> fields;
    for (std::string_view rest = line;;) {
      std::size_t tab = rest.find('\t');
      fields.push_back(rest.substr(0, tab));
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    if (fields.size() < 5) return where("expected 5 or 6 tab-separated fields");
    LexiconRule rule;
    rule.lemma = std::string(fields[0]);
    if (fields[1] == "@adj") {
      rule.adjectival = true;
    } else {
      rule.particles = SplitAlternatives(fields[1]);
    }
    for (const std::string& object : SplitAlternatives(fields[2])) {
      if (!object.empty() && object.front() == '@') {
        auto it = classes_.find(object);
        if (it == classes_.end()) return where("unknown object class '" + object + "'");
        rule.objects.insert(rule.objects.end(), it->second.begin(), it->second.end());
      } else {
        rule.objects.push_back(object);
      }
    }
    long long category = 0;
    if (!internal::ParseInt(fields[3], category) || category < -3 || category > 3) {
      return where("category must be an integer -3..3");
    }
    rule.category = static_cast<int>(category);
    if (fields[4] == "word") {
      rule.mode = VerbMode::kWord;
    } else if (fields[4] == "deed") {
      rule.mode = VerbMode::kDeed;
    } else {
      return where("mode must be word or deed");
    }
    if ((std::abs(rule.category) == 3) != (rule.mode == VerbMode::kDeed) && rule.category != 0) {
      return where("VICS: categories +-3 are deeds and +-1, +-2 words");
    }
    if (fields.size() > 5) rule.note = std::string(fields[5]);
    rule.source = seed ? "cameo:" + rule.note
                       : path.substr(path.rfind('/') + 1) + ":" + std::to_string(line_number);
    auto& rules = rules_[rule.lemma];
    if (seed && !rules.empty() && rules.front().source.rfind("cameo:", 0) != 0) continue;
    rules.push_back(std::move(rule));
    ++rule_count_;
  }
  return Status::Ok();
}

Result<VicsLexicon> VicsLexicon::Load(const std::string& dir, bool cameo_seed) {
  VicsLexicon lexicon;
  const std::string main_path = dir + "/vics_verbs.tsv";
  auto main = internal::ReadWholeFile(main_path);
  if (!main.ok()) {
    return Status::NotFound("the VICS lexicon '" + main_path +
                            "' is missing: set ENTENTE_PROJECT_DATA to entente's data/ folder");
  }
  if (Status s = lexicon.Parse(main_path, *main, false); !s.ok()) return s;
  if (cameo_seed) {
    const std::string seed_path = dir + "/vics_cameo_seed.tsv";
    auto seed = internal::ReadWholeFile(seed_path);
    if (!seed.ok()) return seed.status();
    if (Status s = lexicon.Parse(seed_path, *seed, true); !s.ok()) return s;
  }
  const std::string irregular_path = dir + "/irregular_verbs.tsv";
  auto irregular = internal::ReadWholeFile(irregular_path);
  if (!irregular.ok()) return irregular.status();
  std::string_view content = *irregular;
  while (!content.empty()) {
    std::size_t nl = content.find('\n');
    std::string_view line = Trim(content.substr(0, nl));
    content = nl == std::string_view::npos ? std::string_view() : content.substr(nl + 1);
    if (line.empty() || line.front() == '#') continue;
    std::size_t t1 = line.find('\t');
    std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) {
      return Status::Data(irregular_path + ": expected base<TAB>past<TAB>participle in '" +
                          std::string(line) + "'");
    }
    std::string base(line.substr(0, t1));
    for (const auto& form : SplitAlternatives(line.substr(t1 + 1, t2 - t1 - 1))) {
      lexicon.irregular_.emplace(form, base);
    }
    for (const auto& form : SplitAlternatives(line.substr(t2 + 1))) {
      lexicon.irregular_.emplace(form, base);
    }
  }
  return lexicon;
}

const std::vector<LexiconRule>* VicsLexicon::Rules(std::string_view lemma) const {
  auto it = rules_.find(lemma);
  return it == rules_.end() ? nullptr : &it->second;
}

void VicsLexicon::Lemmas(std::string_view w, Pos pos, std::vector<std::string_view>& out) const {
  out.clear();
  auto try_lemma = [&](std::string_view candidate) {
    auto it = rules_.find(candidate);
    if (it == rules_.end()) return;
    std::string_view stored = it->first;
    if (std::find(out.begin(), out.end(), stored) == out.end()) out.push_back(stored);
  };
  // Irregular forms decide alone ("found" is find's past, not "to found").
  if (pos != Pos::kVb && pos != Pos::kVbp) {
    if (auto it = irregular_.find(w); it != irregular_.end()) {
      try_lemma(it->second);
      if (w != it->second) return;
    }
  }
  try_lemma(w);
  char buffer[64];
  if (w.size() + 2 >= sizeof(buffer)) return;
  auto with = [&](std::string_view stem, std::string_view suffix) {
    std::copy(stem.begin(), stem.end(), buffer);
    std::copy(suffix.begin(), suffix.end(), buffer + stem.size());
    try_lemma(std::string_view(buffer, stem.size() + suffix.size()));
  };
  if (w.ends_with("ies") && w.size() > 4) with(w.substr(0, w.size() - 3), "y");
  if (w.ends_with("es")) try_lemma(w.substr(0, w.size() - 2));
  if (w.ends_with("s") && !w.ends_with("ss")) try_lemma(w.substr(0, w.size() - 1));
  if (w.ends_with("ied") && w.size() > 4) with(w.substr(0, w.size() - 3), "y");
  if (w.ends_with("ed")) {
    std::string_view stem = w.substr(0, w.size() - 2);
    try_lemma(stem);                       // attacked -> attack
    try_lemma(w.substr(0, w.size() - 1));  // welcomed -> welcome
    if (stem.size() >= 2 && stem[stem.size() - 1] == stem[stem.size() - 2] &&
        !IsVowel(stem.back())) {
      try_lemma(stem.substr(0, stem.size() - 1));  // committed -> commit
    }
  }
  if (w.ends_with("ing") && w.size() > 4) {
    std::string_view stem = w.substr(0, w.size() - 3);
    try_lemma(stem);  // supporting -> support
    with(stem, "e");  // providing -> provide
    if (stem.size() >= 2 && stem[stem.size() - 1] == stem[stem.size() - 2] &&
        !IsVowel(stem.back())) {
      try_lemma(stem.substr(0, stem.size() - 1));  // committing -> commit
    }
  }
}

std::string_view VicsLexicon::IrregularBase(std::string_view lower) const {
  auto it = irregular_.find(lower);
  return it == irregular_.end() ? std::string_view() : std::string_view(it->second);
}

const LexiconRule* VicsLexicon::Select(std::string_view lemma, std::string_view particle,
                                       std::string_view object, bool adjectival) const {
  const std::vector<LexiconRule>* rules = Rules(lemma);
  if (rules == nullptr) return nullptr;
  const LexiconRule* best = nullptr;
  int best_score = -1;
  for (const LexiconRule& rule : *rules) {
    if (rule.adjectival != adjectival) continue;
    int score = 0;
    if (!rule.particles.empty()) {
      if (std::find(rule.particles.begin(), rule.particles.end(), particle) ==
          rule.particles.end()) {
        continue;
      }
      score += 2;
    }
    if (!rule.objects.empty()) {
      if (object.empty() ||
          std::find(rule.objects.begin(), rule.objects.end(), object) == rule.objects.end()) {
        continue;
      }
      score += 1;
    }
    if (score > best_score) {
      best = &rule;
      best_score = score;
    }
  }
  return best;
}

}  // namespace entente::opcode
