"""Text in XLSX cells as Excel itself keeps it (OOXML ``ST_Xstring``).

XML cannot hold most control characters, and an XML reader turns a carriage return
into a line feed; Excel writes characters as ``_xHHHH_`` (``_x000D_`` for CR) and
writes a literal ``_x`` that would look like one as ``_x005F_x``. openpyxl does neither,
so we do both: export escapes, import unescapes, and a name with a CR or another control
character comes back as it went out instead of changing or failing.
"""

from __future__ import annotations

import re

_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_NEEDS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\r]|_(?=x[0-9A-Fa-f]{4}_)")
"""A CR (which XML would turn into a line feed), the control characters a cell cannot
hold at all, and a literal ``_x`` that looks like an escape."""


def escape(text: str) -> str:
    """``text`` to store in a cell so that it reads back the same: CR and look-alikes escaped."""
    return _NEEDS.sub(lambda match: f"_x{ord(match.group()):04X}_", text)


def unescape(text: str) -> str:
    """A cell's stored text as the user typed it."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(_character, text)


def _character(match: re.Match[str]) -> str:
    code = int(match.group(1), 16)
    return match.group() if 0xD800 <= code <= 0xDFFF else chr(code)
