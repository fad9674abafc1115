"""Charts drawn as inline SVG, so the HTML report needs no script and no network.

Hand-written rather than drawn by a charting library: the charts are bars and a grid,
and fixed geometry lets us guarantee what a library does not (labels in their own
column, never on a bar or a capacity mark; one look on screen and on paper). Each chart
is half a printed A4 landscape page wide, so two stand side by side. Every piece of
user text goes through :func:`raci.output.escape.html`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.core.words import labelled
from raci.output.escape import html as escape
from raci.output.palette import BAND_COLOURS, ROLE_COLOURS
from raci.output.report.fmt import number
from raci.report.bands import BAND_WORDS, Band, band

if TYPE_CHECKING:
    from raci.core.metrics import FunctionMetrics

FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12"'
_LABEL, _AREA, _NOTE, _ROW = 178.0, 207.0, 125.0, 22.0
WIDTH = _LABEL + _AREA + _NOTE
_CHAR = 6.6
"""Width of an average character at 12 px, to lay the legend out."""


def svg(width: float, height: float, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" {FONT}>'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def clip(text: str, most: int) -> str:
    """``text`` cut to ``most`` characters with an ellipsis (the full text is a tooltip)."""
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _name(y: float, function: FunctionMetrics) -> str:
    return (
        f'<text x="{_LABEL - 8:.0f}" y="{y + 15:.0f}" text-anchor="end">'
        f"<title>{escape(labelled(function.name, function.id))}</title>"
        f"{escape(clip(function.name, 24))}</text>"
    )


def _legend(items: list[tuple[str, str]]) -> tuple[str, float]:
    """Swatches left to right, wrapping at the chart's width: (svg, height used).
    Each item is (svg element with ``{x}`` and ``{y}`` to place, its words)."""
    parts: list[str] = []
    x, y = 8.0, 14.0
    for mark, words in items:
        width = 26 + _CHAR * len(words)
        if x + width > WIDTH and x > 8:
            x, y = 8.0, y + 18
        parts.append(mark.replace("{x}", f"{x:.0f}").replace("{y}", f"{y - 10:.0f}"))
        parts.append(f'<text x="{x + 18:.0f}" y="{y:.0f}">{escape(words)}</text>')
        x += width + 8
    return "".join(parts), y + 10


def _swatch(colour: str, width: int = 12) -> str:
    return f'<rect x="{{x}}" y="{{y}}" width="{width}" height="12" fill="#{colour}"/>'


def load_bars(load: list[FunctionMetrics]) -> str:
    """Effort carried per function, coloured by capacity band; a black mark at capacity;
    the figures in their own column on the right, so no label ever overlaps a bar."""
    top = max([1.0, *(f.load for f in load), *(f.capacity or 0 for f in load)])
    scale = _AREA / top
    order: tuple[Band, ...] = ("within", "near", "over", "none")
    items = [(_swatch(BAND_COLOURS[b]), BAND_WORDS[b]) for b in order if b in map(band, load)]
    if any(f.capacity for f in load):
        items.append((_swatch("1B1B1B", 3), "capacity"))
    legend, start = _legend(items)
    body = [legend]
    for index, function in enumerate(load):
        y = start + index * _ROW
        width = function.load * scale
        figure = number(function.load)
        if function.capacity:
            figure += f" of {number(function.capacity)} · {function.utilisation:.0%}"
        body.append(
            _name(y, function)
            + f'<rect x="{_LABEL:.0f}" y="{y + 3:.0f}" width="{width:.1f}" height="{_ROW - 6:.0f}"'
            f' fill="#{BAND_COLOURS[band(function)]}"/>'
            f'<text x="{_LABEL + _AREA + 10:.0f}" y="{y + 15:.0f}" class="figure">{figure}</text>'
        )
        if function.capacity:
            x = _LABEL + function.capacity * scale
            body.append(
                f'<rect x="{x - 1.5:.1f}" y="{y:.0f}" width="3" height="{_ROW:.0f}" '
                f'fill="#1b1b1b"><title>capacity {number(function.capacity)}</title></rect>'
            )
    return _frame(body, start, len(load), "Load per function against capacity (effort units)")


def share_bars(load: list[FunctionMetrics], owner_word: str) -> str:
    """Each function's share of accountability, with a dashed line at an even share."""
    fill = ROLE_COLOURS["owner"][0]
    even = 1 / max(len(load), 1)
    legend, start = _legend(
        [
            (_swatch(fill), f"share of activities where it is {owner_word}"),
            (_swatch("555555", 2), f"even share ({even:.0%})"),
        ]
    )
    body = [legend]
    for index, function in enumerate(sorted(load, key=lambda f: -f.accountable)):
        y = start + index * _ROW
        width = function.accountable_share * _AREA
        figure = f"{function.accountable} · {function.accountable_share:.0%}"
        body.append(
            _name(y, function)
            + f'<rect x="{_LABEL:.0f}" y="{y + 3:.0f}" width="{width:.1f}" height="{_ROW - 6:.0f}"'
            f' fill="#{fill}"/>'
            f'<text x="{_LABEL + _AREA + 10:.0f}" y="{y + 15:.0f}" class="figure">{figure}</text>'
        )
    x = _LABEL + even * _AREA
    body.append(
        f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{start - 2:.0f}" y2="{start + len(load) * _ROW:.0f}"'
        ' stroke="#555" stroke-width="1.5" stroke-dasharray="4 3"/>'
    )
    return _frame(body, start, len(load), f"Share of accountability ({owner_word}) per function")


def _frame(body: list[str], start: float, rows: int, title: str) -> str:
    height = start + rows * _ROW + 6
    body.append(
        f'<line x1="{_LABEL:.0f}" x2="{_LABEL:.0f}" y1="{start - 2:.0f}" y2="{height - 4:.0f}" '
        'stroke="#555"/>'
    )
    return svg(WIDTH, height, title, body)
