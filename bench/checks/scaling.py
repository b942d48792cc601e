#!/usr/bin/env python3
"""Scaling of the tether checks with function count (issue 9).

  scaling.py --tidy build/bin/tether-tidy --include lib/include [--sizes 10,100,1000]
             [--repeat 2] [--work DIR] [--markdown FILE]

For each N and for correct and leaky code, gen_scaling.py writes a TU of N
functions; tether-tidy runs it with (a) one trivial check and (b) tether-*.
Time is user+system CPU seconds, the minimum over --repeat runs. The checks'
cost is (b)-(a); a least-squares line through (N, (b)-(a)) gives the slope
(ms per function) and R^2, and the ratio of the per-function cost at the
largest N to that at the middle N shows whether the growth is linear (1.0) or
worse.
"""

import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_scaling  # noqa: E402

PARSE = "-*,misc-unused-alias-decls"
TETHER = "-*,tether-*"


def cpu(tidy, path, checks, include):
    cmd = ["/usr/bin/time", "-f", "TETHER_TIME %U %S %M", tidy, "--quiet",
           "-checks=" + checks, path, "--", "-std=c++20", "-I" + include]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, errors="replace")
    m = re.search(r"TETHER_TIME ([\d.]+) ([\d.]+) (\d+)", p.stderr)
    warnings = sum(1 for l in p.stdout.splitlines() if ": warning: " in l)
    errors = p.stdout.count(": error: ") + p.stderr.count(": error: ")
    return float(m.group(1)) + float(m.group(2)), int(m.group(3)), warnings, errors


def fit(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    slope = sxy / sxx
    icpt = my - slope * mx
    ss_tot = sum((y - my) ** 2 for y in ys)
    ss_res = sum((y - (icpt + slope * x)) ** 2 for x, y in zip(xs, ys))
    return slope, icpt, (1 - ss_res / ss_tot) if ss_tot else 1.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tidy", required=True)
    parser.add_argument("--include", required=True)
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--work", default="/tmp/tether-scaling")
    parser.add_argument("--markdown")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    os.makedirs(args.work, exist_ok=True)

    lines = ["| N functions | leaks | lines | (a) parse s | (b) tether s | "
             "tether share s | ms per function | peak MB b | warnings |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    summary = []
    for leaks in (False, True):
        xs, ys = [], []
        for n in sizes:
            path = os.path.join(args.work, "gen_%d%s.cpp" % (
                n, "_leaks" if leaks else ""))
            text = gen_scaling.generate(n, leaks)
            with open(path, "w") as f:
                f.write(text)
            a = b = None
            rss = warnings = errors = 0
            for _ in range(args.repeat):
                ta, _, _, errors = cpu(args.tidy, path, PARSE, args.include)
                tb, rss, warnings, _ = cpu(args.tidy, path, TETHER, args.include)
                a = ta if a is None else min(a, ta)
                b = tb if b is None else min(b, tb)
            if errors:
                sys.exit("scaling: %s does not compile" % path)
            share = b - a
            xs.append(n)
            ys.append(share)
            lines.append("| %d | %s | %d | %.2f | %.2f | %+.3f | %.2f | %.0f | %d |" % (
                n, "yes" if leaks else "no", text.count("\n"), a, b, share,
                1000 * share / n, rss / 1024.0, warnings))
            sys.stderr.write("N=%d leaks=%s a=%.2f b=%.2f\n" % (n, leaks, a, b))
        slope, icpt, r2 = fit(xs, ys)
        per_fn = [y / x for x, y in zip(xs, ys)]
        growth = per_fn[-1] / per_fn[-2] if len(per_fn) > 1 and per_fn[-2] > 0 else float("nan")
        summary.append(
            "%s code: slope %.3f ms per function (intercept %+.3f s, R^2 %.4f); "
            "cost per function at N=%d / at N=%d = %.2f (1.0 is linear)" % (
                "leaky" if leaks else "correct", 1000 * slope, icpt, r2,
                sizes[-1], sizes[-2] if len(sizes) > 1 else sizes[-1], growth))
    out = "\n".join(lines) + "\n\n" + "\n".join("- " + s for s in summary) + "\n"
    print(out)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(out)


if __name__ == "__main__":
    main()
