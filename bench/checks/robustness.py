#!/usr/bin/env python3
"""Robustness of the tether checks (issue 9): they never crash and never hang.

  robustness.py --tidy TETHER_TIDY --include LIB_INCLUDE --work DIR
                [--bounded] [--seed N] [--mutants N] [-p CORPUS_DB] [-j N]

Runs `tether-tidy -checks=-*,tether-*` under a time bound over
  inputs     every test input of the project (test/**/*.cpp, examples/)
  corpus     the real-code corpus (-p: a compile_commands.json directory)
  errors     files that do not compile (truncated, unbalanced, garbage)
  generated  pathological functions: very deep nesting, nested task lambdas,
             a very long task body, thousands of early returns around a
             with_cancel, a goto maze, a huge switch
  mutants    the test inputs with random lines deleted or duplicated (1-4
             edits each; fixed seed, bounded count)
and fails on any crash (a signal, "Stack dump", "PLEASE submit a bug report")
or any run that exceeds its time bound. Files are checked in batches of a
few per tether-tidy process; a batch that fails is re-run file by file so
that the culprit is named, and each crashing input is kept in DIR/crashes/.

--bounded (the lit test in `make test`) takes a fixed sample: 16 mutants,
the generated files at moderate sizes, 6 error files, 6 test inputs (about
1.5 CPU-minutes; the lit tests already run every input through its check).
"""

import argparse
import glob
import os
import random
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CRASH_MARKS = ("Stack dump:", "PLEASE submit a bug report",
               "LLVM ERROR", "Assertion `")


def test_inputs():
    files = sorted(glob.glob(os.path.join(ROOT, "test", "**", "*.cpp"),
                             recursive=True))
    files += sorted(glob.glob(os.path.join(ROOT, "examples", "*.cpp")))
    return [f for f in files if "/Output/" not in f]


def flags_for(path, include):
    d = os.path.dirname(path)
    return ["-std=c++20", "-I" + include, "-I" + d,
            "-I" + os.path.join(d, "Inputs")]


# --- generated pathological inputs ------------------------------------------

PRELUDE = """#include <tether/chan.hpp>
#include <tether/context.hpp>
#include <tether/task.hpp>
#include <tether/time.hpp>
#include <chrono>
#include <thread>
using namespace std::chrono_literals;
"""


def gen_deep_nesting(depth):
    lines = [PRELUDE, "void deep(tether::context parent, int n) {",
             "  auto ch = tether::make_chan<int>();",
             "  auto [ctx, cancel] = tether::with_cancel(parent);"]
    for d in range(depth):
        kind = d % 3
        if kind == 0:
            lines.append("if (n > %d) {" % d)
        elif kind == 1:
            lines.append("for (int i%d = 0; i%d < n; ++i%d) {" % (d, d, d))
        else:
            lines.append("while (n-- > %d) {" % d)
        if d % 7 == 3:
            lines.append("if (n == %d) return;" % d)
    lines.append("tether::go([ch] { ch.send(1); });")
    lines += ["}"] * depth
    lines += ["  cancel();", "}"]
    return "\n".join(lines) + "\n"


def gen_nested_tasks(depth):
    lines = [PRELUDE, "void nested(tether::context ctx) {",
             "  auto ch = tether::make_chan<int>();"]
    for d in range(depth):
        lines.append("tether::go([ch, ctx] {")
        if d % 5 == 2:
            lines.append("for (;;) { if (ctx.err()) return;")
            lines.append("}")
    lines.append("ch.send(42);")
    lines += ["});"] * depth
    lines += ["  (void)ch.recv();", "}"]
    return "\n".join(lines) + "\n"


def gen_long_function(statements):
    lines = [PRELUDE, "int consume(int);",
             "int longest(tether::context parent, int n) {",
             "  int acc = 0;",
             "  auto [ctx, cancel] = tether::with_cancel(parent);",
             "  auto ch = tether::make_chan<int>(1);",
             "  tether::go([ch, ctx] {",
             "    for (;;) {",
             "      if (ctx.err()) return;"]
    for s in range(statements // 2):
        lines.append("      if (consume(%d) == 7) continue;" % s)
    lines += ["    }", "  });"]
    for s in range(statements // 2):
        if s % 3 == 0:
            lines.append("  if (n == %d) { cancel(); return acc; }" % s)
        elif s % 3 == 1:
            lines.append("  acc += consume(acc + %d);" % s)
        else:
            lines.append("  if (acc > %d) acc = consume(acc); else acc -= 1;" % s)
    lines += ["  cancel();", "  return acc;", "}"]
    return "\n".join(lines) + "\n"


def gen_goto_maze(labels):
    lines = [PRELUDE, "void maze(tether::context parent, int n) {",
             "  auto [ctx, cancel] = tether::with_cancel(parent);",
             "  auto ch = tether::make_chan<int>();",
             "  tether::go([ch] { ch.send(1); });"]
    rnd = random.Random(labels)
    for i in range(labels):
        lines.append("L%d:" % i)
        lines.append("  if (n %% %d == 0) goto L%d;" % (i + 2, rnd.randrange(labels)))
        if i % 11 == 5:
            lines.append("  if (n == %d) return;" % i)
    lines += ["  (void)ch.recv();", "  cancel();", "}"]
    return "\n".join(lines) + "\n"


def gen_big_switch(cases):
    lines = [PRELUDE, "int sw(tether::context parent, int n) {",
             "  auto [ctx, cancel] = tether::with_cancel(parent);",
             "  auto t = tether::tick(10ms);",
             "  switch (n) {"]
    for c in range(cases):
        if c % 4 == 0:
            lines.append("  case %d: cancel(); return %d;" % (c, c))
        elif c % 4 == 1:
            lines.append("  case %d: return %d;" % (c, c))
        else:
            lines.append("  case %d: n += %d; [[fallthrough]];" % (c, c))
    lines += ["  default: break;", "  }", "  cancel();", "  return n;", "}"]
    return "\n".join(lines) + "\n"


def generated(work, scale):
    out = []
    specs = [
        ("deep_nesting.cpp", gen_deep_nesting, 60 * scale),
        ("nested_tasks.cpp", gen_nested_tasks, 30 * scale),
        ("long_function.cpp", gen_long_function, 2000 * scale),
        ("goto_maze.cpp", gen_goto_maze, 300 * scale),
        ("big_switch.cpp", gen_big_switch, 1000 * scale),
    ]
    for name, fn, size in specs:
        path = os.path.join(work, "generated", name)
        with open(path, "w") as f:
            f.write(fn(size))
        out.append(path)
    return out


def error_files(work, sources):
    """Files that do not compile, cut from real test inputs."""
    out = []
    for i, src in enumerate(sources):
        with open(src, errors="replace") as f:
            lines = f.read().splitlines()
        if len(lines) < 6:
            continue
        variants = {
            "truncated": lines[: len(lines) * 2 // 3],
            "unbalanced": lines + ["void broken() {", "  tether::go([] {"],
            "garbage": lines[: len(lines) // 2] + ["@@@ }}} ((( template <"] +
                       lines[len(lines) // 2:],
        }
        for kind, body in variants.items():
            path = os.path.join(work, "errors", "%02d_%s_%s" % (
                i, kind, os.path.basename(src)))
            with open(path, "w") as f:
                f.write("\n".join(body) + "\n")
            out.append((path, src))
    return out


def mutants(work, sources, count, seed):
    rnd = random.Random(seed)
    out = []
    for i in range(count):
        src = rnd.choice(sources)
        with open(src, errors="replace") as f:
            lines = f.read().splitlines()
        for _ in range(rnd.randint(1, 4)):
            if not lines:
                break
            k = rnd.randrange(len(lines))
            if rnd.random() < 0.5:
                del lines[k]
            else:
                lines.insert(k, lines[k])
        path = os.path.join(work, "mutants", "m%04d_%s" % (i, os.path.basename(src)))
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        out.append((path, src))
    return out


# --- running -----------------------------------------------------------------

class Result:
    def __init__(self):
        self.runs = 0
        self.files = 0
        self.crashes = []
        self.hangs = []
        self.with_errors = 0
        self.warnings = 0
        self.by_kind = {}


def run_batch(tidy, files, flags, bound, db=None):
    cmd = [tidy, "--quiet", "-checks=-*,tether-*"]
    if db:
        cmd += ["-p", db] + files
    else:
        cmd += files + ["--"] + flags
    started = time.time()
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, errors="replace", timeout=bound)
    except subprocess.TimeoutExpired:
        return "hang", "", time.time() - started
    out = p.stdout + p.stderr
    crashed = p.returncode < 0 or p.returncode > 1 or any(m in out for m in CRASH_MARKS)
    return ("crash" if crashed else "ok"), out, time.time() - started


def check_group(args, kind, items, result, db=None):
    """items: list of (path, flags-source path); batches by directory."""
    batches = []
    batch_size = 1 if db else args.batch
    by_dir = {}
    for path, origin in items:
        key = os.path.dirname(origin)
        by_dir.setdefault(key, []).append((path, origin))
    for key, group in by_dir.items():
        for i in range(0, len(group), batch_size):
            batches.append(group[i:i + batch_size])

    def work(batch):
        files = [p for p, _ in batch]
        flags = flags_for(batch[0][1], args.include)
        status, out, secs = run_batch(args.tidy, files, flags,
                                      args.timeout * len(files), db)
        singles = []
        if status != "ok" and len(files) > 1:
            for p, origin in batch:
                s, o, t = run_batch(args.tidy, [p], flags_for(origin, args.include),
                                    args.timeout, db)
                singles.append((p, s, o))
        elif status != "ok":
            singles.append((files[0], status, out))
        return batch, status, out, singles

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for batch, status, out, singles in pool.map(work, batches):
            result.runs += 1 + len(singles)
            result.files += len(batch)
            result.by_kind[kind] = result.by_kind.get(kind, 0) + len(batch)
            result.with_errors += out.count(" error: ") and 1
            result.warnings += out.count(": warning: ")
            for path, s, o in singles:
                if s == "crash":
                    result.crashes.append((kind, path, o[-3000:]))
                    keep(args.work, path)
                elif s == "hang":
                    result.hangs.append((kind, path))
                    keep(args.work, path)


def keep(work, path):
    d = os.path.join(work, "crashes")
    os.makedirs(d, exist_ok=True)
    shutil.copy(path, d)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tidy", required=True)
    parser.add_argument("--include", default=os.path.join(ROOT, "lib", "include"))
    parser.add_argument("--work", required=True)
    parser.add_argument("--bounded", action="store_true")
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--mutants", type=int)
    parser.add_argument("-p", dest="db")
    parser.add_argument("-j", dest="jobs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds per file (wall; generous on a loaded machine)")
    args = parser.parse_args()

    shutil.rmtree(args.work, ignore_errors=True)
    for d in ("generated", "errors", "mutants"):
        os.makedirs(os.path.join(args.work, d))

    inputs = test_inputs()
    rnd = random.Random(args.seed)
    started = time.time()
    result = Result()
    if args.bounded:
        sample = rnd.sample(inputs, min(6, len(inputs)))
        n_mutants = 16 if args.mutants is None else args.mutants
        gen = generated(args.work, 1)
        errs = error_files(args.work, rnd.sample(inputs, 2))
    else:
        sample = inputs
        n_mutants = 400 if args.mutants is None else args.mutants
        gen = generated(args.work, 4)
        errs = error_files(args.work, rnd.sample(inputs, 10))
    checks_inputs = [f for f in inputs if "/test/checks/" in f]
    muts = mutants(args.work, checks_inputs, n_mutants, args.seed)

    check_group(args, "inputs", [(f, f) for f in sample], result)
    check_group(args, "generated", [(f, f) for f in gen], result)
    check_group(args, "errors", errs, result)
    check_group(args, "mutants", muts, result)
    if args.db:
        import json
        with open(os.path.join(args.db, "compile_commands.json")) as f:
            corpus = sorted({e["file"] for e in json.load(f)})
        check_group(args, "corpus", [(f, f) for f in corpus], result, db=args.db)

    secs = time.time() - started
    kinds = ", ".join("%s %d" % kv for kv in result.by_kind.items())
    print("robustness: %d files (%s) in %d tether-tidy runs, %.0f s: "
          "%d crashes, %d hangs (bound %.0f s per file); %d runs reported "
          "compile errors, %d warnings" % (
              result.files, kinds, result.runs, secs, len(result.crashes),
              len(result.hangs), args.timeout, result.with_errors,
              result.warnings))
    for kind, path, out in result.crashes:
        print("CRASH [%s] %s\n%s" % (kind, path, out))
    for kind, path in result.hangs:
        print("HANG [%s] %s" % (kind, path))
    sys.exit(1 if result.crashes or result.hangs else 0)


if __name__ == "__main__":
    main()
