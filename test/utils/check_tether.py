#!/usr/bin/env python3
"""Runs one tether clang-tidy check over a lit test file and FileChecks it.

Usage (through lit's %check_tether substitution):

  // RUN: %check_tether %s tether-dropped-cancellation %t
  // RUN: %check_tether %s tether-dropped-cancellation %t -- -config="{...}" -- -DFOO

Everything between the first and second `--` goes to clang-tidy, everything
after the second `--` to the compiler (after `-std=c++20 -I <tether include>`).

The test file's expectations:
  CHECK-MESSAGES: every warning and error clang-tidy prints must be matched
                  (notes may be matched, and need not be);
  CHECK-NOTES:    if present, every note must be matched as well;
  CHECK-FIXES:    matched against the file after clang-tidy applied its
                  fix-its; without CHECK-FIXES lines the file must not change.
A file with no CHECK-MESSAGES lines must produce no warning at all.

Options (before the positional arguments):
  --check-suffix=A[,B]  use CHECK-MESSAGES-A, CHECK-FIXES-A, ... instead
  --allow-errors        the file does not compile: clang errors are
                        expected and not matched; clang-tidy must not crash
The module must load: a "-load request ignored" or a missing check fails.
"""

import argparse
import os
import re
import shlex
import subprocess
import sys


def fail(message):
    sys.stderr.write("check_tether: " + message + "\n")
    sys.exit(1)


def run(command, **kwargs):
    sys.stdout.write("$ " + " ".join(shlex.quote(c) for c in command) + "\n")
    return subprocess.run(command, **kwargs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--module", required=True)
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--include", action="append", default=[])
    parser.add_argument("--check-suffix", "--check-suffixes", default="")
    parser.add_argument("--allow-errors", action="store_true")
    parser.add_argument("input")
    parser.add_argument("check")
    parser.add_argument("temp")
    argv = sys.argv[1:]
    tidy_extra, clang_extra = [], []
    if "--" in argv:
        cut = argv.index("--")
        argv, rest = argv[:cut], argv[cut + 1:]
        if "--" in rest:
            cut = rest.index("--")
            tidy_extra, clang_extra = rest[:cut], rest[cut + 1:]
        else:
            tidy_extra = rest
    args = parser.parse_args(argv)

    suffixes = [s for s in args.check_suffix.split(",") if s]
    def prefixes(kind):
        if not suffixes:
            return ["CHECK-" + kind]
        return ["CHECK-" + kind + "-" + s for s in suffixes]

    with open(args.input, encoding="utf-8") as f:
        source = f.read()
    def has(kind):
        return any(re.search(r"\b" + re.escape(p) + r"(-NEXT|-SAME|-NOT|-DAG)?:", source)
                   for p in prefixes(kind))
    has_messages, has_notes, has_fixes = has("MESSAGES"), has("NOTES"), has("FIXES")

    # The file clang-tidy sees and fixes: CHECK lines blanked so that fix-its
    # cannot touch them; line numbers are kept.
    extension = os.path.splitext(args.input)[1] or ".cpp"
    temp_source = args.temp + extension
    os.makedirs(os.path.dirname(os.path.abspath(temp_source)), exist_ok=True)
    cleaned = re.sub(r"// *CHECK-[A-Z0-9\-]*:[^\r\n]*", "//", source)
    with open(temp_source, "w", encoding="utf-8") as f:
        f.write(cleaned)

    command = [args.clang_tidy, "--load=" + args.module,
               "-checks=-*," + args.check, "--header-filter=.*",
               "--system-headers=false"]
    command += ["-fix-errors" if args.allow_errors else "-fix"]
    command += tidy_extra + [temp_source, "--", "-std=c++20"]
    command += ["-I" + path for path in args.include] + clang_extra
    env = dict(os.environ, LD_BIND_NOW="1")
    result = run(command, env=env, stdout=subprocess.PIPE,
                 stderr=subprocess.STDOUT, text=True)
    output = result.stdout
    sys.stdout.write(output)

    if "request ignored" in output:
        fail("the tether module did not load")
    if "No checks enabled" in output or "no checks enabled" in output.lower():
        fail("check %s is not registered" % args.check)
    if result.returncode < 0 or "Stack dump" in output or \
            "PLEASE submit a bug report" in output:
        fail("clang-tidy crashed (exit %d)" % result.returncode)
    if not args.allow_errors and result.returncode != 0:
        fail("clang-tidy failed (exit %d); compile errors need --allow-errors"
             % result.returncode)

    messages_file = args.temp + ".msg"
    # Only diagnostics about the test file itself are matched.
    lines = [l for l in output.splitlines()
             if re.search(r": (warning|error|note): ", l)]
    with open(messages_file, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    not_matched = "warning" if args.allow_errors else "warning|error"
    if has_messages:
        r = run([args.filecheck, "-input-file=" + messages_file, args.input,
                 "-check-prefixes=" + ",".join(prefixes("MESSAGES")),
                 "-implicit-check-not={{%s}}:" % not_matched])
        if r.returncode != 0:
            fail("CHECK-MESSAGES did not match")
    else:
        unexpected = [l for l in lines if re.search(": (%s): " % not_matched, l)]
        if unexpected:
            fail("expected no diagnostics, got:\n" + "\n".join(unexpected))
    if has_notes:
        r = run([args.filecheck, "-input-file=" + messages_file, args.input,
                 "-check-prefixes=" + ",".join(prefixes("NOTES")),
                 "-implicit-check-not={{note|%s}}:" % not_matched])
        if r.returncode != 0:
            fail("CHECK-NOTES did not match")

    if has_fixes:
        r = run([args.filecheck, "-input-file=" + temp_source, args.input,
                 "-check-prefixes=" + ",".join(prefixes("FIXES")),
                 "-strict-whitespace"])
        if r.returncode != 0:
            fail("CHECK-FIXES did not match")
    else:
        with open(temp_source, encoding="utf-8") as f:
            if f.read() != cleaned:
                fail("clang-tidy applied fix-its but the test has no CHECK-FIXES")
    return 0


if __name__ == "__main__":
    sys.exit(main())
