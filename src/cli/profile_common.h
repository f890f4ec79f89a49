// What `entente profile`, `entente rank` and `entente import profile` share:
// where the profile's inputs are and how the panel is obtained.
#pragma once

#include <string>

#include "cli/context.h"
#include "entente/profile.h"

namespace entente::cli {

struct ProfileSourceOptions {
  std::string evidence_dir;   // default: the project's data/evidence
  bool from_sources = false;  // build from the datasets even when the store has a panel
};

// The options for ProfileData with the defaults filled in.
ProfileDataOptions ProfileOptionsFor(CliContext& ctx, const ProfileSourceOptions& o, Store* store);

// The stored panel when there is one (and !o.from_sources), else a panel
// built from the datasets and the UN votes in the store (a few seconds; a
// note on stderr says how to store it).
Result<ProfileData> ObtainProfile(CliContext& ctx, const ProfileSourceOptions& o);

// Adds --evidence and --from-sources to a subcommand.
void AddProfileSourceOptions(CLI::App& cmd, ProfileSourceOptions& o);

}  // namespace entente::cli
