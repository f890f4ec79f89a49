#include "opcode/actors.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/csv_reader.h"

namespace entente::opcode {
namespace {

// "TONY_ABBOTT_" -> "tony abbott"; "U.S._" -> "u.s."
std::string Phrase(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '_') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The ISO3 a code such as "CHNGOV", "CHNMIL", "AUS" makes self; "" otherwise.
std::string SelfIso3(std::string_view code) {
  if (code.size() < 3) return "";
  std::string iso3(code.substr(0, 3));
  std::string_view role = code.substr(3);
  if (role.empty() || role.rfind("GOV", 0) == 0 || role.rfind("MIL", 0) == 0) return iso3;
  return "";
}

}  // namespace

Result<ActorDictionary> ActorDictionary::Load(const std::string& path) {
  auto content = internal::ReadWholeFile(path);
  if (!content.ok()) return content.status();
  ActorDictionary dict;
  std::vector<std::string> names;  // of the current entry
  std::set<std::string> iso3s;     // self codes of the current entry
  bool person = false;
  auto flush = [&] {
    for (const std::string& iso3 : iso3s) {
      auto& terms = dict.terms_[iso3];
      for (const std::string& name : names) {
        terms.push_back(name);
        // People are also named by surname ("Abbott", "Putin").
        if (person) {
          auto space = name.rfind(' ');
          if (space != std::string::npos && name.size() - space > 3) {
            terms.push_back(name.substr(space + 1));
          }
          // ... and by a title before the first name, which is the surname
          // in Chinese and Korean order ("President Xi"): one marked term
          // per person, which the coder matches only after a title word.
          auto first = name.find(' ');
          if (first != std::string::npos && first >= 2) {
            terms.push_back(std::string(kTitledPrefix) + name.substr(0, first));
          }
        }
      }
    }
    names.clear();
    iso3s.clear();
    person = false;
  };
  auto add_codes = [&](std::string_view text) {
    while (true) {
      std::size_t open = text.find('[');
      if (open == std::string_view::npos) break;
      std::size_t close = text.find(']', open);
      if (close == std::string_view::npos) break;
      std::string_view code = text.substr(open + 1, close - open - 1);
      code = code.substr(0, code.find(' '));
      if (!code.empty() && code.front() != '~' && code != "---") {
        std::string iso3 = SelfIso3(code);
        if (!iso3.empty()) {
          iso3s.insert(iso3);
          if (code.size() > 3) person = true;
        }
      }
      text.remove_prefix(close + 1);
    }
  };
  std::string_view rest = *content;
  while (!rest.empty()) {
    std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    line = line.substr(0, line.find('#'));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (line.empty()) continue;
    if (line.front() == '\t' || line.front() == ' ') {
      add_codes(line);
    } else if (line.front() == '+') {
      std::string_view name = line.substr(1);
      names.push_back(Phrase(name.substr(0, name.find(' '))));
      add_codes(name);
    } else {
      flush();
      names.push_back(Phrase(line.substr(0, line.find(' '))));
      add_codes(line);
    }
  }
  flush();
  for (auto& [iso3, terms] : dict.terms_) {
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  }
  return dict;
}

const std::vector<std::string>& ActorDictionary::Terms(std::string_view iso3) const {
  static const std::vector<std::string> kNone;
  auto it = terms_.find(std::string(iso3));
  return it == terms_.end() ? kNone : it->second;
}

}  // namespace entente::opcode
