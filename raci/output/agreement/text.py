"""``raci merge`` on a terminal: the agreement in a few lines, then the findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.core.scheme import Role
from raci.core.views import NONE
from raci.core.words import plural
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.core.views import CellResult
    from raci.engine import Report
    from raci.views import Outcome

TIMES = "\N{MULTIPLICATION SIGN}"
SHOWN = 10
"""Contested activities listed; the JSON and the report list them all."""


def shown(label: str) -> str:
    """A vote as people read it: a blank ("no role") vote is ``blank``."""
    return "blank" if label == NONE else label


def ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def share(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def render(outcome: Outcome, medium: Medium = PLAIN) -> str:
    """The merge in a few lines, then the findings as ``raci check`` prints them."""
    from raci.output.check.text import line

    merged, report, consensus = outcome.merged, outcome.report, outcome.written

    views = merged.views
    lines = [
        f"Merged {plural(len(views), 'view')} on {plural(len(merged.activities), 'activity')} "
        f"x {plural(len(merged.functions), 'function')}: "
        + ", ".join(view.label for view in views[:8])
        + (f" and {len(views) - 8} more" if len(views) > 8 else ""),
        f"Agreement: alpha {ratio(merged.alpha)}, {share(merged.agreement)} of answers agree",
    ]
    contested = merged.contested
    lines.append(f"{plural(len(contested), 'activity')} disputed, most contested first:")
    for activity in contested[:SHOWN]:
        cells = ", ".join(
            f"{cell.function} "
            + " ".join(f"{shown(label)}:{count}" for label, count in _votes(cell))
            + (" (open)" if cell.open else "")
            for cell in activity.disagreements
        )
        lines.append(
            f"  {activity.id}  alpha {ratio(activity.alpha)}, {share(activity.agreement)}: {cells}"
        )
    if len(contested) > SHOWN:
        lines.append(f"  ... and {len(contested) - SHOWN} more (the report lists them all)")
    gaps = [seen for seen in merged.perception if seen.gap]
    if gaps:
        lines.append("Perception gaps (own view against the others'):")
        for seen in gaps:
            words = merged.scheme.describe(Role(seen.role))
            lines.append(
                f"  {seen.function} sees itself {words} for {plural(seen.own or 0, 'activity')}; "
                f"the others see {seen.function} {words} for {plural(seen.others, 'activity')}"
            )
    if consensus:
        lines.append(f"Consensus written to {consensus}")
    body = "\n".join(lines) + "\n"
    findings = "".join(line(finding) + "\n" for finding in report.findings)
    return body + (findings and "\n" + findings) + _summary(report)


def _votes(cell: CellResult) -> list[tuple[str, int]]:
    return sorted(cell.counts.items(), key=lambda item: -item[1])


def _summary(report: Report) -> str:
    counts = report.summary()
    parts = [
        plural(counts["errors"], "error"),
        plural(counts["warnings"], "warning"),
        f"{counts['info']} info",
    ]
    if not report.findings:
        return "✓ No findings in the views\n"
    mark = "✗" if report.exit_code else "•"
    return f"{mark} {', '.join(parts)} in {plural(counts['files'], 'view')}\n"
