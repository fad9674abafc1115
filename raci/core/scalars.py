"""Plain and tagged YAML scalars, resolved as YAML 1.2's core schema does (``off`` and
``no`` stay text), and the standard tags a file may use; anything else is refused."""

from __future__ import annotations

import re
from typing import Any

TAG = "tag:yaml.org,2002:"
INT_PATTERN = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
FLOAT_PATTERN = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
SPECIAL = {
    "": None, "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True,
    "false": False, "False": False, "FALSE": False,
    ".inf": float("inf"), ".Inf": float("inf"), ".INF": float("inf"),
    "+.inf": float("inf"), "+.Inf": float("inf"), "+.INF": float("inf"),
    "-.inf": float("-inf"), "-.Inf": float("-inf"), "-.INF": float("-inf"),
    ".nan": float("nan"), ".NaN": float("nan"), ".NAN": float("nan"),
}  # fmt: skip
NUMBER_START = frozenset("0123456789+-.")


MAX_DIGITS = 100
"""The longest integer literal read: Python refuses to convert over 4,300 digits, and
no ownership file needs more than a few."""


class TooLong(Exception):
    pass


def integer(text: str) -> int:
    if len(text) > MAX_DIGITS + 2:
        raise TooLong
    if text[:2] == "0o":
        return int(text[2:], 8)
    if text[:2] == "0x":
        return int(text[2:], 16)
    return int(text, 10)


def plain(text: str) -> Any:
    """Resolve an untagged plain scalar as YAML 1.2's core schema does."""
    if not text:
        return None
    if text in SPECIAL:
        return SPECIAL[text]
    if text[0] in NUMBER_START:
        if INT_PATTERN.fullmatch(text):
            return integer(text)
        if FLOAT_PATTERN.fullmatch(text):
            return float(text)
    return text


def tagged(text: str, tag: str) -> Any:
    """Apply an explicit standard tag; anything else is refused."""
    kind = tag[len(TAG) :] if tag.startswith(TAG) else None
    if kind == "str":
        return text
    resolved = plain(text)
    expected = {"int": int, "float": float, "bool": bool, "null": type(None)}.get(kind or "")
    if expected is None:
        raise UnsafeTag(tag)
    if expected is float and type(resolved) is int:
        return float(resolved)
    if type(resolved) is not expected:
        raise ValueError(f"'{text}' is not a valid !!{kind}")
    return resolved


class UnsafeTag(Exception):
    pass


def tag_problem(tag: str) -> str:
    shown = "!!" + tag[len(TAG) :] if tag.startswith(TAG) else tag
    return (
        f"tag '{shown}' is not allowed: ownership files hold plain data only "
        "(text, numbers, true/false, null, mappings and lists)"
    )
