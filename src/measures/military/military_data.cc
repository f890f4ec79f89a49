// MilitaryData::Load: read every source, validate, merge and index by dyad.
#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

#include "core/csv_reader.h"
#include "measures/military/military_data_impl.h"

namespace entente {
namespace {

using internal::MilitaryFact;
using internal::MilitarySourceRead;

constexpr std::string_view kMidFile = "cow/mid_dyad_year.csv";
constexpr std::string_view kRivalryFile = "rivalries/thompson_dreyer.csv";
constexpr std::string_view kCoverageFile = "coverage.csv";

void Merge(MilitaryData::Impl& impl, MilitarySourceRead&& read) {
  const auto base = static_cast<std::int32_t>(impl.details.size());
  for (MilitaryFact& f : read.facts) {
    if (f.detail >= 0) f.detail += base;
    impl.facts.push_back(f);
  }
  for (auto& d : read.details) impl.details.push_back(std::move(d));
  impl.reports.push_back(std::move(read.report));
}

// Reads one dataset file into `impl`, or notes it missing.
template <typename Reader>
Status LoadDataset(MilitaryData::Impl& impl, const MilitaryDataOptions& options,
                   MilitarySource source, Reader&& reader) {
  const MilitarySourceInfo& info = MilitarySourceDescription(source);
  const std::string path = options.shared_data_dir + "/" + std::string(info.path);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (options.require_datasets) {
      return Status::NotFound("missing dataset '" + path + "' (" + std::string(info.citation) +
                              "): pass --data DIR, the folder holding atop/, sipri/, military/");
    }
    MilitarySourceReport report;
    report.id = std::string(info.id);
    report.note = "not found at " + path + ": its criteria are unknown";
    impl.reports.push_back(std::move(report));
    return Status::Ok();
  }
  auto text = internal::ReadWholeFile(path);
  if (!text.ok()) return text.status();
  auto read = reader(path, *text);
  if (!read.ok()) return read.status();
  impl.loaded[static_cast<int>(source)] = true;
  Merge(impl, std::move(read).value());
  return Status::Ok();
}

Status LoadTeamEvidence(MilitaryData::Impl& impl, const CountryRegistry& countries,
                        const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status::NotFound("evidence folder '" + dir +
                            "' not found (set ENTENTE_PROJECT_DATA or pass --evidence DIR)");
  }
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".csv") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  // Duplicates across files: (dyad, date, criterion, kind, name) once only.
  std::map<std::tuple<int, int, std::string, std::uint32_t, std::string, std::string>, std::string>
      seen;
  MilitarySourceReport total;
  total.id = "team";
  total.file = dir;
  std::string covered;
  for (const std::string& path : files) {
    auto text = internal::ReadWholeFile(path);
    if (!text.ok()) return text.status();
    if (std::filesystem::path(path).filename() == kCoverageFile) {
      auto coverage = internal::ReadEvidenceCoverage(path, *text, countries);
      if (!coverage.ok()) return coverage.status();
      for (auto& c : *coverage) impl.coverage.push_back(c);
      covered = "; coverage declared in " + std::string(kCoverageFile);
      continue;
    }
    auto read = internal::ReadMilitaryEvidence(path, *text, countries);
    if (!read.ok()) return read.status();
    for (const MilitaryFact& f : read->facts) {
      const auto& d = read->details[f.detail];
      auto key = std::make_tuple(f.ccode_a, f.ccode_b, d.date, f.kinds, d.kind, d.name);
      auto [it, inserted] = seen.try_emplace(key, d.reference);
      if (!inserted && it->second != d.reference) {
        return Status::Data(d.reference + ": duplicate of " + it->second +
                            " (same dyad, date, criterion, kind and name)");
      }
    }
    total.rows_read += read->report.rows_read;
    total.rows_used += read->report.rows_used;
    read->report = MilitarySourceReport{};
    const auto base = static_cast<std::int32_t>(impl.details.size());
    for (MilitaryFact& f : read->facts) {
      f.detail += base;
      impl.facts.push_back(f);
    }
    for (auto& d : read->details) impl.details.push_back(std::move(d));
  }
  if (files.empty()) return Status::NotFound("no evidence files (*.csv) in '" + dir + "'");
  total.note = std::to_string(files.size()) + " files" + covered;
  impl.reports.push_back(std::move(total));
  impl.loaded[static_cast<int>(MilitarySource::kTeam)] = true;
  return Status::Ok();
}

void BuildIndex(MilitaryData::Impl& impl) {
  std::stable_sort(impl.facts.begin(), impl.facts.end(),
                   [](const MilitaryFact& x, const MilitaryFact& y) {
                     if (x.ccode_a != y.ccode_a) return x.ccode_a < y.ccode_a;
                     return x.ccode_b < y.ccode_b;
                   });
  std::sort(impl.coverage.begin(), impl.coverage.end(), [](const auto& x, const auto& y) {
    return std::tie(x.ccode_a, x.ccode_b) < std::tie(y.ccode_a, y.ccode_b);
  });
  using Key = std::uint32_t;
  auto slices = [&](const auto& items, auto member_begin, auto member_end) {
    for (std::size_t i = 0; i < items.size();) {
      std::size_t j = i;
      while (j < items.size() && items[j].ccode_a == items[i].ccode_a &&
             items[j].ccode_b == items[i].ccode_b) {
        ++j;
      }
      Key key = MilitaryData::Impl::Key(items[i].ccode_a, items[i].ccode_b);
      MilitaryDyadRange& r = impl.dyads[key];
      r.*member_begin = static_cast<std::uint32_t>(i);
      r.*member_end = static_cast<std::uint32_t>(j);
      i = j;
    }
  };
  impl.dyads.reserve(impl.facts.size() / 4 + impl.mids.size() / 4 + 16);
  slices(impl.facts, &MilitaryDyadRange::fact_begin, &MilitaryDyadRange::fact_end);
  slices(impl.mids, &MilitaryDyadRange::mid_begin, &MilitaryDyadRange::mid_end);
  slices(impl.rivalries, &MilitaryDyadRange::rivalry_begin, &MilitaryDyadRange::rivalry_end);
  slices(impl.coverage, &MilitaryDyadRange::coverage_begin, &MilitaryDyadRange::coverage_end);
}

}  // namespace

MilitaryData::MilitaryData(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MilitaryData::MilitaryData(MilitaryData&&) noexcept = default;
MilitaryData& MilitaryData::operator=(MilitaryData&&) noexcept = default;
MilitaryData::~MilitaryData() = default;

const std::vector<MilitarySourceReport>& MilitaryData::reports() const {
  return impl_->reports;
}

Result<MilitaryData> MilitaryData::Load(const CountryRegistry& countries,
                                        const MilitaryDataOptions& options,
                                        const ProgressFn& progress) {
  auto impl = std::make_unique<Impl>();
  constexpr std::uint64_t kSteps = 8;
  std::uint64_t step = 0;
  auto tick = [&] {
    if (progress) progress(++step, kSteps);
  };
  if (Status s = LoadTeamEvidence(*impl, countries, options.evidence_dir); !s.ok()) return s;
  tick();
  if (Status s = LoadDataset(*impl, options, MilitarySource::kAtop,
                             [](const std::string& path, std::string_view text) {
                               return internal::ReadAtopDyadYears(path, text);
                             });
      !s.ok()) {
    return s;
  }
  tick();
  if (Status s = LoadDataset(*impl, options, MilitarySource::kSipri,
                             [&](const std::string& path, std::string_view text) {
                               return internal::ReadSipriRegister(path, text, countries);
                             });
      !s.ok()) {
    return s;
  }
  tick();
  if (Status s = LoadDataset(*impl, options, MilitarySource::kMme,
                             [&](const std::string& path, std::string_view text) {
                               return internal::ReadMmeExercises(path, text, countries);
                             });
      !s.ok()) {
    return s;
  }
  tick();
  if (Status s = LoadDataset(*impl, options, MilitarySource::kUsTroops,
                             [&](const std::string& path, std::string_view text) {
                               return internal::ReadUsTroops(path, text, countries);
                             });
      !s.ok()) {
    return s;
  }
  tick();
  if (Status s = LoadDataset(*impl, options, MilitarySource::kUsBases,
                             [&](const std::string& path, std::string_view text) {
                               return internal::ReadUsBases(path, text, countries);
                             });
      !s.ok()) {
    return s;
  }
  tick();
  // Counter-evidence.
  for (int which = 0; which < 2; ++which) {
    const std::string path =
        options.shared_data_dir + "/" + std::string(which == 0 ? kMidFile : kRivalryFile);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      if (options.require_datasets) {
        return Status::NotFound("missing dataset '" + path + "': pass --data DIR");
      }
      MilitarySourceReport report;
      report.id = which == 0 ? "mids" : "rivalries";
      report.note = "not found at " + path;
      impl->reports.push_back(std::move(report));
      continue;
    }
    auto text = internal::ReadWholeFile(path);
    if (!text.ok()) return text.status();
    MilitarySourceReport report;
    if (which == 0) {
      auto mids = internal::ReadMidDyadYears(path, *text, &report);
      if (!mids.ok()) return mids.status();
      impl->mids = std::move(mids).value();
      impl->mids_loaded = true;
    } else {
      auto rivalries = internal::ReadRivalries(path, *text, &report);
      if (!rivalries.ok()) return rivalries.status();
      impl->rivalries = std::move(rivalries).value();
      impl->rivalries_loaded = true;
    }
    impl->reports.push_back(std::move(report));
    tick();
  }
  BuildIndex(*impl);
  return MilitaryData(std::move(impl));
}

}  // namespace entente
