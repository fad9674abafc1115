"""The agreement report as a workbook: one sheet per kind of disagreement.

``Summary`` (views, alpha, agreement), ``Disputed cells`` (every cell the views differ
on: votes, consensus, and who gave which letter where), then one sheet per view rule
(``Contested accountable``, ``Unclaimed``, ``Self-view gap``, ``Low agreement``) with
its findings, and ``Perception`` (own view against the others', per function and role).
Text is written as text: a cell never becomes a formula.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from raci.output.registry import PLAIN, Medium
from raci.views.summary import disagreements, perception

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from raci.views import Outcome

RULE_SHEETS = {
    "contested-accountable": "Contested accountable",
    "unclaimed-activity": "Unclaimed",
    "self-view-gap": "Self-view gap",
    "low-agreement": "Low agreement",
}
HEADER_FILL = "2C3E50"


def render(outcome: Outcome, medium: Medium = PLAIN) -> bytes:
    merged, report = outcome.merged, outcome.report
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Summary"
    _table(summary, ["", ""], [
        ["Views", len(merged.views)],
        ["Activities", len(merged.activities)],
        ["Functions", len(merged.functions)],
        ["Krippendorff's alpha", merged.alpha],
        ["Share of answers agreeing", merged.agreement],
        ["Disputed activities", len(merged.contested)],
        *([f"View: {view.label}", view.file] for view in merged.views),
    ])  # fmt: skip
    rows = []
    for activity in merged.contested:
        for cell in disagreements(merged, activity):
            said = "; ".join(
                f"{a['respondent']} ({a['function']}): {a['letter']} at {a['place']}"
                for a in cell["others"]
            )
            votes = ", ".join(f"{label} {count}" for label, count in cell["votes"].items())
            rows.append([activity.id, activity.name, cell["function"], cell["consensus"] or "",
                         "open" if cell["open"] else "", votes, said])  # fmt: skip
    headers = ["Activity", "Name", "Function", "Consensus", "Open", "Votes", "Who differs"]
    _table(book.create_sheet("Disputed cells"), headers, rows)
    for rule, title in RULE_SHEETS.items():
        found = [
            [f.location, f.activity or "", f.function or "", f.severity, f.message]
            for f in report.findings
            if f.rule == rule
        ]
        headers = ["Where", "Activity", "Function", "Severity", "Message"]
        _table(book.create_sheet(title), headers, found)
    gaps = [
        [e["function"], e["words"], "" if e["own"] is None else e["own"], e["others"],
         "" if e["gap"] is None else e["gap"]]
        for e in perception(merged)
    ]  # fmt: skip
    _table(book.create_sheet("Perception"), ["Function", "Role", "Own view", "Others", "Gap"], gaps)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _table(sheet: Worksheet, headers: list[str], rows: list[list[Any]]) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    from raci.views.survey import text_cell

    for column, header in enumerate(headers, 1):
        cell = text_cell(sheet, 1, column, header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
    for number, values in enumerate(rows, start=2):
        for column, value in enumerate(values, 1):
            text_cell(sheet, number, column, value)
    for column in range(1, len(headers) + 1):
        width = max([len(str(headers[column - 1]))] + [len(str(r[column - 1])) for r in rows[:200]])
        sheet.column_dimensions[get_column_letter(column)].width = min(80, max(10, width + 2))
    sheet.freeze_panes = "A2"
