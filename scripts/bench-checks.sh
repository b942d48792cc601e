#!/usr/bin/env bash
# `make bench-checks`: speed of the tether checks on the real-code corpus
# (bench/realcode/ plus tether's own lib/, examples/, tests) against parse
# cost and two CFG-building upstream checks, then their scaling with function
# count (N = 10, 100, 1000). Prints both tables; docs/benchmarks.md ("Speed of
# the checks") explains them and records a run.
#
#   BENCH_CHECKS_FILTER  regex over TU paths (default: the third-party TUs and
#                        lib/src; '' for all 50-odd TUs)
#   BENCH_CHECKS_REPEAT  runs per TU and configuration, minimum kept (default 2)
#   TETHER_TIDY          the binary for all three configurations
#                        (default build/bin/tether-tidy)
#   BENCH_CHECKS_NOISE_FLOOR=1  also time (a) twice per round and print the
#                        A/A column: how far the paired ratio reads from 1
#                        with no checks at all
#   BENCH_CHECKS_INSTRUCTIONS=1  also count instructions of (a) and (b) per TU
#                        under callgrind (deterministic; ~1 min per TU and
#                        configuration)
set -euo pipefail
cd "$(dirname "$0")/.."

tidy=${TETHER_TIDY:-build/bin/tether-tidy}
out=build/bench-checks
filter=${BENCH_CHECKS_FILTER-bench/realcode/|/lib/src/}
repeat=${BENCH_CHECKS_REPEAT:-2}
mkdir -p "$out"
noise_floor=()
[[ ${BENCH_CHECKS_NOISE_FLOOR:-} == 1 ]] && noise_floor=(--noise-floor)

echo "== tether-tidy: $tidy ($(date -u '+%F %H:%M UTC'); load:$(uptime | sed 's/.*load average://'); $(nproc) cores)"
python3 bench/realcode/compile_commands.py --out "$out" --build build
rm -rf "$out/profile"

echo "== speed: CPU seconds (user+sys), min of $repeat, per TU"
python3 bench/checks/bench_checks.py --tidy "$tidy" -p "$out" \
  --repeat "$repeat" --filter "$filter" --root "$PWD" \
  --profile-dir "$out/profile" "${noise_floor[@]}" \
  --markdown "$out/speed.md" --json "$out/speed.json"

if [[ ${BENCH_CHECKS_INSTRUCTIONS:-} == 1 ]]; then
  echo "== instructions (callgrind), per TU"
  python3 bench/checks/instructions.py --tidy "$tidy" -p "$out" \
    --filter "$filter" --markdown "$out/instructions.md"
fi

echo "== scaling: generated TUs of N functions"
python3 bench/checks/scaling.py --tidy "$tidy" --include lib/include \
  --repeat "$repeat" --work "$out/scaling" --markdown "$out/scaling.md"
echo "== tables written to $out/speed.md and $out/scaling.md (load now:$(uptime | sed 's/.*load average://'))"
