// ParseDyadList: "USA-AUS,USA-IND" into pairs of country keys.
#include "entente/report.h"

namespace entente {
namespace {

std::string Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

}  // namespace

Result<std::vector<std::pair<std::string, std::string>>> ParseDyadList(
    std::string_view text, const CountryRegistry& countries) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    const std::string dyad = Trim(text.substr(start, comma - start));
    start = comma + 1;
    if (dyad.empty()) {
      if (comma == text.size()) break;
      return Status::Usage("empty dyad in '" + std::string(text) +
                           "': write dyads as A-B separated by commas, e.g. USA-AUS,USA-IND");
    }
    // Try every '-' as the split: keys such as "Guinea-Bissau" hold one. When
    // two splits both give countries the dyad is ambiguous: say so rather
    // than guess.
    std::vector<std::pair<std::string, std::string>> splits;
    for (std::size_t dash = dyad.find('-'); dash != std::string::npos;
         dash = dyad.find('-', dash + 1)) {
      std::string a = Trim(std::string_view(dyad).substr(0, dash));
      std::string b = Trim(std::string_view(dyad).substr(dash + 1));
      if (a.empty() || b.empty()) continue;
      if (countries.Find(a).ok() && countries.Find(b).ok()) splits.emplace_back(a, b);
    }
    if (splits.empty()) {
      return Status::Usage("'" + dyad +
                           "' is not a dyad of two known countries: write it as A-B, e.g. "
                           "USA-AUS (run `entente countries KEY` to check a key)");
    }
    if (splits.size() > 1) {
      return Status::Usage("'" + dyad + "' is ambiguous ('" + splits[0].first + "' and '" +
                           splits[0].second + "', or '" + splits[1].first + "' and '" +
                           splits[1].second + "'): use ISO3 codes, e.g. GNB-USA");
    }
    out.push_back(std::move(splits.front()));
    if (comma == text.size()) break;
  }
  if (out.empty()) return Status::Usage("--compare needs at least one dyad, e.g. USA-AUS");
  return out;
}

}  // namespace entente
