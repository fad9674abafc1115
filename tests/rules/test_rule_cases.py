"""Rule cases as data: ``cases/<rule>.yaml`` lists models and exactly what the rule
reports on each, so adding a rule adds its module and one case file, not test code.

A case runs the rule alone (with ``settings`` if given, and the rules listed under
``also`` when it needs others to have run, as ``unused-waiver`` does) on ``model``, in a
directory where it is ``org.yaml``, and compares the rule's findings exactly.

A view rule's case has ``views`` instead of ``model``: file name -> the view's text (CSV
or YAML), merged as ``raci merge`` merges them; its findings also name their ``file``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from raci.core.config import Layer
from raci.engine import check
from raci.rules import REGISTRY
from raci.views import VIEW_RULES, merge_views
from tests.views_helpers import merge_example

CASES = Path(__file__).parent / "cases"


def _load(file: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(file.read_text("utf-8"))
    return data


def _cases() -> list[Any]:
    found = []
    for file in sorted(CASES.glob("*.yaml")):
        data = _load(file)
        for case in data["cases"]:
            found.append(pytest.param(data["rule"], case, id=f"{file.stem}: {case['name']}"))
    return found


def test_every_case_file_names_its_rule() -> None:
    for file in CASES.glob("*.yaml"):
        assert _load(file)["rule"] == file.stem
        assert file.stem in REGISTRY, f"{file.name} is about no registered rule"


@pytest.mark.parametrize("rule", list(REGISTRY))
def test_every_rule_has_failing_and_passing_cases(rule: str) -> None:
    file = CASES / f"{rule}.yaml"
    assert file.is_file(), f"add tests/rules/cases/{rule}.yaml"
    cases = _load(file)["cases"]
    assert any(case["findings"] for case in cases), f"{rule}: no failing case"
    assert any(not case["findings"] for case in cases), f"{rule}: no passing case"


@pytest.mark.parametrize(("rule", "case"), _cases())
def test_rule_case(
    rule: str, case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    settings = REGISTRY[rule].Settings.model_validate(case.get("settings", {}))
    layer = Layer("test", rules={rule: settings}, select=[rule, *case.get("also", [])])
    if "views" in case:
        _view_case(rule, case, layer)
        return
    Path("org.yaml").write_text(case["model"], encoding="utf-8")
    report = check(["org.yaml"], command_line=layer)
    assert not report.input_error, report.findings
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
        if finding.rule == rule
    ]
    default = REGISTRY[rule].severity
    expected = [{"severity": default, **entry} for entry in case["findings"]]
    assert found == expected
    if not case.get("also"):
        assert all(finding.rule == rule for finding in report.findings)


def _view_case(rule: str, case: dict[str, Any], layer: Layer) -> None:
    paths = []
    for name, text in case["views"].items():
        Path(name).write_text(text, encoding="utf-8")
        paths.append(Path(name))
    report = merge_views(paths, layers=[layer]).report
    found = [
        {
            "file": f.location,
            "activity": f.activity,
            "function": f.function,
            "message": f.message,
            "severity": f.severity,
        }
        for f in report.findings
    ]
    default = REGISTRY[rule].severity
    assert found == [{"severity": default, **entry} for entry in case["findings"]]
    assert all(finding.rule == rule for finding in report.findings)


@pytest.mark.parametrize("rule", list(REGISTRY))
def test_docstring_examples_fail_and_pass(rule: str, tmp_path: Path) -> None:
    """The examples ``raci explain`` prints: the failing one fails (alone, unless the rule
    reads what the others did, and with every default rule), the passing one passes, and
    both are valid ownership files."""
    examples = REGISTRY[rule].examples()
    assert set(examples) == {"failing", "passing"}
    if rule in VIEW_RULES:  # its examples are views ('---' between them), run by merge
        for kind, expected in (("failing", True), ("passing", False)):
            merged = merge_example(examples[kind], tmp_path / kind).findings
            assert (rule in {finding.rule for finding in merged}) == expected
        return
    for kind, expected in (("failing", True), ("passing", False)):
        path = tmp_path / f"{kind}.yaml"
        path.write_text(examples[kind], encoding="utf-8")
        if not REGISTRY[rule].runs_last:
            alone = check([path], command_line=Layer("test", select=[rule]))
            found = {finding.rule for finding in alone.findings}
            assert found == ({rule} if expected else set())
        every = [finding.rule for finding in check([path]).findings]
        assert (rule in every) == expected
        assert "schema-error" not in every
