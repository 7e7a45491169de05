#!/usr/bin/env python3
"""Finds the previous release: the newest commit in HEAD's history whose version is lower.

    python3 release_utils/previous_release.py    prints "<commit> <version>", or nothing

The version of a commit is the one in its top CMakeLists.txt; HEAD's is the working tree's.
Exit 0 with no output when no such commit exists (the first release): callers decide whether
that is a skip. Used by scripts/test-migration-compat.
"""
import re
import subprocess
import sys
from pathlib import Path

import versioning

ROOT = Path(__file__).resolve().parent.parent


def git(root, *args):
    return subprocess.run(
        ["git", "-C", str(root), *args], check=True, capture_output=True, text=True
    ).stdout


def version_at(root, commit):
    """The version in CMakeLists.txt at `commit`, or None when it has none."""
    try:
        text = git(root, "show", f"{commit}:CMakeLists.txt")
    except subprocess.CalledProcessError:
        return None
    match = re.search(versioning.SITES[0][1], text)
    return match.group(2) if match else None


def previous_release(root=ROOT):
    """(commit, version) of the newest ancestor of HEAD with a lower version, or None."""
    current = versioning.parse(versioning.current_version(root))
    for commit in git(root, "rev-list", "HEAD").split():
        version = version_at(root, commit)
        if version is None:
            continue
        try:
            if versioning.parse(version) < current:
                return commit, version
        except versioning.VersionError:
            continue
    return None


def main(root=ROOT):
    try:
        found = previous_release(root)
    except (versioning.VersionError, subprocess.CalledProcessError, OSError) as error:
        print(f"previous_release: {error}", file=sys.stderr)
        return 1
    if found:
        print(f"{found[0]} {found[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
