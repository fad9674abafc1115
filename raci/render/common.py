"""What the renderers share: numbers, rich tables that fit a terminal, GFM cells, CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

from raci import __version__

WIDE = 10_000
"""Console width for rendering: wide enough that rich never wraps or squeezes a table."""


def number(value: float) -> str:
    """A load or effort as people write it: ``7``, ``2.5``, ``3.33``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def percent(value: float) -> str:
    return f"{value:.0%}"


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
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


_MARKDOWN_SPECIAL = str.maketrans(
    {
        "\\": "\\\\",
        "|": "\\|",
        "*": "\\*",
        "_": "\\_",
        "`": "\\`",
        "[": "\\[",
        "]": "\\]",
        "<": "&lt;",
        ">": "&gt;",
        "\n": " ",
        "\r": " ",
    }
)


def md(text: str) -> str:
    """``text`` as literal content of a GFM table cell (no markup, no broken table)."""
    return text.translate(_MARKDOWN_SPECIAL)


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


def fit(table: Table, column: int, width: int | None, minimum: int = 12) -> None:
    """Make ``table`` fit ``width`` terminal columns by truncating one column's text with
    an ellipsis (never below ``minimum``); ``None`` keeps every cell whole (files, pipes).

    Every other column keeps its full width: a matrix wider than the terminal stays
    wider than the terminal rather than squeezing function columns into a mess.
    """
    if width is None:
        return
    from rich.console import Console
    from rich.measure import Measurement

    console = Console(width=WIDE)
    natural = Measurement.get(console, console.options, table).maximum
    excess = natural - width
    if excess <= 0:
        return
    target = table.columns[column]
    current = max(
        Measurement.get(console, console.options, cell).maximum
        for cell in [target.header, *target.cells]
    )
    target.max_width = max(minimum, current - excess)
    target.overflow = "ellipsis"
    target.no_wrap = True
