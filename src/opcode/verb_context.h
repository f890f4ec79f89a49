#pragma once
// Clause-context corrections of the part-of-speech tags (docs/opcode.md,
// "Tag corrections"). The bigram tagger sees one word of context; a verb
// slot is often plain from a wider one: after a modal ("we should envisage"),
// after a nominative pronoun ("we witness the"), after "to" before an object
// ("to deploy a policy"), after a proper-noun subject ("China abides by"), and
// in a coordination of verb phrases ("lift our sanctions and welcome
// Russia's role"). A word is retagged only to a verb form it can have: one the
// tagger's lexicon lists, or, for words the tagger does not know, a form of a
// verb in the VICS lexicon.
//
// Internal to entente. Thread safety: pure function of its arguments.

#include <string>
#include <string_view>
#include <vector>

#include "opcode/lexicon.h"
#include "opcode/tagger.h"

namespace entente::opcode {

// Retags in place the words of one sentence (`lower` is the lower-cased
// `words`) whose context demands a verb.
void CorrectVerbTags(const Tagger& tagger, const VicsLexicon& lexicon,
                     const std::vector<std::string_view>& words,
                     const std::vector<std::string>& lower, std::vector<Pos>& tags);

}  // namespace entente::opcode
