#include "cli/profile_common.h"

#include <iostream>

#include "entente/paths.h"

namespace entente::cli {

ProfileDataOptions ProfileOptionsFor(CliContext& ctx, const ProfileSourceOptions& o, Store* store) {
  ProfileDataOptions options;
  options.shared_data_dir = ctx.ResolvedDataDir();
  options.evidence_dir = o.evidence_dir.empty() ? ProjectDataDir() + "/evidence" : o.evidence_dir;
  options.frameworks_dir = ProjectDataDir() + "/frameworks";
  options.store = store;
  // Always the same measure, whether the panel is stored or built now.
  options.fit_ideal_points = true;
  return options;
}

Result<ProfileData> ObtainProfile(CliContext& ctx, const ProfileSourceOptions& o) {
  auto countries = ctx.Countries();
  if (!countries.ok()) return countries.status();
  auto store = ctx.OpenStore();
  if (!store.ok()) return store.status();
  ProfileDataOptions options = ProfileOptionsFor(ctx, o, *store);
  if (!o.from_sources) {
    auto stored = ProfileData::OpenStored(**store, **countries, options);
    if (stored.ok() && stored->stale_reason().empty()) return stored;
    if (!stored.ok() && stored.status().code() != Status::Code::kNotFound) return stored;
    if (!ctx.quiet) {
      std::cerr << "entente: "
                << (stored.ok() ? stored->stale_reason()
                                : std::string("the store has no profile panel"))
                << "; building it from the datasets now (`entente import profile` stores it "
                   "and makes queries instant)\n";
    }
  }
  auto built = ProfileData::Build(**countries, options, ctx.Progress("building the profile panel"));
  if (!built.ok()) {
    return Status(built.status().code() == Status::Code::kData
                      ? Status::Data(built.status().message() +
                                     "\nnothing was computed: fix the file and run again")
                      : built.status());
  }
  return built;
}

void AddProfileSourceOptions(CLI::App& cmd, ProfileSourceOptions& o) {
  cmd.add_option("--evidence", o.evidence_dir,
                 "evidence directory with economic/, diplomatic/, personal/, military/ "
                 "(default: the project's data/evidence)");
  cmd.add_flag("--from-sources", o.from_sources,
               "build the panel from the datasets now instead of reading the stored one");
}

}  // namespace entente::cli
