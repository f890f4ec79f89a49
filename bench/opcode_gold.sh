#!/usr/bin/env bash
# Accuracy of the VICS coder on the hand-coded gold standard (tests/gold/):
#   bench/opcode_gold.sh [BUILD_DIR] [--set main|heldout|third|fourth|fifth] [extra `entente opcode` options, e.g. --cameo-seed]
# --set heldout scores tests/gold/heldout_*.tsv, drawn after the lexicon was tuned;
# --set third, --set fourth and --set fifth score the later samples (tests/gold/README.md).
# GOLD_VERBOSE=1 lists every miss, extra and disagreement.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
shift || true
exec /usr/bin/python3 bench/opcode_gold.py "$BUILD_DIR/entente" "$@"
