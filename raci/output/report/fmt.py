"""Numbers and words as every report format writes them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from raci.core.words import number as number
from raci.core.words import percent as percent
from raci.core.words import plural as plural

if TYPE_CHECKING:
    from raci.core.metrics import FunctionMetrics
    from raci.report.data import Overview, ReportData, Summary


LOAD_NOTE = (
    "Load is effort units carried: each activity's effort is shared equally among the "
    "functions doing the work. A, R, C and I count the activities where the function owns "
    "the outcome, does the work, is consulted or is informed."
)
COLLABORATION_NOTE = (
    "Two functions are linked when both hold R, A or C on a common activity; the number on "
    "a link is how many activities they share."
)


def bridge_note(names: str, count: int) -> str:
    """The sentence under the collaboration graph; ``names`` is already formatted."""
    if count == 1:
        return (
            f"Highlighted: {names}, a bridge function: without it, groups of functions no "
            "longer work together."
        )
    return (
        f"Highlighted: {names}, bridge functions: without any one of them, groups of "
        "functions no longer work together."
    )


def summary_rows(summary: Summary, code: Callable[[str], str]) -> list[list[str]]:
    """The report's summary table, with function ids rendered by ``code``."""
    truck = str(summary.truck_factor)
    if summary.truck_factor_functions:
        truck += " (" + ", ".join(code(fid) for fid in summary.truck_factor_functions) + ")"
    return [
        ["Activities", str(summary.activities)],
        ["Functions", str(summary.functions)],
        ["Errors", str(summary.errors)],
        ["Warnings", str(summary.warnings)],
        ["Info", str(summary.info)],
        ["Waived findings", str(summary.waived)],
        ["Accountability concentration (HHI)", f"{summary.hhi:.3f}"],
        ["Effective number of owners (1 / HHI)", f"{summary.effective_owners:.1f}"],
        ["Truck factor (functions whose loss orphans half the work)", truck],
    ]


PHASE_HEADERS = ["Phase", "Activities", "Effort", "With findings", "Owns the most"]
RISK_HEADERS = ["Activity", "Phase", "Effort", "Owner", "Flagged by"]


def phase_rows(summary: Overview, text: Callable[[str], str]) -> list[list[str]]:
    """The per-phase counts of a large model's overview, text escaped by ``text``."""
    return [
        [
            text(p.phase) if p.phase is not None else "Without a phase",
            f"{p.activities:,}",
            number(p.effort),
            f"{p.with_findings:,}",
            text(p.owner),
        ]
        for p in summary.phases
    ]


def risk_rows(summary: Overview, text: Callable[[str], str]) -> list[list[str]]:
    """The overview's activities most at risk, text escaped by ``text``."""
    return [
        [
            text(r.name),
            text(r.phase or ""),
            number(r.effort),
            text(r.owner),
            text(", ".join(r.issues)),
        ]
        for r in summary.riskiest
    ]


def load_table(
    data: ReportData, name: Callable[[FunctionMetrics], str]
) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the load table, its counts headed by the scheme's letters."""
    headings = data.load_headings
    headers = [
        "Function",
        *(heading for _, heading in headings),
        "Load",
        "Capacity",
        "Utilisation",
        f"Share of {headings[0][1]}",
    ]
    rows = [
        [
            name(f),
            *(str(f.count(role)) for role, _ in headings),
            number(f.load),
            number(f.capacity) if f.capacity is not None else "",
            percent(f.utilisation),
            percent(f.accountable_share),
        ]
        for f in data.load
    ]
    return headers, rows
