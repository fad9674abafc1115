"""Charts drawn as inline SVG, so the HTML report needs no script and no network.

Every piece of user text goes through :func:`html.escape`; sizes are fixed numbers so
a chart looks the same on screen and on paper.
"""

from __future__ import annotations

import math
from html import escape
from typing import TYPE_CHECKING

from raci.output.palette import NODE_COLOURS, ROLE_COLOURS, css
from raci.output.report.fmt import number

if TYPE_CHECKING:
    from raci.core.metrics import FunctionMetrics
    from raci.report.data import Collaboration

_FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def _svg(width: float, height: float, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" {_FONT}>'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def load_bars(load: list[FunctionMetrics]) -> str:
    """Horizontal bars of the effort each function carries; a dashed mark at its capacity."""
    label, area, row = 170.0, 440.0, 26.0
    top = max([1.0, *(f.load for f in load), *(f.capacity or 0 for f in load)])
    scale = area / top
    fill = "#" + ROLE_COLOURS["worker"][0]
    body: list[str] = []
    for index, function in enumerate(load):
        y = 10 + index * row
        width = function.load * scale
        name = escape(function.id)
        body.append(
            f'<text x="{label - 8:.0f}" y="{y + 16:.0f}" text-anchor="end">{name}</text>'
            f'<rect x="{label:.0f}" y="{y + 3:.0f}" width="{width:.1f}" height="{row - 8:.0f}" '
            f'fill="{fill}"><title>{escape(function.name)}: {number(function.load)}</title></rect>'
            f'<text x="{label + width + 6:.1f}" y="{y + 16:.0f}">{number(function.load)}</text>'
        )
        if function.capacity:
            x = label + function.capacity * scale
            body.append(
                f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y:.0f}" y2="{y + row - 2:.0f}" '
                'stroke="#1b1b1b" stroke-width="2" stroke-dasharray="3 2">'
                f"<title>capacity {number(function.capacity)}</title></line>"
            )
    height = 20 + len(load) * row
    body.append(
        f'<line x1="{label:.0f}" x2="{label:.0f}" y1="6" y2="{height - 6:.0f}" stroke="#555"/>'
    )
    return _svg(label + area + 60, height, "Load per function (effort units)", body)


def collaboration(graph: Collaboration) -> str:
    """Functions on a circle, linked by how many activities they share; bridges in red."""
    count = len(graph.functions)
    # one size for every node, wide enough for the longest id shown (12 characters)
    widest = max((max(24.0, 3.6 * len(fid[:12]) + 10) for fid, _ in graph.functions), default=24)
    radius = 0.0 if count == 1 else max(130.0, (2 * widest + 12) * count / (2 * math.pi))
    centre = radius + widest + 12
    places: dict[str, tuple[float, float]] = {}
    for index, (fid, _) in enumerate(graph.functions):
        angle = 2 * math.pi * index / max(count, 1) - math.pi / 2
        places[fid] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    heaviest = max((weight for _, _, weight in graph.edges), default=1)
    body: list[str] = []
    for left, right, weight in graph.edges:
        (x1, y1), (x2, y2) = places[left], places[right]
        width = 1 + 4 * weight / heaviest
        body.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#7f8c8d" '
            f'stroke-width="{width:.1f}"><title>{escape(left)} and {escape(right)}: {weight} '
            "shared</title></line>"
            f'<text x="{(x1 + x2) / 2:.1f}" y="{(y1 + y2) / 2:.1f}" text-anchor="middle" '
            f'class="edge-label">{weight}</text>'
        )
    bridges = set(graph.bridges)
    for fid, name in graph.functions:
        x, y = places[fid]
        fill, stroke = map(css, NODE_COLOURS["bridge" if fid in bridges else "plain"])
        body.append(
            f'<g><title>{escape(name)}</title><circle cx="{x:.1f}" cy="{y:.1f}" '
            f'r="{widest:.0f}" fill="{fill}" stroke="{stroke}" stroke-width="2"/>'
            f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle">{escape(fid[:12])}</text></g>'
        )
    return _svg(2 * centre, 2 * centre, "Collaboration between functions", body)
