#include "cli/context.h"

#include <unistd.h>

#include <filesystem>

#include "cli/progress_bar.h"
#include "entente/paths.h"

namespace entente::cli {

Result<Store*> CliContext::OpenStore() {
  if (!store_) {
    std::string path = store_path.empty() ? Store::DefaultPath() : store_path;
    std::error_code ec;
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    auto store = Store::Open(path);
    if (!store.ok()) return store.status();
    store_.emplace(std::move(store).value());
  }
  return &*store_;
}

std::string CliContext::ResolvedDataDir() const {
  return ResolveDataDir(data_dir);
}

Result<const CountryRegistry*> CliContext::Countries() {
  if (!countries_) {
    auto registry = CountryRegistry::Load(ResolvedDataDir());
    if (!registry.ok()) {
      return Status::Data(registry.status().message() +
                          " (entente reads country codes from the shared data directory: pass "
                          "--data DIR or set ENTENTE_DATA)");
    }
    countries_.emplace(std::move(registry).value());
  }
  return &*countries_;
}

Result<DyadKeys> CliContext::ResolveDyad(const std::vector<std::string>& keys) {
  if (keys.size() != 2) return Status::Usage("a dyad needs exactly two country keys");
  auto countries = Countries();
  if (!countries.ok()) return countries.status();
  auto a = (*countries)->Find(keys[0]);
  if (!a.ok()) return a.status();
  auto b = (*countries)->Find(keys[1]);
  if (!b.ok()) return b.status();
  if (*a == *b) {
    return Status::Usage("a dyad needs two different states ('" + keys[0] + "' and '" + keys[1] +
                         "' both name " + (*a)->name + ")");
  }
  return DyadKeys{*a, *b};
}

ProgressFn CliContext::Progress(const std::string& label) {
  if (quiet || !isatty(STDERR_FILENO)) return nullptr;
  auto bar = std::make_shared<ProgressBar>(label);
  return [bar](std::uint64_t done, std::uint64_t total) { bar->Update(done, total); };
}

Result<OutputFormat> CliContext::Format(const std::string& text) const {
  if (text.empty()) return isatty(STDOUT_FILENO) ? OutputFormat::kTable : OutputFormat::kCsv;
  return ParseOutputFormat(text);
}

Status CliContext::WriteTable(const std::string& out_path, const Table& table,
                              OutputFormat format) {
  return WriteOutput(out_path, [&](std::ostream& out) {
    RenderTable(table, format, out);
    return Status::Ok();
  });
}

std::string CountryTitle(const Country& country) {
  return country.name + " (" + ShortKey(country) + ", " + std::to_string(country.ccode) + ")";
}

Result<YearRange> YearsOption(const std::string& text, YearRange fallback) {
  if (text.empty()) return fallback;
  return ParseYearRange(text);
}

void ReportError(const Status& status) {
  std::cerr << "entente: " << status.message() << "\n";
}

}  // namespace entente::cli
