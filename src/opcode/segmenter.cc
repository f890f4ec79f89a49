#include "opcode/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <cctype>

namespace entente::opcode {
namespace {

bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Tokens ICU keeps whole that the tagger's model splits.
constexpr std::string_view kClitics[] = {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "'S"};

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

}  // namespace

std::string NormalizeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(text[i + 2]);
      if (d == 0x98 || d == 0x99) {  // ‘ ’
        out += '\'';
        i += 2;
        continue;
      }
      if (d == 0x9C || d == 0x9D) {  // “ ”
        out += '"';
        i += 2;
        continue;
      }
      if (d == 0x93 || d == 0x94) {  // – —
        out += " - ";
        i += 2;
        continue;
      }
    }
    if (c == '\r') continue;
    if (c == '\n') {
      // Keep a break after sentence-final punctuation or a blank line;
      // otherwise the line was wrapped mid-sentence.
      std::size_t j = out.size();
      while (j > 0 && (out[j - 1] == ' ' || out[j - 1] == '\t')) --j;
      char last = j > 0 ? out[j - 1] : '\n';
      bool next_blank = i + 1 < text.size() && (text[i + 1] == '\n' || text[i + 1] == '\r');
      bool final_mark = last == '.' || last == '!' || last == '?' || last == ':' || last == ';' ||
                        last == '"' || last == '\'' || last == ')' || last == '\n';
      out += (final_mark || next_blank) ? '\n' : ' ';
      continue;
    }
    if (c < 0x20 || c == 0x7F) {
      out += ' ';
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> sentences;
  std::unique_ptr<icu::BreakIterator> words;
  UText* text = nullptr;
  ~Impl() {
    if (text != nullptr) utext_close(text);
  }
};

Segmenter::Segmenter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;
Segmenter::~Segmenter() = default;

Result<Segmenter> Segmenter::Create() {
  // The prototypes are built once (ICU compiles its rules then) and cloned.
  static const auto prototypes = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::pair<std::unique_ptr<icu::BreakIterator>, std::unique_ptr<icu::BreakIterator>> p;
    p.first.reset(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
    if (U_FAILURE(status)) p.first.reset();
    status = U_ZERO_ERROR;
    p.second.reset(icu::BreakIterator::createWordInstance(icu::Locale::getUS(), status));
    if (U_FAILURE(status)) p.second.reset();
    return p;
  }();
  if (!prototypes.first || !prototypes.second) {
    return Status::Internal(
        "ICU could not create its break iterators (is libicu's data installed?)");
  }
  auto impl = std::make_unique<Impl>();
  impl->sentences.reset(prototypes.first->clone());
  impl->words.reset(prototypes.second->clone());
  if (!impl->sentences || !impl->words)
    return Status::Internal("ICU could not clone a break iterator");
  return Segmenter(std::move(impl));
}

void Segmenter::Sentences(std::string_view text,
                          std::vector<std::pair<std::size_t, std::size_t>>& out) {
  out.clear();
  if (text.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  impl_->text =
      utext_openUTF8(impl_->text, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  impl_->sentences->setText(impl_->text, status);
  if (U_FAILURE(status)) return;
  int32_t begin = impl_->sentences->first();
  for (int32_t end = impl_->sentences->next(); end != icu::BreakIterator::DONE;
       begin = end, end = impl_->sentences->next()) {
    std::size_t b = static_cast<std::size_t>(begin);
    std::size_t e = static_cast<std::size_t>(end);
    while (b < e && IsSpace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && IsSpace(static_cast<unsigned char>(text[e - 1]))) --e;
    if (e > b) out.emplace_back(b, e);
  }
}

void Segmenter::Words(std::string_view sentence, std::vector<std::string_view>& out) {
  out.clear();
  if (sentence.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  impl_->text =
      utext_openUTF8(impl_->text, sentence.data(), static_cast<int64_t>(sentence.size()), &status);
  if (U_FAILURE(status)) return;
  impl_->words->setText(impl_->text, status);
  if (U_FAILURE(status)) return;
  int32_t begin = impl_->words->first();
  for (int32_t end = impl_->words->next(); end != icu::BreakIterator::DONE;
       begin = end, end = impl_->words->next()) {
    std::string_view token =
        sentence.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
    if (token.empty() || IsSpace(static_cast<unsigned char>(token[0]))) continue;
    // Hyphenated compound: glue "word" "-" "word" written without spaces.
    if (token == "-" && !out.empty() && begin > 0 &&
        !IsSpace(static_cast<unsigned char>(sentence[begin - 1])) &&
        static_cast<std::size_t>(end) < sentence.size() &&
        std::isalnum(static_cast<unsigned char>(sentence[end])) &&
        std::isalnum(static_cast<unsigned char>(out.back().back()))) {
      int32_t next_end = impl_->words->next();
      if (next_end == icu::BreakIterator::DONE) break;
      const char* start = out.back().data();
      out.back() = std::string_view(start, sentence.data() + next_end - start);
      end = next_end;
      continue;
    }
    // Split clitics: "don't" -> "do" "n't", "China's" -> "China" "'s".
    bool split = false;
    for (std::string_view clitic : kClitics) {
      if (token.size() > clitic.size() && token.substr(token.size() - clitic.size()) == clitic) {
        out.push_back(token.substr(0, token.size() - clitic.size()));
        out.push_back(token.substr(token.size() - clitic.size()));
        split = true;
        break;
      }
    }
    if (!split) out.push_back(token);
  }
}

}  // namespace entente::opcode
