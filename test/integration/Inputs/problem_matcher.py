#!/usr/bin/env python3
"""problem_matcher.py MATCHER.json LOG: applies a GitHub Actions problem
matcher (single-pattern) to a log, printing each annotation it would make."""
import json
import re
import sys

with open(sys.argv[1]) as f:
    matchers = json.load(f)["problemMatcher"]
with open(sys.argv[2]) as f:
    lines = f.read().splitlines()
for m in matchers:
    (p,) = m["pattern"]
    rx = re.compile(p["regexp"])
    for line in lines:
        g = rx.search(line)
        if g:
            print("owner=%s file=%s line=%s col=%s severity=%s code=%s message=%s" % (
                m["owner"], g.group(p["file"]), g.group(p["line"]),
                g.group(p["column"]), g.group(p["severity"]),
                g.group(p["code"]), g.group(p["message"])))
