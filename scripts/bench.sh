#!/usr/bin/env bash
# `make bench`: runs tether's benchmarks (bench/runtime_bench.cpp) and their Go
# twins (bench/go/) with the same number of threads, in alternating rounds:
# each round runs one tether run and one Go run back to back (tether first in
# odd rounds, Go first in even ones), so that a slow spell of a shared machine
# moves both runs of a round. bench/compare.py then prints, per benchmark, the
# median ns/op of each side, the median of the per-round tether/Go ratios and
# their spread (lowest and highest round).
#
#   scripts/bench.sh [--markdown FILE] [--json FILE] [--filter REGEX]
#
# Environment: BENCH_WORKERS (default: nproc) sets TETHER_WORKERS and
# GOMAXPROCS; BENCH_ROUNDS (5); BENCH_MIN_TIME (seconds per benchmark and
# run, 0.3); BUILD_DIR (build).
set -euo pipefail
cd "$(dirname "$0")/.."

markdown="" json="" filter="."
while (($#)); do
  case "$1" in
  --markdown) markdown="$2"; shift 2 ;;
  --json) json="$2"; shift 2 ;;
  --filter) filter="$2"; shift 2 ;;
  *) echo "usage: $0 [--markdown FILE] [--json FILE] [--filter REGEX]" >&2; exit 2 ;;
  esac
done

build=${BUILD_DIR:-build}
workers=${BENCH_WORKERS:-$(nproc)}
rounds=${BENCH_ROUNDS:-5}
min_time=${BENCH_MIN_TIME:-0.3}
out="$build/bench-results"
mkdir -p "$out"
rm -f "$out"/tether-*.json "$out"/go-*.txt

if [[ ! -x "$build/bin/tether_bench" ]]; then
  cmake --build "$build" --target tether_bench >/dev/null 2>&1 || true
fi
if [[ ! -x "$build/bin/tether_bench" ]]; then
  echo "bench: $build/bin/tether_bench is missing; configure $build without" \
    "TETHER_RUNTIME_ONLY (cmake --preset default -DTETHER_RUNTIME_ONLY=OFF)" >&2
  exit 1
fi

run_tether() {
  TETHER_WORKERS=$workers "$build/bin/tether_bench" \
    --benchmark_filter="$filter" --benchmark_min_time="$min_time" \
    --benchmark_format=json >"$out/tether-$1.json"
}

go_cache="$PWD/$build/go-cache"
run_go() {
  (
    cd bench/go
    export GOMAXPROCS=$workers GOFLAGS=-mod=mod GOPROXY=off \
      GOCACHE="$go_cache" GOTOOLCHAIN=local
    go test -run '^$' -bench "$filter" -benchtime "${min_time}s" \
      -count 1 -cpu "$workers"
  ) >"$out/go-$1.txt"
}

echo "== tether vs Go $(go env GOVERSION): $rounds alternating rounds," \
  "$workers workers / GOMAXPROCS, ${min_time}s per benchmark and run," \
  "load: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((round = 1; round <= rounds; round++)); do
  if ((round % 2)); then run_tether "$round"; run_go "$round"
  else run_go "$round"; run_tether "$round"; fi
  echo "   round $round of $rounds done"
done

args=(--workers "$workers")
for ((round = 1; round <= rounds; round++)); do
  args+=(--round "$out/tether-$round.json" "$out/go-$round.txt")
done
[[ -n "$markdown" ]] && args+=(--markdown "$markdown")
[[ -n "$json" ]] && args+=(--json "$json")
echo
python3 bench/compare.py "${args[@]}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# Seeing every thread: pthread_create through tether's interposer vs libc's,
# and one look at N blocked threads (docs/benchmarks.md, "Threads").
if [[ ! -x "$build/bin/thread_bench" ]]; then
  cmake --build "$build" --target thread_bench >/dev/null 2>&1 || true
fi
if [[ -x "$build/bin/thread_bench" ]]; then
  echo
  echo "== threads: interposition and look cost"
  "$build/bin/thread_bench" --benchmark_filter="$filter" \
    --benchmark_repetitions=3 --benchmark_min_time="$min_time" \
    --benchmark_report_aggregates_only=true
fi
