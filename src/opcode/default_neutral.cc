#include "opcode/default_neutral.h"

#include <string>
#include <unordered_set>

namespace entente::opcode {
namespace {

using Set = std::unordered_set<std::string_view>;

// Not codable whatever their subject: copulas and linking verbs, auxiliaries
// and possessive verbs, light verbs whose content is in their complement,
// and verbs of existence or occurrence. Each line is one reason.
const Set kStopLemmas = {
    "be",
    "become",
    "remain",
    "seem",
    "appear",
    "look",
    "sound",
    "feel",
    "stay",  // copulas
    "have",
    "do",
    "get",
    "let",
    "need",
    "dare",
    "use",
    "ought",  // auxiliaries, possession, modals
    "own",
    "possess",
    "lack",
    "contain",
    "include",
    "consist",
    "comprise",
    "belong",
    "deserve",
    "go",
    "come",
    "keep",
    "tend",
    "happen",
    "exist",
    "lie",  // light verbs and states
    "mean",
    "matter",
    "cost",
    "weigh",
    "face",
    "concern",
    "involve",
    "constitute",
    "want",
    "wish",
    "like",
    "try",
    "begin",
    "start",
    "continue",
    "cease",
    "stop",  // control verbs
    // Verbs whose subject undergoes or experiences rather than acts ("we
    // suffered", "countries can grow and prosper", "Nate lost his best friend").
    "suffer",
    "die",
    "lose",
    "enjoy",
    "experience",
    "undergo",
    "live",
    "grow",
    "prosper",
    "thrive",
    "emerge",
    "earn",
    "outnumber",
    "bear",
    "run",
    // Aspiration and supposition with no act ("aim at", "aspire to", "dream of").
    "aim",
    "aspire",
    "dream",
    "suppose",
    "bother",
    // Relations that take a non-agent subject far more often than an actor
    // ("the Census shows", "history reflects", "the signatories included").
    "show",
    "reflect",
    "symbolize",
    "symbolise",
    "include",
};

// Forms the lemma guess cannot reduce to a stop lemma.
const Set kStopForms = {"is",  "are",    "am",  "was",    "were", "been", "being", "'s",   "'re",
                        "'m",  "has",    "had", "having", "'ve",  "does", "did",   "done", "doing",
                        "got", "gotten", "'d",  "'ll",    "ca",   "wo",   "sha"};

// Neutral verbs of speech, cognition and perception: words, not deeds.
const Set kWordLemmas = {
    "say",     "tell",    "speak",    "talk",     "mention",  "refer",    "note",     "observe",
    "remark",  "add",     "explain",  "describe", "argue",    "answer",   "reply",    "ask",
    "discuss", "report",  "announce", "know",     "think",    "believe",  "consider", "understand",
    "realise", "realize", "recall",   "remember", "envisage", "envision", "imagine",  "see",
    "witness", "hear",    "watch",    "notice",   "judge",    "assess",   "regard",   "view",
    "expect",  "wonder",  "learn",    "find",     "show",     "call",     "name",     "define",
    "mean",    "suggest", "predict",  "doubt",    "guess",    "reflect",  "focus"};

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// "envisag" -> "envisage", "creat" -> "create", "prosper" stays: an e is
// restored after endings that English spells only with it.
std::string RestoreE(std::string_view stem) {
  std::string out(stem);
  static constexpr std::string_view kNeedE[] = {"g",  "v",  "c",  "z",  "u",  "at", "ut", "ur",
                                                "iz", "is", "us", "ns", "rs", "dl", "bl", "pl",
                                                "tl", "kl", "gl", "ok", "ak", "ir", "ap", "ar"};
  for (std::string_view ending : kNeedE) {
    if (stem.ends_with(ending) && !stem.ends_with("ng")) {
      out += 'e';
      break;
    }
  }
  return out;
}

std::string StripEnding(std::string_view w, std::size_t n) {
  std::string_view stem = w.substr(0, w.size() - n);
  // A doubled final consonant is the spelling of the ending: committed -> commit.
  if (stem.size() >= 3 && stem[stem.size() - 1] == stem[stem.size() - 2] && !IsVowel(stem.back()) &&
      stem.back() != 's' && stem.back() != 'l') {
    return std::string(stem.substr(0, stem.size() - 1));
  }
  return RestoreE(stem);
}

}  // namespace

std::string GuessVerbLemma(std::string_view w, std::string_view irregular_base) {
  if (!irregular_base.empty()) return std::string(irregular_base);
  if (w.size() == 4 && w.ends_with("ied")) return std::string(w.substr(0, 3));  // died -> die
  if (w.size() > 4 && w.ends_with("ies")) return std::string(w.substr(0, w.size() - 3)) + "y";
  if (w.size() > 4 && w.ends_with("ied")) return std::string(w.substr(0, w.size() - 3)) + "y";
  if (w.size() > 4 && (w.ends_with("ches") || w.ends_with("shes") || w.ends_with("sses") ||
                       w.ends_with("xes") || w.ends_with("zzes"))) {
    return std::string(w.substr(0, w.size() - 2));
  }
  if (w.size() > 3 && w.ends_with("s") && !w.ends_with("ss") && !w.ends_with("us")) {
    return std::string(w.substr(0, w.size() - 1));
  }
  if (w.size() > 4 && w.ends_with("ed")) return StripEnding(w, 2);
  if (w.size() > 5 && w.ends_with("ing")) return StripEnding(w, 3);
  return std::string(w);
}

bool DefaultNeutralApplies(std::string_view word, std::string_view lower, std::string_view lemma,
                           Pos pos) {
  if (!IsVerb(pos) || word.empty() || word.size() < 2) return false;
  if (word.front() >= 'A' && word.front() <= 'Z')
    return false;  // a name, or a sentence's first word
  for (char c : lower) {
    if (!((c >= 'a' && c <= 'z') || c == '-')) return false;
  }
  if (kStopForms.count(lower) || kStopLemmas.count(lemma)) return false;
  // The guess may miss a final e either way ("includ(e)d", "avoid-ed").
  std::string other(lemma);
  if (!other.empty() && other.back() == 'e') {
    other.pop_back();
  } else {
    other += 'e';
  }
  return !kStopLemmas.count(other);
}

VerbMode DefaultNeutralMode(std::string_view lemma) {
  return kWordLemmas.count(lemma) ? VerbMode::kWord : VerbMode::kDeed;
}

}  // namespace entente::opcode
