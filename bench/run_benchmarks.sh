#!/usr/bin/env bash
# Times the UNGA acceptance targets end to end with the real data and prints
# a results block (copied into bench/RESULTS.md):
#   1. import of the Voeten file (+ its roll-call and issue companions) into a
#      fresh store                                               target <= 3 s
#   2. votes --all-dyads 1946:2015 --by-issue to CSV (and without --by-issue)
#                                                                target <= 1 s
#   3. idealpoints 1946:2015                                     target <= 30 s
#   4. the pandas peer (bench/peer_votes_pandas.py) on the same panels, its
#      speed and peak memory, and a value-by-value comparison of the outputs
#      (bench/compare_panels.py)
#
# Usage: bench/run_benchmarks.sh            (from anywhere)
# Environment:
#   BUILD_DIR=build-bench     CMake build directory (configured and built if needed)
#   WORK_DIR=$(mktemp -d)     scratch directory for the store and the outputs
#   RUNS=5                    hyperfine runs per command (after one warm-up)
#   SKIP_PEER=1               skip the pandas peer (it takes minutes and GBs)
#   PEER_CHUNK_YEARS=10       years per pandas chunk (0: all at once; the
#                             self-merge then needs ~17 GB without --by-issue)
#   KEEP=1                    keep WORK_DIR afterwards
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-build-bench}
RUNS=${RUNS:-5}
PEER_CHUNK_YEARS=${PEER_CHUNK_YEARS:-10}
DATA=$(cd "$ROOT/../shared/data/unga" && pwd)
VOETEN=$DATA/voeten_votes_1946_2015.csv
PY=/usr/bin/python3  # Debian's, with pandas (the python3 on PATH may lack it)
WORK=${WORK_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/entente-bench.XXXXXX")}
mkdir -p "$WORK"
if [[ -z "${KEEP:-}" && -z "${WORK_DIR:-}" ]]; then trap 'rm -rf "$WORK"' EXIT; fi

cd "$ROOT"
if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD_DIR" -j2 --target entente >/dev/null
ENTENTE=$ROOT/$BUILD_DIR/entente

STORE=$WORK/store.sqlite
RESULTS=$WORK/results.txt
: >"$RESULTS"
note() { echo "$*" | tee -a "$RESULTS"; }

# hyperfine over one command; appends "label | mean +- sd | min | max" to the results.
time_it() {
  local label=$1 prepare=$2 command=$3
  hyperfine --warmup 1 --runs "$RUNS" --style basic --prepare "$prepare" \
    --export-json "$WORK/hf.json" "$command" >&2
  "$PY" - "$WORK/hf.json" "$label" "$command" >>"$RESULTS" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
sd = r.get("stddev") or 0.0
print(f"| {sys.argv[2]} | {r['mean']:.3f} +- {sd:.3f} | {r['min']:.3f} | {r['max']:.3f} "
      f"| user {r['user']:.3f} sys {r['system']:.3f} | `{sys.argv[3]}` |")
EOF
  tail -1 "$RESULTS"
}

# /usr/bin/time -v once: "wall s, peak RSS MB".
peak() {
  local log=$WORK/time.log
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; return 1; }
  "$PY" - "$log" <<'EOF'
import re, sys
t = open(sys.argv[1]).read()
wall = t.split("Elapsed (wall clock) time (h:mm:ss or m:ss): ")[1].split()[0]
secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall.split(":"))))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
user = float(re.search(r"User time \(seconds\): ([\d.]+)", t).group(1))
system = float(re.search(r"System time \(seconds\): ([\d.]+)", t).group(1))
print(f"{secs:.2f} s wall, user {user:.2f} s, sys {system:.2f} s, peak RSS {rss / 1024:.0f} MB")
EOF
}

note "## entente UNGA benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src include || echo ' + uncommitted changes')"
note "machine: nproc $(nproc); $(lscpu | grep 'Model name' | sed 's/  */ /g'); memory $(free -g | awk '/^Mem:/{print $2}') GiB"
note "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
note ""
note "| what | mean +- sd (s) | min (s) | max (s) | CPU (s, mean) | command |"
note "|---|---|---|---|---|---|"

time_it "import Voeten + companions, fresh store" "rm -f $STORE $STORE-wal $STORE-shm" \
  "$ENTENTE --quiet --store $STORE import unga $VOETEN"

# The store the measures read (the last import above left one; make sure).
rm -f "$STORE" "$STORE-wal" "$STORE-shm"
"$ENTENTE" --quiet --store "$STORE" import unga "$VOETEN" >/dev/null

OUT_ALL=$WORK/dyads.csv
OUT_ISSUE=$WORK/dyads_by_issue.csv
# --prepare removes the previous run's output, so deleting a 265 MB file is not timed.
time_it "votes --all-dyads 1946:2015, all measures" "rm -f $OUT_ALL" \
  "$ENTENTE --quiet --store $STORE votes --all-dyads --years 1946:2015 --format csv --out $OUT_ALL"
time_it "votes --all-dyads 1946:2015 --by-issue" "rm -f $OUT_ISSUE" \
  "$ENTENTE --quiet --store $STORE votes --all-dyads --years 1946:2015 --by-issue --format csv --out $OUT_ISSUE"

OUT_IP=$WORK/idealpoints.csv
if "$ENTENTE" idealpoints --help >/dev/null 2>&1; then
  note "| idealpoints 1946:2015 (once) | $(peak "$ENTENTE" --quiet --store "$STORE" idealpoints --years 1946:2015 --format csv --out "$OUT_IP") | | | | \`$ENTENTE --store $STORE idealpoints --years 1946:2015 --format csv --out $OUT_IP\` |"
else
  note "| idealpoints 1946:2015 | TODO: the idealpoints command is not built yet | | | | |"
fi
note ""
note "peak memory (one run each, /usr/bin/time -v):"
note "- entente import: $(rm -f "$WORK"/peak.sqlite*; peak "$ENTENTE" --quiet --store "$WORK/peak.sqlite" import unga "$VOETEN")"
note "- entente votes: $(peak "$ENTENTE" --quiet --store "$STORE" votes --all-dyads --years 1946:2015 --format csv --out "$WORK/peak.csv")"
note "- entente votes --by-issue: $(peak "$ENTENTE" --quiet --store "$STORE" votes --all-dyads --years 1946:2015 --by-issue --format csv --out "$WORK/peak.csv")"
rm -f "$WORK"/peak.*

if [[ -z "${SKIP_PEER:-}" ]]; then
  PEER_ALL=$WORK/peer.csv
  PEER_ISSUE=$WORK/peer_by_issue.csv
  chunk=()
  if [[ "$PEER_CHUNK_YEARS" != 0 ]]; then chunk=(--chunk-years "$PEER_CHUNK_YEARS"); fi
  note ""
  note "pandas peer ($("$PY" -c 'import pandas, numpy; print("pandas", pandas.__version__, "numpy", numpy.__version__)'); chunks of ${PEER_CHUNK_YEARS} years, 0 = all at once):"
  note "- peer, all measures: $(peak "$PY" bench/peer_votes_pandas.py "$VOETEN" "$PEER_ALL" "${chunk[@]}")"
  note "- peer, --by-issue: $(peak "$PY" bench/peer_votes_pandas.py "$VOETEN" "$PEER_ISSUE" --by-issue "${chunk[@]}")"
  for pair in "$OUT_ALL $PEER_ALL" "$OUT_ISSUE $PEER_ISSUE"; do
    set -- $pair
    note ""
    note "compare_panels $(basename "$1") vs $(basename "$2"):"
    "$PY" bench/compare_panels.py "$1" "$2" | sed 's/^/    /' | tee -a "$RESULTS" || true
    note "  and without the rows with n = 0:"
    "$PY" bench/compare_panels.py --drop-empty "$1" "$2" | sed 's/^/    /' | tee -a "$RESULTS" || true
  done
fi

note ""
note "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "================ results ================"
cat "$RESULTS"
