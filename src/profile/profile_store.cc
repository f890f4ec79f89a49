// Migration 3's tables: the panel as BLOBs of float32 columns. One dyad's
// whole series is one indexed row (a profile query reads one or two), one
// year's indices are one row (a ranking reads one). Floats are written in
// the machine's byte order and the layout records it; SQLite itself never
// interprets them.
#include "profile/profile_store.h"

#include <bit>
#include <cstring>
#include <ctime>

#include "core/csv_reader.h"
#include "store/sqlite.h"

namespace entente {
namespace profile_internal {
namespace {

constexpr int kYearColumnsFirst = kIndexFirst;
constexpr int kYearColumnsLast = kClass;  // inclusive
constexpr int kYearColumns = kYearColumnsLast - kYearColumnsFirst + 1;
constexpr std::size_t kYearRecord = sizeof(std::uint32_t) + kYearColumns * sizeof(float);

std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return buffer;
}

Status CheckLayout(internal::Database& db) {
  auto stmt = db.Prepare("SELECT value FROM profile_meta WHERE key = 'layout'");
  if (!stmt.ok()) return stmt.status();
  Status status;
  if (!stmt->Step(&status)) {
    if (!status.ok()) return status;
    return Status::NotFound(
        "the store holds no profile panel: run `entente import profile` first "
        "(after `entente init`, for the UN votes)");
  }
  if (stmt->Text(0) != PanelLayout()) {
    return Status::Data(
        "the store's profile panel was written by another version of entente: "
        "rebuild it with `entente import profile`");
  }
  return Status::Ok();
}

}  // namespace

std::string PanelLayout() {
  std::string out = std::endian::native == std::endian::little ? "f32le:" : "f32be:";
  out += std::to_string(static_cast<int>(kColumnCount)) + ":";
  for (const auto& info : ProfileIndicators()) {
    out += info.id;
    out += ',';
  }
  out +=
      "mid_hostility_year,rivalry_active,common_defence,6 indices,composite,dims,class,rank,"
      "ranked,evidence_bits";
  return out;
}

Result<bool> ReadStoredSeries(Store& store, std::uint32_t key, DyadSeries& out) {
  auto& db = store.database();
  auto stmt = db.Prepare("SELECT first_year, years, data FROM profile_dyads WHERE dyad = ?");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, static_cast<std::int64_t>(key));
  Status status;
  if (!stmt->Step(&status)) {
    if (!status.ok()) return status;
    return false;
  }
  out.first_year = static_cast<int>(stmt->Int(0));
  const auto years = static_cast<std::size_t>(stmt->Int(1));
  std::string_view blob = stmt->Blob(2);
  if (blob.size() != years * sizeof(Row)) {
    return Status::Data("the store's profile row for dyad " + std::to_string(key) +
                        " is damaged: rebuild it with `entente import profile`");
  }
  out.rows.resize(years);
  std::memcpy(out.rows.data(), blob.data(), blob.size());
  return true;
}

Status ForEachStoredRow(Store& store, int year,
                        const std::function<void(std::uint32_t, const Row&)>& add) {
  auto& db = store.database();
  auto stmt = db.Prepare("SELECT dyads, data FROM profile_years WHERE year = ?");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, static_cast<std::int64_t>(year));
  Status status;
  if (!stmt->Step(&status)) return status;  // no dyads that year
  const auto dyads = static_cast<std::size_t>(stmt->Int(0));
  std::string_view blob = stmt->Blob(1);
  if (blob.size() != dyads * kYearRecord) {
    return Status::Data("the store's profile ranking for " + std::to_string(year) +
                        " is damaged: rebuild it with `entente import profile`");
  }
  Row row = EmptyRow();
  for (std::size_t i = 0; i < dyads; ++i) {
    const char* p = blob.data() + i * kYearRecord;
    std::uint32_t key = 0;
    std::memcpy(&key, p, sizeof key);
    std::memcpy(&row[kYearColumnsFirst], p + sizeof key, kYearColumns * sizeof(float));
    add(key, row);
  }
  return Status::Ok();
}

Result<YearRange> StoredPanelYears(Store& store) {
  auto& db = store.database();
  if (Status s = CheckLayout(db); !s.ok()) return s;
  auto stmt = db.Prepare("SELECT value FROM profile_meta WHERE key = 'years'");
  if (!stmt.ok()) return stmt.status();
  Status status;
  if (!stmt->Step(&status)) return Status::Data("the store's profile panel has no year range");
  auto range = ParseYearRange(stmt->Text(0));
  if (!range.ok()) return Status::Data("the store's profile panel has a bad year range");
  return *range;
}

}  // namespace profile_internal

using namespace profile_internal;

Result<std::int64_t> SaveProfilePanel(Store& store, const ProfileData& data) {
  const ProfileData::Impl& impl = data.impl();
  if (impl.store != nullptr) return Status::Usage("this panel was read from a store already");
  auto& db = store.database();
  const YearRange years = impl.years;
  // Per-year ranking records, and a digest of the whole panel for provenance.
  std::vector<std::string> year_blobs(years.last - years.first + 1);
  std::vector<std::int64_t> year_counts(year_blobs.size(), 0);
  std::vector<std::uint32_t> keys;
  keys.reserve(impl.dyads.size());
  for (const auto& [key, series] : impl.dyads) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  std::string digests;
  Status status = internal::InTransaction(db, [&]() -> Status {
    for (const char* sql :
         {"DELETE FROM profile_dyads", "DELETE FROM profile_years", "DELETE FROM profile_meta"}) {
      if (Status s = db.Exec(sql); !s.ok()) return s;
    }
    auto insert =
        db.Prepare("INSERT INTO profile_dyads (dyad, first_year, years, data) VALUES (?, ?, ?, ?)");
    if (!insert.ok()) return insert.status();
    for (std::uint32_t key : keys) {
      const DyadSeries& series = impl.dyads.at(key);
      const std::size_t bytes = series.rows.size() * sizeof(Row);
      insert->Bind(1, static_cast<std::int64_t>(key));
      insert->Bind(2, static_cast<std::int64_t>(series.first_year));
      insert->Bind(3, static_cast<std::int64_t>(series.rows.size()));
      insert->BindBlob(4, series.rows.data(), bytes);
      if (Status s = insert->Run(); !s.ok()) return s;
      insert->Reset();
      digests += internal::Sha256Hex(
          std::string_view(reinterpret_cast<const char*>(series.rows.data()), bytes));
      for (std::size_t k = 0; k < series.rows.size(); ++k) {
        const Row& row = series.rows[k];
        if (!Present(row[kClass])) continue;
        const std::size_t y = series.first_year + k - years.first;
        std::string& out = year_blobs[y];
        out.append(reinterpret_cast<const char*>(&key), sizeof key);
        out.append(reinterpret_cast<const char*>(&row[kYearColumnsFirst]),
                   kYearColumns * sizeof(float));
        ++year_counts[y];
      }
    }
    auto year_insert = db.Prepare("INSERT INTO profile_years (year, dyads, data) VALUES (?, ?, ?)");
    if (!year_insert.ok()) return year_insert.status();
    for (std::size_t y = 0; y < year_blobs.size(); ++y) {
      year_insert->Bind(1, static_cast<std::int64_t>(years.first + y));
      year_insert->Bind(2, year_counts[y]);
      year_insert->BindBlob(3, year_blobs[y].data(), year_blobs[y].size());
      if (Status s = year_insert->Run(); !s.ok()) return s;
      year_insert->Reset();
    }
    auto meta = db.Prepare("INSERT INTO profile_meta (key, value) VALUES (?, ?)");
    if (!meta.ok()) return meta.status();
    for (auto [k, v] : {std::pair<std::string, std::string>{"layout", PanelLayout()},
                        {"years", std::to_string(years.first) + ":" + std::to_string(years.last)},
                        {"inputs_sha256", impl.inputs_digest}}) {
      meta->Bind(1, k);
      meta->Bind(2, v);
      if (Status s = meta->Run(); !s.ok()) return s;
      meta->Reset();
    }
    // Provenance: the panel's digest; an identical rebuild keeps its old row.
    const std::string sha = internal::Sha256Hex(digests);
    auto provenance = db.Prepare(
        "INSERT OR IGNORE INTO imports (kind, file, sha256, rows_read, rows_accepted, "
        "rows_rejected, imported_at, note) VALUES ('profile-panel', ?, ?, ?, ?, 0, ?, ?)");
    if (!provenance.ok()) return provenance.status();
    provenance->Bind(1, impl.options.shared_data_dir + " + " + impl.options.evidence_dir);
    provenance->Bind(2, sha);
    provenance->Bind(3, impl.dyad_years);
    provenance->Bind(4, impl.dyad_years);
    provenance->Bind(5, UtcNow());
    provenance->Bind(6, "dyad-years " + std::to_string(years.first) + ":" +
                            std::to_string(years.last) + ", " + std::to_string(keys.size()) +
                            " dyads (docs/profile.md)");
    return provenance->Run();
  });
  if (!status.ok()) return status;
  return impl.dyad_years;
}

Result<ProfileData> ProfileData::OpenStored(Store& store, const CountryRegistry& countries,
                                            const ProfileDataOptions& options) {
  auto years = StoredPanelYears(store);
  if (!years.ok()) return years.status();
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->years = *years;
  impl->store = &store;
  auto evidence = LoadProfileEvidence(countries, options.evidence_dir);
  if (!evidence.ok()) return evidence.status();
  impl->evidence = std::move(evidence).value();
  // A panel built from other evidence would show values the cited rows no
  // longer support: say so (the CLI then rebuilds).
  auto digest = InputsDigest(options.evidence_dir, options.frameworks_dir);
  if (!digest.ok()) return digest.status();
  auto stored_digest =
      store.database().Prepare("SELECT value FROM profile_meta WHERE key = 'inputs_sha256'");
  if (!stored_digest.ok()) return stored_digest.status();
  if (!stored_digest->Step() || stored_digest->Text(0) != *digest) {
    impl->stale_reason =
        "the evidence or framework files changed since the panel was stored (rerun `entente "
        "import profile`)";
  }
  auto count = store.database().Prepare("SELECT coalesce(sum(dyads), 0) FROM profile_years");
  if (!count.ok()) return count.status();
  if (count->Step()) impl->dyad_years = count->Int(0);
  return ProfileData(std::move(impl));
}

}  // namespace entente
