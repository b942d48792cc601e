#!/usr/bin/env python3
"""Lists every tether diagnostic on the real-code corpus with its enclosing
function, and checks docs/precision.md triages each one (issue 9).

  precision_list.py --tidy TETHER_TIDY -p CORPUS_DB [-j 2] [--doc docs/precision.md]

A diagnostic is triaged when docs/precision.md has a table row whose first
cell is `path:line` and whose third cell names the check. Exit 1 when a
diagnostic is untriaged or the doc lists one that no longer appears.
"""

import argparse
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
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


def run(tidy, db, path):
    p = subprocess.run([tidy, "-p", db, "--quiet", "-checks=-*,tether-*", path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                       errors="replace")
    return [DIAG.match(l) for l in p.stdout.splitlines() if DIAG.match(l)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tidy", required=True)
    parser.add_argument("-p", dest="db", required=True)
    parser.add_argument("-j", dest="jobs", type=int, default=2)
    parser.add_argument("--doc", default=os.path.join(ROOT, "docs", "precision.md"))
    args = parser.parse_args()
    with open(os.path.join(args.db, "compile_commands.json")) as f:
        files = sorted({e["file"] for e in json.load(f)})
    found = set()
    with ThreadPoolExecutor(args.jobs) as pool:
        for path, diags in zip(files, pool.map(lambda p: run(args.tidy, args.db, p), files)):
            for m in diags:
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
    untriaged = sorted(found - triaged)
    stale = sorted(triaged - found)
    for k in untriaged:
        print("UNTRIAGED: %s %s" % k)
    for k in stale:
        print("STALE (no longer reported): %s %s" % k)
    print("precision: %d TUs, %d diagnostics, %d untriaged, %d stale" % (
        len(files), len(found), len(untriaged), len(stale)))
    sys.exit(1 if untriaged or stale else 0)


if __name__ == "__main__":
    main()
