#include "server/query.h"

#include <set>

namespace entente::server {
namespace {

std::string Quoted(std::string_view text) {
  // Long values are cut so that an error message stays readable.
  constexpr std::size_t kMaxShown = 80;
  std::string shown(text.substr(0, kMaxShown));
  if (text.size() > kMaxShown) shown += "...";
  return "'" + shown + "'";
}

std::string JoinChoices(const std::vector<std::string>& allowed) {
  std::string out;
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + allowed[i];
  }
  return out;
}

}  // namespace

std::string YearsText(const YearRange& years) {
  return std::to_string(years.first) + ":" + std::to_string(years.last);
}

Status Query::CheckNames(const std::vector<std::string_view>& allowed) const {
  std::set<std::string_view> seen;
  for (const auto& [name, value] : params_) {
    bool known = false;
    for (std::string_view a : allowed) known = known || a == name;
    if (!known) {
      std::string names;
      for (std::string_view a : allowed) names += (names.empty() ? "" : ", ") + std::string(a);
      return Status::Usage("unknown parameter " + Quoted(name) + " (value " + Quoted(value) +
                           "): this endpoint takes " + (names.empty() ? "none" : names));
    }
    if (!seen.insert(name).second) {
      return Status::Usage("parameter " + Quoted(name) + " given more than once");
    }
  }
  return Status::Ok();
}

const std::string* Query::Get(std::string_view name) const {
  auto it = params_.find(std::string(name));
  return it == params_.end() ? nullptr : &it->second;
}

Result<const Country*> Query::CountryParam(const CountryRegistry& countries,
                                           std::string_view name) const {
  const std::string* value = Get(name);
  if (value == nullptr || value->empty()) {
    return Status::Usage("parameter '" + std::string(name) +
                         "' is required: a country key such as CHN, cn, 710 or China");
  }
  auto found = countries.Find(*value);
  if (!found.ok()) {
    return Status::Usage("parameter '" + std::string(name) + "': " + found.status().message());
  }
  if ((*found)->ccode == 0) {
    return Status::Usage("parameter '" + std::string(name) + "': " + (*found)->name + " (" +
                         Quoted(*value) +
                         ") has no COW code (a territory or a pre-1816 state); entente measures "
                         "states of the COW system");
  }
  return found;
}

Result<std::pair<const Country*, const Country*>> Query::Dyad(
    const CountryRegistry& countries) const {
  auto a = CountryParam(countries, "a");
  if (!a.ok()) return a.status();
  auto b = CountryParam(countries, "b");
  if (!b.ok()) return b.status();
  if (*a == *b) {
    return Status::Usage("parameters 'a' and 'b' both name " + (*a)->name + " (" +
                         Quoted(*Get("a")) + ", " + Quoted(*Get("b")) +
                         "): a dyad needs two different states");
  }
  return std::pair{*a, *b};
}

Result<YearRange> Query::Years(std::string_view name, YearRange fallback, YearRange bounds) const {
  const std::string* value = Get(name);
  if (value == nullptr) return fallback;
  std::string text = *value;
  const bool open_start = !text.empty() && text.front() == ':';
  const bool open_end = !text.empty() && text.back() == ':' && text.size() > 1;
  auto parsed = ParseYearRange(text);
  if (!parsed.ok()) {
    return Status::Usage("parameter '" + std::string(name) + "' " + Quoted(text) + ": " +
                         parsed.status().message());
  }
  YearRange years = *parsed;
  if (open_start) years.first = bounds.first;
  if (open_end) years.last = bounds.last;
  if (years.first > years.last) {
    return Status::Usage("parameter '" + std::string(name) + "' " + Quoted(text) +
                         " is empty once its open end is closed at " + YearsText(bounds));
  }
  return years;
}

Result<std::string> Query::Choice(std::string_view name, const std::vector<std::string>& allowed,
                                  const std::string& fallback) const {
  const std::string* value = Get(name);
  if (value == nullptr) return fallback;
  for (const auto& a : allowed) {
    if (a == *value) return *value;
  }
  return Status::Usage("parameter '" + std::string(name) + "' " + Quoted(*value) +
                       " is not one of " + JoinChoices(allowed));
}

Result<bool> Query::Flag(std::string_view name, bool fallback) const {
  const std::string* value = Get(name);
  if (value == nullptr) return fallback;
  if (*value == "true" || *value == "1" || *value == "yes") return true;
  if (*value == "false" || *value == "0" || *value == "no") return false;
  return Status::Usage("parameter '" + std::string(name) + "' " + Quoted(*value) +
                       " is not a boolean: use true or false");
}

Result<ResponseFormat> Query::Format() const {
  auto format = Choice("format", {"json", "csv"}, "json");
  if (!format.ok()) return format.status();
  return *format == "csv" ? ResponseFormat::kCsv : ResponseFormat::kJson;
}

}  // namespace entente::server
