"""Findings: the small immutable records every formatter reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from raci.core.loader import Document, LogicalPath
    from raci.core.model import Activity
    from raci.core.views import Place

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


@dataclass(frozen=True, slots=True)
class Problem:
    """What a rule reports: a message and a logical place; the engine locates it."""

    message: str
    document: Document
    path: LogicalPath
    key: bool = False
    activity: Activity | None = None
    function: str | None = None
    place: Place | None = None
    """Where in a returned view (``raci merge``) the problem is, instead of the model."""

    def finding(self, code: str, rule: str, severity: Severity) -> Finding:
        """The located :class:`Finding` for this problem."""
        activity = self.activity.id if self.activity is not None else None
        if self.place is not None:
            at = self.place
            return Finding(
                code, rule, severity, self.message, at.file, at.line, at.column,
                activity, self.function, at.cell,
            )  # fmt: skip
        line, column = self.document.locate(self.path, key=self.key)
        return Finding(
            code, rule, severity, self.message, self.document.name, line, column,
            activity, self.function,
        )  # fmt: skip
