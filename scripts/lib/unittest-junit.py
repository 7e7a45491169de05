#!/usr/bin/env python3
"""unittest-junit.py START_DIR REPORT: runs the unittest tests under START_DIR (discovery, as
`python3 -m unittest discover -s START_DIR -v` does, with its output) and also writes a JUnit XML
report of them to REPORT, for scripts/test. Exit status 0 when every test passed, 1 otherwise.
Standard library only: Debian's python3 has no JUnit reporter for unittest."""

import sys
import time
import unittest
import xml.etree.ElementTree as ET


class RecordingResult(unittest.TextTestResult):
    """A verbose text result that also keeps (test id, seconds, outcome, detail) per test."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cases = []
        self._started = 0.0

    def startTest(self, test):
        self._started = time.monotonic()
        super().startTest(test)

    def _record(self, test, outcome, detail=""):
        self.cases.append((test.id(), time.monotonic() - self._started, outcome, detail))

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test, "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "failure", self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        self._record(test, "error", self._exc_info_to_string(err, test))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._record(test, "skipped", reason)

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._record(test, "failure", "unexpected success")

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._record(test, "passed")


def write_report(cases, path):
    suite = ET.Element("testsuite", name="unittest", tests=str(len(cases)))
    for test_id, seconds, outcome, detail in cases:
        module, _, name = test_id.rpartition(".")
        case = ET.SubElement(suite, "testcase", classname=module, name=name, time=f"{seconds:.3f}")
        if outcome != "passed":
            ET.SubElement(case, outcome, message=detail.splitlines()[-1] if detail else outcome).text = detail
    root = ET.Element("testsuites")
    root.append(suite)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def main(argv):
    if len(argv) != 2:
        print("usage: unittest-junit.py START_DIR REPORT", file=sys.stderr)
        return 2
    tests = unittest.defaultTestLoader.discover(argv[0])
    result = unittest.TextTestRunner(verbosity=2, resultclass=RecordingResult).run(tests)
    write_report(result.cases, argv[1])
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
