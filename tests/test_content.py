"""The data raci ships: reference models in models/ and the README's worked examples.

Each file is checked through the CLI exactly as a user would run it, so a rule change
that makes a shipped model noisy, or the failure example quiet, fails here first.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import raci
from raci.core.model import Model
from tests.conftest import EXAMPLES, MODELS, RunLine

ADOPTION_FUNCTIONS = {"IC", "HR", "OD", "IT", "InfoSec", "Marketing", "Brand"}

# file, name, first line of the description, activities, functions
REFERENCE_MODELS = [
    (
        "collaboration-suite.yaml",
        "Collaboration suite rollout",
        "Rollout of a collaboration suite (Microsoft 365: Teams, SharePoint, OneDrive) with "
        "ownership shared across IT, InfoSec, Legal, Digital Workplace, HR, IC, Facilities, "
        "Finance and the executive sponsor.",
        23,
        9,
    ),
    (
        "enterprise-social.yaml",
        "Enterprise social network adoption",
        "Adoption of an enterprise social network (Viva Engage / Yammer) with ownership "
        "shared across the executive sponsor, IC, HR, OD, IT, InfoSec, Legal, Marketing "
        "and Brand.",
        24,
        9,
    ),
    (
        "intranet-relaunch.yaml",
        "Intranet relaunch",
        "Relaunch of the corporate intranet with ownership shared across Digital Workplace, "
        "Knowledge Management, IC, IT, HR, Legal, Brand and the business units' content "
        "owners.",
        22,
        8,
    ),
]

# The failure example's findings, in output order: (rule, severity, line, activity, function)
IC_ALONE_FINDINGS = [
    ("single-owner-overload", "warning", 29, None, "IC"),
    ("capacity-overload", "warning", 29, None, "IC"),
    ("idle-function", "info", 30, None, "HR"),
    ("idle-function", "info", 31, None, "OD"),
    ("idle-function", "info", 34, None, "Marketing"),
    ("idle-function", "info", 35, None, "Brand"),
    ("accountability-concentration", "warning", 37, None, None),
    ("sole-owner", "warning", 44, "exec-sponsorship", "IC"),
    ("sole-owner", "warning", 94, "community-structure", "IC"),
    ("sole-owner", "warning", 102, "network-branding", "IC"),
    ("sole-owner", "warning", 110, "champions-network", "IC"),
    ("sole-owner", "warning", 125, "launch-campaign", "IC"),
    ("sole-owner", "warning", 140, "onboarding-new-joiners", "IC"),
    ("sole-owner", "warning", 148, "community-management", "IC"),
]


def check_json(run_line: RunLine, path: Path, *options: str, exit_code: int = 0) -> Any:
    result = run_line(["check", "--format", "json", *options, str(path)], exit_code=exit_code)
    return json.loads(result.stdout)


def clean_summary(files: int, activities: int, functions: int, waived: int = 0) -> Any:
    return {
        "files": files,
        "activities": activities,
        "functions": functions,
        "errors": 0,
        "warnings": 0,
        "info": 0,
        "waived": waived,
    }


SHIPPED = sorted(MODELS.glob("*.y*ml"))


def test_the_reference_models_ship() -> None:
    assert {path.name for path in SHIPPED} >= {entry[0] for entry in REFERENCE_MODELS}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.stem)
def test_every_shipped_model_checks_clean_under_strict(run_line: RunLine, path: Path) -> None:
    report = check_json(run_line, path, "--strict")
    summary = report["summary"]
    assert report["findings"] == []
    assert (summary["errors"], summary["warnings"], summary["info"]) == (0, 0, 0)
    assert 15 <= summary["activities"] <= 25
    model = raci.load(path).model
    assert model is not None
    assert model.name, "raci models lists the name"
    assert model.description, "raci models lists the first line of the description"
    assert model.description.splitlines()[0].strip()


@pytest.mark.parametrize(
    ("filename", "name", "summary", "activities", "functions"), REFERENCE_MODELS
)
def test_reference_model_name_summary_and_size(
    run_line: RunLine, filename: str, name: str, summary: str, activities: int, functions: int
) -> None:
    report = check_json(run_line, MODELS / filename, "--strict")
    assert report["summary"] == clean_summary(1, activities, functions)
    model = raci.load(MODELS / filename).model
    assert model is not None
    assert model.name == name
    assert model.description is not None
    assert model.description.splitlines()[0] == summary
    assert len(model.description.splitlines()) == 2, "a second paragraph says what is inside"


def test_enterprise_social_model_shares_ownership_across_the_adoption_functions() -> None:
    model = raci.load(MODELS / "enterprise-social.yaml").model
    assert model is not None
    assert 20 <= len(model.activities) <= 25
    assert set(model.functions) >= ADOPTION_FUNCTIONS
    owners = {fid for activity in model.activities for fid in activity.owners}
    workers = {fid for activity in model.activities for fid in activity.workers}
    assert owners >= ADOPTION_FUNCTIONS, "every adoption function owns at least one activity"
    assert workers >= ADOPTION_FUNCTIONS, "every adoption function does some of the work"
    assert {activity.phase for activity in model.activities} == {
        "prepare",
        "pilot",
        "launch",
        "embed",
        "sustain",
    }


def test_ic_goes_it_alone_reports_the_overload_and_passes_without_strict(
    run_line: RunLine,
) -> None:
    report = check_json(run_line, EXAMPLES / "ic-goes-it-alone.yaml")
    assert report["summary"] == {
        "files": 1,
        "activities": 18,
        "functions": 7,
        "errors": 0,
        "warnings": 10,
        "info": 4,
        "waived": 0,
    }
    found = [
        (f["rule"], f["severity"], f["line"], f["activity"], f["function"])
        for f in report["findings"]
    ]
    assert found == IC_ALONE_FINDINGS


@pytest.mark.parametrize(("options", "exit_code", "mark"), [((), 0, "•"), (("--strict",), 1, "✗")])
def test_ic_goes_it_alone_fails_only_under_strict(
    run_line: RunLine, options: tuple[str, ...], exit_code: int, mark: str
) -> None:
    result = run_line(
        ["check", *options, str(EXAMPLES / "ic-goes-it-alone.yaml")], exit_code=exit_code
    )
    lines = result.stdout.splitlines()
    assert len(lines) == len(IC_ALONE_FINDINGS) + 1
    assert (
        lines[-1] == f"{mark} 0 errors, 10 warnings, 4 info in 1 file (18 activities, 7 functions)"
    )


def test_shared_ownership_has_no_findings_under_strict(run_line: RunLine) -> None:
    report = check_json(run_line, EXAMPLES / "shared-ownership.yaml", "--strict")
    assert report["summary"] == clean_summary(1, 18, 7)
    assert report["findings"] == []


def test_both_examples_model_the_same_programme() -> None:
    alone = raci.load(EXAMPLES / "ic-goes-it-alone.yaml").model
    shared = raci.load(EXAMPLES / "shared-ownership.yaml").model
    assert alone is not None
    assert shared is not None
    assert set(alone.functions) == set(shared.functions) == ADOPTION_FUNCTIONS

    def plan(model: Model) -> list[tuple[str, str, str | None, float, list[str]]]:
        return [(a.id, a.name, a.phase, a.effort, a.depends_on) for a in model.activities]

    assert plan(alone) == plan(shared)
    assert len(alone.activities) >= 12


@pytest.mark.parametrize("options", [(), ("--strict",)])
def test_directory_example_merges_into_one_clean_model(
    run_line: RunLine, options: tuple[str, ...]
) -> None:
    report = check_json(run_line, EXAMPLES / "ownership", *options)
    assert report["summary"] == clean_summary(4, 15, 8, waived=1)
    assert report["findings"] == []


def test_directory_example_splits_activities_by_phase_file() -> None:
    loaded = raci.load(EXAMPLES / "ownership")
    assert loaded.model is not None
    by_file = {
        Path(document.path).name: [a.id for a in loaded.model.activities if a.document is document]
        for document in loaded.model.documents
    }
    assert by_file == {
        "00-programme.yaml": [],
        "10-prepare.yaml": [
            "business-case",
            "steering-group",
            "risk-assessment",
            "usage-policy",
            "retention",
            "platform-setup",
        ],
        "20-launch.yaml": [
            "community-design",
            "branding",
            "champions",
            "launch-campaign",
            "training",
        ],
        "30-sustain.yaml": [
            "moderation",
            "conduct-escalation",
            "measurement",
            "governance-review",
        ],
    }
