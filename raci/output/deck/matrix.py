"""The matrix as native PowerPoint tables, coloured by letter: one slide holds at most
:data:`ROWS` activities, phases follow one another under a phase row, and a phase
moves to the next slide rather than split when it fits on one. Above the deck's
limit, the per-phase counts and the riskiest activities instead."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pptx.util import Inches

from raci.output.deck.base import (
    BODY_TOP,
    HEAD_FILL,
    INK,
    MARGIN,
    NAVY,
    WHITE,
    WIDTH,
    clip,
    fill_cell,
    new_slide,
    rgb,
    table,
    text_box,
)
from raci.output.palette import ROLE_COLOURS
from raci.output.report.fmt import number

if TYPE_CHECKING:
    from pptx.presentation import Presentation

    from raci.report.data import Matrix, MatrixRow, Overview

ROWS = 15
Page = list[tuple[str | None, list["MatrixRow"]]]
"""One slide: (phase title or None, its rows) in order."""


def pages(grid: Matrix, most: int = ROWS) -> list[Page]:
    """The matrix's rows packed into slides of at most ``most`` table rows (activities
    and the phase rows above them)."""
    named = any(group.phase is not None for group in grid.groups)
    head = 1 if named else 0
    found: list[Page] = [[]]
    room = most
    for group in grid.groups:
        phase = (group.phase if group.phase is not None else "Without a phase") if named else None
        rows = group.rows
        if len(rows) + head > room and len(rows) + head <= most and found[-1]:
            found.append([])
            room = most
        part = 0
        while rows:
            if room <= head:
                found.append([])
                room = most
            taken, rows = rows[: room - head], rows[room - head :]
            title = phase if part == 0 or phase is None else f"{phase} (continued)"
            found[-1].append((title, list(taken)))
            room -= len(taken) + head
            part += 1
    return [page for page in found if page]


def matrix_slides(deck: Presentation, grid: Matrix) -> None:
    legend = "; ".join(f"{x.code} {x.word}: {x.meaning}" for x in grid.letters)
    key = ", ".join(f"{fid} = {name}" for fid, name in grid.functions if name != fid)
    found = pages(grid)
    for index, page in enumerate(found):
        phases = [title for title, _ in page if title is not None]
        title = f"{grid.scheme} matrix"
        if phases:
            title += ": " + ", ".join(p.replace(" (continued)", "") for p in phases)
        if len(found) > 1:
            title += f" ({index + 1} of {len(found)})"
        notes = (
            f"The {grid.scheme} matrix: one row per activity, one column per function, "
            f"grouped by phase. {legend}. Functions: {key}."
        )
        slide = new_slide(deck, clip(title, 70), notes)
        _grid(slide, grid, page)
        text_box(slide, (MARGIN, Inches(6.9), WIDTH - 2 * MARGIN, Inches(0.5)), [legend], 11)


def _grid(slide: Any, grid: Matrix, page: Page) -> None:
    count = len(grid.functions)
    size = 12 if count <= 10 else 10 if count <= 18 else 8
    width = WIDTH - 2 * MARGIN
    name_share = 0.34 if count <= 10 else 0.26
    rest = (1 - name_share - 0.07) / max(count, 1)
    headers = ["Activity", "Effort", *(clip(fid, 10) for fid, _ in grid.functions)]
    widths = [name_share, 0.07, *([rest] * count)]
    body: list[list[str]] = []
    for phase, rows in page:
        if phase is not None:
            body.append([phase, *("" for _ in headers[1:])])
        body += [[clip(row.name, 60), number(row.effort), *("" for _ in row.cells)] for row in rows]
    found = table(slide, (MARGIN, BODY_TOP, width), headers, body, widths, size, row_height=0.31)
    for column in range(1, count + 2):
        fill_cell(
            found.cell(0, column), headers[column], size, HEAD_FILL, INK, bold=True, centre=True
        )
    index = 1
    for phase, rows in page:
        if phase is not None:
            first = found.cell(index, 0)
            first.merge(found.cell(index, count + 1))
            fill_cell(first, phase, size, NAVY, WHITE, bold=True)
            index += 1
        for row in rows:
            _row(found, index, row, size)
            index += 1


def _row(found: Any, index: int, row: MatrixRow, size: float) -> None:
    cell = found.cell
    fill_cell(cell(index, 1), number(row.effort), size, WHITE, INK, centre=True)
    for column, held in enumerate(row.cells, start=2):
        if held.role is None:
            fill_cell(cell(index, column), "", size, WHITE, INK)
            continue
        fill, colour = ROLE_COLOURS[held.role]
        fill_cell(
            cell(index, column), held.label, size, rgb(fill), rgb(colour), bold=True, centre=True
        )


def overview_slides(deck: Presentation, summary: Overview, source: str) -> None:
    command = f"raci export {source} --format xlsx -o matrix.xlsx"
    notes = (
        f"The model has {summary.activities:,} activities: too many for slides. This slide "
        "counts them per phase; the next lists the activities most at risk. The full "
        f"matrix: {command}"
    )
    slide = new_slide(deck, "The matrix, phase by phase", notes)
    rows = [
        [
            p.phase or "Without a phase",
            f"{p.activities:,}",
            number(p.effort),
            f"{p.with_findings:,}",
            p.owner,
        ]
        for p in summary.phases
    ]
    width = WIDTH - 2 * MARGIN
    headers = ["Phase", "Activities", "Effort", "With findings", "Owns the most"]
    table(slide, (MARGIN, BODY_TOP, width), headers, rows[:ROWS], [3, 1.2, 1.2, 1.4, 3], 14)
    text_box(slide, (MARGIN, Inches(6.7), width, Inches(0.6)), [f"Full matrix: {command}"], 12)
    if summary.riskiest:
        slide = new_slide(deck, "The activities most at risk", notes)
        risky = [
            [
                clip(r.name, 60),
                r.phase or "",
                number(r.effort),
                clip(r.owner, 30),
                clip(", ".join(r.issues), 50),
            ]
            for r in summary.riskiest[:ROWS]
        ]
        headers = ["Activity", "Phase", "Effort", "Owner", "Flagged by"]
        table(slide, (MARGIN, BODY_TOP, width), headers, risky, [4, 1.3, 0.8, 2.2, 3], 12)
