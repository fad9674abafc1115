"""YAML syntax errors in plain words, at the place of the mistake.

libyaml reports where it *noticed* a problem (its problem mark), which is often a line
after the mistake, and what it was reading (its context mark). People make a few
mistakes by hand again and again; for those we say what is wrong and what to do, at the
line and column where the fix goes:

- a tab in the indentation -> the tab itself;
- a key without its colon -> the line that lacks it (libyaml notices on the next line,
  or, when that key starts its mapping, reads it as the start of a longer value);
- a quote or a ``{``/``[`` never closed -> where it opens (libyaml notices at the end);
- a line indented out of line -> that line, saying how far its neighbours are indented;
- ``key: a: b`` -> the value to quote.

Anything else keeps libyaml's own words. Positions are 1-based.
"""

from __future__ import annotations

import re
from typing import Any

from raci.core.yaml_colons import colon_less_start, flow_after_word, missing_colon
from raci.core.yaml_lines import KEY, Found, indent, shown, text_at

_CLOSERS = {"{": "}", "[": "]"}


def explain(error: Any, data: bytes) -> tuple[str, int, int]:
    """(message, line, column) for a libyaml ``MarkedYAMLError``."""
    lines = data.decode("utf-8", "replace").splitlines()
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "invalid YAML"
    rules = (_tab, missing_colon, _never_closed, colon_less_start, flow_after_word)
    for rule in (*rules, _out_of_line, _colon_in_value):
        found = rule(problem, error.context or "", mark, error.context_mark, lines)
        if found is not None:
            return found
    return _libyaml_words(error, mark, problem)


def _libyaml_words(error: Any, mark: Any, problem: str) -> tuple[str, int, int]:
    context = f" ({error.context}" if error.context else ""
    if context and error.context_mark and error.context_mark.line != getattr(mark, "line", -1):
        context += f" that starts on line {error.context_mark.line + 1}"
    context += ")" if context else ""
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return f"invalid YAML: {problem}{context}", line, column


def _spaces(count: int) -> str:
    return f"{count} space" + ("" if count == 1 else "s")


def _tab(problem: str, context: str, mark: Any, start: Any, lines: list[str]) -> Found:
    if mark is None:
        return None
    text = text_at(lines, mark.line)
    at_tab = mark.column < len(text) and text[mark.column] == "\t"
    if "tab" not in problem and not at_tab:
        return None
    for index in (mark.line, *range(mark.line - 1, max(mark.line - 3, -1), -1)):
        leading = re.match(r"^[ \t]*", text_at(lines, index))
        if leading and "\t" in leading[0]:
            column = leading[0].index("\t") + 1
            return "a tab is used for indentation here; YAML needs spaces", index + 1, column
    return None


def _never_closed(problem: str, context: str, mark: Any, start: Any, lines: list[str]) -> Found:
    if start is None or not ("end of stream" in problem or "did not find expected ','" in problem):
        return None
    text = text_at(lines, start.line)
    opener = text[start.column] if start.column < len(text) else ""
    if "quoted scalar" in context and opener in "'\"":
        return (
            f"the quote ({opener}) that opens here is never closed: add the closing {opener}",
            start.line + 1,
            start.column + 1,
        )
    if "flow" in context and opener in _CLOSERS:
        closer = _CLOSERS[opener]
        return (
            f"the '{opener}' that opens here is not closed where YAML expects it: end it with "
            f"'{closer}' (and separate its entries with ',')",
            start.line + 1,
            start.column + 1,
        )
    return None


def _out_of_line(problem: str, context: str, mark: Any, start: Any, lines: list[str]) -> Found:
    expects = ("did not find expected '-' indicator", "did not find expected key")
    deeper = "mapping values are not allowed" in problem
    if mark is None or not (deeper or any(words in problem for words in expects)):
        return None
    index = mark.line
    text = text_at(lines, index)
    key = KEY.match(text.strip())
    if deeper and key is not None and indent(text) + key.end() <= mark.column:
        return None  # 'key: a: b' on one line: _colon_in_value says it
    neighbour = _neighbour(lines, index, deeper)
    if neighbour is None:
        return None
    other, width = neighbour
    own = indent(text)
    if deeper:
        why = (
            f"it is indented {_spaces(own)}, more than '{shown(text_at(lines, other), 24)}' on "
            f"line {other + 1} ({width}), so YAML reads it as the rest of that value"
        )
    else:
        why = f"it is indented {_spaces(own)}, but line {other + 1} above it is indented {width}"
    return (
        f"'{shown(text, 24)}' is out of line: {why}; indent it {_spaces(width)} to line up",
        index + 1,
        own + 1,
    )


def _neighbour(lines: list[str], index: int, deeper: bool) -> tuple[int, int] | None:
    """The line above that ``lines[index]`` should line up with, and its key's indent.

    A list item (``- key: ...``) lines up with the list item above it; a key with the
    nearest key above it that is indented differently (for an item's first line, the key
    after its ``- ``)."""
    text = text_at(lines, index)
    dash = text.lstrip(" ").startswith("- ")
    own = indent(text)
    for other in range(index - 1, -1, -1):
        above = text_at(lines, other)
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        width = indent(above)
        if dash:
            if above.lstrip(" ").startswith("- ") and width != own:
                return other, width
            continue
        if above.lstrip(" ").startswith("- "):
            item = above.lstrip(" ")[1:]
            width += 1 + len(item) - len(item.lstrip(" "))  # the key after '- '
        if deeper or width != own:
            return other, width
    return None


def _colon_in_value(problem: str, context: str, mark: Any, start: Any, lines: list[str]) -> Found:
    if mark is None or "mapping values are not allowed" not in problem:
        return None
    text = text_at(lines, mark.line)
    key = KEY.match(text.strip())
    if key is None:
        return None
    value = text.strip()[key.end() :].strip()
    if not value:
        return None
    return (
        f"the value '{shown(value)}' contains ': ', which YAML reads as another key: put the "
        f"value in quotes",
        mark.line + 1,
        text.index(value) + 1,
    )
