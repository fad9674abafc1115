"""What an import did, said plainly: the sheet and header row used, what was read, and
every row skipped and column not made into a function (``raci import`` prints it on
stderr, or as JSON with ``--format json``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from itertools import groupby
from typing import Any, Literal

Reason = Literal["above-header", "blank", "section", "legend", "no-letters"]
_WORDS: dict[str, str] = {
    "above-header": "above the header",
    "blank": "blank",
    "section": "section",
    "legend": "legend",
    "no-letters": "no letters",
}


@dataclass(frozen=True, slots=True)
class Skipped:
    row: int
    """The row (XLSX) or line (CSV) number, 1-based."""
    place: str
    reason: Reason
    text: str = ""


@dataclass(frozen=True, slots=True)
class Column:
    column: str
    """The column letter (``F``)."""
    place: str
    header: str
    kept_as: str | None
    """The ``x-`` key its cells are kept under; None when the column is not read."""
    cells: int


@dataclass
class Summary:
    source: str
    sheet: str | None
    header_row: int
    header: str
    """The place of the header row's first cell (``matrix.xlsx:RACI!A4``)."""
    scheme: str
    activities: int
    functions: list[str]
    phases: list[str] = field(default_factory=list)
    phases_from: Literal["column", "sections", "none"] = "none"
    skipped: list[Skipped] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    """Every sheet of the workbook, the matrix's among them."""
    unit: Literal["row", "line"] = "row"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        """The summary as lines of text (no colour, no control characters from data:
        the caller escapes for the terminal)."""
        where = self.source
        if self.sheet is not None:
            others = f" (of {', '.join(self.sheets)})" if len(self.sheets) > 1 else ""
            where += f", sheet {self.sheet}{others}"
        count = len(self.functions)
        activities = _n(self.activities, "activity")
        lines = [
            f"read {where}, header {self.unit} {self.header_row}: {activities}, "
            f"{count} function{'s' * (count != 1)} ({', '.join(self.functions)}), "
            f"{self.scheme} letters"
        ]
        if self.phases:
            source = {"column": "the phase column", "sections": "section rows"}.get(
                self.phases_from, ""
            )
            lines.append(f"phases (from {source}): {', '.join(self.phases)}")
        if self.skipped:
            parts = []
            for reason, group in groupby(self.skipped, key=lambda skipped: skipped.reason):
                rows = list(group)
                shown = _ranges([skipped.row for skipped in rows])
                texts = [f'"{skipped.text}"' for skipped in rows if skipped.text]
                detail = (
                    f" ({', '.join(texts)})"
                    if texts and reason in {"section", "no-letters"}
                    else ""
                )
                parts.append(f"{shown} {_WORDS[reason]}{detail}")
            lines.append(f"skipped {_n(len(self.skipped), self.unit)}: " + "; ".join(parts))
        kept = [c for c in self.columns if c.kept_as is not None]
        ignored = [c for c in self.columns if c.kept_as is None]
        if kept:
            lines.append(
                "columns kept as metadata: "
                + ", ".join(
                    f"{c.column} {c.header} -> {c.kept_as}{'' if c.cells else ' (empty)'}"
                    for c in kept
                )
            )
        if ignored:
            lines.append(
                "columns not read (no header): "
                + ", ".join(f"{c.column} ({_n(c.cells, 'cell')})" for c in ignored)
            )
        return lines


def _n(count: int, word: str) -> str:
    plural = "activities" if word == "activity" else f"{word}s"
    return f"{count} {word if count == 1 else plural}"


def _ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 7, 9, 10]`` -> ``1-3, 7, 9-10``."""
    spans: list[list[int]] = []
    for number in numbers:
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)
