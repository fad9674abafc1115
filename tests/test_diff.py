"""``raci diff``: pairs of models with known changes, the exit-code gate, and ``--git``."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from raci.diff.changes import (
    AccountabilityMove,
    ActivityRef,
    AssignmentChange,
    FieldChange,
    LoadDelta,
    Rename,
    diff_paths,
)
from tests.conftest import RunLine
from tests.helpers import DATA

Write = Callable[[str, str], Path]

OLD = """\
version: 1
functions:
  IC: {name: Internal Communications, capacity: 4}
  HR: {name: Human Resources}
  OD: {name: Organisational Development}
  IT: {name: Information Technology}
activities:
  - {id: vision, name: Agree the vision, raci: {IC: A/R, OD: C}}
  - {id: policy, name: Write the usage policy, raci: {IC: A/R, HR: C}}
  - {id: launch, name: Run the launch, raci: {IC: A/R, HR: I}}
  - {id: train, name: Train users, raci: {IC: A/R, IT: C}}
  - {id: onboard, name: Onboard new joiners, raci: {HR: A/R, IC: C}}
  - {id: retire, name: Retire the intranet, raci: {IT: A/R, IC: C}}
"""

NEW = """\
version: 1
functions:
  IC: {name: Internal Communications, capacity: 4}
  HR: {name: Human Resources}
  OD: {name: Organisational Development}
  IT: {name: Information Technology}
activities:
  - {id: vision, name: Agree the vision, raci: {OD: A, IC: R}}
  - {id: usage-policy, name: Write the usage policy, raci: {IC: A/R, HR: C}}
  - {id: launch, name: Run the launch, effort: 2, raci: {IC: A/R, HR: C}}
  - {id: training, name: Train the users, raci: {IC: A/R, IT: C}}
  - {id: onboard, name: Onboard new joiners, raci: {HR: A/R, IC: C, Comms: I}}
  - {id: champions, name: Recruit champions, raci: {OD: A, HR: R}}
"""


@pytest.fixture
def pair(write: Write) -> tuple[Path, Path]:
    return write("old.yaml", OLD), write("new.yaml", NEW)


def test_activities_added_removed_and_renamed(pair: tuple[Path, Path]) -> None:
    result = diff_paths(*pair)
    assert result.activities_added == [ActivityRef("champions", "Recruit champions")]
    assert result.activities_removed == [ActivityRef("retire", "Retire the intranet")]
    assert result.renamed == [
        Rename("policy", "usage-policy", "Write the usage policy", "same name"),
        Rename("train", "training", "Train the users", "same assignments"),
    ]
    assert result.fields == [
        FieldChange("activity", "launch", "effort", 1.0, 2),
        FieldChange("activity", "training", "name", "Train users", "Train the users"),
    ]


def test_assignments_and_moved_accountability(pair: tuple[Path, Path]) -> None:
    result = diff_paths(*pair)
    assert [(c.activity, c.function, c.old, c.new, c.change) for c in result.assignments] == [
        ("vision", "OD", "C", "A", "changed"),
        ("vision", "IC", "A/R", "R", "changed"),
        ("launch", "HR", "I", "C", "changed"),
        ("onboard", "Comms", None, "I", "added"),
    ]
    assert result.accountability == [AccountabilityMove("vision", ("IC",), ("OD",))]


def test_load_deltas_per_function(pair: tuple[Path, Path]) -> None:
    result = diff_paths(*pair)
    assert result.load == [
        LoadDelta("IC", "Internal Communications", "changed", (4, 3), (4, 4), (2, 1), (0, 0),
                  (4.0, 5.0), (0.666667, 0.5)),
        LoadDelta("HR", "Human Resources", "changed", (1, 1), (1, 2), (1, 2), (1, 0),
                  (1.0, 2.0), (0.166667, 0.166667)),
        LoadDelta("OD", "Organisational Development", "changed", (0, 2), (0, 0), (1, 0), (0, 0),
                  (0.0, 0.0), (0.0, 0.333333)),
        LoadDelta("IT", "Information Technology", "changed", (1, 0), (1, 0), (1, 1), (0, 0),
                  (1.0, 0.0), (0.166667, 0.0)),
    ]  # fmt: skip
    assert [round(value, 3) for value in result.hhi] == [0.5, 0.389]


def test_findings_introduced_fixed_and_changed(pair: tuple[Path, Path]) -> None:
    result = diff_paths(*pair)
    assert [(f.rule, f.activity, f.function, f.file, f.line) for f in result.introduced] == [
        ("capacity-overload", None, "IC", pair[1].as_posix(), 3),
        ("idle-function", None, "IT", pair[1].as_posix(), 6),
        ("unknown-function", "onboard", "Comms", pair[1].as_posix(), 12),
    ]
    assert [(f.rule, f.activity, f.function, f.file, f.line) for f in result.fixed] == [
        ("idle-function", None, "OD", pair[0].as_posix(), 5),
        ("sole-owner", "launch", "IC", pair[0].as_posix(), 10),
    ]
    assert [new.rule for _, new in result.changed_findings] == [
        "single-owner-overload",
        "bridge-function",
        "accountability-concentration",
    ]
    assert result.exit_code == 1


def test_text_output_and_exit_1_for_an_introduced_error(
    run_line: RunLine, pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_line(["diff", "old.yaml", "new.yaml"], exit_code=1)
    lines = result.stdout.splitlines()
    assert lines[:12] == [
        "raci diff old.yaml → new.yaml",
        "",
        "Activities",
        "  + champions  Recruit champions",
        "  - retire  Retire the intranet",
        "  ~ policy → usage-policy  (renamed: same name)",
        "  ~ train → training  (renamed: same assignments)",
        "  ~ launch: effort 1 → 2",
        "  ~ training: name Train users → Train the users",
        "",
        "Assignments",
        "  vision: OD C → A",
    ]
    assert "Accountability moved\n  vision: IC → OD\n" in result.stdout
    assert (
        "Load per function\n"
        "  function  A      R      C      I      load   share of A\n"
        "  IC        4 → 3  4      2 → 1  0      4 → 5  67% → 50%\n"
    ) in result.stdout
    assert "Accountability concentration (HHI): 0.5 → 0.39\n" in result.stdout
    assert (
        "Findings introduced (3)\n"
        "  new.yaml:3:3: warning RACI009 capacity-overload: function 'IC' carries 5 effort "
        "units against a capacity of 4 (125%)\n"
    ) in result.stdout
    assert lines[-2:] == [
        "activities: 1 added, 1 removed, 2 renamed; 4 assignment changes; accountability "
        "moved on 1",
        "✗ introduces 1 error and 1 warning, 2 fixed",
    ]


def test_markdown_for_a_pull_request(
    run_line: RunLine, pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    text = run_line(["diff", "old.yaml", "new.yaml", "-f", "markdown"], exit_code=1).stdout
    assert text.startswith(
        "## Ownership changes: `old.yaml` → `new.yaml`\n\n"
        "**✗ introduces 1 error and 1 warning, 2 fixed**\n\n"
    )
    assert (
        "### Accountability moved\n\n| activity | from | to |\n| --- | --- | --- |\n"
        "| `vision` | IC | OD |\n"
    ) in text
    assert "| IC (Internal Communications) | 4 → 3 | 4 | 2 → 1 | 0 | 4 → 5 | 67% → 50% |" in text
    assert "| renamed (same name) | `policy` → `usage-policy` | Write the usage policy |" in text
    assert (
        "| error | `new.yaml:12:69` | RACI004 `unknown-function` | activity 'onboard' assigns "
        "'Comms', which is not a function (did you mean 'IC'?) |"
    ) in text
    assert "(HR \\| OD \\| IT)" in text


def test_json_output(run_line: RunLine, pair: tuple[Path, Path]) -> None:
    data = json.loads(run_line(["diff", *map(str, pair), "-f", "json"], exit_code=1).stdout)
    assert data["exit_code"] == 1
    assert data["accountability"] == [{"activity": "vision", "old": ["IC"], "new": ["OD"]}]
    assert data["assignments"][3] == {
        "activity": "onboard",
        "function": "Comms",
        "old": None,
        "new": "I",
        "change": "added",
    }
    assert data["introduced"][2]["code"] == "RACI004"
    assert data["renamed"][0] == {
        "old": "policy",
        "new": "usage-policy",
        "name": "Write the usage policy",
        "reason": "same name",
    }


def test_fixing_errors_passes_and_warnings_fail_only_under_strict(
    run_line: RunLine, write: Write
) -> None:
    broken = write("broken.yaml", NEW)
    fixed = write("fixed.yaml", NEW.replace(", Comms: I", ""))
    result = run_line(["diff", str(broken), str(fixed)])
    assert "Findings fixed (1)" in result.stdout
    assert result.stdout.endswith("✓ introduces 0 errors and 0 warnings, 1 fixed\n")
    # a warning (sole-owner) introduced: passes, unless strict
    alone = write("alone.yaml", NEW.replace(", Comms: I", "").replace("IC: C}", "IC: I}"))
    result = run_line(["diff", str(fixed), str(alone)])
    assert result.stdout.endswith("✓ introduces 0 errors and 1 warning\n")
    result = run_line(["diff", "--strict", str(fixed), str(alone)], exit_code=1)
    assert result.stdout.endswith("✗ introduces 0 errors and 1 warning (strict: warnings fail)\n")


def test_moving_lines_and_renaming_keeps_old_findings_old(run_line: RunLine, write: Write) -> None:
    old = write("old.yaml", NEW)
    moved = NEW.replace("activities:\n", "description: reordered\n\nactivities:\n")
    lines = moved.splitlines(keepends=True)
    moved = "".join(lines[:9] + lines[10:] + lines[9:10])  # the first activity goes last
    moved = moved.replace("id: onboard,", "id: onboarding,")  # renamed: same name
    new = write("new.yaml", moved)
    result = diff_paths(old, new)
    assert result.renamed == [Rename("onboard", "onboarding", "Onboard new joiners", "same name")]
    assert (result.introduced, result.fixed, result.changed_findings) == ([], [], [])
    assert result.assignments == []
    assert result.exit_code == 0
    assert run_line(["diff", str(old), str(old)]).stdout.splitlines()[-4:] == [
        "No ownership changes.",
        "",
        "no activity added or removed; 0 assignment changes",
        "✓ introduces 0 errors and 0 warnings",
    ]


def test_ambiguous_renames_stay_added_and_removed(write: Write) -> None:
    base = "version: 1\nfunctions: {IC: {name: IC}, HR: {name: HR}}\nactivities:\n"
    old = write("old.yaml", base + (
        "  - {id: a, name: Same, raci: {IC: A, HR: R}}\n"
        "  - {id: b, name: Same, raci: {IC: A, HR: R}}\n"
    ))  # fmt: skip
    new = write("new.yaml", base + (
        "  - {id: c, name: Same, raci: {IC: A, HR: R}}\n"
        "  - {id: d, name: Other, raci: {HR: A, IC: R}}\n"
    ))  # fmt: skip
    result = diff_paths(old, new)
    assert result.renamed == []
    assert [ref.id for ref in result.activities_removed] == ["a", "b"]
    assert [ref.id for ref in result.activities_added] == ["c", "d"]


def test_directories_and_assignment_removal(write: Write) -> None:
    write("old/functions.yaml", "version: 1\nfunctions: {IC: {name: IC}, HR: {name: HR}}\n")
    write("old/work.yaml", "version: 1\nactivities:\n  - {id: a, name: A, raci: {IC: A, HR: R}}\n")
    write("new/functions.yaml", "version: 1\nfunctions: {IC: {name: IC}, OD: {name: OD}}\n")
    new_dir = write(
        "new/work.yaml", "version: 1\nactivities:\n  - {id: a, name: A, raci: {IC: A/R}}\n"
    ).parent
    result = diff_paths(new_dir.parent / "old", new_dir)
    assert (result.functions_added, result.functions_removed) == (["OD"], ["HR"])
    assert result.assignments == [
        AssignmentChange("a", "IC", "A", "A/R"),
        AssignmentChange("a", "HR", "R", None),
    ]
    assert result.assignments[1].change == "removed"
    assert [(d.function, d.status) for d in result.load] == [
        ("IC", "changed"),
        ("OD", "added"),
        ("HR", "removed"),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["only.yaml"],
            "raci: give two versions to compare (raci diff OLD NEW), or --git REV PATH\n",
        ),
        (
            ["old.yaml", "missing.yaml"],
            "raci: the new version cannot be used: missing.yaml:1:1: no such file or directory\n",
        ),
        (
            ["bad.yaml", "old.yaml"],
            "raci: the old version cannot be used: bad.yaml:2:1: "
            "duplicate key 'version' (first defined on line 1)\n",
        ),
        (
            ["--git", "HEAD", "a.yaml", "b.yaml"],
            "raci: --git takes one PATH: raci diff --git REV PATH\n",
        ),
    ],
)
def test_unusable_input_exits_2(
    run_line: RunLine,
    write: Write,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    args: list[str],
    message: str,
) -> None:
    write("old.yaml", OLD)
    write("bad.yaml", "version: 1\nversion: 1\n")
    monkeypatch.chdir(tmp_path)
    result = run_line(["diff", *args], exit_code=2)
    assert (result.stdout, result.stderr) == ("", message)


# -- --git -----------------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=raci", "-c", "user.email=raci@example.com",
         *args],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shutil.which("git") is None:  # pragma: no cover - git is on every CI image
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    (root / "ownership" / "teams").mkdir(parents=True)
    (root / "org.yaml").write_text(OLD, encoding="utf-8")
    functions, activities = OLD.split("activities:\n")
    (root / "ownership" / "teams" / "functions.yaml").write_text(functions, encoding="utf-8")
    (root / "ownership" / "work.yml").write_text(
        "version: 1\nactivities:\n" + activities, encoding="utf-8"
    )
    (root / "ownership" / "notes.txt").write_text("not yaml", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "baseline")
    (root / "org.yaml").write_text(NEW, encoding="utf-8")
    (root / "ownership" / "work.yml").write_text(
        "version: 1\nactivities:\n" + NEW.split("activities:\n")[1], encoding="utf-8"
    )
    monkeypatch.chdir(root)
    return root


def test_git_file_against_head(run_line: RunLine, repo: Path) -> None:
    result = run_line(["diff", "--git", "HEAD", "org.yaml"], exit_code=1)
    assert result.stdout.startswith("raci diff HEAD:org.yaml → org.yaml\n")
    assert result.stdout.endswith("✗ introduces 1 error and 1 warning, 2 fixed\n")
    assert "  old.yaml" not in result.stdout
    assert "  org.yaml:10:6: warning RACI010 sole-owner:" in result.stdout  # fixed, old lines


def test_git_without_a_path_compares_the_model_check_finds(run_line: RunLine, repo: Path) -> None:
    result = run_line(["diff", "--git", "HEAD"], exit_code=2)
    assert (result.stdout, result.stderr) == (
        "",
        "raci: found org.yaml and ownership/: name the one to compare (raci diff --git REV PATH)\n",
    )
    shutil.rmtree(repo / "ownership")
    named = run_line(["diff", "--git", "HEAD", "org.yaml", "-f", "markdown"], exit_code=1)
    found = run_line(["diff", "--git", "HEAD", "-f", "markdown"], exit_code=1)
    assert found.stdout == named.stdout
    assert found.stdout.startswith("## Ownership changes: `HEAD:org.yaml`")


def test_git_directory_from_a_subdirectory(
    run_line: RunLine, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "ownership")
    data = json.loads(run_line(["diff", "--git", "HEAD", ".", "-f", "json"], exit_code=1).stdout)
    assert data["accountability"] == [{"activity": "vision", "old": ["IC"], "new": ["OD"]}]
    assert {finding["file"] for finding in data["introduced"]} == {
        "teams/functions.yaml",
        "work.yml",
    }
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "change")
    result = run_line(["diff", "--git", "HEAD~1", "."], exit_code=1)
    assert "Accountability moved\n  vision: IC → OD\n" in result.stdout
    result = run_line(["diff", "--git", "HEAD", "."])
    assert "No ownership changes." in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--git", "no-such-branch", "org.yaml"],
            "raci: --git: unknown revision 'no-such-branch'\n",
        ),
        (["--git", "--help-me", "org.yaml"], "raci: --git: '--help-me' is not a revision\n"),
    ],
)
def test_git_bad_input_exits_2(
    run_line: RunLine, repo: Path, args: list[str], message: str
) -> None:
    (repo / "new.yaml").write_text(NEW, encoding="utf-8")
    result = run_line(["diff", *args], exit_code=2)
    assert (result.stdout, result.stderr) == ("", message)


def test_git_new_file_is_all_added(run_line: RunLine, repo: Path) -> None:
    (repo / "new.yaml").write_text(NEW, encoding="utf-8")
    result = run_line(["diff", "--git", "HEAD", "new.yaml"], exit_code=1)
    assert result.stdout.startswith("raci diff HEAD:new.yaml (absent) → new.yaml\n")
    assert "activities: 6 added; 0 assignment changes" in result.stdout
    assert "Findings introduced (" in result.stdout
    assert "Findings fixed" not in result.stdout


def test_git_outside_a_repository_exits_2(
    run_line: RunLine, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("alone/org.yaml", OLD)
    monkeypatch.chdir(tmp_path / "alone")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = run_line(["diff", "--git", "HEAD", "org.yaml"], exit_code=2)
    assert result.stderr == "raci: --git: org.yaml is not inside a git repository\n"


def test_load_table_heads_counts_with_the_schemes_letters(
    run_line: RunLine, tmp_path: Path
) -> None:
    from tests.conftest import EXAMPLES

    old = EXAMPLES / "schemes" / "rapid.yaml"
    new = tmp_path / "rapid.yaml"
    text = old.read_text(encoding="utf-8")
    new.write_text(text.replace("effort: 2", "effort: 3", 1), encoding="utf-8")
    assert text != new.read_text(encoding="utf-8")
    out = run_line(["diff", str(old), str(new), "--format", "markdown"]).stdout
    assert "| function | D | R/P | A/I | load | share of D |" in out
    data = json.loads(run_line(["diff", str(old), str(new), "--format", "json"]).stdout)
    assert data["scheme"] == "rapid"


def test_the_library_takes_str_paths(tmp_path: Path) -> None:
    from raci.diff import diff_paths

    old = tmp_path / "old.yaml"
    old.write_text(
        "version: 1\nfunctions:\n  IC: {name: IC}\nactivities:\n"
        "  - {id: a, name: A, raci: {IC: A/R}}\n",
        encoding="utf-8",
    )
    new = tmp_path / "new.yaml"
    new.write_text(old.read_text(encoding="utf-8").replace("IC: A/R", "IC: A"), encoding="utf-8")
    result = diff_paths(str(old), str(new))
    assert [finding.rule for finding in result.introduced] == ["missing-responsible"]
    assert (result.old, result.new) == (old.as_posix(), new.as_posix())


def test_the_top_level_api(tmp_path: Path) -> None:
    import raci
    from raci.diff import diff_paths

    old = tmp_path / "old.yaml"
    old.write_text(
        "version: 1\nfunctions:\n  IC: {name: IC}\nactivities:\n"
        "  - {id: a, name: A, raci: {IC: A/R}}\n",
        encoding="utf-8",
    )
    new = tmp_path / "new.yaml"
    new.write_text(old.read_text(encoding="utf-8").replace("IC: A/R", "IC: R"), encoding="utf-8")
    assert [f.rule for f in diff_paths(old, str(new)).introduced] == ["missing-accountable"]
    checked = raci.check_model(new)
    model, settings, _ = checked.require()
    assert [activity.id for activity in model.activities] == ["a"]
    assert [f.rule for f in checked.findings] == ["missing-accountable", "sole-owner"]
    assert "missing-accountable" in [enabled.rule.name for enabled in settings.rules]
    assert raci.check([new]).exit_code == 1


def test_phases_without_a_path_compares_the_model_check_finds(
    run_line: RunLine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(DATA / "phased.yaml", tmp_path / "raci.yaml")
    monkeypatch.chdir(tmp_path)
    named = run_line(["diff", "--phases", "launch", "run", "raci.yaml"])
    assert run_line(["diff", "--phases", "launch", "run"]).stdout == named.stdout
