// The every-dyad, every-period vote panel as CSV, written in parallel.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>
#include <vector>

#include "entente/status.h"
#include "entente/vote_panel.h"

namespace entente {

struct PanelCsvOptions {
  // The first subset fills the columns n,agree,s,s2,pi,kappa; each further
  // subset X adds n_X,agree_X,s_X,s2_X,pi_X,kappa_X.
  std::vector<RollCallSubset> subsets = {RollCallSubset::kAll};
  int decimals = 6;
  int threads = 0;  // 0: one per hardware thread
  // Periods written so far and in all (for a progress bar); may be empty.
  std::function<void(std::uint64_t done, std::uint64_t total)> progress = nullptr;
};

// Writes the header and one row per dyad-period (ccode1 < ccode2) in which the
// two states both voted (yes, abstain or no) at least once, not necessarily on
// a common roll call: such rows have n = 0 and missing measures. Returns the
// number of rows.
Result<std::int64_t> WriteVotePanelCsv(const VotePanel& panel, const PanelCsvOptions& options,
                                       std::ostream& out);

}  // namespace entente
