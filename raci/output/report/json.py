"""The report as JSON: the same content as the markdown and HTML, as data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.output.escape import json_text
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.report.data import ReportData


def render_json(data: ReportData, medium: Medium = PLAIN) -> str:
    return json_text(data.as_dict())
