"""Find, read and align every returned view; report every bad cell before merging any.

Paths may be files or directories (searched recursively, sorted; hidden files and the
``~$`` lock files spreadsheet programs leave are skipped). Views are ``.xlsx``/``.xlsm``
workbooks, ``.csv`` files or ``.yaml``/``.yml`` ownership files, in any mix.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from raci.core.errors import RaciError
from raci.core.views import View
from raci.views import sheet as sheets
from raci.views import yaml_view
from raci.views.reference import Reference

if TYPE_CHECKING:
    from raci.core.scheme import Scheme
    from raci.sheets.read import Sheet

SUFFIXES = {".xlsx", ".xlsm", ".csv", ".yaml", ".yml"}


def view_files(paths: Sequence[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = [
                file
                for file in path.rglob("*")
                if file.suffix.lower() in SUFFIXES
                and file.is_file()
                and not file.name.startswith("~$")
                and not any(p.startswith(".") for p in file.relative_to(path).parts)
            ]
            if not inside:
                raise RaciError(f"{path}: the directory holds no views (.xlsx, .csv, .yaml)")
            found += sorted(inside, key=lambda file: file.relative_to(path).as_posix())
        elif not path.exists():
            raise RaciError(f"{path}: no such file or directory")
        elif path.suffix.lower() not in SUFFIXES:
            raise yaml_view.no_view(path)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def read_views(
    paths: Sequence[Path], reference: Reference | None = None
) -> tuple[Reference, list[View]]:
    """The reference (``reference``, else the first view) and every view aligned to it.

    Raises one :class:`~raci.sheets.importer.SheetProblems` listing every bad cell of
    every view (unknown activity or function, bad letter, missing respondent).
    """
    from raci.sheets.importer import SheetProblems

    files = view_files(paths)
    problems: list[tuple[str, str]] = []
    views: list[View] = []
    seen: sheets.RowCache = {}
    for file in files:
        display = file.as_posix()
        view: View | None
        if yaml_view.is_yaml(file):
            model = yaml_view.load_view_model(file, display)
            if reference is None:
                reference = yaml_view.reference_from(model)
            view = yaml_view.align(model, reference, problems)
        else:
            sheet = sheets.read_workbook_sheet(file, display)
            found = sheets.layout(sheet, problems)
            if reference is None:
                reference = sheets.reference_from(sheet, _scheme_of(sheet, found), found)
            view = sheets.align(sheet, found, reference, problems, seen)
        if view is not None:
            _no_second_answer(view, views, problems)
            views.append(view)
    if problems:
        source = files[0].as_posix() if len(files) == 1 else f"{len(files)} views"
        raise SheetProblems(source, problems)
    assert reference is not None  # view_files never returns an empty list
    return reference, views


def _no_second_answer(view: View, views: list[View], problems: list[tuple[str, str]]) -> None:
    for other in views:
        if (other.respondent, other.function) == (view.respondent, view.function):
            problems.append(
                (
                    str(view.respondent_place),
                    f"{view.label} already answered in {other.file}: one view per respondent",
                )
            )


def _scheme_of(sheet: Sheet, found: sheets.Layout) -> Scheme:
    """The scheme of a view made without a model: as the workbook declares, else as
    ``raci import`` recognises it from the letters."""
    from raci.sheets.detect import recognise

    columns = [column for column, _, _ in found.functions]
    cells = [
        value if isinstance(value, str) else None
        for row in sheet.rows[found.header + 1 :]
        for column in columns
        if column < len(row) and (value := row[column]) is not None and sheets.text(value)
    ]
    return recognise(cells, sheet.scheme)
