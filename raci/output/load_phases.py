"""The per-phase part of ``raci load``: one small table per phase of a phased model.

Each row is a function that holds something in the phase (A or R): its counts, its load
against the capacity given for that phase, and its share of the phase's accountability.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.core.scheme import Role
from raci.core.words import plural
from raci.output.common import md, md_table, number, percent
from raci.output.escape import terminal

if TYPE_CHECKING:
    from raci.core.phase_metrics import PhaseLoad, PhaseMetrics
    from raci.core.scheme import Scheme


def _held(phase: PhaseMetrics) -> list[PhaseLoad]:
    """Functions with an A or an R in the phase, heaviest first (ties in file order)."""
    rows = [row for row in phase.functions if row.accountable or row.responsible]
    return sorted(rows, key=lambda row: (-row.load, -row.accountable))


def _load(row: PhaseLoad) -> str:
    if row.capacity is None:
        return number(row.load)
    return f"{number(row.load)} / {number(row.capacity)}"


def _heading(phase: PhaseMetrics) -> str:
    return (
        f"Phase {phase.phase}: {plural(phase.activities, 'activity')}, "
        f"HHI of accountability {phase.hhi:.3f}"
    )


def _headers(scheme: Scheme) -> tuple[str, str]:
    labels = dict(scheme.headings())
    return labels[Role.OWNER], labels[Role.WORKER]


def text_lines(
    phases: list[PhaseMetrics], scheme: Scheme, color: bool, width: int | None
) -> list[str]:
    from raci.output.common import Cell, Column, grid, styled

    owner, worker = _headers(scheme)
    columns = [
        Column("Function", style="bold"),
        Column(owner, justify="right"),
        Column(worker, justify="right"),
        Column("Load", justify="right"),
        Column(f"Share {owner}", justify="right"),
        Column("Flags", style="yellow"),
    ]
    lines = [styled("Load per phase", "bold", color)]
    for phase in phases:
        rows: list[list[Cell]] = [
            [
                row.id,
                str(row.accountable),
                str(row.responsible),
                (_load(row), "bold red" if row.over else ""),
                percent(row.accountable_share),
                "over-capacity" if row.over else "",
            ]
            for row in _held(phase)
        ]
        lines += ["", terminal(_heading(phase))]
        lines += grid(columns, [rows], color=color, width=width, gap=2) if rows else ["(nobody)"]
    return lines


def markdown_lines(phases: list[PhaseMetrics], scheme: Scheme) -> list[str]:
    owner, worker = _headers(scheme)
    header = ["Function", md(owner), md(worker), "Load", f"Share of {md(owner)}", "Flags"]
    lines = ["", "### Load per phase"]
    for phase in phases:
        rows = [
            [
                md(row.id),
                str(row.accountable),
                str(row.responsible),
                md(_load(row)),
                percent(row.accountable_share),
                "over-capacity" if row.over else "",
            ]
            for row in _held(phase)
        ]
        lines += ["", f"**{md(_heading(phase))}**", ""]
        lines.append(md_table(header, "lrrrrl", rows).rstrip("\n") if rows else "(nobody)")
    return lines
