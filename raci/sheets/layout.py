"""The spreadsheet layout ``raci export`` writes and ``raci import`` reads.

One row per activity: its name in the first column, optional ``ID``, ``Phase``,
``Effort`` and ``Depends on`` columns (recognised by their header, in any case), then
one column per function. A function's header is its id, or ``Name (id)`` when it has a
longer name, so an exported sheet imports back to the same functions.
"""

from __future__ import annotations

import re
import unicodedata

from raci.core.schema import IDENTIFIER

ACTIVITY = "Activity"
ID, PHASE, EFFORT, DEPENDS_ON = "ID", "Phase", "Effort", "Depends on"
ELIGIBLE, WAIVERS = "Eligible", "Waivers"
"""The headers export writes for the optional columns."""
SCHEME_PROPERTY = "raci scheme"
"""The custom document property in which an exported workbook names its scheme."""
PHASES_PROPERTY, FTE_UNIT_PROPERTY = "raci phases", "raci fte unit"
"""The custom document properties holding ``phases:`` (a JSON list) and ``fte_unit:``."""
FUNCTIONS_SHEET = "Functions"
EXPORT_SHEET = "Matrix"
"""The sheet ``raci export`` writes the matrix on (the Load and Findings sheets beside it
are not matrices)."""
FUNCTION_HEADERS = ["ID", "Name", "Capacity", "Description", "Waivers"]

_KINDS = {
    "activity": ("activity", "activities", "task", "tasks", "deliverable", "deliverables",
                 "step", "steps", "work item", "action", "actions", "process", "decision",
                 "decisions", "work package", "item", "activity name", "task name"),
    "id": ("id", "activity id", "task id", "ref", "reference"),
    "phase": ("phase", "stage", "workstream", "work stream", "stream"),
    "effort": ("effort", "estimate", "effort estimate"),
    "depends_on": ("depends on", "dependencies", "dependency", "predecessors",
                   "prerequisites"),
    "eligible": ("eligible",),
    "waive": ("waivers", "waive", "waiver"),
    "x-notes": ("notes", "note", "comments", "comment", "remarks"),
    "x-owner": ("owner", "activity owner", "task owner"),
    "x-due": ("due", "due date", "deadline", "target date", "date due"),
    "x-status": ("status", "rag", "rag status"),
    "x-number": ("#", "no", "no.", "nr", "number", "s/n", "seq"),
}  # fmt: skip
_SPECIAL = {spelling: kind for kind, spellings in _KINDS.items() for spelling in spellings}
_VALID_ID = re.compile(IDENTIFIER)
_NAMED = re.compile(r"^(?P<name>.*\S)\s*\((?P<id>[A-Za-z0-9_.\-]+)\)$")
_UNIT = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*$")


def special_column(header: str) -> str | None:
    """What a known column holds, from its header in any case: ``activity``, ``id``,
    ``phase``, ``effort``, ``depends_on``, ``eligible``, ``waive``, or the ``x-`` key it
    is kept under (``Notes`` -> ``x-notes``, ``x-budget`` -> itself)."""
    text = " ".join(header.replace("_", " ").lower().split()).rstrip(":").strip()
    if text.startswith("x-") and len(text) > 2:
        return "x-" + slugify(text[2:]) if slugify(text[2:]) else None
    found = _SPECIAL.get(text)
    if found is None and _UNIT.search(text):
        found = _SPECIAL.get(_UNIT.sub("", text))  # Effort (days), Phase [name]
    return found


def metadata_key(header: str, column: str) -> str:
    """The ``x-`` key an unknown column is kept under: ``Budget owner`` -> ``x-budget-owner``."""
    return "x-" + (slugify(header) or f"column-{column.lower()}")


def function_header(fid: str, name: str) -> str:
    return fid if name == fid else f"{name} ({fid})"


def parse_function_header(header: str) -> tuple[str, str, bool]:
    """(id, name, whether the id was written) from a header: ``Name (id)``, an id, or
    any other text (the id is then its slug)."""
    text = " ".join(header.split())
    named = _NAMED.match(text)
    if named:
        return named.group("id"), named.group("name"), True
    if _VALID_ID.match(text):
        return text, text, True
    return slugify(text), text, False


def valid_id(text: str) -> bool:
    return bool(_VALID_ID.match(text))


def slugify(text: str) -> str:
    """A lower-case id from any text: ``Run the launch!`` -> ``run-the-launch``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def unique(base: str, taken: set[str], fallback: str) -> str:
    """``base`` (or ``fallback`` when empty), suffixed ``-2``, ``-3``... until unused; noted."""
    stem = base or fallback
    candidate, number = stem, 2
    while candidate in taken:
        candidate, number = f"{stem}-{number}", number + 1
    taken.add(candidate)
    return candidate
