// The profile panel in the store (migration 3): writing it, reading one
// dyad's series, and scanning one year's indices for ranking. Internal.
#pragma once

#include <cstdint>
#include <functional>

#include "entente/store.h"
#include "profile/profile_impl.h"

namespace entente::profile_internal {

// The layout written into profile_meta; a stored panel with another layout
// is refused with a message to rebuild it.
std::string PanelLayout();

// Reads dyad `key`'s series into `out`; false when the store has none.
Result<bool> ReadStoredSeries(Store& store, std::uint32_t key, DyadSeries& out);

// Calls add(key, row) for every dyad stored for `year`, with the index,
// composite and class columns filled (the rest missing).
Status ForEachStoredRow(Store& store, int year,
                        const std::function<void(std::uint32_t, const Row&)>& add);

// The years of the stored panel; kNotFound when there is none.
Result<YearRange> StoredPanelYears(Store& store);

}  // namespace entente::profile_internal
