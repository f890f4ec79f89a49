#include "entente/vote_panel_csv.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "entente/table.h"

namespace entente {
namespace {

// The columns n,agree,s,s2,pi,kappa of one vote table, each after a comma.
//
// Dyads of a period often have the same table on an issue subset (a few roll
// calls, most states voting alike): in 1946-2015, 83-94% of the tables on an
// issue subset repeat one seen earlier that year (27% on all roll calls). So
// the text is remembered and copied, in a small direct-mapped memo per subset:
// a table that is not in its slot is measured, formatted and put there.
class SimilarityText {
 public:
  SimilarityText(int decimals, std::size_t subsets)
      : decimals_(decimals), slots_(subsets * kSlotsPerSubset) {}

  void Append(std::string& out, std::size_t subset, const VoteTable& table) {
    if (table.n() == 0) {
      out += ",0,,,,,";  // every measure is missing
      return;
    }
    Slot& slot = slots_[subset * kSlotsPerSubset + Hash(table) % kSlotsPerSubset];
    if (slot.length == 0 || slot.table.counts != table.counts) {
      slot.table = table;
      slot.offset = text_.size();
      Format(table);
      slot.length = text_.size() - slot.offset;
    }
    out.append(text_, slot.offset, slot.length);
  }

 private:
  static constexpr std::size_t kSlotsPerSubset = 512;
  struct Slot {
    VoteTable table;
    std::size_t offset = 0;  // of its text in text_
    std::size_t length = 0;  // 0: the slot is empty
  };

  static std::size_t Hash(const VoteTable& t) {
    std::uint64_t h = 0;
    for (const auto& row : t.counts) {
      for (std::int64_t c : row) h = (h ^ static_cast<std::uint64_t>(c)) * 0x9E3779B97F4A7C15u;
    }
    return static_cast<std::size_t>(h >> 32);
  }

  void Format(const VoteTable& table) {
    const VoteSimilarity s = MeasureSimilarity(table);
    text_ += ',';
    AppendInt(text_, s.n);
    for (double value : {s.agree, s.s, s.s_squared, s.pi, s.kappa}) {
      text_ += ',';
      AppendFixed(text_, value, decimals_);
    }
  }

  int decimals_;
  std::vector<Slot> slots_;
  std::string text_;  // the text of every table measured in the period, back to back
};

// Formats the rows of period `p`. The vote tables are popcounts (the inner
// loop of VotePanel::ForEachDyad, inlined here): on processors with the popcnt
// instruction a clone of this function uses it instead of the generic
// bit-twiddling routine the baseline x86-64 target would call.
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__) && \
    !defined(__SANITIZE_ADDRESS__)
__attribute__((flatten, target_clones("popcnt", "default")))
#endif
std::int64_t
FormatPeriod(const VotePanel& panel, int p, const PanelCsvOptions& options, std::string& out) {
  std::int64_t rows = 0;
  std::string label;
  AppendInt(label, panel.period_label(p));
  SimilarityText similarity(options.decimals, options.subsets.size());
  panel.ForEachDyad(p, options.subsets, [&](int c1, int c2, const std::vector<VoteTable>& tables) {
    AppendInt(out, c1);
    out += ',';
    AppendInt(out, c2);
    out += ',';
    out += label;
    for (std::size_t k = 0; k < tables.size(); ++k) similarity.Append(out, k, tables[k]);
    out += '\n';
    ++rows;
  });
  return rows;
}

}  // namespace

Result<std::int64_t> WriteVotePanelCsv(const VotePanel& panel, const PanelCsvOptions& options,
                                       std::ostream& out) {
  if (options.subsets.empty()) return Status::Usage("no roll-call subset requested");
  out << "ccode1,ccode2," << (panel.grouping() == VoteGrouping::kYear ? "year" : "session");
  for (std::size_t k = 0; k < options.subsets.size(); ++k) {
    std::string suffix = k == 0 ? "" : std::string("_") + RollCallSubsetName(options.subsets[k]);
    for (const char* name : {"n", "agree", "s", "s2", "pi", "kappa"}) out << ',' << name << suffix;
  }
  out << '\n';

  const int threads = options.threads > 0
                          ? options.threads
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  const int periods = panel.period_count();

  // Workers format periods in order, each into a slot of a ring of buffers;
  // this thread writes the slots out in period order as they complete, so
  // writing overlaps formatting. A worker formats period p only once period
  // p - ring has been written, which bounds memory to `ring` periods of text
  // (and lets the buffers be reused without allocating again).
  struct Slot {
    std::string text;
    std::int64_t rows = 0;
    bool ready = false;
  };
  const int ring = 2 * threads + 2;
  std::vector<Slot> slots(static_cast<std::size_t>(ring));
  std::mutex mutex;
  std::condition_variable slot_ready;  // a period was formatted
  std::condition_variable slot_free;   // a period was written
  int next_period = 0;                 // the next period to hand to a worker
  int written = 0;                     // periods written so far
  bool failed = false;                 // a write failed: stop the workers

  auto work = [&] {
    for (;;) {
      int p;
      {
        std::unique_lock lock(mutex);
        slot_free.wait(
            lock, [&] { return failed || next_period >= periods || next_period < written + ring; });
        if (failed || next_period >= periods) return;
        p = next_period++;
      }
      Slot& slot = slots[static_cast<std::size_t>(p % ring)];
      slot.text.clear();
      slot.rows = FormatPeriod(panel, p, options, slot.text);
      {
        std::lock_guard lock(mutex);
        slot.ready = true;
      }
      slot_ready.notify_one();
    }
  };
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) workers.emplace_back(work);

  std::int64_t rows = 0;
  for (int p = 0; p < periods; ++p) {
    Slot& slot = slots[static_cast<std::size_t>(p % ring)];
    {
      std::unique_lock lock(mutex);
      slot_ready.wait(lock, [&] { return slot.ready; });
    }
    out.write(slot.text.data(), static_cast<std::streamsize>(slot.text.size()));
    rows += slot.rows;
    if (options.progress) {
      options.progress(static_cast<std::uint64_t>(p + 1), static_cast<std::uint64_t>(periods));
    }
    {
      std::lock_guard lock(mutex);
      slot.ready = false;
      written = p + 1;
      failed = !out;
    }
    slot_free.notify_all();
    if (failed) break;
  }
  for (auto& w : workers) w.join();
  if (!out) return Status::Io("write failed (disk full?)");
  return rows;
}

}  // namespace entente
