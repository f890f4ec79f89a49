// A bigram hidden-Markov part-of-speech tagger (Penn Treebank tags) decoded
// with Viterbi, using the lexicon and tag-transition probabilities that
// Debian's liblingua-en-tagger-perl ships (trained by its author on the Penn
// Treebank; GPL-3 data read at run time, never copied into entente).
//
// Why this tagger: the corpus mode must tag ~32 million words in well under
// two minutes on two cores; a full parser (link-grammar) manages a few
// hundred words a second (docs/opcode.md has the measurements).
//
// Internal to entente. Thread safety: a loaded Tagger is immutable; Tag() is
// const and may run on many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "entente/status.h"

namespace entente::opcode {

// Penn Treebank tags as the model spells them (lower case), plus the model's
// own punctuation tags (pp sentence end, ppc comma, ppl/ppr quotes, pps
// other punctuation, lrb/rrb brackets).
enum class Pos : std::uint8_t {
  kCc,
  kCd,
  kDet,
  kEx,
  kFw,
  kIn,
  kJj,
  kJjr,
  kJjs,
  kLrb,
  kLs,
  kMd,
  kNn,
  kNnp,
  kNnps,
  kNns,
  kPdt,
  kPos,
  kPp,
  kPpc,
  kPpd,
  kPpl,
  kPpr,
  kPps,
  kPrp,
  kPrps,
  kRb,
  kRbr,
  kRbs,
  kRp,
  kRrb,
  kSym,
  kTo,
  kUh,
  kVb,
  kVbd,
  kVbg,
  kVbn,
  kVbp,
  kVbz,
  kWdt,
  kWp,
  kWps,
  kWrb,
  kCount
};
inline constexpr int kPosCount = static_cast<int>(Pos::kCount);

// "nn", "vbd" ...
std::string_view PosName(Pos pos);

inline bool IsVerb(Pos p) {
  return p >= Pos::kVb && p <= Pos::kVbz;
}
inline bool IsNoun(Pos p) {
  return p == Pos::kNn || p == Pos::kNnp || p == Pos::kNnps || p == Pos::kNns;
}
inline bool IsAdjective(Pos p) {
  return p == Pos::kJj || p == Pos::kJjr || p == Pos::kJjs;
}
inline bool IsAdverb(Pos p) {
  return p == Pos::kRb || p == Pos::kRbr || p == Pos::kRbs;
}
inline bool IsPunctuation(Pos p) {
  return p == Pos::kPp || p == Pos::kPpc || p == Pos::kPpd || p == Pos::kPpl || p == Pos::kPpr ||
         p == Pos::kPps || p == Pos::kLrb || p == Pos::kRrb || p == Pos::kSym;
}

class Tagger {
 public:
  // Where the Debian package puts the model.
  static constexpr const char* kDefaultModelDir = "/usr/share/perl5/Lingua/EN/Tagger";

  // Loads words.yml, tags.yml and unknown.yml from `model_dir` (empty:
  // $ENTENTE_TAGGER_MODEL, else kDefaultModelDir). A missing model is a
  // kNotFound error that says which Debian package to install.
  static Result<Tagger> Load(const std::string& model_dir = "");

  Tagger(Tagger&&) noexcept;
  Tagger& operator=(Tagger&&) noexcept;
  ~Tagger();

  // Tags one sentence. `tags` is resized to words.size().
  void Tag(const std::vector<std::string_view>& words, std::vector<Pos>& tags) const;

  // True when the model's lexicon holds `word` (as written or with its first
  // letter lower-cased): how entente tells English text from other text.
  bool Knows(std::string_view word) const;
  // True when the model's lexicon lists `pos` among the tags of `word` (the
  // coder's context corrections only retag a word to a tag it can have).
  bool CanBe(std::string_view word, Pos pos) const;

 private:
  struct Impl;
  explicit Tagger(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace entente::opcode
