#!/usr/bin/env bash
# The main job: install and build (scripts/setup.sh), import the shared
# datasets into the store, and answer the project's first question: how aligned
# are China and Russia at the UN, and since when?
# Idempotent: files already imported are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

DATA=${ENTENTE_DATA:-$(pwd)/../shared/data}
export ENTENTE_STORE=${ENTENTE_STORE:-$(pwd)/out/entente.sqlite}
mkdir -p out

build/entente init --data "$DATA"
echo
build/entente votes CHN RUS --years 1992:2019 --format table
echo
build/entente votes --all-dyads --years 1946:2019 --format csv --out out/unga_dyad_years.csv
build/entente idealpoints --years 1946:2019 --format csv --out out/unga_idealpoints.csv
echo "store: $ENTENTE_STORE; panel: out/unga_dyad_years.csv; ideal points: out/unga_idealpoints.csv"
# The dyad profile (docs/profile.md): build and store the panel once, then query it.
build/entente import profile --data "$DATA"
build/entente profile CHN RUS --years 1991:2025 --compare USA-AUS,USA-JPN,USA-IND --format table
