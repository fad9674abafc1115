"""The phases side by side (``raci matrix`` of a phased model, and the report): one row
per activity, one column per phase, who is A and who is R there; ``→`` marks the
phases where the owner changes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from raci.output.common import md, md_table

if TYPE_CHECKING:
    from raci.core.scheme import Scheme
    from raci.phases.timeline import Stage, Timeline

HANDOVER = "→"


def cell(stage: Stage | None) -> str:
    """``→ OD A, IC R``: the holders of a phase, marked when ownership moved into it."""
    if stage is None:
        return ""
    text = ", ".join(f"{fid} {letters}" for fid, letters in stage.holders) or "(nobody)"
    return f"{HANDOVER} {text}" if stage.handover else text


def legend(scheme: Scheme) -> str:
    from raci.core.scheme import Role

    owner, worker = scheme.describe(Role.OWNER), scheme.describe(Role.WORKER)
    return f"{owner} and {worker} in each phase; {HANDOVER} the owner changes."


def text_lines(timeline: Timeline, scheme: Scheme, color: bool, width: int | None) -> list[str]:
    """The table fitted to ``width`` as the matrix is: names shrink, then go, then the
    activity ids shrink; the legend wraps."""
    from rich.cells import cell_len

    from raci.output.common import styled, wrapped

    lines = _grid(timeline, color, width, names=True)
    if width is not None and cell_len(lines[1]) > width:
        lines = _grid(timeline, color, width, names=False)
    found = [styled("Phases side by side", "bold", color), "", *lines, ""]
    return [*found, *wrapped([legend(scheme)], width)]


def _grid(timeline: Timeline, color: bool, width: int | None, *, names: bool) -> list[str]:
    from raci.output.common import Cell, Column, grid

    columns = [Column("Activity", shrink=not names)]
    columns += [Column("Name", shrink=True)] if names else []
    columns += [Column(phase) for phase in timeline.phases]
    rows: list[list[Cell]] = []
    for row in timeline.rows:
        cells: list[Cell] = [row.id, row.name] if names else [row.id]
        for phase in timeline.phases:
            stage = row.stages.get(phase)
            cells.append((cell(stage), "bold yellow" if stage and stage.handover else ""))
        rows.append(cells)
    return grid(columns, [rows], color=color, width=width, minimum=6 if names else 12)


def markdown_lines(timeline: Timeline, scheme: Scheme) -> list[str]:
    header = ["Activity", "Name", *(md(phase) for phase in timeline.phases)]
    rows = [
        [f"`{row.id}`", md(row.name)]
        + [md(cell(row.stages.get(phase))) for phase in timeline.phases]
        for row in timeline.rows
    ]
    table = md_table(header, "l" * len(header), rows).rstrip("\n")
    return ["### Phases side by side", "", table, "", md(legend(scheme))]


def as_dict(timeline: Timeline) -> dict[str, Any]:
    return {
        "phases": timeline.phases,
        "activities": [
            {
                "id": row.id,
                "name": row.name,
                "phases": {
                    phase: {
                        "holders": dict(stage.holders),
                        "owners": stage.owners,
                        "handover": stage.handover,
                    }
                    for phase, stage in row.stages.items()
                },
            }
            for row in timeline.rows
        ],
    }
