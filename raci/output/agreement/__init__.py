"""Renderers of a merge (``raci merge``): text and JSON on stdout, and the agreement
report as markdown, HTML, JSON or an XLSX workbook with one sheet per disagreement class.

``REPORT_FORMATS`` maps a report file's suffix to its renderer's format.
"""

from __future__ import annotations

REPORT_FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".xlsx": "xlsx",
}
