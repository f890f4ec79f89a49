// SIPRI Arms Transfers Database, trade-register export.
//
// Layout: 11 preamble lines (query, notes, source, generation date), the
// header on line 12, then one row per deal and delivery year; every line,
// the header included, ends in ';'. Countries are English names, mapped
// through MilitaryNameToCcode; rebels ('*'), organisations ('**') and unknown
// parties are skipped and counted.
#include <charconv>
#include <cmath>
#include <unordered_map>

#include "core/csv_reader.h"
#include "ingest/military_common.h"
#include "ingest/military_sources.h"

namespace entente::internal {
namespace {

constexpr std::size_t kPreambleLines = 11;
constexpr std::size_t kHeaderLine = kPreambleLines + 1;
constexpr std::string_view kColumns[] = {"SIPRI AT Database ID",
                                         "Supplier",
                                         "Recipient",
                                         "Designation",
                                         "Description",
                                         "Armament category",
                                         "Order date",
                                         "Order date is estimate",
                                         "Numbers delivered",
                                         "Numbers delivered is estimate",
                                         "Delivery year",
                                         "Delivery year is estimate",
                                         "Status",
                                         "SIPRI estimate",
                                         "TIV deal unit",
                                         "TIV delivery values",
                                         "Local production"};
constexpr std::size_t kColumnCount = std::size(kColumns);
enum Column : std::size_t {
  kId = 0,
  kSupplier = 1,
  kRecipient = 2,
  kDesignation = 3,
  kDescription = 4,
  kCategory = 5,
  kOrderDate = 6,
  kNumbersDelivered = 8,
  kDeliveryYear = 10,
  kStatus = 12,
  kTivDelivered = 15,
};
// The largest TIV one delivery row can plausibly carry (millions); larger
// values are typos.
constexpr double kMaxRowTiv = 100000;

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

bool ParseTiv(std::string_view text, double& out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && std::isfinite(out) && out >= 0 &&
         out <= kMaxRowTiv;
}

}  // namespace

std::uint32_t SipriArmsClass(std::string_view category, std::string_view description) {
  if (category == "Air-defence systems") return kArmsAirDefence;
  if (category == "Ships") return kArmsShipsSubmarines;
  if (category == "Sensors") {
    return Contains(description, "SAM") ? std::uint32_t{kArmsSensors | kArmsAirDefence}
                                        : std::uint32_t{kArmsSensors};
  }
  if (category == "Satellites") return kArmsSensors;
  if (category == "Missiles") {
    return (Contains(description, "SAM") || Contains(description, "ABM"))
               ? std::uint32_t{kArmsAirDefence}
               : std::uint32_t{kArmsMissiles};
  }
  if (category == "Naval weapons") {
    return Contains(description, "SAM") ? std::uint32_t{kArmsAirDefence} : 0u;
  }
  if (category == "Artillery") {
    return (Contains(description, "missile") || Contains(description, "coastal defence"))
               ? std::uint32_t{kArmsMissiles}
               : 0u;
  }
  if (category == "Aircraft") {
    if (Contains(description, "early-warning")) return kArmsSensors;
    static constexpr std::string_view kCombat[] = {
        "FGA",           "fighter",        "bomber",
        "ground-attack", "trainer/combat", "combat helicopter",
        "armed UAV",     "(armed) UAV",    "anti-submarine",
        "anti-ship"};
    for (std::string_view word : kCombat) {
      if (Contains(description, word)) return kArmsCombatAircraft;
    }
    return 0;
  }
  return 0;  // armoured vehicles, artillery, engines, other
}

Result<MilitarySourceRead> ReadSipriRegister(std::string_view source_name, std::string_view content,
                                             const CountryRegistry& countries) {
  if (Status s = ValidateUtf8(source_name, content); !s.ok()) return s;
  CsvReader csv(std::string(source_name), content);
  MilitarySourceRead out;
  out.report.id = "sipri";
  out.report.file = std::string(source_name);
  // Skip the preamble by line number, not record count, so a changed
  // preamble is caught rather than misread.
  bool have_header = false;
  while (csv.Next()) {
    if (csv.line() < kHeaderLine) continue;
    if (csv.line() != kHeaderLine) break;
    have_header = true;
    break;
  }
  if (!csv.status().ok()) return csv.status();
  if (!have_header) {
    return Status::Data(std::string(source_name) + ":" + std::to_string(kHeaderLine) +
                        ": expected the header row after " + std::to_string(kPreambleLines) +
                        " preamble lines (is this a SIPRI trade-register export?)");
  }
  std::vector<std::string_view> header(csv.fields().begin(), csv.fields().end());
  if (!header.empty() && !header.back().empty() && header.back().back() == ';') {
    header.back().remove_suffix(1);
  }
  if (header.size() != kColumnCount) {
    return csv.RecordError("expected the " + std::to_string(kColumnCount) +
                           " SIPRI trade-register columns, found " + std::to_string(header.size()));
  }
  for (std::size_t i = 0; i < kColumnCount; ++i) {
    if (header[i] != kColumns[i]) {
      return csv.ErrorAt(i, "expected column '" + std::string(kColumns[i]) + "'");
    }
  }

  struct NameEntry {
    const Country* country = nullptr;
    std::string why;
  };
  std::unordered_map<std::string, NameEntry> names;
  UnmappedNames unmapped;
  auto map = [&](std::string_view name, int year, std::string* why) -> int {
    auto [it, inserted] = names.try_emplace(std::string(name));
    if (inserted) {
      int ccode = MilitaryNameToCcode(countries, name, MakeDateKey(year, 7, 1), &it->second.why);
      if (ccode != 0) it->second.country = countries.ByCcode(ccode);
      // A name that maps to a code outside the registry's states (cannot
      // happen with COW codes) is treated as unmapped.
      if (ccode != 0 && it->second.country == nullptr) it->second.why = "no such COW state";
    }
    if (it->second.country == nullptr) {
      *why = it->second.why;
      return 0;
    }
    // Follow the lineage (e.g. Yugoslavia/Serbia) at the delivery's date.
    auto code = countries.CcodeOn(*it->second.country, MakeDateKey(year, 7, 1));
    if (!code) {
      *why = "no COW code in that year";
      return 0;
    }
    return *code;
  };

  while (csv.Next()) {
    ++out.report.rows_read;
    if (Status s = csv.ExpectFields(kColumnCount); !s.ok()) return s;
    std::string_view last = csv.field(kColumnCount - 1);
    if (last.empty() || last.back() != ';') {
      return csv.ErrorAt(kColumnCount - 1, "row does not end in ';' (truncated line?)");
    }
    long long id = 0;
    if (!ParseInt(csv.field(kId), id) || id <= 0) return csv.ErrorAt(kId, "bad SIPRI deal ID");
    int year = 0;
    if (!ParseMilitaryYear(csv.field(kDeliveryYear), year)) {
      return csv.ErrorAt(kDeliveryYear, "bad delivery year");
    }
    double tiv = 0;
    if (!ParseTiv(csv.field(kTivDelivered), tiv)) {
      return csv.ErrorAt(kTivDelivered, "bad TIV (a number of millions, 0 or more)");
    }
    std::string why;
    const int supplier = map(csv.field(kSupplier), year, &why);
    if (supplier == 0) {
      unmapped.Add(csv.field(kSupplier), why);
      continue;
    }
    const int recipient = map(csv.field(kRecipient), year, &why);
    if (recipient == 0) {
      unmapped.Add(csv.field(kRecipient), why);
      continue;
    }
    if (supplier == recipient) {
      unmapped.Add(csv.field(kSupplier), "supplier and recipient are the same state");
      continue;
    }
    MilitaryFact fact;
    fact.ccode_a = std::min(supplier, recipient);
    fact.ccode_b = std::max(supplier, recipient);
    fact.first_year = static_cast<std::int16_t>(year);
    fact.last_year = static_cast<std::int16_t>(year);
    fact.source = MilitarySource::kSipri;
    fact.kinds = SipriArmsClass(csv.field(kCategory), csv.field(kDescription));
    fact.from_ccode = supplier;
    fact.value = static_cast<float>(tiv);
    fact.detail = static_cast<std::int32_t>(out.details.size());
    MilitaryDetail d;
    d.date = std::to_string(year);
    d.kind = "arms_delivery";
    d.name =
        std::string(csv.field(kDesignation)) + " (" + std::string(csv.field(kDescription)) + ")";
    d.description =
        std::string(csv.field(kSupplier)) + " -> " + std::string(csv.field(kRecipient)) + ": " +
        std::string(csv.field(kNumbersDelivered)) + " delivered in " + d.date + ", ordered " +
        std::string(csv.field(kOrderDate)) + ", " + std::string(csv.field(kCategory)) + ", " +
        std::string(csv.field(kStatus)) + "; SIPRI deal " + std::to_string(id);
    d.reference = MilitaryReference(source_name, csv.line());
    out.details.push_back(std::move(d));
    out.facts.push_back(fact);
  }
  if (!csv.status().ok()) return csv.status();
  out.report.rows_used = static_cast<std::int64_t>(out.facts.size());
  if (!unmapped.empty()) out.report.note = unmapped.Note("rows with a non-state party");
  return out;
}

}  // namespace entente::internal
