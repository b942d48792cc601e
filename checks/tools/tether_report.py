#!/usr/bin/env python3
"""tether findings: read clang-tidy --export-fixes YAML, write plain
diagnostics, SARIF 2.1.0 or reviewdog rdjsonl.

Used by tether-sarif (CI gate: the YAML of run-clang-tidy-19 -export-fixes)
and tether-diff (review diffs). Paths in the output are relative to the source
root; every rule id is a check name (tether-dropped-cancellation, ...), and
every tether rule's help points at docs/checks/<check>.md.
"""

import json
import os
import sys
import urllib.parse

import yaml

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_NAME = "tether-tidy"


class Finding:
    """One clang-tidy diagnostic with its notes, located by line and column."""

    def __init__(self, check, level, message, path, line, col, notes, fixes):
        self.check = check
        self.level = level  # "warning" or "error"
        self.message = message
        self.path = path  # absolute
        self.line = line
        self.col = col
        self.notes = notes  # [(path, line, col, message)]
        self.fixes = fixes  # [(path, offset, length, text)]

    def key(self):
        return (self.path, self.line, self.col, self.check, self.message)


_files = {}


def _load(path):
    entry = _files.get(path)
    if entry is None:
        data = b""
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            pass
        starts = [0] + [i + 1 for i, b in enumerate(data) if b == 0x0A]
        entry = _files[path] = (data, starts)
    return entry


def utf16_column(path, line, col):
    """A 1-based byte column -> a 1-based UTF-16 column (SARIF's default)."""
    data, starts = _load(path)
    if line - 1 >= len(starts):
        return col
    start = starts[line - 1]
    prefix = data[start:start + col - 1].decode("utf-8", "replace")
    return len(prefix.encode("utf-16-le")) // 2 + 1


def _position(path, offset):
    """clang-tidy's byte offset -> 1-based (line, column in bytes)."""
    starts = _load(path)[1]
    lo, hi = 0, len(starts)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid
    return lo + 1, offset - starts[lo] + 1


def _abs(path, build_dir):
    if not path:
        return path
    if not os.path.isabs(path) and build_dir:
        path = os.path.join(build_dir, path)
    return os.path.normpath(os.path.abspath(path))


def yaml_files(paths):
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if name.endswith((".yaml", ".yml")):
                    yield os.path.join(p, name)
        else:
            yield p


def load_findings(paths):
    """All diagnostics of the given --export-fixes files (or directories),
    deduplicated (a header's finding comes once per TU) and sorted."""
    seen = {}
    for path in yaml_files(paths):
        with open(path) as f:
            doc = yaml.safe_load(f) or {}
        build_dir = doc.get("BuildDirectory")
        for d in doc.get("Diagnostics") or []:
            msg = d.get("DiagnosticMessage") or {}
            file = _abs(msg.get("FilePath", ""), build_dir)
            if not file:
                continue  # a diagnostic without a location (command line)
            line, col = _position(file, int(msg.get("FileOffset", 0)))
            notes = []
            for n in d.get("Notes") or []:
                nfile = _abs(n.get("FilePath", ""), build_dir)
                if nfile:
                    nl, nc = _position(nfile, int(n.get("FileOffset", 0)))
                    notes.append((nfile, nl, nc, n.get("Message", "")))
            fixes = [(_abs(r.get("FilePath", ""), build_dir),
                      int(r.get("Offset", 0)), int(r.get("Length", 0)),
                      r.get("ReplacementText", ""))
                     for r in msg.get("Replacements") or []]
            level = "error" if d.get("Level") == "Error" else "warning"
            finding = Finding(d.get("DiagnosticName", "clang-tidy"), level,
                              msg.get("Message", ""), file, line, col, notes,
                              fixes)
            seen.setdefault(finding.key(), finding)
    return [seen[k] for k in sorted(seen)]


def relpath(path, root):
    rel = os.path.relpath(path, root)
    return path if rel.startswith("..") else rel


# tether's own source tree (this file is checks/tools/tether_report.py; the
# copies in build/bin are symbolic links to it): rule help lives in its docs/.
TETHER_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.realpath(__file__))))


def docs_for(check, root=None):
    """docs/checks/<check>.md, relative to tether's source tree."""
    if check.startswith("tether-"):
        return "docs/checks/%s.md" % check
    return None


def help_uri(check, root, docs_base_uri):
    """Where a rule's documentation is: <docs_base_uri>/docs/checks/<check>.md
    (e.g. a blob URL of tether's repository), by default a file URI into
    tether's source tree; LLVM's pages for clang-tidy's own checks."""
    doc = docs_for(check)
    if doc is None:
        if check.startswith("clang-diagnostic-"):
            return None
        return ("https://clang.llvm.org/extra/clang-tidy/checks/%s.html" %
                check.replace("-", "/", 1))
    if docs_base_uri:
        return docs_base_uri.rstrip("/") + "/" + doc
    return "file://" + urllib.parse.quote(os.path.join(TETHER_ROOT, doc))


def known_tether_checks(root=None):
    d = os.path.join(TETHER_ROOT, "docs", "checks")
    try:
        return sorted(n[:-3] for n in os.listdir(d)
                      if n.startswith("tether-") and n.endswith(".md"))
    except OSError:
        return []


def _first_sentence(root, check):
    doc = docs_for(check, root)
    if not doc:
        return None
    try:
        with open(os.path.join(TETHER_ROOT, doc)) as f:
            for para in f.read().split("\n\n"):
                para = " ".join(para.split())
                if para and not para.startswith(("#", "```", "|", "<")):
                    return para.split(". ")[0].rstrip(".") + "."
    except OSError:
        return None
    return None


def to_sarif(findings, root, docs_base_uri=None, tool_version="19.1.0"):
    root = os.path.abspath(root)
    rule_ids = sorted(set(known_tether_checks(root)) |
                      {f.check for f in findings})
    rules = []
    for rid in rule_ids:
        # SARIF wants a name distinct from the id: TetherDroppedCancellation.
        rule = {"id": rid, "name": "".join(
            w[:1].upper() + w[1:] for w in rid.replace(".", "-").split("-"))}
        summary = _first_sentence(root, rid)
        rule["shortDescription"] = {"text": summary or rid}
        uri = help_uri(rid, root, docs_base_uri)
        if uri:
            rule["helpUri"] = uri
            rule["help"] = {"text": "See %s" % (docs_for(rid, root) or uri),
                            "markdown": "See [%s](%s)." %
                            (docs_for(rid, root) or rid, uri)}
        rule["defaultConfiguration"] = {"level": "warning"}
        rules.append(rule)
    index = {r["id"]: i for i, r in enumerate(rules)}

    def location(path, line, col, message=None):
        loc = {"physicalLocation": {
            "artifactLocation": artifact(path),
            "region": {"startLine": line,
                       "startColumn": utf16_column(path, line, col)}}}
        if message is not None:
            loc["message"] = {"text": message}
        return loc

    def artifact(path):
        rel = relpath(path, root)
        if os.path.isabs(rel):
            return {"uri": "file://" + urllib.parse.quote(rel)}
        return {"uri": urllib.parse.quote(rel.replace(os.sep, "/")),
                "uriBaseId": "%SRCROOT%"}

    results = []
    for f in findings:
        result = {
            "ruleId": f.check,
            "ruleIndex": index[f.check],
            "level": f.level,
            "message": {"text": f.message},
            "locations": [location(f.path, f.line, f.col)],
        }
        if f.notes:
            result["relatedLocations"] = [
                dict(location(p, l, c, m), id=i + 1)
                for i, (p, l, c, m) in enumerate(f.notes)]
        # A fingerprint that survives edits elsewhere in the file.
        result["partialFingerprints"] = {
            "tetherFinding/v1": "%s:%s:%s" % (
                f.check, relpath(f.path, root).replace(os.sep, "/"),
                " ".join(f.message.split()))}
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": TOOL_NAME,
                "semanticVersion": tool_version,
                "informationUri": help_uri("tether-", root, docs_base_uri)
                .replace("docs/checks/tether-.md", "docs/integration.md"),
                "rules": rules}},
            "originalUriBaseIds": {"%SRCROOT%": {
                "uri": "file://" + urllib.parse.quote(root.rstrip("/") + "/")}},
            "columnKind": "utf16CodeUnits",
            "results": results,
        }],
    }


def to_rdjsonl(findings, root, docs_base_uri=None):
    """reviewdog's rdjsonl: one Diagnostic object per line."""
    lines = []
    for f in findings:
        d = {
            "message": f.message,
            "location": {"path": relpath(f.path, root), "range": {
                "start": {"line": f.line, "column": f.col}}},
            "severity": "ERROR" if f.level == "error" else "WARNING",
            "source": {"name": "tether"},
            "code": {"value": f.check},
        }
        uri = help_uri(f.check, root, docs_base_uri)
        if uri:
            d["code"]["url"] = uri
        if f.notes:
            d["related_locations"] = [{
                "message": m,
                "location": {"path": relpath(p, root), "range": {
                    "start": {"line": l, "column": c}}}}
                for p, l, c, m in f.notes]
        lines.append(json.dumps(d, sort_keys=True))
    return "".join(l + "\n" for l in lines)


def to_plain(findings, root):
    out = []
    for f in findings:
        out.append("%s:%d:%d: %s: %s [%s]\n" % (
            relpath(f.path, root), f.line, f.col, f.level, f.message, f.check))
        for p, l, c, m in f.notes:
            out.append("%s:%d:%d: note: %s\n" % (relpath(p, root), l, c, m))
    return "".join(out)


def render(findings, fmt, root, docs_base_uri=None):
    if fmt == "sarif":
        return json.dumps(to_sarif(findings, root, docs_base_uri), indent=2) + "\n"
    if fmt == "rdjsonl":
        return to_rdjsonl(findings, root, docs_base_uri)
    return to_plain(findings, root)


def add_output_arguments(parser):
    parser.add_argument("--format", choices=["plain", "sarif", "rdjsonl"],
                        default="plain", help="output format (default plain)")
    parser.add_argument("-o", "--output", default="-",
                        help="output file (default stdout)")
    parser.add_argument("--source-root", default=os.getcwd(),
                        help="paths are reported relative to this directory "
                             "(default: the current directory)")
    parser.add_argument("--docs-base-uri", default=os.environ.get(
        "TETHER_DOCS_BASE_URI"),
        help="base URI of the tether source tree for rule help links, e.g. "
             "https://github.com/OWNER/REPO/blob/main (default: file URIs "
             "under the source root)")
    parser.add_argument("--checks-prefix", default="",
                        help="report only checks whose name starts with this "
                             "(e.g. tether-)")


def write_output(findings, args):
    if args.checks_prefix:
        findings = [f for f in findings if f.check.startswith(args.checks_prefix)]
    text = render(findings, args.format, args.source_root, args.docs_base_uri)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w") as f:
            f.write(text)
    return findings


def main(argv=None):
    import argparse
    parser = argparse.ArgumentParser(
        prog="tether-sarif",
        description="Convert clang-tidy --export-fixes YAML (files or "
                    "directories of them, e.g. from run-clang-tidy-19 "
                    "-export-fixes) into SARIF 2.1.0, rdjsonl or plain "
                    "diagnostics.")
    parser.add_argument("fixes", nargs="+", help="YAML files or directories")
    add_output_arguments(parser)
    parser.set_defaults(format="sarif")
    parser.add_argument("--fail-on-findings", action="store_true",
                        help="exit 1 when any finding is written")
    args = parser.parse_args(argv)
    findings = write_output(load_findings(args.fixes), args)
    return 1 if args.fail_on_findings and findings else 0


if __name__ == "__main__":
    sys.exit(main())
