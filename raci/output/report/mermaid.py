"""Mermaid diagrams that GitHub and GitLab render: bars, a pie and a flowchart.

Node ids are generated (``f0``, ``f1``...) so no function id can collide with a mermaid
keyword (``end``, ``graph``...); user text only ever appears inside quoted labels, with
the characters mermaid would interpret written as entity codes. Every diagram stays
within mermaid's default limits (500 edges, 50,000 characters), or GitHub shows an
error instead of it: the flowchart keeps the strongest links and counts the rest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from raci.output.escape import mermaid, terminal
from raci.output.palette import NODE_COLOURS, css
from raci.output.report.fmt import number

if TYPE_CHECKING:
    from raci.core.metrics import FunctionMetrics
    from raci.report.data import Collaboration

_BRIDGE = NODE_COLOURS["bridge"]
BRIDGE_STYLE = f"fill:{css(_BRIDGE[0])},stroke:{css(_BRIDGE[1])},stroke-width:2px"
MAX_EDGES = 60
"""Links drawn at most: far below mermaid's 500, because a flowchart of more is unreadable."""
MAX_TEXT = 40_000
"""Characters per diagram at most, well within mermaid's default 50,000."""
MAX_BARS = 40
MAX_SLICES = 8


def label(text: str, most: int = 40) -> str:
    """``text`` as a quoted mermaid label, on one line, cut to ``most`` characters."""
    flat = " ".join(text.split())
    if len(flat) > most:
        flat = flat[: most - 1].rstrip() + "…"
    return '"' + mermaid(flat) + '"'


def _axis_text(text: str) -> str:
    """A quoted xychart string: the grammar allows no escapes, so quotes become primes."""
    return '"' + terminal(" ".join(text.split())).replace('"', "'") + '"'


def load_chart(load: list[FunctionMetrics]) -> str:
    """``xychart-beta`` bars of the effort each function carries (the most loaded
    ``MAX_BARS``), with a capacity line when every function shown has a capacity."""
    shown = load[:MAX_BARS]
    values = [function.load for function in shown]
    top = max([*values, *(f.capacity or 0 for f in shown)], default=0)
    line = bool(shown) and all(function.capacity for function in shown)
    title = "Load (bars) against capacity (line)" if line else "Load per function"
    lines = [
        "xychart-beta",
        f"    title {_axis_text(title + ', effort units')}",
        "    x-axis [" + ", ".join(_axis_text(function.id[:20]) for function in shown) + "]",
        f"    y-axis {_axis_text('Effort units')} 0 --> {max(1, math.ceil(top))}",
        "    bar [" + ", ".join(number(value) for value in values) + "]",
    ]
    if line:
        lines.append("    line [" + ", ".join(number(f.capacity or 0) for f in shown) + "]")
    return "\n".join(lines)


def share_pie(load: list[FunctionMetrics], owner_word: str) -> str | None:
    """A ``pie`` of who is accountable for how many activities; None when nobody is."""
    owners = sorted((f for f in load if f.accountable), key=lambda f: -f.accountable)
    if not owners:
        return None
    lines = ["pie showData", f"    title Activities each function is {owner_word} for"]
    for function in owners[:MAX_SLICES]:
        lines.append(f"    {label(function.name)} : {function.accountable}")
    rest = sum(f.accountable for f in owners[MAX_SLICES:])
    if rest:
        lines.append(f'    "{len(owners) - MAX_SLICES} other functions" : {rest}')
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Flowchart:
    text: str
    links_left_out: int


def collaboration_chart(collaboration: Collaboration, most: int = MAX_EDGES) -> Flowchart:
    """A ``flowchart`` of the strongest ``most`` links between functions (and the
    functions they join, plus bridges); how many links it leaves out."""
    order = {fid: index for index, (fid, _) in enumerate(collaboration.functions)}
    ranked = sorted(
        collaboration.edges, key=lambda edge: (-edge[2], order[edge[0]], order[edge[1]])
    )
    while True:
        kept = ranked[:most]
        text = _flowchart(collaboration, kept)
        if len(text) <= MAX_TEXT or most <= 1:
            return Flowchart(text, len(ranked) - len(kept))
        most //= 2


def _flowchart(collaboration: Collaboration, edges: list[tuple[str, str, int]]) -> str:
    everyone = len(edges) == len(collaboration.edges)
    joined = {fid for left, right, _ in edges for fid in (left, right)}
    joined.update(collaboration.bridges)
    ids = {fid: f"f{index}" for index, (fid, _) in enumerate(collaboration.functions)}
    lines = ["flowchart LR"]
    for fid, name in collaboration.functions:
        if everyone or fid in joined:
            lines.append(f"    {ids[fid]}[{label(name)}]")
    for left, right, weight in edges:
        lines.append(f'    {ids[left]} ---|"{weight}"| {ids[right]}')
    if collaboration.bridges:
        lines.append(f"    classDef bridge {BRIDGE_STYLE}")
        lines.append("    class " + ",".join(ids[fid] for fid in collaboration.bridges) + " bridge")
    return "\n".join(lines)
