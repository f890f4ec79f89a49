#!/usr/bin/env bash
# Installs the Debian packages entente needs and builds it (Release) into build/.
# Idempotent: packages already present are not reinstalled, the build is incremental.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  g++ cmake make pkg-config git
  libsqlite3-dev libssl-dev libcli11-dev nlohmann-json3-dev libicu-dev libarchive-dev
  liblingua-en-tagger-perl link-grammar
  libcurl4-openssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-format python3 python3-pandas
  libcpp-httplib-dev wrk curl chromium
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "entente setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# Browser tests of the dashboard (scripts/browser_test.sh): playwright-core
# from npm, pinned by tests/browser/package-lock.json; it drives the Chromium
# above (it never downloads a browser). Reinstalled only when the lock changes.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >&2
fi
if ! cmp -s tests/browser/package-lock.json tests/browser/node_modules/.entente-lock 2>/dev/null; then
  echo "entente setup: installing the browser-test packages (npm ci)" >&2
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >&2)
  cp tests/browser/package-lock.json tests/browser/node_modules/.entente-lock
fi

BUILD_DIR=${ENTENTE_BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$BUILD_DIR" -j "$(nproc)"
