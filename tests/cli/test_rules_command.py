"""``raci rules`` and ``raci explain``: documentation from the rules' own code.

The examples in every rule's docstring are run through the engine (the failing one
must trigger the rule, the passing one must not), and the README's rule table must be
exactly what ``raci rules --format markdown`` prints.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from raci.core.view_rules import view_documents
from raci.engine import check
from raci.output.rules import rules_markdown
from raci.rules import REGISTRY
from raci.rules.catalogue import INPUT_RULES, RuleDoc, all_docs, rule_docs
from raci.views import VIEW_RULES
from tests.conftest import ROOT, RunLine
from tests.views_helpers import merge_example

README = ROOT / "README.md"


def test_rules_lists_every_rule_in_code_order(run_line: RunLine) -> None:
    lines = run_line(["rules"]).stdout.splitlines()
    assert len(lines) == len(REGISTRY)
    assert lines[0] == (
        "RACI001  missing-accountable           error    An activity has no Accountable (A)."
    )
    assert [line.split()[1] for line in lines] == list(REGISTRY)
    assert lines[7].startswith("RACI008  single-owner-overload         warning  One function")


def test_rules_as_json(run_line: RunLine) -> None:
    rows = json.loads(run_line(["rules", "--format", "json"]).stdout)
    assert rows[14] == {
        "code": "RACI015",
        "name": "idle-function",
        "severity": "info",
        "summary": "A function is only ever Consulted or Informed: it owns and does nothing.",
    }
    assert [row["name"] for row in rows] == list(REGISTRY)


def test_rules_as_markdown(run_line: RunLine) -> None:
    lines = run_line(["rules", "-f", "markdown"]).stdout.splitlines()
    assert lines[:3] == [
        "| code | name | default | summary |",
        "| --- | --- | --- | --- |",
        "| RACI001 | `missing-accountable` | error | An activity has no Accountable (A). |",
    ]
    assert len(lines) == 2 + len(REGISTRY)


def test_readme_rule_table_is_the_registry(run_line: RunLine) -> None:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"<!-- rules:start -->\n(.*?)<!-- rules:end -->", text, re.DOTALL)
    assert found is not None, "README.md lacks the <!-- rules:start/end --> markers"
    assert found[1] == run_line(["rules", "--format", "markdown"]).stdout
    assert found[1] == rules_markdown(rule_docs())


@pytest.mark.parametrize("name_or_code", ["sole-owner", "RACI010", "raci010"])
def test_explain_by_name_or_code(run_line: RunLine, name_or_code: str) -> None:
    text = run_line(["explain", name_or_code]).stdout
    assert text.startswith(
        "RACI010 sole-owner\nDefault severity: warning. Subject: activity + function.\n\n"
        "One function owns and does an activity alone: nobody else is Responsible or "
        "Consulted.\n\n"
    )
    assert "Failing example:\n\n    version: 1\n" in text
    assert "Passing example:\n\n    version: 1\n" in text
    assert "  no settings of its own\n" in text


def test_explain_shows_settings_with_defaults(run_line: RunLine) -> None:
    text = run_line(["explain", "single-owner-overload"]).stdout
    assert (
        "Settings (in a rules: block, [tool.raci.rules], .raci.toml or --config):\n"
        "  max_accountable = 8          integer: most activities one function may own (A)\n"
        "  max_responsible = 12         integer: most activities one function may do the work "
        "on (R)\n"
        "  max_accountable_share = 0.4  number: largest share of all activities one function "
        "may own\n"
        "  max_responsible_share = 0.5  number: largest share of all activities one function "
        "may do\n"
    ) in text


def test_explain_as_json_and_markdown(run_line: RunLine) -> None:
    data = json.loads(run_line(["explain", "too-many-consulted", "-f", "json"]).stdout)
    assert data["settings"] == [
        {
            "name": "max",
            "type": "integer",
            "default": 4,
            "description": "most functions that may be Consulted on one activity",
        }
    ]
    assert data["failing"].startswith("version: 1\n")
    markdown = run_line(["explain", "too-many-consulted", "-f", "markdown"]).stdout
    assert markdown.startswith("### RACI013 `too-many-consulted`\n")
    assert "| `max` | `4` | most functions that may be Consulted on one activity |" in markdown
    assert "```yaml\nversion: 1\n" in markdown


def test_explain_input_problems(run_line: RunLine) -> None:
    text = run_line(["explain", "parse-error"]).stdout
    assert text.startswith("RACI900 parse-error\n")
    assert "Settings: none; this finding cannot be turned off." in text


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("sole-ownr", "raci: unknown rule 'sole-ownr' (did you mean 'sole-owner'?); "),
        ("RACI099", "raci: unknown rule 'RACI099' (did you mean 'RACI019'?); "),
        ("zzz", "raci: unknown rule 'zzz'; "),
    ],
)
def test_explain_unknown_rule_exits_2(run_line: RunLine, name: str, message: str) -> None:
    result = run_line(["explain", name], exit_code=2)
    assert result.stdout == ""
    assert result.stderr == f"{message}'raci rules' lists them\n"


@pytest.mark.parametrize("doc", all_docs(), ids=lambda doc: doc.name)
def test_docstring_examples_fail_and_pass_their_rule(doc: RuleDoc, tmp_path: Path) -> None:
    assert doc.failing is not None
    assert doc.passing is not None
    if doc.name in VIEW_RULES:  # run by raci merge, on the views the example holds
        failing_rules = {f.rule for f in merge_example(doc.failing, tmp_path / "f").findings}
        passing_rules = {f.rule for f in merge_example(doc.passing, tmp_path / "p").findings}
        assert doc.name in failing_rules
        assert doc.name not in passing_rules
        alone = check([write_example(tmp_path, doc.failing)]).findings  # no views: no finding
        assert doc.name not in {finding.rule for finding in alone}
        return
    failing = tmp_path / "failing.yaml"
    failing.write_text(doc.failing, encoding="utf-8")
    passing = tmp_path / "passing.yaml"
    passing.write_text(doc.passing, encoding="utf-8")
    found = check([failing]).findings
    assert doc.name in {finding.rule for finding in found}, found
    report = check([passing])
    assert not report.input_error, report.findings
    assert doc.name not in {finding.rule for finding in report.findings}, report.findings


def write_example(folder: Path, example: str) -> Path:
    path = folder / "first-view.yaml"
    path.write_text(view_documents(example)[0], encoding="utf-8")
    return path


def test_every_rule_is_documented() -> None:
    for doc in all_docs():
        assert doc.summary.endswith(".")
        assert len(doc.rationale) > 80, doc.name
        assert "``" not in doc.summary + doc.rationale
    assert [doc.code for doc in INPUT_RULES] == ["RACI900", "RACI901"]
