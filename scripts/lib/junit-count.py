#!/usr/bin/env python3
"""junit-count.py REPORT...: what the test runners' JUnit XML reports say, for scripts/test.

Reads the reports of ctest (--output-junit), GoogleTest (--gtest_output=xml), Vitest
(--reporter=junit), node's test runner (--test-reporter=junit) and Playwright alike: every
<testcase> anywhere in the file is one test; it failed when it holds a <failure> or <error>, was
skipped when it holds a <skipped> (or, from GoogleTest, is marked status="notrun"), and passed
otherwise. Prints one line "passed failed skipped", then one line per failed test (its class or
file, then its name). A report that is missing or unreadable is an error (exit 2): a runner that
crashed before writing it must not look like one that ran no test.
"""

import sys
import xml.etree.ElementTree as ET


def label(case, suite):
    """Where a test is (a file, a describe block) and its name. ctest repeats the name as its
    class; node's runner names every class "test" and puts the describe block in the suite."""
    name = case.get("name", "?")
    where = case.get("classname") or ""
    if where == name:
        return name
    if where in ("", "test") and suite is not None:
        where = suite.get("name", "")
    return f"{where} > {name}" if where else name


def count(path, totals, failed_names):
    root = ET.parse(path).getroot()
    parents = {child: parent for parent in root.iter() for child in parent}
    for case in root.iter("testcase"):
        tags = {child.tag for child in case}
        if tags & {"failure", "error"}:
            totals[1] += 1
            parent = parents.get(case)
            failed_names.append(label(case, parent if parent is not None and parent.tag == "testsuite" else None))
        elif "skipped" in tags or case.get("status") == "notrun":  # gtest: skipped or disabled
            totals[2] += 1
        else:
            totals[0] += 1


def main(paths):
    if not paths:
        print("usage: junit-count.py REPORT...", file=sys.stderr)
        return 2
    totals = [0, 0, 0]
    failed_names = []
    for path in paths:
        try:
            count(path, totals, failed_names)
        except (OSError, ET.ParseError) as error:
            print(f"junit-count.py: {path}: {error}", file=sys.stderr)
            return 2
    print(*totals)
    for name in failed_names:
        print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
