#!/usr/bin/env python3
"""Points an overlay's `tmeit` image at a registry reference, as `kustomize edit set image`
would, without needing the kustomize binary.

    python3 release_utils/set_image.py deploy/kubernetes/prod ghcr.io/OWNER/tmeit:X.Y.Z
"""
import re
import sys
from pathlib import Path

IMAGE_ENTRY = re.compile(r"(- name: tmeit\n +newName: )(\S+)(\n +newTag: )(\S+)")
REFERENCE = re.compile(r"([a-z0-9][a-z0-9./_-]*):([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})")


def set_image(overlay, reference):
    """Rewrites newName and newTag of the `tmeit` entry in OVERLAY/kustomization.yaml."""
    match = REFERENCE.fullmatch(reference)
    if not match:
        raise ValueError(f"expected a lower-case NAME:TAG image reference, got {reference!r}")
    path = Path(overlay) / "kustomization.yaml"
    text = path.read_text(encoding="utf-8")
    entries = list(IMAGE_ENTRY.finditer(text))
    if len(entries) != 1:
        raise ValueError(f"{path}: expected one `- name: tmeit` entry with newName and newTag")
    name, tag = match.groups()
    entry = entries[0]
    text = f"{text[: entry.start()]}{entry.group(1)}{name}{entry.group(3)}{tag}{text[entry.end():]}"
    path.write_text(text, encoding="utf-8")


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        set_image(*argv)
    except (ValueError, OSError) as error:
        print(f"set_image: {error}", file=sys.stderr)
        return 1
    print(f"{argv[0]}: image tmeit -> {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
