// The VICS coder's rules on hand-made sentences (docs/opcode.md "Rules"),
// and a deterministic property test feeding the segmenter and the coder
// random bytes, random tokens and pathological inputs.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "entente/opcode.h"
#include "opcode/segmenter.h"
#include "support/opcode_coder_fixture.h"

namespace entente {
namespace {

struct Expect {
  std::string_view sentence;
  std::string_view verb;
  OpcodeActor subject;
  int category;
  VerbMode mode;
};

class OpcodeCoderTest : public testing_support::OpcodeCoderFixture {
 protected:
  static std::vector<CodedVerb> Code(std::string_view sentence, std::string_view iso3 = "CHN") {
    return CodeAs(sentence, iso3);
  }

  // The sentence, spoken for China, codes the verb with the expected subject,
  // category and mode.
  static void ExpectCoded(const Expect& c) {
    SCOPED_TRACE(c.sentence);
    const CodedVerb* found = nullptr;
    const auto verbs = Code(c.sentence);
    for (const CodedVerb& v : verbs) {
      if (v.verb == c.verb) found = &v;
    }
    ASSERT_NE(found, nullptr) << "no '" << c.verb << "' coded in: " << c.sentence;
    EXPECT_EQ(found->subject, c.subject);
    EXPECT_EQ(found->category, c.category);
    EXPECT_EQ(found->mode, c.mode);
  }
};

TEST_F(OpcodeCoderTest, RulesOnHandMadeSentences) {
  const OpcodeActor S = OpcodeActor::kSelf;
  const OpcodeActor O = OpcodeActor::kOther;
  const VerbMode W = VerbMode::kWord;
  const VerbMode D = VerbMode::kDeed;
  const Expect cases[] = {
      {"We condemn the attack on our embassy.", "condemn", S, -1, W},
      {"Russia has invaded Ukraine.", "invaded", O, -3, D},
      {"We will not attack anyone.", "attack", S, 2, W},  // negated threat: promise
      {"China will continue to support the United Nations.", "support", S, 2, W},  // future
      {"The United States imposed sanctions on Cuba.", "imposed", O, -3, D},
      {"We call on all parties to exercise restraint.", "call on", S, 1, W},
      {"Our partners have provided generous assistance.", "provided", O, 3, D},  // shared noun
      {"We were attacked by terrorists.", "attacked", O, -3, D},  // passive: the agent
      {"I would like to thank the Secretary-General.", "thank", S, 1, W},
      {"We are deeply concerned about the situation.", "concerned", S, -1, W},      // adjectival
      {"Let us work together for peace.", "work together", S, 1, W},                // appeal
      {"They did not help us.", "help", O, -1, W},                                  // negated deed
      {"The Chinese Government has provided aid to Africa.", "provided", S, 3, D},  // self name
      {"Beijing will never threaten its neighbours.", "threaten", S, 2, W},  // capital = state
      {"Terrorists must be defeated.", "defeated", O, -1, W},  // agentless passive, modal
      {"We must fight poverty.", "fight", S, 1, W},            // object rule: ills
      {"Reconstruction cannot be imposed upon a nation.", "imposed", O, 1, W},  // cannot
      {"We should not only restart our economies but also contribute to recovery.", "contribute", S,
       1, W},  // "not only" is no negation
      {"I take this opportunity to congratulate the President.", "congratulate", S, 1, W},
      {"We stand ready to join the coalition.", "join", S, 2, W},  // announced deed
  };
  for (const Expect& c : cases) ExpectCoded(c);
}

// The rules added after reading the misses of all four gold sets
// (docs/opcode.md, "Tag corrections" and "Clause rules"): one sentence each.
TEST_F(OpcodeCoderTest, ClauseRulesFromTheGoldMisses) {
  const OpcodeActor S = OpcodeActor::kSelf;
  const OpcodeActor O = OpcodeActor::kOther;
  const VerbMode W = VerbMode::kWord;
  const VerbMode D = VerbMode::kDeed;
  const Expect cases[] = {
      // Tag corrections: a verb slot the bigram tagger filled with a noun or adjective.
      {"We should also envisage new procedures.", "envisage", S, 0, W},       // after a modal
      {"Now we witness the emergence of a new plague.", "witness", S, 0, W},  // after a pronoun
      {"China abides by the Charter of the United Nations.", "abides by", S, 1, W},  // after a name
      {"We will lift our sanctions and welcome Russia's role.", "welcome", S, 2,
       W},  // coordination
      {"We reject violence and deepen cooperation with our neighbours.", "deepen", S, 3, D},
      {"Let us all hope that peace will come.", "hope", S, 1, W},  // after "let us all"
      // Clause rules.
      {"We can no longer tolerate this situation.", "tolerate", S, -1, W},  // "no longer" negates
      {"We honour the commitment we made to them.", "made", S, 2, W},  // contact relative: object
      {"We work directly with countries in our region.", "work with", S, 3,
       D},  // particle after adverb
      {"I would like to address Muslim spiritual leaders.", "address", S, 0,
       W},  // head noun of object
      {"I am happy to state that the reforms are working.", "state", S, 0, W},  // stance adjective
      {"It is my great pleasure to announce the results.", "announce", S, 0,
       W},  // "my pleasure to"
      {"We expect the Israeli and Palestinian leaders to shoulder their responsibility.", "expect",
       S, 1, W},                                                  // a request to an actor
      {"Let me thank the Secretary-General.", "thank", S, 1, W},  // "let me": the speaker acts
      {"China will stay firmly committed to peaceful development.", "committed", S, 2,
       W},                                                                      // linking
      {"We are a country that knows what terrorism means.", "knows", S, 0, W},  // predicate noun
      {"We, the small nations of the world, whose contributions are modest, would want to see a "
       "vibrant United Nations.",
       "see", S, 0, W},                                                      // apposition to "we"
      {"President Xi has proposed a new initiative.", "proposed", S, 1, W},  // title + surname
      {"We are compelled to deploy a prevention policy.", "deploy", S, -1, W},  // deontic control
      // Lexicon rules of the same round.
      {"I want to hold serious talks with our neighbours.", "hold", S, 2, W},
      {"The movement has been spreading lies for years.", "spreading", O, -1, W},
      {"We have made great progress.", "made", S, 0, D},
  };
  for (const Expect& c : cases) ExpectCoded(c);
}

// A noun phrase is not a verb: "the development partners that drafted" keeps
// "partners" a noun, "the needs of" too.
TEST_F(OpcodeCoderTest, TagCorrectionsLeaveNounsAlone) {
  for (std::string_view sentence : {"The development partners that drafted the text have left.",
                                    "The energy needs of small States are great."}) {
    for (const CodedVerb& v : Code(sentence)) {
      EXPECT_NE(v.lemma, "partner") << sentence;
      EXPECT_NE(v.lemma, "need") << sentence;
    }
  }
}

TEST_F(OpcodeCoderTest, QuotedFirstPersonIsTheQuotedSpeaker) {
  auto verbs = Code("He said: \"We will attack them.\"");
  ASSERT_FALSE(verbs.empty());
  EXPECT_EQ(verbs.back().subject, OpcodeActor::kOther);
}

// Reported (indirect) speech: a pronoun subject of the reported clause is the
// reporter; after a verb of telling it stays the addressee; a first-person
// reporter lends nothing ("we said that they").
TEST_F(OpcodeCoderTest, ReportedSpeechPronounIsTheReporter) {
  auto find = [](const std::vector<CodedVerb>& verbs, std::string_view verb) -> const CodedVerb* {
    for (const CodedVerb& v : verbs) {
      if (v.verb == verb) return &v;
    }
    return nullptr;
  };
  auto verbs = Code("China has always said that it will provide aid to Africa.", "CHN");
  const CodedVerb* v = find(verbs, "provide");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->subject, OpcodeActor::kSelf);
  EXPECT_EQ(v->category, 2);

  verbs = Code("Russia said it will attack the convoy.", "CHN");
  v = find(verbs, "attack");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->subject, OpcodeActor::kOther);
  EXPECT_EQ(v->category, -2);

  verbs = Code("We have told them that they must stop the attacks.", "CHN");
  v = find(verbs, "stop");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->subject, OpcodeActor::kOther);

  verbs = Code("We said that they will help us.", "CHN");
  v = find(verbs, "help");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->subject, OpcodeActor::kOther);

  // Direct speech in quotation marks: the quoted "we" is the quoted speaker.
  verbs = Code("The Chinese minister said: \"We will never seek hegemony.\"", "RUS");
  v = find(verbs, "seek");
  if (v != nullptr) {
    EXPECT_EQ(v->subject, OpcodeActor::kOther);
  }
}

TEST_F(OpcodeCoderTest, NonVerbsAndInfinitivesAreNotCoded) {
  EXPECT_TRUE(Code("The attack on the embassy was a tragedy.").empty());
  EXPECT_TRUE(Code("Our support for the process is well known.").empty());
}

TEST_F(OpcodeCoderTest, ForeignTextIsDetected) {
  auto session = coder_->NewSession();
  ASSERT_TRUE(session.ok());
  std::string french;
  for (int k = 0; k < 20; ++k) {
    french += "La délégation française soutient pleinement les efforts du Secrétaire général. ";
  }
  TextCoding coding = coder_->CodeText(*session, french, coder_->Speaker("FRA"), nullptr);
  EXPECT_TRUE(coding.not_english);
  std::string english;
  for (int k = 0; k < 10; ++k) english += "We support the efforts of the Secretary-General. ";
  EXPECT_FALSE(coder_->CodeText(*session, english, coder_->Speaker("FRA"), nullptr).not_english);
}

// Property: on any input the segmenter's ranges stay inside the text, tokens
// are non-empty views into it, and the coder returns categories in -3..3
// with consistent modes, without crashing (also under ASan/UBSan).
TEST_F(OpcodeCoderTest, RandomInputsNeverBreakTheInvariants) {
  std::mt19937 rng(20240923);
  const std::vector<std::string> vocabulary = {
      "we", "They", "will", "not",  "attack", "support",   "China", "the",  "of",   "and",
      ",",  ".",    "\"",   "'s",   "n't",    "must",      "be",    "by",   "that", "which",
      "to", "help", "let",  "us",   "?",      "condemned", "Mr.",   "U.S.", "—",    "’",
      "\n", "\n\n", "é",    "\xff", "\xc3",   "123",       "-",     ";"};
  auto session = coder_->NewSession();
  ASSERT_TRUE(session.ok());
  auto segmenter = opcode::Segmenter::Create();
  ASSERT_TRUE(segmenter.ok());
  SpeakerIdentity speaker = coder_->Speaker("CHN");
  std::vector<std::pair<std::size_t, std::size_t>> sentences;
  std::vector<std::string_view> words;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    int length = static_cast<int>(rng() % 300);
    bool bytes = round % 3 == 0;
    for (int k = 0; k < length; ++k) {
      if (bytes) {
        text += static_cast<char>(rng() % 256);
      } else {
        text += vocabulary[rng() % vocabulary.size()];
        text += (rng() % 4 == 0) ? "" : " ";
      }
    }
    std::string normalized = NormalizeForCoding(text);
    segmenter->Sentences(normalized, sentences);
    for (const auto& [b, e] : sentences) {
      ASSERT_LE(b, e);
      ASSERT_LE(e, normalized.size());
      std::string_view sentence(normalized.data() + b, e - b);
      segmenter->Words(sentence, words);
      for (std::string_view w : words) {
        ASSERT_FALSE(w.empty());
        ASSERT_GE(w.data(), sentence.data());
        ASSERT_LE(w.data() + w.size(), sentence.data() + sentence.size());
      }
    }
    std::vector<CodedVerb> verbs;
    TextCoding coding = coder_->CodeText(*session, text, speaker, &verbs);
    for (const CodedVerb& v : verbs) {
      ASSERT_GE(v.category, -3);
      ASSERT_LE(v.category, 3);
      if (v.category != 0) {
        ASSERT_EQ(v.mode == VerbMode::kDeed, std::abs(v.category) == 3) << v.verb;
      }
    }
    ASSERT_EQ(coding.counts.Total(), static_cast<std::int64_t>(verbs.size()));
  }
}

// Property, adversarial: inputs built to stress each stage - quote and
// bracket floods, a 1 MB token, invalid and overlong UTF-8, NUL bytes,
// chains of auxiliaries, negations, relative pronouns, by-agents and
// coordinations (the subject and agent searches walk these), abbreviation
// floods for the sentence breaker - alone and spliced together at random.
TEST_F(OpcodeCoderTest, AdversarialInputsNeverBreakTheInvariants) {
  auto repeat = [](std::string_view piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t k = 0; k < times; ++k) out += piece;
    return out;
  };
  const std::vector<std::string> attacks = {
      "",
      repeat(" ", 100000),
      repeat("\n", 50000),
      repeat("\"", 100000),
      repeat(",", 200000),
      repeat("(", 50000) + "we attack" + repeat(")", 50000),
      std::string(1 << 20, 'a'),
      repeat("by ", 20000) + "attacked.",
      "The states " + repeat("which that who ", 5000) + "attack us.",
      "We " + repeat("will not never cannot must should ", 3000) + "attack.",
      repeat("let us ", 20000),
      repeat("is been being was were ", 5000) + "attacked by them.",
      "We " + repeat("support and ", 30000) + "help.",
      repeat("Mr. U.S. e.g. ", 20000),
      repeat("\xc0\xaf\xed\xa0\x80\xf0\x9f \xff\xfe", 20000),
      repeat(std::string("we\0help\0", 8), 20000),  // 8 bytes, NULs included
      repeat("\xe2\x80\x9c\xe2\x80\x9d\xe2\x80\x99s n't 's ", 20000),
      repeat("China, as a member, ", 10000) + "has helped.",
      repeat("we\t", 30000),
      repeat("\xe6\x88\x91\xe4\xbb\xac\xe6\x94\xaf\xe6\x8c\x81. ", 20000),
  };
  auto session = coder_->NewSession();
  ASSERT_TRUE(session.ok());
  auto segmenter = opcode::Segmenter::Create();
  ASSERT_TRUE(segmenter.ok());
  SpeakerIdentity speaker = coder_->Speaker("USA");
  std::mt19937 rng(7);
  std::vector<std::pair<std::size_t, std::size_t>> sentences;
  std::vector<std::string_view> words;
  for (std::size_t round = 0; round < attacks.size() + 60; ++round) {
    std::string text;
    if (round < attacks.size()) {
      text = attacks[round];
    } else {  // splice random slices of three attacks
      for (int k = 0; k < 3; ++k) {
        const std::string& a = attacks[rng() % attacks.size()];
        std::size_t from = a.empty() ? 0 : rng() % a.size();
        text += a.substr(from, rng() % 20000);
      }
    }
    std::string normalized = NormalizeForCoding(text);
    segmenter->Sentences(normalized, sentences);
    for (const auto& [b, e] : sentences) {
      ASSERT_LE(b, e) << "round " << round;
      ASSERT_LE(e, normalized.size()) << "round " << round;
      std::string_view sentence(normalized.data() + b, e - b);
      segmenter->Words(sentence, words);
      for (std::string_view w : words) {
        ASSERT_FALSE(w.empty()) << "round " << round;
        ASSERT_GE(w.data(), sentence.data());
        ASSERT_LE(w.data() + w.size(), sentence.data() + sentence.size());
      }
    }
    std::vector<CodedVerb> verbs;
    TextCoding coding = coder_->CodeText(*session, text, speaker, &verbs);
    for (const CodedVerb& v : verbs) {
      ASSERT_GE(v.category, -3) << "round " << round;
      ASSERT_LE(v.category, 3) << "round " << round;
      ASSERT_FALSE(v.verb.empty()) << "round " << round;
      if (v.category != 0) {
        ASSERT_EQ(v.mode == VerbMode::kDeed, std::abs(v.category) == 3) << v.verb;
      }
    }
    ASSERT_EQ(coding.counts.Total(), static_cast<std::int64_t>(verbs.size())) << "round " << round;
    ASSERT_LE(coding.english_words, coding.alphabetic_words);
    ASSERT_LE(coding.alphabetic_words, coding.words);
  }
}

TEST_F(OpcodeCoderTest, LongLineWithoutPunctuationIsCodedInPieces) {
  auto session = coder_->NewSession();
  ASSERT_TRUE(session.ok());
  std::string line;
  while (line.size() < 2'000'000) line += "we support peace and they attack us ";
  std::vector<CodedVerb> verbs;
  TextCoding coding = coder_->CodeText(*session, line, coder_->Speaker("CHN"), &verbs);
  EXPECT_GT(coding.words, 300000);
  EXPECT_GT(verbs.size(), 10000u);
}

}  // namespace
}  // namespace entente
