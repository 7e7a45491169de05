#!/usr/bin/env python3
"""Fails unless the version in CMakeLists.txt is greater than the newest vX.Y.Z git tag.

    python3 release_utils/check_version_incremented.py [--repo DIR]

For pull requests: every merge to master is released, so every PR raises the version
(release_utils/set_new_version.py). No vX.Y.Z tag yet means nothing to compare with: it passes.
The checkout needs the tags (actions/checkout with fetch-depth: 0).
"""
import argparse
import subprocess
import sys
from pathlib import Path

import versioning


def newest_release_tag(repo):
    """(version tuple, tag) of the highest vX.Y.Z tag, or None; other tags are ignored."""
    tags = subprocess.run(
        ["git", "-C", str(repo), "tag", "--list", "v*"], check=True, capture_output=True, text=True
    ).stdout.split()
    releases = []
    for tag in tags:
        try:
            releases.append((versioning.parse(tag[1:]), tag))
        except versioning.VersionError:
            continue
    return max(releases, default=None)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", default=Path(__file__).resolve().parent.parent, type=Path)
    args = parser.parse_args(argv)
    try:
        current = versioning.current_version(args.repo)
        newest = newest_release_tag(args.repo)
        if newest is None:
            print(f"version {current}: no vX.Y.Z tag yet, nothing to compare with")
            return 0
        if versioning.parse(current) <= newest[0]:
            print(
                f"version {current} is not greater than the latest release {newest[1]}: "
                "run python3 release_utils/set_new_version.py X.Y.Z",
                file=sys.stderr,
            )
            return 1
        print(f"version {current} > latest release {newest[1]}")
        return 0
    except (versioning.VersionError, subprocess.CalledProcessError, OSError) as error:
        print(f"check_version_incremented: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
