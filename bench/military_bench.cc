// Military alignment benchmarks on the real data (ENTENTE_SHARED_DATA and
// data/evidence/military). Target (issue 3): scoring every dyad-year
// 1946-2024 from the dataset evidence in at most 2 s, loading included.
//   cmake --build build-military --target military_bench
//   ./build-military/bench/military_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <ostream>
#include <streambuf>

#include "entente/countries.h"
#include "entente/military.h"
#include "entente/paths.h"

namespace {

using namespace entente;

// Discards output but counts it, so the CSV is really produced.
class CountingBuffer : public std::streambuf {
 public:
  std::uint64_t bytes = 0;

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes += static_cast<std::uint64_t>(n);
    return n;
  }
  int overflow(int c) override {
    ++bytes;
    return c;
  }
};

const CountryRegistry& Registry() {
  static const CountryRegistry* registry = [] {
    auto loaded = CountryRegistry::Load(ENTENTE_SHARED_DATA);
    if (!loaded.ok()) {
      std::cerr << loaded.status().message() << "\n";
      std::exit(2);
    }
    return new CountryRegistry(std::move(loaded).value());
  }();
  return *registry;
}

MilitaryDataOptions Options() {
  MilitaryDataOptions options;
  options.shared_data_dir = ENTENTE_SHARED_DATA;
  options.evidence_dir = ProjectDataDir() + "/evidence/military";
  return options;
}

const MilitaryData& Data() {
  static const MilitaryData* data = [] {
    auto loaded = MilitaryData::Load(Registry(), Options());
    if (!loaded.ok()) {
      std::cerr << loaded.status().message() << "\n";
      std::exit(2);
    }
    return new MilitaryData(std::move(loaded).value());
  }();
  return *data;
}

const MilitaryFramework& Korolev() {
  static const MilitaryFramework* framework = [] {
    auto f = LoadMilitaryFramework("korolev", ProjectDataDir() + "/frameworks");
    if (!f.ok()) {
      std::cerr << f.status().message() << "\n";
      std::exit(2);
    }
    return new MilitaryFramework(std::move(f).value());
  }();
  return *framework;
}

// Reading and validating every source (ATOP, SIPRI, MME, troops, bases,
// MIDs, rivalries, evidence files) into the per-dyad index.
void BM_LoadMilitaryData(benchmark::State& state) {
  Registry();
  for (auto _ : state) {
    auto data = MilitaryData::Load(Registry(), Options());
    if (!data.ok()) state.SkipWithError(data.status().message().c_str());
    benchmark::DoNotOptimize(data);
  }
}
BENCHMARK(BM_LoadMilitaryData)->Unit(benchmark::kMillisecond);

// Scoring and writing the panel of every dyad-year of the state system.
void BM_ScoreAllDyadYears(benchmark::State& state) {
  Data();
  Korolev();
  std::int64_t rows = 0;
  for (auto _ : state) {
    CountingBuffer buffer;
    std::ostream out(&buffer);
    auto written = WriteMilitaryPanelCsv(Data(), Registry(), {&Korolev()},
                                         MilitaryPanelOptions{YearRange{1946, 2024}}, out);
    if (!written.ok()) state.SkipWithError(written.status().message().c_str());
    rows = *written;
  }
  state.counters["dyad_years"] = static_cast<double>(rows);
  state.counters["rows_per_s"] =
      benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ScoreAllDyadYears)->Unit(benchmark::kMillisecond);

// Loading plus the whole panel: the 2 s budget.
void BM_LoadAndScoreAllDyadYears(benchmark::State& state) {
  Registry();
  Korolev();
  for (auto _ : state) {
    auto data = MilitaryData::Load(Registry(), Options());
    if (!data.ok()) state.SkipWithError(data.status().message().c_str());
    CountingBuffer buffer;
    std::ostream out(&buffer);
    auto written = WriteMilitaryPanelCsv(*data, Registry(), {&Korolev()},
                                         MilitaryPanelOptions{YearRange{1946, 2024}}, out);
    benchmark::DoNotOptimize(written);
  }
}
BENCHMARK(BM_LoadAndScoreAllDyadYears)->Unit(benchmark::kMillisecond);

// One dyad over 35 years (what `entente military CHN RUS` computes).
void BM_ScoreOneDyad(benchmark::State& state) {
  Data();
  const Country& chn = **Registry().Find("CHN");
  const Country& rus = **Registry().Find("RUS");
  for (auto _ : state) {
    auto scores = ScoreMilitaryDyad(Data(), Registry(), Korolev(), chn, rus, YearRange{1991, 2025});
    benchmark::DoNotOptimize(scores);
  }
}
BENCHMARK(BM_ScoreOneDyad)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
