// The VICS verb lexicon (data/lexicons/vics_verbs.tsv, hand-built by the
// team), the optional CAMEO-seeded extension (data/lexicons/vics_cameo_seed.tsv,
// generated from PETRARCH2's CAMEO verb dictionary by
// data/lexicons/seed_from_cameo.py through the documented CAMEO-to-VICS
// mapping), and an English verb lemmatizer (regular rules plus
// data/lexicons/irregular_verbs.tsv).
//
// Internal to entente. Thread safety: a loaded lexicon is immutable.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entente/opcode_indices.h"
#include "entente/status.h"
#include "opcode/tagger.h"

namespace entente::opcode {

struct LexiconRule {
  std::string lemma;
  std::vector<std::string> particles;  // empty: none required
  bool adjectival = false;             // "be + participle" with no agent
  std::vector<std::string> objects;    // empty: any object
  int category = 0;                    // -3..3
  VerbMode mode = VerbMode::kWord;
  std::string note;
  std::string source;  // "vics_verbs.tsv:LINE" or "cameo:CODE"
};

struct StringViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class VicsLexicon {
 public:
  // Reads DIR/vics_verbs.tsv and DIR/irregular_verbs.tsv, and with
  // `cameo_seed` also DIR/vics_cameo_seed.tsv for lemmas the hand lexicon does
  // not have. Errors name the file, line and the bad field.
  static Result<VicsLexicon> Load(const std::string& dir, bool cameo_seed);

  // Candidate lemmas of a lower-cased verb form tagged `pos`, most likely
  // first ("attacked" -> "attack"; "fought" -> "fight"; "supplies" ->
  // "supply"). Only lemmas the lexicon holds are returned.
  void Lemmas(std::string_view lower, Pos pos, std::vector<std::string_view>& out) const;

  // The base form of an irregular past or participle form ("took" -> "take"),
  // or empty when the irregular table does not know `lower`.
  std::string_view IrregularBase(std::string_view lower) const;

  // The rules of `lemma`, or nullptr.
  const std::vector<LexiconRule>* Rules(std::string_view lemma) const;

  // Picks the rule for `lemma` given the word right after the verb
  // (`particle`, lower case, may be empty), the head noun of its object
  // (lower case, may be empty) and whether the verb is an adjectival
  // passive. Most specific wins: particle and object, particle, object, bare.
  // nullptr when nothing applies.
  const LexiconRule* Select(std::string_view lemma, std::string_view particle,
                            std::string_view object, bool adjectival) const;

  // True when some rule of `lemma` needs a particle (so the coder looks at
  // the next word).
  std::size_t size() const { return rule_count_; }

 private:
  std::unordered_map<std::string, std::vector<LexiconRule>, StringViewHash, std::equal_to<>> rules_;
  // Irregular past and participle forms -> base.
  std::unordered_map<std::string, std::string, StringViewHash, std::equal_to<>> irregular_;
  std::unordered_map<std::string, std::vector<std::string>, StringViewHash, std::equal_to<>>
      classes_;
  std::size_t rule_count_ = 0;
  Status Parse(const std::string& path, std::string_view content, bool seed);
};

}  // namespace entente::opcode
