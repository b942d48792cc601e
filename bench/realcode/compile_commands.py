#!/usr/bin/env python3
"""Writes the compile_commands.json of the real-code corpus (issue 9).

  compile_commands.py --out DIR [--build BUILD] [--tether-only | --third-party-only]

The corpus is every bench/realcode/*.cpp (translation units that include the
third-party headers Debian installs: thread_pool, concurrentqueue,
readerwriterqueue, websocketpp, asio, cpp-httplib, spdlog, Boost, oneTBB,
gRPC) plus tether's own lib/src, examples/ and test/runtime translation units.

The libraries of USER_CODE are analysed as their users' own code (issue 19):
clang treats /usr/include as system headers, and the checks skip system
headers, so a TU that merely includes the installed headers checks nothing of
the library. For each such TU the package's installed header tree (the files
`dpkg -L PACKAGE` lists under /usr/include) is copied into
OUT/realcode-src/PACKAGE/ and put first on the include path with -I; a run
passes --header-filter=/realcode-src/ (HEADER_FILTER) to show diagnostics in
it. The library's code is copied at corpus-build time, never committed.

Nothing here is a hand-written path: the flags of a third-party TU come from
pkg-config for the libraries it includes (found by scanning its #include
lines), and tether's own entries are copied from the CMake build's
compile_commands.json (BUILD, default build/). The realcode TUs are C++20.
"""

import argparse
import glob
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CXX = "/usr/lib/llvm-19/bin/clang++"

# include prefix -> pkg-config module (empty: header-only, no flags needed)
PKG = [
    ("spdlog/", "spdlog"),
    ("grpcpp/", "grpc++"),
    ("oneapi/tbb", "tbb"),
    ("tbb/", "tbb"),
    ("httplib.h", ""),
    ("asio", ""),
    ("boost/", ""),
]
# include prefix -> Debian package whose headers are the code under test
# (copied to OUT/realcode-src/PACKAGE/, included as user code), and flags put
# after pkg-config's. Boost, oneTBB and gRPC stay system headers (Boost is
# one package of 15,000 headers, 180 MB, for all its libraries; oneTBB and
# gRPC keep their code in compiled libraries).
USER_CODE = [
    ("thread_pool/", "libthread-pool-dev", []),
    ("concurrentqueue/", "libconcurrentqueue-dev", []),
    ("readerwriterqueue/", "libreaderwriterqueue-dev", []),
    ("websocketpp/", "libwebsocketpp-dev", []),
    ("asio", "libasio-dev", []),
    ("httplib.h", "libcpp-httplib-dev", []),
    # Debian builds spdlog as a shared library; its header-only mode makes
    # the implementation (thread_pool-inl.h, periodic_worker-inl.h,
    # registry-inl.h: the threads and condition variables) part of the TU.
    ("spdlog/", "libspdlog-dev",
     ["-USPDLOG_COMPILED_LIB", "-USPDLOG_SHARED_LIB"]),
]
USER_CODE_DIR = "realcode-src"
SYSTEM_INCLUDE = "/usr/include/"
# What the corpus runs pass as --header-filter so that diagnostics in those
# copies are shown. (A HeaderFilterRegex in a .clang-tidy beside the TUs would
# be the natural home, but clang-tidy 19 does not apply it reliably:
# llvm/llvm-project#118009.)
HEADER_FILTER = "/%s/" % USER_CODE_DIR
# tether's own translation units taken from the CMake database.
TETHER_DIRS = ("lib/src/", "examples/", "test/runtime/")

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)


def pkg_flags(module):
    if not module:
        return []
    try:
        out = subprocess.run(["pkg-config", "--cflags", module], check=True,
                             capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    return shlex.split(out)


def copy_package_headers(package, dest):
    """Copies PACKAGE's files under /usr/include to DEST (fresh each run, so
    an upgraded package is picked up). False when dpkg does not know it."""
    try:
        listed = subprocess.run(["dpkg", "-L", package], check=True,
                                capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        sys.stderr.write("compile_commands.py: %s is not installed "
                         "(scripts/install-deps.sh); its TU checks only the "
                         "driver code\n" % package)
        return False
    shutil.rmtree(dest, ignore_errors=True)
    for path in listed.splitlines():
        if not path.startswith(SYSTEM_INCLUDE) or not os.path.isfile(path):
            continue
        target = os.path.join(dest, path[len(SYSTEM_INCLUDE):])
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(path, target)
    return True


def installed_path(path):
    """OUT/realcode-src/PACKAGE/x/y.h -> /usr/include/x/y.h (else unchanged)."""
    parts = path.split(HEADER_FILTER, 1)
    if len(parts) == 2 and "/" in parts[1]:
        return SYSTEM_INCLUDE + parts[1].split("/", 1)[1]
    return path


def user_code_flags(includes, out, copied):
    """(-I flags first on the path, flags after pkg-config's) for the USER_CODE
    packages a TU includes; `copied` remembers the packages copied this run."""
    first, last = [], []
    for prefix, package, extra in USER_CODE:
        if not any(i.startswith(prefix) for i in includes):
            continue
        dest = os.path.join(os.path.abspath(out), USER_CODE_DIR, package)
        if package not in copied:
            copied[package] = copy_package_headers(package, dest)
        if copied[package]:
            first.append("-I" + dest)
            last += extra
    return first, last


def third_party_entries(out):
    entries = []
    copied = {}
    for path in sorted(glob.glob(os.path.join(HERE, "*.cpp"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            includes = INCLUDE.findall(f.read())
        flags, user_code_last = user_code_flags(includes, out, copied)
        for prefix, module in PKG:
            if any(i.startswith(prefix) for i in includes):
                for flag in pkg_flags(module):
                    if flag not in flags:
                        flags.append(flag)
        if any("tether/" in i for i in includes):
            flags.append("-I" + os.path.join(ROOT, "lib", "include"))
        flags += user_code_last
        args = [CXX, "-std=c++20", "-pthread"] + flags + [
            "-c", path, "-o", os.devnull]
        entries.append({"directory": HERE, "file": path, "arguments": args})
    return entries


def tether_entries(build):
    db = os.path.join(build, "compile_commands.json")
    entries = []
    if os.path.exists(db):
        with open(db) as f:
            entries = json.load(f)
    out = []
    for e in entries:
        path = e["file"]
        if not os.path.isabs(path):
            path = os.path.join(e["directory"], path)
        rel = os.path.relpath(path, ROOT)
        if rel.startswith(TETHER_DIRS) and rel.endswith(".cpp"):
            out.append(e)
    # TUs the build does not list (a tree configured before they were added,
    # or examples/test built elsewhere) get the library's own flags.
    listed = {os.path.realpath(e["file"]) for e in out}
    for d in TETHER_DIRS:
        for path in sorted(glob.glob(os.path.join(ROOT, d, "*.cpp"))):
            if os.path.realpath(path) in listed:
                continue
            args = [CXX, "-std=c++20", "-pthread",
                    "-I" + os.path.join(ROOT, "lib", "include"),
                    "-I" + os.path.join(ROOT, d), "-c", path, "-o", os.devnull]
            out.append({"directory": ROOT, "file": path, "arguments": args})
    out.sort(key=lambda e: e["file"])
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--tether-only", action="store_true")
    group.add_argument("--third-party-only", action="store_true")
    args = parser.parse_args()
    entries = []
    if not args.tether_only:
        entries += third_party_entries(args.out)
    if not args.third_party_only:
        entries += tether_entries(args.build)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=2)
        f.write("\n")
    print("%d translation units -> %s" % (
        len(entries), os.path.join(args.out, "compile_commands.json")))


if __name__ == "__main__":
    main()
