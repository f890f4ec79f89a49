// Dyad profile benchmarks on the real data (ENTENTE_SHARED_DATA and the
// project's data/evidence). Targets (issue 4): the full profile panel for all
// dyad-years <= 5 s; one profile query <= 50 ms from the store.
//   cmake --build build --target profile_bench
//   ./build/bench/profile_bench --benchmark_min_time=1
// Setup (not timed): a scratch store with the three UNGA files imported as
// `entente init` does, and the ideal points fitted once; the stored-panel
// benchmarks also save the panel into that store first.
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "entente/countries.h"
#include "entente/ideal_points.h"
#include "entente/paths.h"
#include "entente/profile.h"
#include "entente/store.h"
#include "entente/unga.h"

namespace {

using namespace entente;

[[noreturn]] void Die(const std::string& message) {
  std::cerr << "profile_bench: " << message << "\n";
  std::exit(2);
}

const CountryRegistry& Registry() {
  static const CountryRegistry* registry = [] {
    auto loaded = CountryRegistry::Load(ENTENTE_SHARED_DATA);
    if (!loaded.ok()) Die(loaded.status().message());
    return new CountryRegistry(std::move(loaded).value());
  }();
  return *registry;
}

// The scratch store: created once per run, removed at exit.
struct Scratch {
  std::filesystem::path dir;
  std::optional<Store> store;
  std::optional<IdealPointFit> ideal;
  Scratch() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "profile-bench-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) Die("cannot create a scratch directory");
    dir = pattern;
    auto opened = Store::Open((dir / "entente.sqlite").string());
    if (!opened.ok()) Die(opened.status().message());
    store.emplace(std::move(opened).value());
    for (const char* file :
         {"unga/voeten_votes_1946_2015.csv", "unga/un_votes.csv", "unga/unga_wide_1946_2024.csv"}) {
      auto imported = ImportUnga(*store, Registry(), std::string(ENTENTE_SHARED_DATA) + "/" + file);
      if (!imported.ok()) Die(imported.status().message());
    }
  }
  ~Scratch() {
    store.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
};

Scratch& TheScratch() {
  static Scratch scratch;
  return scratch;
}

ProfileDataOptions Options(Store* store) {
  ProfileDataOptions o;
  o.shared_data_dir = ENTENTE_SHARED_DATA;
  o.evidence_dir = ProjectDataDir() + "/evidence";
  o.frameworks_dir = ProjectDataDir() + "/frameworks";
  o.store = store;
  return o;
}

const IdealPointFit& Ideal() {
  Scratch& s = TheScratch();
  if (!s.ideal) {
    // Fit once through Build's own path, then keep the estimates.
    auto votes = LoadUngaVotes(*s.store, YearRange{1946, 2025});
    if (!votes.ok()) Die(votes.status().message());
    IdealPointData data;
    data.ccodes = votes->ccodes;
    for (const auto& rc : votes->roll_calls) data.item_session.push_back(rc.session);
    for (std::size_t v = 0; v < votes->vote_code.size(); ++v) {
      const int code = votes->vote_code[v];
      if (code < 1 || code > 3) continue;
      data.votes.push_back(
          {votes->vote_roll_call[v], votes->vote_country[v], static_cast<std::int8_t>(3 - code)});
    }
    auto fit = EstimateIdealPoints(data);
    if (!fit.ok()) Die(fit.status().message());
    s.ideal.emplace(std::move(fit).value());
  }
  return *s.ideal;
}

// The whole panel, 1946-2025, every dyad-year of COW members: reading every
// dataset and evidence file, the UN votes from the store, scoring, ranking.
// The ideal points are an input (fitted in setup; see BM_IdealPointFit).
void BM_BuildPanel(benchmark::State& state) {
  Scratch& s = TheScratch();
  ProfileDataOptions options = Options(&*s.store);
  options.ideal_points = &Ideal();
  std::int64_t rows = 0;
  for (auto _ : state) {
    auto data = ProfileData::Build(Registry(), options);
    if (!data.ok()) Die(data.status().message());
    rows = data->size();
    benchmark::DoNotOptimize(rows);
  }
  state.counters["dyad_years"] = static_cast<double>(rows);
  state.counters["dyad_years_per_s"] =
      benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_BuildPanel)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same with the ideal points fitted inside Build (what `entente import
// profile` runs).
void BM_BuildPanelWithFit(benchmark::State& state) {
  Scratch& s = TheScratch();
  ProfileDataOptions options = Options(&*s.store);
  options.fit_ideal_points = true;
  for (auto _ : state) {
    auto data = ProfileData::Build(Registry(), options);
    if (!data.ok()) Die(data.status().message());
    benchmark::DoNotOptimize(data->size());
  }
}
BENCHMARK(BM_BuildPanelWithFit)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

void EnsureStored() {
  static bool stored = [] {
    Scratch& s = TheScratch();
    ProfileDataOptions options = Options(&*s.store);
    options.ideal_points = &Ideal();
    auto data = ProfileData::Build(Registry(), options);
    if (!data.ok()) Die(data.status().message());
    auto rows = SaveProfilePanel(*s.store, *data);
    if (!rows.ok()) Die(rows.status().message());
    return true;
  }();
  (void)stored;
}

// One query as `entente profile CHN RUS --years 1991:2025` runs it once the
// registry is loaded: open the stored panel (which re-reads and validates the
// evidence files for citations), then the dyad's 35 years with every
// indicator, its evidence, ranks and the bootstrap trends.
void BM_ProfileQueryStored(benchmark::State& state) {
  EnsureStored();
  Scratch& s = TheScratch();
  const Country& chn = **Registry().Find("CHN");
  const Country& rus = **Registry().Find("RUS");
  for (auto _ : state) {
    auto data = ProfileData::OpenStored(*s.store, Registry(), Options(&*s.store));
    if (!data.ok()) Die(data.status().message());
    auto profile = ProfileDyad(*data, Registry(), chn, rus, YearRange{1991, 2025});
    if (!profile.ok()) Die(profile.status().message());
    benchmark::DoNotOptimize(profile->rows.size());
  }
}
BENCHMARK(BM_ProfileQueryStored)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same query on an open stored panel (a server keeps it open).
void BM_ProfileDyadStoredOpen(benchmark::State& state) {
  EnsureStored();
  Scratch& s = TheScratch();
  auto data = ProfileData::OpenStored(*s.store, Registry(), Options(&*s.store));
  if (!data.ok()) Die(data.status().message());
  const Country& chn = **Registry().Find("CHN");
  const Country& rus = **Registry().Find("RUS");
  for (auto _ : state) {
    auto profile = ProfileDyad(*data, Registry(), chn, rus, YearRange{1991, 2025});
    if (!profile.ok()) Die(profile.status().message());
    benchmark::DoNotOptimize(profile->rows.size());
  }
}
BENCHMARK(BM_ProfileDyadStoredOpen)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same query with the bootstrap turned off (slopes only): the
// difference from BM_ProfileDyadStoredOpen is the cost of the seven trend
// intervals.
void BM_ProfileDyadNoBootstrap(benchmark::State& state) {
  EnsureStored();
  Scratch& s = TheScratch();
  ProfileDataOptions options = Options(&*s.store);
  options.bootstrap_replicates = 0;
  auto data = ProfileData::OpenStored(*s.store, Registry(), options);
  if (!data.ok()) Die(data.status().message());
  const Country& chn = **Registry().Find("CHN");
  const Country& rus = **Registry().Find("RUS");
  for (auto _ : state) {
    auto profile = ProfileDyad(*data, Registry(), chn, rus, YearRange{1991, 2025});
    if (!profile.ok()) Die(profile.status().message());
    benchmark::DoNotOptimize(profile->rows.size());
  }
}
BENCHMARK(BM_ProfileDyadNoBootstrap)->Unit(benchmark::kMillisecond)->UseRealTime();

// `entente rank --year 2010 --top 20` on the stored panel.
void BM_RankStored(benchmark::State& state) {
  EnsureStored();
  Scratch& s = TheScratch();
  auto data = ProfileData::OpenStored(*s.store, Registry(), Options(&*s.store));
  if (!data.ok()) Die(data.status().message());
  for (auto _ : state) {
    auto rows = RankDyads(*data, 2010, std::nullopt, 20);
    if (!rows.ok()) Die(rows.status().message());
    benchmark::DoNotOptimize(rows->size());
  }
}
BENCHMARK(BM_RankStored)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
