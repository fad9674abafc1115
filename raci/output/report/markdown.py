"""The report as GitHub-flavoured markdown, for a repository, a wiki or a PR.

Every table row has exactly the header's cell count, user text is escaped so it can
never open a link, emphasis or a new cell, and diagrams are mermaid blocks that
GitHub and GitLab render in place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from raci.output.escape import markdown, markdown_code
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.report.data import ReportData


def text(value: str) -> str:
    """Plain text that renders as itself: markdown's inline syntax escaped, on one line."""
    return markdown(" ".join(value.split()))


def code(value: str) -> str:
    """A code span that holds ``value`` whatever backticks it contains."""
    return markdown_code(value)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    """A GFM table; ``align`` has one of ``l``, ``r``, ``c`` per column (default left).

    Cells are markdown already; a pipe in them is escaped here, which GFM requires even
    inside code spans.
    """
    marks = {"l": "---", "r": "---:", "c": ":---:"}
    rule = [marks[align[index] if index < len(align) else "l"] for index in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        assert len(cells) == len(headers), "every row has the header's cell count"
        joined = "\0".join(cells)  # escape a whole row at once: tables can be 500k cells
        return "| " + joined.replace("|", "\\|").replace("\0", " | ") + " |"

    return "\n".join([line(headers), line(rule), *(line(row) for row in rows)])


def render_markdown(data: ReportData, medium: Medium = PLAIN) -> str:
    from raci.output.report import markdown_parts as parts

    blocks: list[str] = []
    for section in parts.SECTIONS:
        blocks += section(data)
    names = parts.names(data)
    for extra in data.sections:
        blocks += parts.contributed(extra, names)
    blocks += parts.appendix(data)
    return "\n\n".join(blocks) + "\n"
