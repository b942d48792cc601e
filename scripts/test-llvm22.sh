#!/usr/bin/env bash
# The checks against LLVM 22 (make test-llvm22): tether-tidy and the --load
# module built with clang-22 in build-llvm22 (preset llvm22), the whole lit
# suite of the checks (test/checks/) under clang-tidy-22, then the reverse
# of its version-mismatch test: the LLVM 19 module of build/ loaded into
# clang-tidy-22. Prints how long the build and the lit run took.
set -uo pipefail
cd "$(dirname "$0")/.."

SECONDS=0
cmake --preset llvm22 >/dev/null && cmake --build --preset llvm22 || exit 1
build_seconds=$SECONDS

SECONDS=0
status=0
lit=(/usr/bin/python3 /usr/lib/llvm-22/bin/lit -sv)
"${lit[@]}" --xunit-xml-output build-llvm22/test/lit-results.xml \
  build-llvm22/test/checks || status=1
echo "== the LLVM 19 module (build/) in clang-tidy 22"
"${lit[@]}" build/test/checks/smoke/version-mismatch.test || status=1

echo "tether: LLVM 22 build ${build_seconds}s, lit ${SECONDS}s"
exit $status
