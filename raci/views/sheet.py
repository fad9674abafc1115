"""Read a returned view from a spreadsheet (the workbook ``raci survey`` wrote, or CSV).

Above the matrix a row says whose view it is: ``Respondent | Dana | Function | HR``.
The matrix's header row has an ``Activity`` column (the name), optional ``ID``,
``Phase`` and ``Description`` columns, and one column per function headed by its id or
``Name (id)``, the headers ``raci import`` reads. Every bad cell is reported at its
place (``views/HR.xlsx:RACI!F7``) and nothing is merged until every view reads cleanly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from raci.core.errors import RaciError
from raci.core.suggest import suggest
from raci.core.views import Place, View
from raci.sheets.layout import parse_function_header, slugify, special_column, unique
from raci.sheets.read import Sheet, read_sheet
from raci.views.reference import Entry, Reference

if TYPE_CHECKING:
    from raci.core.scheme import Scheme

SHEET = "RACI"
"""The worksheet of a survey workbook that holds the matrix."""
RESPONDENT, FUNCTION = "Respondent", "Function"
_NAME_HEADERS = {"activity", "activity name", "name"}
Problems = list[tuple[str, str]]


def read_workbook_sheet(path: Path, display: str) -> Sheet:
    """The ``RACI`` sheet of a workbook (or its first sheet), or a CSV file."""
    if path.suffix.lower() not in {".xlsx", ".xlsm"}:
        return _plain_csv(path, display) or read_sheet(path, display)
    try:
        return read_sheet(path, display, SHEET)
    except RaciError as error:
        if f"has no sheet '{SHEET}'" not in error.message:
            raise
    return read_sheet(path, display)


def _plain_csv(path: Path, display: str) -> Sheet | None:
    """A UTF-8 CSV view read at C speed (a survey has hundreds); None for anything else
    (another encoding, an odd dialect), which ``raci import``'s reader then reads."""
    import csv
    import io

    from raci.core.files import FileProblem, read_limited
    from raci.output.escape import csv_unescape

    try:
        content = read_limited(path).decode("utf-8-sig")
        dialect: Any = csv.Sniffer().sniff(content[:1024], delimiters=",;\t|")
    except (OSError, FileProblem, UnicodeDecodeError, csv.Error):
        return None
    reader = csv.reader(io.StringIO(content, newline=""), dialect)
    rows: list[list[Any]] = []
    lines: list[int] = []
    previous = 0
    quoted = "'" in content  # only then can a cell hold a protected formula
    try:
        for record in reader:
            lines.append(previous + 1)
            previous = reader.line_num
            if quoted and any(cell[:1] == "'" for cell in record):
                record = [csv_unescape(cell) for cell in record]
            rows.append(record)
    except csv.Error:
        return None
    return Sheet(display, rows, lambda row, column: f"{display}:{lines[row]}:{column + 1}")


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def place(sheet: Sheet, row: int, column: int) -> Place:
    shown = sheet.place(row, column)[len(sheet.name) + 1 :]
    if "!" in shown:
        return Place(sheet.name, row + 1, column + 1, shown)
    line, col = shown.rsplit(":", 1)
    return Place(sheet.name, int(line), int(col))


@dataclass
class Layout:
    """Where things are in one sheet."""

    header: int
    respondent: tuple[str, str, Place] | None
    columns: dict[str, int] = field(default_factory=dict)
    """name, id, phase, description -> column."""
    functions: list[tuple[int, str, str]] = field(default_factory=list)
    """(column, id as written, name) of each function column."""


def layout(sheet: Sheet, problems: Problems) -> Layout:
    rows = sheet.rows
    header = next(
        (i for i, row in enumerate(rows) if any(text(v).lower() in _NAME_HEADERS for v in row)),
        None,
    )
    if header is None:
        raise RaciError(f"{sheet.name}: no header row with an 'Activity' column")
    found = Layout(header, _respondent(sheet, header, problems))
    for column, value in enumerate(rows[header]):
        label = text(value)
        kind = "name" if label.lower() in _NAME_HEADERS else special_column(label)
        if label.lower() == "description":
            kind = "description"
        if not label or kind in found.columns:
            continue
        if kind is not None:
            found.columns[kind] = column
        else:
            fid, name, _ = parse_function_header(label)
            found.functions.append((column, fid, name))
    return found


def _respondent(sheet: Sheet, header: int, problems: Problems) -> tuple[str, str, Place] | None:
    for number, row in enumerate(sheet.rows[:header]):
        cells = [text(value) for value in row]
        lowered = [cell.lower().rstrip(":") for cell in cells]
        if RESPONDENT.lower() not in lowered:
            continue
        at = lowered.index(RESPONDENT.lower()) + 1
        name = cells[at] if at < len(cells) else ""
        where = place(sheet, number, at)
        if FUNCTION.lower() in lowered:
            fat = lowered.index(FUNCTION.lower()) + 1
            function = cells[fat] if fat < len(cells) else ""
            where_function = place(sheet, number, fat)
        else:
            function, where_function = "", place(sheet, number, len(cells))
        if not name:
            problems.append((str(where), "the respondent's name is missing"))
        if not function:
            problems.append((str(where_function), "the respondent's function is missing"))
        return (name, function, where_function) if name and function else None
    problems.append(
        (
            str(place(sheet, 0, 0)),
            "no 'Respondent' row: say whose view this is above the matrix "
            "(Respondent | name | Function | function id)",
        )
    )
    return None


def reference_from(sheet: Sheet, scheme: Scheme, found: Layout) -> Reference:
    """A reference made of the first view itself, when no ``--model`` is given."""
    functions = {fid: name for _, fid, name in found.functions}
    taken: set[str] = set()
    entries: list[Entry] = []
    for row in sheet.rows[found.header + 1 :]:
        name = _cell(row, found.columns.get("name"))
        if not name:
            continue
        given = _cell(row, found.columns.get("id"))
        aid = unique(given or slugify(name), taken, f"activity-{len(entries) + 1}")
        phase = _cell(row, found.columns.get("phase")) or None
        description = _cell(row, found.columns.get("description")) or None
        entries.append(Entry(aid, name, phase, description))
    title = next(
        (
            text(row[1])
            for row in sheet.rows[: found.header]
            if len(row) > 1 and text(row[0]).lower() == "model" and text(row[1])
        ),
        None,
    )
    return Reference(scheme, functions, entries, sheet.name, title=title)


def _cell(row: list[Any], column: int | None) -> str:
    return text(row[column]) if column is not None and column < len(row) else ""


RowCache = dict[tuple[Any, ...], tuple[str | None, ...]]


def align(
    sheet: Sheet, found: Layout, reference: Reference, problems: Problems, seen: RowCache
) -> View | None:
    """The view in ``sheet`` aligned to ``reference``; problems noted at their cells.

    ``seen`` maps rows of cells already read (by any view) to their letters: most
    respondents agree on most rows, so each distinct row is read once."""
    columns: dict[int, int] = {}
    order = list(reference.functions)
    for column, fid, name in found.functions:
        known = reference.function_id(fid, name)
        if known is None:
            hint = suggest(fid, order)
            problems.append(
                (str(place(sheet, found.header, column)), f"unknown function '{fid}'{hint}")
            )
        else:
            columns[order.index(known)] = column
    rows: dict[str, tuple[str | None, ...]] = {}
    row_of: dict[str, int] = {}
    parse = reference.scheme.parse
    letters = ", ".join(reference.scheme.spellings)
    name_column = found.columns.get("name", 0)
    spans = [columns[index] for index in sorted(columns)]
    layout_key = tuple(sorted(columns))
    start, end = (spans[0], spans[-1] + 1) if spans else (0, 0)
    contiguous = spans == list(range(start, end))
    for number in range(found.header + 1, len(sheet.rows)):
        row = sheet.rows[number]
        name = _cell(row, name_column)
        given = _cell(row, found.columns.get("id"))
        if not name and not given:
            continue
        aid = reference.activity_id(given, name)
        if aid is None:
            what = f"id '{given}'" if given else f"'{name}'"
            at = found.columns.get("id", name_column) if given else name_column
            problems.append((str(place(sheet, number, at)), f"unknown activity {what}"))
            continue
        if aid in row_of:
            first = place(sheet, row_of[aid], name_column)
            problems.append(
                (str(place(sheet, number, name_column)), f"activity '{aid}' is already at {first}")
            )
            continue
        row_of[aid] = number
        if contiguous and len(row) >= end:
            raw = (layout_key, *row[start:end])  # at C speed: the usual layout
        else:
            raw = (layout_key, *(row[column] if column < len(row) else None for column in spans))
        known_row = seen.get(raw)
        if known_row is not None:
            if any(known_row):
                rows[aid] = known_row
            continue
        labels: list[str | None] = [None] * len(order)
        bad = len(problems)
        for index, column in columns.items():
            value = row[column] if column < len(row) else None
            shown = text(value)
            if not shown:
                continue
            held = parse(shown) if isinstance(value, str) else None
            if held is None:
                message = (
                    f"'{shown}' is not a {reference.scheme.title} letter: use one of {letters}"
                )
                problems.append((str(place(sheet, number, column)), message))
            else:
                labels[index] = held.label
        found_row = tuple(labels)
        if len(problems) == bad:
            seen[raw] = found_row
        if any(labels):
            rows[aid] = found_row
    if found.respondent is None:
        return None
    respondent, function, where = found.respondent
    known = reference.function_id(function, function)
    if known is None:
        hint = suggest(function, order)
        message = f"the respondent's function '{function}' is not in {reference.source}{hint}"
        problems.append((str(where), message))
        return None
    header = found.header

    def locate(activity: str, index: int) -> Place:
        column = columns.get(index, name_column)
        return place(sheet, row_of.get(activity, header), column)

    return View(respondent, known, sheet.name, rows, locate, found.respondent[2])
