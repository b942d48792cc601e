#!/usr/bin/env python3
"""Compares tether's benchmarks with their Go twins over alternating rounds.

Each round is one tether run (Google Benchmark JSON) and one Go run
(`go test -bench` output) made back to back by scripts/bench.sh. Per
benchmark it prints the median ns/op of each side over the rounds, the
median of the per-round tether/Go ratios, and their spread (the lowest and
highest round's ratio). A ratio taken inside a round cancels a slow spell of
a shared machine that lasts a round; a ratio of the two sides' medians does
not. Optionally writes the table as markdown or JSON (docs/benchmarks.md).

    bench/compare.py --round T1.json G1.txt [--round T2.json G2.txt ...]
                     [--workers N] [--markdown FILE] [--json FILE]
"""
import argparse
import json
import re
import statistics
import sys

TARGET = 1.0
GO_LINE = re.compile(r"^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op")


def tether_run(path):
    with open(path) as f:
        data = json.load(f)
    return {bench["run_name"].split("/")[0]: float(bench["ns_per_op"])
            for bench in data["benchmarks"]
            if bench.get("run_type", "iteration") == "iteration"}


def go_run(path):
    with open(path) as f:
        return {m[1]: float(m[2]) for m in map(GO_LINE.match, f) if m}


def rows_of(rounds):
    names = list(dict.fromkeys(n for tether, go in rounds
                               for n in list(tether) + list(go)))
    rows = []
    for name in names:
        t = [r[0][name] for r in rounds if name in r[0]]
        g = [r[1][name] for r in rounds if name in r[1]]
        ratios = [r[0][name] / r[1][name] for r in rounds
                  if name in r[0] and r[1].get(name)]
        rows.append({
            "benchmark": name,
            "tether_ns_per_op": statistics.median(t) if t else None,
            "go_ns_per_op": statistics.median(g) if g else None,
            "ratio": statistics.median(ratios) if ratios else None,
            "ratio_min": min(ratios) if ratios else None,
            "ratio_max": max(ratios) if ratios else None,
            "round_ratios": ratios,
        })
    return rows


def fmt(ns):
    return "-" if ns is None else (f"{ns:.1f}" if ns < 100 else f"{ns:.0f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--round", nargs=2, action="append", required=True,
                        metavar=("TETHER_JSON", "GO_OUTPUT"))
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--markdown", help="also write a markdown table here")
    parser.add_argument("--json", help="also write the rows as JSON here")
    args = parser.parse_args()

    rows = rows_of([(tether_run(t), go_run(g)) for t, g in args.round])
    header = ("benchmark", "tether ns/op", "Go ns/op",
              "tether/Go", "spread")
    lines = [(r["benchmark"], fmt(r["tether_ns_per_op"]), fmt(r["go_ns_per_op"]),
              "-" if r["ratio"] is None else f"{r['ratio']:.2f}"
              + (" *" if r["ratio"] > TARGET else ""),
              "-" if r["ratio"] is None
              else f"{r['ratio_min']:.2f}-{r['ratio_max']:.2f}")
             for r in rows]
    print(f"medians of {len(args.round)} rounds; tether/Go is the median of "
          "the per-round ratios, spread their lowest-highest")
    widths = [max(len(row[i]) for row in [header] + lines)
              for i in range(len(header))]
    for row in [header] + lines:
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                        for i, (cell, w) in enumerate(zip(row, widths))))
    over = [r["benchmark"] for r in rows if r["ratio"] and r["ratio"] > TARGET]
    print(f"\n* above {TARGET}: {', '.join(over)}" if over
          else f"\nevery ratio at or below {TARGET}")

    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write("| benchmark | tether ns/op | Go ns/op "
                    "| tether/Go (median of rounds) | spread |\n")
            f.write("|---|---:|---:|---:|---:|\n")
            for row in lines:
                f.write("| " + " | ".join(row) + " |\n")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"workers": args.workers, "rounds": len(args.round),
                       "target_ratio": TARGET, "rows": rows}, f, indent=2)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
