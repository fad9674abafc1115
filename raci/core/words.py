"""Small helpers for messages people read."""

from __future__ import annotations


def plural(count: int, word: str) -> str:
    """``1 activity``, ``2 activities``, ``3 functions``."""
    if count == 1:
        return f"1 {word}"
    if word.endswith("y") and word[-2:-1] not in set("aeiou"):
        return f"{count} {word[:-1]}ies"
    return f"{count} {word}s"


PERCENT_CAP = 100.0
"""Ratios above this (10,000%) print as ``>10000%``: a capacity of 1e-300 must not print a
300-digit percentage."""


def percent(value: float) -> str:
    """``42%``; at most ``>10000%``, whatever the ratio (infinity and NaN included)."""
    if value != value or value > PERCENT_CAP:
        return f">{PERCENT_CAP:.0%}"
    if value < -PERCENT_CAP:
        return f"<-{PERCENT_CAP:.0%}"
    return f"{value:.0%}"
