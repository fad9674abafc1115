"""``raci export``: the checked model's matrix as CSV, or as an XLSX workbook (bytes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.engine import Report


def render_csv(report: Report, medium: Medium = PLAIN) -> str:
    from raci.sheets.export import to_csv

    return to_csv(report.models[0])


def render_xlsx(report: Report, medium: Medium = PLAIN) -> bytes:
    from raci.sheets.xlsx import to_xlsx

    return to_xlsx(report.models[0], report)
