"""The report's "Phases" section, for phased models: the phases side by side and the load
of each function in each phase (see :data:`raci.report.SECTION_BUILDERS`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.output.common import number
from raci.report.data import Paragraph, Section, Table

if TYPE_CHECKING:
    from raci.core.context import Context
    from raci.core.metrics import ModelMetrics
    from raci.core.model import Model


def phases(model: Model, context: Context, metrics: ModelMetrics) -> Section | None:
    if not model.phased or not metrics.phases:
        return None
    from raci.output.timeline import cell, legend
    from raci.phases.timeline import build

    timeline = build(model)
    side_by_side = Table(
        ["Activity", *timeline.phases],
        [
            [row.id, *(cell(row.stages.get(phase)) for phase in timeline.phases)]
            for row in timeline.rows
        ],
    )
    names = [phase.phase for phase in metrics.phases]
    rows = []
    for position, fid in enumerate(model.functions):
        cells = []
        for phase in metrics.phases:
            held = phase.functions[position]
            carried = number(held.load)
            capacity = held.capacity
            cells.append(carried if capacity is None else f"{carried} / {number(capacity)}")
        rows.append([fid, *cells])
    rows.append(["HHI of accountability", *(f"{phase.hhi:.3f}" for phase in metrics.phases)])
    load = Table(["Function", *names], rows)
    handovers = timeline.handovers
    return Section(
        "phases",
        "Phases",
        [
            Paragraph(
                f"{legend(model.scheme)} Across {len(timeline.phases)} phases, ownership "
                f"changes hands {handovers} time{'s' if handovers != 1 else ''}."
            ),
            side_by_side,
            Paragraph(
                "Load per phase, in effort units (load / capacity where capacity is given "
                "for the phase), and the concentration of accountability in each phase."
            ),
            load,
        ],
    )


def people(model: Model, context: Context, metrics: ModelMetrics) -> Section | None:
    """The report's "People" section, for models whose functions list ``members:``."""
    found = metrics.people
    if found is None:
        return None
    from raci.output.load_people import truck_line

    rows = [
        [
            person.id,
            number(person.fte),
            str(person.accountable),
            str(person.responsible),
            f"{number(person.load)} / {number(person.capacity)}",
            ", ".join(person.only_worker),
        ]
        for person in sorted(found.people, key=lambda person: -person.load)
    ]
    return Section(
        "people",
        "People",
        [
            Paragraph(
                "Who in each function carries its share: load in effort units against the "
                "capacity each person gives (FTE times the model's fte_unit), and the "
                "activities a person alone does the work on."
            ),
            Table(["Person", "FTE", "A", "R", "Load", "Only R on"], rows),
            Paragraph(truck_line(found, metrics.activities) + "."),
        ],
    )
