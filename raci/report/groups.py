"""Findings grouped by rule and told by name, for the report's body.

A sponsor reads "Internal Communications goes it alone on 7 activities", not seven
``file:line`` locations; the locations stay in the report's appendix.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from raci.core.findings import SEVERITIES

if TYPE_CHECKING:
    from raci.core.findings import Finding
    from raci.core.model import Model

_ORDER = (
    "capacity-overload",
    "single-owner-overload",
    "accountability-concentration",
)
"""Capacity and concentration lead the body, then errors, then the rest by severity
(rules of one rank keep the order of their first finding)."""


@dataclass(frozen=True, slots=True)
class FindingGroup:
    rule: str
    code: str
    severity: str
    title: str
    """What the rule finds, in one plain sentence."""
    subjects: list[str]
    """What the findings are about, by name: activities, else functions."""
    functions: list[tuple[str, int]]
    """When the findings are about activities, the functions they name, by name, with how
    many findings name each (``sole-owner``: who goes it alone, on how many)."""


def rule_summary(rule: str) -> str:
    """The rule's one-line summary without markup, or its name for an unknown rule."""
    from raci.rules import resolve_rule

    found = resolve_rule(rule)
    return found.summary().replace("`", "") if found is not None else rule


def group_findings(findings: list[Finding], model: Model) -> list[FindingGroup]:
    """One group per rule: capacity and concentration first, then by severity."""
    activities = {activity.id: activity.name for activity in model.activities}
    functions = {fid: function.name for fid, function in model.functions.items()}
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.rule, []).append(finding)

    def rank(rule: str) -> int:
        if rule in _ORDER:
            return _ORDER.index(rule)
        return len(_ORDER) + SEVERITIES.index(groups[rule][0].severity)

    return [
        FindingGroup(
            rule=rule,
            code=groups[rule][0].code,
            severity=groups[rule][0].severity,
            title=rule_summary(rule),
            subjects=list(dict.fromkeys(_subject(f, activities, functions) for f in groups[rule])),
            functions=_named(groups[rule], functions),
        )
        for rule in sorted(groups, key=rank)
    ]


def _subject(finding: Finding, activities: dict[str, str], functions: dict[str, str]) -> str:
    if finding.activity:
        return activities.get(finding.activity, finding.activity)
    if finding.function:
        return functions.get(finding.function, finding.function)
    return "the model as a whole"


def _named(findings: list[Finding], functions: dict[str, str]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for finding in findings:
        if finding.activity and finding.function:
            name = functions.get(finding.function, finding.function)
            counts[name] = counts.get(name, 0) + 1
    return list(counts.items())
