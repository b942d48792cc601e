#!/usr/bin/env python3
"""Dogfooding on the examples (issue 9): runs tether-tidy with tether's root
.clang-tidy (no -checks: the file decides) over every examples/*.cpp and fails
on any finding outside the leaky halves.

  dogfood.py --tidy TETHER_TIDY --include LIB_INCLUDE [-j N] [files...]

Each example holds a leaky and a fixed version side by side. A tether-*
finding inside a function whose name starts with `leaky` is expected (that
code leaks on purpose) and listed; every other finding, and any upstream
check's finding anywhere, is a failure, unless --known lists it: a file of
`path:line check  # reason` lines (test/dogfood/expected-findings.txt:
intended leaks in leaky helpers, and false positives triaged in
docs/precision.md that wait for a fix in the check). A listed finding that
no longer appears fails too (the list must shrink as the checks improve).
"""

import argparse
import glob
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIAG = re.compile(r"^(.*?):(\d+):(\d+): (warning|error): (.*) \[([\w.,-]+)\]$")
LEAKY = re.compile(r"^[A-Za-z_][\w:<>,\s*&]*?\b(leaky\w*)\s*\(")


def leaky_ranges(path):
    """Line ranges [first, last] of top-level functions named leaky*."""
    ranges = []
    start = None
    with open(path) as f:
        for n, line in enumerate(f, 1):
            if start is None and LEAKY.match(line):
                start = n
            elif start is not None and line.startswith("}"):
                ranges.append((start, n))
                start = None
    return ranges


def run(tidy, include, path):
    cmd = [tidy, "--quiet", path, "--", "-std=c++20", "-I" + include,
           "-I" + os.path.dirname(path)]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, errors="replace")
    return path, p.returncode, p.stdout, p.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tidy", required=True)
    parser.add_argument("--include", required=True)
    parser.add_argument("-j", dest="jobs", type=int, default=2)
    parser.add_argument("--known")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    known = {}
    if args.known:
        with open(args.known) as f:
            for raw in f:
                entry = raw.split("#", 1)[0].split()
                if len(entry) == 2:
                    known[(entry[0], entry[1])] = False
    files = args.files or sorted(glob.glob(os.path.join(ROOT, "examples", "*.cpp")))

    expected, unexpected, failures = [], [], []
    with ThreadPoolExecutor(args.jobs) as pool:
        for path, rc, out, err in pool.map(lambda f: run(args.tidy, args.include, f), files):
            if "error:" in err or rc not in (0, 1):
                failures.append((path, rc, err[-2000:]))
            ranges = leaky_ranges(path)
            for line in out.splitlines():
                m = DIAG.match(line)
                if not m:
                    continue
                file, ln, check = m.group(1), int(m.group(2)), m.group(6)
                in_leaky = os.path.samefile(file, path) and any(
                    a <= ln <= b for a, b in ranges)
                key = ("%s:%d" % (os.path.relpath(file, ROOT), ln), check)
                if check.startswith("tether-") and in_leaky:
                    expected.append(line)
                elif key in known:
                    known[key] = True
                    print("listed: " + line.replace(ROOT + "/", ""))
                else:
                    unexpected.append(line)
            if rc == 1 and not out.strip():
                failures.append((path, rc, err[-2000:]))
    for line in expected:
        print("expected (leaky half): " + line.replace(ROOT + "/", ""))
    for line in unexpected:
        print("UNEXPECTED: " + line)
    stale = [k for k, seen in known.items() if not seen]
    for where, check in stale:
        print("STALE listed finding (fixed? remove it): %s %s" % (where, check))
    for path, rc, err in failures:
        print("FAILED (exit %d): %s\n%s" % (rc, path, err))
    print("dogfood: %d files, %d expected tether findings in leaky halves, "
          "%d listed findings, %d unexpected findings, %d stale, "
          "%d failed runs" % (len(files), len(expected), len(known) - len(stale),
                              len(unexpected), len(stale), len(failures)))
    sys.exit(1 if unexpected or failures or stale else 0)


if __name__ == "__main__":
    main()
