// The alignment report of one dyad: a single self-contained HTML file (inline
// CSS and SVG, no scripts, no fonts or images to fetch) that a researcher can
// open offline, read and cite. It shows every dimension over time, the
// military criteria with their evidence and sources, the beliefs comparison,
// a comparison with other dyads, and the methods and data provenance
// (docs/report.md lists every chart and how it is computed).
//
// Missing values stay missing: a year a source does not cover is a gap in a
// chart, an empty CSV cell and "-" in a table, never 0. A dimension that
// cannot be computed from this store (e.g. speeches not yet coded) is said
// so in the report, with the command that would fill it.
//
// Thread safety: BuildReport uses the Store from the calling thread only.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entente/countries.h"
#include "entente/status.h"
#include "entente/store.h"
#include "entente/table.h"
#include "entente/years.h"

namespace entente {

// Called with (units done, units total) while work proceeds (as in unga.h).
using ProgressFn = std::function<void(std::uint64_t done, std::uint64_t total)>;

// Years shown when the caller gives none: the post-war system to the last
// year any source covers (the military evidence files run to 2025).
inline constexpr YearRange kDefaultReportYears{1946, 2025};

struct ReportOptions {
  std::string a;  // country keys, as the user typed them
  std::string b;
  YearRange years = kDefaultReportYears;
  // More dyads for the comparison table and charts (country keys).
  std::vector<std::pair<std::string, std::string>> compare;
  std::string shared_data_dir;          // ../shared/data: the datasets read at query time
  std::string project_data_dir;         // entente's data/: frameworks/ and evidence/
  std::string framework = "korolev";    // military framework (data/frameworks/NAME.toml)
  std::string beliefs_corpus = "ungd";  // coded speeches to compare; "" = every corpus
  bool ideal_points = true;  // fitting them takes seconds; off leaves the chart out, said so
  // The caller's clock and command line, shown in the report (tests pass
  // fixed values, so two runs on the same data give the same file).
  std::string generated_at;
  std::string command_line;
  ProgressFn progress;  // (steps done, steps total); may be empty
};

// One chart's data, as the table the chart was drawn from.
struct ReportChart {
  std::string id;  // the <svg> id in the page, and the CSV file name (ID.csv)
  std::string title;
  Table data;
};

struct Report {
  std::string title;
  std::string html;                 // the whole page
  std::vector<ReportChart> charts;  // in page order
  std::vector<std::string> notes;   // what could not be shown and why
};

// Builds the report. Errors: an unknown country key (not found), a dyad of one
// country or a country without COW code (usage), an unreadable dataset,
// framework or evidence file (data). Dimensions without data in the store are
// not errors: the report says what is missing and how to fill it.
Result<Report> BuildReport(Store& store, const CountryRegistry& countries,
                           const ReportOptions& options);

// Writes every chart's data to DIR/ID.csv (creating DIR), each file complete
// or not at all (written beside, then renamed).
Status WriteReportData(const Report& report, const std::string& dir);

// Parses "USA-AUS,USA-IND" into key pairs. A key may itself hold a '-'
// ("Guinea-Bissau-USA"): each split point is tried; exactly one must give
// two countries, otherwise the dyad is ambiguous (use ISO3 codes). Errors
// (usage) name the dyad that does not parse.
Result<std::vector<std::pair<std::string, std::string>>> ParseDyadList(
    std::string_view text, const CountryRegistry& countries);

}  // namespace entente
