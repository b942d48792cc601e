#!/usr/bin/env bash
# `make bench`: runs tether's benchmarks (bench/runtime_bench.cpp) and their Go
# twins (bench/go/) side by side with the same number of threads, then prints
# benchmark, tether ns/op, Go ns/op and the ratio (medians of the repetitions).
#
#   scripts/bench.sh [--markdown FILE] [--json FILE] [--filter REGEX]
#
# Environment: BENCH_WORKERS (default: nproc) sets TETHER_WORKERS and
# GOMAXPROCS; BENCH_REPETITIONS (3); BENCH_MIN_TIME (seconds, 0.5);
# BUILD_DIR (build).
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
repetitions=${BENCH_REPETITIONS:-3}
min_time=${BENCH_MIN_TIME:-0.5}
out="$build/bench-results"
mkdir -p "$out"

if [[ ! -x "$build/bin/tether_bench" ]]; then
  cmake --build "$build" --target tether_bench >/dev/null 2>&1 || true
fi
if [[ ! -x "$build/bin/tether_bench" ]]; then
  echo "bench: $build/bin/tether_bench is missing; configure $build without" \
    "TETHER_RUNTIME_ONLY (cmake --preset default -DTETHER_RUNTIME_ONLY=OFF)" >&2
  exit 1
fi

echo "== tether ($workers workers, $repetitions x ${min_time}s)"
TETHER_WORKERS=$workers "$build/bin/tether_bench" \
  --benchmark_filter="$filter" \
  --benchmark_repetitions="$repetitions" \
  --benchmark_min_time="$min_time" \
  --benchmark_report_aggregates_only=true \
  --benchmark_out="$out/tether.json" --benchmark_out_format=json

echo "== Go $(go env GOVERSION) (GOMAXPROCS=$workers, $repetitions x ${min_time}s)"
(
  cd bench/go
  export GOMAXPROCS=$workers GOFLAGS=-mod=mod GOPROXY=off \
    GOCACHE="$PWD/../../$build/go-cache" GOTOOLCHAIN=local
  go test -run '^$' -bench "$filter" -benchtime "${min_time}s" \
    -count "$repetitions" -cpu "$workers"
) | tee "$out/go.txt"

args=("$out/tether.json" "$out/go.txt" --workers "$workers")
[[ -n "$markdown" ]] && args+=(--markdown "$markdown")
[[ -n "$json" ]] && args+=(--json "$json")
echo
python3 bench/compare.py "${args[@]}"

# Seeing every thread: pthread_create through tether's interposer vs libc's,
# and one look at N blocked threads (docs/benchmarks.md, "Threads").
if [[ ! -x "$build/bin/thread_bench" ]]; then
  cmake --build "$build" --target thread_bench >/dev/null 2>&1 || true
fi
if [[ -x "$build/bin/thread_bench" ]]; then
  echo
  echo "== threads: interposition and look cost"
  "$build/bin/thread_bench" --benchmark_filter="$filter" \
    --benchmark_repetitions="$repetitions" \
    --benchmark_min_time="$min_time" \
    --benchmark_report_aggregates_only=true
fi
