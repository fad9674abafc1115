"""Numbers and words as raci writes them for people, in every message and format."""

from __future__ import annotations


def number(value: float) -> str:
    """A load or effort as people write it: at most two decimals, no trailing zeros:
    ``7``, ``2.5``, ``3.33``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def percent(value: float | None) -> str:
    """A share as a whole percentage (``40%``); nothing for no value."""
    return "" if value is None else f"{value:.0%}"


def plural(count: int, word: str) -> str:
    """``1 activity``, ``2 activities``, ``3 functions``."""
    if count == 1:
        return f"1 {word}"
    if word.endswith("y") and word[-2:-1] not in set("aeiou"):
        return f"{count} {word[:-1]}ies"
    return f"{count} {word}s"
