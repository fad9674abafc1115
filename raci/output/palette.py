"""Every colour raci draws with: roles and severities (HTML report, XLSX export) and
graph nodes (mermaid, dot, the report's SVG charts).

Accountability is the strongest colour because it is what the reader looks for first.
"""

from __future__ import annotations

ROLE_COLOURS: dict[str, tuple[str, str]] = {
    "owner": ("B03A2E", "FFFFFF"),
    "worker": ("F5B041", "1B1B1B"),
    "consulted": ("AED6F1", "1B1B1B"),
    "informed": ("EAF2F8", "1B1B1B"),
}
"""role -> (fill, text) as RRGGBB."""

SEVERITY_COLOURS: dict[str, tuple[str, str]] = {
    "error": ("B03A2E", "FFFFFF"),
    "warning": ("F5B041", "1B1B1B"),
    "info": ("AED6F1", "1B1B1B"),
}

HANDOVER_COLOURS: tuple[str, str] = ("FDEBD0", "1B1B1B")
"""(fill, text) of a phase where an activity changes owner (the deck's phases side by
side): pale, so the letters in it still read."""

NODE_COLOURS: dict[str, tuple[str, str]] = {
    "function": ("FDE2C8", "C05600"),
    "activity": ("E8EEF7", "4A6FA5"),
    "bridge": ("FDE2E1", "C0392B"),
    "plain": ("EAF2F8", "2C3E50"),
}
"""Graph nodes -> (fill, stroke) as RRGGBB: functions, activities, and in the report's
collaboration chart a bridge function and any other."""

BAND_COLOURS: dict[str, str] = {
    "within": "2E8B57",
    "near": "E6A117",
    "over": "C0392B",
    "none": "95A5A6",
}
"""Capacity band (:mod:`raci.report.bands`) -> RRGGBB bar fill, in the HTML report's
charts and the deck's native charts alike."""


def css(colour: str) -> str:
    """``RRGGBB`` as a CSS / Graphviz colour: ``#rrggbb``."""
    return "#" + colour.lower()
