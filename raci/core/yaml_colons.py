"""A key written without its colon, said at the line that lacks it.

libyaml notices it in one of three ways: on the next line (``could not find expected
':'``), when the key is one of a mapping's later keys; at the next line's ':' (``mapping
values are not allowed``), when the key *starts* its mapping, because YAML then reads the
key and the next line as one longer text; or not at all, when the text still reads as
YAML (``version 1`` as the whole file, ``HR {name: Human Resources}`` as a key). The
last two are guesses, so they need evidence: the text starts with a field of the format
or a key written elsewhere in the file (a function id), or it is one id with a more
indented block below it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from raci.core.yaml_lines import KEY, Found, indent, plain, shown, text_at

_DASH = re.compile(r"^\s*(-\s+)?")
_WORD_AND_REST = re.compile(r"([^\s{\[\]}:,#]+)\s*(.*)")
_FLOW_AFTER_WORD = re.compile(r"[^\s{\[\]}:,#]+\s*(\{.*\}|\[.*\])")  # 'raci {IC: A/R}'
_ID = re.compile(r"[A-Za-z0-9_.\-]+")
_KEYS_WRITTEN = re.compile(r"(?:^|[{,])\s*(?:-\s+)?([A-Za-z0-9_.\-/]+):(?:\s|$)", re.MULTILINE)


def missing_colon(problem: str, context: str, mark: Any, start: Any, lines: list[str]) -> Found:
    """A later key without its colon: libyaml's context mark is where the key starts."""
    if "could not find expected ':'" not in problem or start is None:
        return None
    return _no_colon(lines, start.line, start.column)


def colon_less(data: bytes, line: int, column: int) -> Found:
    """The missing-colon message for a plain scalar that YAML read well but that stands
    where a key belongs (0-based ``line`` and ``column``): the whole file (``version 1``),
    or a key that runs into a ``{``/``[`` (``HR {name: Human Resources}``). None when the
    text does not show a key written without its ':'."""
    lines = data.decode("utf-8", "replace").splitlines()
    if _flow_after(lines, line, column) or _keyish(lines, line, column):
        return _no_colon(lines, line, column)
    return None


def _no_colon(lines: list[str], index: int, column: int) -> tuple[str, int, int]:
    text = plain(text_at(lines, index)[column:])
    parts = _WORD_AND_REST.fullmatch(text)
    fixed = "key: value"
    if parts is not None:
        fixed = f"{parts[1]}: {parts[2]}" if parts[2] else f"{parts[1]}:"
    return (
        f"'{shown(text)}' has no ':' after its key: write it as '{shown(fixed)}'",
        index + 1,
        column + 1,
    )


def colon_less_start(problem: str, context: str, mark: Any, start: Any, lines: list[str]) -> Found:
    """A key without its colon that starts its mapping: YAML reads it and the next line
    as one longer text, and notices only at the next line's ':' (or, when a comment ends
    that text, at the next line)."""
    expects = ("did not find expected '-' indicator", "did not find expected key")
    if mark is None:
        return None
    text = text_at(lines, mark.line)
    if "mapping values are not allowed" in problem:
        key = KEY.match(text.strip())
        if key is None or indent(text) + key.end() <= mark.column:
            return None  # the ':' is in a value on its own line
    elif not any(words in problem for words in expects):
        return None
    index = _text_start(lines, mark.line)
    if index is None:
        return None
    dash = _DASH.match(text_at(lines, index))
    column = dash.end() if dash else 0
    if indent(text) < column or not _keyish(lines, index, column, item=bool(dash and dash[1])):
        return None
    return _no_colon(lines, index, column)


def _text_start(lines: list[str], index: int) -> int | None:
    """The line above ``index`` where a text without a key begins and runs on into it:
    the line after a ``key:`` with nothing after it, or a list item. None when the text
    is the value of a key (a value that runs on: a line indented out of line)."""
    found = None
    for other in range(index - 1, -1, -1):
        above = plain(text_at(lines, other))
        if not above:
            continue
        key = KEY.match(above)
        if key is not None:
            return found if not above[key.end() :].strip() else None
        found = other
        if above.startswith("- "):
            break
    return found


def _keyish(lines: list[str], index: int, column: int, item: bool = False) -> bool:
    """Whether the text at ``lines[index][column:]`` reads as a key without its colon: it
    starts with a field of the format or a key written elsewhere in the file (a function
    id), or, outside a list, it is one id with a more indented block below it."""
    parts = _WORD_AND_REST.fullmatch(plain(text_at(lines, index)[column:]))
    if parts is None:
        return False
    word = parts[1]
    if word in _fields() or word in _KEYS_WRITTEN.findall("\n".join(lines)):
        return True
    return (
        not item
        and not parts[2]
        and _ID.fullmatch(word) is not None
        and _deeper_below(lines, index)
    )


def _deeper_below(lines: list[str], index: int) -> bool:
    for other in range(index + 1, len(lines)):
        below = lines[other]
        if plain(below):
            return indent(below) > indent(lines[index])
    return False


@cache
def _fields() -> frozenset[str]:
    """Every key the format defines, from its schema."""
    from raci.core import schema

    names = {"functions", "activities", "rules"}
    for model in (schema._FileBase, schema.Function, schema.Member, schema.Activity):
        names.update(model.model_fields)
    return frozenset(names)


def flow_after_word(problem: str, context: str, mark: Any, start: Any, lines: list[str]) -> Found:
    """``raci {IC: A/R, HR: I}``: YAML reads ``raci {IC`` as the key and then trips over
    the second ': '."""
    if mark is None or "mapping values are not allowed" not in problem:
        return None
    text = text_at(lines, mark.line)
    dash = _DASH.match(text)
    column = dash.end() if dash else 0
    if not _flow_after(lines, mark.line, column):
        return None
    return _no_colon(lines, mark.line, column)


def _flow_after(lines: list[str], index: int, column: int) -> bool:
    """Whether the line is one word and then a ``{...}`` or ``[...]`` to its end: a key
    such as ``x-owner [tbc]: Alex`` is not."""
    return _FLOW_AFTER_WORD.fullmatch(plain(text_at(lines, index)[column:])) is not None
