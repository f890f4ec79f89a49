#!/usr/bin/env bash
# Accuracy of the VICS coder on the hand-coded gold standard (tests/gold/):
#   bench/opcode_gold.sh [BUILD_DIR] [extra `entente opcode` options, e.g. --cameo-seed]
# GOLD_VERBOSE=1 lists every miss, extra and disagreement.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
shift || true
exec python3 bench/opcode_gold.py "$BUILD_DIR/entente" "$@"
