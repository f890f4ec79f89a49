#include "server/server_data.h"

#include <chrono>
#include <filesystem>

#include "entente/paths.h"
#include "entente/unga.h"
#include "server/query.h"

namespace entente::server {
namespace {

class Stopwatch {
 public:
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

void Say(const ServeLogFn& log, const std::string& line) {
  if (log) log(line);
}

std::string Seconds(const Stopwatch& w) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", w.seconds());
  return text;
}

Status LoadVotes(ServerData& d, Store& store, const ServeLogFn& log) {
  Stopwatch w;
  auto imports = store.Imports();
  if (!imports.ok()) return imports.status();
  d.imports = std::move(imports).value();
  auto votes = LoadUngaVotes(store, YearRange{});
  if (!votes.ok()) return votes.status();
  if (votes->roll_calls.empty()) {
    return Status::Data("store '" + d.options.store_path +
                        "' holds no UN roll calls: run `entente --store " + d.options.store_path +
                        " init` first");
  }
  d.votes = std::make_unique<VoteMatrix>(*votes);
  Say(log, "UN votes: " + std::to_string(votes->roll_calls.size()) + " roll calls, " +
               std::to_string(votes->vote_code.size()) + " votes, " +
               std::to_string(d.votes->first_year()) + "-" + std::to_string(d.votes->last_year()) +
               " (" + Seconds(w) + ")");
  return Status::Ok();
}

Status LoadMilitary(ServerData& d, const ServeLogFn& log) {
  Stopwatch w;
  const std::string frameworks_dir = d.project_data_dir + "/frameworks";
  for (const std::string& name : ListMilitaryFrameworks(frameworks_dir)) {
    auto framework = LoadMilitaryFramework(name, frameworks_dir);
    if (!framework.ok()) return framework.status();
    d.frameworks.push_back(std::move(framework).value());
  }
  if (d.frameworks.empty()) {
    return Status::NotFound("no military framework under '" + frameworks_dir + "'");
  }
  MilitaryDataOptions options;
  options.shared_data_dir = d.data_dir;
  options.evidence_dir = d.project_data_dir + "/evidence/military";
  auto data = MilitaryData::Load(d.countries, options);
  if (!data.ok()) return data.status();
  d.military = std::make_unique<MilitaryData>(std::move(data).value());
  Say(log, "military evidence and " + std::to_string(d.frameworks.size()) + " frameworks (" +
               Seconds(w) + ")");
  return Status::Ok();
}

// As `entente profile` does: the panel stored in the store when there is an
// up-to-date one (fast to open), else built from the datasets now (tens of
// seconds: the ideal points are fitted) and kept in memory.
Status LoadProfile(ServerData& d, Store& store, const ServeLogFn& log) {
  Stopwatch w;
  ProfileDataOptions& options = d.profile_options;
  options.shared_data_dir = d.data_dir;
  options.evidence_dir = d.project_data_dir + "/evidence";
  options.frameworks_dir = d.project_data_dir + "/frameworks";
  // The same measure as the command line's, stored or built.
  options.fit_ideal_points = true;
  options.store = &store;
  auto stored = ProfileData::OpenStored(store, d.countries, options);
  // A stored panel older than its evidence files is rebuilt, as the command
  // line does, so that both answer the same.
  if (stored.ok() && stored->stale_reason().empty()) {
    d.profile_years = stored->years();
    d.profile_dyad_years = stored->size();
    options.store = nullptr;  // each connection opens its own
    Say(log, "profile panel: stored, " + std::to_string(d.profile_dyad_years) + " dyad-years, " +
                 YearsText(d.profile_years) + " (" + Seconds(w) + ")");
    return Status::Ok();
  }
  if (!stored.ok() && stored.status().code() != Status::Code::kNotFound) return stored.status();
  Say(log, (stored.ok() ? stored->stale_reason() : std::string("no profile panel in the store")) +
               ": building it (`entente import profile` stores it)");
  auto built = ProfileData::Build(d.countries, options);
  options.store = nullptr;  // read while building only: the panel is kept in memory
  if (!built.ok()) return built.status();
  d.profile = std::make_unique<ProfileData>(std::move(built).value());
  d.profile_years = d.profile->years();
  d.profile_dyad_years = d.profile->size();
  Say(log, "profile panel: built, " + std::to_string(d.profile_dyad_years) + " dyad-years, " +
               YearsText(d.profile_years) + " (" + Seconds(w) + ")");
  return Status::Ok();
}

}  // namespace

Result<ApiResponse> ServerData::WithProfile(
    const std::function<Result<ApiResponse>(const ProfileData&)>& f) const {
  if (profile != nullptr) return f(*profile);
  auto lease = stores->Acquire();
  if (!lease.ok()) return lease.status();
  std::unique_ptr<ProfileData>& opened = lease->profile();
  if (opened == nullptr) {
    ProfileDataOptions options = profile_options;
    options.store = &lease->store();
    auto stored = ProfileData::OpenStored(lease->store(), countries, options);
    if (!stored.ok()) return stored.status();
    opened = std::make_unique<ProfileData>(std::move(stored).value());
  }
  return f(*opened);
}

const MilitaryFramework* ServerData::Framework(const std::string& id) const {
  for (const auto& f : frameworks) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

Result<std::unique_ptr<ServerData>> LoadServerData(const ServeOptions& options,
                                                   const ServeLogFn& log) {
  Stopwatch w;
  const std::string data_dir = ResolveDataDir(options.data_dir);
  auto countries = CountryRegistry::Load(data_dir);
  if (!countries.ok()) return countries.status();
  auto d = std::make_unique<ServerData>(
      options, data_dir,
      options.project_data_dir.empty() ? ProjectDataDir() : options.project_data_dir,
      std::move(countries).value());
  Say(log, "countries: " + std::to_string(d->countries.all().size()) + " from " + data_dir);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(options.store_path, ec)) {
    return Status::NotFound("store '" + options.store_path +
                            "' does not exist: run `entente --store " + options.store_path +
                            " init` first (or pass --store PATH)");
  }
  auto store = Store::Open(options.store_path);
  if (!store.ok()) return store.status();
  if (Status s = LoadVotes(*d, *store, log); !s.ok()) return s;
  if (Status s = LoadMilitary(*d, log); !s.ok()) return s;
  if (Status s = LoadProfile(*d, *store, log); !s.ok()) return s;
  d->stores = std::make_unique<StorePool>(options.store_path);
  Say(log, "all data loaded in " + Seconds(w));
  return d;
}

}  // namespace entente::server
