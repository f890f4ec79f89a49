// Self terms per state from PETRARCH2's Phoenix actor dictionary
// (../shared/data/cameo/petrarch2_Phoenix.Countries.actors.txt, MIT): a
// country entry "CHINA_ [CHN]" and its "+" aliases (names and adjectives),
// and every person or body coded as that state's government or military
// ("[CHNGOV ...]", "[CHNMIL ...]") at any date, with the surname of people.
//
// Internal to entente. Thread safety: immutable after Load.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entente/status.h"

namespace entente::opcode {

// A term "@xi" marks the first name of a person ("xi jinping"), which names
// them only after a title ("President Xi", "Premier Li": the surname comes
// first in Chinese and Korean order).
inline constexpr std::string_view kTitledPrefix = "@";

class ActorDictionary {
 public:
  // An empty dictionary (no terms for any state).
  ActorDictionary() = default;
  static Result<ActorDictionary> Load(const std::string& path);

  // Lower-case phrases (words separated by single spaces) naming state
  // `iso3` or its government; empty when unknown.
  const std::vector<std::string>& Terms(std::string_view iso3) const;

 private:
  std::unordered_map<std::string, std::vector<std::string>> terms_;
};

}  // namespace entente::opcode
