#!/usr/bin/env bash
# Browser tests of the dashboard (tests/browser/dashboard.test.mjs):
# playwright-core drives Debian's Chromium headless against `entente serve`
# on a loopback ephemeral port; screenshots go to $BUILD_DIR/browser-artifacts/.
#
# The store they serve is built once in $BUILD_DIR/browser-store/: every UN
# vote file (`entente init`, which skips files already imported) and the first
# 40 speeches of the UN General Debate archive coded for the beliefs chart,
# and the profile panel (`entente import profile`, so the server opens it).
# Needs scripts/setup.sh to have run (Chromium, node, tests/browser/node_modules).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${ENTENTE_BUILD_DIR:-build}
DATA=${ENTENTE_DATA:-$(pwd)/../shared/data}
BINARY=$(pwd)/$BUILD_DIR/entente
STORE_DIR=$BUILD_DIR/browser-store
STORE=$(pwd)/$STORE_DIR/entente.sqlite
ARTIFACTS=$(pwd)/$BUILD_DIR/browser-artifacts

mkdir -p "$STORE_DIR" "$ARTIFACTS"
"$BINARY" --store "$STORE" --data "$DATA" -q init
# Coding is not idempotent by itself: a marker says the sample is in.
if [ ! -f "$STORE_DIR/ungd-sample.done" ]; then
  "$BINARY" --store "$STORE" --data "$DATA" -q opcode --corpus "$DATA/ungd" --limit 40 \
    --format csv --out /dev/null
  touch "$STORE_DIR/ungd-sample.done"
fi
# Stored again when an evidence or framework file changed since (a stale
# panel would be rebuilt by every profile command instead of opened).
if [ ! -f "$STORE_DIR/profile.done" ] ||
  [ -n "$(find data/evidence data/frameworks -newer "$STORE_DIR/profile.done" -print -quit)" ]; then
  "$BINARY" --store "$STORE" --data "$DATA" -q import profile
  touch "$STORE_DIR/profile.done"
fi

rm -f "$ARTIFACTS"/*.png
ENTENTE_BINARY=$BINARY ENTENTE_STORE=$STORE ENTENTE_DATA=$DATA ENTENTE_ARTIFACTS=$ARTIFACTS \
  node --test --test-reporter=spec tests/browser/dashboard.test.mjs
echo "screenshots: $ARTIFACTS"
