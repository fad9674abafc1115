"""Build the :class:`~raci.report.data.ReportData` of a checked model."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from raci.core.findings import SEVERITIES
from raci.core.scheme import Role
from raci.output.report.fmt import plural
from raci.report.data import (
    EMPTY,
    Cell,
    Collaboration,
    LetterInfo,
    Matrix,
    MatrixRow,
    PhaseGroup,
    Phases,
    ReportData,
    SectionBuilder,
    Status,
    Summary,
    Verdict,
)
from raci.report.groups import group_findings
from raci.report.headline import headline, measures, points
from raci.report.overview import overview
from raci.whatif.view import most_loaded, what_if

if TYPE_CHECKING:
    from raci.core.context import Context
    from raci.core.metrics import FunctionMetrics, ModelMetrics
    from raci.core.model import Model
    from raci.engine import Report


def build(
    report: Report,
    model: Model,
    *,
    source: str,
    date: str,
    sections: Sequence[SectionBuilder] = (),
    matrix_limit: int | None = None,
) -> ReportData:
    """Everything the report says about ``model``, as checked in ``report``.

    Above ``matrix_limit`` activities the matrix is summarised (:attr:`ReportData.overview`)
    instead of built cell by cell.
    """
    from raci import __version__
    from raci.core.context import Context
    from raci.core.metrics import compute

    checked = dict(zip(map(id, report.models), report.contexts, strict=True))
    context = checked.get(id(model)) or Context(model)
    metrics = compute(context)
    load = by_load(metrics.functions, model)
    top = most_loaded(load)
    extra = [built for builder in sections if (built := builder(model, context, metrics))]
    groups = group_findings(list(report.findings), model)
    large = matrix_limit is not None and len(model.activities) > matrix_limit
    verdict = _verdict(report)
    lead = headline(model, load, metrics, groups)
    return ReportData(
        title=model.title,
        description=model.description,
        source=source,
        date=date,
        version=__version__,
        verdict=replace(verdict, lead=lead, points=points(groups, load, metrics)),
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
        matrix=_matrix(model, rows=not large),
        load=load,
        load_headings=model.scheme.headings(),
        findings=list(report.findings),
        collaboration=_collaboration(context, metrics),
        what_if=what_if(context, top.id, report) if top is not None else None,
        sections=extra,
        measures=measures(model, load, metrics),
        finding_groups=groups,
        overview=overview(model, list(report.findings), matrix_limit or 0) if large else None,
        phases=_phases(model, metrics) if model.phased and metrics.phases else None,
        people=metrics.people,
        fte_unit=model.fte_unit,
    )


def _phases(model: Model, metrics: ModelMetrics) -> Phases:
    from raci.output.timeline import legend
    from raci.phases.timeline import build as build_timeline

    return Phases(build_timeline(model), metrics.phases, legend(model.scheme))


def by_load(functions: Sequence[FunctionMetrics], model: Model) -> list[FunctionMetrics]:
    """Most loaded first: by load, then by accountability, then in file order."""
    order = {fid: index for index, fid in enumerate(model.functions)}
    return sorted(functions, key=lambda f: (-round(f.load, 9), -f.accountable, order[f.id]))


def _verdict(report: Report) -> Verdict:
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
    return Verdict(status, headline, detail)


def role_of(held: Any) -> str | None:
    """The strongest role an assignment carries (owner > worker > consulted > informed)."""
    return next((role.value for role in Role if getattr(held, role.value)), None)


def _matrix(model: Model, *, rows: bool = True) -> Matrix:
    columns = dict.fromkeys(model.functions)
    for activity in model.activities:
        columns.update(dict.fromkeys(activity.raci))
    names = {fid: model.functions[fid].name if fid in model.functions else fid for fid in columns}
    groups: dict[str | None, list[MatrixRow]] = {}
    cell = {held: Cell(held.label, role_of(held)) for held in model.scheme.assignments}
    for activity in model.activities if rows else ():
        raci = activity.raci
        cells = [cell[raci[fid]] if fid in raci else EMPTY for fid in columns]
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
