// The versions of entente and of the libraries it runs on, for `entente
// doctor` and for provenance: a result is reproducible only with these named.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace entente {

// (component, version) pairs: entente, SQLite, ICU, libarchive, libcurl,
// OpenSSL and the compiler that built entente. The library versions are the
// ones loaded at run time, not the headers compiled against.
std::vector<std::pair<std::string, std::string>> ComponentVersions();

}  // namespace entente
