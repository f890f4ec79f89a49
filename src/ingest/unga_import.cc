// ImportUnga: recognise a UNGA file, read and validate it whole, then write it
// in one transaction with its provenance row.
#include <ctime>
#include <filesystem>
#include <unordered_map>

#include "entente/unga.h"
#include "ingest/unga_parsed.h"
#include "store/sqlite.h"

namespace entente {

const char* UngaFormatName(UngaFormat format) {
  switch (format) {
    case UngaFormat::kVoeten:
      return "unga-voeten";
    case UngaFormat::kUnVotes:
      return "unga-unvotes";
    case UngaFormat::kRollCalls:
      return "unga-roll-calls";
    case UngaFormat::kIssues:
      return "unga-issues";
    case UngaFormat::kWide:
      return "unga-wide";
  }
  return "unga";
}

namespace internal {
namespace {

constexpr const char* kRollCallsFile = "un_roll_calls.csv";
constexpr const char* kIssuesFile = "un_roll_call_issues.csv";

std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return buffer;
}

std::string DateText(DateKey date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date / 10000, (date / 100) % 100,
                date % 100);
  return buffer;
}

int SourceRank(UngaFormat format) {
  switch (format) {
    case UngaFormat::kVoeten:
      return static_cast<int>(UngaSource::kVoeten);
    case UngaFormat::kUnVotes:
      return static_cast<int>(UngaSource::kUnVotes);
    default:
      return static_cast<int>(UngaSource::kWide);
  }
}

Result<std::optional<ImportRecord>> FindImport(Database& db, const std::string& sha256) {
  auto stmt = db.Prepare(
      "SELECT id, kind, file, sha256, rows_read, rows_accepted, rows_rejected, imported_at, note "
      "FROM imports WHERE sha256 = ?");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, sha256);
  Status status;
  if (stmt->Step(&status)) {
    return std::optional<ImportRecord>(ImportRecord{stmt->Int(0), stmt->Text(1), stmt->Text(2),
                                                    stmt->Text(3), stmt->Int(4), stmt->Int(5),
                                                    stmt->Int(6), stmt->Text(7), stmt->Text(8)});
  }
  if (!status.ok()) return status;
  return std::optional<ImportRecord>();
}

// The dates of the roll calls already in the store (for ISO2 mapping by date
// and for checking that an rcid means the same roll call in every source).
Result<std::unordered_map<int, DateKey>> StoredRollCallDates(Database& db) {
  auto stmt = db.Prepare("SELECT rcid, date FROM unga_roll_calls WHERE date IS NOT NULL");
  if (!stmt.ok()) return stmt.status();
  std::unordered_map<int, DateKey> dates;
  Status status;
  while (stmt->Step(&status)) {
    DateKey date = 0;
    ParseIsoDate(stmt->Text(1), date);
    dates[static_cast<int>(stmt->Int(0))] = date;
  }
  if (!status.ok()) return status;
  return dates;
}

class UngaWriter {
 public:
  UngaWriter(Database& db, std::int64_t import_id, const ParsedUnga& parsed)
      : db_(db), import_id_(import_id), parsed_(parsed) {}

  Status Write(const ProgressFn& progress) {
    if (Status s = WriteRollCalls(); !s.ok()) return s;
    if (Status s = WriteIssueTags(); !s.ok()) return s;
    return WriteVotes(progress);
  }
  std::int64_t discrepancies() const { return discrepancies_; }
  std::int64_t superseded() const { return superseded_; }

 private:
  Status WriteRollCalls() {
    const char* sql = nullptr;
    switch (parsed_.format) {
      case UngaFormat::kVoeten:
        sql =
            "INSERT INTO unga_roll_calls (rcid, session, year, import_id) VALUES (?1, ?2, ?4, ?9) "
            "ON CONFLICT(rcid) DO NOTHING";
        break;
      case UngaFormat::kRollCalls:
        sql =
            "INSERT INTO unga_roll_calls (rcid, session, date, year, important, described_by, "
            "import_id) VALUES (?1, ?2, ?3, ?4, ?5, ?9, ?9) ON CONFLICT(rcid) DO UPDATE SET "
            "date = excluded.date, year = excluded.year, important = excluded.important, "
            "described_by = excluded.described_by";
        break;
      case UngaFormat::kWide:
        sql =
            "INSERT INTO unga_roll_calls (rcid, session, date, year, issues_coded, me, nu, di, "
            "hr, co, ec, import_id) VALUES (?1, ?2, ?3, ?4, 1, ?6 & 1, (?6 >> 1) & 1, "
            "(?6 >> 2) & 1, (?6 >> 3) & 1, (?6 >> 4) & 1, (?6 >> 5) & 1, ?9) "
            "ON CONFLICT(rcid) DO UPDATE SET date = coalesce(date, excluded.date), "
            "year = CASE WHEN date IS NULL THEN excluded.year ELSE year END, "
            "issues_coded = 1, me = CASE WHEN issues_coded THEN me ELSE excluded.me END, "
            "nu = CASE WHEN issues_coded THEN nu ELSE excluded.nu END, "
            "di = CASE WHEN issues_coded THEN di ELSE excluded.di END, "
            "hr = CASE WHEN issues_coded THEN hr ELSE excluded.hr END, "
            "co = CASE WHEN issues_coded THEN co ELSE excluded.co END, "
            "ec = CASE WHEN issues_coded THEN ec ELSE excluded.ec END";
        break;
      default:
        return Status::Ok();
    }
    auto dates = StoredRollCallDates(db_);
    if (!dates.ok()) return dates.status();
    auto stmt = db_.Prepare(sql);
    if (!stmt.ok()) return stmt.status();
    for (const ParsedRollCall& rc : parsed_.roll_calls) {
      if (rc.date != 0) {
        auto known = dates->find(rc.rcid);
        if (known != dates->end() && known->second != rc.date &&
            parsed_.format == UngaFormat::kWide) {
          return Status::Data(file_ + ":" + std::to_string(rc.line) + ":2: roll call " +
                              std::to_string(rc.rcid) + " is dated " + DateText(rc.date) +
                              " here but " + DateText(known->second) +
                              " in the store: the files number roll calls differently");
        }
      }
      stmt->Bind(1, static_cast<std::int64_t>(rc.rcid));
      stmt->Bind(2, static_cast<std::int64_t>(rc.session));
      if (rc.date != 0) {
        stmt->Bind(3, DateText(rc.date));
      } else {
        stmt->BindNull(3);
      }
      stmt->Bind(4, static_cast<std::int64_t>(rc.date != 0 ? rc.date / 10000 : rc.year));
      if (rc.important >= 0) {
        stmt->Bind(5, static_cast<std::int64_t>(rc.important));
      } else {
        stmt->BindNull(5);
      }
      stmt->Bind(6, static_cast<std::int64_t>(rc.issues));
      stmt->Bind(9, import_id_);
      if (Status s = stmt->Run(); !s.ok()) return s;
      stmt->Reset();
    }
    return Status::Ok();
  }

  Status WriteIssueTags() {
    if (parsed_.format != UngaFormat::kIssues) return Status::Ok();
    for (int bit = 0; bit < kIssueAreaCount; ++bit) {
      auto stmt = db_.Prepare(std::string("UPDATE unga_roll_calls SET ") + kIssueAreas[bit] +
                              " = 1 WHERE rcid = ?");
      if (!stmt.ok()) return stmt.status();
      for (const auto& [rcid, tag_bit] : parsed_.issue_tags) {
        if (tag_bit != bit) continue;
        stmt->Bind(1, static_cast<std::int64_t>(rcid));
        if (Status s = stmt->Run(); !s.ok()) return s;
        if (db_.Changes() == 0) {
          return Status::Data(file_ + ": roll call " + std::to_string(rcid) +
                              " has issue tags but is not in the store: import " + kRollCallsFile +
                              " first");
        }
        stmt->Reset();
      }
    }
    // The issue coding covers every roll call the roll-call file described.
    return db_.Exec("UPDATE unga_roll_calls SET issues_coded = 1 WHERE described_by IS NOT NULL");
  }

  Status WriteVotes(const ProgressFn& progress) {
    if (parsed_.votes.empty()) return Status::Ok();
    auto insert = db_.Prepare(
        "INSERT INTO unga_votes (rcid, ccode, vote, source) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(rcid, ccode) DO NOTHING");
    if (!insert.ok()) return insert.status();
    const std::int64_t rank = SourceRank(parsed_.format);
    std::size_t done = 0;
    for (const ParsedVote& v : parsed_.votes) {
      insert->Bind(1, static_cast<std::int64_t>(v.rcid));
      insert->Bind(2, static_cast<std::int64_t>(v.ccode));
      insert->Bind(3, static_cast<std::int64_t>(v.vote));
      insert->Bind(4, rank);
      if (Status s = insert->Run(); !s.ok()) return s;
      if (db_.Changes() == 0) {
        if (Status s = Merge(v, rank); !s.ok()) return s;
      }
      if (progress && (++done & 0x3FFF) == 0) progress(done, parsed_.votes.size());
    }
    return Status::Ok();
  }

  // A vote for (rcid, ccode) is already stored from another source: keep the
  // higher-precedence one and record any disagreement.
  Status Merge(const ParsedVote& v, std::int64_t rank) {
    if (!select_.has_value()) {
      auto s = db_.Prepare("SELECT vote, source FROM unga_votes WHERE rcid = ? AND ccode = ?");
      if (!s.ok()) return s.status();
      select_ = std::move(s).value();
    }
    select_->Bind(1, static_cast<std::int64_t>(v.rcid));
    select_->Bind(2, static_cast<std::int64_t>(v.ccode));
    Status status;
    if (!select_->Step(&status))
      return status.ok() ? Status::Internal("merge: row vanished") : status;
    std::int64_t kept_vote = select_->Int(0);
    std::int64_t kept_rank = select_->Int(1);
    select_->Reset();
    if (kept_vote == v.vote) return Status::Ok();
    ++discrepancies_;
    bool replace = rank < kept_rank;
    auto record = db_.Prepare(
        "INSERT INTO unga_vote_discrepancies (rcid, ccode, kept_vote, kept_source, other_vote, "
        "other_source, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!record.ok()) return record.status();
    record->Bind(1, static_cast<std::int64_t>(v.rcid));
    record->Bind(2, static_cast<std::int64_t>(v.ccode));
    record->Bind(3, replace ? static_cast<std::int64_t>(v.vote) : kept_vote);
    record->Bind(4, replace ? rank : kept_rank);
    record->Bind(5, replace ? kept_vote : static_cast<std::int64_t>(v.vote));
    record->Bind(6, replace ? kept_rank : rank);
    record->Bind(7, import_id_);
    if (Status s = record->Run(); !s.ok()) return s;
    if (!replace) {
      ++superseded_;
      return Status::Ok();
    }
    auto update =
        db_.Prepare("UPDATE unga_votes SET vote = ?, source = ? WHERE rcid = ? AND ccode = ?");
    if (!update.ok()) return update.status();
    update->Bind(1, static_cast<std::int64_t>(v.vote));
    update->Bind(2, rank);
    update->Bind(3, static_cast<std::int64_t>(v.rcid));
    update->Bind(4, static_cast<std::int64_t>(v.ccode));
    return update->Run();
  }

 public:
  std::string file_;

 private:
  Database& db_;
  std::int64_t import_id_;
  const ParsedUnga& parsed_;
  std::optional<Statement> select_;
  std::int64_t discrepancies_ = 0;
  std::int64_t superseded_ = 0;
};

Result<ParsedUnga> ParseUnga(const std::string& path, std::string_view content, Database& db,
                             const CountryRegistry& countries, const ProgressFn& progress) {
  if (content.empty()) return Status::Data(path + ":1:1: the file is empty");
  if (Status s = ValidateUtf8(path, content); !s.ok()) return s;
  CsvReader csv(path, content);
  if (!csv.Next()) {
    return csv.status().ok() ? Status::Data(path + ":1:1: the file is empty") : csv.status();
  }
  auto format = DetectUngaFormat(csv);
  if (!format.ok()) return format.status();
  switch (*format) {
    case UngaFormat::kVoeten:
      return ReadVoeten(csv, countries, progress);
    case UngaFormat::kUnVotes: {
      auto dates = StoredRollCallDates(db);
      if (!dates.ok()) return dates.status();
      auto date_of = [&](int rcid) {
        auto it = dates->find(rcid);
        return it == dates->end() ? DateKey{0} : it->second;
      };
      return ReadUnVotes(csv, countries, date_of, progress);
    }
    case UngaFormat::kRollCalls:
      return ReadRollCalls(csv, progress);
    case UngaFormat::kIssues:
      return ReadIssues(csv, progress);
    case UngaFormat::kWide:
      return ReadWide(csv, countries, progress);
  }
  return Status::Internal("unhandled UNGA format");
}

// Imports exactly one file (no companions) whose bytes are already read.
Result<UngaImportResult> ImportOne(Store& store, const CountryRegistry& countries,
                                   const std::string& path, std::string_view content,
                                   const ProgressFn& progress) {
  Database& db = store.database();
  std::string sha = Sha256Hex(content);
  auto existing = FindImport(db, sha);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    UngaImportResult result{**existing, UngaFormat::kVoeten, true, 0};
    for (UngaFormat f : {UngaFormat::kVoeten, UngaFormat::kUnVotes, UngaFormat::kRollCalls,
                         UngaFormat::kIssues, UngaFormat::kWide}) {
      if (result.record.kind == UngaFormatName(f)) result.format = f;
    }
    return result;
  }
  auto parsed = ParseUnga(path, content, db, countries, progress);
  if (!parsed.ok()) return parsed.status();

  UngaImportResult result{{}, parsed->format, false, 0};
  Status status = InTransaction(db, [&]() -> Status {
    auto insert = db.Prepare(
        "INSERT INTO imports (kind, file, sha256, rows_read, rows_accepted, rows_rejected, "
        "imported_at, note) VALUES (?, ?, ?, ?, 0, 0, ?, '')");
    if (!insert.ok()) return insert.status();
    std::string now = UtcNow();
    insert->Bind(1, std::string(UngaFormatName(parsed->format)));
    insert->Bind(2, path);
    insert->Bind(3, sha);
    insert->Bind(4, parsed->rows_read);
    insert->Bind(5, now);
    if (Status s = insert->Run(); !s.ok()) return s;
    std::int64_t import_id = db.LastInsertRowId();

    UngaWriter writer(db, import_id, *parsed);
    writer.file_ = path;
    if (Status s = writer.Write(progress); !s.ok()) return s;

    std::int64_t rejected = parsed->rows_skipped + writer.superseded();
    std::string note = parsed->note;
    if (writer.discrepancies() > 0 || parsed->format == UngaFormat::kUnVotes ||
        parsed->format == UngaFormat::kWide) {
      note += std::string(note.empty() ? "" : "; ") + std::to_string(writer.discrepancies()) +
              " votes disagree with another source (see unga_vote_discrepancies)";
    }
    auto update = db.Prepare(
        "UPDATE imports SET rows_accepted = ?, rows_rejected = ?, note = ? WHERE id = ?");
    if (!update.ok()) return update.status();
    update->Bind(1, parsed->rows_read - rejected);
    update->Bind(2, rejected);
    update->Bind(3, note);
    update->Bind(4, import_id);
    if (Status s = update->Run(); !s.ok()) return s;
    result.record = {import_id,
                     UngaFormatName(parsed->format),
                     path,
                     sha,
                     parsed->rows_read,
                     parsed->rows_read - rejected,
                     rejected,
                     now,
                     note};
    result.discrepancies = writer.discrepancies();
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return result;
}

// Reads a companion file and imports it.
Result<UngaImportResult> ReadAndImportOne(Store& store, const CountryRegistry& countries,
                                          const std::string& path) {
  auto content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  return ImportOne(store, countries, path, *content, nullptr);
}

}  // namespace
}  // namespace internal

Result<std::vector<UngaImportResult>> ImportUnga(Store& store, const CountryRegistry& countries,
                                                 const std::string& path,
                                                 const ProgressFn& progress) {
  namespace fs = std::filesystem;
  std::vector<UngaImportResult> results;
  // Vote files need the roll-call descriptions beside them (dates, importance,
  // issue tags) unless they are already in the store.
  // The file is read once: its header decides which companions to import
  // first, and the same bytes are then parsed and hashed.
  auto content = internal::ReadWholeFile(path);
  if (!content.ok()) return content.status();
  internal::CsvReader header(path, *content);
  bool is_vote_file = false;
  bool is_roll_call_file = false;
  if (header.Next()) {
    auto format = internal::DetectUngaFormat(header);
    if (format.ok()) {
      is_vote_file = *format == UngaFormat::kVoeten || *format == UngaFormat::kUnVotes;
      is_roll_call_file = *format == UngaFormat::kRollCalls;
    }
  }
  fs::path dir = fs::path(path).parent_path();
  std::vector<std::string> companions;
  if (is_vote_file) companions.push_back((dir / internal::kRollCallsFile).string());
  if (is_vote_file || is_roll_call_file)
    companions.push_back((dir / internal::kIssuesFile).string());
  if (is_roll_call_file) {
    auto main = internal::ImportOne(store, countries, path, *content, progress);
    if (!main.ok()) return main.status();
    results.push_back(std::move(main).value());
  }
  for (const std::string& companion : companions) {
    std::error_code ec;
    if (!fs::exists(companion, ec)) continue;
    auto result = internal::ReadAndImportOne(store, countries, companion);
    if (!result.ok()) return result.status();
    results.push_back(std::move(result).value());
  }
  if (!is_roll_call_file) {
    auto main = internal::ImportOne(store, countries, path, *content, progress);
    if (!main.ok()) return main.status();
    results.push_back(std::move(main).value());
  }
  return results;
}

}  // namespace entente
