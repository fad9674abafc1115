"""One report, as data: what ``raci report`` says, built once (:mod:`raci.report.build`)
and rendered three ways.

Markdown, HTML and JSON all read a :class:`ReportData`, so the three formats cannot
disagree. Further sections (``raci rebalance``'s recommendations) plug in through
:data:`raci.report.SECTION_BUILDERS` as generic :class:`Section` blocks that every
renderer already knows how to draw.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from raci.core.findings import SEVERITIES, Finding

if TYPE_CHECKING:
    from raci.core.context import Context
    from raci.core.metrics import FunctionMetrics, ModelMetrics
    from raci.core.model import Model
    from raci.core.people_metrics import PeopleMetrics
    from raci.core.phase_metrics import PhaseMetrics
    from raci.core.scheme import Role
    from raci.phases.timeline import Timeline
    from raci.report.groups import FindingGroup
    from raci.whatif.view import WhatIfView

Status = Literal["pass", "warn", "fail"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    kind: Literal["paragraph"] = "paragraph"


@dataclass(frozen=True, slots=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    kind: Literal["table"] = "table"


@dataclass(frozen=True, slots=True)
class Section:
    """A section contributed by another part of raci: a title and plain blocks."""

    key: str
    title: str
    blocks: list[Paragraph | Table]


SectionBuilder = Callable[["Model", "Context", "ModelMetrics"], "Section | None"]


@dataclass(frozen=True, slots=True)
class Verdict:
    status: Status
    headline: str
    """``fails`` / ``passes with warnings`` / ``passes``: what the linter says."""
    detail: str
    lead: str = ""
    """What matters most, in one plain sentence naming functions (the report's headline)."""
    points: list[str] = field(default_factory=list)
    """The key findings, capacity and concentration first, one plain sentence each."""


@dataclass(frozen=True, slots=True)
class Measure:
    """A headline figure and what it means, in one line for a non-specialist."""

    key: str
    label: str
    value: str
    meaning: str


@dataclass(frozen=True, slots=True)
class PhaseCount:
    phase: str | None
    activities: int
    effort: float
    with_findings: int
    owner: str
    """The function owning the most activities of the phase, by name ("" when none)."""


@dataclass(frozen=True, slots=True)
class RiskRow:
    id: str
    name: str
    phase: str | None
    effort: float
    owner: str
    issues: list[str]
    """The rules that flag the activity, most severe first."""


@dataclass(frozen=True, slots=True)
class Overview:
    """The matrix of a model too large to print: per-phase counts and the riskiest
    activities; ``raci export`` writes the full grid."""

    activities: int
    limit: int
    phases: list[PhaseCount]
    riskiest: list[RiskRow]


@dataclass(frozen=True, slots=True)
class Summary:
    activities: int
    functions: int
    errors: int
    warnings: int
    info: int
    waived: int
    hhi: float
    effective_owners: float
    truck_factor: int
    truck_factor_functions: list[str]


@dataclass(frozen=True, slots=True)
class Cell:
    label: str
    role: str | None
    """The role the letter plays (``owner``, ``worker``...), for colour; None when empty."""


EMPTY = Cell("", None)


@dataclass(frozen=True, slots=True)
class MatrixRow:
    id: str
    name: str
    effort: float
    cells: list[Cell]


@dataclass(frozen=True, slots=True)
class PhaseGroup:
    phase: str | None
    rows: list[MatrixRow]


@dataclass(frozen=True, slots=True)
class LetterInfo:
    code: str
    word: str
    role: str
    meaning: str


@dataclass(frozen=True, slots=True)
class Matrix:
    scheme: str
    letters: list[LetterInfo]
    functions: list[tuple[str, str]]
    """(id, name) per column, in file order; ids assigned but never defined come last."""
    groups: list[PhaseGroup]


@dataclass(frozen=True, slots=True)
class Collaboration:
    functions: list[tuple[str, str]]
    edges: list[tuple[str, str, int]]
    """(function, function, activities they share as R, A or C)."""
    bridges: list[str]


@dataclass(frozen=True, slots=True)
class Phases:
    timeline: Timeline
    load: list[PhaseMetrics]
    legend: str
    """What the side-by-side cells mean, in the scheme's words."""


@dataclass(frozen=True, slots=True)
class ReportData:
    title: str
    description: str | None
    source: str
    date: str
    version: str
    verdict: Verdict
    summary: Summary
    matrix: Matrix
    load: list[FunctionMetrics]
    """Per function, most loaded first (load, then accountability, then file order)."""
    load_headings: list[tuple[Role, str]]
    """(role, heading) of the load table's counts: the scheme's letters (``A``, ``R/P``)."""
    findings: list[Finding]
    collaboration: Collaboration
    what_if: WhatIfView | None
    sections: list[Section] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    finding_groups: list[FindingGroup] = field(default_factory=list)
    overview: Overview | None = None
    """Set (and the matrix's groups left empty) above the report's matrix limit."""
    phases: Phases | None = None
    """For a phased model; with :attr:`people`, the figures behind the "Phases" and
    "People" sections, which the deck draws as tables and charts (the other formats
    print the sections)."""
    people: PeopleMetrics | None = None
    fte_unit: float = 1.0

    def findings_by_severity(self) -> list[tuple[str, list[Finding]]]:
        """(severity, findings) for each severity that has any, most severe first."""
        groups = [
            (level, [f for f in self.findings if f.severity == level]) for level in SEVERITIES
        ]
        return [(level, found) for level, found in groups if found]

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (``--format json``).

        Built field by field: ``dataclasses.asdict`` deep-copies every matrix cell, which
        costs seconds on a model of thousands of activities.
        """
        return {
            "tool": {"name": "raci", "version": self.version},
            "title": self.title,
            "description": self.description,
            "source": self.source,
            "date": self.date,
            "verdict": asdict(self.verdict),
            "summary": asdict(self.summary),
            "matrix": _matrix_dict(self.matrix),
            "load": [{**asdict(f), "utilisation": f.utilisation} for f in self.load],
            "findings": [finding.as_dict() for finding in self.findings],
            "collaboration": {
                "functions": [
                    {"id": fid, "name": name} for fid, name in self.collaboration.functions
                ],
                "edges": [
                    {"source": left, "target": right, "shared": weight}
                    for left, right, weight in self.collaboration.edges
                ],
                "bridges": self.collaboration.bridges,
            },
            "what_if": asdict(self.what_if) if self.what_if is not None else None,
            "sections": [asdict(section) for section in self.sections],
            "measures": [asdict(measure) for measure in self.measures],
            "finding_groups": [asdict(group) for group in self.finding_groups],
            "overview": asdict(self.overview) if self.overview is not None else None,
        }


def _matrix_dict(matrix: Matrix) -> dict[str, Any]:
    """The matrix with, per row, only the cells that hold a letter, by function id."""
    ids = [fid for fid, _ in matrix.functions]
    return {
        "scheme": matrix.scheme,
        "letters": [asdict(letter) for letter in matrix.letters],
        "functions": [{"id": fid, "name": name} for fid, name in matrix.functions],
        "groups": [
            {
                "phase": group.phase,
                "rows": [
                    {
                        "id": row.id,
                        "name": row.name,
                        "effort": row.effort,
                        "cells": {
                            fid: {"label": cell.label, "role": cell.role}
                            for fid, cell in zip(ids, row.cells, strict=True)
                            if cell.label
                        },
                    }
                    for row in group.rows
                ],
            }
            for group in matrix.groups
        ],
    }
