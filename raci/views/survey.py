"""``raci survey``: one workbook per function (or respondent) to collect their view.

Each workbook has an ``Instructions`` sheet and a ``RACI`` sheet: whose view it is in
its first row (``Respondent | Dana | Function | HR``, the cells ``raci merge`` reads),
then the activities as rows (ID, Activity, Phase, Description) and every function as a
column, the respondent's own column highlighted, each letter cell a drop-down of the
scheme's letters. Blank by default; ``prefill`` writes the model's current letters in.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from raci.sheets.layout import SCHEME_PROPERTY, function_header, slugify, unique
from raci.views.reference import Reference, from_model
from raci.views.sheet import FUNCTION, RESPONDENT, SHEET

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from raci.core.model import Model

HEADER_ROW = 4
"""The row of the column headers (1-based); activities start below it."""
HEADERS = ["ID", "Activity", "Phase", "Description"]
FIRST_FUNCTION = len(HEADERS) + 1
HEADER_FILL, OWN_FILL, OWN_HEADER = "2C3E50", "FFF3C4", "B7950B"


@dataclass(frozen=True, slots=True)
class Respondent:
    name: str
    function: str


def respondents_of(model: Model, given: list[Respondent]) -> list[Respondent]:
    """The respondents given, or one per function (named after it)."""
    return given or [Respondent(fid, fid) for fid in model.functions]


def file_names(respondents: list[Respondent]) -> list[str]:
    """``HR.xlsx`` per function; ``dana-hr.xlsx`` per named respondent; never twice."""
    taken: set[str] = set()
    names = []
    for person in respondents:
        stem = person.function if person.name == person.function else slugify(person.name)
        if person.name != person.function:
            stem = f"{stem}-{slugify(person.function)}" if stem else slugify(person.function)
        names.append(unique(stem, taken, "respondent") + ".xlsx")
    return names


def workbook(model: Model, person: Respondent, prefill: bool = False) -> bytes:
    """The survey workbook for one respondent, as bytes (written atomically by the caller)."""
    from openpyxl import Workbook
    from openpyxl.packaging.custom import StringProperty

    from raci import __version__
    from raci.output.escape import xml

    reference = from_model(model, "")
    book = Workbook()
    instructions = book.active
    assert instructions is not None
    instructions.title = "Instructions"
    _instructions(instructions, reference, person)
    _matrix(book.create_sheet(SHEET), model, reference, person, prefill)
    title = f"{reference.title or 'Ownership'}: the view of {person.name}"
    book.properties.title = xml(title)
    book.properties.creator = f"raci {__version__}"
    book.custom_doc_props.append(  # type: ignore[attr-defined]  # not in the stubs
        StringProperty(name=SCHEME_PROPERTY, value=model.scheme.name)
    )
    book.active = 0
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def text_cell(sheet: Worksheet, row: int, column: int, value: Any) -> Any:
    """Write ``value``; text is always text, never a formula (``=HYPERLINK(...)``)."""
    from raci.output.escape import sheet_value, spreadsheet

    cell = sheet.cell(row, column)
    cell.value = sheet_value(value)  # control characters no cell can hold shown as text
    spreadsheet(cell)
    return cell


def _instructions(sheet: Worksheet, reference: Reference, person: Respondent) -> None:
    from openpyxl.styles import Font

    scheme = reference.scheme
    own = reference.functions.get(person.function, person.function)
    lines = [
        f"Whose view? {reference.title or 'Ownership survey'}",
        "",
        f"This workbook collects the view of {person.name} ({own}).",
        f"On the '{SHEET}' sheet, give each function its letter on each activity, as you see",
        "the work today: not as it should be, and not as others would answer.",
        "",
        "Leave a cell blank when the function has no part in the activity.",
        "Leave a whole row blank if you cannot say; it then counts for nobody.",
        f"Your own column ({person.function}) is highlighted: say what you think you hold.",
        "Do not change the IDs, the column headers or the first row: raci merge reads them.",
        "",
        "The letters:",
    ]
    lines += [f"  {letter.code}  {letter.word}: {letter.meaning}" for letter in scheme.letters]
    if scheme.combined:
        lines.append(f"  {', '.join(scheme.combined)}  both at once (one function owns and works)")
    lines += ["", "Return the file to whoever sent it; they merge every view with raci merge."]
    for number, line in enumerate(lines, start=1):
        text_cell(sheet, number, 1, line)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 100


def _matrix(
    sheet: Worksheet, model: Model, reference: Reference, person: Respondent, prefill: bool
) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for column, value in enumerate([RESPONDENT, person.name, FUNCTION, person.function], 1):
        text_cell(sheet, 1, column, value).font = Font(bold=column % 2 == 1)
    text_cell(sheet, 2, 1, "Model").font = Font(bold=True)
    text_cell(sheet, 2, 2, reference.title or "")
    text_cell(sheet, 2, 3, "Scheme").font = Font(bold=True)
    text_cell(sheet, 2, 4, model.scheme.title)
    functions = list(reference.functions)
    headers = HEADERS + [function_header(fid, name) for fid, name in reference.functions.items()]
    white = Font(color="FFFFFF", bold=True)
    for column, header in enumerate(headers, 1):
        cell = text_cell(sheet, HEADER_ROW, column, header)
        own = column >= FIRST_FUNCTION and functions[column - FIRST_FUNCTION] == person.function
        fill = OWN_HEADER if own else HEADER_FILL
        cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
        cell.font = white
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    own_fill = PatternFill("solid", start_color=OWN_FILL, end_color=OWN_FILL)
    own_column = FIRST_FUNCTION + functions.index(person.function)
    centred = Alignment(horizontal="center")
    for number, (entry, activity) in enumerate(
        zip(reference.activities, model.activities, strict=True), start=HEADER_ROW + 1
    ):
        for column, value in enumerate(
            [entry.id, entry.name, entry.phase or "", entry.description or ""], 1
        ):
            text_cell(sheet, number, column, value)
        for index, fid in enumerate(functions):
            held = activity.raci.get(fid) if prefill else None
            cell = sheet.cell(number, FIRST_FUNCTION + index, held.label if held else None)
            cell.alignment = centred
        sheet.cell(number, own_column).fill = own_fill
    last_row = HEADER_ROW + max(1, len(reference.activities))
    _drop_downs(sheet, model, f"{get_column_letter(FIRST_FUNCTION)}{HEADER_ROW + 1}:"
                f"{get_column_letter(len(headers))}{last_row}")  # fmt: skip
    for column, width in enumerate([24, 44, 14, 40], 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for column in range(FIRST_FUNCTION, len(headers) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 14
    sheet.row_dimensions[HEADER_ROW].height = 45
    sheet.freeze_panes = f"{get_column_letter(FIRST_FUNCTION)}{HEADER_ROW + 1}"


def _drop_downs(sheet: Worksheet, model: Model, cells: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    letters = ",".join(model.scheme.spellings)
    check = DataValidation(type="list", formula1=f'"{letters}"', allow_blank=True)
    check.error = f"Use one of {letters.replace(',', ', ')}, or leave the cell blank"
    check.errorTitle = f"Not a {model.scheme.title} letter"
    check.showErrorMessage = True
    check.add(cells)
    sheet.add_data_validation(check)
