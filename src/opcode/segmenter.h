// Sentence and word segmentation with ICU's rule-based break iterators
// (Unicode UAX #29 with the CLDR English abbreviation list, "en@ss=standard",
// so that "Mr. Smith" and "U.S. policy" do not end a sentence).
//
// Internal to entente. Thread safety: a Segmenter holds ICU iterator state;
// give each thread its own (Segmenter::Create is cheap after the first).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entente/status.h"

namespace entente::opcode {

// Prepares raw text for segmentation, in a copy: curly quotes and apostrophes
// become ASCII, a line break inside a sentence (a line not ending in
// punctuation, as in the UN corpus's wrapped lines) becomes a space, other
// line breaks stay, and control characters become spaces. Invalid UTF-8 is
// left to ICU, which reads it as U+FFFD.
std::string NormalizeText(std::string_view text);

class Segmenter {
 public:
  static Result<Segmenter> Create();
  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;
  ~Segmenter();

  // Splits `text` (normalized) into sentences: [begin, end) byte ranges,
  // trimmed, empty ones dropped.
  void Sentences(std::string_view text, std::vector<std::pair<std::size_t, std::size_t>>& out);

  // Splits one sentence into tokens: words, numbers and punctuation marks
  // (spaces dropped), Penn Treebank style: clitics split off ("do" "n't",
  // "China" "'s"), hyphenated compounds kept whole ("well-being"). Views point
  // into `sentence`.
  void Words(std::string_view sentence, std::vector<std::string_view>& out);

 private:
  struct Impl;
  explicit Segmenter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace entente::opcode
