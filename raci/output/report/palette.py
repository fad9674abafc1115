"""One colour per role, shared by the HTML report and the XLSX export.

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
