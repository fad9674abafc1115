"""Small helpers for messages people read."""

from __future__ import annotations


def plural(count: int, word: str) -> str:
    """``1 activity``, ``2 activities``, ``3 functions``."""
    if count == 1:
        return f"1 {word}"
    if word.endswith("y") and word[-2:-1] not in set("aeiou"):
        return f"{count} {word[:-1]}ies"
    return f"{count} {word}s"
