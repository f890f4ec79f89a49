// The UNGA vote pipeline on the real Voeten file (1946-2015), stage by stage:
// CSV tokenising, the Voeten reader, the import into a fresh store, loading
// the votes back, building the vote panel, and writing every dyad-year as CSV
// (to a stream that discards, so disk speed is not measured) with the "all"
// columns only and with every issue subset.
//
// Inputs are read and prepared outside the timed regions. End-to-end CLI
// timings, with the acceptance targets, are in bench/run_benchmarks.sh and
// bench/RESULTS.md.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

#include "core/csv_reader.h"
#include "entente/countries.h"
#include "entente/store.h"
#include "entente/unga.h"
#include "entente/vote_panel.h"
#include "entente/vote_panel_csv.h"
#include "ingest/unga_parsed.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

const std::string kDataDir = ENTENTE_SHARED_DATA;
const std::string kVoetenPath = kDataDir + "/unga/voeten_votes_1946_2015.csv";
const YearRange kYears{1946, 2015};

[[noreturn]] void Fail(const std::string& what, const Status& status) {
  std::cerr << "unga_bench: " << what << ": " << status.message() << "\n";
  std::exit(1);
}

template <typename T>
T Check(Result<T> result, const std::string& what) {
  if (!result.ok()) Fail(what, result.status());
  return std::move(result).value();
}

// Everything the benchmarks share, built once on first use: the file's bytes,
// the country registry, an imported store, the loaded votes and the panel.
class Fixture {
 public:
  static Fixture& Get() {
    static Fixture fixture;
    return fixture;
  }

  const std::string& voeten_csv() const { return voeten_csv_; }
  const CountryRegistry& countries() const { return countries_; }
  Store& store() { return *store_; }
  const UngaVotes& votes() const { return votes_; }
  const VotePanel& panel() const { return *panel_; }
  // A path for a scratch store, removed (with its WAL files) first.
  std::string FreshStorePath(const std::string& name) const {
    const fs::path path = dir_ / name;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
    return path.string();
  }

  ~Fixture() {
    store_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

 private:
  Fixture()
      : dir_(fs::temp_directory_path() / ("entente_unga_bench_" + std::to_string(::getpid()))),
        voeten_csv_(Check(internal::ReadWholeFile(kVoetenPath), "reading the Voeten file")),
        countries_(Check(CountryRegistry::Load(kDataDir), "loading the country registry")) {
    fs::create_directories(dir_);
    store_ = std::make_unique<Store>(Check(Store::Open(FreshStorePath("shared.sqlite")), "store"));
    Check(ImportUnga(*store_, countries_, kVoetenPath), "importing the Voeten file");
    votes_ = Check(LoadUngaVotes(*store_, kYears), "loading the votes");
    panel_ = std::make_unique<VotePanel>(votes_, VoteGrouping::kYear);
  }

  fs::path dir_;
  std::string voeten_csv_;
  CountryRegistry countries_;
  std::unique_ptr<Store> store_;
  UngaVotes votes_;
  std::unique_ptr<VotePanel> panel_;
};

// An ostream that discards what it is given.
class NullBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

void BM_CsvTokenizeVoeten(benchmark::State& state) {
  const std::string& content = Fixture::Get().voeten_csv();
  for (auto _ : state) {
    internal::CsvReader csv(kVoetenPath, content);
    std::size_t fields = 0;
    while (csv.Next()) fields += csv.size();
    if (!csv.status().ok()) Fail("tokenising", csv.status());
    benchmark::DoNotOptimize(fields);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * content.size()));
}
BENCHMARK(BM_CsvTokenizeVoeten)->Unit(benchmark::kMillisecond);

// The Voeten reader: tokenising plus validation of every field, country
// lookups and the duplicate check (everything an import does before SQLite).
void BM_ReadVoeten(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  std::int64_t rows = 0;
  for (auto _ : state) {
    internal::CsvReader csv(kVoetenPath, f.voeten_csv());
    csv.Next();  // the header
    auto parsed = Check(internal::ReadVoeten(csv, f.countries(), nullptr), "reading");
    rows = parsed.rows_read;
    benchmark::DoNotOptimize(parsed.votes.data());
  }
  state.SetItemsProcessed(state.iterations() * rows);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.voeten_csv().size()));
}
BENCHMARK(BM_ReadVoeten)->Unit(benchmark::kMillisecond);

// `entente import unga voeten_votes_1946_2015.csv` into a fresh store: the
// file, its companion roll-call and issue files, hashing, parsing, SQLite.
void BM_ImportUngaFreshStore(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  for (auto _ : state) {
    state.PauseTiming();
    auto store = Check(Store::Open(f.FreshStorePath("import.sqlite")), "opening a fresh store");
    state.ResumeTiming();
    auto results = Check(ImportUnga(store, f.countries(), kVoetenPath), "importing");
    benchmark::DoNotOptimize(results.data());
  }
}
BENCHMARK(BM_ImportUngaFreshStore)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LoadUngaVotes(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  std::size_t votes = 0;
  for (auto _ : state) {
    auto loaded = Check(LoadUngaVotes(f.store(), kYears), "loading");
    votes = loaded.vote_code.size();
    benchmark::DoNotOptimize(loaded.vote_code.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * votes));
}
BENCHMARK(BM_LoadUngaVotes)->Unit(benchmark::kMillisecond);

void BM_VotePanelBuild(benchmark::State& state) {
  const UngaVotes& votes = Fixture::Get().votes();
  for (auto _ : state) {
    VotePanel panel(votes, VoteGrouping::kYear);
    benchmark::DoNotOptimize(panel.period_count());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * votes.vote_code.size()));
}
BENCHMARK(BM_VotePanelBuild)->Unit(benchmark::kMillisecond);

// Every dyad-year 1946-2015 as CSV. Arg 0: the "all" columns only; arg 1:
// all eight subsets (--by-issue). Threads: the default (one per core).
void BM_WriteVotePanelCsv(benchmark::State& state) {
  const VotePanel& panel = Fixture::Get().panel();
  PanelCsvOptions options;
  if (state.range(0) == 1) {
    options.subsets.clear();
    for (int k = 0; k < kRollCallSubsetCount; ++k) {
      options.subsets.push_back(static_cast<RollCallSubset>(k));
    }
  }
  NullBuffer discard;
  std::ostream out(&discard);
  std::int64_t rows = 0;
  for (auto _ : state) {
    rows = Check(WriteVotePanelCsv(panel, options, out), "writing");
  }
  state.SetItemsProcessed(state.iterations() * rows);
  state.SetLabel(state.range(0) == 1 ? "all subsets (--by-issue)" : "all roll calls only");
}
BENCHMARK(BM_WriteVotePanelCsv)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace entente

BENCHMARK_MAIN();
