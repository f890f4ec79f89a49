#include "entente/vote_panel_csv.h"

#include <algorithm>
#include <thread>

#include "entente/table.h"

namespace entente {
namespace {

void AppendSimilarity(std::string& out, const VoteSimilarity& s, int decimals) {
  out += ',';
  AppendInt(out, s.n);
  for (double value : {s.agree, s.s, s.s_squared, s.pi, s.kappa}) {
    out += ',';
    AppendFixed(out, value, decimals);
  }
}

std::int64_t FormatPeriod(const VotePanel& panel, int p, const PanelCsvOptions& options,
                          std::string& out) {
  std::int64_t rows = 0;
  std::string label;
  AppendInt(label, panel.period_label(p));
  panel.ForEachDyad(p, options.subsets, [&](int c1, int c2, const std::vector<VoteTable>& tables) {
    AppendInt(out, c1);
    out += ',';
    AppendInt(out, c2);
    out += ',';
    out += label;
    for (const VoteTable& t : tables) AppendSimilarity(out, MeasureSimilarity(t), options.decimals);
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
  std::int64_t rows = 0;
  // Periods are formatted in chunks, in parallel, then written in order, so
  // memory stays bounded by one chunk of text.
  const int chunk = threads * 2;
  std::vector<std::string> text(chunk);
  std::vector<std::int64_t> counts(chunk);
  for (int start = 0; start < periods; start += chunk) {
    const int end = std::min(periods, start + chunk);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([&, t] {
        for (int p = start + t; p < end; p += threads) {
          text[p - start].clear();
          counts[p - start] = FormatPeriod(panel, p, options, text[p - start]);
        }
      });
    }
    for (auto& w : workers) w.join();
    for (int p = start; p < end; ++p) {
      out.write(text[p - start].data(), static_cast<std::streamsize>(text[p - start].size()));
      rows += counts[p - start];
    }
  }
  if (!out) return Status::Io("write failed (disk full?)");
  return rows;
}

}  // namespace entente
