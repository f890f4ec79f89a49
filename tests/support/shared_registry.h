// The country registry loaded once per test binary from the real datasets
// (ENTENTE_SHARED_DATA, set by tests/CMakeLists.txt). A registry that cannot
// load makes every test meaningless, so the binary stops with the reason.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <utility>

#include "entente/countries.h"

namespace entente::testing_support {

inline const CountryRegistry& Registry() {
  static const CountryRegistry* registry = [] {
    auto loaded = CountryRegistry::Load(ENTENTE_SHARED_DATA);
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().message();
      std::abort();
    }
    return new CountryRegistry(std::move(loaded).value());
  }();
  return *registry;
}

}  // namespace entente::testing_support
