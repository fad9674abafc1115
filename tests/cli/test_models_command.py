"""``raci models`` and ``raci init``: the reference models and copying them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import raci.reference
from raci.core.errors import RaciError
from raci.engine import load
from raci.reference import find_model, models_dir, reference_models
from tests.conftest import MODELS, RunLine

Write = Callable[[str, str], Path]

SOCIAL = """\
# The reference model for enterprise social adoption.
version: 1
name: Enterprise social network adoption
description: >
  Adoption of an enterprise social network across seven functions. Built from
  a dozen client engagements.
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
activities:
  - {id: policy, name: Write the usage policy, raci: {HR: A, IC: R}}
  - {id: launch, name: Run the launch, raci: {IC: A/R, HR: C}}
"""

INTRANET = """\
version: 1
name: Intranet relaunch
functions:
  IC: {name: Internal Communications}
activities:
  - {id: content, name: Migrate the content, raci: {IC: A/R}}
"""


@pytest.fixture
def catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A models directory with two models (and a README that is not one)."""
    folder = tmp_path / "models"
    folder.mkdir()
    (folder / "enterprise-social.yaml").write_text(SOCIAL, encoding="utf-8")
    (folder / "intranet-relaunch.yaml").write_text(INTRANET, encoding="utf-8")
    (folder / "README.md").write_text("# not a model\n", encoding="utf-8")
    monkeypatch.setattr(raci.reference, "models_dir", lambda: folder)
    return folder


def test_reference_models_are_listed_by_name_with_counts_and_a_summary(catalogue: Path) -> None:
    assert [model.as_dict() for model in reference_models()] == [
        {
            "name": "enterprise-social",
            "title": "Enterprise social network adoption",
            "activities": 2,
            "functions": 2,
            "description": "Adoption of an enterprise social network across seven functions.",
        },
        {
            "name": "intranet-relaunch",
            "title": "Intranet relaunch",
            "activities": 1,
            "functions": 1,
            "description": "Intranet relaunch",
        },
    ]


def test_models_text_is_an_aligned_table(run_line: RunLine, catalogue: Path) -> None:
    result = run_line(["models"])
    assert result.stdout.splitlines() == [
        "NAME               ACTIVITIES  FUNCTIONS  DESCRIPTION",
        "enterprise-social           2          2  Adoption of an enterprise social network "
        "across seven functions.",
        "intranet-relaunch           1          1  Intranet relaunch",
    ]


def test_models_json(run_line: RunLine, catalogue: Path) -> None:
    result = run_line(["models", "--format", "json"])
    listed = json.loads(result.stdout)["models"]
    assert [entry["name"] for entry in listed] == ["enterprise-social", "intranet-relaunch"]
    assert listed[1] == {
        "name": "intranet-relaunch",
        "title": "Intranet relaunch",
        "activities": 1,
        "functions": 1,
        "description": "Intranet relaunch",
    }


def test_init_copies_the_default_model_byte_for_byte(
    run_line: RunLine, catalogue: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    result = run_line(["init"])
    assert result.stdout == (
        "Created raci.yaml from the reference model 'enterprise-social' "
        "(2 activities, 2 functions).\nNext: raci check raci.yaml\n"
    )
    assert (work / "raci.yaml").read_text(encoding="utf-8") == SOCIAL
    run_line(["check", "raci.yaml"])


def test_init_another_model_into_a_named_file_and_into_a_directory(
    run_line: RunLine, catalogue: Path, tmp_path: Path
) -> None:
    target = tmp_path / "org.yaml"
    run_line(["init", "--model", "intranet-relaunch", str(target)])
    assert target.read_text(encoding="utf-8") == INTRANET
    folder = tmp_path / "project"
    folder.mkdir()
    run_line(["init", "-m", "intranet-relaunch", str(folder)])
    assert (folder / "raci.yaml").read_text(encoding="utf-8") == INTRANET


def test_init_never_overwrites_without_force(
    run_line: RunLine, catalogue: Path, tmp_path: Path
) -> None:
    target = tmp_path / "raci.yaml"
    target.write_text("mine\n", encoding="utf-8")
    result = run_line(["init", str(target)], exit_code=2)
    assert result.stderr == f"raci: {target} already exists; pass --force to replace it\n"
    assert target.read_text(encoding="utf-8") == "mine\n"
    run_line(["init", "--force", str(target)])
    assert target.read_text(encoding="utf-8") == SOCIAL


def test_init_unknown_model_suggests_and_lists(
    run_line: RunLine, catalogue: Path, tmp_path: Path
) -> None:
    target = tmp_path / "raci.yaml"
    result = run_line(["init", "--model", "enterprise-socail", str(target)], exit_code=2)
    assert result.stderr == (
        "raci: unknown model 'enterprise-socail' (did you mean 'enterprise-social'?); the "
        "reference models are: enterprise-social, intranet-relaunch\n"
    )
    assert not target.exists()


def test_init_into_a_missing_directory_is_a_clean_error(
    run_line: RunLine, catalogue: Path, tmp_path: Path
) -> None:
    target = tmp_path / "nowhere" / "raci.yaml"
    result = run_line(["init", str(target)], exit_code=2)
    assert result.stderr == (f"raci: cannot write {target}: no such directory: {target.parent}\n")


def test_no_models_installed(tmp_path: Path) -> None:
    assert reference_models(tmp_path / "absent") == []
    with pytest.raises(RaciError, match="ships no reference models"):
        find_model("enterprise-social", tmp_path / "absent")


def test_a_checkout_reads_the_repository_models() -> None:
    assert models_dir() == MODELS


@pytest.mark.parametrize("path", sorted(MODELS.glob("*.yaml")), ids=lambda path: path.stem)
def test_every_shipped_model_is_valid(path: Path) -> None:
    loaded = load(path)
    assert loaded.findings == []
    assert loaded.model is not None
    assert loaded.model.name, "a reference model has a name"
    assert loaded.model.description, "a reference model has a description"
