#!/usr/bin/env bash
# Times the operational-code corpus target: all speeches of the UN General
# Debate archive (../shared/data/ungd/UNGDC_1946-2024.tgz, read in place)
# coded into a FRESH store with both cores, through the contract command
#   entente --store S opcode --corpus ../shared/data/ungd --format csv --out FILE
# (target <= 120 s wall on this 2-core machine), then checks the CSV has the
# contract columns and one row per coded speech, and prints wall and CPU
# time, peak memory, words and words per second, with the machine and load.
#
# Usage: bench/opcode_corpus.sh [BUILD_DIR]     (default build)
# Environment: RUNS=3 (timed runs, each into its own fresh store), KEEP=1 keeps
# the scratch directory.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${1:-build}
ENTENTE=$ROOT/$BUILD_DIR/entente
RUNS=${RUNS:-3}
CORPUS=$(cd "$ROOT/../shared/data/ungd" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/entente-opcode-corpus-XXXXXX")
[[ ${KEEP:-0} == 1 ]] || trap 'rm -rf "$WORK"' EXIT
[[ -x $ENTENTE ]] || { echo "no $ENTENTE: build the entente target first" >&2; exit 1; }

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -h | awk '/Mem:/{print $2}') RAM"
echo "commit: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo ' (+ uncommitted changes)')"
for run in $(seq 1 "$RUNS"); do
  store=$WORK/store$run.sqlite
  out=$WORK/ungd$run.csv
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -f '%e %U %S %M' -o "$WORK/time$run" \
    "$ENTENTE" --store "$store" opcode --corpus "$CORPUS" --format csv --out "$out" 2>"$WORK/log$run"
  read -r wall user sys rss <"$WORK/time$run"
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/python3 - "$out" "$wall" "$user" "$sys" "$rss" "$load_before" "$load_after" "$run" <<'EOF'
import csv, sys
out, wall, user, sys_t, rss, before, after, run = sys.argv[1:]
required = "iso3,year,speaker,words,verbs,p1,p2,p3,p4,p5,i1,i2,i3,i4a,i4b".split(",")
with open(out, newline="", encoding="utf-8") as f:
    reader = csv.DictReader(f)
    missing = [c for c in required if c not in reader.fieldnames]
    rows = list(reader)
if missing:
    sys.exit(f"contract columns missing from {out}: {missing}")
words = sum(int(r["words"]) for r in rows)
verbs = sum(int(r["verbs"]) for r in rows)
wall = float(wall)
print(f"run {run}: {len(rows)} speeches, {words:,} words, {verbs:,} coded verbs; "
      f"wall {wall:.1f} s, CPU {float(user):.1f} s user + {float(sys_t):.1f} s sys, "
      f"peak RSS {int(rss) // 1024} MB; {words / wall:,.0f} words/s (wall); "
      f"load average before {before}, after {after}; contract columns present")
EOF
  grep -v '^\s*$' "$WORK/log$run" | tail -n 3 | sed 's/^/    entente: /'
done
