#pragma once
// The default-neutral rule of the VICS coder (docs/opcode.md "Coding rules"):
// a lexical verb the lexicon has no rule for is, by the VICS rules, a neutral
// (0) verb when its subject is an actor, so a missing lexicon entry costs
// valence detail, not recall. Auxiliaries, copulas, possessive "have" and
// light verbs without content stay uncoded (the stop list below).

#include <string>
#include <string_view>

#include "entente/opcode_indices.h"
#include "opcode/tagger.h"

namespace entente::opcode {

// The base form of a verb the lexicon does not hold, guessed from its
// ending ("crafted" -> "craft", "envisaged" -> "envisage", "tries" -> "try").
// `irregular_base` is the irregular table's base when it knows the form
// (empty otherwise) and decides alone.
std::string GuessVerbLemma(std::string_view lower, std::string_view irregular_base);

// True when a finite verb group's main verb `lower` (tagged `pos`, surface
// form `word`, guessed lemma `lemma`) may be coded 0 by default: tagged as a
// verb, alphabetic, not capitalised (a name the tagger took for a verb), and
// neither a stop-listed lemma nor a stop-listed form.
bool DefaultNeutralApplies(std::string_view word, std::string_view lower, std::string_view lemma,
                           Pos pos);

// Word for verbs of speech, cognition and perception, deed otherwise (VICS:
// neutral verbs keep the mode of what they denote).
VerbMode DefaultNeutralMode(std::string_view lemma);

}  // namespace entente::opcode
