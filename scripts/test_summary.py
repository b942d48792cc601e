#!/usr/bin/env python3
"""Sums the JUnit files of ctest and lit into one `N passed, N failed` line.

ctest reports lit as a single test; its own xunit file counts each lit test.
"""
import argparse
import pathlib
import sys
import xml.etree.ElementTree as ET


def cases(path):
    """Yields (name, passed) for every test case in a JUnit file."""
    for case in ET.parse(path).getroot().iter("testcase"):
        status = case.get("status", "run")
        if status in ("notrun", "disabled") or case.find("skipped") is not None:
            yield case.get("name"), None
            continue
        failed = case.find("failure") is not None or case.find("error") is not None
        yield case.get("name"), not failed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ctest_dir", type=pathlib.Path)
    parser.add_argument("lit_xml", type=pathlib.Path)
    parser.add_argument("--extra", action="append", default=[],
                        help="name=exit-status of a check run outside ctest")
    args = parser.parse_args()

    passed = failed = skipped = 0
    failures = []
    for junit in sorted(args.ctest_dir.glob("*.xml")):
        for name, ok in cases(junit):
            if name == "lit" and args.lit_xml.exists():
                continue  # counted test by test below
            if ok is None:
                skipped += 1
            elif ok:
                passed += 1
            else:
                failed += 1
                failures.append(f"{junit.stem}: {name}")
    if args.lit_xml.exists():
        for name, ok in cases(args.lit_xml):
            if ok is None:
                skipped += 1
            elif ok:
                passed += 1
            else:
                failed += 1
                failures.append(f"lit: {name}")
    for extra in args.extra:
        name, _, status = extra.partition("=")
        if status == "0":
            passed += 1
        else:
            failed += 1
            failures.append(name)

    for failure in failures:
        print(f"FAILED: {failure}")
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
