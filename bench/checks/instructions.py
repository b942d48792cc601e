#!/usr/bin/env python3
"""Counts the instructions the tether checks add to the parse, per
translation unit of a compile_commands.json, under valgrind's callgrind.

  instructions.py --tidy build/bin/tether-tidy -p DB_DIR [--filter REGEX]
                  [--jobs N] [--markdown FILE]

CPU time on a shared two-core VM moves by 0.1-0.2 s between runs of the same
binary, as much as the whole tether share; the instruction count of a run is
the same every time. Per TU it prints the instructions of (a) the parse
configuration and (b) `-*,tether-*` (those of bench_checks.py) and (b)/(a):
each TU on stderr as it finishes, the table on stdout at the end.
Instructions are not time (the parse misses the caches more than the checks
do), but an A/B of two binaries on them needs one run, not twenty.

valgrind 3.19 cannot read the DWARF 5 of a clang 19 build, so the binary is
run from a copy without debug information.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# Libraries analysed as user code: shown as the corpus runs show them.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__)))), "bench", "realcode"))
from compile_commands import HEADER_FILTER  # noqa: E402

CONFIGS = [("parse", "-*,misc-unused-alias-decls"), ("tether", "-*,tether-*")]


def count(tidy, db, path, checks):
    with tempfile.NamedTemporaryFile(suffix=".callgrind") as out:
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out.name,
             tidy, "-p", db, "--quiet", "-checks=" + checks,
             "--header-filter=" + HEADER_FILTER, path],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            errors="replace")
    m = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
    if not m:
        raise RuntimeError("no count for %s: %s" % (path, proc.stderr[-2000:]))
    return int(m.group(1).replace(",", ""))


def report_progress(counts, path):
    """A TU's ratio on stderr as soon as both of its counts are in: a run of
    hours that is stopped still leaves what it measured."""
    a, b = (counts.get((path, checks)) for _, checks in CONFIGS)
    if a and b:
        print("%s: %.3f / %.3f Ginstr = %.3f" % (
            os.path.basename(path), b / 1e9, a / 1e9, b / a),
            file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tidy", required=True)
    parser.add_argument("-p", dest="db", required=True)
    parser.add_argument("--filter", default="")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--markdown")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("instructions.py: valgrind is not installed "
                 "(apt-get install valgrind)")
    with open(os.path.join(args.db, "compile_commands.json")) as f:
        files = sorted({e["file"] for e in json.load(f)
                        if re.search(args.filter, e["file"])})
    if not files:
        sys.exit("instructions.py: no TU matches %r" % args.filter)

    work = tempfile.mkdtemp(prefix="tether-instructions-")
    tidy = os.path.join(work, "tether-tidy")
    subprocess.run(["objcopy", "--strip-debug", args.tidy, tidy], check=True)
    counts = {}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = {pool.submit(count, tidy, args.db, path, checks): (path, checks)
                   for path in files for _, checks in CONFIGS}
        for future in concurrent.futures.as_completed(futures):
            path, checks = futures[future]
            counts[(path, checks)] = future.result()
            report_progress(counts, path)
    shutil.rmtree(work)

    lines = ["| TU | (a) parse Ginstr | (b) tether Ginstr | (b)/(a) |",
             "|---|---:|---:|---:|"]
    total_a = total_b = 0
    for path in files:
        a, b = (counts[(path, checks)] for _, checks in CONFIGS)
        total_a += a
        total_b += b
        name = os.path.splitext(os.path.basename(path))[0]
        lines.append("| %s | %.3f | %.3f | %.3f |" % (name, a / 1e9, b / 1e9, b / a))
    lines.append("| **all %d** | %.3f | %.3f | **%.3f** |" % (
        len(files), total_a / 1e9, total_b / 1e9, total_b / total_a))
    table = "\n".join(lines) + "\n"
    sys.stdout.write(table)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(table)


if __name__ == "__main__":
    main()
