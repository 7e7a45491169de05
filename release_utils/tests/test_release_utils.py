"""Tests of release_utils: run with /usr/bin/python3 -m unittest discover -s release_utils/tests

Each test works on a temporary copy of the files that carry the version (or a temporary git
repository), never on the working tree.
"""
import contextlib
import io
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "release_utils"))

import check_version_incremented  # noqa: E402
import previous_release  # noqa: E402
import set_image  # noqa: E402
import set_new_version  # noqa: E402
import versioning  # noqa: E402


def quietly(function, *args, **kwargs):
    """Calls function, returning (result, stdout + stderr)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        result = function(*args, **kwargs)
    return result, out.getvalue()


class RepoCopy(unittest.TestCase):
    """A temporary copy of every file that carries the version."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.root = Path(self.tmp.name)
        for path in {site[0] for site in versioning.SITES}:
            (self.root / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / path, self.root / path)

    def read(self, path):
        return (self.root / path).read_text(encoding="utf-8")

    def set_version(self, *argv):
        return quietly(set_new_version.main, list(argv), root=self.root)


class SetNewVersion(RepoCopy):
    def test_the_repository_shows_one_version_everywhere(self):
        self.assertEqual(versioning.inconsistent_sites(ROOT), [])

    def test_sets_every_site(self):
        old = versioning.current_version(self.root)
        major, minor, _ = versioning.parse(old)
        new = f"{major}.{minor + 1}.0"
        code, _ = self.set_version(new)
        self.assertEqual(code, 0)
        self.assertEqual(versioning.current_version(self.root), new)
        self.assertEqual(versioning.inconsistent_sites(self.root), [])
        self.assertIn(f'"version": "{new}"', self.read("frontend/package.json"))
        self.assertIn(f"name: tmeit-migrate-{new.replace('.', '-')}", self.read("deploy/kubernetes/base/migrate-job.yaml"))
        self.assertIn(f"newTag: {new}", self.read("deploy/kubernetes/prod/kustomization.yaml"))
        self.assertIn(f"newTag: {new}", self.read("deploy/kubernetes/test/kustomization.yaml"))
        lock = self.read("frontend/package-lock.json")
        # The project's two entries; a dependency may already be at the new version number.
        already = self.read_original("frontend/package-lock.json").count(f'"version": "{new}"')
        self.assertEqual(lock.count(f'"version": "{new}"'), already + 2)
        # Only the version changed: dependencies in the lock file that happen to share it stay.
        self.assertEqual(len(lock), len(self.read_original("frontend/package-lock.json")) + 2 * (len(new) - len(old)))

    def read_original(self, path):
        return (ROOT / path).read_text(encoding="utf-8")

    def test_refuses_what_is_not_semver(self):
        for bad in ["1.2", "v1.2.3", "1.2.3-rc.1", "01.2.3", "1.2.3.4", "one.two.three", ""]:
            with self.subTest(bad=bad):
                code, output = self.set_version(bad)
                self.assertEqual(code, 1)
                self.assertIn("not a semantic version", output)
        self.assertEqual(versioning.inconsistent_sites(self.root), [])

    def test_refuses_the_same_or_a_lower_version(self):
        current = versioning.current_version(self.root)
        for bad in [current, "0.0.1"]:
            with self.subTest(bad=bad):
                code, output = self.set_version(bad)
                self.assertEqual(code, 1)
                self.assertIn("not greater", output)
        self.assertEqual(versioning.current_version(self.root), current)

    def test_compares_numerically_not_as_text(self):
        (self.root / "CMakeLists.txt").write_text(
            self.read("CMakeLists.txt").replace(versioning.current_version(self.root), "0.9.0"), encoding="utf-8"
        )
        code, output = self.set_version("0.10.0")
        self.assertEqual(code, 0, output)

    def test_a_missing_site_fails_and_writes_nothing(self):
        path = "deploy/kubernetes/prod/kustomization.yaml"
        (self.root / path).write_text(self.read(path).replace("newTag:", "tag:"), encoding="utf-8")
        before = self.read("CMakeLists.txt")
        code, output = self.set_version("99.0.0")
        self.assertEqual(code, 1)
        self.assertIn(path, output)
        self.assertEqual(self.read("CMakeLists.txt"), before)

    def test_check_names_a_site_that_drifted(self):
        path = "frontend/package.json"
        current = versioning.current_version(self.root)
        (self.root / path).write_text(self.read(path).replace(f'"version": "{current}"', '"version": "7.7.7"', 1), encoding="utf-8")
        code, output = self.set_version("--check")
        self.assertEqual(code, 1)
        self.assertIn(f"{path}: found 7.7.7, want {current}", output)

    def test_show_prints_the_current_version(self):
        code, output = self.set_version("--show")
        self.assertEqual((code, output.strip()), (0, versioning.current_version(self.root)))


class GitRepo(unittest.TestCase):
    """A temporary git repository with 0.1.0 committed."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.repo = Path(self.tmp.name)
        self.git("init", "-q")
        self.commit("0.1.0")

    def git(self, *args):
        subprocess.run(
            ["git", "-C", str(self.repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
            check=True,
            capture_output=True,
        )

    def commit(self, version):
        (self.repo / "CMakeLists.txt").write_text(f"project(tmeit VERSION {version} LANGUAGES CXX)\n", encoding="utf-8")
        self.git("add", "CMakeLists.txt")
        self.git("commit", "-q", "--allow-empty", "-m", version)


class CheckVersionIncremented(GitRepo):
    def check(self):
        return quietly(check_version_incremented.main, ["--repo", str(self.repo)])

    def test_passes_without_release_tags(self):
        self.git("tag", "not-a-release")
        self.assertEqual(self.check()[0], 0)

    def test_fails_when_the_version_equals_the_latest_tag(self):
        self.git("tag", "v0.1.0")
        code, output = self.check()
        self.assertEqual(code, 1)
        self.assertIn("not greater than the latest release v0.1.0", output)

    def test_passes_when_the_version_was_raised(self):
        self.git("tag", "v0.1.0")
        self.commit("0.2.0")
        self.assertEqual(self.check()[0], 0)

    def test_compares_with_the_highest_tag_numerically(self):
        self.git("tag", "v0.9.0")
        self.git("tag", "v0.10.0")
        self.git("tag", "vnext")
        self.commit("0.9.5")
        code, output = self.check()
        self.assertEqual(code, 1)
        self.assertIn("v0.10.0", output)


class PreviousRelease(GitRepo):
    def head(self):
        return subprocess.run(
            ["git", "-C", str(self.repo), "rev-parse", "HEAD"], check=True, capture_output=True, text=True
        ).stdout.strip()

    def test_none_while_every_commit_has_the_same_version(self):
        self.commit("0.1.0")
        self.assertIsNone(previous_release.previous_release(self.repo))

    def test_the_newest_commit_with_a_lower_version(self):
        self.commit("0.1.0")
        last_of_0_1 = self.head()
        self.commit("0.2.0")
        self.commit("0.2.0")
        self.assertEqual(previous_release.previous_release(self.repo), (last_of_0_1, "0.1.0"))

    def test_skips_commits_without_a_version(self):
        old = self.head()
        (self.repo / "CMakeLists.txt").write_text("project(other)\n", encoding="utf-8")
        self.git("commit", "-q", "-am", "no version")
        self.commit("1.0.0")
        self.assertEqual(previous_release.previous_release(self.repo), (old, "0.1.0"))


class SetImage(RepoCopy):
    def test_sets_name_and_tag_of_the_tmeit_image(self):
        overlay = self.root / "deploy/kubernetes/prod"
        code, _ = quietly(set_image.main, [str(overlay), "ghcr.io/some-club/tmeit:1.2.3"])
        self.assertEqual(code, 0)
        text = self.read("deploy/kubernetes/prod/kustomization.yaml")
        self.assertIn("newName: ghcr.io/some-club/tmeit\n    newTag: 1.2.3", text)

    def test_refuses_a_reference_without_tag_or_in_upper_case(self):
        overlay = self.root / "deploy/kubernetes/prod"
        for bad in ["ghcr.io/club/tmeit", "ghcr.io/Club/tmeit:1.0.0"]:
            with self.subTest(bad=bad):
                self.assertEqual(quietly(set_image.main, [str(overlay), bad])[0], 1)


if __name__ == "__main__":
    unittest.main()
