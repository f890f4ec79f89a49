#include "store/schema.h"

#include <array>
#include <string>

namespace entente::internal {
namespace {

// Migration N brings the schema from version N-1 to N. Never edit a
// migration once released: add a new one (docs/schema.md).
constexpr std::array<const char*, 3> kMigrations = {
    // 1: provenance and UN General Assembly votes.
    R"sql(
CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  file TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  rows_read INTEGER NOT NULL,
  rows_accepted INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE unga_roll_calls (
  rcid INTEGER PRIMARY KEY,
  session INTEGER NOT NULL,
  date TEXT,                 -- YYYY-MM-DD, NULL when no source gave it
  year INTEGER NOT NULL,     -- calendar year of date; else the source's year
  important INTEGER,         -- 1/0, NULL when unknown
  described_by INTEGER REFERENCES imports(id),  -- the roll-call file that gave date and importance
  issues_coded INTEGER NOT NULL DEFAULT 0,  -- 1 when the issue flags below are known
  me INTEGER NOT NULL DEFAULT 0, nu INTEGER NOT NULL DEFAULT 0, di INTEGER NOT NULL DEFAULT 0,
  hr INTEGER NOT NULL DEFAULT 0, co INTEGER NOT NULL DEFAULT 0, ec INTEGER NOT NULL DEFAULT 0,
  import_id INTEGER NOT NULL REFERENCES imports(id)
);
CREATE TABLE unga_votes (
  rcid INTEGER NOT NULL,
  ccode INTEGER NOT NULL,    -- COW code
  vote INTEGER NOT NULL,     -- 1 yes, 2 abstain, 3 no, 8 absent (9 non-member is not stored)
  source INTEGER NOT NULL,   -- precedence rank: 1 Voeten, 2 unvotes, 3 wide file
  PRIMARY KEY (rcid, ccode)
) WITHOUT ROWID;
CREATE TABLE unga_vote_discrepancies (
  rcid INTEGER NOT NULL,
  ccode INTEGER NOT NULL,
  kept_vote INTEGER NOT NULL,
  kept_source INTEGER NOT NULL,
  other_vote INTEGER NOT NULL,
  other_source INTEGER NOT NULL,
  import_id INTEGER NOT NULL REFERENCES imports(id)
);
)sql",
    // 2: operational code (VICS) profiles of speeches (src/opcode, docs/opcode.md).
    R"sql(
CREATE TABLE opcode_speeches (
  id INTEGER PRIMARY KEY,
  corpus TEXT NOT NULL,      -- ungd, kremlin, au_pm, miller, radio, xi
  doc TEXT NOT NULL,         -- member or file name within the corpus
  iso3 TEXT NOT NULL,
  ccode INTEGER,             -- COW code of iso3 in that year, NULL when none
  year INTEGER NOT NULL,
  date TEXT,                 -- YYYY-MM-DD when known
  speaker TEXT NOT NULL DEFAULT '',
  post TEXT NOT NULL DEFAULT '',
  words INTEGER NOT NULL,
  sentences INTEGER NOT NULL,
  verbs INTEGER NOT NULL,    -- coded attributions, neutral included
  -- attribution counts by subject (s self, o other) and category m3..p3 (-3..+3)
  s_m3 INTEGER NOT NULL, s_m2 INTEGER NOT NULL, s_m1 INTEGER NOT NULL, s_0 INTEGER NOT NULL,
  s_p1 INTEGER NOT NULL, s_p2 INTEGER NOT NULL, s_p3 INTEGER NOT NULL,
  o_m3 INTEGER NOT NULL, o_m2 INTEGER NOT NULL, o_m1 INTEGER NOT NULL, o_0 INTEGER NOT NULL,
  o_p1 INTEGER NOT NULL, o_p2 INTEGER NOT NULL, o_p3 INTEGER NOT NULL,
  s_0_deeds INTEGER NOT NULL, o_0_deeds INTEGER NOT NULL,
  -- indices of this speech (NULL when undefined)
  p1 REAL, p2 REAL, p3 REAL, p4 REAL, p5 REAL, i1 REAL, i2 REAL, i3 REAL, i4a REAL, i4b REAL,
  reliable INTEGER NOT NULL,     -- 1 when >= 1,500 words and >= 15 valenced verbs
  not_english INTEGER NOT NULL,  -- 1 when the text did not look like English (not coded)
  import_id INTEGER NOT NULL REFERENCES imports(id),
  UNIQUE (corpus, doc)
);
CREATE INDEX opcode_speeches_iso3_year ON opcode_speeches (iso3, year);
CREATE INDEX opcode_speeches_speaker ON opcode_speeches (speaker);
)sql",
    // 3: the dyad profile panel (src/profile, docs/profile.md): one BLOB of
    // float32 columns per dyad (every year it spans), one BLOB per year of
    // the indices every dyad has that year (for ranking), and the column
    // layout the BLOBs were written with.
    R"sql(
CREATE TABLE profile_dyads (
  dyad INTEGER PRIMARY KEY,   -- ccode_a * 1000 + ccode_b, ccode_a < ccode_b
  first_year INTEGER NOT NULL,
  years INTEGER NOT NULL,
  data BLOB NOT NULL          -- years x columns float32, little-endian; NaN = missing
);
CREATE TABLE profile_years (
  year INTEGER PRIMARY KEY,
  dyads INTEGER NOT NULL,
  data BLOB NOT NULL          -- per dyad: uint32 key, then the index columns as float32
);
CREATE TABLE profile_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql",
};

}  // namespace

Result<int> SchemaVersion(Database& db) {
  auto stmt = db.Prepare("PRAGMA user_version");
  if (!stmt.ok()) return stmt.status();
  Status status;
  if (!stmt->Step(&status)) {
    return status.ok() ? Status::Internal("store: PRAGMA user_version returned nothing") : status;
  }
  return static_cast<int>(stmt->Int(0));
}

Status Migrate(Database& db, int target_version) {
  auto current = SchemaVersion(db);
  if (!current.ok()) {
    return Status::Data("'" + db.path() + "' is not an entente store (" +
                        current.status().message() + ")");
  }
  if (*current > target_version) {
    return Status::Data("store '" + db.path() + "' has schema version " + std::to_string(*current) +
                        ", newer than this entente (" + std::to_string(target_version) +
                        "): upgrade entente");
  }
  for (int version = *current + 1; version <= target_version; ++version) {
    Status s = InTransaction(db, [&] {
      if (Status step = db.Exec(kMigrations[version - 1]); !step.ok()) return step;
      return db.Exec("PRAGMA user_version = " + std::to_string(version));
    });
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace entente::internal
