// The default-neutral rule (docs/opcode.md "Coding rules"): a lexical verb the
// lexicon lacks is coded 0 when its subject is an actor; auxiliaries,
// copulas, possessive "have" and the stop list are not coded. The verbs used
// here (catalogue, harvest, ponder, tabulate, audit) are not in
// data/lexicons/vics_verbs.tsv.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "entente/opcode.h"
#include "opcode/default_neutral.h"
#include "support/opcode_coder_fixture.h"

namespace entente {
namespace {

class OpcodeDefaultNeutralTest : public testing_support::OpcodeCoderFixture {
 protected:
  static std::vector<CodedVerb> Code(std::string_view sentence, std::string_view iso3 = "BRA") {
    return CodeAs(sentence, iso3);
  }
};

TEST_F(OpcodeDefaultNeutralTest, VerbMissingFromTheLexiconIsNeutral) {
  struct Case {
    std::string_view sentence, verb, lemma;
    OpcodeActor subject;
    VerbMode mode;
  };
  const Case cases[] = {
      {"We catalogued the damage after the floods.", "catalogued", "catalogue", OpcodeActor::kSelf,
       VerbMode::kDeed},
      {"Argentina audited the accounts of the bank.", "audited", "audit", OpcodeActor::kOther,
       VerbMode::kDeed},
      {"I pondered the question for a long time.", "pondered", "ponder", OpcodeActor::kSelf,
       VerbMode::kDeed},
      {"The Government will tabulate the results.", "tabulate", "tabulate", OpcodeActor::kOther,
       VerbMode::kDeed},
      {"We must audit the accounts of the agency.", "audit", "audit", OpcodeActor::kSelf,
       VerbMode::kDeed},
      {"We did not harvest the wheat.", "harvest", "harvest", OpcodeActor::kSelf,
       VerbMode::kDeed},  // negation keeps 0
      {"The damage was catalogued by Argentina.", "catalogued", "catalogue", OpcodeActor::kOther,
       VerbMode::kDeed},  // passive: the by-agent
      {"We envisaged a new compact.", "envisaged", "envisage", OpcodeActor::kSelf,
       VerbMode::kWord},  // cognition: a word
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.sentence));
    auto verbs = Code(c.sentence);
    ASSERT_EQ(verbs.size(), 1u);
    EXPECT_EQ(verbs[0].verb, c.verb);
    EXPECT_EQ(verbs[0].lemma, c.lemma);
    EXPECT_EQ(verbs[0].subject, c.subject);
    EXPECT_EQ(verbs[0].category, 0);
    EXPECT_EQ(verbs[0].lexicon_category, 0);
    EXPECT_EQ(verbs[0].mode, c.mode);
    EXPECT_EQ(verbs[0].rule, "default-neutral");
  }
}

TEST_F(OpcodeDefaultNeutralTest, AuxiliariesCopulasAndStopListAreNotCoded) {
  // None of these may be coded by the default rule ("do", "get" and "want"
  // have neutral lexicon rules of their own, which may code them).
  const std::string_view sentences[] = {
      "We are a small country.",                 // copula
      "The Council seems divided.",              // linking verb
      "They became partners in 1990.",           // copula
      "We have a plan for the region.",          // possessive have
      "We did it.",                              // light do
      "They got the money last year.",           // get
      "Our people remain hopeful.",              // copula
      "We suffered greatly in the war.",         // experiencer subject
      "The damage was catalogued.",              // agentless passive of a neutral verb
      "The statistics catalogued the damage.",   // no actor subject
      "We want to catalogue the damage.",        // an infinitive is not finite
      "We helped them audit and catalogue it.",  // bare infinitives after "help X"
  };
  for (std::string_view s : sentences) {
    SCOPED_TRACE(std::string(s));
    for (const CodedVerb& v : Code(s)) EXPECT_NE(v.rule, "default-neutral") << v.verb;
  }
  EXPECT_TRUE(Code("We are a small country.").empty());
  EXPECT_TRUE(Code("We have a plan for the region.").empty());
  EXPECT_TRUE(Code("We suffered greatly in the war.").empty());
}

TEST_F(OpcodeDefaultNeutralTest, LexiconRulesStillWin) {
  auto verbs = Code("We condemn the attack on our embassy.");
  ASSERT_EQ(verbs.size(), 1u);
  EXPECT_EQ(verbs[0].category, -1);
  EXPECT_NE(verbs[0].rule, "default-neutral");
}

TEST(OpcodeDefaultNeutralLemma, GuessesTheBaseForm) {
  EXPECT_EQ(opcode::GuessVerbLemma("envisaged", ""), "envisage");
  EXPECT_EQ(opcode::GuessVerbLemma("catalogued", ""), "catalogue");
  EXPECT_EQ(opcode::GuessVerbLemma("tries", ""), "try");
  EXPECT_EQ(opcode::GuessVerbLemma("died", ""), "die");
  EXPECT_EQ(opcode::GuessVerbLemma("committed", ""), "commit");
  EXPECT_EQ(opcode::GuessVerbLemma("planning", ""), "plan");
  EXPECT_EQ(opcode::GuessVerbLemma("symbolizes", ""), "symbolize");
  EXPECT_EQ(opcode::GuessVerbLemma("catches", ""), "catch");
  EXPECT_EQ(opcode::GuessVerbLemma("took", "take"), "take");
}

TEST(OpcodeDefaultNeutralLemma, StopListAndTags) {
  using opcode::Pos;
  EXPECT_TRUE(opcode::DefaultNeutralApplies("harvested", "harvested", "harvest", Pos::kVbd));
  EXPECT_FALSE(opcode::DefaultNeutralApplies("harvest", "harvest", "harvest", Pos::kNn));
  EXPECT_FALSE(opcode::DefaultNeutralApplies("Harvested", "harvested", "harvest", Pos::kVbd));
  EXPECT_FALSE(opcode::DefaultNeutralApplies("is", "is", "is", Pos::kVbz));
  EXPECT_FALSE(opcode::DefaultNeutralApplies("has", "has", "ha", Pos::kVbz));
  EXPECT_FALSE(opcode::DefaultNeutralApplies("seemed", "seemed", "seem", Pos::kVbd));
  EXPECT_FALSE(opcode::DefaultNeutralApplies("included", "included", "includ", Pos::kVbd));
}

}  // namespace
}  // namespace entente
