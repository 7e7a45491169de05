#!/usr/bin/env python3
"""Sets the release version everywhere the repository carries it.

    python3 release_utils/set_new_version.py X.Y.Z   set a new version (must be greater)
    python3 release_utils/set_new_version.py --show  print the current version
    python3 release_utils/set_new_version.py --check every site shows the current version

Sites: the top CMakeLists.txt (the source of truth), frontend/package.json and its lock file,
the migration Job's name and label, and the image tags of the test and prod overlays.
"""
import argparse
import sys
from pathlib import Path

import versioning

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None, root=ROOT):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("version", nargs="?", help="the new version, X.Y.Z")
    group.add_argument("--show", action="store_true", help="print the current version")
    group.add_argument("--check", action="store_true", help="check every site shows it")
    args = parser.parse_args(argv)
    try:
        current = versioning.current_version(root)
        if args.show:
            print(current)
            return 0
        if args.check:
            problems = versioning.inconsistent_sites(root)
            for line in problems:
                print(f"version mismatch: {line}", file=sys.stderr)
            return 1 if problems else 0
        if versioning.parse(args.version) <= versioning.parse(current):
            raise versioning.VersionError(f"{args.version} is not greater than the current {current}")
        for path in versioning.rewrite_version(root, args.version):
            print(f"updated {path}")
        print(f"version {current} -> {args.version}")
        return 0
    except (versioning.VersionError, OSError) as error:
        print(f"set_new_version: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
