// What every subcommand shares: global options, the lazily opened store and
// country registry, output helpers. One CliContext per process.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "entente/countries.h"
#include "entente/status.h"
#include "entente/store.h"
#include "entente/table.h"
#include "entente/unga.h"
#include "entente/years.h"

namespace entente::cli {

// The two states of a dyad given on the command line, looked up.
struct DyadKeys {
  const Country* a = nullptr;
  const Country* b = nullptr;
};

class CliContext {
 public:
  // Global options (set by CLI11 before any subcommand runs).
  std::string store_path;
  std::string data_dir;
  bool quiet = false;

  // The outcome of the subcommand that ran; main turns it into the exit code.
  Status status;

  Result<Store*> OpenStore();
  Result<const CountryRegistry*> Countries();
  // Looks up the two country keys of a dyad (`keys` holds exactly two); they
  // must name different states. Unknown keys fail with suggestions.
  Result<DyadKeys> ResolveDyad(const std::vector<std::string>& keys);
  // The data directory actually used (after ResolveDataDir).
  std::string ResolvedDataDir() const;

  // A progress callback drawing a bar on stderr when it is a terminal and
  // --quiet is off; nullptr otherwise.
  ProgressFn Progress(const std::string& label);

  // Resolves --format: empty means table on a terminal, csv otherwise.
  Result<OutputFormat> Format(const std::string& text) const;

  // Runs `render` into --out FILE (atomically: a temporary file renamed when
  // complete) or stdout when `out_path` is empty or "-".
  template <typename Render>
  Status WriteOutput(const std::string& out_path, Render&& render);
  // WriteOutput of one table rendered in `format`.
  Status WriteTable(const std::string& out_path, const Table& table, OutputFormat format);

 private:
  std::optional<Store> store_;
  std::optional<CountryRegistry> countries_;
};

// "Russia (RUS, 365)": a state in a table's title.
std::string CountryTitle(const Country& country);

// The years of a --years option (Y1:Y2, Y, Y1: or :Y2), or `fallback` when
// the option was not given.
Result<YearRange> YearsOption(const std::string& text, YearRange fallback);

// Reports a Status on stderr as "entente: message".
void ReportError(const Status& status);

template <typename Render>
Status CliContext::WriteOutput(const std::string& out_path, Render&& render) {
  if (out_path.empty() || out_path == "-") {
    Status s = render(std::cout);
    std::cout.flush();
    return s;
  }
  // Devices and pipes (/dev/null, /dev/stdout, a FIFO) are written in place:
  // renaming over them would replace them with a regular file.
  std::error_code ec;
  auto type = std::filesystem::status(out_path, ec).type();
  if (!ec && type != std::filesystem::file_type::regular &&
      type != std::filesystem::file_type::not_found) {
    std::ofstream target(out_path, std::ios::binary);
    if (!target) return Status::Io("cannot write '" + out_path + "'");
    return render(target);
  }
  const std::string temporary = out_path + ".partial";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file) return Status::Io("cannot write '" + out_path + "': check the directory exists");
    std::vector<char> buffer(1 << 20);
    file.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (Status s = render(file); !s.ok()) {
      file.close();
      std::remove(temporary.c_str());
      return s;
    }
    file.close();
    if (!file) return Status::Io("cannot write '" + out_path + "' (disk full?)");
  }
  if (std::rename(temporary.c_str(), out_path.c_str()) != 0) {
    return Status::Io("cannot rename '" + temporary + "' to '" + out_path + "'");
  }
  return Status::Ok();
}

}  // namespace entente::cli
