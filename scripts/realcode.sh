#!/usr/bin/env bash
# `make realcode`: every tether diagnostic on the real-code corpus, each
# checked against its triage in docs/precision.md (exit 1 on an untriaged or
# stale row). The corpus: bench/realcode/*.cpp over Debian's installed
# libraries (those of compile_commands.py's USER_CODE analysed as user code,
# their headers copied to build/realcode/realcode-src/), plus tether's own
# lib/src, examples/ and test/runtime. docs/precision.md explains it.
#
#   TETHER_TIDY      the binary (default build/bin/tether-tidy)
#   REALCODE_CHECKS  the checks (default -*,tether-*); e.g. -*,tether-lost-wakeup
#                    for one check: rows of checks not run are not stale
#   REALCODE_FILTER  regex over TU paths (default: all); with a filter,
#                    rows no longer reported are not called stale
set -euo pipefail
cd "$(dirname "$0")/.."

tidy=${TETHER_TIDY:-build/bin/tether-tidy}
out=build/realcode
python3 bench/realcode/compile_commands.py --out "$out" --build build
python3 bench/checks/precision_list.py --tidy "$tidy" -p "$out" -j 2 \
  --checks="${REALCODE_CHECKS:--*,tether-*}" --filter="${REALCODE_FILTER:-}"
