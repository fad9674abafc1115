"""Findings: the small immutable records every formatter reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

PARSE_ERROR = ("RACI900", "parse-error")
SCHEMA_ERROR = ("RACI901", "schema-error")
INPUT_RULES = frozenset({PARSE_ERROR[1], SCHEMA_ERROR[1]})


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, located at ``file:line:column`` (1-based)."""

    code: str
    rule: str
    severity: Severity
    message: str
    file: str
    line: int
    column: int
    activity: str | None = None
    function: str | None = None
    cell: str | None = None
    """In a spreadsheet (a view ``raci merge`` read): ``Sheet!D7``; ``line`` and
    ``column`` are then its row and column numbers."""

    @property
    def location(self) -> str:
        if self.cell:
            return f"{self.file}:{self.cell}"
        return f"{self.file}:{self.line}:{self.column}"

    @property
    def is_input_error(self) -> bool:
        """Parse and schema errors mean the input could not be used (exit 2)."""
        return self.rule in INPUT_RULES

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)

    def as_dict(self) -> dict[str, str | int | None]:
        found: dict[str, str | int | None] = {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "activity": self.activity,
            "function": self.function,
        }
        if self.cell:
            found["cell"] = self.cell
        return found


def input_finding(
    kind: tuple[str, str], message: str, file: str, line: int = 1, column: int = 1
) -> Finding:
    """A ``parse-error`` or ``schema-error`` finding."""
    code, rule = kind
    return Finding(code, rule, "error", message, file, line, column)
