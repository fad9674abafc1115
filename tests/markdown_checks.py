"""Check generated markdown the way GitHub reads it.

Tables: markdown-it-py (CommonMark plus GFM tables) finds them, and every source row
must split into exactly the header's number of cells (markdown-it pads or drops cells
silently, so the source rows are checked too). Mermaid: no mermaid parser runs in this
environment's Python, so the blocks are checked against the grammar of the two diagram
kinds raci writes, line by line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

PARSER = MarkdownIt("commonmark").enable("table")


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]


def _inline_text(token: Token) -> str:
    """What a reader sees in a cell: text and code, markup removed."""
    return "".join(
        child.content for child in token.children or [] if child.type in {"text", "code_inline"}
    )


def split_row(line: str) -> list[str]:
    """GFM's cell split: on pipes not escaped by a backslash, outer pipes dropped."""
    cells = re.split(r"(?<!\\)\|", line.strip())
    return cells[1:-1]


def tables(markdown: str) -> list[Table]:
    """Every table, with each row's cells as rendered text; raw rows checked for shape."""
    tokens = PARSER.parse(markdown)
    lines = markdown.splitlines()
    found: list[Table] = []
    for index, token in enumerate(tokens):
        if token.type != "table_open":
            continue
        assert token.map is not None
        start, end = token.map
        widths = {len(split_row(line)) for line in lines[start:end]}
        assert len(widths) == 1, f"rows of unequal width in lines {start + 1}-{end}: {widths}"
        header: list[str] = []
        rows: list[list[str]] = []
        current: list[str] = []
        for inner in tokens[index + 1 :]:
            if inner.type == "table_close":
                break
            if inner.type == "tr_open":
                current = []
            elif inner.type == "inline":
                current.append(_inline_text(inner))
            elif inner.type == "tr_close":
                if header:
                    rows.append(current)
                else:
                    header = current
        assert all(len(row) == len(header) for row in rows)
        assert len(header) == widths.pop()
        found.append(Table(header, rows))
    return found


def headings(markdown: str) -> list[tuple[int, str]]:
    tokens = PARSER.parse(markdown)
    return [
        (int(token.tag[1]), _inline_text(tokens[index + 1]))
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def mermaid_blocks(markdown: str) -> list[str]:
    return [
        token.content
        for token in PARSER.parse(markdown)
        if token.type == "fence" and token.info.strip() == "mermaid"
    ]


_LABEL = r'"[^"\n]*"'
_NODE = re.compile(rf"^    (f\d+)\[{_LABEL}\]$")
_EDGE = re.compile(r'^    (f\d+) ---\|"\d+"\| (f\d+)$')
_CLASSDEF = re.compile(r"^    classDef bridge [a-z-]+:[#\w]+(,[a-z-]+:[#\w]+)*$")
_CLASS = re.compile(r"^    class (f\d+(?:,f\d+)*) bridge$")


def check_flowchart(block: str) -> list[str]:
    """Assert ``block`` is a flowchart raci writes; return its node ids."""
    lines = block.rstrip("\n").split("\n")
    assert lines[0] == "flowchart LR"
    nodes: list[str] = []
    for line in lines[1:]:
        if node := _NODE.match(line):
            assert not re.search(r"[<>&]", line), f"raw markup in a label: {line}"
            nodes.append(node.group(1))
        elif edge := _EDGE.match(line):
            assert edge.group(1) in nodes, line
            assert edge.group(2) in nodes, line
        elif _CLASSDEF.match(line):
            continue
        elif classes := _CLASS.match(line):
            assert set(classes.group(1).split(",")) <= set(nodes), line
        else:
            raise AssertionError(f"not flowchart syntax raci writes: {line!r}")
    assert len(set(nodes)) == len(nodes)
    return nodes


_NUMBER = r"-?\d+(?:\.\d+)?"


def check_xychart(block: str) -> tuple[list[str], list[float]]:
    """Assert ``block`` is an ``xychart-beta`` bar chart; return its labels and bars."""
    lines = block.rstrip("\n").split("\n")
    assert lines[0] == "xychart-beta"
    assert re.fullmatch(rf"    title {_LABEL}", lines[1]), lines[1]
    axis = re.fullmatch(rf"    x-axis \[((?:{_LABEL}(?:, {_LABEL})*)?)\]", lines[2])
    assert axis, lines[2]
    labels = re.findall(r'"([^"]*)"', axis.group(1))
    top = re.fullmatch(rf"    y-axis {_LABEL} 0 --> (\d+)", lines[3])
    assert top, lines[3]
    bars = re.fullmatch(rf"    bar \[((?:{_NUMBER}(?:, {_NUMBER})*)?)\]", lines[4])
    assert bars, lines[4]
    values = [float(value) for value in bars.group(1).split(", ") if value]
    assert len(values) == len(labels)
    assert all(0 <= value <= int(top.group(1)) for value in values)
    for line in lines[5:]:
        series = re.fullmatch(rf"    line \[({_NUMBER}(?:, {_NUMBER})*)\]", line)
        assert series, line
        assert len(series.group(1).split(", ")) == len(labels), line
    return labels, values
