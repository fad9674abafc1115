"""The deck's slides besides the matrix: title, at a glance, load, concentration,
what-if, contributed sections (the rebalance proposal) and the findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Inches, Pt

from raci.output.deck.base import (
    BODY_TOP,
    INK,
    MARGIN,
    MUTED,
    NAVY,
    RULE,
    WHITE,
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
from raci.output.deck.charts import band_legend, function_bars, load_chart, share_chart
from raci.output.palette import SEVERITY_COLOURS
from raci.output.report.fmt import number
from raci.report.bands import band
from raci.report.data import Table

if TYPE_CHECKING:
    from pptx.presentation import Presentation

    from raci.report.data import ReportData, Section

_STATUS = {"pass": "1E8449", "warn": "D68910", "fail": "B03A2E"}
_FULL = WIDTH - 2 * MARGIN
ROWS = 10


def title_slide(deck: Presentation, data: ReportData) -> None:
    verdict = data.verdict
    notes = (
        f"{verdict.lead} The linter's verdict: the model {verdict.headline} "
        f"({verdict.detail}) Source: {data.source}, {data.date}."
    )
    slide = new_slide(deck, data.title, notes, rule=2.55)
    slide.shapes.title.top = Inches(1.0)
    slide.shapes.title.height = Inches(1.45)
    for run in slide.shapes.title.text_frame.paragraphs[0].runs:
        run.font.size = Pt(36)
    text_box(
        slide,
        (MARGIN, Inches(0.45), _FULL, Inches(0.5)),
        [(f"Ownership review · {data.date}", 16, False, MUTED)],
    )
    colour = _STATUS[verdict.status]
    band_shape = slide.shapes.add_shape(
        MSO_SHAPE.RECTANGLE, MARGIN, Inches(3.0), Inches(0.18), Inches(1.5)
    )
    band_shape.fill.solid()
    band_shape.fill.fore_color.rgb = rgb(colour)
    band_shape.line.fill.background()
    text_box(
        slide,
        (MARGIN + Inches(0.35), Inches(2.95), _FULL - Inches(0.4), Inches(2.3)),
        [
            (verdict.lead, 26, True, INK),
            (f"Lint verdict: {verdict.headline}. {verdict.detail}", 16, False, MUTED),
        ],
    )
    if data.description:
        text_box(
            slide,
            (MARGIN, Inches(5.6), _FULL, Inches(1.2)),
            [(clip(" ".join(data.description.split()), 300), 14, False, MUTED)],
        )


def glance_slide(deck: Presentation, data: ReportData) -> None:
    notes = " ".join(f"{m.label}: {m.value}. {m.meaning}" for m in data.measures)
    slide = new_slide(deck, "At a glance", notes)
    count = max(len(data.measures), 1)
    gap = Inches(0.2)
    width = int((_FULL - gap * (count - 1)) / count)
    for index, measure in enumerate(data.measures):
        left = MARGIN + index * (width + gap)
        tile = slide.shapes.add_shape(
            MSO_SHAPE.ROUNDED_RECTANGLE, left, BODY_TOP, width, Inches(2.75)
        )
        tile.fill.solid()
        tile.fill.fore_color.rgb = WHITE
        tile.line.color.rgb = RULE
        tile.adjustments[0] = 0.06
        text_box(
            slide,
            (left + Inches(0.08), BODY_TOP + Inches(0.02), width - Inches(0.16), Inches(2.7)),
            [
                (measure.value, 30, True, NAVY),
                (measure.label, 14, True, INK),
                (measure.meaning, 11, False, MUTED),
            ],
        )
    if data.verdict.points:
        text_box(
            slide,
            (MARGIN, Inches(4.3), _FULL, Inches(3.0)),
            [
                ("Key findings", 18, True, NAVY),
                *((f"•  {point}", 15, False, INK) for point in data.verdict.points),
            ],
        )


def load_slide(deck: Presentation, data: ReportData) -> None:
    over = [f for f in data.load if band(f) == "over"]
    figures = "; ".join(
        f"{f.name}: {number(f.load)}"
        + (f" of {number(f.capacity)} ({f.utilisation:.0%})" if f.capacity else "")
        for f in data.load
    )
    notes = (
        "Each column is the effort a function carries: an activity's effort is shared "
        "equally among the functions doing the work. The black dash is the function's "
        "capacity; a column above its dash is over capacity. Colours: green within "
        "capacity, amber near it (85% to 100%), red over it, grey no capacity set. "
        f"Figures: {figures}."
    )
    title = "Load against capacity"
    if over:
        title = (
            f"{over[0].name} is over capacity"
            if len(over) == 1
            else (f"{len(over)} functions are over capacity")
        )
    slide = new_slide(deck, title, notes)
    bars = function_bars(data.load)
    load_chart(slide, (MARGIN, BODY_TOP, _FULL, Inches(5.2)), bars)
    band_legend(slide, bars)


def concentration_slide(deck: Presentation, data: ReportData) -> None:
    word = next((x.word for x in data.matrix.letters if x.role == "owner"), "Accountable")
    summary = data.summary
    owner = max(data.load, key=lambda f: f.accountable, default=None)
    lines = [
        (f"{summary.effective_owners:.1f} effective owners", 24, True, NAVY),
        (
            f"Accountability is as concentrated as if {summary.effective_owners:.1f} of the "
            f"{summary.functions} functions owned everything in equal shares "
            f"(HHI {summary.hhi:.2f}; above 0.25 counts as concentrated).",
            15,
            False,
            INK,
        ),
    ]
    if owner is not None and owner.accountable:
        lines.append(
            (
                f"{owner.name} is {word} for {owner.accountable} of "
                f"{summary.activities} activities ({owner.accountable_share:.0%}).",
                15,
                False,
                INK,
            )
        )
    notes = (
        f"Bars: for how many activities each function is {word}, the one function that owns "
        "the outcome and signs it off. The Herfindahl-Hirschman index (HHI) sums the "
        "squares of each function's share; its inverse is the effective number of owners. "
        + " ".join(text for text, *_ in lines)
    )
    slide = new_slide(deck, "Who is accountable: concentration", notes)
    share_chart(slide, (MARGIN, BODY_TOP, Inches(7.6), Inches(5.6)), data.load, word)
    text_box(slide, (Inches(8.4), Inches(1.8), Inches(4.4), Inches(4.5)), lines)


def what_if_slide(deck: Presentation, data: ReportData) -> None:
    view = data.what_if
    if view is None:
        return
    names = dict(data.matrix.functions)
    notes = f"{view.lead()} {view.outcome()} " + " ".join(view.new_findings)
    slide = new_slide(deck, f"What if {view.name} steps back?", notes)
    text_box(
        slide,
        (MARGIN, BODY_TOP, _FULL, Inches(1.0)),
        [(view.lead(), 16, False, INK), (view.outcome(), 16, True, INK)],
    )
    if view.orphaned:
        rows = [
            [
                clip(o.name, 60),
                ", ".join(o.missing),
                clip(", ".join(names.get(fid, fid) for fid in o.candidates), 70) or "nobody",
            ]
            for o in view.orphaned[:10]
        ]
        if len(view.orphaned) > 10:
            rows.append([f"and {len(view.orphaned) - 10} more activities", "", ""])
        table(
            slide,
            (MARGIN, Inches(2.85), _FULL),
            ["Activity", "Loses its only", "Could take over"],
            rows,
            [4, 3, 4],
            12,
        )


def section_slides(deck: Presentation, data: ReportData, section: Section) -> None:
    """A contributed section (the rebalance proposal): its paragraphs with its small
    tables (before / after) on one slide, then each large table across slides."""
    names = {row.id: row.name for group in data.matrix.groups for row in group.rows}
    names.update(data.matrix.functions)
    paragraphs = [b.text for b in section.blocks if not isinstance(b, Table)]
    tables = [b for b in section.blocks if isinstance(b, Table)]
    small = [t for t in tables if len(t.rows) <= 4 and len(t.headers) <= 4]
    large = [t for t in tables if t not in small]
    notes = " ".join(paragraphs)
    slide = new_slide(deck, section.title, notes)
    text_box(slide, (MARGIN, BODY_TOP, Inches(6.6), Inches(4.5)), paragraphs, 18)
    top: int = BODY_TOP
    for block in small:
        rows = [[names.get(cell, cell) for cell in row] for row in block.rows]
        table(slide, (Inches(7.6), top, Inches(5.2)), block.headers, rows, [2, 1, 1], 18, 0.5)
        top += Inches(0.5) * (len(rows) + 1) + Inches(0.3)
    for order, block in enumerate(large):
        rows = [[clip(names.get(cell, cell), 60) for cell in row] for row in block.rows]
        parts = chunks(rows, ROWS)
        widths = widths_for(block.headers, rows)
        for index, part in enumerate(parts):
            # the moves first, then the load per function before and after the plan
            title = f"{section.title}: {'the changes' if not order else 'before and after'}"
            if len(parts) > 1:
                title += f" ({index + 1} of {len(parts)})"
            page = new_slide(deck, title, notes)
            table(page, (MARGIN, BODY_TOP, _FULL), block.headers, part, widths, 12, 0.42)


def findings_slide(deck: Presentation, data: ReportData) -> None:
    groups = data.finding_groups
    notes = (
        "Every rule that flags something, with how many findings and what they are about. "
        "The HTML report's appendix lists each finding with its place in the file."
    )
    slide = new_slide(deck, "Findings", notes)
    if not groups:
        text_box(slide, (MARGIN, BODY_TOP, _FULL, Inches(1)), ["No findings: every rule passes."])
        return
    rows = []
    for group in groups[:ROWS]:
        about = "; ".join(group.subjects[:4])
        if len(group.subjects) > 4:
            about += f"; and {len(group.subjects) - 4} more"
        if group.functions:
            about = "; ".join(f"{n} ({c})" for n, c in group.functions) + ": " + about
        rows.append(
            [group.severity, clip(group.title, 90), str(len(group.subjects)), clip(about, 150)]
        )
    found = table(
        slide,
        (MARGIN, BODY_TOP, _FULL),
        ["Level", "Finding", "Count", "About"],
        rows,
        [1, 4.2, 0.8, 6],
        12,
    )
    for index, group in enumerate(groups[:ROWS], start=1):
        fill, colour = SEVERITY_COLOURS[group.severity]
        fill_cell(found.cell(index, 0), group.severity, 12, rgb(fill), rgb(colour), bold=True)
