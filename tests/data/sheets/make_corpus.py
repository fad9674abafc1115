"""Write the messy-sheet corpus: ``python tests/data/sheets/make_corpus.py``.

Each sheet is a layout people really make (see ``CASES`` in tests/test_sheet_corpus.py
for what each one exercises); the files are committed, and this script is how they were
made, so a new variant is one function here plus its expected model.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).resolve().parent
FIXED = datetime.datetime(2027, 1, 1)  # a fixed creation time: the same bytes every run

FUNCTIONS = ["IC", "HR", "OD", "IT", "InfoSec", "Marketing", "Brand"]
NAMES = {
    "IC": "Internal Communications",
    "HR": "Human Resources",
    "OD": "Organisational Development",
    "IT": "Information Technology",
    "InfoSec": "Information Security",
    "Marketing": "Marketing",
    "Brand": "Brand",
}


def _book() -> Workbook:
    book = Workbook()
    book.properties.created = FIXED
    book.properties.modified = FIXED
    book.properties.creator = "make_corpus.py"
    return book


def _rows(sheet: Worksheet, rows: list[list[Any]], start: int = 1) -> None:
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(start + offset, column, value)


def _save(book: Workbook, name: str) -> None:
    book.save(HERE / name)


def second_sheet() -> None:
    """A cover sheet first, the matrix on the second, under a title and a blank row."""
    book = _book()
    cover = book.active
    assert cover is not None
    cover.title = "Cover"
    _rows(
        cover,
        [
            ["Contoso enterprise social rollout"],
            ["Prepared by Fabrikam Consulting"],
            [],
            ["Version", 3],
            ["Status", "Draft for the steering group"],
        ],
    )
    sheet = book.create_sheet("RACI")
    _rows(
        sheet,
        [
            ["RACI matrix - Viva Engage adoption"],
            [],
            ["Activity", "Internal Communications (IC)", "Human Resources (HR)", "IT", "Brand"],
            ["Secure executive sponsorship", "R", "C", "I", None],
            ["Select the platform", "C", None, "A/R", None],
            ["Apply brand identity", "A", None, None, "R"],
            ["Run the launch campaign", "A/R", "I", None, "C"],
        ],
    )
    book.create_sheet("Notes")["A1"] = "Workshop notes go here."
    _save(book, "second-sheet.xlsx")


def section_rows() -> None:
    """Phase rows between activities set the phase of the rows below them."""
    book = _book()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Matrix"
    _rows(
        sheet,
        [
            ["Task", "IC", "HR", "OD", "IT"],
            ["Phase 1: Prepare"],
            ["Define the business case", "A/R", "C", "C", None],
            ["Assess security and privacy", "I", "C", None, "A/R"],
            [],
            ["PHASE 2 \u2013 DESIGN"],
            ["Design the community structure", "A", None, "R", "C"],
            ["Write the usage policy", "C", "A/R", None, "C"],
            ["Phase 3: Launch"],
            ["Run the launch campaign", "A/R", "I", "C", "I"],
        ],
    )
    for row in (2, 6, 9):
        sheet.cell(row, 1).font = Font(bold=True)
    _save(book, "section-rows.xlsx")


def legend_below() -> None:
    """A legend under the matrix after a blank gap: it ends the matrix."""
    book = _book()
    sheet = book.active
    assert sheet is not None
    sheet.title = "RACI"
    _rows(
        sheet,
        [
            ["Activity", "Phase", "IC", "HR", "IT", "InfoSec"],
            ["Assess security risk", "Prepare", "I", "C", "R", "A"],
            ["Configure single sign-on", "Prepare", None, None, "A/R", "C"],
            ["Train managers", "Launch", "C", "A/R", None, None],
            [],
            [],
            ["Legend"],
            ["R = Responsible", "does the work"],
            ["A = Accountable", "owns the outcome"],
            ["C = Consulted", "gives input"],
            ["I = Informed", "is kept up to date"],
        ],
    )
    _save(book, "legend-below.xlsx")


def legend_letters() -> None:
    """A key laid out under the letter columns (letter, then its word), after a gap."""
    book = _book()
    sheet = book.active
    assert sheet is not None
    _rows(
        sheet,
        [
            ["Deliverable", "IC", "Marketing", "Brand"],
            ["Launch campaign plan", "R", "A", "C"],
            ["Brand guidelines for the network", None, "C", "A/R"],
            [],
            [None, "R", "Responsible"],
            [None, "A", "Accountable"],
            [None, "C", "Consulted"],
        ],
    )
    _save(book, "legend-letters.xlsx")


def numbered() -> None:
    """A numbering column and an ID column before the activity column."""
    book = _book()
    sheet = book.active
    assert sheet is not None
    sheet.title = "RACI"
    _rows(
        sheet,
        [
            ["#", "ID", "Activity", "Effort", "Depends on", "IC", "HR", "OD"],
            [1, "case", "Define the business case", 3, None, "R", "C", "A"],
            [2, "sponsor", "Secure executive sponsorship", 2, "case", "R", None, "A"],
            [3, "champions", "Recruit champions", 2.5, "case, sponsor", "A/R", "C", "C"],
            [4, "1e5", "Measure adoption", 1, "champions", "A/R", None, "C"],
        ],
    )
    _save(book, "numbered.xlsx")


def two_row_header() -> None:
    """A merged "Functions" band over the function names; Activity merged down two rows."""
    book = _book()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Ownership"
    _rows(
        sheet,
        [
            ["Ownership of the Viva Engage rollout"],
            [],
            ["Activity", "Functions"],
            [None, *(f"{NAMES[f]} ({f})" for f in FUNCTIONS[:5])],
            ["Define the business case", "R", "C", "A", None, None],
            ["Assess the data protection impact", "I", None, None, "C", "A/R"],
            ["Recruit the champions network", "A/R", "C", "C", None, None],
        ],
    )
    sheet.merge_cells("B3:F3")
    sheet.merge_cells("A3:A4")
    _save(book, "two-row-header.xlsx")


def merged_phase() -> None:
    """A phase column merged down: a blank under a filled phase cell takes its phase."""
    book = _book()
    sheet = book.active
    assert sheet is not None
    _rows(
        sheet,
        [
            ["Stage", "Activity", "IC", "HR", "IT"],
            ["Prepare", "Select the platform", "C", None, "A/R"],
            [None, "Write the usage policy", "C", "A/R", None],
            [None, "Configure the tenant", None, None, "A/R"],
            ["Launch", "Run the launch", "A/R", "I", "C"],
            [None, "Train employees", "C", "A/R", "R"],
        ],
    )
    sheet.merge_cells("A2:A4")
    sheet.merge_cells("A5:A6")
    _save(book, "merged-phase.xlsx")


def house_letters() -> None:
    """House letters (Lead, Support, x) that --letter maps to the scheme's."""
    book = _book()
    sheet = book.active
    assert sheet is not None
    _rows(
        sheet,
        [
            ["Workstream", "Activity", "Comms", "People", "Tech"],
            ["Platform", "Configure the tenant", "x", None, "Lead"],
            ["Platform", "Connect the HR system", None, "Support", "Lead"],
            ["Adoption", "Run the champions network", "Lead", "Support", "x"],
        ],
    )
    _save(book, "house-letters.xlsx")


def metadata_columns() -> None:
    """Owner, Due, Status and Notes columns: kept as x- metadata, never functions."""
    book = _book()
    sheet = book.active
    assert sheet is not None
    _rows(
        sheet,
        [
            ["Activity", "Owner", "IC", "HR", "IT", "Due", "Status", "Notes", "Budget code"],
            [
                "Select the platform",
                "Jane Doe",
                "C",
                None,
                "A/R",
                datetime.datetime(2027, 3, 1),
                "Done",
                None,
                "IT-042",
            ],
            [
                "Write the usage policy",
                "Sam Lee",
                "C",
                "A/R",
                None,
                datetime.datetime(2027, 4, 15),
                "In progress",
                None,
                None,
            ],
            ["Run the launch", "Jane Doe", "A/R", "I", "C", None, "Not started", None, 7],
        ],
    )
    _save(book, "metadata-columns.xlsx")


def workshop() -> None:
    """All at once (the README's example): a title, a merged band over "Name (id)"
    headers, a numbering column, section rows, a Notes column and a legend."""
    book = _book()
    cover = book.active
    assert cover is not None
    cover.title = "Read me"
    cover["A1"] = "Workshop output, 12 March"
    sheet = book.create_sheet("RACI")
    _rows(
        sheet,
        [
            ["Viva Engage rollout - who does what"],
            [],
            ["#", "Activity", "Functions", None, None, None, "Notes"],
            [
                None,
                None,
                "Internal Communications (IC)",
                "Human Resources (HR)",
                "IT",
                "Information Security (InfoSec)",
            ],
            ["Phase 1: Prepare"],
            [1, "Assess security and privacy", "I", "C", "R", "A"],
            [2, "Write the usage policy", "R", "A", None, "C", "HR drafts, Legal reviews"],
            [3, "Configure single sign-on", None, None, "A/R", "c"],
            ["PHASE 2 \u2013 LAUNCH"],
            [4, "Run the launch campaign", "A/R", "I", None, None, "needs budget"],
            [5, "Train managers", "C", "a / r", None, None],
            [6, "Budget sign-off", None, None, None, None, "who owns this?"],
            [],
            ["Legend"],
            ["R = Responsible", "does the work"],
            ["A = Accountable", "owns the outcome"],
        ],
    )
    sheet.merge_cells("C3:F3")
    sheet.merge_cells("A3:A4")
    sheet.merge_cells("B3:B4")
    sheet.merge_cells("G3:G4")
    _save(book, "workshop.xlsx")


def csv_files() -> None:
    write = {
        # title rows, a BOM, semicolons (the decimal comma) and an effort of 2,5
        "title-semicolons.csv": (
            "\ufeffContoso RACI;;;;\n"
            ";;;;\n"
            "Activity;Effort;IC;HR;Legal\n"
            "Write the usage policy;2,5;C;A/R;C\n"
            "Set retention;1;I;;A/R\n"
            "Review eDiscovery requests;0,5;;C;A/R\n"
        ).encode("utf-8"),
        # every way people write A/R, tab-separated
        "letter-variants.tsv.csv": (
            b"Activity\tIC\tHR\tIT\tOD\tBrand\n"
            b"One\tA/R\tc\t\t\t\n"
            b"Two\tR/A\t\tC\t\t\n"
            b"Three\tAR\t\t\tI\t\n"
            b"Four\tA, R\t\t\t\tc \n"
            b"Five\tA+R\ti\t\t\t\n"
            b"Six\ta / r\t\t r \t\t\n"
        ),
        # UTF-16 with a BOM ("Unicode text"), pipes, a row with notes but no letters
        "no-letters-utf16.csv": (
            "Activity|Notes|IC|HR\n"
            "Write the policy|first draft in March|A/R|C\n"
            "Budget sign-off|ask Finance who owns this||\n"
            "Onboard new joiners||A|R\n"
        ).encode("utf-16"),
        # a legacy code page, read with --encoding cp1252
        "cp1252.csv": (
            "Activit\xe9,Phase,IC,HR\n"
            "Cr\xe9er la charte,Pr\xe9parer,A/R,C\n"
            "Former les managers,Lancer,C,A/R\n"
        ).encode("cp1252"),
        # a quoted cell over two lines (a real one, not a stray quote) and a CR in a name
        "multiline-cells.csv": (
            b"Activity,Notes,IC,HR\n"
            b'"Write the policy\nand the guidelines","short, then\nlonger",A/R,C\n'
            b'"Carriage\rreturn",,A,R\n'
        ),
    }
    for name, data in write.items():
        (HERE / name).write_bytes(data)


MAKERS: list[Callable[[], None]] = [
    second_sheet, section_rows, legend_below, legend_letters, numbered, two_row_header,
    merged_phase, house_letters, metadata_columns, workshop, csv_files,
]  # fmt: skip

if __name__ == "__main__":
    for make in MAKERS:
        make()
