"""Numbers and words as raci writes them for people, in every message and format."""

from __future__ import annotations

PERCENT_CAP = 100.0
"""Ratios above this (10,000%) print as ``>10000%``: a capacity of 1e-300 must not print a
300-digit percentage."""


def number(value: float) -> str:
    """A load or effort as people write it: at most two decimals, no trailing zeros:
    ``7``, ``2.5``, ``3.33``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def percent(value: float | None) -> str:
    """A share as a whole percentage (``40%``); nothing for no value; at most
    ``>10000%``, whatever the ratio (infinity and NaN included)."""
    if value is None:
        return ""
    if value != value or value > PERCENT_CAP:
        return f">{PERCENT_CAP:.0%}"
    if value < -PERCENT_CAP:
        return f"<-{PERCENT_CAP:.0%}"
    return f"{value:.0%}"


def one_of(items: list[str] | tuple[str, ...]) -> str:
    """``a, b or c``."""
    return " or ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


def plural(count: int, word: str) -> str:
    """``1 activity``, ``2 activities``, ``3 functions``."""
    if count == 1:
        return f"1 {word}"
    if word.endswith("y") and word[-2:-1] not in set("aeiou"):
        return f"{count} {word[:-1]}ies"
    return f"{count} {word}s"


def labelled(name: str, ident: str) -> str:
    """``Internal Communications (IC)``; just the name when it already shows the id
    (``Digital Workplace (IT)``, or a name that is the id), never ``(IT) (IT)``."""
    if name == ident or f"({ident})" in name:
        return name
    return f"{name} ({ident})"
