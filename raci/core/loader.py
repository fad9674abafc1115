"""Read ownership files: bytes -> YAML events (libyaml) -> plain values plus positions.

We build values straight from the parser's event stream instead of composing a node
tree, because a node tree of a 100,000-activity file does not fit in a sane amount of
memory, and because it lets us refuse what PyYAML would silently accept:

* duplicate keys (PyYAML keeps the last one);
* any tag that would build a Python object (we construct nothing but str, int, float,
  bool, None, dict and list, so nothing is ever executed);
* alias bombs: every alias is counted at its expanded size, and a document that expands
  far beyond its own length is refused as soon as the parser reaches the alias;
* pathologically deep nesting, refused at ``MAX_DEPTH`` without recursion.

Plain scalars are resolved with the YAML 1.2 core schema, so ``off``, ``no`` and ``NO``
stay strings (the "Norway problem" does not bite function ids or rule settings), and
mapping keys are always the text the user wrote.

Positions live beside the values: a :class:`YamlMap` knows where each key and each value
starts, a :class:`YamlSeq` where each item starts. Rules speak in logical paths such as
``("activities", 3, "raci", "IC")``; :meth:`Document.locate` turns one into a 1-based
line and column without scanning.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml import events

from raci.core.scalars import (
    MAX_DIGITS,
    NUMBER_START,
    SPECIAL,
    TAG,
    TooLong,
    UnsafeTag,
    tag_problem,
    tagged,
)
from raci.core.scalars import plain as resolve_plain

try:  # pragma: no cover - which one depends on the PyYAML build
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader as _Reader
    from yaml.scanner import Scanner as _Scanner

    class _Parser(_Reader, _Scanner, _PyParser):  # type: ignore[no-redef]
        def __init__(self, stream: bytes) -> None:
            _Reader.__init__(self, stream)
            _Scanner.__init__(self)
            _PyParser.__init__(self)


MAX_DEPTH = 100
"""Deepest nesting of mappings and sequences we read; ownership files need five."""

ALIAS_BUDGET = 1_000_000
"""Nodes that aliases may add, beyond ten times the nodes the file really holds."""

_LINE = 32
_KEY = 64
_LOW = (1 << _LINE) - 1
_POS = (1 << _KEY) - 1

PathSegment = str | int
LogicalPath = tuple[PathSegment, ...]


class YamlMap(dict[str, Any]):
    """A mapping that remembers where its keys and values start.

    ``mark`` is the position of its first key (or of the mapping when empty; while the
    mapping is being read and has no key yet, it is ``-1 - start``);
    ``marks[key]`` packs the key's and the value's position; ``extensions`` keeps the
    ``x-`` keys, which are user metadata and not part of the schema.
    """

    __slots__ = ("extensions", "mark", "marks")

    def __init__(self, mark: int) -> None:
        super().__init__()
        self.mark = mark
        self.marks: dict[str, int] = {}
        self.extensions: dict[str, Any] | None = None


class YamlSeq(list[Any]):
    """A sequence that remembers where each item starts."""

    __slots__ = ("mark", "marks")

    def __init__(self, mark: int) -> None:
        super().__init__()
        self.mark = mark
        self.marks: list[int] = []


class ParseProblem(Exception):
    """The file cannot be read as YAML; ``line`` and ``column`` are 1-based."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def unpack(position: int) -> tuple[int, int]:
    """A packed 0-based position as a 1-based (line, column)."""
    return (position >> _LINE) + 1, (position & _LOW) + 1


@dataclass(slots=True)
class Document:
    """One parsed file: its display name, its values, and where each value is."""

    path: Path
    name: str
    data: YamlMap

    def release(self) -> None:
        """Let go of the values and their positions once every finding is located (a
        diff holds two models at once); :meth:`locate` then answers the file's start."""
        self.data = YamlMap(self.data.mark)

    def locate(self, path: LogicalPath, *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of ``path``; of its key when ``key`` is true.

        A path that leaves the document (a rule or pydantic naming a value that is not
        there) resolves to the deepest node that exists, so a location is always given.
        """
        node: Any = self.data
        position = self.data.mark
        for index, segment in enumerate(path):
            last = index == len(path) - 1
            if isinstance(node, YamlMap) and isinstance(segment, str) and segment in node:
                packed = node.marks[segment]
                if last and key:
                    return unpack(packed >> _KEY)
                position = packed & _POS
            elif isinstance(node, YamlSeq) and isinstance(segment, int) and segment < len(node):
                position = node.marks[segment]
            else:
                continue  # a segment that names no node (a pydantic type tag): skip it
            node = node[segment]
            if isinstance(node, YamlMap | YamlSeq):
                position = node.mark
        return unpack(position)


# -- the event loop ---------------------------------------------------------------

_NO_KEY: Any = object()
_MERGE: Any = object()
_CONTAINER_TAGS = {None, "!", TAG + "map", TAG + "seq"}


def parse(data: bytes) -> YamlMap:
    """Parse one YAML document whose top level is a mapping.

    Raises :class:`ParseProblem` with a 1-based position for every way a file can be
    unusable: invalid UTF-8, YAML syntax, duplicate keys, unsafe tags, alias bombs,
    excessive depth, an empty file or a top level that is not a mapping.
    """
    _check_utf8(data)
    parser = None
    try:
        parser = _Parser(data)
        return _build(parser, data)
    except yaml.MarkedYAMLError as error:
        from raci.core.yaml_errors import explain

        raise ParseProblem(*explain(error, data)) from None
    except yaml.reader.ReaderError as error:
        line, column = _offset_position(data, error.position)
        raise ParseProblem(f"invalid YAML: {error.reason}", line, column) from None
    except yaml.YAMLError as error:  # pragma: no cover - libyaml reports the above
        raise ParseProblem(f"invalid YAML: {error}") from None
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()


def _check_utf8(data: bytes) -> None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _offset_position(data, error.start)
        raise ParseProblem(
            f"the file is not valid UTF-8 text (byte 0x{data[error.start]:02x})", line, column
        ) from None


def _offset_position(data: bytes, offset: int) -> tuple[int, int]:
    start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def _build(parser: Any, data: bytes) -> YamlMap:
    """The hot loop: one pass over the events, kept flat on purpose.

    The state of the open container lives in locals (``container``, ``in_map``,
    ``marks``, ``key`` ...) and is pushed on ``stack`` when a child opens: a function
    call or an attribute look-up per event would cost a sizeable share of the parse.
    """
    get = parser.get_event
    get()  # StreamStartEvent
    event = get()
    if isinstance(event, events.StreamEndEvent):
        raise ParseProblem("the file is empty: an ownership file starts with 'version: 1'")

    scalar_event, alias_event = events.ScalarEvent, events.AliasEvent
    map_start, seq_start = events.MappingStartEvent, events.SequenceStartEvent
    map_end, seq_end = events.MappingEndEvent, events.SequenceEndEvent
    plain, special, number_start = resolve_plain, SPECIAL, NUMBER_START
    no_key, merge_key = _NO_KEY, _MERGE

    anchors: dict[str, tuple[Any, int, int]] = {}
    stack: list[tuple[Any, bool, Any, Any, int, Any, str | None, int]] = []
    container: Any = None  # the open YamlMap or YamlSeq
    in_map = False  # whether it is a mapping
    marks: Any = None  # its positions (dict for a mapping, list for a sequence)
    key: Any = no_key  # the key waiting for its value, in an open mapping
    key_position = 0
    merges: Any = None  # (value, position) pairs of '<<' merge keys in an open mapping
    anchor: str | None = None  # the anchor of the open container
    started = 0  # node count when the open container started
    count = 0  # nodes, aliases counted at their expanded size
    aliased = 0  # nodes added by aliases
    root: YamlMap | None = None

    while True:
        event = get()
        cls = event.__class__
        value: Any
        if cls is scalar_event:
            mark = event.start_mark
            position = mark.line << 32 | mark.column
            tag = event.tag
            count += 1
            if in_map and key is no_key:
                if tag is not None and tag != "!" and tag != TAG + "str":
                    raise ParseProblem(_keytag_problem(tag), mark.line + 1, mark.column + 1)
                key = event.value
                if ("{" in key or "[" in key) and not event.style:
                    _colon_less(data, mark)  # 'HR {name: Human Resources}'
                if key in marks:
                    _duplicate(container, key, position)
                if container.mark < 0:
                    container.mark = position
                key_position = position
                if event.anchor is not None:
                    anchors[event.anchor] = (key, position, 1)
                if key == "<<" and event.implicit[0]:
                    key = merge_key
                continue
            if container is None:
                if not event.style:  # plain ('' from libyaml, None from PyYAML)
                    _colon_less(data, mark)  # 'version 1'
                raise ParseProblem(_top_level_problem(event), mark.line + 1, mark.column + 1)
            value = event.value
            if tag is None:
                if event.implicit[0]:
                    if value in special:
                        value = special[value]
                    elif value[0] in number_start:
                        try:
                            value = plain(value)
                        except TooLong:
                            raise ParseProblem(
                                f"a number of more than {MAX_DIGITS} digits cannot be read",
                                mark.line + 1, mark.column + 1,
                            ) from None  # fmt: skip
            elif tag != "!":
                try:
                    value = tagged(value, tag)
                except TooLong:
                    raise ParseProblem(
                        f"a number of more than {MAX_DIGITS} digits cannot be read",
                        mark.line + 1, mark.column + 1,
                    ) from None  # fmt: skip
                except UnsafeTag:
                    raise ParseProblem(tag_problem(tag), mark.line + 1, mark.column + 1) from None
                except ValueError as error:
                    raise ParseProblem(str(error), mark.line + 1, mark.column + 1) from None
            if event.anchor is not None:
                anchors[event.anchor] = (value, position, 1)
        elif cls is map_start or cls is seq_start:
            mark = event.start_mark
            position = mark.line << 32 | mark.column
            if event.tag not in _CONTAINER_TAGS:
                raise ParseProblem(tag_problem(event.tag), mark.line + 1, mark.column + 1)
            if len(stack) >= MAX_DEPTH:
                raise ParseProblem(
                    f"the document nests deeper than {MAX_DEPTH} levels", mark.line + 1,
                    mark.column + 1,
                )  # fmt: skip
            if container is None and cls is seq_start:
                raise ParseProblem(_top_level_problem(event), mark.line + 1, mark.column + 1)
            if in_map and key is no_key:
                raise ParseProblem(
                    "a mapping key must be plain text, not a mapping or a list",
                    mark.line + 1, mark.column + 1,
                )  # fmt: skip
            count += 1
            stack.append((container, in_map, marks, key, key_position, merges, anchor, started))
            in_map = cls is map_start
            # a mapping's mark stays negative until its first key arrives
            container = YamlMap(-1 - position) if in_map else YamlSeq(position)
            marks = container.marks
            key, merges, anchor, started = no_key, None, event.anchor, count
            continue
        elif cls is map_end or cls is seq_end:
            value = container
            if value.mark < 0:
                value.mark = -1 - value.mark
            position = value.mark
            if merges is not None:
                _merge(value, merges)
            if anchor is not None:
                anchors[anchor] = (value, position, count - started + 1)
            container, in_map, marks, key, key_position, merges, anchor, started = stack.pop()
            if container is None:
                root = value
                break
        elif cls is alias_event:
            mark = event.start_mark
            position = mark.line << 32 | mark.column
            if event.anchor not in anchors:
                raise ParseProblem(
                    f"alias '*{event.anchor}' refers to no anchor defined before it",
                    mark.line + 1, mark.column + 1,
                )  # fmt: skip
            value, _, size = anchors[event.anchor]
            count += size
            aliased += size
            if aliased > ALIAS_BUDGET + 10 * (count - aliased):
                raise ParseProblem(
                    f"alias '*{event.anchor}' expands the document beyond "
                    f"{ALIAS_BUDGET:,} nodes; refusing what looks like an alias bomb",
                    mark.line + 1, mark.column + 1,
                )  # fmt: skip
            if container is None:
                raise ParseProblem(_top_level_problem(event), mark.line + 1, mark.column + 1)
            if in_map and key is no_key:
                if not isinstance(value, str):
                    raise ParseProblem(
                        "a mapping key must be plain text, not a mapping or a list",
                        mark.line + 1, mark.column + 1,
                    )  # fmt: skip
                key = value
                if key in marks:
                    _duplicate(container, key, position)
                if container.mark < 0:
                    container.mark = position
                key_position = position
                continue
        else:  # pragma: no cover - libyaml emits nothing else inside a document
            continue

        # attach the finished value to the open container
        if not in_map:
            container.append(value)
            marks.append(position)
        elif key is merge_key:
            if merges is None:
                merges = []
            merges.append((value, position))
            key = no_key
        else:
            if key[:2] == "x-":
                if container.extensions is None:
                    container.extensions = {}
                container.extensions[key] = value
            else:
                container[key] = value
            marks[key] = key_position << 64 | position
            key = no_key

    event = get()
    if not isinstance(event, events.DocumentEndEvent):  # pragma: no cover - parser guarantees
        raise ParseProblem("invalid YAML: the document does not end")
    event = get()
    if not isinstance(event, events.StreamEndEvent):
        mark = event.start_mark
        raise ParseProblem(
            "the file holds more than one YAML document ('---'); use one file per document "
            "or a directory of files",
            mark.line + 1,
            mark.column + 1,
        )
    assert root is not None
    return root


def _duplicate(container: YamlMap, key: str, position: int) -> None:
    line, column = unpack(position)
    first, _ = unpack(container.marks[key] >> _KEY)
    raise ParseProblem(f"duplicate key '{key}' (first defined on line {first})", line, column)


def _merge(target: YamlMap, merges: list[tuple[Any, int]]) -> None:
    """Apply '<<' merge keys: explicit keys win, then earlier merged mappings."""
    for value, position in merges:
        sources = value if isinstance(value, list) else [value]
        for source in sources:
            if not isinstance(source, YamlMap):
                line, column = unpack(position)
                raise ParseProblem(
                    "a merge key '<<' takes a mapping or a list of mappings", line, column
                )
            for name, item in source.items():
                if name not in target:
                    target[name] = item
                    target.marks[name] = source.marks[name]


def _colon_less(data: bytes, mark: Any) -> None:
    """Raise the missing-colon problem when the plain text at ``mark`` is a key written
    without its ':' that YAML could still read."""
    from raci.core.yaml_colons import colon_less

    found = colon_less(data, mark.line, mark.column)
    if found is not None:
        raise ParseProblem(*found)


def _top_level_problem(event: Any) -> str:
    kind = {events.SequenceStartEvent: "a list", events.AliasEvent: "an alias"}.get(
        event.__class__, "a single value"
    )
    return (
        f"the top level of an ownership file must be a mapping (version, functions, "
        f"activities), not {kind}"
    )


def _keytag_problem(tag: str) -> str:
    if tag.startswith(TAG) and tag[len(TAG) :] in {"int", "float", "bool", "null"}:
        return "a mapping key must be text; drop the tag"
    return tag_problem(tag)
