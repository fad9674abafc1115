"""``--format junit``: a JUnit XML test report, for CI systems that chart test results.

* One ``<testsuite>`` per checked path (a directory model is one suite); findings in a
  file that belongs to no checked path (a bad ``.raci.toml``) get a suite of their own.
* One ``<testcase>`` per rule that ran and found nothing (so a clean file still shows
  passing tests), and one per finding, named by its rule and subject: the activity
  and/or function it is about, the model, or the file for input problems (numbered when
  a rule reports one subject twice). A test case holds at most one ``<failure>``.
* Error findings, and ``parse-error`` / ``schema-error``, are ``<failure>`` elements.
  Warnings are failures only under ``--strict`` (where they fail the check too); like
  info findings they are otherwise passing test cases whose ``<system-out>`` carries the
  finding, so the report agrees with raci's exit code.

The output validates against the widely used JUnit XSD (Surefire's ``junit-10.xsd``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from raci.output.check.text import line
from raci.output.escape import xml
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.core.findings import Finding
    from raci.engine import Report


def _xml(text: str) -> str:
    return xml(text)


def subject(finding: Finding) -> str:
    """What a finding is about, as a test case names it."""
    if finding.is_input_error:
        return finding.file
    parts = []
    if finding.activity is not None:
        parts.append(f"activity {finding.activity}")
    if finding.function is not None:
        parts.append(f"function {finding.function}")
    return ", ".join(parts) or "model"


def _fails(finding: Finding, strict: bool) -> bool:
    return finding.severity == "error" or (strict and finding.severity == "warning")


def _case(suite: ET.Element, title: str, rule: str, finding: Finding | None, strict: bool) -> bool:
    """One test case: a rule that found nothing, or one finding (at most one failure)."""
    case = ET.SubElement(suite, "testcase", name=_xml(title), classname=f"raci.{rule}")
    if finding is None:
        return False
    if _fails(finding, strict):
        failure = ET.SubElement(case, "failure", type=finding.rule, message=_xml(finding.message))
        failure.text = _xml(line(finding))
        return True
    ET.SubElement(case, "system-out").text = _xml(line(finding))
    return False


def _titles(findings: list[Finding]) -> list[str]:
    """A test case name per finding: rule and subject, numbered when they repeat (two
    duplicate keys in one file), so dashboards keep each case apart across runs."""
    seen: dict[str, int] = defaultdict(int)
    titles = []
    for finding in findings:
        title = f"{finding.code} {finding.rule}: {subject(finding)}"
        seen[title] += 1
        titles.append(title if seen[title] == 1 else f"{title} ({seen[title]})")
    return titles


def _suite(
    root: ET.Element, name: str, rules: list[str], findings: list[Finding], strict: bool
) -> None:
    suite = ET.SubElement(root, "testsuite", name=_xml(name), file=_xml(name))
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_rule[finding.rule].append(finding)
    order = [*(rule for rule in by_rule if rule not in rules), *rules]
    tests = failures = 0
    for rule in order:
        found = by_rule.get(rule)
        if not found:
            from raci.rules import REGISTRY

            tests += 1
            _case(suite, f"{REGISTRY[rule].code} {rule}", rule, None, strict)
            continue
        for title, finding in zip(_titles(found), found, strict=True):
            tests += 1
            failures += _case(suite, title, rule, finding, strict)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")


def render(report: Report, medium: Medium = PLAIN) -> str:
    root = ET.Element("testsuites", name="raci")
    placed: set[int] = set()
    for checked in report.checked:
        files = {checked.path, *checked.files}
        findings = [finding for finding in report.findings if finding.file in files]
        placed.update(id(finding) for finding in findings)
        _suite(root, checked.path, checked.rules, findings, report.strict)
    others: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        if id(finding) not in placed:
            others[finding.file].append(finding)
    for file, findings in others.items():
        _suite(root, file, [], findings, report.strict)
    suites = root.findall("testsuite")
    for total in ("tests", "failures", "errors"):
        root.set(total, str(sum(int(suite.get(total, "0")) for suite in suites)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
