#!/usr/bin/env python3
"""Runs tether's checks on real hang/leak bugs at their buggy and fix commits.

  run_realbugs.py --mirrors /work/.mirror [--tidy build/bin/tether-tidy]
                  [--bugs bench/realbugs/bugs.json] [--only ID ...]
                  [--keep DIR] [-v]

For each bug of bugs.json the buggy file (and the project files listed in
"extract") is read from a bare git mirror at the buggy commit and at the fix
commit into a temporary directory; one translation unit is built (the file
itself, or a generated driver that includes a header) with the bug's stubs
(stubs/<id>/) before the extracted tree on the include path, and
`tether-tidy -checks=-*,tether-*` runs on it. One row is printed per bug:
what the check reports at the buggy commit and whether the fix is silent.

A mirror is found as MIRRORS/<owner>+<name>/repo (what the fetch tool
writes) or MIRRORS/<owner>+<name>. A missing mirror or commit, a TU that
does not compile or a check that stays silent is a result, not a failure:
the exit status is non-zero only when the harness itself cannot run.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import namedtuple

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SOURCE_EXTS = (".c", ".cc", ".cpp", ".cxx")
DIAG = re.compile(r"^(.*?):(\d+):\d+: (warning|error): (.*?)(?: \[([\w.,-]+)\])?$")
TIDY_TIMEOUT = 600

Diag = namedtuple("Diag", "file line severity message check")


class NotRun(Exception):
    """A bug that cannot be run (missing mirror or commit, tidy crash)."""


def git_dir(mirrors, repo):
    base = os.path.join(mirrors, repo.replace("/", "+"))
    for candidate in (os.path.join(base, "repo"), base):
        if os.path.isfile(os.path.join(candidate, "HEAD")):
            return candidate
    raise NotRun("no mirror of %s under %s" % (repo, mirrors))


def extract(gitdir, commit, path, dest):
    p = subprocess.run(["git", "--git-dir", gitdir, "show", "%s:%s" % (commit, path)],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise NotRun("%s:%s not in the mirror (%s)" % (
            commit[:12], path, p.stderr.decode(errors="replace").strip()))
    target = os.path.join(dest, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as f:
        f.write(p.stdout)


def extract_dir(gitdir, commit, path, dest):
    """Extracts the directory `path` of `commit` whole (git archive | tar)."""
    archive = subprocess.run(["git", "--git-dir", gitdir, "archive", "--format=tar",
                              commit, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if archive.returncode != 0:
        raise NotRun("%s:%s not in the mirror (%s)" % (
            commit[:12], path, archive.stderr.decode(errors="replace").strip()))
    os.makedirs(dest, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", dest], input=archive.stdout, check=True)


def translation_unit(src, path):
    if path.endswith(SOURCE_EXTS):
        return os.path.join(src, path)
    driver = os.path.join(src, "realbugs_driver.cpp")
    with open(driver, "w") as f:
        f.write('#include "%s"\n' % path)
    return driver


def tidy_command(tidy, bug, tu, src):
    cmd = [tidy, "-checks=-*,tether-*", "--header-filter=^" + re.escape(src + os.sep)]
    if bug.get("check_options"):
        cmd.append("-config=" + json.dumps({"CheckOptions": bug["check_options"]}))
    cmd += [tu, "--", "-std=" + bug.get("std", "c++17")]
    stubs = os.path.join(HERE, "stubs", bug["id"])
    if os.path.isdir(stubs):
        cmd += ["-I", stubs]
    cmd += ["-I", src]
    for include in bug.get("include_dirs", []):
        cmd += ["-I", os.path.join(src, include)]
    return cmd + [f.replace("{src}", src) for f in bug.get("flags", [])]


def shorten(path, src):
    path = os.path.normpath(os.path.join(src, path))
    return os.path.relpath(path, src) if path.startswith(src + os.sep) else path


def run_tidy(cmd, src):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           errors="replace", timeout=TIDY_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise NotRun("tether-tidy took more than %d s" % TIDY_TIMEOUT)
    if p.returncode < 0:
        raise NotRun("tether-tidy died with signal %d" % -p.returncode)
    diags = []
    for line in p.stdout.splitlines():
        m = DIAG.match(line)
        if m:
            diags.append(Diag(shorten(m.group(1), src), int(m.group(2)),
                              m.group(3), m.group(4), m.group(5) or ""))
    return diags


def diagnose(tidy, gitdir, bug, commit, workdir):
    src = os.path.join(workdir, bug["id"], commit[:12])
    for path in bug.get("extract_dirs", []):
        extract_dir(gitdir, commit, path, src)
    paths = [bug["file"]] + ([bug["tu"]] if "tu" in bug else []) + bug.get("extract", [])
    for path in paths:
        extract(gitdir, commit, path, src)
    tu = translation_unit(src, bug.get("tu", bug["file"]))
    return run_tidy(tidy_command(tidy, bug, tu, src), src)


def where(diags):
    return ", ".join("%s:%d" % (d.file, d.line) for d in diags)


def describe(bug, diags, expected):
    errors = [d for d in diags if d.severity == "error"]
    if errors:
        return "TU does not compile: %s:%d: %s" % (errors[0].file, errors[0].line,
                                                   errors[0].message)
    hits = [d for d in diags if d.check == bug["check"]]
    others = [d for d in diags if d.check.startswith("tether-") and d.check != bug["check"]]
    if not hits:
        text = "silent"
    elif expected and all(d.file == bug["file"] and d.line in expected for d in hits):
        text = "found %s" % where(hits)
    else:
        text = "reports %s" % where(hits)
    if others:
        text += "; other checks: %s" % ", ".join(
            "%s %s:%d" % (d.check, d.file, d.line) for d in others)
    return text


def run_bug(args, bug, workdir):
    try:
        gitdir = git_dir(args.mirrors, bug["repo"])
        buggy = diagnose(args.tidy, gitdir, bug, bug["buggy"], workdir)
        fixed = diagnose(args.tidy, gitdir, bug, bug["fix"], workdir)
    except NotRun as e:
        return ("not run: %s" % e, "", ""), []
    found = describe(bug, buggy, set(bug["expected"]))
    # Lines the fix leaves reported on purpose: other instances of the shape
    # that the fix did not touch, each triaged as right in bugs.json.
    unfixed = {int(line) for line in bug.get("unfixed", {})}
    silent = describe(bug, fixed, unfixed)
    if silent.startswith("found"):
        silent = "silent on the bug; still reports the unfixed " + \
            silent[len("found "):]
    elif silent.startswith("reports"):
        silent = "NOT silent (false positive?): " + silent[len("reports "):]
    note = bug.get("note", "") if found.startswith("silent") else ""
    return (found, silent, note), [("buggy", d) for d in buggy] + [("fix", d) for d in fixed]


def print_row(bug, cells):
    print("| %s | %s | %s | %s | %s | %s |" % ((bug["id"], bug["shape"], bug["check"]) + cells))


def print_diags(diags):
    for commit, d in diags:
        if d.check.startswith("tether-") or d.severity == "error":
            print("    %s %s:%d: %s: %s [%s]" % (commit, d.file, d.line, d.severity,
                                                d.message, d.check))


def load_bugs(path, only):
    with open(path) as f:
        bugs = json.load(f)
    unknown = set(only) - {b["id"] for b in bugs}
    if unknown:
        sys.exit("run_realbugs: unknown bug id(s): %s" % ", ".join(sorted(unknown)))
    return [b for b in bugs if not only or b["id"] in only]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirrors", required=True,
                        help="directory of bare mirrors (owner+name/repo)")
    parser.add_argument("--tidy", default=os.path.join(ROOT, "build", "bin", "tether-tidy"))
    parser.add_argument("--bugs", default=os.path.join(HERE, "bugs.json"))
    parser.add_argument("--only", nargs="*", default=[], metavar="ID")
    parser.add_argument("--keep", metavar="DIR",
                        help="extract into DIR and keep it (default: a temporary directory)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="print every tether diagnostic and compile error under its row")
    return parser.parse_args()


def run_all(args, bugs, workdir):
    print("| id | shape | check | buggy commit | fix commit | why not found |")
    print("|---|---|---|---|---|---|")
    for bug in bugs:
        cells, diags = run_bug(args, bug, workdir)
        print_row(bug, cells)
        if args.verbose:
            print_diags(diags)
        sys.stdout.flush()


def main():
    args = parse_args()
    if not os.access(args.tidy, os.X_OK):
        sys.exit("run_realbugs: %s is not an executable tether-tidy" % args.tidy)
    bugs = load_bugs(args.bugs, args.only)
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        run_all(args, bugs, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="realbugs-") as workdir:
            run_all(args, bugs, workdir)


if __name__ == "__main__":
    main()
