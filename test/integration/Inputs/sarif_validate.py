#!/usr/bin/env python3
"""sarif_validate.py --setup SCRIPT --prefix DIR FILE...

Validates SARIF files with @microsoft/sarif-multitool (`validate`: the SARIF
2.1.0 JSON schema plus the SARIF validation rules), installed on first use by
scripts/setup-npm-tools.sh into DIR. Fails on any error or warning the
validator reports; prints each as `file: level ruleId: message`."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

parser = argparse.ArgumentParser()
parser.add_argument("--setup", required=True)
parser.add_argument("--prefix", required=True)
parser.add_argument("--allow", action="append", default=[],
                    help="validator rule id to tolerate")
parser.add_argument("files", nargs="+")
args = parser.parse_args()

subprocess.run(["bash", args.setup, args.prefix], check=True,
               stdout=sys.stderr)
tool = os.path.join(args.prefix, "node_modules", ".bin", "sarif-multitool")
env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1",
           DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1")
bad = 0
with tempfile.TemporaryDirectory() as tmp:
    for path in args.files:
        out = os.path.join(tmp, "validation.sarif")
        proc = subprocess.run([tool, "validate", "--output", out,
                               path], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
        if not os.path.exists(out):
            sys.stdout.write(proc.stdout)
            print("%s: the validator wrote no report (exit %d)" %
                  (path, proc.returncode))
            bad += 1
            continue
        with open(out) as f:
            report = json.load(f)
        for run in report.get("runs", []):
            for note in run.get("invocations", []):
                for n in note.get("toolExecutionNotifications", []) + \
                        note.get("toolConfigurationNotifications", []):
                    if n.get("level", "warning") == "error":
                        print("%s: validator error: %s" %
                              (path, n.get("message", {}).get("text")))
                        bad += 1
            for r in run.get("results", []):
                level = r.get("level", "warning")
                rid = r.get("ruleId", "?")
                if level in ("error", "warning") and rid not in args.allow:
                    print("%s: %s %s: %s" % (path, level, rid,
                          r.get("message", {}).get("text") or
                          r.get("message", {}).get("arguments")))
                    bad += 1
        print("%s: validated, exit %d" % (os.path.basename(path),
                                          proc.returncode))
sys.exit(1 if bad else 0)
