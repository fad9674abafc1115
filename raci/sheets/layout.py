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
"""The headers export writes for the optional columns."""
SCHEME_PROPERTY = "raci scheme"
"""The custom document property in which an exported workbook names its scheme."""

_SPECIAL = {
    "id": "id",
    "activity id": "id",
    "phase": "phase",
    "effort": "effort",
    "depends on": "depends_on",
    "dependencies": "depends_on",
}
_VALID_ID = re.compile(IDENTIFIER)
_NAMED = re.compile(r"^(?P<name>.*\S)\s*\((?P<id>[A-Za-z0-9_.\-]+)\)$")


def special_column(header: str) -> str | None:
    """``id``, ``phase``, ``effort`` or ``depends_on`` if ``header`` names that column."""
    return _SPECIAL.get(" ".join(header.replace("_", " ").lower().split()))


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
