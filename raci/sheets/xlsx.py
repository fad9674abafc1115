"""``raci export --format xlsx``: a workbook a consultant can hand over and take back.

Sheet ``Matrix`` (first, so ``raci import`` reads it back): letters colour-coded by
role, header row and activity column frozen, a filter on the header, and a drop-down of
the scheme's letters on every function cell. Sheet ``Legend``: what each letter of the
scheme means, in the matrix's colours (a sheet of its own, so the matrix stays one table
that imports cleanly). Sheet ``Functions``: id, name, capacity, description and waivers
of every function (capacity per phase and ``ends:`` when used), read back by ``raci
import`` so a round trip loses nothing (the matrix has Eligible, Waivers and ``x-``
columns for the same reason). Sheets ``People`` and ``Person letters`` for a model with
members (see :mod:`raci.sheets.people`). Sheet ``Load``:
per function counts by role, load, capacity and share of accountability, with a bar
chart. Sheet ``Findings``: what ``raci check``
reports, one row each. The workbook names its scheme in the custom document property
``raci scheme``, which ``raci import`` prefers when the letters fit it, and keeps
``phases:`` and ``fte_unit:`` in ``raci phases`` and ``raci fte unit``.
"""

from __future__ import annotations

import copy
import io
import weakref
from typing import TYPE_CHECKING, Any

from raci.core.scheme import Role
from raci.output.palette import ROLE_COLOURS, SEVERITY_COLOURS
from raci.sheets.export import matrix_grid
from raci.sheets.layout import (
    FTE_UNIT_PROPERTY,
    FUNCTIONS_SHEET,
    PHASES_PROPERTY,
    SCHEME_PROPERTY,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from raci.core.context import Context
    from raci.core.model import Model
    from raci.core.scheme import Scheme
    from raci.engine import Report

HEADER_FILL = "2C3E50"
ROLE_TEXT = {
    Role.OWNER: "owns the outcome",
    Role.WORKER: "does the work",
    Role.CONSULTED: "gives input",
    Role.INFORMED: "is kept informed",
}
LEGEND_HEADERS = ["Letter", "Word", "Role", "Meaning"]
FINDING_HEADERS = ["Severity", "Code", "Rule", "File", "Line", "Column", "Activity", "Function"]
FINDING_HEADERS.append("Message")


def to_xlsx(model: Model, report: Report) -> bytes:
    """The workbook as bytes (written atomically by the caller)."""
    from openpyxl import Workbook
    from openpyxl.packaging.custom import StringProperty

    from raci import __version__
    from raci.output.escape import sheet_text, spreadsheet

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Matrix"
    _matrix(sheet, model)
    _functions(workbook.create_sheet(FUNCTIONS_SHEET), model)
    if model.has_people:
        _people(workbook, model)
    _legend(workbook.create_sheet("Legend"), model.scheme)
    _load(workbook.create_sheet("Load"), model, report.contexts[0] if report.contexts else None)
    _findings(workbook.create_sheet("Findings"), report)
    if model.name:  # the title imports back as the model's name
        workbook.properties.title = sheet_text(model.name)
    if model.description:
        workbook.properties.description = sheet_text(model.description)
    workbook.properties.creator = f"raci {__version__}"
    for name, value in _properties(model):
        prop = StringProperty(name=name, value=value)
        workbook.custom_doc_props.append(prop)  # type: ignore[attr-defined]  # not in the stubs
    for worksheet in workbook.worksheets:
        # The cells that exist: iter_rows() would create every empty cell of the grid.
        for cell in worksheet._cells.values():
            spreadsheet(cell)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _properties(model: Model) -> list[tuple[str, str]]:
    """The scheme, and ``phases:`` and ``fte_unit:`` when the model declares them."""
    import json

    found = [(SCHEME_PROPERTY, model.scheme.name)]
    if model.declared_phases:
        found.append((PHASES_PROPERTY, json.dumps(model.phases)))
    if any(document.data.get("fte_unit") is not None for document in model.documents):
        unit = model.fte_unit
        found.append((FTE_UNIT_PROPERTY, str(int(unit)) if unit.is_integer() else repr(unit)))
    return found


def _append(sheet: Worksheet, values: list[Any]) -> None:
    """A row of cells, text cleaned of what a worksheet cannot hold (see escape).

    Empty values make no cell (a list would make one each: most of a matrix is empty,
    and those cells cost a third of a large export); ``append`` takes a mapping of
    column numbers for that, and an empty row still takes its line.
    """
    from raci.output.escape import sheet_value

    sheet.append(
        {column: sheet_value(value) for column, value in enumerate(values, 1) if value is not None}
    )


_MADE: weakref.WeakKeyDictionary[Any, dict[tuple[str, str, bool, str], Any]]
_MADE = weakref.WeakKeyDictionary()
"""Per workbook, the style array of each (fill, text colour, bold, alignment) made."""


def _style(cell: Any, fill: str, text: str, *, bold: bool = False, align: str = "") -> None:
    """Colour ``cell`` (and align it: ``"centre"``, or ``"header"`` to wrap and centre).

    openpyxl hashes every new fill and font against the workbook's style tables, which
    was half of a 10,000-activity export; each combination is made once per workbook
    and every other cell copies its style array, as openpyxl's own sheet copy does.
    """
    made = _MADE.setdefault(cell.parent.parent, {})
    key = (fill, text, bold, align)
    style = made.get(key)
    if style is not None:
        cell._style = copy.copy(style)
        return
    from openpyxl.styles import Alignment, Font, PatternFill

    cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
    cell.font = Font(color=text, bold=bold)
    if align:
        wrap = align == "header"
        cell.alignment = Alignment(
            horizontal="center", vertical="center" if wrap else None, wrap_text=wrap or None
        )
    made[key] = copy.copy(cell._style)


def _header(sheet: Worksheet, headers: list[str], widths: list[float]) -> None:
    from openpyxl.utils import get_column_letter

    _append(sheet, headers)
    for index, cell in enumerate(sheet[1], start=1):
        _style(cell, HEADER_FILL, "FFFFFF", bold=True, align="header")
        sheet.column_dimensions[get_column_letter(index)].width = widths[index - 1]
    sheet.row_dimensions[1].height = 45
    sheet.freeze_panes = "A2"


def _matrix(sheet: Worksheet, model: Model) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from raci.report.build import role_of

    grid = matrix_grid(model)  # text is escaped for the sheet as it is appended
    first = grid.first_function
    widths = [
        min(60.0, max(len(str(value or "")) for value in column) + 2)
        for column in zip(grid.headers[:first], *(row[:first] for row in grid.rows), strict=False)
    ] + [14.0] * len(grid.functions)
    _header(sheet, grid.headers, widths)
    centred = Alignment(horizontal="center")
    for number, values in enumerate(grid.rows, start=2):
        _append(sheet, values)
        for column in range(first, len(values)):
            label = values[column]
            if not isinstance(label, str):
                continue
            cell = sheet.cell(number, column + 1)
            role = role_of(model.scheme.parse(label))
            if role is not None:
                fill, text = ROLE_COLOURS[role]
                _style(cell, fill, text, bold=role == Role.OWNER.value, align="centre")
            else:
                cell.alignment = centred
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions
    if grid.rows and grid.functions:
        letters = ",".join(model.scheme.spellings)
        check = DataValidation(type="list", formula1=f'"{letters}"', allow_blank=True)
        check.errorStyle = "warning"
        check.error = f"Use one of {letters.replace(',', ', ')}"
        check.showErrorMessage = True
        last = len(grid.rows) + 1
        check.add(f"{get_column_letter(first + 1)}2:{get_column_letter(len(grid.headers))}{last}")
        sheet.add_data_validation(check)


def _functions(sheet: Worksheet, model: Model) -> None:
    """Every function with what the matrix cannot show (``raci import`` reads it back)."""
    from raci.sheets.functions import function_headers, function_row

    headers, phases, ends = function_headers(model)
    widths = [12.0, 30.0, 10.0] + [12.0] * len(phases) + [12.0] * ends + [60.0, 40.0]
    _header(sheet, headers, widths)
    for function in model.functions.values():
        _append(sheet, function_row(function, phases, ends))


def _people(workbook: Any, model: Model) -> None:
    """The People sheet (members) and the Person letters sheet (``people:``), letters
    coloured as in the matrix, with the scheme's drop-down."""
    from openpyxl.worksheet.datavalidation import DataValidation

    from raci.report.build import role_of
    from raci.sheets.people import (
        LETTER_HEADERS,
        LETTERS_SHEET,
        PEOPLE_HEADERS,
        PEOPLE_SHEET,
        letter_rows,
        people_rows,
    )

    sheet = workbook.create_sheet(PEOPLE_SHEET)
    _header(sheet, PEOPLE_HEADERS, [12, 16, 30, 8])
    for values in people_rows(model):
        _append(sheet, values)
    sheet.auto_filter.ref = sheet.dimensions
    sheet = workbook.create_sheet(LETTERS_SHEET)
    _header(sheet, LETTER_HEADERS, [24, 40, 16, 9])
    rows = letter_rows(model)
    for values in rows:
        _append(sheet, values)
        role = role_of(model.scheme.parse(values[3]))
        if role is not None:
            _role_cell(sheet.cell(sheet.max_row, 4), role)
    sheet.auto_filter.ref = sheet.dimensions
    letters = ",".join(model.scheme.spellings)
    check = DataValidation(type="list", formula1=f'"{letters}"', allow_blank=True)
    check.errorStyle = "warning"
    check.error = f"Use one of {letters.replace(',', ', ')}"
    check.showErrorMessage = True
    check.add(f"D2:D{max(len(rows) + 1, 200)}")
    sheet.add_data_validation(check)


def _legend(sheet: Worksheet, scheme: Scheme) -> None:
    """One row per letter, then one per combination, the letter cells coloured as in the
    matrix; a last line names the scheme as the ownership file spells it."""
    _header(sheet, LEGEND_HEADERS, [9, 30, 34, 60])
    for letter in scheme.letters:
        _append(sheet, [letter.code, letter.word, ROLE_TEXT[letter.role], letter.meaning])
        _role_cell(sheet.cell(sheet.max_row, 1), letter.role.value)
    words = {letter.code: letter for letter in scheme.letters}
    for owner, other in scheme.combinations:
        pair = (words[owner], words[other])
        _append(
            sheet,
            [
                f"{owner}/{other}",
                " and ".join(letter.word for letter in pair),
                ", ".join(ROLE_TEXT[letter.role] for letter in pair),
                "one function holds both letters",
            ],
        )
        _role_cell(sheet.cell(sheet.max_row, 1), Role.OWNER.value)
    _append(sheet, [])
    _append(sheet, [f"Scheme: {scheme.title} (scheme: {scheme.name} in the ownership file)"])


def _role_cell(cell: Any, role: str) -> None:
    fill, text = ROLE_COLOURS[role]
    _style(cell, fill, text, bold=role == Role.OWNER.value, align="centre")


def _load(sheet: Worksheet, model: Model, context: Context | None) -> None:
    """Counts per role, headed by the scheme's letters (``A``, ``R/S``; RAPID: ``D``,
    ``R/P``, ``A/I``), so a RAPID sheet never heads Decide counts with its Agree letter."""
    from openpyxl.chart import BarChart, Reference

    from raci.core.context import Context
    from raci.core.metrics import compute
    from raci.report.build import by_load

    scheme = model.scheme
    headings = scheme.headings()
    roles = [role for role, _ in headings]
    counts = [heading for _, heading in headings]
    owner = counts[0]
    headers = ["Function", "Name", *counts, "Load", "Capacity", "Utilisation", f"Share of {owner}"]
    _header(sheet, headers, [12, 30] + [7.0] * len(roles) + [9, 10, 11, 11])
    functions = by_load(compute(context or Context(model)).functions, model)
    for function in functions:
        _append(
            sheet,
            [
                function.id,
                function.name,
                *(function.count(role) for role in roles),
                round(function.load, 6),
                function.capacity,
                function.utilisation,
                function.accountable_share,
            ],
        )
    load_column = 3 + len(roles)
    for row in sheet.iter_rows(min_row=2, min_col=load_column + 2, max_col=load_column + 3):
        for cell in row:
            cell.number_format = "0%"
    if functions:
        chart = BarChart()
        chart.type = "bar"
        chart.title = "Load per function (effort units)"
        chart.legend = None
        last = len(functions) + 1
        data = Reference(sheet, min_col=load_column, min_row=1, max_row=last)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=last))
        chart.height = max(7.5, 0.6 * len(functions) + 2)
        sheet.add_chart(chart, "L2")


def _findings(sheet: Worksheet, report: Report) -> None:
    _header(sheet, FINDING_HEADERS, [10, 10, 26, 24, 6, 8, 24, 12, 90])
    for finding in report.findings:
        _append(
            sheet,
            [
                finding.severity,
                finding.code,
                finding.rule,
                finding.file,
                finding.line,
                finding.column,
                finding.activity,
                finding.function,
                finding.message,
            ],
        )
        fill, text = SEVERITY_COLOURS[finding.severity]
        _style(sheet.cell(sheet.max_row, 1), fill, text, bold=finding.severity == "error")
