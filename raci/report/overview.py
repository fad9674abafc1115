"""The matrix of a model too large to print, summarised: per-phase counts and the
activities most at risk. ``raci export`` writes the full grid as a spreadsheet."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from raci.core.findings import SEVERITIES
from raci.report.data import Overview, PhaseCount, RiskRow

if TYPE_CHECKING:
    from raci.core.findings import Finding
    from raci.core.model import Model

MATRIX_LIMIT = 3_000
"""Above this many activities the HTML and markdown reports summarise the matrix: a
grid of 100,000 rows is unreadable and would take gigabytes to render."""

RISKIEST = 25


def overview(model: Model, findings: list[Finding], limit: int = MATRIX_LIMIT) -> Overview:
    """Per phase: activities, effort, how many carry a finding, the main owner; then the
    ``RISKIEST`` activities, by the severity and number of their findings, then effort."""
    names = {fid: function.name for fid, function in model.functions.items()}
    on: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.activity is not None:
            on.setdefault(finding.activity, []).append(finding)
    phases: dict[str | None, list[float]] = {}
    owners: dict[str | None, Counter[str]] = {}
    scored: list[tuple[tuple[float, ...], int]] = []
    for index, activity in enumerate(model.activities):
        counts = phases.setdefault(activity.phase, [0, 0.0, 0])
        counts[0] += 1
        counts[1] += activity.effort
        owners.setdefault(activity.phase, Counter()).update(activity.owners)
        flagged = on.get(activity.id)
        if flagged:
            counts[2] += 1
            weight = sum(10 ** (2 - SEVERITIES.index(f.severity)) for f in flagged)
            scored.append(((-weight, -activity.effort, index), index))
    scored.sort()
    riskiest = []
    for _, index in scored[:RISKIEST]:
        activity = model.activities[index]
        flagged = sorted(on[activity.id], key=lambda f: SEVERITIES.index(f.severity))
        owner = ", ".join(names.get(fid, fid) for fid in activity.owners)
        rules = list(dict.fromkeys(f.rule for f in flagged))
        row = RiskRow(activity.id, activity.name, activity.phase, activity.effort, owner, rules)
        riskiest.append(row)
    return Overview(
        activities=len(model.activities),
        limit=limit,
        phases=[
            PhaseCount(
                phase,
                int(counts[0]),
                counts[1],
                int(counts[2]),
                _top(owners[phase], names),
            )
            for phase, counts in phases.items()
        ],
        riskiest=riskiest,
    )


def _top(counter: Counter[str], names: dict[str, str]) -> str:
    if not counter:
        return ""
    fid, count = counter.most_common(1)[0]
    return f"{names.get(fid, fid)} ({count})"
