"""Waivers a plan makes unused: found by comparing the waivers used before and after,
dropped from the rebalanced model, and cut out of the YAML text by ``--write``.

A waiver documents an exception; once a move removes the exception, the waiver would
only hide the next real problem (``unused-waiver``), so a rebalance never leaves one
behind. The text edit removes the ``rule: reason`` entry (with the lines of a multi-line
reason), or the whole ``waive:`` key when it was the last entry, in block or flow style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from raci.core.context import Context
from raci.core.loader import Document, LogicalPath, YamlMap
from raci.core.model import Model


@dataclass(frozen=True, slots=True)
class Waiver:
    """One ``waive:`` entry: of an activity (by position) or of a function."""

    rule: str
    position: int | None
    function: str | None

    def holder(self, model: Model) -> tuple[Document, LogicalPath, str]:
        if self.position is not None:
            activity = model.activities[self.position]
            return activity.document, (*activity.path, "waive"), f"activity '{activity.id}'"
        assert self.function is not None
        function = model.functions[self.function]
        return function.document, (*function.path, "waive"), f"function '{function.id}'"


def made_unused(before: Context, after: Context) -> list[Waiver]:
    """Waivers that suppressed a finding before the plan and suppress none after it."""
    found: list[Waiver] = []
    pairs = zip(before.model.activities, after.model.activities, strict=True)
    parts: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
    for position, (old, new) in enumerate(pairs):  # an activity given per phase: every part
        parts.setdefault((id(old.document), old.index), []).append((position, id(old), id(new)))
    for held in parts.values():
        position = held[0][0]
        for rule in before.model.activities[position].waive:
            used = any((old, rule) in before.waivers_used for _, old, _ in held)
            if used and not any((new, rule) in after.waivers_used for _, _, new in held):
                found.append(Waiver(rule, position, None))
    for fid, function in before.model.functions.items():
        for rule in function.waive:
            used_before = (id(function), rule) in before.waivers_used
            if used_before and (id(after.model.functions[fid]), rule) not in after.waivers_used:
                found.append(Waiver(rule, None, fid))
    return found


def without(model: Model, waivers: list[Waiver]) -> Model:
    """A copy of ``model`` without ``waivers`` (the activities and functions that held
    them are copied; everything else is shared)."""
    if not waivers:
        return model
    activities, functions = list(model.activities), dict(model.functions)
    for waiver in waivers:
        if waiver.position is not None:
            for position in same_activity(model, waiver.position):
                activity = activities[position]
                kept = {rule: why for rule, why in activity.waive.items() if rule != waiver.rule}
                copy = activity.with_raci(activity.raci)
                copy.waive = kept
                activities[position] = copy
        elif waiver.function is not None:
            function = functions[waiver.function]
            kept = {rule: why for rule, why in function.waive.items() if rule != waiver.rule}
            functions[waiver.function] = replace(function, waive=kept)
    return replace(model, activities=activities, functions=functions)


def same_activity(model: Model, position: int) -> list[int]:
    """``position`` and, for an activity given per phase, the positions of its other parts."""
    activity = model.activities[position]
    if activity.stage is None:
        return [position]
    return [
        other
        for other, part in enumerate(model.activities)
        if part.document is activity.document and part.index == activity.index
    ]


def cuts(text: str, document: Document, model: Model, waivers: list[Waiver]) -> list[Edit]:
    """The text spans to delete for the waivers of ``document``."""
    edits: list[Edit] = []
    grouped: dict[LogicalPath, list[str]] = {}
    for waiver in waivers:
        where, path, _ = waiver.holder(model)
        if where is document:
            grouped.setdefault(path, []).append(waiver.rule)
    from raci.rules import resolve_rule

    for path, rules in grouped.items():
        mapping: YamlMap = _node(document, path)
        keys = [key for key in mapping if getattr(resolve_rule(key), "name", key) in rules]
        if len(keys) == len(mapping):
            edits.append(_cut_key(text, document, path))
        else:
            edits += [_cut_key(text, document, (*path, key)) for key in keys]
    return edits


Edit = tuple[int, int, str]


def _node(document: Document, path: LogicalPath) -> YamlMap:
    node: object = document.data
    for segment in path:
        node = node[segment]  # type: ignore[index]
    assert isinstance(node, YamlMap)
    return node


def _offset(text: str, line: int, column: int) -> int:
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    bom = 1 if line == 1 and text.startswith("\ufeff") else 0
    return start + column - 1 + bom


def _cut_key(text: str, document: Document, path: LogicalPath) -> Edit:
    """The span of one ``key: value`` entry (block: its lines; flow: with its comma)."""
    line, column = document.locate(path, key=True)
    start = _offset(text, line, column)
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() in ("", "-"):  # a block entry: cut whole lines
        indent = start - line_start
        end = _block_end(text, start, indent)
        if text[line_start:start].strip() == "-":  # "- waive:" first key of an item
            return start, end, ""
        return line_start, end, ""
    end = _flow_end(text, start)
    before = text.rfind(",", 0, start)
    if before >= 0 and not text[before + 1 : start].strip():
        return before, end, ""
    after = re.compile(r"\s*,\s*").match(text, end)
    return start, after.end() if after else end, ""


def _block_end(text: str, start: int, indent: int) -> int:
    """The end of the lines of a block entry: the next line as little indented as it."""
    position = text.find("\n", start)
    while position >= 0:
        following = text.find("\n", position + 1)
        line = text[position + 1 : following if following >= 0 else len(text)]
        stripped = line.lstrip(" ")
        if stripped.strip() and len(line) - len(stripped) <= indent:
            return position + 1
        if following < 0:
            return len(text)
        position = following
    return len(text)


def _flow_end(text: str, start: int) -> int:
    """The end of a flow ``key: value``: the next ``,`` or closing bracket at its depth."""
    depth, index, quote = 0, start, ""
    while index < len(text):
        char = text[index]
        if quote:
            if char == quote and not (quote == '"' and text[index - 1] == "\\"):
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "{[":
            depth += 1
        elif char in "}]":
            if depth == 0:
                return _trim(text, start, index)
            depth -= 1
        elif char == "," and depth == 0:
            return _trim(text, start, index)
        index += 1
    return len(text)


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return end
