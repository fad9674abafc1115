"""One report, as data: what ``raci report`` says, built once and rendered three ways.

Markdown, HTML and JSON all read a :class:`ReportData`, so the three formats cannot
disagree. Further sections (``raci rebalance``'s recommendations) plug in through
:data:`raci.report.SECTION_BUILDERS` as generic :class:`Section` blocks that every
renderer already knows how to draw.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from raci.findings import SEVERITIES, Finding
from raci.report.fmt import plural
from raci.report.whatif_view import WhatIfView, most_loaded, what_if
from raci.scheme import Role

if TYPE_CHECKING:
    from raci.context import Context
    from raci.engine import Report
    from raci.metrics import FunctionMetrics, ModelMetrics
    from raci.model import Model

Status = Literal["pass", "warn", "fail"]
ROLES: tuple[Role, ...] = (Role.OWNER, Role.WORKER, Role.CONSULTED, Role.INFORMED)


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
    """``fails`` / ``passes with warnings`` / ``passes``."""
    detail: str


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


_EMPTY = Cell("", None)


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
    findings: list[Finding]
    collaboration: Collaboration
    what_if: WhatIfView | None
    sections: list[Section] = field(default_factory=list)

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


def build(
    report: Report,
    model: Model,
    *,
    source: str,
    date: str,
    sections: Sequence[SectionBuilder] = (),
) -> ReportData:
    """Everything the report says about ``model``, as checked in ``report``."""
    from raci import __version__
    from raci.context import Context
    from raci.metrics import compute

    context = Context(model)
    metrics = compute(context)
    load = by_load(metrics.functions, model)
    top = most_loaded(load)
    extra = [built for builder in sections if (built := builder(model, context, metrics))]
    return ReportData(
        title=model.title,
        description=model.description,
        source=source,
        date=date,
        version=__version__,
        verdict=_verdict(report, load, len(model.activities)),
        summary=Summary(
            activities=len(model.activities),
            functions=len(model.functions),
            errors=report.count("error"),
            warnings=report.count("warning"),
            info=report.count("info"),
            waived=report.waived,
            hhi=metrics.hhi,
            effective_owners=metrics.effective_owners,
            truck_factor=metrics.truck_factor.count,
            truck_factor_functions=list(metrics.truck_factor.functions),
        ),
        matrix=_matrix(model),
        load=load,
        findings=list(report.findings),
        collaboration=_collaboration(context, metrics),
        what_if=what_if(context, top.id) if top is not None else None,
        sections=extra,
    )


def by_load(functions: Sequence[FunctionMetrics], model: Model) -> list[FunctionMetrics]:
    """Most loaded first: by load, then by accountability, then in file order."""
    order = {fid: index for index, fid in enumerate(model.functions)}
    return sorted(functions, key=lambda f: (-round(f.load, 9), -f.accountable, order[f.id]))


def _verdict(report: Report, load: list[FunctionMetrics], activities: int) -> Verdict:
    errors, warnings, info = (report.count(level) for level in SEVERITIES)
    counts = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}, {info} info"
    if report.waived:
        counts += f" ({report.waived} waived)"
    if report.exit_code:
        status: Status = "fail"
        headline = "fails"
        advice = "fix the errors before relying on this model."
        if not errors:
            advice = "warnings fail this model under its strict setting."
    elif warnings:
        status, headline = "warn", "passes with warnings"
        advice = "review the warnings below."
    else:
        status, headline, advice = "pass", "passes", "no error or warning."
    detail = f"{counts}: {advice}"
    owner = max(load, key=lambda f: f.accountable, default=None)
    if owner is not None and owner.accountable and activities:
        detail += (
            f" {owner.name} ({owner.id}) is accountable for {owner.accountable} of "
            f"{plural(activities, 'activity')} ({owner.accountable_share:.0%})."
        )
    return Verdict(status, headline, detail)


def role_of(held: Any) -> str | None:
    """The strongest role an assignment carries (owner > worker > consulted > informed)."""
    return next((role.value for role in ROLES if getattr(held, role.value)), None)


def _matrix(model: Model) -> Matrix:
    columns = dict.fromkeys(model.functions)
    for activity in model.activities:
        columns.update(dict.fromkeys(activity.raci))
    names = {fid: model.functions[fid].name if fid in model.functions else fid for fid in columns}
    groups: dict[str | None, list[MatrixRow]] = {}
    for activity in model.activities:
        cells = [
            Cell(held.label, role_of(held)) if (held := activity.raci.get(fid)) else _EMPTY
            for fid in columns
        ]
        row = MatrixRow(activity.id, activity.name, activity.effort, cells)
        groups.setdefault(activity.phase, []).append(row)
    letters = [
        LetterInfo(letter.code, letter.word, letter.role.value, letter.meaning)
        for letter in model.scheme.letters
    ]
    return Matrix(
        scheme=model.scheme.title,
        letters=letters,
        functions=[(fid, names[fid]) for fid in columns],
        groups=[PhaseGroup(phase, rows) for phase, rows in groups.items()],
    )


def _collaboration(context: Context, metrics: ModelMetrics) -> Collaboration:
    functions = context.model.functions
    order = {fid: index for index, fid in enumerate(functions)}
    edges = []
    for left, right, weight in context.collaboration.edges(data="weight"):
        first, second = sorted((left, right), key=order.__getitem__)
        edges.append((first, second, int(weight)))
    edges.sort(key=lambda edge: (order[edge[0]], order[edge[1]]))
    return Collaboration(
        functions=[(fid, function.name) for fid, function in functions.items()],
        edges=edges,
        bridges=list(metrics.articulation_points),
    )
