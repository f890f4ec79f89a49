#include "opcode/verb_context.h"

#include <unordered_set>

#include "opcode/default_neutral.h"

namespace entente::opcode {
namespace {

// A word the context may turn into a verb: lower-case (a capitalised word is
// a name or a sentence's first word) and tagged as a noun or an adjective.
bool Retaggable(std::string_view word, Pos pos) {
  if (word.empty() || !(word.front() >= 'a' && word.front() <= 'z')) return false;
  return IsNoun(pos) || IsAdjective(pos);
}

class Context {
 public:
  Context(const Tagger& tagger, const VicsLexicon& lexicon,
          const std::vector<std::string_view>& words, const std::vector<std::string>& lower,
          std::vector<Pos>& tags)
      : tagger_(tagger), lexicon_(lexicon), w_(words), l_(lower), t_(tags), n_(words.size()) {}

  void Run() {
    for (std::size_t k = 1; k < n_; ++k) {
      if (!Retaggable(w_[k], t_[k])) continue;
      std::size_t p = SkipAdverbsBack(k);
      if (p == kNone) continue;
      Pos verb;
      if (AfterModal(p) || AfterInfinitiveTo(p, k) || AfterLetUs(p)) {
        verb = Pos::kVb;
      } else if (!AfterPronoun(p, k, verb) && !AfterNamedSubject(p, k, verb) &&
                 !InCoordination(p, k, verb)) {
        continue;
      }
      if (CanBe(k, verb)) t_[k] = verb;
    }
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  // The token before k, skipping adverbs and negations; kNone at the start.
  std::size_t SkipAdverbsBack(std::size_t k) const {
    std::size_t p = k;
    while (p > 0) {
      --p;
      if (!IsAdverb(t_[p]) && l_[p] != "not" && l_[p] != "n't") return p;
    }
    return kNone;
  }

  // An object or clause follows: a determiner, possessive, number, name,
  // pronoun or "that".
  bool ObjectFollows(std::size_t k) const {
    if (k + 1 >= n_) return false;
    Pos q = t_[k + 1];
    return q == Pos::kDet || q == Pos::kPdt || q == Pos::kPrps || q == Pos::kCd || q == Pos::kNnp ||
           q == Pos::kNnps || q == Pos::kPrp || l_[k + 1] == "that";
  }

  // "we should (also) envisage", "cannot work together".
  bool AfterModal(std::size_t p) const { return t_[p] == Pos::kMd; }

  // "let us (all) hope", "let me recall": the bare verb of a proposal.
  bool AfterLetUs(std::size_t p) const {
    if (l_[p] == "all" && p > 0) --p;
    return (l_[p] == "us" || l_[p] == "me") && p > 0 && l_[p - 1] == "let";
  }

  // "to deploy a policy", "to affirm that": "to" then an object.
  bool AfterInfinitiveTo(std::size_t p, std::size_t k) const {
    return t_[p] == Pos::kTo && ObjectFollows(k);
  }

  // "we witness the", "it underlines": the verb slot after a nominative pronoun.
  bool AfterPronoun(std::size_t p, std::size_t k, Pos& verb) const {
    static const std::unordered_set<std::string_view> kPlural = {"i", "we", "they", "you"};
    static const std::unordered_set<std::string_view> kSingular = {"he", "she", "it"};
    bool plural = kPlural.count(l_[p]) > 0;
    if (!plural && !kSingular.count(l_[p])) return false;
    if (k + 1 < n_ && IsVerb(t_[k + 1])) return false;
    verb = l_[k].ends_with("ed") ? Pos::kVbd : plural ? Pos::kVbp : Pos::kVbz;
    return true;
  }

  // "China abides by", "the Government of Nicaragua undermines international
  // law": a form in -s after a name or a singular noun, before an object.
  bool AfterNamedSubject(std::size_t p, std::size_t k, Pos& verb) const {
    if (t_[k] != Pos::kNns || !l_[k].ends_with("s") || k + 1 >= n_) return false;
    if (t_[p] != Pos::kNnp && t_[p] != Pos::kNn) return false;
    if (p + 1 != k) return false;
    // Not before "of" ("the needs of"), nor before "that" after a common
    // noun ("the development partners that drafted"; but "the Department of
    // Energy estimates that").
    Pos q = t_[k + 1];
    if (l_[k + 1] == "of" || (l_[k + 1] == "that" && t_[p] != Pos::kNnp)) return false;
    bool object = ObjectFollows(k) || IsAdjective(q) || q == Pos::kTo || q == Pos::kIn;
    if (!object) return false;
    verb = Pos::kVbz;
    return true;
  }

  // "lift our sanctions and welcome Russia's role": after "and"/"or" that
  // ends a phrase, a verb of the form of the nearest verb before it.
  bool InCoordination(std::size_t p, std::size_t k, Pos& verb) const {
    if (t_[p] != Pos::kCc || p + 1 != k || p == 0) return false;
    Pos before = t_[p - 1];
    if (!(IsNoun(before) || before == Pos::kPrp || before == Pos::kCd || IsAdverb(before) ||
          before == Pos::kRrb)) {
      return false;
    }
    // An adjective tag on a word the tagger does not know is a guess: an
    // adjective or noun may then follow ("deepen cooperation").
    bool guessed = !tagger_.Knows(w_[k]) && IsAdjective(t_[k]);
    bool next_np = k + 1 < n_ && (IsNoun(t_[k + 1]) || IsAdjective(t_[k + 1]));
    if (!ObjectFollows(k) && !(guessed && next_np)) return false;
    for (std::size_t v = p; v-- > 0;) {
      if (!IsVerb(t_[v]) || t_[v] == Pos::kVbg) continue;
      verb = t_[v];
      return true;
    }
    return false;
  }

  // Whether word k can be `verb`: the tagger's lexicon says so, or it is
  // that form of a verb the VICS lexicon (or the default-neutral verbs of
  // speech and cognition) holds ("we witness the": the tagger knows only
  // the noun).
  bool CanBe(std::size_t k, Pos verb) const {
    if (tagger_.CanBe(w_[k], verb) || (verb == Pos::kVbp && tagger_.CanBe(w_[k], Pos::kVb))) {
      return true;
    }
    const std::string& w = l_[k];
    bool form = true;
    switch (verb) {
      case Pos::kVbz:
        form = w.ends_with("s");
        break;
      case Pos::kVbd:
      case Pos::kVbn:
        form = w.ends_with("ed") || !lexicon_.IrregularBase(w).empty();
        break;
      default:
        form = !w.ends_with("ed") && !w.ends_with("ing");
        break;
    }
    if (!form) return false;
    lexicon_.Lemmas(w, verb, lemmas_);
    if (!lemmas_.empty()) return true;
    std::string lemma =
        GuessVerbLemma(w, verb == Pos::kVb || verb == Pos::kVbp ? "" : lexicon_.IrregularBase(w));
    return DefaultNeutralMode(lemma) == VerbMode::kWord;
  }

  const Tagger& tagger_;
  const VicsLexicon& lexicon_;
  const std::vector<std::string_view>& w_;
  const std::vector<std::string>& l_;
  std::vector<Pos>& t_;
  std::size_t n_;
  mutable std::vector<std::string_view> lemmas_;
};

}  // namespace

void CorrectVerbTags(const Tagger& tagger, const VicsLexicon& lexicon,
                     const std::vector<std::string_view>& words,
                     const std::vector<std::string>& lower, std::vector<Pos>& tags) {
  Context(tagger, lexicon, words, lower, tags).Run();
}

}  // namespace entente::opcode
