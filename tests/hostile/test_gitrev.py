"""``raci diff --git REV PATH`` never writes outside its temporary folder (issue #12,
class 1): a tree entry named ``..`` (``git mktree`` accepts it) is refused."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, RunLine

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(root: Path, *args: str, stdin: str | None = None) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), *args], input=stdin, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    git(root, "config", "user.email", "t@example.com")
    git(root, "config", "user.name", "t")
    (root / "ownership").mkdir()
    shutil.copy(EXAMPLES / "shared-ownership.yaml", root / "ownership" / "org.yaml")
    git(root, "add", ".")
    git(root, "commit", "-qm", "one")
    return root


def hostile_commit(root: Path, name: str) -> str:
    """A commit whose ``ownership`` tree holds ``name`` -> a tree with ``evil.yaml``."""
    blob = git(root, "hash-object", "-w", "--stdin", stdin="version: 1\n")
    inner = git(root, "mktree", stdin=f"100644 blob {blob}\tevil.yaml\n")
    good = git(root, "rev-parse", "HEAD:ownership/org.yaml")
    middle = git(
        root, "mktree", stdin=f"040000 tree {inner}\t{name}\n100644 blob {good}\torg.yaml\n"
    )
    top = git(root, "mktree", stdin=f"040000 tree {middle}\townership\n")
    return git(root, "commit-tree", top, "-m", "evil")


@pytest.mark.parametrize("name", ["..", "."])
def test_a_dot_dot_tree_entry_is_refused(run_line: RunLine, repo: Path, name: str) -> None:
    commit = hostile_commit(repo, name)
    result = run_line(["diff", "--git", commit, str(repo / "ownership")], exit_code=2)
    assert f"--git: revision '{commit}' holds an unsafe path 'ownership/{name}/evil.yaml'" in (
        result.stderr
    )
    assert not (repo / "evil.yaml").exists()
    assert not list(Path("/tmp").glob("evil.yaml"))


def test_an_honest_revision_still_diffs(run_line: RunLine, repo: Path) -> None:
    result = run_line(["diff", "--git", "HEAD", str(repo / "ownership")])
    assert "No ownership changes." in result.stdout
