#!/usr/bin/env python3
"""make_cdb.py BUILD_DIR SOURCE...: writes BUILD_DIR/compile_commands.json
compiling each SOURCE with clang++-19 -std=c++20 against tether's headers
(from $TETHER_INCLUDE)."""
import json
import os
import sys

build, sources = sys.argv[1], sys.argv[2:]
os.makedirs(build, exist_ok=True)
include = os.environ["TETHER_INCLUDE"]
entries = [{
    "directory": os.path.abspath(build),
    "file": os.path.abspath(s),
    "arguments": ["/usr/lib/llvm-19/bin/clang++", "-std=c++20", "-I" + include,
                  "-c", os.path.abspath(s), "-o",
                  os.path.basename(s) + ".o"],
} for s in sources]
with open(os.path.join(build, "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=2)
