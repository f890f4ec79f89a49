// One dyad's UN vote series, 1946 to the last year in the store: the command
// line's path (DyadVoteSimilarity, a walk over every stored vote) against the
// server's (VoteMatrix, two bytes per roll call). Reads the store named by
// $ENTENTE_STORE (default out/entente.sqlite, as scripts/run.sh makes it).
//
//   build/bench/vote_matrix_bench
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "entente/countries.h"
#include "entente/dyad_votes.h"
#include "entente/store.h"
#include "entente/unga.h"
#include "entente/vote_matrix.h"

namespace entente {
namespace {

struct Loaded {
  std::unique_ptr<CountryRegistry> countries;
  std::unique_ptr<UngaVotes> votes;
  std::unique_ptr<VoteMatrix> matrix;
};

const Loaded& Data() {
  static const Loaded loaded = [] {
    const char* env = std::getenv("ENTENTE_STORE");
    const std::string path = env != nullptr ? env : "out/entente.sqlite";
    auto countries = CountryRegistry::Load(ENTENTE_SHARED_DATA);
    auto store = Store::Open(path);
    if (!countries.ok() || !store.ok()) {
      std::cerr << "vote_matrix_bench: cannot open " << path << " (set ENTENTE_STORE)\n";
      std::exit(2);
    }
    auto votes = LoadUngaVotes(*store, YearRange{});
    if (!votes.ok() || votes->roll_calls.empty()) {
      std::cerr << "vote_matrix_bench: no UN votes in " << path << ": run entente init\n";
      std::exit(2);
    }
    Loaded l;
    l.countries = std::make_unique<CountryRegistry>(std::move(countries).value());
    l.votes = std::make_unique<UngaVotes>(std::move(votes).value());
    l.matrix = std::make_unique<VoteMatrix>(*l.votes);
    return l;
  }();
  return loaded;
}

void BM_DyadVoteSimilarity(benchmark::State& state) {
  const Loaded& d = Data();
  const Country* a = *d.countries->Find("CHN");
  const Country* b = *d.countries->Find("RUS");
  for (auto _ : state) {
    auto rows = DyadVoteSimilarity(*d.votes, *d.countries, *a, *b, VoteGrouping::kYear,
                                   RollCallSubset::kAll);
    benchmark::DoNotOptimize(rows);
  }
}
BENCHMARK(BM_DyadVoteSimilarity)->Unit(benchmark::kMicrosecond);

void BM_VoteMatrixDyad(benchmark::State& state) {
  const Loaded& d = Data();
  const Country* a = *d.countries->Find("CHN");
  const Country* b = *d.countries->Find("RUS");
  for (auto _ : state) {
    auto rows = d.matrix->Dyad(*d.countries, *a, *b, VoteGrouping::kYear, RollCallSubset::kAll,
                               YearRange{});
    benchmark::DoNotOptimize(rows);
  }
}
BENCHMARK(BM_VoteMatrixDyad)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace entente

BENCHMARK_MAIN();
