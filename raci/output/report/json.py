"""The report as JSON: the same content as the markdown and HTML, as data."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.report.data import ReportData


def render_json(data: ReportData, medium: Medium = PLAIN) -> str:
    return json.dumps(data.as_dict(), indent=2, ensure_ascii=False) + "\n"
