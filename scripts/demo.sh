#!/usr/bin/env bash
# `make demo`: checks the leak scenarios (examples/) with tether's clang-tidy
# checks, then runs each, fixed version then leaky twin, and shows what
# tether's leak detector reports about them.
#
# Steps:
#   0. the static report: tether-tidy -checks=tether-* over examples/
#   1. build the examples (if the build tree skipped them, say so and stop)
#   2. run each example; its output is the detector's report per version
#   3. one more run with TETHER_LEAK_REPORT=1: the dump at process exit
set -euo pipefail
cd "$(dirname "$0")/.."

build=${BUILD_DIR:-build}
bin="$build/examples"

examples=(
  channel_blocking infinite_loop unstopped_ticker context_not_propagated
  dropped_cancel counting dump_analysis monitor
  cancel_context timeout_context deadline_context context_chaining
  timeout_send_recv cancelable_channels safe_producer_consumer fan_in_fan_out
  thread_condition_variable thread_spin_atomic thread_detached_sleep
  thread_future_get
)

# 0. The checks: every tether diagnostic on the examples, leaky and fixed.
echo "################ tether-tidy -checks='-*,tether-*' examples/*.cpp"
for example in "${examples[@]}"; do
  "$build/bin/tether-tidy" --quiet -checks='-*,tether-*' \
    "examples/$example.cpp" -- -std=c++20 -Ilib/include -Iexamples 2>/dev/null |
    sed "s|$PWD/||g" || true
done

# 1. Build.
if ! cmake --build "$build" --target examples; then
  echo "demo: the examples did not build (is TETHER_RUNTIME_ONLY on in $build?)" >&2
  exit 1
fi

# 2. Run: reports print paths relative to the repository, for readability.
for example in "${examples[@]}"; do
  echo
  echo "################ examples/$example.cpp"
  "$bin/$example" 2>&1 | sed "s|$PWD/||g"
done

# 3. The exit-time dump, without touching the code.
echo
echo "################ TETHER_LEAK_REPORT=1 examples/channel_blocking.cpp (leaky only)"
TETHER_LEAK_REPORT=1 "$bin/channel_blocking" leaky 2>&1 | sed "s|$PWD/||g"

# 4. Threads at exit: a std::thread left waiting, without touching the code.
echo
echo "################ TETHER_LEAK_REPORT=1 examples/thread_condition_variable.cpp (leaky only)"
TETHER_LEAK_REPORT=1 "$bin/thread_condition_variable" leaky 2>&1 | sed "s|$PWD/||g"
