// Helpers shared by the military source readers (internal to entente).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv_reader.h"
#include "entente/status.h"
#include "ingest/military_sources.h"

namespace entente::internal {

// Reads the header row and finds each of `names`; a missing column is an
// error naming the file, line 1 and the columns that are there.
Result<std::vector<std::size_t>> MilitaryHeaderColumns(CsvReader& csv,
                                                       const std::vector<std::string_view>& names);

// A whole field as a year in kMilitaryFirstYear..kMilitaryLastYear.
bool ParseMilitaryYear(std::string_view text, int& year);

// "FILE:LINE".
std::string MilitaryReference(std::string_view source_name, std::size_t line);

// Counts names a reader could not map, for the report's note.
class UnmappedNames {
 public:
  void Add(std::string_view name, std::string_view why) {
    auto& entry = names_[std::string(name)];
    ++entry.first;
    if (entry.second.empty()) entry.second = std::string(why);
  }
  bool empty() const { return names_.empty(); }
  // "N rows skipped: 'A' (3, why), 'B' (1, why)".
  std::string Note(std::string_view what) const;

 private:
  std::map<std::string, std::pair<std::int64_t, std::string>> names_;
};

}  // namespace entente::internal
