// UNGA ideal points for every session 1946-2015 (Voeten file: 738,764
// yes/abstain/no votes on 5,429 roll calls, 200 states), one full estimation
// per benchmark iteration, on 1 and 2 threads. The file is read and
// converted outside the timed region. Counters: sweeps run, state-session
// estimates, whether the fit converged.
//
//   build/bench/ideal_points_bench --benchmark_repetitions=3
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "core/csv_reader.h"
#include "entente/ideal_points.h"
#include "measures/votes/ideal_points_voeten.h"

namespace entente {
namespace {

const IdealPointData& VoetenVotes() {
  static const IdealPointData* data = [] {
    const std::string path = std::string(ENTENTE_SHARED_DATA) + "/unga/voeten_votes_1946_2015.csv";
    auto content = internal::ReadWholeFile(path);
    if (!content.ok()) {
      std::cerr << "ideal_points_bench: " << content.status().message() << "\n";
      std::exit(1);
    }
    auto parsed = internal::IdealPointDataFromVoetenCsv(path, *content);
    if (!parsed.ok()) {
      std::cerr << "ideal_points_bench: " << parsed.status().message() << "\n";
      std::exit(1);
    }
    return new IdealPointData(std::move(parsed).value());
  }();
  return *data;
}

void BM_IdealPointsAllSessions(benchmark::State& state) {
  const IdealPointData& data = VoetenVotes();
  IdealPointOptions options;
  options.threads = static_cast<int>(state.range(0));
  IdealPointFit fit;
  for (auto _ : state) {
    auto result = EstimateIdealPoints(data, options);
    if (!result.ok()) {
      state.SkipWithError(result.status().message().c_str());
      return;
    }
    fit = std::move(result).value();
    benchmark::DoNotOptimize(fit.estimates.data());
  }
  state.counters["sweeps"] = fit.iterations;
  state.counters["estimates"] = static_cast<double>(fit.estimates.size());
  state.counters["converged"] = fit.converged ? 1 : 0;
  state.counters["votes"] = fit.votes;
}
BENCHMARK(BM_IdealPointsAllSessions)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kSecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace
}  // namespace entente

BENCHMARK_MAIN();
