"""Write a plan back into the YAML text, touching only the letters that change.

Rather than re-serialising the model (which would drop comments, reorder keys and
reflow flow mappings), we use the loader's positions: each changed ``raci:`` value is
replaced in place (keeping its quotes), and a function that gains a letter on an
activity where it had none gets a new entry after the last one, in the mapping's own
style (a new line in a block mapping, ``, HR: A`` in a flow mapping). The result is
parsed again and compared with the plan, so an edit that YAML anchors or merge keys
would spread to other activities is refused instead of written. An activity whose
``raci:`` is given per phase is one activity per phase: its letters are edited in that
phase's mapping (``raci: {launch: {...}}``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from raci.core.errors import RaciError
from raci.core.loader import Document, LogicalPath, ParseProblem, YamlMap, parse
from raci.core.model import Model
from raci.rebalance.apply import Changes
from raci.rebalance.waivers import Waiver, cuts

VALUE = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\n]|'')*'|[^\s,{}\[\]#]+")
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")


class TextIndex:
    """A document's text with 0-based (line, column) -> offset lookups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]
        self.bom = 1 if text.startswith("\ufeff") else 0

    def offset(self, document: Document, path: LogicalPath, *, key: bool = False) -> int:
        line, column = document.locate(path, key=key)
        return self.starts[line - 1] + column - 1 + (self.bom if line == 1 else 0)

    def line_end(self, offset: int) -> int:
        index = bisect_right(self.starts, offset)
        return self.starts[index] - 1 if index < len(self.starts) else len(self.text)


def edit_text(
    text: str,
    document: Document,
    model: Model,
    found: Changes,
    waivers: Sequence[Waiver] = (),
) -> str:
    """``text`` (the source of ``document``) with the changed letters of its activities,
    and without the ``waivers`` the plan makes unused."""
    source = TextIndex(text)
    edits: list[tuple[int, int, str]] = cuts(text, document, model, list(waivers))
    mine = {
        position: new
        for position, new in found.items()
        if model.activities[position].document is document
    }
    for position, new in mine.items():
        activity = model.activities[position]
        where = activity.raci_path
        raci: YamlMap = _letters(document.data["activities"][activity.index], activity.stage)
        added = []
        for fid, letter in new.items():
            if fid in raci:
                start = source.offset(document, (*where, fid))
                match = VALUE.match(text, start)
                if match is None:
                    raise _refuse(document, activity.id)
                quote = match.group()[0] if match.group()[0] in "\"'" else ""
                edits.append((match.start(), match.end(), f"{quote}{letter}{quote}"))
            else:
                added.append((fid, letter))
        if added:
            key = activity.stage or "raci"
            edits.append(insertion(source, where, raci, added, document, activity.id, key))
    edited = splice(text, edits)
    if edited is None:
        raise _refuse(document, model.activities[next(iter(mine))].id if mine else "")
    _verify(edited, document, model, found, waivers)
    return edited


Edit = tuple[int, int, str]
"""(start, end, replacement): ``text[start:end]`` becomes ``replacement``."""


def splice(text: str, edits: list[Edit]) -> str | None:
    """``text`` with every edit made, or None when two edits overlap. Insertions at one
    place keep the order they were given in."""
    edits = sorted(edits, key=lambda edit: (edit[0], edit[1]))
    for (_, end, _), (start, _, _) in pairwise(edits):
        if start < end:
            return None
    pieces, cursor = [], 0
    for start, end, replacement in edits:
        pieces.append(text[cursor:start])
        pieces.append(replacement)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def insertion(
    source: TextIndex,
    where: LogicalPath,
    raci: YamlMap,
    added: list[tuple[str, str]],
    document: Document,
    activity: str,
    key: str = "raci",
) -> tuple[int, int, str]:
    """Where and what to insert for new entries of one ``raci:`` mapping (``key``: the
    mapping's own key, ``raci`` or the phase it holds the letters of)."""
    text = source.text
    key_at = source.offset(document, where, key=True)
    name = re.escape(key)
    head = re.compile(rf"(?:\"{name}\"|'{name}'|{name})[ \t]*:[ \t]*(\{{)?").match(text, key_at)
    if head is None:
        raise _refuse(document, activity)
    entries = [entry_text(fid, letter) for fid, letter in added]
    if not raci:
        if head.group(1) is None:  # pragma: no cover - an empty block mapping is null
            raise _refuse(document, activity)
        return head.end(), head.end(), ", ".join(entries)
    last = list(raci)[-1]
    value = VALUE.match(text, source.offset(document, (*where, last)))
    if value is None:
        raise _refuse(document, activity)
    if head.group(1) is not None:  # a flow mapping: {IC: A/R, HR: C}
        return value.end(), value.end(), "".join(f", {entry}" for entry in entries)
    indent = " " * (document.locate((*where, last), key=True)[1] - 1)
    end = source.line_end(value.end())
    newline = "\n"
    if end > 0 and text[end - 1] == "\r":  # keep Windows line endings
        end, newline = end - 1, "\r\n"
    return end, end, "".join(f"{newline}{indent}{entry}" for entry in entries)


def entry_text(fid: str, letter: str) -> str:
    key = fid if _PLAIN_KEY.fullmatch(fid) else f'"{fid}"'
    return f"{key}: {letter}"


def _verify(
    edited: str, document: Document, model: Model, found: Changes, waivers: Sequence[Waiver]
) -> None:
    """Parse the edited text again: every activity of the file must read as planned."""
    try:
        data: Any = parse(edited.encode("utf-8"))
    except ParseProblem:
        raise _refuse(document, "") from None
    items = data.get("activities") or []
    dropped = {(waiver.position, waiver.function, waiver.rule) for waiver in waivers}
    cut = {  # activity waivers by index: every part of an activity given per phase
        (model.activities[waiver.position].index, waiver.rule)
        for waiver in waivers
        if waiver.position is not None and model.activities[waiver.position].document is document
    }
    for fid, function in model.functions.items():
        if function.document is document:
            entry = (data.get("functions") or {}).get(fid) or {}
            kept = [rule for rule in function.waive if (None, fid, rule) not in dropped]
            if sorted(_waive_keys(entry)) != sorted(kept):
                raise _refuse(document, "")
    scheme = model.scheme
    for position, activity in enumerate(model.activities):
        if activity.document is not document:
            continue
        expected = {fid: held.label for fid, held in activity.raci.items()}
        expected.update(found.get(position, {}))
        item = items[activity.index] if activity.index < len(items) else {}
        raci = _letters(item, activity.stage) if isinstance(item, dict) else None
        got = {}
        for fid, letter in (raci or {}).items():
            held = scheme.parse(letter) if isinstance(letter, str) else None
            got[fid] = held.label if held is not None else letter
        kept = [rule for rule in activity.waive if (activity.index, rule) not in cut]
        if got != expected or sorted(_waive_keys(item)) != sorted(kept):
            raise _refuse(document, activity.id)


def _letters(item: Any, stage: str | None) -> Any:
    """The mapping of an activity's letters: its ``raci:``, or the one of phase ``stage``."""
    raci = item.get("raci")
    if stage is not None and isinstance(raci, dict):
        return raci.get(stage)
    return raci


def _waive_keys(entry: Any) -> list[str]:
    """The rules a parsed activity or function waives, by their canonical names."""
    from raci.rules import resolve_rule

    waive = entry.get("waive") if isinstance(entry, dict) else None
    names = []
    for key in waive or {}:
        rule = resolve_rule(str(key))
        names.append(rule.name if rule is not None else str(key))
    return names


def _refuse(document: Document, activity: str) -> RaciError:
    where = f": activity '{activity}' would not read as planned" if activity else ""
    return RaciError(
        f"cannot edit {document.name} safely{where} (its raci: entries are shared through "
        "YAML anchors, aliases or merge keys, or written in a form rebalance does not "
        "edit); nothing was written: apply the moves by hand",
        exit_code=2,
    )
