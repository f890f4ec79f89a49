// Operational code analysis (VICS) of English text: sentences -> tokens ->
// part-of-speech tags -> verb groups (tense, modality, negation, voice) ->
// subjects (self or other) -> VICS categories from the team's verb lexicon.
// docs/opcode.md describes every rule; the indices are in opcode_indices.h.
//
// Thread safety: a loaded OpcodeCoder is immutable and may be shared; each
// thread codes through its own OpcodeCoder::Session.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "entente/opcode_indices.h"
#include "entente/status.h"

namespace entente {

// One coded verb: a VICS attribution.
struct CodedVerb {
  std::string sentence_id;  // as given (--sentences) or the sentence number, 1-based
  std::string verb;         // the verb as it appears, with its particle ("call on")
  std::string lemma;        // lexicon lemma
  OpcodeActor subject = OpcodeActor::kOther;
  std::string subject_text;  // the words that decided the subject ("" when inherited)
  int category = 0;          // -3..3 after tense, modality and negation
  VerbMode mode = VerbMode::kWord;
  std::string tense;  // past, present, future, modal
  bool negated = false;
  bool passive = false;
  int lexicon_category = 0;  // the rule's category before tense/modality/negation
  std::string rule;          // lexicon file and line of the rule used, or "default-neutral"
};

// Who "self" is for a text: the speaker's state and the speaker.
struct SpeakerIdentity {
  std::string iso3;  // may be empty: then only first-person words are self
  std::vector<std::string>
      terms;  // lower-case phrases naming self ("china", "chinese", "xi jinping")
};

struct CoderOptions {
  // Folder with vics_verbs.tsv, irregular_verbs.tsv (and vics_cameo_seed.tsv);
  // empty: ProjectDataDir()/lexicons.
  std::string lexicon_dir;
  // The Lingua::EN::Tagger model folder; empty: $ENTENTE_TAGGER_MODEL or the
  // Debian package's.
  std::string tagger_dir;
  // PETRARCH2's Phoenix actor dictionary (country names, adjectives, leaders
  // and government bodies per ISO3); empty: none (then SpeakerIdentity terms
  // must come from elsewhere, e.g. the country registry).
  std::string actors_file;
  // Add the CAMEO-seeded verbs (data/lexicons/vics_cameo_seed.tsv) for lemmas
  // the hand lexicon lacks.
  bool cameo_seed = false;
};

// Word and verb counts of a coded text.
struct TextCoding {
  std::int64_t words = 0;  // word tokens (numbers included, punctuation not)
  std::int64_t sentences = 0;
  std::int64_t alphabetic_words = 0;  // word tokens starting with a letter
  std::int64_t english_words = 0;     // alphabetic words the English model knows
  OpcodeCounts counts;
  // True when fewer than half of 40+ alphabetic words are English words.
  bool not_english = false;
};

class OpcodeCoder {
 public:
  static Result<OpcodeCoder> Load(const CoderOptions& options);
  OpcodeCoder(OpcodeCoder&&) noexcept;
  OpcodeCoder& operator=(OpcodeCoder&&) noexcept;
  ~OpcodeCoder();

  // Per-thread scratch state (ICU iterators, buffers).
  class Session {
   public:
    Session(Session&&) noexcept;
    Session& operator=(Session&&) noexcept;
    ~Session();

   private:
    friend class OpcodeCoder;
    struct State;
    explicit Session(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
  };
  Result<Session> NewSession() const;

  // The self terms of state `iso3` from the actor dictionary (names,
  // adjectives, government bodies, leaders), plus `extra` terms.
  SpeakerIdentity Speaker(std::string_view iso3, const std::vector<std::string>& extra = {}) const;

  // Codes one sentence (no segmentation into sentences). Appends its coded
  // verbs to `verbs` (when not null) and adds them to `coding`.
  void CodeSentence(Session& session, std::string_view id, std::string_view sentence,
                    const SpeakerIdentity& speaker, std::vector<CodedVerb>* verbs,
                    TextCoding& coding) const;

  // Segments `text` into sentences (numbered from 1) and codes each.
  TextCoding CodeText(Session& session, std::string_view text, const SpeakerIdentity& speaker,
                      std::vector<CodedVerb>* verbs) const;

  std::size_t lexicon_rules() const;

 private:
  struct Impl;
  explicit OpcodeCoder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Prepares raw text for coding (ASCII quotes and apostrophes, wrapped lines
// joined); CodeText does this itself, CodeSentence expects it done.
std::string NormalizeForCoding(std::string_view text);

// True when `coding` has at least 40 alphabetic words and fewer than half of
// them are English words (the text is then not coded as English).
bool LooksForeign(const TextCoding& coding);

// Checks that `content` can be coded as text: not empty, no NUL bytes (a
// binary file). Returns a data error naming `source` otherwise.
Status CheckCodableText(std::string_view source, std::string_view content);

}  // namespace entente
