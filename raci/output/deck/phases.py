"""The deck's phase slides, for a phased model: the phases side by side (who is A and R
in each phase, handovers marked) and the load of each function in each phase against
that phase's capacity, with the concentration of accountability per phase."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pptx.util import Inches

from raci.core.words import plural
from raci.output.deck.base import (
    BODY_TOP,
    MARGIN,
    MUTED,
    NAVY,
    WIDTH,
    chunks,
    clip,
    fill_cell,
    new_slide,
    rgb,
    table,
    text_box,
    widths_for,
)
from raci.output.deck.charts import Bar, band_legend, load_chart, scale_top
from raci.output.palette import HANDOVER_COLOURS
from raci.output.report.fmt import number
from raci.output.timeline import HANDOVER, cell
from raci.report.bands import band

if TYPE_CHECKING:
    from pptx.presentation import Presentation

    from raci.core.phase_metrics import PhaseLoad, PhaseMetrics
    from raci.phases.timeline import Row
    from raci.report.data import Phases

ROWS = 15
"""Activities per slide, as in the matrix slides."""
CHARTS = 3
"""Phase charts side by side on one slide."""
LISTED = 10
"""Handovers named in the notes, at most."""
_FULL = WIDTH - 2 * MARGIN


def side_by_side_slides(
    deck: Presentation, phases: Phases, names: dict[str, str], summarised: bool
) -> None:
    """One row per activity, one column per phase: who is A and R there; a handover
    cell is marked ``→`` and shaded. Above the deck's matrix limit (``summarised``),
    only the activities that change hands."""
    timeline = phases.timeline
    rows = timeline.rows
    moving = [row for row in rows if any(s.handover for s in row.stages.values())]
    if summarised:
        rows = moving[:ROWS]  # one slide: the full table is `raci matrix`'s
    handovers = [
        f"{row.name} ({_held_before(row, phase)} → {', '.join(stage.owners) or 'nobody'} "
        f"in {phase})"
        for row in moving
        for phase, stage in row.stages.items()
        if stage.handover
    ]
    key = ", ".join(f"{fid} = {name}" for fid, name in names.items() if name != fid)
    notes = (
        f"The programme runs in {plural(len(timeline.phases), 'phase')} "
        f"({', '.join(timeline.phases)}). Each row is an activity, each column a phase. "
        f"{phases.legend} "
    )
    if handovers:
        notes += (
            f"Ownership changes hands {_times(len(handovers))}: "
            + "; ".join(handovers[:LISTED])
            + (f"; and {len(handovers) - LISTED} more" if len(handovers) > LISTED else "")
            + ". Tell the sponsor that each handover is a moment where work can drop: "
            "ask who briefs whom, and whether the new owner holds R or C in the phase "
            "before."
        )
    else:
        notes += (
            "No activity changes owner from one phase to the next: tell the sponsor that "
            "ownership is stable across the programme."
        )
    if summarised:
        notes += (
            f" The model is too large to list every activity: this slide shows {len(rows)} of "
            f"the {len(moving)} that change hands; `raci matrix` has them all."
        )
    notes += f" Functions: {key}." if key else ""
    headers = ["Activity", *timeline.phases]
    body = [
        [clip(row.name, 60), *(cell(row.stages.get(p)) for p in timeline.phases)] for row in rows
    ]
    parts = chunks(body, ROWS)
    size = 12 if len(timeline.phases) <= 4 else 10
    widths = widths_for(headers, body)
    for index, part in enumerate(parts):
        title = "Where ownership changes hands" if summarised else "The phases side by side"
        if len(parts) > 1:
            title += f" ({index + 1} of {len(parts)})"
        slide = new_slide(deck, title, notes)
        if not part:
            text_box(slide, (MARGIN, BODY_TOP, _FULL, Inches(1)), ["No activity changes owner."])
            continue
        found = table(slide, (MARGIN, BODY_TOP, _FULL), headers, part, widths, size, 0.31)
        fill, colour = HANDOVER_COLOURS
        for row_index, values in enumerate(part, start=1):
            for column, value in enumerate(values[1:], start=1):
                if value.startswith(HANDOVER):
                    fill_cell(found.cell(row_index, column), value, size, rgb(fill), rgb(colour))
        text_box(slide, (MARGIN, Inches(6.9), _FULL, Inches(0.5)), [phases.legend], 11)


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _held_before(row: Row, phase: str) -> str:
    """The owners of ``row`` in the phase shown before ``phase``."""
    stages = list(row.stages)
    position = stages.index(phase)
    return ", ".join(row.stages[stages[position - 1]].owners) or "nobody" if position else ""


def phase_bars(phase: PhaseMetrics) -> list[Bar]:
    """The functions that carry load in the phase or have a capacity for it, file order."""
    return [
        Bar(row.id, row.load, row.capacity, band(row))
        for row in phase.functions
        if row.load > 0 or row.capacity is not None
    ]


def phase_load_slides(deck: Presentation, phases: Phases, names: dict[str, str]) -> None:
    """One native load chart per phase, :data:`CHARTS` to a slide, each headed by the
    phase's activities and HHI of accountability."""
    found = phases.load
    over = [(phase.phase, row) for phase in found for row in phase.functions if row.over]
    title = "Load per phase"
    functions = list(dict.fromkeys(row.id for _, row in over))
    if len(functions) == 1:
        when = clip(" and ".join(dict.fromkeys(phase for phase, _ in over)), 25)
        title = f"{clip(names.get(functions[0], functions[0]), 30)} is over capacity in {when}"
    elif functions:
        title = f"Load per phase: {len(functions)} functions over capacity"
    notes = _load_notes(found, over, names)
    groups = chunks(found, CHARTS)
    top = scale_top(bar for phase in found for bar in phase_bars(phase))
    gap = Inches(0.3)
    for index, group in enumerate(groups):
        heading = clip(title, 56) + (f" ({index + 1} of {len(groups)})" if len(groups) > 1 else "")
        slide = new_slide(deck, heading, notes)
        width = int((_FULL - gap * (CHARTS - 1)) / CHARTS) if len(found) > 1 else _FULL
        shown: list[Bar] = []
        for position, phase in enumerate(group):
            left = MARGIN + position * (width + gap)
            text_box(
                slide,
                (left, BODY_TOP, width, Inches(0.7)),
                [
                    (clip(phase.phase, 26), 16, True, NAVY),
                    (
                        f"{plural(phase.activities, 'activity')} · HHI {phase.hhi:.3f}",
                        12,
                        False,
                        MUTED,
                    ),
                ],
            )
            bars = phase_bars(phase)
            shown += bars
            box = (left, BODY_TOP + Inches(0.75), width, Inches(4.5))
            load_chart(slide, box, bars, size=10, top=top)
        band_legend(slide, shown)


def _load_notes(
    found: list[PhaseMetrics], over: list[tuple[str, PhaseLoad]], names: dict[str, str]
) -> str:
    parts = []
    for phase in found:
        held = sorted(phase_bars(phase), key=lambda bar: -bar.load)[:4]
        figures = ", ".join(
            f"{names.get(bar.label, bar.label)} {number(bar.load)}"
            + (f" of {number(bar.capacity)}" if bar.capacity is not None else "")
            for bar in held
        )
        owners = 1 / phase.hhi if phase.hhi else 0
        parts.append(
            f"In {phase.phase} ({plural(phase.activities, 'activity')}): {figures or 'no load'}; "
            f"accountability HHI {phase.hhi:.3f}, as if {owners:.1f} functions owned it "
            "in equal shares."
        )
    text = (
        "One chart per phase: each column is the effort a function carries in that phase, "
        "the black dash the capacity given for the phase (a capacity given for the whole "
        "programme is not split by phase, so its column is grey). " + " ".join(parts)
    )
    if over:
        spots = "; ".join(
            f"{names.get(row.id, row.id)} in {phase}: {number(row.load)} against "
            f"{number(row.capacity or 0)}"
            for phase, row in over
        )
        text += (
            f" Over capacity: {spots}. Tell the sponsor the pressure is in those phases, "
            "not spread over the year: ask for help there, or move work to a phase with room."
        )
    else:
        text += " No function is over the capacity given for a phase."
    near = [
        f"{names.get(row.id, row.id)} in {phase.phase} ({row.utilisation:.0%})"
        for phase in found
        for row in phase.functions
        if band(row) == "near"
    ]
    if near:
        text += f" Close to the limit: {', '.join(near)}; tell the sponsor there is no slack there."
    return text
