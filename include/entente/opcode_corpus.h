// Corpus mode of the operational code coder: reads speech corpora in place
// (gzipped tar archives through libarchive, unpacked trees, CSV and XML
// collections), codes every text on all cores, and stores one profile per
// speech in the store (table opcode_speeches, docs/schema.md).
//
// Corpora recognised under --corpus PATH (docs/opcode.md "Corpora"):
// - ungd: the UN General Debate corpus: a directory holding UNGDC_*.tgz (and
//   speakers.csv), the archive itself, or an unpacked tree of
//   ISO3_NN_YYYY.txt files; speakers from speakers.csv beside it.
// - kremlin: speeches/kremlin (items.tgz + index.csv): only the turns of the
//   President ("Vladimir Putin:", "President of Russia Vladimir Putin:",
//   "Dmitry Medvedev:"); items without such turns (news) are skipped.
// - au_pm: speeches/au_pm (transcripts.tgz of XML): the Prime Minister's
//   turns in interviews, the whole text of speeches and releases.
// - miller: speeches/us_president/miller_center.tgz ("President: NAME").
// - radio: speeches/us_president/weekly_radio_addresses.csv.
// - xi: speeches/xi/*.csv (one row per paragraph).
// - speeches: the speeches/ directory: all five leader corpora.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "entente/countries.h"
#include "entente/opcode.h"
#include "entente/status.h"
#include "entente/store.h"
#include "entente/table.h"

namespace entente {

// One text of a corpus, as read.
struct SpeechDoc {
  std::string corpus;  // ungd, kremlin, au_pm, miller, radio, xi
  std::string doc;     // member or file name, unique within the corpus
  std::string iso3;    // the speaker's state
  int ccode = 0;       // its COW code that year (0 when none); set by CodeCorpus
  int year = 0;
  std::string date;     // YYYY-MM-DD when known, else ""
  std::string speaker;  // as the source names the speaker
  std::string post;     // office, when the source gives it
  std::string text;     // the speaker's own words only
};

// A coded text: its metadata (text dropped) and coding.
struct SpeechProfile {
  SpeechDoc doc;
  TextCoding coding;
  OpcodeIndices indices;
};

struct CorpusCoding {
  std::string path;
  std::vector<std::string> corpora;     // which corpora were read
  std::vector<SpeechProfile> speeches;  // in reading order
  std::vector<std::string> notes;       // skipped members and why
};

struct CorpusOptions {
  int threads = 0;  // coding threads; 0: all cores
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
  // Stop after this many texts (0: all): for tests and samples.
  std::int64_t limit = 0;
};

// Reads the corpus at `path` and calls `sink` with each text in order.
// Errors name the file (and member) that failed.
Status ReadCorpus(const std::string& path, const std::function<Status(SpeechDoc&&)>& sink,
                  std::vector<std::string>* corpora, std::vector<std::string>* notes,
                  std::int64_t limit = 0);

// Reads and codes every text of the corpus at `path`. Self is the speaker's
// state (actor dictionary and registry names) and the speaker's own name.
Result<CorpusCoding> CodeCorpus(const OpcodeCoder& coder, const CountryRegistry& countries,
                                const std::string& path, const CorpusOptions& options);

// Replaces the store's profiles of the corpora in `coding` (one transaction,
// with a provenance row per run). Returns the import id.
Result<std::int64_t> StoreCorpusProfiles(Store& store, const CorpusCoding& coding);

// One row per speech: corpus, doc, iso3, year, date, speaker, post, words,
// verbs, self, other, reliable, p1..p5, i1, i2, i3, i4a, i4b and the category
// counts.
Table CorpusTable(const CorpusCoding& coding);

}  // namespace entente
