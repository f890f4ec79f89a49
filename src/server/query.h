// The query parameters of one API request, validated one at a time.
//
// Every failure is a kUsage Status (HTTP 400) whose message names the
// parameter and the value that was refused and says what would be accepted.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/countries.h"
#include "entente/status.h"
#include "entente/years.h"
#include "server/api_response.h"

namespace entente::server {

class Query {
 public:
  using Params = std::multimap<std::string, std::string>;
  explicit Query(Params params) : params_(std::move(params)) {}

  // Fails on a parameter not in `allowed` (a typo must not be ignored
  // silently) and on a parameter given more than once.
  Status CheckNames(const std::vector<std::string_view>& allowed) const;

  // The value of `name`, or nullptr when it is absent.
  const std::string* Get(std::string_view name) const;

  // A country key (ISO3, ISO2, COW code, name or alias) that must resolve to
  // a state of the COW system.
  Result<const Country*> CountryParam(const CountryRegistry& countries,
                                      std::string_view name) const;
  // Two different states from parameters `a` and `b`.
  Result<std::pair<const Country*, const Country*>> Dyad(const CountryRegistry& countries) const;

  // "1992:2019", "2015", "1992:" or ":2019"; `fallback` when absent. Open
  // ends are closed with those of `bounds` (by default `fallback`'s).
  Result<YearRange> Years(std::string_view name, YearRange fallback) const {
    return Years(name, fallback, fallback);
  }
  Result<YearRange> Years(std::string_view name, YearRange fallback, YearRange bounds) const;

  // One of `allowed`; `fallback` when absent.
  Result<std::string> Choice(std::string_view name, const std::vector<std::string>& allowed,
                             const std::string& fallback) const;

  // true/false/1/0/yes/no; `fallback` when absent.
  Result<bool> Flag(std::string_view name, bool fallback) const;

  // format=json (default) or format=csv.
  Result<ResponseFormat> Format() const;

 private:
  Params params_;
};

// "1992:2019".
std::string YearsText(const YearRange& years);

}  // namespace entente::server
