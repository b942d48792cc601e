#!/usr/bin/env python3
"""Compares tether's benchmarks with their Go twins.

Reads Google Benchmark JSON (tether) and `go test -bench` output (Go), takes
the median ns/op of each benchmark's repetitions, and prints benchmark,
tether ns/op, Go ns/op and tether/Go; optionally writes the same table as
markdown or JSON (for docs/benchmarks.md).
"""
import argparse
import json
import re
import statistics
import sys

TARGET = 1.5
GO_LINE = re.compile(r"^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op")


def tether_medians(path):
    with open(path) as f:
        data = json.load(f)
    runs = {}
    for bench in data["benchmarks"]:
        if bench.get("run_type") == "aggregate":
            if bench.get("aggregate_name") != "median":
                continue
        elif any(b.get("run_type") == "aggregate" for b in data["benchmarks"]):
            continue
        name = bench["run_name"].split("/")[0]
        runs.setdefault(name, []).append(float(bench["ns_per_op"]))
    return {name: statistics.median(values) for name, values in runs.items()}


def go_medians(path):
    runs = {}
    with open(path) as f:
        for line in f:
            match = GO_LINE.match(line)
            if match:
                runs.setdefault(match[1], []).append(float(match[2]))
    return {name: statistics.median(values) for name, values in runs.items()}


def fmt(ns):
    return "-" if ns is None else (f"{ns:.1f}" if ns < 100 else f"{ns:.0f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tether_json")
    parser.add_argument("go_output")
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--markdown", help="also write a markdown table here")
    parser.add_argument("--json", help="also write the rows as JSON here")
    args = parser.parse_args()

    tether = tether_medians(args.tether_json)
    go = go_medians(args.go_output)
    rows = []
    for name in list(tether) + [n for n in go if n not in tether]:
        t, g = tether.get(name), go.get(name)
        ratio = t / g if t is not None and g else None
        rows.append({"benchmark": name, "tether_ns_per_op": t,
                     "go_ns_per_op": g, "ratio": ratio})

    header = ("benchmark", "tether ns/op", "Go ns/op", "tether/Go")
    lines = [(r["benchmark"], fmt(r["tether_ns_per_op"]), fmt(r["go_ns_per_op"]),
              "-" if r["ratio"] is None else f"{r['ratio']:.2f}"
              + (" *" if r["ratio"] > TARGET else ""))
             for r in rows]
    widths = [max(len(row[i]) for row in [header] + lines) for i in range(4)]
    for row in [header] + lines:
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                        for i, (cell, w) in enumerate(zip(row, widths))))
    over = [r["benchmark"] for r in rows if r["ratio"] and r["ratio"] > TARGET]
    print(f"\n* above the {TARGET} target: {', '.join(over)}" if over
          else f"\nevery ratio at or below {TARGET}")

    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write("| benchmark | tether ns/op | Go ns/op | tether/Go |\n")
            f.write("|---|---:|---:|---:|\n")
            for row in lines:
                f.write("| " + " | ".join(row) + " |\n")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"workers": args.workers, "target_ratio": TARGET,
                       "rows": rows}, f, indent=2)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
