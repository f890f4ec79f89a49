// The VICS coder: clause analysis over tagged tokens, attribution and the
// coding rules. docs/opcode.md ("Rules") states each rule with an example;
// the comments here say why a rule has the shape it has.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <unordered_set>

#include "entente/opcode.h"
#include "entente/paths.h"
#include "opcode/actors.h"
#include "opcode/default_neutral.h"
#include "opcode/lexicon.h"
#include "opcode/segmenter.h"
#include "opcode/tagger.h"
#include "opcode/verb_context.h"

namespace entente {
namespace {

using opcode::Pos;

// A sentence longer than this many tokens is coded in pieces (split at ; and
// :, else cut): a safeguard for text without punctuation (a 10 MB line).
constexpr std::size_t kMaxSentenceTokens = 160;
// How far right of the verb the object head and the by-agent are looked for.
constexpr std::size_t kObjectWindow = 8;
constexpr std::size_t kAgentWindow = 10;
// How far left a parenthetical between two commas may reach.
constexpr std::size_t kParentheticalWindow = 20;
// English detection: at least this many alphabetic words, of which at least
// this share must be known to the English model.
constexpr std::int64_t kMinWordsForLanguageCheck = 40;
constexpr double kMinEnglishShare = 0.5;

using WordSet = std::unordered_set<std::string_view>;

const WordSet kBe = {"be", "is", "are", "am", "was", "were", "been", "being", "'s", "'re", "'m"};
const WordSet kHave = {"have", "has", "had", "having", "'ve"};
const WordSet kDo = {"do", "does", "did"};
const WordSet kGet = {"get", "gets", "got", "gotten", "getting"};
const WordSet kFutureModals = {"will", "shall", "'ll", "wo"};
const WordSet kDeonticModals = {"must", "should", "ought"};
const WordSet kPossibilityModals = {"can", "could", "may", "might", "would", "'d", "ca", "cannot"};
const WordSet kNegations = {"not", "n't", "never"};
// Control verbs: "we intend to support" codes "support" with the intention
// read as future (a promise or threat); "refuse to", "fail to" negate;
// "continue to" keeps the tense; "need to", "have to" are deontic.
const WordSet kIntentionControl = {
    "intend",     "intends",   "intended",   "want",      "wants",      "wanted",    "wish",
    "wishes",     "wished",    "hope",       "hopes",     "hoped",      "plan",      "plans",
    "planned",    "seek",      "seeks",      "sought",    "aim",        "aims",      "aimed",
    "try",        "tries",     "tried",      "strive",    "strives",    "strove",    "endeavour",
    "endeavours", "endeavor",  "endeavors",  "decide",    "decides",    "decided",   "resolve",
    "resolved",   "pledge",    "pledges",    "pledged",   "promise",    "promises",  "promised",
    "vow",        "vows",      "vowed",      "undertake", "undertakes", "undertook", "agree",
    "agrees",     "agreed",    "like",       "expect",    "expects",    "expected",  "attempt",
    "attempts",   "attempted", "choose",     "chose",     "prepare",    "prepares",  "prepared",
    "stand",      "stands",    "offer",      "offers",    "offered",    "mean",      "means",
    "going",      "wants",     "determined", "committed", "ready",      "willing",   "eager",
    "keen"};
const WordSet kContinueControl = {"continue", "continues", "continued", "begin",   "begins",
                                  "began",    "start",     "starts",    "started", "used"};
const WordSet kNegativeControl = {"refuse", "refuses", "refused",  "fail",
                                  "fails",  "failed",  "cease",    "ceases",
                                  "ceased", "decline", "declines", "declined"};
const WordSet kDeonticControl = {"need",      "needs",   "needed", "have",  "has",  "had",
                                 "compelled", "obliged", "forced", "bound", "duty", "obligation"};
// Stance adjectives before "to" + verb: the act is done as it is announced
// ("I am happy to state", "ASEAN is right to affirm", "it is my pleasure to
// announce"): present tense, no modality.
const WordSet kStanceWords = {"happy",    "pleased",   "glad",     "proud",        "honoured",
                              "honored",  "delighted", "grateful", "thankful",     "right",
                              "pleasure", "honour",    "honor",    "privilege",    "intention",
                              "wish",     "desire",    "hope",     "determination"};
// Nouns of the "it is my X to V" frame that announce an intention.
const WordSet kIntentionNouns = {"intention", "wish", "desire", "hope", "determination"};
// Verbs of request: "I would like you to study", "we expect the leaders to
// shoulder": the subject asks an actor to act (an appeal, +1).
const WordSet kRequestVerbs = {"like",    "want",     "wants",     "wanted", "expect",
                               "expects", "expected", "need",      "needs",  "needed",
                               "wish",    "wishes",   "encourage", "invite", "invites"};
// Linking verbs that, like "be", take a participle as predicate ("remain
// committed", "stay united"): only an adjectival rule codes them.
const WordSet kLinkingVerbs = {"remain", "remains", "remained", "stay",  "stays",
                               "stayed", "become",  "becomes",  "became"};
const WordSet kPossibilityControl = {"able", "unable"};
const WordSet kStandVerbs = {"stand", "stands", "stood", "remain", "remains", "remained"};
const WordSet kTakeForms = {"take", "takes", "took", "taking"};
// Predicate adjectives that take "to" + verb: "we are ready to help".
const WordSet kControlAdjectives = {"ready",    "prepared", "determined", "committed", "willing",
                                    "resolved", "eager",    "keen",       "able",      "unable"};

const WordSet kFirstPerson = {"i",   "we",     "me",        "us",   "my",
                              "our", "myself", "ourselves", "mine", "ours"};
const WordSet kObjectPronouns = {"us",         "me",     "him",     "them",    "her",   "ourselves",
                                 "themselves", "myself", "himself", "herself", "itself"};
const WordSet kNominativePronouns = {"i", "we", "they", "you", "he", "she", "it"};
// "our X" is other when X belongs to many ("our Organization", "our
// partners", "our region"): the possessive marks membership, not agency.
const WordSet kSharedNouns = {"partners",     "partner",
                              "friends",      "friend",
                              "neighbours",   "neighbors",
                              "neighbour",    "neighbor",
                              "allies",       "ally",
                              "organization", "organisation",
                              "world",        "region",
                              "continent",    "planet",
                              "generation",   "generations",
                              "children",     "youth",
                              "peoples",      "societies",
                              "society",      "civilization",
                              "civilisation", "enemies",
                              "enemy",        "adversaries",
                              "opponents",    "colleagues",
                              "brothers",     "sisters",
                              "guests",       "forefathers",
                              "ancestors",    "predecessors",
                              "predecessor",  "secretary-general",
                              "assembly",     "era",
                              "time",         "times",
                              "age",          "century",
                              "humanity",     "species",
                              "oceans",       "earth",
                              "future",       "common",
                              "globe",        "fellow",
                              "counterparts"};

// Head nouns that denote political actors (people, states, bodies). A
// subject whose head is another common noun ("history tells us", "the
// pandemic has exacerbated") is not an actor and its verb is not coded.
const WordSet kActorNouns = {"country",
                             "countries",
                             "state",
                             "states",
                             "nation",
                             "nations",
                             "government",
                             "governments",
                             "people",
                             "peoples",
                             "leader",
                             "leaders",
                             "leadership",
                             "president",
                             "presidents",
                             "minister",
                             "ministers",
                             "party",
                             "parties",
                             "member",
                             "members",
                             "community",
                             "communities",
                             "council",
                             "assembly",
                             "organization",
                             "organisation",
                             "organizations",
                             "organisations",
                             "union",
                             "force",
                             "forces",
                             "troops",
                             "army",
                             "armies",
                             "military",
                             "terrorists",
                             "terrorist",
                             "group",
                             "groups",
                             "militants",
                             "militias",
                             "rebels",
                             "regime",
                             "regimes",
                             "delegation",
                             "delegations",
                             "administration",
                             "authorities",
                             "authority",
                             "partners",
                             "partner",
                             "allies",
                             "ally",
                             "friends",
                             "neighbours",
                             "neighbors",
                             "neighbour",
                             "secretary-general",
                             "everyone",
                             "everybody",
                             "all",
                             "each",
                             "those",
                             "others",
                             "world",
                             "humankind",
                             "humanity",
                             "mankind",
                             "citizens",
                             "workers",
                             "companies",
                             "businesses",
                             "farmers",
                             "women",
                             "men",
                             "children",
                             "youth",
                             "refugees",
                             "migrants",
                             "powers",
                             "power",
                             "west",
                             "east",
                             "north",
                             "south",
                             "side",
                             "sides",
                             "republic",
                             "kingdom",
                             "federation",
                             "coalition",
                             "alliance",
                             "bloc",
                             "congress",
                             "parliament",
                             "court",
                             "agency",
                             "agencies",
                             "bank",
                             "fund",
                             "mission",
                             "operation",
                             "movement",
                             "movements",
                             "institutions",
                             "department",
                             "ministry",
                             "office",
                             "secretariat",
                             "body",
                             "bodies",
                             "colleagues",
                             "participants",
                             "signatories",
                             "donors",
                             "investors",
                             "officials",
                             "diplomats",
                             "soldiers",
                             "police",
                             "occupiers",
                             "aggressor",
                             "aggressors",
                             "enemy",
                             "enemies",
                             "adversaries",
                             "opponents",
                             "critics",
                             "americans",
                             "australians",
                             "chinese",
                             "russians",
                             "africans",
                             "europeans",
                             "asians",
                             "arabs",
                             "israelis",
                             "palestinians",
                             "someone",
                             "anyone",
                             "nobody",
                             "man",
                             "woman",
                             "person",
                             "persons",
                             "individuals",
                             "family",
                             "families",
                             "generation",
                             "generations",
                             "public",
                             "society",
                             "societies",
                             "civilizations",
                             "civilization",
                             "summit",
                             "states-parties",
                             "region",
                             "continent",
                             "un",
                             "nato",
                             "eu",
                             "asean",
                             "g-20",
                             "brics",
                             "sco",
                             "apec",
                             "iaea",
                             "who",
                             "imf",
                             "wto",
                             "fao",
                             "unicef",
                             "unesco",
                             "undp",
                             "unhcr",
                             "god",
                             "almighty",
                             "lord",
                             "thinker",
                             "owner",
                             "guests"};
const WordSet kNonActorPronouns = {"it", "this", "that", "which", "what", "these", "there"};
// Reported speech: in "Russia said (that) it will withdraw", the pronoun
// subject of the reported clause is the reporter. Verbs of telling are left
// out: in "we told them that they must stop" the pronoun is the addressee.
const WordSet kReportingVerbs = {"say",       "state",     "declare",  "announce",  "claim",
                                 "insist",    "affirm",    "assert",   "reiterate", "stress",
                                 "emphasize", "emphasise", "maintain", "vow",       "pledge"};
const WordSet kReportedPronouns = {"it", "he", "she", "they"};
// Titles before a leader's name ("President Xi", "Prime Minister Abbott",
// "General Secretary Xi").
const WordSet kLeaderTitles = {"president", "premier", "chairman",          "minister",
                               "comrade",   "king",    "secretary-general", "secretary"};

bool IsWordToken(std::string_view w) {
  for (char c : w) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      return true;
    }
  }
  return false;
}

bool IsAlphaToken(std::string_view w) {
  return !w.empty() && (std::isalpha(static_cast<unsigned char>(w[0])) ||
                        static_cast<unsigned char>(w[0]) >= 0x80);
}

void Lower(std::string_view in, std::string& out) {
  out.assign(in);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

enum class Modality { kNone, kFuture, kDeontic, kPossibility };

struct VerbGroup {
  std::size_t first = 0;  // first token (auxiliary or the verb)
  std::size_t main = 0;   // the lexical verb
  std::size_t last = 0;   // last token of the group (main, or after control merges)
  Modality modality = Modality::kNone;
  bool negated = false;
  bool passive = false;
  bool perfect = false;
  bool past = false;
  bool has_aux = false;
  bool finite = true;
  bool via_control = false;  // the verb was reached through "to" ("need to improve")
  bool request = false;      // "want/expect ACTOR to V": the control verb is an appeal
  bool linking = false;      // "remain/stay + participle": coded only as an adjectival rule
  std::size_t subject_at = static_cast<std::size_t>(-1);  // "it is my pleasure to": "my"
  bool coordinated = false;  // a verb sharing the subject of the verb before it
};

struct Subject {
  bool found = false;
  std::size_t begin = 0;  // first token of the subject phrase
  OpcodeActor actor = OpcodeActor::kOther;
  std::string text;
};

// The reporter of a reported clause: the subject of the last reporting verb.
struct Reporter {
  bool found = false;
  std::size_t verb_end = 0;  // last token of the reporting verb group
  Subject subject;
};

// The pronoun subject of group `g` when it opens a clause reported by
// `reporter` ("said that it", "said it"): sets *pronoun to its index.
bool IsReportedPronoun(const std::vector<std::string>& lower, std::size_t first,
                       const Reporter& reporter, std::size_t* pronoun) {
  if (!reporter.found || first == 0) return false;
  // The pronoun is right before the group, or one adverb before ("it also will").
  for (std::size_t back = 1; back <= 2 && back <= first; ++back) {
    std::size_t p = first - back;
    if (!kReportedPronouns.count(lower[p])) continue;
    std::size_t k = reporter.verb_end + 1;
    if (k < p && lower[k] == "that") ++k;
    if (k != p) return false;
    *pronoun = p;
    return true;
  }
  return false;
}

// A reporter is named ("Russia", "the minister"), not a pronoun: in "we said
// that they" or "he said that it" the pronoun may be anyone.
bool IsNamedReporter(const std::string& text) {
  if (text.empty()) return false;
  std::string lower;
  Lower(text, lower);
  return !kFirstPerson.count(lower) && !kNominativePronouns.count(lower) &&
         !kObjectPronouns.count(lower);
}

}  // namespace

struct OpcodeCoder::Impl {
  opcode::Tagger tagger;
  opcode::VicsLexicon lexicon;
  opcode::ActorDictionary actors;

  Impl(opcode::Tagger t, opcode::VicsLexicon l, opcode::ActorDictionary a)
      : tagger(std::move(t)), lexicon(std::move(l)), actors(std::move(a)) {}
};

struct OpcodeCoder::Session::State {
  opcode::Segmenter segmenter;
  std::string normalized;
  std::vector<std::pair<std::size_t, std::size_t>> sentences;
  std::vector<std::string_view> words;
  std::vector<Pos> tags;
  std::vector<std::string> lower;
  std::vector<bool> quoted;
  std::vector<std::string_view> lemmas;
  std::vector<VerbGroup> groups;
  explicit State(opcode::Segmenter s) : segmenter(std::move(s)) {}
};

OpcodeCoder::Session::Session(std::unique_ptr<State> state) : state_(std::move(state)) {}
OpcodeCoder::Session::Session(Session&&) noexcept = default;
OpcodeCoder::Session& OpcodeCoder::Session::operator=(Session&&) noexcept = default;
OpcodeCoder::Session::~Session() = default;

OpcodeCoder::OpcodeCoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
OpcodeCoder::OpcodeCoder(OpcodeCoder&&) noexcept = default;
OpcodeCoder& OpcodeCoder::operator=(OpcodeCoder&&) noexcept = default;
OpcodeCoder::~OpcodeCoder() = default;

Result<OpcodeCoder> OpcodeCoder::Load(const CoderOptions& options) {
  auto tagger = opcode::Tagger::Load(options.tagger_dir);
  if (!tagger.ok()) return tagger.status();
  std::string dir =
      options.lexicon_dir.empty() ? ProjectDataDir() + "/lexicons" : options.lexicon_dir;
  auto lexicon = opcode::VicsLexicon::Load(dir, options.cameo_seed);
  if (!lexicon.ok()) return lexicon.status();
  opcode::ActorDictionary actors;
  if (!options.actors_file.empty()) {
    auto loaded = opcode::ActorDictionary::Load(options.actors_file);
    if (!loaded.ok()) return loaded.status();
    actors = std::move(loaded).value();
  }
  return OpcodeCoder(std::make_unique<Impl>(std::move(tagger).value(), std::move(lexicon).value(),
                                            std::move(actors)));
}

Result<OpcodeCoder::Session> OpcodeCoder::NewSession() const {
  auto segmenter = opcode::Segmenter::Create();
  if (!segmenter.ok()) return segmenter.status();
  return Session(std::make_unique<Session::State>(std::move(segmenter).value()));
}

std::size_t OpcodeCoder::lexicon_rules() const {
  return impl_->lexicon.size();
}

SpeakerIdentity OpcodeCoder::Speaker(std::string_view iso3,
                                     const std::vector<std::string>& extra) const {
  SpeakerIdentity speaker;
  speaker.iso3 = std::string(iso3);
  for (char& c : speaker.iso3) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  speaker.terms = impl_->actors.Terms(speaker.iso3);
  for (const std::string& term : extra) {
    std::string lower;
    Lower(term, lower);
    if (!lower.empty()) speaker.terms.push_back(lower);
  }
  std::sort(speaker.terms.begin(), speaker.terms.end());
  speaker.terms.erase(std::unique(speaker.terms.begin(), speaker.terms.end()), speaker.terms.end());
  return speaker;
}

namespace {

// The sentence being coded, with the lexicon at hand.
class SentenceCoder {
 public:
  SentenceCoder(const opcode::VicsLexicon& lexicon, const SpeakerIdentity& speaker,
                const std::vector<std::string_view>& words, const std::vector<Pos>& tags,
                const std::vector<std::string>& lower, const std::vector<bool>& quoted)
      : lexicon_(lexicon),
        speaker_(speaker),
        w_(words),
        t_(tags),
        l_(lower),
        q_(quoted),
        n_(words.size()) {}

  void FindGroups(std::vector<VerbGroup>& groups) const;
  Subject FindSubject(const VerbGroup& group, const Subject& previous) const;
  Subject FindAgent(const VerbGroup& group) const;
  Subject ClassifyAt(std::size_t k) const { return Classify(k, k); }
  // "let us", "let us all", "let me" ending at `end`: the pronoun's index,
  // or n_ when the tokens up to `end` are no such proposal.
  std::size_t LetPronounAt(std::size_t end) const {
    std::size_t p = end;
    if (p < n_ && l_[p] == "all" && p > 0) --p;
    return p < n_ && (l_[p] == "us" || l_[p] == "me") && p > 0 && l_[p - 1] == "let" ? p : n_;
  }
  std::size_t ObjectHead(std::size_t from) const;
  // The object's first noun and its head (the last noun of that noun phrase:
  // "Latvia's gratitude", "Muslim spiritual leaders"); `fronted` (a token
  // index, or size() for none) stands in when no object follows.
  struct Object {
    std::string_view first;
    std::string_view head;
  };
  Object ObjectNouns(std::size_t from, std::size_t fronted) const;
  // The lexicon rule for `lemma` with `particle` and the object from `from`:
  // the head decides, the first noun when only it selects an object rule.
  const opcode::LexiconRule* SelectRule(std::string_view lemma, std::string_view particle,
                                        std::size_t from, std::size_t fronted) const;

  const std::vector<std::string>& lower() const { return l_; }
  const std::vector<Pos>& tags() const { return t_; }
  const std::vector<std::string_view>& words() const { return w_; }
  std::size_t size() const { return n_; }

 private:
  // A negation, except "not only" ("we should not only restart ... but also
  // contribute"), which adds rather than denies.
  bool IsNegation(std::size_t i) const {
    if (IsNoLonger(i)) return true;
    if (!kNegations.count(l_[i])) return false;
    return !(l_[i] == "not" && i + 1 < n_ && l_[i + 1] == "only");
  }
  // "we can no longer tolerate": "no longer" is a negating adverb.
  bool IsNoLonger(std::size_t i) const {
    return (l_[i] == "no" && i + 1 < n_ && l_[i + 1] == "longer") ||
           (l_[i] == "longer" && i > 0 && l_[i - 1] == "no");
  }
  bool IsAdverbial(std::size_t i) const {
    return opcode::IsAdverb(t_[i]) || kNegations.count(l_[i]) > 0 || IsNoLonger(i);
  }
  // The next token index at or after i that is not an adverb; n_ when none.
  std::size_t SkipAdverbs(std::size_t i) const {
    while (i < n_ && IsAdverbial(i)) ++i;
    return i;
  }
  bool IsVerbAt(std::size_t i) const { return i < n_ && opcode::IsVerb(t_[i]); }
  // After a verb of request: the "to" of "ACTOR to V" starting at `from`
  // ("you to study", "the Israeli and Palestinian leaders to shoulder"), or
  // n_ when no actor and infinitive follow.
  std::size_t RequestTo(std::size_t from) const {
    std::size_t k = from;
    while (k < n_ && k < from + 8 && (IsNpToken(k) || l_[k] == "and" || l_[k] == "of")) ++k;
    if (k == from || k + 1 >= n_ || t_[k] != Pos::kTo || t_[k + 1] != Pos::kVb) return n_;
    if (t_[from] == Pos::kPrp ? !kObjectPronouns.count(l_[from]) && l_[from] != "you"
                              : !IsActor(from, k - 1)) {
      return n_;
    }
    return k;
  }
  bool IsNpToken(std::size_t i) const;
  // The noun phrase ending at `end` (inclusive): its first token.
  std::size_t NpStart(std::size_t end) const;
  Subject Classify(std::size_t begin, std::size_t end) const;
  bool IsActor(std::size_t begin, std::size_t end) const;
  bool MatchesSpeaker(std::size_t begin, std::size_t end) const;

  const opcode::VicsLexicon& lexicon_;
  const SpeakerIdentity& speaker_;
  const std::vector<std::string_view>& w_;
  const std::vector<Pos>& t_;
  const std::vector<std::string>& l_;
  const std::vector<bool>& q_;
  std::size_t n_;
};

void SentenceCoder::FindGroups(std::vector<VerbGroup>& groups) const {
  groups.clear();
  std::size_t i = 0;
  while (i < n_) {
    bool starts = t_[i] == Pos::kMd || opcode::IsVerb(t_[i]);
    if (!starts) {
      ++i;
      continue;
    }
    VerbGroup g;
    g.first = i;
    // An infinitive or a participle with no auxiliary is not finite.
    if (i > 0 && t_[i - 1] == Pos::kTo) g.finite = false;
    std::size_t j = i;
    bool last_aux_be = false;
    bool last_aux_get = false;
    bool no_main = false;
    while (true) {
      const std::string& word = l_[j];
      if (t_[j] == Pos::kMd) {
        if (word == "cannot") g.negated = true;
        if (kFutureModals.count(word)) {
          g.modality = Modality::kFuture;
        } else if (kDeonticModals.count(word)) {
          g.modality = Modality::kDeontic;
          if (word == "ought" && j + 1 < n_ && l_[j + 1] == "to") ++j;
        } else if (g.modality == Modality::kNone) {
          g.modality = Modality::kPossibility;
        }
        g.has_aux = true;
        std::size_t k = j + 1;
        while (k < n_ && IsAdverbial(k)) {
          if (IsNegation(k)) g.negated = true;
          ++k;
        }
        if (!IsVerbAt(k)) {
          no_main = true;  // a modal with no verb after it ("as we must.")
          j = k;
          break;
        }
        j = k;
        continue;
      }
      // Auxiliaries: be / have / do / get followed by another verb.
      std::size_t k = j + 1;
      bool negated_here = false;
      while (k < n_ && IsAdverbial(k)) {
        if (IsNegation(k)) negated_here = true;
        ++k;
      }
      bool linking = kLinkingVerbs.count(word) && k < n_ && t_[k] == Pos::kVbn;
      bool is_aux = IsVerbAt(k) && (kBe.count(word) || kHave.count(word) || kDo.count(word) ||
                                    kGet.count(word) || linking);
      if (is_aux && kHave.count(word) && t_[k] != Pos::kVbn && t_[k] != Pos::kVbd) is_aux = false;
      if (is_aux && kGet.count(word) && t_[k] != Pos::kVbn && t_[k] != Pos::kVbd) is_aux = false;
      if (is_aux) {
        if (negated_here) g.negated = true;
        if (kHave.count(word)) g.perfect = true;
        if (word == "did" || word == "was" || word == "were" || word == "had") g.past = true;
        last_aux_be = kBe.count(word) > 0 || linking;
        if (linking) g.linking = true;
        last_aux_get = kGet.count(word) > 0;
        g.has_aux = true;
        j = k;
        continue;
      }
      // The lexical verb.
      g.main = j;
      g.last = j;
      if (negated_here && k < n_ && t_[k] == Pos::kTo) g.negated = true;
      if ((last_aux_be || last_aux_get) &&
          (t_[j] == Pos::kVbn || (t_[j] == Pos::kVbd && word.size() > 2))) {
        g.passive = true;
      }
      if (t_[j] == Pos::kVbd) g.past = true;
      break;
    }
    if (no_main) {
      i = std::max(j, i + 1);
      continue;
    }
    // Participles and gerunds without an auxiliary are not finite verbs.
    if (!g.has_aux && (t_[g.main] == Pos::kVbg || t_[g.main] == Pos::kVbn)) {
      // "has supported X and opposed Y": a participle after "and" shares the
      // auxiliary of the verb before it.
      std::size_t c = g.first;
      while (c > 0 && IsAdverbial(c - 1)) --c;
      bool coordinated = t_[g.main] == Pos::kVbn && c > 0 && t_[c - 1] == Pos::kCc &&
                         !groups.empty() && groups.back().finite && groups.back().has_aux;
      // "We both agreed": a past tense the tagger read as a participle.
      std::size_t q = c;
      while (q > 0 && (l_[q - 1] == "both" || l_[q - 1] == "all")) --q;
      bool after_pronoun = t_[g.main] == Pos::kVbn && q > 0 && t_[q - 1] == Pos::kPrp &&
                           kNominativePronouns.count(l_[q - 1]) > 0 && l_[q - 1] != "it";
      if (after_pronoun) {
        g.past = true;
      } else if (coordinated) {
        g.perfect = groups.back().perfect;
        g.past = groups.back().past;
        g.modality = groups.back().modality;
        g.negated = groups.back().negated;
      } else {
        g.finite = false;
      }
    }
    // Coordination: "we need to improve X, respond to Y and create Z", "will
    // continue to contribute and to pursue": a bare verb after a comma or
    // "and" shares the modality of the verb before it.
    if (!groups.empty() && groups.back().finite && !g.has_aux &&
        (t_[g.main] == Pos::kVb || t_[g.main] == Pos::kVbp)) {
      std::size_t c = g.first;
      while (c > 0 && IsAdverbial(c - 1)) --c;
      bool after_to = !g.finite && c > 0 && t_[c - 1] == Pos::kTo;
      if (after_to) {
        --c;
        while (c > 0 && IsAdverbial(c - 1)) --c;
      }
      bool joined = c > 0 && (t_[c - 1] == Pos::kCc || l_[c - 1] == ",");
      if (joined && (!after_to || groups.back().via_control) &&
          (groups.back().via_control || groups.back().modality != Modality::kNone || after_to)) {
        g.finite = true;
        g.coordinated = true;
        g.modality = groups.back().modality;
        g.negated = groups.back().negated;
        g.via_control = groups.back().via_control;
      }
    }
    // Control: "intend to support", "continue to work", "refuse to help",
    // "are ready to help", "is going to".
    while (true) {
      std::size_t m = g.last;
      std::size_t to = m + 1;
      bool adjective = false;
      // "be ready to", "stand ready to", "am very happy to": the predicate
      // adjective after be or stand; "it is my great pleasure to".
      std::size_t predicate = n_;
      if (kBe.count(l_[m]) || kStandVerbs.count(l_[m]) || kLinkingVerbs.count(l_[m])) {
        std::size_t a = SkipAdverbs(to);
        std::size_t owner = n_;
        if (a < n_ && (l_[a] == "my" || l_[a] == "our")) {
          owner = a;
          a = a + 1;
          while (a < n_ && (opcode::IsAdjective(t_[a]) || opcode::IsAdverb(t_[a]))) ++a;
        }
        bool stance = a < n_ && (owner < n_ ? kStanceWords.count(l_[a]) || l_[a] == "duty"
                                            : kStanceWords.count(l_[a]) && !opcode::IsNoun(t_[a]));
        if (a + 1 < n_ && t_[a + 1] == Pos::kTo && (kControlAdjectives.count(l_[a]) || stance)) {
          adjective = true;
          predicate = a;
          to = a + 1;
          if (owner < n_) g.subject_at = owner;
        }
      }
      // "I take this opportunity to congratulate": the act is the verb after "to".
      bool opportunity = !adjective && kTakeForms.count(l_[m]) && m + 3 < n_ &&
                         (l_[m + 1] == "this" || l_[m + 1] == "the") &&
                         (l_[m + 2] == "opportunity" || l_[m + 2] == "occasion") &&
                         t_[m + 3] == Pos::kTo;
      if (opportunity) to = m + 3;
      // "keep strengthening", "continue supporting": aspect, not a new act.
      if (!adjective && to < n_ && t_[to] == Pos::kVbg &&
          (l_[m] == "keep" || l_[m] == "continue" || l_[m] == "continues" || l_[m] == "kept" ||
           l_[m] == "continued" || l_[m] == "keeps")) {
        g.main = to;
        g.last = to;
        g.via_control = true;
        continue;
      }
      if (!adjective && !opportunity && kRequestVerbs.count(l_[m]) && RequestTo(m + 1) < n_) {
        g.request = true;  // "we expect the leaders to shoulder": the request is the act
        break;
      }
      if (to >= n_ || t_[to] != Pos::kTo) break;
      std::size_t v = SkipAdverbs(to + 1);
      if (!IsVerbAt(v) || t_[v] == Pos::kVbg || t_[v] == Pos::kVbd) break;
      const std::string& control = adjective ? l_[predicate] : l_[m];
      if (opportunity) {
        // keeps the tense of "take": a present speech act
      } else if (kIntentionNouns.count(control) && g.subject_at < n_) {
        g.modality = Modality::kFuture;  // "it is our intention to"
      } else if (kStanceWords.count(control) && !kIntentionNouns.count(control)) {
        g.modality = Modality::kNone;  // "I am happy to state": the act itself
      } else if (kPossibilityControl.count(control)) {
        if (g.modality == Modality::kNone) g.modality = Modality::kPossibility;
        if (control == "unable") g.negated = !g.negated;
      } else if (kNegativeControl.count(control)) {
        g.negated = !g.negated;
      } else if (control == "like") {
        g.modality = Modality::kNone;  // "I would like to thank": a polite present
      } else if (kIntentionControl.count(control)) {
        if (g.modality != Modality::kDeontic) g.modality = Modality::kFuture;
      } else if (kDeonticControl.count(control)) {
        g.modality = Modality::kDeontic;
      } else if (!kContinueControl.count(control)) {
        break;  // a purpose clause ("work to build"): not a control verb
      }
      for (std::size_t a = to + 1; a < v; ++a) {
        if (IsNegation(a)) g.negated = !g.negated;
      }
      g.main = v;
      g.last = v;
      g.passive = false;
      g.via_control = true;
      // "to be supported": a passive infinitive.
      if (kBe.count(l_[v])) {
        std::size_t p = SkipAdverbs(v + 1);
        if (p < n_ && t_[p] == Pos::kVbn) {
          g.main = p;
          g.last = p;
          g.passive = true;
        }
      }
    }
    groups.push_back(g);
    i = g.last + 1;
  }
}

bool SentenceCoder::IsNpToken(std::size_t i) const {
  switch (t_[i]) {
    case Pos::kDet:
    case Pos::kPdt:
    case Pos::kJj:
    case Pos::kJjr:
    case Pos::kJjs:
    case Pos::kNn:
    case Pos::kNnp:
    case Pos::kNnps:
    case Pos::kNns:
    case Pos::kPrp:
    case Pos::kPrps:
    case Pos::kCd:
    case Pos::kPos:
    case Pos::kFw:
      return true;
    default:
      return false;
  }
}

std::size_t SentenceCoder::NpStart(std::size_t end) const {
  std::size_t b = end;
  while (b > 0) {
    // A nominative pronoun opens its noun phrase ("we all"): in "the
    // commitment we made" the noun before it heads a relative clause.
    if (t_[b] == Pos::kPrp && kNominativePronouns.count(l_[b])) break;
    std::size_t p = b - 1;
    if (IsNpToken(p)) {
      b = p;
      continue;
    }
    // "of" and "and" inside a noun phrase: "the people of China", "China and Russia".
    if ((l_[p] == "of" || l_[p] == "and" || l_[p] == "&") && p > 0 && IsNpToken(p - 1) &&
        t_[p - 1] != Pos::kDet) {
      b = p;
      continue;
    }
    // Adjectival participles: "the developed countries".
    if ((t_[p] == Pos::kVbn || t_[p] == Pos::kVbg) && p > 0 &&
        (t_[p - 1] == Pos::kDet || t_[p - 1] == Pos::kPrps)) {
      b = p;
      continue;
    }
    break;
  }
  return b;
}

bool SentenceCoder::MatchesSpeaker(std::size_t begin, std::size_t end) const {
  if (speaker_.terms.empty()) return false;
  std::string phrase;
  for (std::size_t s = begin; s <= end; ++s) {
    // "President Xi": a title, then a person's first name.
    if (s < end && kLeaderTitles.count(l_[s])) {
      phrase.assign(opcode::kTitledPrefix);
      phrase += l_[s + 1];
      if (std::binary_search(speaker_.terms.begin(), speaker_.terms.end(), phrase)) return true;
    }
    phrase.clear();
    for (std::size_t e = s; e <= end && e < s + 5; ++e) {
      if (e > s) phrase += ' ';
      phrase += l_[e];
      if (std::binary_search(speaker_.terms.begin(), speaker_.terms.end(), phrase)) return true;
    }
  }
  return false;
}

bool SentenceCoder::IsActor(std::size_t begin, std::size_t end) const {
  // The head: the last noun or pronoun before any "of" ("members of this body").
  std::size_t stop = end;
  for (std::size_t k = begin; k <= end; ++k) {
    if (l_[k] == "of" && k > begin) {
      stop = k - 1;
      break;
    }
  }
  for (std::size_t k = begin; k <= end; ++k) {
    if (t_[k] == Pos::kPrp || t_[k] == Pos::kPrps) {
      if (!kNonActorPronouns.count(l_[k]) && l_[k] != "its") return true;
    }
  }
  if (MatchesSpeaker(begin, end)) return true;
  for (std::size_t k = stop + 1; k-- > begin;) {
    if (opcode::IsNoun(t_[k]) || t_[k] == Pos::kDet || t_[k] == Pos::kCd) {
      if (t_[k] == Pos::kNnp || t_[k] == Pos::kNnps) {
        // A proper noun names an actor unless a common noun heads it ("the Ebola epidemic").
        return true;
      }
      return kActorNouns.count(l_[k]) > 0;
    }
  }
  return false;
}

Subject SentenceCoder::Classify(std::size_t begin, std::size_t end) const {
  Subject s;
  s.found = IsActor(begin, end);
  if (!s.found) return s;
  s.begin = begin;
  for (std::size_t k = begin; k <= end; ++k) {
    if (k > begin) s.text += ' ';
    s.text += w_[k];
  }
  bool self = false;
  for (std::size_t k = begin; k <= end; ++k) {
    if (!kFirstPerson.count(l_[k])) continue;
    if (q_[k]) continue;  // inside a quotation "we" is the quoted speaker
    if ((l_[k] == "our" || l_[k] == "my") && k < end) {
      // The noun the possessive governs: the next noun.
      std::size_t h = k + 1;
      while (h < end && !opcode::IsNoun(t_[h])) ++h;
      if (kSharedNouns.count(l_[h])) continue;
    }
    self = true;
    break;
  }
  if (!self && MatchesSpeaker(begin, end)) self = true;
  s.actor = self ? OpcodeActor::kSelf : OpcodeActor::kOther;
  return s;
}

Subject SentenceCoder::FindSubject(const VerbGroup& g, const Subject& previous) const {
  Subject none;
  if (g.coordinated) return previous;
  if (g.first == 0) return none;
  std::size_t j = g.first;
  // Skip adverbs before the group ("we also support").
  while (j > 0 && IsAdverbial(j - 1)) --j;
  if (j == 0) return none;
  std::size_t p = j - 1;
  // Verb coordination: "we condemn terrorism and support peace".
  if (t_[p] == Pos::kCc || (l_[p] == "," && p > 0 && t_[p - 1] == Pos::kCc)) {
    return previous;
  }
  // Relative clause: "countries that support terrorism", "China, which has supported".
  if (t_[p] == Pos::kWdt || t_[p] == Pos::kWp || l_[p] == "that" || l_[p] == "who" ||
      l_[p] == "which") {
    if (p == 0) return none;
    std::size_t a = p - 1;
    if (l_[a] == "," && a > 0) --a;
    bool det_actor = l_[a] == "those" || l_[a] == "all" || l_[a] == "others";
    if (!IsNpToken(a) || (t_[a] == Pos::kDet && !det_actor)) return none;
    std::size_t b = NpStart(a);
    // "we are a country that knows": the antecedent is a predicate noun of
    // a pronoun subject, which is the doer.
    if (b >= 2 && kBe.count(l_[b - 1]) && t_[b - 2] == Pos::kPrp &&
        kNominativePronouns.count(l_[b - 2]) && l_[b - 2] != "it") {
      return Classify(b - 2, b - 2);
    }
    return Classify(b, a);
  }
  // A parenthetical between commas: "China, as a permanent member, has".
  if (l_[p] == "," && p > 1) {
    std::size_t stop = p > kParentheticalWindow ? p - kParentheticalWindow : 0;
    for (std::size_t c = p - 1; c > stop; --c) {
      if (l_[c] == ",") {
        if (c == 0) break;
        std::size_t a = c - 1;
        if (!IsNpToken(a)) break;
        std::size_t b = NpStart(a);
        bool clause_start = b == 0 || t_[b - 1] == Pos::kCc || l_[b - 1] == "that" ||
                            opcode::IsPunctuation(t_[b - 1]);
        if (!clause_start) break;
        // "We, the small nations of the world, ... would": an apposition to
        // a first-person pronoun names the pronoun's referent.
        if (b >= 2 && l_[b - 1] == "," && (l_[b - 2] == "we" || l_[b - 2] == "i")) {
          return Classify(b - 2, b - 2);
        }
        return Classify(b, a);
      }
    }
    return none;
  }
  if (!IsNpToken(p) || t_[p] == Pos::kPrps || t_[p] == Pos::kPos) return none;
  std::size_t b = NpStart(p);
  // "let us build", "let us all hope": the first person plural proposes (an
  // appeal); "let me thank": the speaker acts.
  if (std::size_t pronoun = LetPronounAt(p); pronoun < n_) return Classify(pronoun, pronoun);
  // "Buffett himself described": an emphatic reflexive after its noun.
  if ((l_[p] == "himself" || l_[p] == "herself" || l_[p] == "themselves" || l_[p] == "ourselves" ||
       l_[p] == "myself" || l_[p] == "itself") &&
      p > 0 && IsNpToken(p - 1) && t_[p - 1] != Pos::kPrp) {
    --p;
    b = NpStart(p);
  }
  if (kObjectPronouns.count(l_[p])) return none;
  // A determiner alone is a subject only in "we all", "they both".
  if (t_[p] == Pos::kDet && !(p > 0 && t_[p - 1] == Pos::kPrp)) {
    if (l_[p] != "this" && l_[p] != "that" && l_[p] != "these" && l_[p] != "those" &&
        l_[p] != "all" && l_[p] != "both" && l_[p] != "each") {
      return none;
    }
  }
  // A bare verb form with no auxiliary is finite only after a subject that
  // starts a clause ("we condemn"), not in "help countries build".
  if (!g.has_aux && t_[g.main] == Pos::kVb && g.first == g.main) {
    bool nominative = kNominativePronouns.count(l_[p]) > 0;
    bool clause_start =
        b == 0 || t_[b - 1] == Pos::kCc || opcode::IsPunctuation(t_[b - 1]) || l_[b - 1] == "that";
    if (!nominative && !clause_start) return none;
  }
  return Classify(b, p);
}

Subject SentenceCoder::FindAgent(const VerbGroup& g) const {
  for (std::size_t k = g.main + 1; k < n_ && k <= g.main + kAgentWindow; ++k) {
    if (l_[k] == "by" && k + 1 < n_ && IsNpToken(k + 1)) {
      std::size_t e = k + 1;
      while (e + 1 < n_ &&
             (IsNpToken(e + 1) || (l_[e + 1] == "of" && e + 2 < n_ && IsNpToken(e + 2)))) {
        ++e;
      }
      return Classify(k + 1, e);
    }
    if (opcode::IsVerb(t_[k]) || t_[k] == Pos::kPp || l_[k] == ";") break;
  }
  return Subject{};
}

std::size_t SentenceCoder::ObjectHead(std::size_t from) const {
  for (std::size_t k = from; k < n_ && k < from + kObjectWindow; ++k) {
    if (opcode::IsNoun(t_[k])) return k;
    Pos p = t_[k];
    bool skip = p == Pos::kDet || p == Pos::kPdt || p == Pos::kPrps || opcode::IsAdjective(p) ||
                p == Pos::kCd || opcode::IsAdverb(p) || p == Pos::kPos || p == Pos::kVbn ||
                p == Pos::kVbg || p == Pos::kRp || l_[k] == "to" || l_[k] == "for";
    if (!skip) break;
  }
  return n_;
}

SentenceCoder::Object SentenceCoder::ObjectNouns(std::size_t from, std::size_t fronted) const {
  Object o;
  std::size_t k = ObjectHead(from);
  if (k >= n_) {
    if (fronted < n_) o.first = o.head = l_[fronted];
    return o;
  }
  o.first = o.head = l_[k];
  for (std::size_t j = k + 1; j < n_ && (opcode::IsNoun(t_[j]) || t_[j] == Pos::kPos); ++j) {
    if (opcode::IsNoun(t_[j])) o.head = l_[j];
  }
  return o;
}

const opcode::LexiconRule* SentenceCoder::SelectRule(std::string_view lemma,
                                                     std::string_view particle, std::size_t from,
                                                     std::size_t fronted) const {
  Object o = ObjectNouns(from, fronted);
  const opcode::LexiconRule* rule = lexicon_.Select(lemma, particle, o.head, false);
  if ((rule == nullptr || rule->objects.empty()) && o.first != o.head) {
    const opcode::LexiconRule* by_first = lexicon_.Select(lemma, particle, o.first, false);
    if (by_first != nullptr && !by_first->objects.empty()) rule = by_first;
  }
  return rule;
}

// Applies tense, modality and negation to the rule's category.
void ApplyRules(int base, VerbMode base_mode, const VerbGroup& g, int& category, VerbMode& mode) {
  if (base == 0) {
    category = 0;
    mode = base_mode;
    return;
  }
  int sign = base > 0 ? 1 : -1;
  int magnitude = std::abs(base);
  bool future = g.modality == Modality::kFuture;
  if (g.negated) {
    // "will not attack" promises (+2); "did not help", "do not support" oppose (-1).
    sign = -sign;
    magnitude = future ? 2 : 1;
  } else if (future) {
    // A deed or appeal announced for the future is a promise or a threat.
    if (magnitude != 2) magnitude = 2;
  } else if (g.modality != Modality::kNone) {
    // "must", "should", "can", "would": words, not deeds.
    if (magnitude == 3) magnitude = 1;
  }
  category = sign * magnitude;
  mode = magnitude == 3 ? VerbMode::kDeed : VerbMode::kWord;
}

const char* TenseName(const VerbGroup& g) {
  switch (g.modality) {
    case Modality::kFuture:
      return "future";
    case Modality::kDeontic:
    case Modality::kPossibility:
      return "modal";
    case Modality::kNone:
      break;
  }
  return g.past || g.perfect ? "past" : "present";
}

}  // namespace

void OpcodeCoder::CodeSentence(Session& session, std::string_view id, std::string_view sentence,
                               const SpeakerIdentity& speaker, std::vector<CodedVerb>* verbs,
                               TextCoding& coding) const {
  Session::State& st = *session.state_;
  st.segmenter.Words(sentence, st.words);
  ++coding.sentences;
  // Long runs without sentence punctuation are coded in pieces.
  std::vector<std::string_view> all;
  if (st.words.size() > kMaxSentenceTokens) all.swap(st.words);
  std::size_t offset = 0;
  do {
    if (!all.empty()) {
      std::size_t end = std::min(all.size(), offset + kMaxSentenceTokens);
      if (end < all.size()) {
        for (std::size_t k = end; k > offset + kMaxSentenceTokens / 2; --k) {
          if (all[k - 1] == ";" || all[k - 1] == ":" || all[k - 1] == ",") {
            end = k;
            break;
          }
        }
      }
      st.words.assign(all.begin() + static_cast<std::ptrdiff_t>(offset),
                      all.begin() + static_cast<std::ptrdiff_t>(end));
      offset = end;
    }
    const std::size_t n = st.words.size();
    if (st.lower.size() < n) st.lower.resize(n);
    st.quoted.assign(n, false);
    bool in_quote = false;
    for (std::size_t k = 0; k < n; ++k) {
      Lower(st.words[k], st.lower[k]);
      if (st.words[k] == "\"") in_quote = !in_quote;
      st.quoted[k] = in_quote;
      if (IsWordToken(st.words[k])) {
        ++coding.words;
        if (IsAlphaToken(st.words[k])) {
          ++coding.alphabetic_words;
          if (impl_->tagger.Knows(st.words[k])) ++coding.english_words;
        }
      }
    }
    impl_->tagger.Tag(st.words, st.tags);
    // "cannot" is always a (negated) modal, whatever the tagger's bigrams say.
    for (std::size_t k = 0; k < n; ++k) {
      if (st.lower[k] == "cannot") st.tags[k] = Pos::kMd;
      // A word the tagger has never seen, right after a modal, is a base-form
      // verb ("will tabulate"): its guess for unknown words favours nouns.
      if (k > 0 && st.tags[k - 1] == Pos::kMd && IsAlphaToken(st.words[k]) &&
          !impl_->tagger.Knows(st.words[k]) && st.words[k][0] >= 'a') {
        st.tags[k] = Pos::kVb;
      }
    }
    opcode::CorrectVerbTags(impl_->tagger, impl_->lexicon, st.words, st.lower, st.tags);
    const std::vector<std::string>& lower_view = st.lower;
    SentenceCoder sc(impl_->lexicon, speaker, st.words, st.tags, lower_view, st.quoted);
    sc.FindGroups(st.groups);
    Subject previous;
    Reporter reporter;
    opcode::LexiconRule fallback;  // the default-neutral rule's category 0
    fallback.source = "default-neutral";
    for (const VerbGroup& g : st.groups) {
      if (!g.finite) {
        continue;
      }
      Subject subject =
          g.subject_at < n ? sc.ClassifyAt(g.subject_at) : sc.FindSubject(g, previous);
      std::size_t pronoun = 0;
      if (!g.coordinated && IsReportedPronoun(st.lower, g.first, reporter, &pronoun)) {
        subject = reporter.subject;
        subject.text = std::string(st.words[pronoun]) + " (= " + reporter.subject.text + ")";
      }
      VerbGroup group = g;
      if (subject.found && subject.text == "us" && g.first >= 1 &&
          sc.LetPronounAt(g.first - 1) < n) {
        group.modality = Modality::kDeontic;  // "let us build": an appeal
      }
      if (subject.found) previous = subject;
      impl_->lexicon.Lemmas(lower_view[g.main], st.tags[g.main], st.lemmas);
      // A passive's surface subject is the patient: its doer is the by-agent
      // or unnamed, so the verb is coded even when the patient is no actor.
      if (!subject.found && !(g.passive && g.first > 0)) continue;
      if (!subject.found) subject.found = true;
      // Particle and object.
      // Particle: the word after the verb, or after its adverbs ("work
      // directly with"); the object: the noun phrase after the particle.
      std::string_view particle;
      std::size_t after = g.main + 1;
      auto is_particle = [&](std::size_t k) {
        return k < n && (st.tags[k] == Pos::kRp || st.tags[k] == Pos::kIn ||
                         st.tags[k] == Pos::kRb || st.tags[k] == Pos::kTo);
      };
      if (is_particle(after)) particle = lower_view[after];
      std::size_t later = after;
      while (later < n && opcode::IsAdverb(st.tags[later])) ++later;
      // In "the commitment we made" (a relative clause without a relative
      // pronoun) the noun before the pronoun subject is the object.
      std::size_t fronted = n;
      if (subject.found && subject.begin > 0 && st.tags[subject.begin] == Pos::kPrp &&
          opcode::IsNoun(st.tags[subject.begin - 1]) && !g.passive) {
        fronted = subject.begin - 1;
      }
      const opcode::LexiconRule* rule = nullptr;
      std::string_view lemma;
      bool adjectival = false;
      std::size_t particle_at = n;  // the particle the rule used, if any
      opcode::LexiconRule request_rule;
      if (g.request) {
        // "we expect the leaders to shoulder": a request to an actor (+1).
        request_rule.category = 1;
        request_rule.mode = VerbMode::kWord;
        request_rule.source = "request-to";
        request_rule.lemma =
            st.lemmas.empty()
                ? opcode::GuessVerbLemma(lower_view[g.main],
                                         impl_->lexicon.IrregularBase(lower_view[g.main]))
                : std::string(st.lemmas.front());
        rule = &request_rule;
        lemma = request_rule.lemma;
      }
      for (std::string_view candidate : st.lemmas) {
        if (rule != nullptr) break;
        if (g.passive) {
          // "we are concerned", "we are committed to": adjectival, not passive.
          rule = impl_->lexicon.Select(candidate, particle,
                                       sc.ObjectNouns(g.main + 1, fronted).head, true);
          if (rule != nullptr) adjectival = true;
        }
        if (rule == nullptr) {
          for (std::size_t at : {after, later}) {
            if (!is_particle(at)) continue;
            const opcode::LexiconRule* with_particle =
                sc.SelectRule(candidate, lower_view[at], at + 1, fronted);
            if (with_particle != nullptr && !with_particle->particles.empty()) {
              rule = with_particle;
              particle_at = at;
              break;
            }
          }
        }
        if (rule == nullptr) rule = sc.SelectRule(candidate, "", g.main + 1, fronted);
        if (rule != nullptr) {
          lemma = candidate;
          break;
        }
      }
      if (g.linking && !adjectival) continue;  // "remain unchanged": a state, not an act
      if (rule == nullptr) {
        // The default-neutral rule: a lexical verb with no rule is, by the
        // VICS rules, neutral (0) when its subject is an actor; the stop list
        // keeps copulas, auxiliaries and light verbs out.
        const bool base_form = st.tags[g.main] == Pos::kVb || st.tags[g.main] == Pos::kVbp;
        // A bare base form with no auxiliary, modal or control verb is an
        // infinitive coordinated with another ("to investigate, identify and
        // prosecute") or after "help/make X", not a finite verb.
        if (st.tags[g.main] == Pos::kVb && !g.has_aux && !g.via_control &&
            group.modality == Modality::kNone) {
          continue;
        }
        fallback.lemma = opcode::GuessVerbLemma(
            lower_view[g.main],
            base_form ? std::string_view() : impl_->lexicon.IrregularBase(lower_view[g.main]));
        if (!opcode::DefaultNeutralApplies(st.words[g.main], lower_view[g.main], fallback.lemma,
                                           st.tags[g.main])) {
          continue;
        }
        fallback.mode = opcode::DefaultNeutralMode(fallback.lemma);
        rule = &fallback;
        lemma = fallback.lemma;
      }
      bool passive = g.passive && !adjectival;
      if (passive) {
        Subject agent = sc.FindAgent(g);
        if (agent.found) {
          subject = agent;
        } else if (rule->category == 0) {
          continue;  // "it is well known": no doer and no valence, nothing to code
        } else {
          // An agentless passive: the doer is not named, so not the speaker.
          subject.actor = OpcodeActor::kOther;
          subject.text = "(unnamed agent)";
        }
      }
      reporter.found = false;
      if (!passive && kReportingVerbs.count(lemma) && IsNamedReporter(subject.text)) {
        reporter.found = true;
        reporter.verb_end = g.last;
        reporter.subject = subject;
      }
      int category = 0;
      VerbMode mode = VerbMode::kWord;
      ApplyRules(rule->category, rule->mode, group, category, mode);
      coding.counts.Add(subject.actor, category, mode);
      if (verbs != nullptr) {
        CodedVerb v;
        v.sentence_id = std::string(id);
        v.verb = std::string(st.words[g.main]);
        if (particle_at < n) {
          v.verb += ' ';
          v.verb += st.words[particle_at];
        }
        v.lemma = std::string(lemma);
        v.subject = subject.actor;
        v.subject_text = subject.text;
        v.category = category;
        v.mode = mode;
        v.tense = TenseName(group);
        v.negated = g.negated;
        v.passive = passive;
        v.lexicon_category = rule->category;
        v.rule = rule->source;
        verbs->push_back(std::move(v));
      }
    }
  } while (!all.empty() && offset < all.size());
}

TextCoding OpcodeCoder::CodeText(Session& session, std::string_view text,
                                 const SpeakerIdentity& speaker,
                                 std::vector<CodedVerb>* verbs) const {
  Session::State& st = *session.state_;
  TextCoding coding;
  st.normalized = opcode::NormalizeText(text);
  st.segmenter.Sentences(st.normalized, st.sentences);
  auto sentences = st.sentences;  // CodeSentence reuses the session's buffers
  std::string id;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    id = std::to_string(k + 1);
    std::string_view sentence(st.normalized.data() + sentences[k].first,
                              sentences[k].second - sentences[k].first);
    CodeSentence(session, id, sentence, speaker, verbs, coding);
  }
  coding.not_english = LooksForeign(coding);
  return coding;
}

std::string NormalizeForCoding(std::string_view text) {
  return opcode::NormalizeText(text);
}

bool LooksForeign(const TextCoding& coding) {
  return coding.alphabetic_words >= kMinWordsForLanguageCheck &&
         static_cast<double>(coding.english_words) <
             kMinEnglishShare * static_cast<double>(coding.alphabetic_words);
}

Status CheckCodableText(std::string_view source, std::string_view content) {
  if (content.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::Data(std::string(source) +
                        ": the file is empty: give a text with English sentences");
  }
  if (content.find('\0') != std::string_view::npos) {
    return Status::Data(
        std::string(source) +
        ": this is a binary file (it holds NUL bytes), not text: give a UTF-8 text file");
  }
  return Status::Ok();
}

}  // namespace entente
