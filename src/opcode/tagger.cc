#include "opcode/tagger.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "core/csv_reader.h"

namespace entente::opcode {
namespace {

constexpr std::array<std::string_view, kPosCount> kPosNames = {
    "cc",  "cd",  "det", "ex",   "fw",  "in",  "jj",  "jjr", "jjs", "lrb", "ls",
    "md",  "nn",  "nnp", "nnps", "nns", "pdt", "pos", "pp",  "ppc", "ppd", "ppl",
    "ppr", "pps", "prp", "prps", "rb",  "rbr", "rbs", "rp",  "rrb", "sym", "to",
    "uh",  "vb",  "vbd", "vbg",  "vbn", "vbp", "vbz", "wdt", "wp",  "wps", "wrb"};

bool ParsePos(std::string_view name, Pos& out) {
  for (int k = 0; k < kPosCount; ++k) {
    if (kPosNames[k] == name) {
      out = static_cast<Pos>(k);
      return true;
    }
  }
  return false;
}

// Log-probability floor for a tag bigram the model never saw.
constexpr float kUnseenTransition = -14.0f;
// At most this many candidate tags are kept per word (the most likely ones).
constexpr std::size_t kMaxCandidates = 8;

struct Candidate {
  Pos pos;
  float log_emission;  // log P(tag | word) - log P(tag): Bayes-inverted emission
};
using Candidates = std::vector<Candidate>;

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Splits "key: { a: 1, b: 2 }" into key and (name, number) pairs. Keys may be
// double-quoted. Returns false for lines that are not entries.
bool ParseEntry(std::string_view line, std::string& key,
                std::vector<std::pair<std::string_view, double>>& values) {
  values.clear();
  std::size_t brace = line.rfind('{');
  std::size_t close = line.rfind('}');
  if (brace == std::string_view::npos || close == std::string_view::npos || close < brace) {
    return false;
  }
  std::string_view head = line.substr(0, brace);
  while (!head.empty() && (head.back() == ' ' || head.back() == ':')) head.remove_suffix(1);
  if (head.size() >= 2 && head.front() == '"' && head.back() == '"') {
    head = head.substr(1, head.size() - 2);
    key.clear();
    for (std::size_t i = 0; i < head.size(); ++i) {
      if (head[i] == '\\' && i + 1 < head.size()) ++i;
      key += head[i];
    }
  } else {
    key.assign(head);
  }
  std::string_view body = line.substr(brace + 1, close - brace - 1);
  while (!body.empty()) {
    std::size_t comma = body.find(',');
    std::string_view item = body.substr(0, comma);
    body = comma == std::string_view::npos ? std::string_view() : body.substr(comma + 1);
    std::size_t colon = item.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = item.substr(0, colon);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    std::string number(item.substr(colon + 1));
    values.emplace_back(name, std::strtod(number.c_str(), nullptr));
  }
  return true;
}

}  // namespace

std::string_view PosName(Pos pos) {
  return kPosNames[static_cast<int>(pos)];
}

struct Tagger::Impl {
  std::unordered_map<std::string, Candidates, StringHash, std::equal_to<>> lexicon;
  std::unordered_map<std::string, Candidates, StringHash, std::equal_to<>> unknown_classes;
  std::array<std::array<float, kPosCount>, kPosCount> transition{};  // [prev][next], log
  std::array<double, kPosCount> tag_prior{};

  const Candidates* Lookup(std::string_view word) const;
  const Candidates& ClassifyUnknown(std::string_view word) const;
  Candidates fallback;  // nn
};

namespace {

Candidates MakeCandidates(const std::vector<std::pair<std::string_view, double>>& values,
                          const std::array<double, kPosCount>& prior) {
  double total = 0;
  for (const auto& [name, count] : values) total += count;
  Candidates out;
  for (const auto& [name, count] : values) {
    Pos pos;
    if (!ParsePos(name, pos) || count <= 0) continue;
    double p_tag_given_word = count / total;
    double p_tag = std::max(prior[static_cast<int>(pos)], 1e-7);
    out.push_back({pos, static_cast<float>(std::log(p_tag_given_word) - std::log(p_tag))});
  }
  std::sort(out.begin(), out.end(),
            [](const Candidate& a, const Candidate& b) { return a.log_emission > b.log_emission; });
  if (out.size() > kMaxCandidates) out.resize(kMaxCandidates);
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isdigit(c) || c == '.' || c == ',' || c == '/' || c == ':' || c == '-';
  });
}

}  // namespace

const Candidates* Tagger::Impl::Lookup(std::string_view word) const {
  if (auto it = lexicon.find(word); it != lexicon.end()) return &it->second;
  if (!word.empty() && std::isupper(static_cast<unsigned char>(word[0]))) {
    char buffer[64];
    if (word.size() < sizeof(buffer)) {
      std::copy(word.begin(), word.end(), buffer);
      buffer[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(buffer[0])));
      if (auto it = lexicon.find(std::string_view(buffer, word.size())); it != lexicon.end()) {
        return &it->second;
      }
    }
  }
  return nullptr;
}

const Candidates& Tagger::Impl::ClassifyUnknown(std::string_view w) const {
  // The unknown-word classes of the model (Lingua::EN::Tagger::_classify_unknown_word).
  auto klass = [&](std::string_view name) -> const Candidates& {
    auto it = unknown_classes.find(name);
    return it == unknown_classes.end() ? fallback : it->second;
  };
  static const Candidates kNumber = {{Pos::kCd, 0.0f}};
  static const Candidates kSymbol = {{Pos::kSym, 0.0f}};
  unsigned char first = static_cast<unsigned char>(w.empty() ? ' ' : w[0]);
  if (AllDigits(w) && std::isdigit(first)) return kNumber;
  bool has_alpha =
      std::any_of(w.begin(), w.end(), [](unsigned char c) { return std::isalpha(c) || c >= 0x80; });
  if (!has_alpha) return std::isdigit(first) ? kNumber : kSymbol;
  bool all_caps = std::all_of(
      w.begin(), w.end(), [](unsigned char c) { return std::isupper(c) || c == '.' || c == '-'; });
  if (all_caps && w.size() > 1) return klass("-abr-");
  if (w.find('-') != std::string_view::npos) {
    std::string_view suffix = w.substr(w.rfind('-') + 1);
    if (const Candidates* c = Lookup(suffix)) {
      for (const auto& cand : *c) {
        if (cand.pos == Pos::kJj) return klass("-hyp-adj-");
      }
    }
    return klass("-hyp-");
  }
  if (std::isupper(first)) return klass("-cap-");
  if (w.ends_with("ing")) return klass("-ing-");
  if (w.ends_with("s")) return klass("-s-");
  if (w.ends_with("tion")) return klass("-tion-");
  if (w.ends_with("ly")) return klass("-ly-");
  if (w.ends_with("ed")) return klass("-ed-");
  return klass("-unknown-");
}

Tagger::Tagger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;
Tagger::~Tagger() = default;

Result<Tagger> Tagger::Load(const std::string& model_dir) {
  std::string dir = model_dir;
  if (dir.empty()) {
    const char* env = std::getenv("ENTENTE_TAGGER_MODEL");
    dir = env != nullptr && *env != '\0' ? env : kDefaultModelDir;
  }
  auto words = internal::ReadWholeFile(dir + "/words.yml");
  auto tags = internal::ReadWholeFile(dir + "/tags.yml");
  auto unknown = internal::ReadWholeFile(dir + "/unknown.yml");
  if (!words.ok() || !tags.ok() || !unknown.ok()) {
    return Status::NotFound("the part-of-speech model is missing from '" + dir +
                            "': install the Debian package liblingua-en-tagger-perl "
                            "(scripts/setup.sh does) or set ENTENTE_TAGGER_MODEL");
  }
  auto impl = std::make_unique<Impl>();
  std::string key;
  std::vector<std::pair<std::string_view, double>> values;
  auto for_each_line = [](std::string_view text, auto&& fn) {
    while (!text.empty()) {
      std::size_t nl = text.find('\n');
      fn(text.substr(0, nl));
      if (nl == std::string_view::npos) break;
      text.remove_prefix(nl + 1);
    }
  };
  // Transitions: P(next | prev).
  for (auto& row : impl->transition) row.fill(kUnseenTransition);
  int transitions = 0;
  for_each_line(*tags, [&](std::string_view line) {
    Pos prev;
    if (!ParseEntry(line, key, values) || !ParsePos(key, prev)) return;
    for (const auto& [name, p] : values) {
      Pos next;
      if (ParsePos(name, next) && p > 0) {
        impl->transition[static_cast<int>(prev)][static_cast<int>(next)] =
            static_cast<float>(std::log(p));
        ++transitions;
      }
    }
  });
  // Tag priors from the word counts, then the lexicon.
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, double>>>> entries;
  double total = 0;
  for_each_line(*words, [&](std::string_view line) {
    if (!ParseEntry(line, key, values)) return;
    std::vector<std::pair<std::string, double>> owned;
    for (const auto& [name, count] : values) {
      Pos pos;
      if (ParsePos(name, pos)) {
        impl->tag_prior[static_cast<int>(pos)] += count;
        total += count;
      }
      owned.emplace_back(std::string(name), count);
    }
    entries.emplace_back(key, std::move(owned));
  });
  if (entries.size() < 1000 || transitions < 100 || total <= 0) {
    return Status::Data("the part-of-speech model in '" + dir +
                        "' is incomplete (words.yml, tags.yml): reinstall "
                        "liblingua-en-tagger-perl");
  }
  for (double& p : impl->tag_prior) p /= total;
  impl->lexicon.reserve(entries.size());
  for (auto& [word, owned] : entries) {
    values.clear();
    for (const auto& [name, count] : owned) values.emplace_back(name, count);
    impl->lexicon.emplace(word, MakeCandidates(values, impl->tag_prior));
  }
  for_each_line(*unknown, [&](std::string_view line) {
    if (!ParseEntry(line, key, values)) return;
    impl->unknown_classes.emplace(key, MakeCandidates(values, impl->tag_prior));
  });
  impl->fallback = {{Pos::kNn, 0.0f}};
  return Tagger(std::move(impl));
}

bool Tagger::Knows(std::string_view word) const {
  return impl_->Lookup(word) != nullptr;
}

bool Tagger::CanBe(std::string_view word, Pos pos) const {
  const Candidates* c = impl_->Lookup(word);
  if (c == nullptr) return false;
  return std::any_of(c->begin(), c->end(), [pos](const Candidate& k) { return k.pos == pos; });
}

void Tagger::Tag(const std::vector<std::string_view>& words, std::vector<Pos>& tags) const {
  const std::size_t n = words.size();
  tags.assign(n, Pos::kNn);
  if (n == 0) return;
  // Viterbi over each word's candidate tags; the sentence starts after a
  // sentence end ("pp"), as in the model's training.
  thread_local std::vector<const Candidates*> cands;
  thread_local std::vector<std::array<float, kMaxCandidates>> score;
  thread_local std::vector<std::array<std::uint8_t, kMaxCandidates>> back;
  cands.resize(n);
  score.resize(n);
  back.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Candidates* c = impl_->Lookup(words[i]);
    cands[i] = c != nullptr && !c->empty() ? c : &impl_->ClassifyUnknown(words[i]);
  }
  const auto& t = impl_->transition;
  for (std::size_t k = 0; k < cands[0]->size(); ++k) {
    const Candidate& c = (*cands[0])[k];
    score[0][k] = t[static_cast<int>(Pos::kPp)][static_cast<int>(c.pos)] + c.log_emission;
    back[0][k] = 0;
  }
  for (std::size_t i = 1; i < n; ++i) {
    const Candidates& prev = *cands[i - 1];
    const Candidates& cur = *cands[i];
    for (std::size_t k = 0; k < cur.size(); ++k) {
      float best = -1e30f;
      std::uint8_t arg = 0;
      for (std::size_t j = 0; j < prev.size(); ++j) {
        float s = score[i - 1][j] + t[static_cast<int>(prev[j].pos)][static_cast<int>(cur[k].pos)];
        if (s > best) {
          best = s;
          arg = static_cast<std::uint8_t>(j);
        }
      }
      score[i][k] = best + cur[k].log_emission;
      back[i][k] = arg;
    }
  }
  std::size_t best_k = 0;
  for (std::size_t k = 1; k < cands[n - 1]->size(); ++k) {
    if (score[n - 1][k] > score[n - 1][best_k]) best_k = k;
  }
  for (std::size_t i = n; i-- > 0;) {
    tags[i] = (*cands[i])[best_k].pos;
    best_k = back[i][best_k];
  }
}

}  // namespace entente::opcode
