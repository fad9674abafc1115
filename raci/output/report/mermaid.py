"""Mermaid diagrams that GitHub and GitLab render: a bar chart and a flowchart.

Node ids are generated (``f0``, ``f1``...) so no function id can collide with a mermaid
keyword (``end``, ``graph``...); user text only ever appears inside quoted labels, with
the characters mermaid would interpret written as entity codes.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from raci.output.escape import mermaid, terminal
from raci.output.report.fmt import number

if TYPE_CHECKING:
    from raci.core.metrics import FunctionMetrics
    from raci.report.data import Collaboration

BRIDGE_STYLE = "fill:#fde2e1,stroke:#c0392b,stroke-width:2px"


def label(text: str) -> str:
    """``text`` as a quoted mermaid label, on one line."""
    return '"' + mermaid(text) + '"'


def _axis_text(text: str) -> str:
    """A quoted xychart string: the grammar allows no escapes, so quotes become primes."""
    return '"' + terminal(" ".join(text.split())).replace('"', "'") + '"'


def load_chart(load: list[FunctionMetrics]) -> str:
    """``xychart-beta`` bars of the effort each function carries (a capacity line when
    every function has a capacity)."""
    values = [function.load for function in load]
    top = max([*values, *(f.capacity or 0 for f in load)], default=0)
    lines = [
        "xychart-beta",
        f"    title {_axis_text('Load per function (effort units)')}",
        "    x-axis [" + ", ".join(_axis_text(function.id) for function in load) + "]",
        f"    y-axis {_axis_text('Effort units')} 0 --> {max(1, math.ceil(top))}",
        "    bar [" + ", ".join(number(value) for value in values) + "]",
    ]
    if load and all(function.capacity for function in load):
        lines.append("    line [" + ", ".join(number(f.capacity or 0) for f in load) + "]")
    return "\n".join(lines)


def collaboration_chart(collaboration: Collaboration) -> str:
    """A ``flowchart`` of functions, linked by how many activities they share."""
    ids = {fid: f"f{index}" for index, (fid, _) in enumerate(collaboration.functions)}
    lines = ["flowchart LR"]
    for fid, name in collaboration.functions:
        shown = fid if name == fid else f"{name} ({fid})"
        lines.append(f"    {ids[fid]}[{label(shown)}]")
    for left, right, weight in collaboration.edges:
        lines.append(f'    {ids[left]} ---|"{weight}"| {ids[right]}')
    if collaboration.bridges:
        lines.append(f"    classDef bridge {BRIDGE_STYLE}")
        lines.append("    class " + ",".join(ids[fid] for fid in collaboration.bridges) + " bridge")
    return "\n".join(lines)
