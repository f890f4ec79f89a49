// libFuzzer target for the operational-code text pipeline: the bytes are a
// text given to the segmenter (sentences, then words of each sentence) and
// to the VICS coder, which must return categories in -3..3 with modes that
// match them, and counts that add up, on any input. Built only with clang
// (-DENTENTE_FUZZ=ON, see tests/CMakeLists.txt); run for example
//   build-fuzz/tests/opcode_fuzz -max_len=4096 -max_total_time=240 CORPUS_DIR
// ENTENTE_SHARED_DATA points at ../shared/data for the actor dictionary.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "entente/opcode.h"
#include "opcode/segmenter.h"

namespace {

struct Pipeline {
  entente::OpcodeCoder coder;
  entente::OpcodeCoder::Session session;
  entente::opcode::Segmenter segmenter;
};

Pipeline& Get() {
  static Pipeline* pipeline = [] {
    entente::CoderOptions options;
    options.actors_file =
        std::string(ENTENTE_SHARED_DATA) + "/cameo/petrarch2_Phoenix.Countries.actors.txt";
    auto coder = entente::OpcodeCoder::Load(options);
    if (!coder.ok()) std::abort();  // no model: nothing to fuzz
    auto session = coder->NewSession();
    auto segmenter = entente::opcode::Segmenter::Create();
    if (!session.ok() || !segmenter.ok()) std::abort();
    return new Pipeline{std::move(coder).value(), std::move(session).value(),
                        std::move(segmenter).value()};
  }();
  return *pipeline;
}

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Pipeline& p = Get();
  std::string text(reinterpret_cast<const char*>(data), size);
  std::string normalized = entente::NormalizeForCoding(text);
  std::vector<std::pair<std::size_t, std::size_t>> sentences;
  std::vector<std::string_view> words;
  p.segmenter.Sentences(normalized, sentences);
  for (const auto& [b, e] : sentences) {
    Check(b <= e && e <= normalized.size());
    std::string_view sentence(normalized.data() + b, e - b);
    p.segmenter.Words(sentence, words);
    for (std::string_view w : words) {
      Check(!w.empty() && w.data() >= sentence.data() &&
            w.data() + w.size() <= sentence.data() + sentence.size());
    }
  }
  std::vector<entente::CodedVerb> verbs;
  entente::TextCoding coding = p.coder.CodeText(p.session, text, p.coder.Speaker("USA"), &verbs);
  for (const entente::CodedVerb& v : verbs) {
    Check(v.category >= -3 && v.category <= 3);
    if (v.category != 0) {
      Check((v.mode == entente::VerbMode::kDeed) == (std::abs(v.category) == 3));
    }
  }
  Check(coding.counts.Total() == static_cast<std::int64_t>(verbs.size()));
  return 0;
}
