#!/usr/bin/env bash
# Fails when a C++ file differs from what clang-format (.clang-format) would write.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files '*.cc' '*.h' 2>/dev/null || find src include tests bench -name '*.cc' -o -name '*.h')
[ -n "$files" ] || exit 0
if ! clang-format --dry-run --Werror $files; then
  echo "formatting differs: run 'clang-format -i' on the files above" >&2
  exit 1
fi
echo "format: ok"
