// entente opcode FILE... | entente opcode --sentences FILE | entente opcode --corpus PATH
#include <unistd.h>

#include <chrono>
#include <iostream>

#include "cli/commands.h"
#include "core/csv_reader.h"
#include "entente/opcode.h"
#include "entente/opcode_corpus.h"
#include "entente/paths.h"

namespace entente::cli {
namespace {

struct OpcodeOptions {
  std::vector<std::string> files;
  std::string sentences;
  std::string corpus;
  std::string speaker;
  std::vector<std::string> self_terms;
  bool verbs = false;
  bool cameo_seed = false;
  std::string format;
  std::string out;
  int threads = 0;
  std::int64_t limit = 0;
  std::string lexicon_dir;
};

const char* SubjectName(OpcodeActor a) {
  return a == OpcodeActor::kSelf ? "self" : "other";
}
const char* ModeName(VerbMode m) {
  return m == VerbMode::kWord ? "word" : "deed";
}

Result<OpcodeCoder> LoadCoder(CliContext& ctx, const OpcodeOptions& o) {
  CoderOptions options;
  options.lexicon_dir = o.lexicon_dir;
  options.cameo_seed = o.cameo_seed;
  options.actors_file = ctx.ResolvedDataDir() + "/cameo/petrarch2_Phoenix.Countries.actors.txt";
  if (::access(options.actors_file.c_str(), R_OK) != 0) options.actors_file.clear();
  return OpcodeCoder::Load(options);
}

// The speaker's identity: the state's terms from the actor dictionary plus
// its registry names, and any --self terms.
Result<SpeakerIdentity> ResolveSpeaker(CliContext& ctx, const OpcodeCoder& coder,
                                       const OpcodeOptions& o) {
  if (o.speaker.empty()) return coder.Speaker("", o.self_terms);
  auto countries = ctx.Countries();
  if (!countries.ok()) return countries.status();
  auto country = (*countries)->Find(o.speaker);
  if (!country.ok()) return country.status();
  std::vector<std::string> extra = o.self_terms;
  extra.push_back((*country)->name);
  return coder.Speaker((*country)->iso3, extra);
}

void AddVerbRow(Table& table, const std::string& file, const CodedVerb& v, bool with_file) {
  std::vector<Cell> row;
  if (with_file) row.push_back(file);
  row.insert(row.end(),
             {v.sentence_id, v.verb, std::string(SubjectName(v.subject)), std::int64_t{v.category},
              std::string(ModeName(v.mode)), v.lemma, v.tense, std::int64_t{v.negated ? 1 : 0},
              std::int64_t{v.passive ? 1 : 0}, v.subject_text, v.rule});
  table.rows.push_back(std::move(row));
}

std::vector<std::string> VerbColumns(bool with_file) {
  std::vector<std::string> columns;
  if (with_file) columns.push_back("file");
  for (const char* c : {"id", "verb", "subject", "category", "mode", "lemma", "tense", "negated",
                        "passive", "subject_text", "rule"}) {
    columns.push_back(c);
  }
  return columns;
}

Status RunSentences(CliContext& ctx, const OpcodeOptions& o) {
  auto content = internal::ReadWholeFile(o.sentences);
  if (!content.ok()) return content.status();
  if (Status s = CheckCodableText(o.sentences, *content); !s.ok()) return s;
  auto format = ctx.Format(o.format);
  if (!format.ok()) return format.status();
  auto coder = LoadCoder(ctx, o);
  if (!coder.ok()) return coder.status();
  auto speaker = ResolveSpeaker(ctx, *coder, o);
  if (!speaker.ok()) return speaker.status();
  auto session = coder->NewSession();
  if (!session.ok()) return session.status();
  Table table;
  table.columns = VerbColumns(false);
  std::vector<CodedVerb> verbs;
  TextCoding coding;
  std::string_view rest = *content;
  std::size_t line_number = 0;
  while (!rest.empty()) {
    std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      return Status::Data(o.sentences + ":" + std::to_string(line_number) +
                          ": expected 'id<TAB>sentence' (no tab in '" +
                          std::string(line.substr(0, 60)) + "')");
    }
    std::string normalized = NormalizeForCoding(line.substr(tab + 1));
    verbs.clear();
    coder->CodeSentence(*session, line.substr(0, tab), normalized, *speaker, &verbs, coding);
    for (const CodedVerb& v : verbs) AddVerbRow(table, "", v, false);
  }
  if (LooksForeign(coding)) {
    return Status::Data(o.sentences + ": this does not look like English (only " +
                        std::to_string(coding.english_words) + " of " +
                        std::to_string(coding.alphabetic_words) +
                        " words are English words): entente codes English text only");
  }
  return ctx.WriteTable(o.out, table, *format);
}

Status RunFiles(CliContext& ctx, const OpcodeOptions& o) {
  auto format = ctx.Format(o.format);
  if (!format.ok()) return format.status();
  auto coder = LoadCoder(ctx, o);
  if (!coder.ok()) return coder.status();
  auto speaker = ResolveSpeaker(ctx, *coder, o);
  if (!speaker.ok()) return speaker.status();
  auto session = coder->NewSession();
  if (!session.ok()) return session.status();
  Table table;
  const bool many = o.files.size() > 1;
  if (o.verbs) {
    table.columns = VerbColumns(many);
  } else {
    table.columns = {"file", "words", "verbs", "self", "other", "reliable", "note"};
    for (const char* name : IndexNames()) table.columns.push_back(name);
    for (const char* name :
         {"p4b", "i5_punish", "i5_threaten", "i5_oppose", "i5_appeal", "i5_promise", "i5_reward"}) {
      table.columns.push_back(name);
    }
    for (const char* name : IndexNames()) table.columns.push_back(std::string("z_") + name);
    table.columns.push_back("norming_group");  // CSV and JSON carry no title: name it per row
  }
  for (const std::string& file : o.files) {
    auto content = internal::ReadWholeFile(file);
    if (!content.ok()) return content.status();
    if (Status s = CheckCodableText(file, *content); !s.ok()) return s;
    std::vector<CodedVerb> verbs;
    TextCoding coding = coder->CodeText(*session, *content, *speaker, o.verbs ? &verbs : nullptr);
    if (coding.not_english) {
      return Status::Data(file + ": this does not look like English (only " +
                          std::to_string(coding.english_words) + " of " +
                          std::to_string(coding.alphabetic_words) +
                          " words are English words): entente codes English text only");
    }
    if (o.verbs) {
      for (const CodedVerb& v : verbs) AddVerbRow(table, file, v, many);
      continue;
    }
    OpcodeIndices x = ComputeIndices(coding.counts);
    std::string note = ReliabilityNote(coding.words, coding.counts);
    std::vector<Cell> row = {file,
                             coding.words,
                             coding.counts.Total(),
                             coding.counts.Total(OpcodeActor::kSelf),
                             coding.counts.Total(OpcodeActor::kOther),
                             std::int64_t{note.empty() ? 1 : 0},
                             note};
    for (double v : IndexValues(x)) row.push_back(Number(v));
    row.push_back(Number(x.p4b));
    for (double v : x.i5) row.push_back(Number(v));
    for (double v : ZScores(x, WorldLeadersNorm())) row.push_back(Number(v));
    row.push_back(WorldLeadersNorm().name);
    table.rows.push_back(std::move(row));
  }
  if (!o.verbs) {
    table.title = "Operational code (VICS); z-scores against the " + WorldLeadersNorm().name +
                  " norming group (" + WorldLeadersNorm().source + ")";
  }
  return ctx.WriteTable(o.out, table, *format);
}

Status RunCorpus(CliContext& ctx, const OpcodeOptions& o) {
  auto format = ctx.Format(o.format.empty() ? "csv" : o.format);
  if (!format.ok()) return format.status();
  auto coder = LoadCoder(ctx, o);
  if (!coder.ok()) return coder.status();
  auto countries = ctx.Countries();
  if (!countries.ok()) return countries.status();
  auto store = ctx.OpenStore();
  if (!store.ok()) return store.status();
  CorpusOptions options;
  options.threads = o.threads;
  options.limit = o.limit;
  options.progress = ctx.Progress("coding speeches");
  auto start = std::chrono::steady_clock::now();
  auto coded = CodeCorpus(*coder, **countries, o.corpus, options);
  if (!coded.ok()) return coded.status();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto stored = StoreCorpusProfiles(**store, *coded);
  if (!stored.ok()) return stored.status();
  std::int64_t words = 0;
  for (const auto& s : coded->speeches) words += s.coding.words;
  if (!ctx.quiet) {
    std::cerr << "coded " << coded->speeches.size() << " texts, " << words << " words in "
              << static_cast<int>(seconds * 10) / 10.0 << " s ("
              << static_cast<std::int64_t>(static_cast<double>(words) / std::max(seconds, 1e-9))
              << " words/s); stored as import " << *stored << "\n";
    for (const std::string& note : coded->notes) std::cerr << "note: " << note << "\n";
  }
  Table table = CorpusTable(*coded);
  return ctx.WriteTable(o.out, table, *format);
}

Status RunOpcode(CliContext& ctx, const OpcodeOptions& o) {
  int modes =
      (o.files.empty() ? 0 : 1) + (o.sentences.empty() ? 0 : 1) + (o.corpus.empty() ? 0 : 1);
  if (modes != 1) {
    return Status::Usage(
        "give text FILEs, or --sentences FILE, or --corpus PATH (exactly one of them); see "
        "`entente opcode --help`");
  }
  if (!o.sentences.empty()) return RunSentences(ctx, o);
  if (!o.corpus.empty()) return RunCorpus(ctx, o);
  return RunFiles(ctx, o);
}

}  // namespace

void AddOpcodeCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<OpcodeOptions>();
  auto* cmd = app.add_subcommand(
      "opcode",
      "Operational code analysis (VICS) of English text: codes each verb's subject (self or "
      "other), category (-3 punish .. +3 reward, 0 neutral) and mode (word or deed), and computes "
      "P-1..P-5 and I-1..I-5 (docs/opcode.md).");
  cmd->footer(
      "Examples:\n"
      "  entente opcode speech.txt --speaker USA\n"
      "  entente opcode --sentences sentences.tsv --speaker CHN --format csv\n"
      "  entente --store s.sqlite opcode --corpus ../shared/data/ungd --format csv --out ungd.csv\n"
      "  entente --store s.sqlite opcode --corpus ../shared/data/speeches");
  cmd->add_option("FILES", o->files, "text files to code (one profile row per file)");
  cmd->add_option("--sentences", o->sentences,
                  "a file of 'id<TAB>sentence' lines: one output row per coded verb");
  cmd->add_option("--corpus", o->corpus,
                  "code a corpus into the store: the UN General Debate directory, archive "
                  "(UNGDC_*.tgz) or unpacked tree, or a leader corpus under speeches/");
  cmd->add_option("--speaker", o->speaker,
                  "the speaker's state (ISO3, name ...): its names, adjectives, government and "
                  "leaders count as self");
  cmd->add_option("--self", o->self_terms, "more words or names that mean self (repeatable)");
  cmd->add_flag("--verbs", o->verbs, "with FILEs: list the coded verbs instead of the profile");
  cmd->add_flag("--cameo-seed", o->cameo_seed,
                "add the CAMEO-seeded verbs (data/lexicons/vics_cameo_seed.tsv) to the lexicon");
  cmd->add_option("--lexicon", o->lexicon_dir,
                  "folder of the VICS lexicon (default: data/lexicons)");
  cmd->add_option("--format", o->format,
                  "table, csv or json (default: table on a terminal, else csv)");
  cmd->add_option("--out", o->out, "write to FILE instead of standard output");
  cmd->add_option("--threads", o->threads, "worker threads for --corpus (default: all cores)");
  cmd->add_option("--limit", o->limit, "with --corpus: code only the first N texts (a sample)");
  cmd->callback([&ctx, o] { ctx.status = RunOpcode(ctx, *o); });
}

}  // namespace entente::cli
