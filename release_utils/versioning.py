"""Where the release version lives in the repository, and how to read and rewrite it.

The top CMakeLists.txt is the source of truth; every other site must show the same version.
Each site is a regular expression that must match exactly once, so a file that drifted
(a moved line, a renamed key) fails loudly instead of being skipped.
"""
import re
from pathlib import Path

SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")


class VersionError(Exception):
    """A version or a version site is not as expected."""


def parse(text):
    """(major, minor, patch) of 'X.Y.Z'; VersionError for anything else."""
    match = SEMVER.fullmatch(text)
    if not match:
        raise VersionError(f"not a semantic version X.Y.Z: {text!r}")
    return tuple(int(part) for part in match.groups())


def dashed(version):
    """'0.1.0' -> '0-1-0', for Kubernetes names."""
    return version.replace(".", "-")


# (file, pattern, replacement): group 1 and the last group surround the version text; the
# replacement gets the new version. Patterns use (?m) so ^ anchors a line.
SITES = [
    ("CMakeLists.txt", r"(?m)(^project\(tmeit VERSION )(\d+\.\d+\.\d+)( )", "{version}"),
    ("frontend/package.json", r'(?m)(^  "version": ")([^"]*)(")', "{version}"),
    ("frontend/package-lock.json", r'(?m)(^  "version": ")([^"]*)(")', "{version}"),
    (
        "frontend/package-lock.json",
        r'(\n    "": \{\n      "name": "tmeit-frontend",\n      "version": ")([^"]*)(")',
        "{version}",
    ),
    ("deploy/kubernetes/base/migrate-job.yaml", r"(?m)(^  name: tmeit-migrate-)(\S+)()$", "{dashed}"),
    (
        "deploy/kubernetes/base/migrate-job.yaml",
        r"(?m)(^    app\.kubernetes\.io/version: )(\S+)()$",
        "{version}",
    ),
    # The API document's snapshot the frontend's types come from (scripts/update-api-types).
    ("frontend/src/client/openapi.json", r'(\n  "info": \{\n    "title": "[^"]*",\n    "version": ")([^"]*)(")', "{version}"),
    ("deploy/kubernetes/test/kustomization.yaml", r"(- name: tmeit\n +newName: \S+\n +newTag: )(\S+)()", "{version}"),
    ("deploy/kubernetes/prod/kustomization.yaml", r"(- name: tmeit\n +newName: \S+\n +newTag: )(\S+)()", "{version}"),
]


def current_version(root):
    """The version in the top CMakeLists.txt of the repository at `root`."""
    text = (Path(root) / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(SITES[0][1], text)
    if not match:
        raise VersionError("CMakeLists.txt has no `project(tmeit VERSION X.Y.Z ...)`")
    return match.group(2)


def _one_match(path, pattern, text):
    matches = list(re.finditer(pattern, text))
    if len(matches) != 1:
        raise VersionError(f"{path}: expected one version site matching {pattern!r}, found {len(matches)}")
    return matches[0]


def site_values(root):
    """[(file, version text)] for every site, in SITES order."""
    values = []
    for path, pattern, _ in SITES:
        text = (Path(root) / path).read_text(encoding="utf-8")
        values.append((path, _one_match(path, pattern, text).group(2)))
    return values


def inconsistent_sites(root):
    """Sites whose version differs from CMakeLists.txt, as 'file: found X, want Y' lines."""
    version = current_version(root)
    problems = []
    for (path, _, replacement), (_, found) in zip(SITES, site_values(root)):
        want = replacement.format(version=version, dashed=dashed(version))
        if found != want:
            problems.append(f"{path}: found {found}, want {want}")
    return problems


def rewrite_version(root, new_version):
    """Sets `new_version` at every site; writes nothing unless every site was found."""
    contents = {}
    for path, pattern, replacement in SITES:
        text = contents.get(path) or (Path(root) / path).read_text(encoding="utf-8")
        match = _one_match(path, pattern, text)
        value = replacement.format(version=new_version, dashed=dashed(new_version))
        contents[path] = text[: match.start(2)] + value + text[match.end(2) :]
    for path, text in contents.items():
        (Path(root) / path).write_text(text, encoding="utf-8")
    return sorted(contents)
