#!/usr/bin/env python3
"""Sharding the CI gate over several machines (tether-ci --shard, --merge).

split: every runner reads the same compile_commands.json and keeps the
translation units of its shard I of N in a compile_commands.json of its own.
merge: the shards' SARIF logs become one run with the results an unsharded
run would have written, in the same order (docs/integration.md).

The assignment is bounded-load rendezvous hashing. Each source file ranks the
N shards by a hash of (shard, file name relative to the source root) and goes
to the first one in its ranking that still has room, where a shard's room is
its fair share of the total cost plus SLACK. Files are placed largest first,
so the big ones spread out and the small ones fill the gaps. A file's
ranking depends on its own name only: a file added or removed moves other
files only when it fills or frees room on a shard that was at its bound.
The cost of a file is its size on disk (a TU's parse time grows with it).
"""

import hashlib
import json
import os
import re
import sys
import urllib.parse

# The name of a file as every runner spells it: relative to the source root
# (checkouts may live at different places), as in the SARIF logs.
from tether_report import relpath

SLACK = 0.10  # a shard may carry 10% more than its fair share


def parse_shard(text):
    """"I/N" (I = 1..N, as CI matrices count) -> (I, N)."""
    index, _, count = text.partition("/")
    index, count = int(index), int(count)
    if not 1 <= index <= count:
        raise ValueError("shard %s: want I/N with 1 <= I <= N" % text)
    return index, count


def _source(entry):
    path = entry["file"]
    if not os.path.isabs(path):
        path = os.path.join(entry.get("directory", ""), path)
    return os.path.normpath(path)


def _cost(path):
    try:
        return max(os.path.getsize(path), 1)
    except OSError:
        return 1


def _rank(name, count):
    def score(shard):
        digest = hashlib.sha256(("%d:%s" % (shard, name)).encode()).digest()
        return int.from_bytes(digest[:8], "big")
    return sorted(range(count), key=score, reverse=True)


def assign(files, count, root):
    """{source file: shard 0..count-1} for files {path: cost}."""
    fair = sum(files.values()) / count
    bound = max(fair * (1 + SLACK), max(files.values(), default=0))
    load = [0] * count
    shard_of = {}
    for path in sorted(files, key=lambda p: (-files[p], relpath(p, root))):
        ranking = _rank(relpath(path, root), count)
        fitting = [s for s in ranking if load[s] + files[path] <= bound]
        shard = fitting[0] if fitting else min(ranking, key=lambda s: load[s])
        shard_of[path] = shard
        load[shard] += files[path]
    return shard_of


def split(database, shard, out_dir, root, regexes=()):
    """The shard's compile_commands.json in out_dir. With regexes (tether-ci's
    FILE_REGEX, searched in the absolute file name as run-clang-tidy does),
    the files they select are shared out, not the whole database."""
    index, count = parse_shard(shard)
    with open(database) as f:
        entries = json.load(f)
    if regexes:
        selected = re.compile("|".join(regexes))
        entries = [e for e in entries if selected.search(_source(e))]
    files = {}
    for entry in entries:
        path = _source(entry)
        files.setdefault(path, _cost(path))
    shard_of = assign(files, count, root)
    mine = [e for e in entries if shard_of[_source(e)] == index - 1]
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "compile_commands.json"), "w") as f:
        json.dump(mine, f, indent=1)
    kept = {_source(e) for e in mine}
    print("tether-ci: shard %d/%d: %d of %d files, %d of %d bytes" % (
        index, count, len(kept), len(files), sum(files[p] for p in kept),
        sum(files.values())), file=sys.stderr)


def _result_order(result, root_path):
    """The unsharded order (tether_report.Finding.key): absolute path, line,
    column, check, message. UTF-16 columns order like byte columns."""
    loc = result["locations"][0]["physicalLocation"]
    uri = urllib.parse.unquote(loc["artifactLocation"]["uri"])
    path = (os.path.join(root_path, uri)
            if "uriBaseId" in loc["artifactLocation"]
            else uri[len("file://"):])
    region = loc["region"]
    return (path, region["startLine"], region["startColumn"],
            result["ruleId"], result["message"]["text"])


def merge(inputs, output):
    """Join the shards' runs: the union of their results (a header's finding
    comes from every shard that includes it: kept once) and of their rules.
    Returns the number of error-level results (the gate's failures)."""
    logs = []
    for path in inputs:
        with open(path) as f:
            logs.append(json.load(f))
    runs = [run for log in logs for run in log["runs"]]
    base = runs[0]
    root = base["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    root_path = urllib.parse.unquote(root[len("file://"):])
    rules = {}
    results = {}
    for run in runs:
        other = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        if other != root:
            raise ValueError("shards of different source roots: %s, %s" %
                             (root, other))
        for rule in run["tool"]["driver"]["rules"]:
            rules.setdefault(rule["id"], rule)
        for result in run["results"]:
            results.setdefault(_result_order(result, root_path), result)
    base["tool"]["driver"]["rules"] = [rules[k] for k in sorted(rules)]
    index = {k: i for i, k in enumerate(sorted(rules))}
    base["results"] = [dict(results[k], ruleIndex=index[results[k]["ruleId"]])
                       for k in sorted(results)]
    logs[0]["runs"] = [base]
    with open(output, "w") as f:
        f.write(json.dumps(logs[0], indent=2) + "\n")
    return sum(1 for r in base["results"] if r["level"] == "error")


def main(argv=None):
    import argparse
    parser = argparse.ArgumentParser(prog="tether_shard.py")
    sub = parser.add_subparsers(dest="verb", required=True)
    s = sub.add_parser("split", help="write one shard's compile_commands.json")
    s.add_argument("--shard", required=True, help="I/N, I = 1..N")
    s.add_argument("-p", dest="build", default="build")
    s.add_argument("--source-root", default=os.getcwd())
    s.add_argument("-o", dest="out_dir", required=True)
    s.add_argument("regexes", nargs="*", help="file regexes, as tether-ci's")
    m = sub.add_parser("merge", help="join the shards' SARIF logs into one")
    m.add_argument("-o", dest="output", required=True)
    m.add_argument("inputs", nargs="+")
    args = parser.parse_args(argv)
    try:
        if args.verb == "split":
            split(os.path.join(args.build, "compile_commands.json"),
                  args.shard, args.out_dir, os.path.abspath(args.source_root),
                  args.regexes)
            return 0
        errors = merge(args.inputs, args.output)
    except ValueError as e:
        print("tether-ci: %s" % e, file=sys.stderr)
        return 2
    print("tether-ci: merged %d SARIF logs into %s: %d errors" % (
        len(args.inputs), args.output, errors), file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
