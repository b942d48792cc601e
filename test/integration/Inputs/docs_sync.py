#!/usr/bin/env python3
"""docs_sync.py ROOT DOC: every `<!-- file: PATH -->` fenced block in DOC must
be exactly the content of ROOT/PATH (the configuration the tests use)."""
import os
import re
import sys

root, doc = sys.argv[1], sys.argv[2]
text = open(doc).read()
blocks = re.findall(r"<!-- file: (\S+) -->\n```[a-z]*\n(.*?)```\n", text, re.S)
bad = 0
for path, body in blocks:
    with open(os.path.join(root, path)) as f:
        if f.read() != body:
            print("%s: the block differs from %s" % (doc, path))
            bad += 1
        else:
            print("in sync: %s" % path)
sys.exit(1 if bad or not blocks else 0)
