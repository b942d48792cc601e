#!/usr/bin/env bash
# Runs every test: the default tree (GoogleTest suites and lit under ctest),
# the runtime suites again under AddressSanitizer and under ThreadSanitizer,
# the format check and the lint of checks/; ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."

results=build/test-results
rm -rf "$results"
mkdir -p "$results"

run_ctest() { # preset, junit file
  ctest --preset "$1" -j2 --output-junit "$PWD/$results/$2" "${@:3}"
}

status=0
run_ctest default default.xml || status=1

for sanitizer in asan tsan; do
  echo "== runtime tests under $sanitizer"
  cmake --preset "$sanitizer" >/dev/null &&
    cmake --build --preset "$sanitizer" &&
    run_ctest "$sanitizer" "$sanitizer.xml" || status=1
done

echo "== clang-format"
./scripts/check-format.sh >"$results/format.log" 2>&1
format_status=$?
cat "$results/format.log"

echo "== lint of checks/ (checks/.clang-tidy)"
./scripts/lint-checks.sh >"$results/checks-lint.log" 2>&1
lint_status=$?
grep -E "(warning|error):" "$results/checks-lint.log" || true

python3 scripts/test_summary.py "$results" build/test/lit-results.xml \
  --extra "clang-format=$format_status" \
  --extra "checks-lint=$lint_status" || status=1
exit $status
