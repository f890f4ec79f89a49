// Corpus coding on all cores and the store's opcode_speeches table.
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "core/csv_reader.h"
#include "entente/opcode_corpus.h"
#include "store/sqlite.h"

namespace entente {
namespace {

// Texts waiting for a coding thread; bounded so that reading never runs far
// ahead of coding (memory stays flat on the 214 MB corpus).
constexpr std::size_t kQueueCapacity = 64;

struct Job {
  std::size_t index;
  SpeechDoc doc;
  std::shared_ptr<const SpeakerIdentity> speaker;
};

// Surname and full name of a speaker: "Mr. Barack Obama" -> "barack obama", "obama".
std::vector<std::string> NameTerms(const std::string& speaker) {
  std::vector<std::string> terms;
  std::string name = speaker;
  for (const char* title : {"Mr. ", "Mrs. ", "Ms. ", "Dr. ", "H.E. ", "Sir "}) {
    if (name.rfind(title, 0) == 0) name = name.substr(std::string(title).size());
  }
  if (name.empty()) return terms;
  terms.push_back(name);
  std::size_t space = name.rfind(' ');
  if (space != std::string::npos && name.size() - space > 3)
    terms.push_back(name.substr(space + 1));
  return terms;
}

std::string UtcNow() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

// Sets the speaker's state and its COW code for the text's year. A UN
// General Debate file is named by the ISO3 code of the seat's present holder;
// where another delegation held the seat (CHN before 1971-10-25: the Republic
// of China), the speech is filed under that delegation (docs/countries.md
// section 5).
void ResolveSpeakerState(const CountryRegistry& countries, SpeechDoc& doc) {
  const DateKey date = MakeDateKey(doc.year, 7, 1);
  if (doc.corpus == "ungd") {
    if (auto seat = countries.UnSeatOccupant(doc.iso3, date)) {
      doc.ccode = *seat;
      const Country* delegation = countries.ByCcode(*seat);
      if (delegation != nullptr && !delegation->iso3.empty()) doc.iso3 = delegation->iso3;
      return;
    }
  }
  if (auto cc = countries.CcodeForIso3(doc.iso3, date)) doc.ccode = *cc;
}

}  // namespace

Result<CorpusCoding> CodeCorpus(const OpcodeCoder& coder, const CountryRegistry& countries,
                                const std::string& path, const CorpusOptions& options) {
  CorpusCoding result;
  result.path = path;
  int threads = options.threads > 0
                    ? options.threads
                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

  std::mutex mutex;
  std::condition_variable not_empty;
  std::condition_variable not_full;
  std::deque<Job> queue;
  bool done_reading = false;
  Status worker_status;
  std::vector<SpeechProfile> profiles;
  std::uint64_t coded = 0;
  std::uint64_t read = 0;

  auto worker = [&] {
    try {
      auto session = coder.NewSession();
      if (!session.ok()) {
        std::lock_guard<std::mutex> lock(mutex);
        worker_status = session.status();
        not_full.notify_all();
        return;
      }
      while (true) {
        Job job;
        {
          std::unique_lock<std::mutex> lock(mutex);
          not_empty.wait(lock,
                         [&] { return !queue.empty() || done_reading || !worker_status.ok(); });
          if (!worker_status.ok() || queue.empty()) return;
          job = std::move(queue.front());
          queue.pop_front();
          not_full.notify_one();
        }
        SpeechProfile profile;
        profile.coding = coder.CodeText(*session, job.doc.text, *job.speaker, nullptr);
        if (profile.coding.not_english) profile.coding.counts = OpcodeCounts{};
        profile.indices = ComputeIndices(profile.coding.counts);
        job.doc.text.clear();
        job.doc.text.shrink_to_fit();
        profile.doc = std::move(job.doc);
        std::lock_guard<std::mutex> lock(mutex);
        if (profiles.size() <= job.index) profiles.resize(job.index + 1);
        profiles[job.index] = std::move(profile);
        ++coded;
        if (options.progress) options.progress(coded, std::max(read, coded));
      }
    } catch (const std::exception& e) {
      std::lock_guard<std::mutex> lock(mutex);
      worker_status = Status::Internal(std::string("coding failed: ") + e.what());
      not_full.notify_all();
    }
  };

  std::vector<std::thread> pool;
  for (int k = 0; k < threads; ++k) pool.emplace_back(worker);

  std::map<std::string, std::shared_ptr<const SpeakerIdentity>> identities;
  std::size_t next_index = 0;
  Status read_status = ReadCorpus(
      path,
      [&](SpeechDoc&& doc) -> Status {
        ResolveSpeakerState(countries, doc);
        std::string key = doc.iso3 + "\t" + doc.speaker;
        auto it = identities.find(key);
        if (it == identities.end()) {
          std::vector<std::string> extra = NameTerms(doc.speaker);
          if (const Country* c = countries.ByCcode(doc.ccode)) extra.push_back(c->name);
          it = identities
                   .emplace(key,
                            std::make_shared<const SpeakerIdentity>(coder.Speaker(doc.iso3, extra)))
                   .first;
        }
        std::unique_lock<std::mutex> lock(mutex);
        not_full.wait(lock, [&] { return queue.size() < kQueueCapacity || !worker_status.ok(); });
        if (!worker_status.ok()) return worker_status;
        queue.push_back(Job{next_index++, std::move(doc), it->second});
        ++read;
        not_empty.notify_one();
        return Status::Ok();
      },
      &result.corpora, &result.notes, options.limit);
  {
    std::lock_guard<std::mutex> lock(mutex);
    done_reading = true;
    not_empty.notify_all();
  }
  for (std::thread& t : pool) t.join();
  if (!read_status.ok()) return read_status;
  if (!worker_status.ok()) return worker_status;
  if (profiles.empty()) {
    return Status::Data("corpus '" + path + "' holds no text entente could read");
  }
  std::int64_t foreign = 0;
  for (const SpeechProfile& p : profiles) foreign += p.coding.not_english ? 1 : 0;
  if (foreign > 0) {
    result.notes.push_back(std::to_string(foreign) +
                           " texts did not look like English and were not coded");
  }
  result.speeches = std::move(profiles);
  return result;
}

Result<std::int64_t> StoreCorpusProfiles(Store& store, const CorpusCoding& coding) {
  internal::Database& db = store.database();
  std::int64_t import_id = 0;
  Status s = internal::InTransaction(db, [&]() -> Status {
    for (const std::string& corpus : coding.corpora) {
      auto del = db.Prepare("DELETE FROM opcode_speeches WHERE corpus = ?1");
      if (!del.ok()) return del.status();
      del->Bind(1, std::string_view(corpus));
      if (Status r = del->Run(); !r.ok()) return r;
    }
    // Coding runs whose speeches have all been replaced leave no trace.
    if (Status r = db.Exec("DELETE FROM imports WHERE kind LIKE 'opcode-%' AND id NOT IN "
                           "(SELECT DISTINCT import_id FROM opcode_speeches)");
        !r.ok()) {
      return r;
    }
    std::string kind = "opcode";
    for (const std::string& corpus : coding.corpora) kind += "-" + corpus;
    std::string now = UtcNow();
    // A coding run, not a file: its id hashes the path, the time and the counts.
    std::string run_id = internal::Sha256Hex(
        kind + "\n" + coding.path + "\n" + now + "\n" + std::to_string(coding.speeches.size()) +
        "\n" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    auto imp = db.Prepare(
        "INSERT INTO imports (kind, file, sha256, rows_read, rows_accepted, rows_rejected, "
        "imported_at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!imp.ok()) return imp.status();
    std::int64_t rejected = 0;
    for (const auto& p : coding.speeches) rejected += p.coding.not_english ? 1 : 0;
    std::string note;
    for (const std::string& n : coding.notes) note += (note.empty() ? "" : "; ") + n;
    imp->Bind(1, std::string_view(kind.size() > 6 && coding.corpora.size() == 1
                                      ? "opcode-" + coding.corpora[0]
                                      : kind));
    imp->Bind(2, std::string_view(coding.path));
    imp->Bind(3, std::string_view(run_id));
    imp->Bind(4, static_cast<std::int64_t>(coding.speeches.size()));
    imp->Bind(5, static_cast<std::int64_t>(coding.speeches.size()) - rejected);
    imp->Bind(6, rejected);
    imp->Bind(7, std::string_view(now));
    imp->Bind(8, std::string_view(note));
    if (Status r = imp->Run(); !r.ok()) return r;
    import_id = db.LastInsertRowId();
    auto ins = db.Prepare(
        "INSERT OR REPLACE INTO opcode_speeches (corpus, doc, iso3, ccode, year, date, speaker, "
        "post, words, sentences, verbs, s_m3, s_m2, s_m1, s_0, s_p1, s_p2, s_p3, o_m3, o_m2, o_m1, "
        "o_0, o_p1, o_p2, o_p3, s_0_deeds, o_0_deeds, p1, p2, p3, p4, p5, i1, i2, i3, i4a, i4b, "
        "reliable, not_english, import_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
        "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, "
        "?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40)");
    if (!ins.ok()) return ins.status();
    for (const SpeechProfile& p : coding.speeches) {
      const SpeechDoc& d = p.doc;
      const OpcodeCounts& c = p.coding.counts;
      int k = 1;
      ins->Bind(k++, std::string_view(d.corpus));
      ins->Bind(k++, std::string_view(d.doc));
      ins->Bind(k++, std::string_view(d.iso3));
      if (d.ccode == 0) {
        ins->BindNull(k++);
      } else {
        ins->Bind(k++, static_cast<std::int64_t>(d.ccode));
      }
      ins->Bind(k++, static_cast<std::int64_t>(d.year));
      if (d.date.empty()) {
        ins->BindNull(k++);
      } else {
        ins->Bind(k++, std::string_view(d.date));
      }
      ins->Bind(k++, std::string_view(d.speaker));
      ins->Bind(k++, std::string_view(d.post));
      ins->Bind(k++, p.coding.words);
      ins->Bind(k++, p.coding.sentences);
      ins->Bind(k++, c.Total());
      for (int a = 0; a < 2; ++a) {
        for (int cat = 0; cat < kVicsCategories; ++cat) ins->Bind(k++, c.counts[a][cat]);
      }
      ins->Bind(k++, c.neutral_deeds[0]);
      ins->Bind(k++, c.neutral_deeds[1]);
      for (double v : IndexValues(p.indices)) {
        if (std::isnan(v)) {
          ins->BindNull(k++);
        } else {
          ins->Bind(k++, v);
        }
      }
      ins->Bind(k++, static_cast<std::int64_t>(IsReliable(p.coding.words, c) ? 1 : 0));
      ins->Bind(k++, static_cast<std::int64_t>(p.coding.not_english ? 1 : 0));
      ins->Bind(k++, import_id);
      if (Status r = ins->Run(); !r.ok()) return r;
      ins->Reset();
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return import_id;
}

Table CorpusTable(const CorpusCoding& coding) {
  Table table;
  table.columns = {"corpus", "doc",   "iso3",  "year", "date",  "speaker",
                   "post",   "words", "verbs", "self", "other", "reliable"};
  for (const char* name : IndexNames()) table.columns.push_back(name);
  static const char* kCounts[] = {"m3", "m2", "m1", "0", "p1", "p2", "p3"};
  for (const char* side : {"s_", "o_"}) {
    for (const char* c : kCounts) table.columns.push_back(std::string(side) + c);
  }
  for (const SpeechProfile& p : coding.speeches) {
    const SpeechDoc& d = p.doc;
    const OpcodeCounts& c = p.coding.counts;
    std::vector<Cell> row = {d.corpus,
                             d.doc,
                             d.iso3,
                             std::int64_t{d.year},
                             d.date,
                             d.speaker,
                             d.post,
                             p.coding.words,
                             c.Total(),
                             c.Total(OpcodeActor::kSelf),
                             c.Total(OpcodeActor::kOther),
                             std::int64_t{IsReliable(p.coding.words, c) ? 1 : 0}};
    for (double v : IndexValues(p.indices)) row.push_back(Number(v));
    for (int a = 0; a < 2; ++a) {
      for (int cat = 0; cat < kVicsCategories; ++cat) row.push_back(c.counts[a][cat]);
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace entente
