"""Run a view rule's documented example: each ``---`` part is one view file."""

from __future__ import annotations

from pathlib import Path

from raci.core.view_rules import view_documents
from raci.engine import Report
from raci.views import merge_views


def merge_example(example: str, folder: Path) -> Report:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, text in enumerate(view_documents(example), start=1):
        path = folder / f"view-{number}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return merge_views(paths).report
