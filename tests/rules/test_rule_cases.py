"""Rule cases as data: ``cases/<rule>.yaml`` lists models and exactly what the rule
reports on each, so adding a case adds data, not code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from raci.core.config import Layer
from raci.engine import check
from raci.rules import REGISTRY

CASES = Path(__file__).parent / "cases"


def _cases() -> list[Any]:
    found = []
    for file in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(file.read_text("utf-8"))
        for case in data["cases"]:
            found.append(pytest.param(data["rule"], case, id=f"{file.stem}: {case['name']}"))
    return found


def test_every_case_file_names_its_rule() -> None:
    for file in CASES.glob("*.yaml"):
        assert yaml.safe_load(file.read_text("utf-8"))["rule"] == file.stem


@pytest.mark.parametrize(("rule", "case"), _cases())
def test_rule_case(rule: str, case: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(case["model"], encoding="utf-8")
    settings = REGISTRY[rule].Settings.model_validate(case.get("settings", {}))
    layer = Layer("test", rules={rule: settings}, select=[rule])
    report = check([path], command_line=layer)
    found = [
        {
            "line": finding.line,
            "column": finding.column,
            "activity": finding.activity,
            "function": finding.function,
            "message": finding.message,
            "severity": finding.severity,
        }
        for finding in report.findings
    ]
    default = REGISTRY[rule].severity
    expected = [{"severity": default, **entry} for entry in case["findings"]]
    assert found == expected
    assert all(finding.rule == rule for finding in report.findings)


GRAPH_RULES = (
    "single-owner-overload",
    "capacity-overload",
    "sole-owner",
    "bridge-function",
    "accountability-concentration",
    "dependency-cycle",
    "too-many-responsible",
    "handover-without-overlap",
    "orphaned-after-phase",
    "ownership-churn",
)


@pytest.mark.parametrize("rule", GRAPH_RULES)
def test_docstring_examples_fail_and_pass(rule: str, tmp_path: Path) -> None:
    examples = REGISTRY[rule].examples()
    for kind, expected in (("failing", True), ("passing", False)):
        path = tmp_path / f"{kind}.yaml"
        path.write_text(examples[kind], encoding="utf-8")
        report = check([path], command_line=Layer("test", select=[rule]))
        assert {finding.rule for finding in report.findings} == ({rule} if expected else set())
