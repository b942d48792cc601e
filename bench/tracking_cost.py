#!/usr/bin/env python3
"""What leak tracking costs: tether_bench with tracking off against on.

One binary measures both (TETHER_LEAK_TRACKING=0 skips every record update).
Runs alternate off/on (then on/off, so neither side always runs first) for a
number of rounds, each pinned to one CPU with one worker, and prints per
benchmark the median ns/op of each side and the median of the rounds' on/off
ratios. Pinning and alternation matter here: the differences sought (a few
ns per parking call) are smaller than what a shared machine's scheduling
moves a single run, and a slow spell (PingPong sometimes runs 10-20% slower
for several runs in a row, on either side) moves both runs of a round, so
the ratio within a round cancels it where a ratio of medians does not.

    bench/tracking_cost.py [--bench build/bin/tether_bench] [--rounds 10]
                           [--filter REGEX] [--markdown FILE]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys

TARGET = 1.05


def run_once(bench, filter_regex, tracking, min_time, cpu):
    env = dict(os.environ, TETHER_WORKERS="1", TETHER_LEAK_TRACKING=tracking)
    command = [bench, f"--benchmark_filter={filter_regex}",
               f"--benchmark_min_time={min_time}", "--benchmark_format=json"]
    if cpu is not None and shutil.which("taskset"):
        command = ["taskset", "-c", str(cpu)] + command
    out = subprocess.run(command, env=env, capture_output=True, text=True,
                         check=True).stdout
    return {b["name"].split("/")[0]: float(b["ns_per_op"])
            for b in json.loads(out)["benchmarks"]}


def measure(args):
    times = {}  # benchmark -> {"0": [...], "1": [...]}
    for round_index in range(args.rounds):
        order = ("0", "1") if round_index % 2 == 0 else ("1", "0")
        for tracking in order:
            results = run_once(args.bench, args.filter, tracking,
                               args.min_time, args.cpu)
            for name, ns in results.items():
                times.setdefault(name, {"0": [], "1": []})[tracking].append(ns)
    return {name: (statistics.median(sides["0"]), statistics.median(sides["1"]),
                   statistics.median(on / off for off, on
                                     in zip(sides["0"], sides["1"])))
            for name, sides in times.items()}


def table(rows):
    lines = ["| benchmark | tracking off (ns/op) | tracking on (ns/op) "
             "| on/off (median of rounds) |",
             "|---|---:|---:|---:|"]
    for name, (off, on, ratio) in rows.items():
        lines.append(f"| {name} | {off:.1f} | {on:.1f} | {ratio:.3f} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", default="build/bin/tether_bench")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--filter", default=".")
    parser.add_argument("--min-time", default="0.2")
    parser.add_argument("--cpu", type=int,
                        default=max(0, (os.cpu_count() or 1) - 1),
                        help="CPU to pin to (default: the last one)")
    parser.add_argument("--markdown", help="also write the table here")
    args = parser.parse_args()

    rows = measure(args)
    print(f"leak tracking on/off, TETHER_WORKERS=1, pinned to CPU {args.cpu}, "
          f"medians of {args.rounds} alternating rounds")
    print(table(rows))
    over = [name for name, (_, _, ratio) in rows.items() if ratio > TARGET]
    print(f"{len(rows) - len(over)} of {len(rows)} within "
          f"{(TARGET - 1) * 100:.0f}%" + (f"; over: {', '.join(over)}" if over else ""))
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(table(rows) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
