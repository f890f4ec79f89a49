#!/usr/bin/env bash
# The full test suite, as the README and CI run it:
#   1. install packages and build (scripts/setup.sh), Release;
#   2. check formatting (clang-format, committed .clang-format);
#   3. run every test (unit and integration on ../shared/data) with CTest;
#   4. browser tests of the dashboard (scripts/browser_test.sh: headless Chromium);
#   5. build again with AddressSanitizer + UndefinedBehaviorSanitizer and rerun.
# Idempotent; set ENTENTE_SKIP_SANITIZERS=1 to skip step 5 while iterating.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=$(nproc)

scripts/setup.sh
scripts/check_format.sh

echo "== tests (Release)"
ctest --test-dir build --output-on-failure -j "$JOBS"

echo "== browser tests (dashboard in headless Chromium)"
scripts/browser_test.sh

if [ "${ENTENTE_SKIP_SANITIZERS:-0}" != "1" ]; then
  echo "== tests (ASan + UBSan)"
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DENTENTE_SANITIZE=ON \
    -DENTENTE_BUILD_BENCHMARKS=OFF >/dev/null
  cmake --build build-asan -j "$JOBS"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$JOBS"
fi
