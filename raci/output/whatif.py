"""``raci whatif``: what breaks when functions step back, as text or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.core.scheme import Role
from raci.core.words import plural
from raci.output.common import number, to_json
from raci.output.escape import terminal
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from rich.console import RenderableType

    from raci.whatif import Gap, LoadShift, WhatIf


def _who(removed: list[str]) -> str:
    if len(removed) == 1:
        return f"{removed[0]} steps back"
    return f"{', '.join(removed[:-1])} and {removed[-1]} step back"


def _takers(gap: Gap) -> str:
    if not gap.takers:
        return "nobody on it could take over"
    return "could take over: " + ", ".join(
        f"{taker.function} ({taker.label})" for taker in gap.takers
    )


def _load(shift: LoadShift, owner: str) -> str:
    capacity = f" of {number(shift.capacity)}" if shift.capacity is not None else ""
    text = f"load {number(shift.before)} → {number(shift.after)}{capacity}"
    if shift.takes:
        text += (
            f"; taking over {', '.join(shift.takes)}: load {number(shift.if_taking)}{capacity}, "
            f"{owner} for {shift.accountable_if_taking}"
        )
    return text


def lines(result: WhatIf) -> list[tuple[str, str]]:
    """The report as (text, style) lines; the style is for rich and may be empty."""
    scheme = result.model.scheme
    owner = scheme.describe(Role.OWNER)
    worker = scheme.describe(Role.WORKER)
    found: list[tuple[str, str]] = [
        (f"What if {_who(result.removed)}? ({terminal(result.model.title)}, "
         f"{plural(result.activities, 'activity')})", "bold"),
        ("", ""),
    ]  # fmt: skip
    for title, gaps in (
        (f"Left without an {owner}", result.without_owner),
        (f"Left without a {worker}", result.without_worker),
    ):
        found.append(
            (f"{title}: {plural(len(gaps), 'activity')}", "bold red" if gaps else "bold green")
        )
        width = max((len(gap.activity) for gap in gaps), default=0)
        found.extend((f"  {gap.activity:<{width}}  {_takers(gap)}", "") for gap in gaps)
        found.append(("", ""))
    found.append(("Who carries what now:", "bold"))
    if not result.loads:
        found.append(("  none", ""))
    width = max((len(shift.function) for shift in result.loads), default=0)
    for shift in result.loads:
        over = shift.capacity is not None and shift.if_taking > shift.capacity + 1e-9
        found.append((f"  {shift.function:<{width}}  {_load(shift, owner)}", "red" if over else ""))
    found.append(("", ""))
    found.append((f"New findings: {len(result.new_findings)}", "bold"))
    for finding in result.new_findings:
        found.append(
            (
                f"  {finding.location}: {finding.severity} {finding.code} {finding.rule}: "
                f"{finding.message}",
                "yellow" if finding.severity != "error" else "red",
            )
        )
    return found


_RICH_REWRITES = frozenset("\t\x07\x08\x0b\x0c\r")
"""Characters rich expands or drops; lines without them print as they are."""


def render_text(result: WhatIf, medium: Medium = PLAIN) -> str:
    found = lines(result)
    if not medium.color and not any(_RICH_REWRITES.intersection(line) for line, _ in found):
        # Plain lines are what rich prints uncoloured, and rich costs more than the
        # what-if itself on a large model.
        text = "\n".join(line.rstrip() for line, _ in found)
        return text.rstrip("\n") + "\n"
    from rich.text import Text

    from raci.output.common import render_rich

    parts: list[RenderableType] = [Text(text, style=style) for text, style in found]
    return render_rich(parts, medium.color)


def render_json(result: WhatIf, medium: Medium = PLAIN) -> str:
    return to_json({"model": result.model.title, **result.as_dict()})
