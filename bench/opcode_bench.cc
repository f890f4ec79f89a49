// Throughput of the VICS coder (words per second on one core) on real UN
// General Debate speeches, and of the whole corpus pipeline on a sample of
// the archive. The full-corpus figure is `entente opcode --corpus` itself
// (docs/opcode.md records both).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "entente/countries.h"
#include "entente/opcode.h"
#include "entente/opcode_corpus.h"

namespace {

const entente::OpcodeCoder& Coder() {
  static entente::OpcodeCoder* coder = [] {
    entente::CoderOptions options;
    options.actors_file =
        std::string(ENTENTE_SHARED_DATA) + "/cameo/petrarch2_Phoenix.Countries.actors.txt";
    auto loaded = entente::OpcodeCoder::Load(options);
    if (!loaded.ok()) return static_cast<entente::OpcodeCoder*>(nullptr);
    return new entente::OpcodeCoder(std::move(loaded).value());
  }();
  return *coder;
}

// The first 200 speeches of the archive, read once.
const std::vector<entente::SpeechDoc>& Speeches() {
  static std::vector<entente::SpeechDoc> docs = [] {
    std::vector<entente::SpeechDoc> out;
    (void)entente::ReadCorpus(
        std::string(ENTENTE_SHARED_DATA) + "/ungd",
        [&](entente::SpeechDoc&& d) {
          out.push_back(std::move(d));
          return entente::Status::Ok();
        },
        nullptr, nullptr, 200);
    return out;
  }();
  return docs;
}

void BM_CodeSpeeches(benchmark::State& state) {
  const auto& coder = Coder();
  auto session = coder.NewSession();
  if (!session.ok()) {
    state.SkipWithError("coder unavailable");
    return;
  }
  entente::SpeakerIdentity speaker = coder.Speaker("USA");
  std::int64_t words = 0;
  for (auto _ : state) {
    for (const auto& doc : Speeches()) {
      auto coding = coder.CodeText(*session, doc.text, speaker, nullptr);
      words += coding.words;
      benchmark::DoNotOptimize(coding);
    }
  }
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CodeSpeeches)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
