#!/usr/bin/env bash
# Fails if any tracked C++ file is not clang-format-19 clean (LLVM style).
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files '*.cpp' '*.hpp' '*.h' ':!:test/checks/**' ':!:test/**/Inputs/**' |
  xargs -r /usr/lib/llvm-19/bin/clang-format --dry-run -Werror
