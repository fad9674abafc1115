"""What the renderers share: numbers, rich tables that fit a terminal, GFM cells, CSV."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from rich.console import RenderableType

from raci import __version__
from raci.core.words import number as number
from raci.core.words import percent as percent
from raci.output.escape import csv_text, json_text, markdown_cell, terminal

WIDE = 10_000
"""Console width for rendering: wide enough that rich never wraps or squeezes a table."""


def rounded(value: Any) -> Any:
    """Floats rounded to 6 decimals, recursively: machine output without float noise."""
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {key: rounded(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [rounded(item) for item in value]
    return value


def to_json(document: dict[str, Any]) -> str:
    """``document`` with the tool header, as indented JSON."""
    data = {"tool": {"name": "raci", "version": __version__}, **rounded(document)}
    return json_text(data)


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV text; cells a spreadsheet would evaluate are protected (see escape.csv_cell)."""
    return csv_text([header, *rows])


def md(text: str) -> str:
    """``text`` as literal content of a GFM table cell (no markup, no broken table)."""
    return markdown_cell(text)


def md_table(header: Sequence[str], align: str, rows: Iterable[Sequence[str]]) -> str:
    """A GFM table; ``align`` has one character per column: ``l``, ``r`` or ``c``.

    Cells are used as given: escape literal text with :func:`md` first.
    """
    rules = {"l": ":---", "r": "---:", "c": ":---:"}
    lines = [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join(rules[kind] for kind in align) + " |",
    ]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines) + "\n"


def render_rich(parts: Iterable[RenderableType], color: bool) -> str:
    """Renderables as text ending in one newline: ANSI colour when ``color``, plain
    otherwise; never wrapped, no trailing spaces."""
    from rich.console import Console

    console = Console(
        width=WIDE,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        soft_wrap=False,
        emoji=False,
        markup=False,
    )
    with console.capture() as captured:
        for part in parts:
            console.print(part)
    return "\n".join(line.rstrip() for line in captured.get().split("\n")).rstrip("\n") + "\n"


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a :func:`grid`."""

    header: str
    justify: Literal["left", "right", "center"] = "left"
    style: str = ""
    """rich style of every cell in the column (a cell may bring its own)."""
    shrink: bool = False
    """On a terminal too narrow for the grid, this column's text is cut with an ellipsis."""


Segments = tuple[tuple[str, str], ...]
Cell = str | tuple[str, str] | Segments
"""A cell's text, or (text, rich style), or a tuple of such (text, style) segments."""


def grid(
    columns: Sequence[Column],
    sections: Sequence[Sequence[Sequence[Cell]]],
    *,
    color: bool = False,
    width: int | None = None,
    gap: int = 1,
    minimum: int = 12,
) -> list[str]:
    """A table as lines: bold headers, a rule, then the sections of rows, a blank line
    between sections. Linear in the number of cells (rich's Table is far too slow for a
    matrix of 10,000 activities), with rich doing the styling and the cell widths.

    ``width`` is the terminal's: the ``shrink`` columns give up width to fit it, never
    below ``minimum``; every other column keeps its full width, so a grid wider than
    the terminal stays wider rather than squeezed. ``None`` keeps every cell whole.
    """
    from rich.cells import cell_len

    rows = [[_measure(cell, cell_len) for cell in row] for section in sections for row in section]
    headers = [terminal(column.header) for column in columns]  # a phase's name, say
    natural = [cell_len(header) for header in headers]
    for row in rows:
        for index, (_, _, size) in enumerate(row):
            if size > natural[index]:
                natural[index] = size
    widths = _fitted(columns, natural, width, gap, minimum)
    paint = _painter(color)
    spacer = " " * gap
    layout = list(zip(columns, widths, natural, strict=True))

    def line(cells: Sequence[tuple[str | Segments, str, int]], bold: bool = False) -> str:
        out = []
        for (text, style, size), (column, room, full) in zip(cells, layout, strict=True):
            if not text:
                out.append(" " * room)
                continue
            base = " ".join(filter(None, ("bold" if bold else "", column.style)))
            if isinstance(text, tuple):  # segments are never truncated
                shown = "".join(paint(part, f"{base} {look}".strip()) for part, look in text)
            else:
                if room < full and size > room:
                    text, size = _truncate(text, room), room
                shown = paint(text, f"{base} {style}".strip())
            padding = room - size
            left = 0 if column.justify == "left" else padding
            if column.justify == "center":
                left = padding // 2
            out.append(" " * left + shown + " " * (padding - left))
        return spacer.join(out).rstrip()

    lines = [line([(header, "", cell_len(header)) for header in headers], True)]
    lines.append("─" * (sum(widths) + gap * (len(widths) - 1)))
    position = 0
    for number_, section in enumerate(sections):
        if number_:
            lines.append("")
        for _ in section:
            lines.append(line(rows[position]))
            position += 1
    return lines


def _fitted(
    columns: Sequence[Column], natural: list[int], width: int | None, gap: int, minimum: int
) -> list[int]:
    """Column widths: the natural ones, the ``shrink`` columns giving up what the
    terminal's ``width`` lacks (never below ``minimum``)."""
    widths = list(natural)
    if width is not None:
        excess = sum(widths) + gap * (len(widths) - 1) - width
        for index, column in enumerate(columns):
            if excess > 0 and column.shrink and widths[index] > minimum:
                cut = min(excess, widths[index] - minimum)
                widths[index] -= cut
                excess -= cut
    return widths


def _measure(cell: Cell, cell_len: Callable[[str], int]) -> tuple[str | Segments, str, int]:
    """(text or segments, style, width on screen) of a cell."""
    if isinstance(cell, str):
        cell = terminal(cell)
        return cell, "", cell_len(cell)
    if cell and isinstance(cell[0], tuple):
        segments: Segments = tuple(
            (terminal(part[0]), part[1]) for part in cell if isinstance(part, tuple) and part[0]
        )
        return segments, "", sum(cell_len(part) for part, _ in segments)
    text, style = cell
    assert isinstance(text, str)
    assert isinstance(style, str)
    text = terminal(text)
    return text, style, cell_len(text)


def _truncate(text: str, size: int) -> str:
    from rich.cells import set_cell_size

    return set_cell_size(text, size - 1) + "…"


def _painter(color: bool) -> Callable[[str, str], str]:
    """``paint(text, style)``: ANSI-styled text when ``color``, else the text itself."""
    if not color:
        return lambda text, style: text
    from rich.color import ColorSystem
    from rich.style import Style

    cache: dict[str, Style] = {}

    def paint(text: str, style: str) -> str:
        if not style or not text:
            return text
        if style not in cache:
            cache[style] = Style.parse(style)
        return cache[style].render(text, color_system=ColorSystem.STANDARD)

    return paint


def rule_width(text: str) -> int:
    """The width of the first table in ``text``: the rule under its header (never
    styled, and as wide as the table); the titles above it may wrap."""
    from rich.cells import cell_len

    return next((cell_len(line) for line in text.splitlines() if line.startswith("─")), 0)


def wrapped(lines: Iterable[str], width: int | None, indent: str = "") -> list[str]:
    """Each line wrapped to a terminal's ``width`` (continuations indented by ``indent``),
    between words; unchanged where there is no width (a file, a pipe)."""
    if width is None:
        return list(lines)
    import textwrap

    found: list[str] = []
    for line in lines:
        found += textwrap.wrap(line, width, subsequent_indent=indent, break_on_hyphens=False) or [
            ""
        ]
    return found


def styled(text: str, style: str, color: bool) -> str:
    """One line of text in a rich style (when ``color``), control characters escaped."""
    return _painter(color)(terminal(text), style)
