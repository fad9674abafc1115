"""What every slide shares: the 16:9 canvas, titles, text boxes, tables and notes.

Slides use the template's "Title Only" layout, so each keeps a real title placeholder
(the outline, accessibility checkers and "reuse slides" all read it), moved and styled
for 16:9.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches, Pt

if TYPE_CHECKING:
    from pptx.presentation import Presentation

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.55)
BODY_TOP = Inches(1.35)
NAVY = RGBColor(0x1F, 0x3A, 0x5F)
INK = RGBColor(0x1B, 0x1B, 0x1B)
MUTED = RGBColor(0x5D, 0x6D, 0x7E)
RULE = RGBColor(0xD5, 0xD8, 0xDC)
HEAD_FILL = RGBColor(0xEE, 0xF1, 0xF4)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
_TITLE_ONLY = 5


def rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.upper())


def new_slide(deck: Presentation, title: str, notes: str, rule: float = 1.2) -> Any:
    """A slide with ``title`` across the top, a rule under it at ``rule`` inches, and
    ``notes`` for the speaker."""
    slide = deck.slides.add_slide(deck.slide_layouts[_TITLE_ONLY])
    shape = slide.shapes.title
    assert shape is not None
    shape.left, shape.top = MARGIN, Inches(0.35)
    shape.width, shape.height = WIDTH - 2 * MARGIN, Inches(0.85)
    frame = shape.text_frame
    frame.text = title
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.LEFT
    style(paragraph.runs[0], 28, bold=True, colour=NAVY)
    line = slide.shapes.add_connector(1, MARGIN, Inches(rule), WIDTH - MARGIN, Inches(rule))
    line.line.color.rgb = NAVY
    line.line.width = Pt(1.5)
    slide.notes_slide.notes_text_frame.text = notes
    return slide


def style(run: Any, size: float, *, bold: bool = False, colour: RGBColor = INK) -> None:
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = colour


def text_box(
    slide: Any,
    box: tuple[Any, Any, Any, Any],
    paragraphs: Sequence[str | tuple[str, float, bool, RGBColor]],
    size: float = 16,
    *,
    bullets: bool = False,
) -> Any:
    """A text box of ``paragraphs`` (plain strings, or (text, size, bold, colour))."""
    shape = slide.shapes.add_textbox(*box)
    frame = shape.text_frame
    frame.word_wrap = True
    for index, item in enumerate(paragraphs):
        text, points, bold, colour = (item, size, False, INK) if isinstance(item, str) else item
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = ("•  " if bullets else "") + text
        style(run, points, bold=bold, colour=colour)
        paragraph.space_after = Pt(6)
    return shape


def table(
    slide: Any,
    box: tuple[Any, Any, Any],
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float] | None = None,
    size: float = 12,
    row_height: float = 0.36,
) -> Any:
    """A native table at (left, top, width); ``widths`` are shares of the width and
    ``row_height`` the height of a row, in inches."""
    left, top, width = box
    height = Inches(row_height) * (len(rows) + 1)
    shape = slide.shapes.add_table(len(rows) + 1, len(headers), left, top, width, height)
    grid = shape.table
    grid.first_row = True
    grid.horz_banding = False
    shares = widths or [1 / len(headers)] * len(headers)
    total = sum(shares)
    for index, share in enumerate(shares):
        grid.columns[index].width = int(width * share / total)
    for column, header in enumerate(headers):
        fill_cell(grid.cell(0, column), header, size, HEAD_FILL, INK, bold=True)
    for row_index, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            fill_cell(grid.cell(row_index, column), value, size, WHITE, INK)
    return grid


def fill_cell(
    cell: Any,
    text: str,
    size: float,
    fill: RGBColor,
    colour: RGBColor,
    *,
    bold: bool = False,
    centre: bool = False,
) -> None:
    cell.fill.solid()
    cell.fill.fore_color.rgb = fill
    cell.margin_left = cell.margin_right = Inches(0.06)
    cell.margin_top = cell.margin_bottom = Inches(0.03)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame = cell.text_frame
    frame.text = text
    paragraph = frame.paragraphs[0]
    if centre:
        paragraph.alignment = PP_ALIGN.CENTER
    for run in paragraph.runs:
        style(run, size, bold=bold, colour=colour)


def widths_for(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[float]:
    """Column shares from the longest text in each column (between 11 and 40 characters)."""
    return [
        min(40, max(11, len(header), *(len(row[index]) for row in rows if index < len(row))))
        for index, header in enumerate(headers)
    ]


def chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[start : start + size] for start in range(0, len(items), size)] or [items]


def clip(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"
