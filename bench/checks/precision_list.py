#!/usr/bin/env python3
"""Lists every tether diagnostic on the real-code corpus with its enclosing
function, and checks docs/precision.md triages each one (issue 9).

  precision_list.py --tidy TETHER_TIDY -p CORPUS_DB [-j 2] [--doc docs/precision.md]
                    [--checks '-*,tether-*'] [--filter REGEX]

A diagnostic is triaged when docs/precision.md has a table row whose first
cell is `path:line` and whose third cell names the check. Exit 1 when a
diagnostic is untriaged or the doc lists one that no longer appears.

Diagnostics in the libraries analysed as user code (the package headers that
compile_commands.py copies to CORPUS_DB/realcode-src/PACKAGE/) are shown
(--header-filter) and named by their installed path, /usr/include/..., so a
row does not depend on where the corpus was built. With --checks other than
the default, rows of checks not run are not called stale; with --filter (a
regex over TU paths), no row is.
"""

import argparse
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bench", "realcode"))
from compile_commands import HEADER_FILTER, installed_path  # noqa: E402
DIAG = re.compile(r"^(.*?):(\d+):(\d+): warning: (.*) \[(tether-[\w-]+)\]$")
FUNC = re.compile(r"^[A-Za-z_][\w:<>,\s*&]*?\b(\w+)\s*\([^;]*$")


def enclosing(path, line):
    name = "?"
    with open(path, errors="replace") as f:
        for n, text in enumerate(f, 1):
            if n > line:
                break
            m = FUNC.match(text)
            if m and not text.startswith((" ", "\t", "}", "#", "//")):
                name = m.group(1)
    return name


def run(tidy, db, path, checks):
    p = subprocess.run([tidy, "-p", db, "--quiet", "-checks=" + checks,
                        "--header-filter=" + HEADER_FILTER, path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                       errors="replace")
    return [DIAG.match(l) for l in p.stdout.splitlines() if DIAG.match(l)]


def enabled_checks(tidy, checks):
    """The checks `checks` enables (the binary reads the globs)."""
    p = subprocess.run([tidy, "--list-checks", "-checks=" + checks],
                       stdout=subprocess.PIPE, text=True)
    return {l.strip() for l in p.stdout.splitlines()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tidy", required=True)
    parser.add_argument("-p", dest="db", required=True)
    parser.add_argument("-j", dest="jobs", type=int, default=2)
    parser.add_argument("--doc", default=os.path.join(ROOT, "docs", "precision.md"))
    parser.add_argument("--checks", default="-*,tether-*")
    parser.add_argument("--filter", default="")
    args = parser.parse_args()
    with open(os.path.join(args.db, "compile_commands.json")) as f:
        files = sorted({e["file"] for e in json.load(f)
                        if re.search(args.filter, e["file"])})
    found = set()
    with ThreadPoolExecutor(args.jobs) as pool:
        for path, diags in zip(files, pool.map(lambda p: run(args.tidy, args.db, p, args.checks), files)):
            for m in diags:
                rel = installed_path(m.group(1))
                if rel == m.group(1):
                    rel = os.path.relpath(m.group(1), ROOT)
                key = ("%s:%s" % (rel, m.group(2)), m.group(5))
                if key in found:
                    continue
                found.add(key)
                print("| `%s` | `%s` | %s | %s |" % (
                    key[0], enclosing(m.group(1), int(m.group(2))), key[1], m.group(4)))
    triaged = set()
    if os.path.exists(args.doc):
        with open(args.doc) as f:
            for line in f:
                cells = [c.strip().strip("`") for c in line.split("|")[1:-1]]
                if len(cells) >= 3 and re.match(r"^[\w./-]+:\d+$", cells[0]):
                    triaged.add((cells[0], cells[2]))
    enabled = enabled_checks(args.tidy, args.checks)
    untriaged = sorted(found - triaged)
    stale = [] if args.filter else sorted(
        k for k in triaged - found if k[1] in enabled)
    for k in untriaged:
        print("UNTRIAGED: %s %s" % k)
    for k in stale:
        print("STALE (no longer reported): %s %s" % k)
    print("precision: %d TUs, %d diagnostics, %d untriaged, %d stale" % (
        len(files), len(found), len(untriaged), len(stale)))
    sys.exit(1 if untriaged or stale else 0)


if __name__ == "__main__":
    main()
