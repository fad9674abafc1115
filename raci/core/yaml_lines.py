"""Reading the lines around a YAML error: what a line holds and how far it is indented."""

from __future__ import annotations

import re

KEY = re.compile(r"^(-\s+)?([^\s#'\"{\[][^:#]*?|'[^']*'|\"[^\"]*\"):(\s|$)")
"""A line's key, after an optional ``- ``."""

Found = tuple[str, int, int] | None
"""(message, line, column), 1-based, or None when a rule does not apply."""


def text_at(lines: list[str], index: int) -> str:
    return lines[index] if 0 <= index < len(lines) else ""


def indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def shown(text: str, most: int = 40) -> str:
    text = text.strip()
    return text if len(text) <= most else text[: most - 1] + "…"


def plain(text: str) -> str:
    """``text`` without its comment: a plain scalar ends at `` #``."""
    text = text.strip()
    return "" if text.startswith("#") else re.split(r"\s#", text, maxsplit=1)[0].rstrip()
