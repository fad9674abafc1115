"""Edit an ownership file's YAML text in place: set, add and remove keys, append items.

Built on the rebalance writer's primitives (:mod:`raci.rebalance.edit`: the loader's
positions, the scalar pattern, splicing), so comments, key order, quoting and flow or
block style stay as the user wrote them; only the values that change are rewritten.
Anything this cannot edit safely (a block scalar, an anchor shared between activities)
is caught by the caller, which reads the result back and compares it with what it meant.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from raci.core.errors import RaciError
from raci.core.loader import Document, LogicalPath, YamlMap, YamlSeq, unpack
from raci.rebalance.edit import VALUE, Edit, TextIndex, splice
from raci.sheets.yaml_out import dumper

_POS = (1 << 64) - 1


def inline(value: Any) -> str:
    """``value`` as YAML on one line, safe inside a flow collection (``[a, 'b, c']``)."""
    text: str = yaml.dump(
        [value],
        Dumper=dumper(),
        default_flow_style=True,
        allow_unicode=True,
        width=1 << 30,
        sort_keys=False,
    )
    return text.strip()[1:-1].strip()


class Editor:
    """Pending edits to one document's text."""

    def __init__(self, document: Document, text: str) -> None:
        self.document = document
        self.text = text
        self.index = TextIndex(text)
        self.edits: list[Edit] = []

    # -- where things are --------------------------------------------------------------

    def offset(self, line: int, column: int) -> int:
        return self.index.starts[line - 1] + column - 1 + (self.index.bom if line == 1 else 0)

    def mapping(self, path: LogicalPath) -> YamlMap:
        node: Any = self.document.data
        for segment in path:
            node = node[segment]
        if not isinstance(node, YamlMap):
            raise self.refuse(path)
        return node

    def child(self, parent: YamlMap, key: str) -> Any:
        if key in parent:
            return parent[key]
        return (parent.extensions or {})[key]

    def key_at(self, parent: YamlMap, key: str) -> int:
        return self.offset(*unpack(parent.marks[key] >> 64))

    def value_at(self, parent: YamlMap, key: str) -> int:
        return self.offset(*unpack(parent.marks[key] & _POS))

    def end(self, node: Any, start: int) -> int:
        """Where the node that starts at ``start`` ends."""
        text = self.text
        if isinstance(node, YamlSeq):
            if text.startswith("[", start):
                return self._closing(start)
            if not node:
                raise self.refuse(())
            item = self.offset(*unpack(node.marks[-1]))
            return self.end(node[-1], item)
        if isinstance(node, YamlMap):
            opening = self._flow_start(node, start)
            if opening is not None:
                return self._closing(opening)
            last = list(node.marks)[-1]
            return self.end(self.child(node, last), self.value_at(node, last))
        if text.startswith(("|", ">"), start):
            return self.block_end(start, self._indent(start))
        if text.startswith(("&", "*", "!"), start):
            raise self.refuse(())
        match = VALUE.match(text, start)
        if match is None or (node is None and match.group() not in {"~", "null", "Null", "NULL"}):
            raise self.refuse(())
        if text[start] in "\"'":
            return match.end()
        # a plain scalar runs to the end of its line (or a comment); in a flow collection
        # to the next comma or bracket (``{name: Set up the tenant, phase: prepare}``)
        line = text[start : self.line_end(start)]
        stop = re.search(r"[,\[\]{}]|[ \t]#" if self._in_flow(start) else r"[ \t]#", line)
        return start + len((line[: stop.start()] if stop else line).rstrip(" \t\r"))

    def _indent(self, offset: int) -> int:
        line = self.line_start(offset)
        return len(self.text[line:offset]) - len(self.text[line:offset].lstrip(" "))

    def block_end(self, offset: int, indent: int) -> int:
        """The end of the last line after ``offset``'s that is indented deeper than
        ``indent`` (blank lines and deeper comments included): where a block node ends."""
        end = self.line_end(offset)
        cursor = end + 1
        while cursor < len(self.text):
            stop = self.line_end(cursor)
            line = self.text[cursor:stop].rstrip("\r")
            if line.strip():
                if len(line) - len(line.lstrip(" ")) <= indent:
                    break
                end = stop
            cursor = stop + 1
        return end if self.text[end - 1 : end] != "\r" else end - 1

    def _in_flow(self, offset: int) -> bool:
        """Whether ``offset`` is inside a flow collection on its line (``{IC: A}``)."""
        depth = 0
        start = self.line_start(offset)
        for match in re.finditer(
            r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\n]|'')*'|[\[\]{}]", self.text[start:offset]
        ):
            token = match.group()
            if token in "[{":
                depth += 1
            elif token in "]}":
                depth -= 1
        return depth > 0

    def _flow_start(self, node: YamlMap, start: int) -> int | None:
        if self.text.startswith("{", start):
            return start
        if not node.marks:
            return None
        before = self.text[:start].rstrip(" \t\r\n")
        return len(before) - 1 if before.endswith("{") else None

    def _closing(self, opening: int) -> int:
        """The offset after the bracket that closes the one at ``opening``."""
        text, depth, index = self.text, 0, opening
        while index < len(text):
            character = text[index]
            if character in "\"'":
                match = VALUE.match(text, index)
                if match is None:
                    raise self.refuse(())
                index = match.end()
                continue
            if character in "[{":
                depth += 1
            elif character in "]}":
                depth -= 1
                if depth == 0:
                    return index + 1
            index += 1
        raise self.refuse(())

    def line_start(self, offset: int) -> int:
        return self.text.rfind("\n", 0, offset) + 1

    def line_end(self, offset: int) -> int:
        return self.index.line_end(offset)

    # -- edits ---------------------------------------------------------------------

    def set(self, path: LogicalPath, key: str, value: Any) -> None:
        """Replace the value of ``key`` in the mapping at ``path`` (keeping the quotes of
        a scalar that stays a text)."""
        parent = self.mapping(path)
        old = self.child(parent, key)
        start = self.value_at(parent, key)
        end = self.end(old, start)
        flow = True
        if isinstance(old, YamlSeq):
            flow = self.text.startswith("[", start)
        elif isinstance(old, YamlMap):
            opening = self._flow_start(old, start)
            flow, start = opening is not None, start if opening is None else opening
        if not flow:  # a block collection: rewrite it from its key, on one line
            start = self.key_at(parent, key)
            self.edits.append((start, end, f"{_key(key)}: {inline(value)}"))
            return
        replacement = inline(value)
        quote = self.text[start] if start < end and self.text[start] in "\"'" else ""
        plain = replacement == value and value.isprintable() if isinstance(value, str) else False
        if quote and plain and quote not in value and "\\" not in value:
            replacement = f"{quote}{value}{quote}"  # keep the quotes the user wrote
        self.edits.append((start, end, replacement))

    def add(self, path: LogicalPath, key: str, value: Any, before: str | None = None) -> None:
        """Add ``key: value`` to the mapping at ``path``: before the key ``before`` when
        it is there, else after its last entry, in the mapping's own style."""
        parent = self.mapping(path)
        entry = f"{_key(key)}: {inline(value)}"
        if not parent.marks:
            raise self.refuse(path)
        first = self.key_at(parent, next(iter(parent.marks)))
        flow = self._flow_start(parent, first) is not None
        if before is not None and before in parent.marks:
            at = self.key_at(parent, before)
            if flow:
                self.edits.append((at, at, f"{entry}, "))
            else:
                indent = at - self.line_start(at)
                start = self.line_start(at)
                self.edits.append((start, start, " " * indent + entry + self._newline(at)))
            return
        last = list(parent.marks)[-1]
        end = self.end(self.child(parent, last), self.value_at(parent, last))
        if flow:
            self.edits.append((end, end, f", {entry}"))
            return
        indent = first - self.line_start(first)
        stop = self.line_end(end)
        newline = "\n"
        if stop > 0 and self.text[stop - 1] == "\r":
            stop, newline = stop - 1, "\r\n"
        self.edits.append((stop, stop, f"{newline}{' ' * indent}{entry}"))

    def remove(self, path: LogicalPath, key: str) -> None:
        """Remove ``key`` and its value from the mapping at ``path``."""
        parent = self.mapping(path)
        keys = list(parent.marks)
        start = self.key_at(parent, key)
        end = self.end(self.child(parent, key), self.value_at(parent, key))
        first = self.key_at(parent, keys[0])
        if self._flow_start(parent, first) is not None:
            position = keys.index(key)
            if position + 1 < len(keys):
                self.edits.append((start, self.key_at(parent, keys[position + 1]), ""))
            elif position > 0:
                previous = keys[position - 1]
                before = self.end(self.child(parent, previous), self.value_at(parent, previous))
                self.edits.append((before, end, ""))
            else:
                self.edits.append((start, end, ""))
            return
        stop = self.line_end(end)
        self.edits.append((self.line_start(start), min(stop + 1, len(self.text)), ""))

    def append(self, offset: int, block: str) -> None:
        self.edits.append((offset, offset, block))

    def _newline(self, offset: int) -> str:
        stop = self.line_end(offset)
        return "\r\n" if stop > 0 and self.text[stop - 1] == "\r" else "\n"

    def result(self) -> str:
        edited = splice(self.text, self.edits)
        if edited is None:
            raise self.refuse(())
        return edited

    def refuse(self, path: LogicalPath) -> RaciError:
        where = f" at {'.'.join(str(part) for part in path)}" if path else ""
        return RaciError(
            f"cannot edit {self.document.name} safely{where} (a value written in a form this "
            "does not edit: a block scalar, an anchor or alias, a tag); nothing was written: "
            "edit it by hand or re-import without --into"
        )


def _key(key: str) -> str:
    return key if VALUE.fullmatch(key) and inline(key) == key else inline(key)
