#!/usr/bin/env python3
"""Times the tether checks against parse cost and against two CFG-building
peers, per translation unit of a compile_commands.json (issue 9).

  bench_checks.py --tidy build/bin/tether-tidy -p DB_DIR [--repeat N]
                  [--filter REGEX] [--markdown FILE] [--profile-dir DIR]

Three configurations, all run by the same binary (tether-tidy), interleaved
per TU so that load drift hits each alike; the time of a configuration is the
minimum over --repeat runs of user+system CPU seconds (CPU time moves far less
than wall time on a loaded machine). Each round runs (a) and (b) back to back,
in alternating order, and (b)/(a) is also given as the median of the rounds'
own ratios: a slow spell of the host that lasts a few runs moves both halves of
a round alike, while it can shift the two minima apart.

With --noise-floor each round also runs (a) a second time, and the table gains
the A/A column: the median of the rounds' (a again)/(a). It is the same
statistic as "(b)/(a) paired" over two identical runs, so it shows how far
from 1.000 that column reads on this host when the checks cost nothing.

  (a) parse    one trivial check: the cost of parsing and one AST traversal
  (b) tether   -*,tether-*
  (c) peers    -*,bugprone-infinite-loop,bugprone-use-after-move

Printed per TU: the three times, (b)/(a), the tether share (b)-(a) and the
peers' share (c)-(a), their ratio, and peak RSS of each (GNU time's %M). With
--profile-dir, (b) and (c) also run once with --enable-check-profile and the
table gains the in-process time of each check (clang-tidy's own timers),
which is free of the subtraction noise.
"""

import argparse
import glob
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

CONFIGS = [
    ("parse", "-*,misc-unused-alias-decls"),
    ("tether", "-*,tether-*"),
    ("peers", "-*,bugprone-infinite-loop,bugprone-use-after-move"),
]
PARSE_AGAIN = ("parse_again", CONFIGS[0][1])
GNU_TIME = "/usr/bin/time"
# Libraries analysed as user code (their warnings count as the TU's).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__)))), "bench", "realcode"))
from compile_commands import HEADER_FILTER  # noqa: E402


def run_once(tidy, db, path, checks, extra=()):
    fmt = "TETHER_TIME %e %U %S %M"
    cmd = [GNU_TIME, "-f", fmt, tidy, "-p", db, "--quiet",
           "-checks=" + checks, "--header-filter=" + HEADER_FILTER] + list(
               extra) + [path]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, errors="replace")
    m = re.search(r"TETHER_TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", proc.stderr)
    if not m:
        raise RuntimeError("no timing for %s: %s" % (path, proc.stderr[-2000:]))
    wall, user, sys_, rss = (float(m.group(1)), float(m.group(2)),
                             float(m.group(3)), int(m.group(4)))
    # Exit 1 with "error:" lines means the TU does not compile: report it.
    errors = proc.stderr.count(" error: ") + proc.stdout.count(" error: ")
    warnings = [l for l in proc.stdout.splitlines() if ": warning: " in l]
    return {"wall": wall, "cpu": user + sys_, "rss_mb": rss / 1024.0,
            "errors": errors, "warnings": warnings, "rc": proc.returncode}


def profile(tidy, db, path, checks, outdir):
    before = set(glob.glob(os.path.join(outdir, "*.json")))
    run_once(tidy, db, path, checks,
             ["--enable-check-profile", "--store-check-profile=" + outdir])
    after = set(glob.glob(os.path.join(outdir, "*.json"))) - before
    per_check = {}
    for f in after:
        with open(f) as fh:
            data = json.load(fh)
        for key, value in data.get("profile", {}).items():
            # time.clang-tidy.<check>.wall|user|sys
            m = re.match(r"time\.clang-tidy\.(.+)\.(wall|user|sys)$", key)
            if m and m.group(2) in ("user", "sys"):
                per_check[m.group(1)] = per_check.get(m.group(1), 0.0) + value
    return per_check


def short(path, root):
    rel = os.path.relpath(path, root)
    return rel if not rel.startswith("..") else path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tidy", required=True)
    parser.add_argument("-p", dest="db", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--filter", default="")
    parser.add_argument("--markdown")
    parser.add_argument("--json")
    parser.add_argument("--profile-dir")
    parser.add_argument("--root", default=os.getcwd())
    parser.add_argument("--noise-floor", action="store_true")
    args = parser.parse_args()

    with open(os.path.join(args.db, "compile_commands.json")) as f:
        entries = json.load(f)
    files = []
    for e in entries:
        p = e["file"] if os.path.isabs(e["file"]) else os.path.join(
            e["directory"], e["file"])
        if re.search(args.filter, p) and p not in files:
            files.append(p)
    if args.profile_dir:
        os.makedirs(args.profile_dir, exist_ok=True)

    configs = CONFIGS + [PARSE_AGAIN] if args.noise_floor else CONFIGS
    rows = []
    started = time.time()
    for i, path in enumerate(files, 1):
        runs = {name: [] for name, _ in configs}
        for round_ in range(args.repeat):
            order = list(configs)
            if round_ % 2:
                order[0], order[1] = order[1], order[0]
            for name, checks in order:
                runs[name].append(run_once(args.tidy, args.db, path, checks))
        row = {"file": short(path, args.root)}
        for name, _ in CONFIGS:
            best = min(runs[name], key=lambda r: r["cpu"])
            row[name] = min(r["cpu"] for r in runs[name])
            row[name + "_wall"] = min(r["wall"] for r in runs[name])
            row[name + "_rss"] = max(r["rss_mb"] for r in runs[name])
            row[name + "_errors"] = best["errors"]
        row["paired"] = paired_ratio(runs, "tether")
        if args.noise_floor:
            row["aa"] = paired_ratio(runs, "parse_again")
        row["tether_warnings"] = runs["tether"][0]["warnings"]
        row["peers_warnings"] = runs["peers"][0]["warnings"]
        if args.profile_dir:
            row["profile_tether"] = profile(args.tidy, args.db, path,
                                            CONFIGS[1][1], args.profile_dir)
            row["profile_peers"] = profile(args.tidy, args.db, path,
                                           CONFIGS[2][1], args.profile_dir)
        rows.append(row)
        sys.stderr.write("[%d/%d %.0fs] %s a=%.2f b=%.2f c=%.2f\n" % (
            i, len(files), time.time() - started, row["file"], row["parse"],
            row["tether"], row["peers"]))

    table = render(rows, args)
    print(table)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(table + "\n")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)


def paired_ratio(runs, name):
    """The median over rounds of that round's `name` time over its parse."""
    return statistics.median(b["cpu"] / a["cpu"]
                             for a, b in zip(runs["parse"], runs[name]))


def render(rows, args):
    prof = bool(args.profile_dir)
    head = ["TU", "(a) parse s", "(b) tether s", "(c) peers s", "(b)/(a)",
            "(b)/(a) paired"] + (["A/A paired"] if args.noise_floor else []) + [
            "tether share s", "peers share s", "tether/peers", "peak MB a/b/c"]
    if prof:
        head += ["tether checks s (profile)", "peers s (profile)",
                 "tether/peers (profile)"]
    lines = ["| " + " | ".join(head) + " |",
             "|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|"]
    tot = {"parse": 0.0, "tether": 0.0, "peers": 0.0, "pt": 0.0, "pp": 0.0}
    worst = worst_paired = 0.0
    for r in rows:
        ts = r["tether"] - r["parse"]
        ps = r["peers"] - r["parse"]
        worst = max(worst, r["tether"] / r["parse"])
        worst_paired = max(worst_paired, r["paired"])
        cells = [r["file"] + (" (errors)" if r["parse_errors"] else ""),
                 "%.2f" % r["parse"], "%.2f" % r["tether"],
                 "%.2f" % r["peers"], "%.3f" % (r["tether"] / r["parse"]),
                 "%.3f" % r["paired"]] + (
                     ["%.3f" % r["aa"]] if args.noise_floor else []) + [
                 "%+.2f" % ts, "%+.2f" % ps, ratio(ts, ps),
                 "%.0f/%.0f/%.0f" % (r["parse_rss"], r["tether_rss"],
                                     r["peers_rss"])]
        for k in ("parse", "tether", "peers"):
            tot[k] += r[k]
        if prof:
            pt = sum(v for k, v in r["profile_tether"].items()
                     if k.startswith("tether-"))
            pp = sum(r["profile_peers"].values())
            tot["pt"] += pt
            tot["pp"] += pp
            cells += ["%.3f" % pt, "%.3f" % pp, ratio(pt, pp)]
        lines.append("| " + " | ".join(cells) + " |")
    ts, ps = tot["tether"] - tot["parse"], tot["peers"] - tot["parse"]
    cells = ["**all %d TUs**" % len(rows), "%.2f" % tot["parse"],
             "%.2f" % tot["tether"], "%.2f" % tot["peers"],
             "%.3f" % (tot["tether"] / tot["parse"]),
             "%.3f" % statistics.median(r["paired"] for r in rows)] + (
                 ["%.3f" % statistics.median(r["aa"] for r in rows)]
                 if args.noise_floor else []) + [
             "%+.2f" % ts,
             "%+.2f" % ps, ratio(ts, ps), ""]
    if prof:
        cells += ["%.3f" % tot["pt"], "%.3f" % tot["pp"],
                  ratio(tot["pt"], tot["pp"])]
    lines.append("| " + " | ".join(cells) + " |")
    out = "\n".join(lines)
    if prof:
        by_check = {}
        for r in rows:
            for k, v in list(r["profile_tether"].items()) + list(
                    r["profile_peers"].items()):
                by_check[k] = by_check.get(k, 0.0) + v
        out += "\n\nIn-process time per check over all TUs " \
               "(--enable-check-profile, user+sys s):\n\n"
        out += "| check | s | share of (a) |\n|---|---:|---:|\n"
        for k, v in sorted(by_check.items(), key=lambda kv: -kv[1]):
            out += "| %s | %.3f | %.2f%% |\n" % (k, v, 100 * v / tot["parse"])
        out += "\nProfile overhead of tether over parse: %.2f%% " \
               "(tether checks' in-process time / (a)).\n" % (
                   100 * tot["pt"] / tot["parse"])
    out += "\nWorst per-TU (b)/(a): %.3f of minima, %.3f paired. " \
           "Summed (b)/(a): %.3f.\n" % (worst, worst_paired,
                                          tot["tether"] / tot["parse"])
    if args.noise_floor:
        out += "Farthest A/A paired from 1: %.3f.\n" % max(
            (r["aa"] for r in rows), key=lambda x: abs(x - 1))
    return out


def ratio(x, y):
    if y <= 0.005:
        return "n/a (peers ~0)" if x <= 0.005 else "peers ~0"
    return "%.2f" % (x / y)


if __name__ == "__main__":
    main()
