"""The collaboration view: a function-by-function grid of shared activities.

A node-and-link drawing of 50 functions is a hairball; a grid stays legible from 5 to
50 functions (one row and one column each, the number of shared activities in the
cell, darker for more). Above :data:`MOST` functions the grid keeps the most connected
ones and says how many it leaves out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from raci.core.words import labelled
from raci.output.escape import html as escape
from raci.output.report.svg import clip, svg

if TYPE_CHECKING:
    from raci.report.data import Collaboration

MOST = 50


@dataclass(frozen=True, slots=True)
class Grid:
    functions: list[tuple[str, str]]
    """(id, name) of the rows and columns shown, most connected first."""
    weights: dict[tuple[str, str], int]
    left_out: int
    """Functions not shown."""
    links_left_out: int


def grid(graph: Collaboration, most: int = MOST) -> Grid:
    """The functions to show, most connected first (then in file order)."""
    strength = {fid: 0 for fid, _ in graph.functions}
    weights: dict[tuple[str, str], int] = {}
    for left, right, weight in graph.edges:
        strength[left] += weight
        strength[right] += weight
        weights[left, right] = weights[right, left] = weight
    order = {fid: index for index, (fid, _) in enumerate(graph.functions)}
    ranked = sorted(graph.functions, key=lambda item: (-strength[item[0]], order[item[0]]))
    shown = ranked[:most]
    kept = {fid for fid, _ in shown}
    dropped = sum(1 for left, right, _ in graph.edges if left not in kept or right not in kept)
    return Grid(shown, weights, len(ranked) - len(shown), dropped)


def heatmap(graph: Collaboration) -> tuple[str, Grid]:
    """The grid as SVG, and what it shows."""
    found = grid(graph)
    count = len(found.functions)
    cell = 36.0 if count <= 10 else max(16.0, 400.0 / count)
    label = 220.0
    head = 70.0
    heaviest = max(found.weights.values(), default=1)
    bridges = set(graph.bridges)
    body: list[str] = []
    for index, (fid, name) in enumerate(found.functions):
        y = head + index * cell
        x = label + index * cell
        css = ' class="bridge"' if fid in bridges else ""
        body.append(
            f'<text x="{label - 8:.0f}" y="{y + cell / 2 + 4:.1f}" text-anchor="end"{css}>'
            f"<title>{escape(labelled(name, fid))}</title>{escape(clip(name, 30))}</text>"
            f'<text transform="translate({x + cell / 2 + 4:.1f},{head - 6:.0f}) rotate(-55)"'
            f"{css}><title>{escape(name)}</title>{escape(clip(fid, 12))}</text>"
        )
        for column, (other, other_name) in enumerate(found.functions):
            if other == fid:
                body.append(
                    f'<rect x="{label + column * cell:.1f}" y="{y:.1f}" width="{cell:.1f}" '
                    f'height="{cell:.1f}" fill="#f2f4f4" stroke="#fff"/>'
                )
                continue
            weight = found.weights.get((fid, other), 0)
            share = weight / heaviest
            fill = _blue(share) if weight else "#fbfcfc"
            body.append(
                f'<rect x="{label + column * cell:.1f}" y="{y:.1f}" width="{cell:.1f}" '
                f'height="{cell:.1f}" fill="{fill}" stroke="#fff"><title>{escape(name)} and '
                f"{escape(other_name)}: {weight} shared</title></rect>"
            )
            if weight and cell >= 20:
                colour = "#fff" if share > 0.55 else "#1b1b1b"
                body.append(
                    f'<text x="{label + column * cell + cell / 2:.1f}" y="{y + cell / 2 + 4:.1f}" '
                    f'text-anchor="middle" fill="{colour}">{weight}</text>'
                )
    size = head + count * cell + 8
    return svg(label + count * cell + 40, size, "Activities shared by each pair", body), found


def _blue(share: float) -> str:
    """From a pale to a deep blue as ``share`` goes from 0 to 1."""
    low, high = (0xDC, 0xEB, 0xF7), (0x1F, 0x4E, 0x79)
    mixed = (round(a + (b - a) * (0.15 + 0.85 * share)) for a, b in zip(low, high, strict=True))
    return "#" + "".join(f"{value:02x}" for value in mixed)
