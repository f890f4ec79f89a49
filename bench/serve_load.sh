#!/usr/bin/env bash
# Load test of `entente serve` with wrk on loopback; results in bench/RESULTS.md.
#
#   bench/serve_load.sh [ENDPOINT] [DURATION] [CONNECTIONS]
#   ENDPOINT     profile (default), votes, military, ... (the path under /api/v1/)
#   DURATION     wrk's -d, default 30s
#   CONNECTIONS  wrk's -c, default 16 (the server gets as many workers)
#   QUERY        environment: extra query string, e.g. QUERY='&years=1990:2015'
#   CACHE_MB     environment: the server's --cache-mb (0: every request computed)
#   WARMUP=1     environment: ask for each of the 780 dyads once before measuring
#                (with the cache on, the measurement is then of cached answers)
#
# Starts build/entente serve on a free loopback port with the store
# $ENTENTE_STORE (default out/entente.sqlite, as scripts/run.sh makes it),
# runs wrk (2 threads) with bench/serve_load.lua, which cycles over the 780
# dyads of 40 states so that no answer is repeated back to back, then stops
# the server. Prints the machine's load before and after: on a shared
# machine, say what else ran.
set -euo pipefail
cd "$(dirname "$0")/.."
ENDPOINT=${1:-profile}
DURATION=${2:-30s}
CONNECTIONS=${3:-16}
STORE=${ENTENTE_STORE:-out/entente.sqlite}
BINARY=${ENTENTE_BINARY:-build/entente}
command -v wrk >/dev/null || { echo "wrk is not installed: run scripts/setup.sh" >&2; exit 1; }
[ -f "$STORE" ] || { echo "no store at $STORE: run scripts/run.sh first" >&2; exit 1; }

log=$(mktemp)
"$BINARY" --store "$STORE" -q serve --port 0 --threads "$CONNECTIONS" ${CACHE_MB:+--cache-mb "$CACHE_MB"} \
  >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1200); do
  grep -q "listening on" "$log" && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
url=$(grep -o 'http://[^ ]*' "$log" | head -1)
url=${url%/}
first="${url}/api/v1/${ENDPOINT}?a=CHN&b=RUS${QUERY:-}"
status=$(curl -s -o /dev/null -w '%{http_code}' "$first" || true)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server: $BINARY serve --threads $CONNECTIONS${CACHE_MB:+ --cache-mb $CACHE_MB}, store $STORE"
echo "check: GET $first -> $status"
[ "$status" = 200 ] || { echo "the endpoint does not answer 200: not load-testing it" >&2; exit 1; }
if [ "${WARMUP:-0}" = 1 ]; then
  # The dyads of bench/serve_load.lua, each once, on one keep-alive connection.
  states=$(sed -n '/^local states = {/,/^}/p' bench/serve_load.lua | grep -o '"[A-Z]*"' | tr -d '"')
  config=$(mktemp)
  set -- $states
  while [ $# -gt 0 ]; do
    a=$1; shift
    for b in "$@"; do
      echo "url = \"${url}/api/v1/${ENDPOINT}?a=${a}&b=${b}${QUERY:-}\"" >>"$config"
      echo "output = /dev/null" >>"$config"
    done
  done
  start=$(date +%s.%N)
  curl -s -K "$config"
  echo "warm-up: $(grep -c "^url" "$config") requests in $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }") s"
  rm -f "$config"
fi
ENDPOINT=$ENDPOINT QUERY=${QUERY:-} wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency \
  -s bench/serve_load.lua "$url"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
