#!/usr/bin/env bash
# Lints the checks' own code with checks/.clang-tidy (LLVM's conventions,
# misc-*, LLVM naming) through clang-tidy 19 and the default build's compile
# database; fails on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
/usr/bin/run-clang-tidy-19 -quiet -j2 -p build \
  -clang-tidy-binary /usr/lib/llvm-19/bin/clang-tidy \
  "$PWD/checks/.*\.cpp\$"
