"""Find the RACI matrix in a grid of cells: its header row, letter columns and the rest.

The header row is the row over the most columns whose cells below are mostly letters
(of any scheme, or house letters ``--letter`` maps); rows above it (titles, blank rows,
a merged "Functions" band) are not the matrix. The activity column is the text column
left of the letters, not necessarily the first: a column headed like one (Activity,
Task, Deliverable...) wins, else the one with the most distinct texts. Other columns
are known by their header (:func:`raci.sheets.layout.special_column`) or kept as ``x-``
metadata, never made into functions.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from raci.core.scheme import SCHEMES
from raci.sheets.cells import is_letter, letter_like
from raci.sheets.layout import metadata_key, parse_function_header, special_column

MOSTLY = 0.5
"""The share of a column's cells below the header that must be letters (a legend's
words, such as Responsible, not counted)."""
LEGEND_WORDS = frozenset(
    letter.word.casefold() for scheme in SCHEMES.values() for letter in scheme.letters
)


def text(value: Any) -> str:
    """A cell as one line of text: numbers as written, whitespace runs as one space."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


@dataclass
class Layout:
    """Where the parts of the matrix are (0-based rows and columns of the sheet)."""

    header: int
    letters: list[int]
    activity: int
    headers: dict[int, str]
    known: dict[str, int] = field(default_factory=dict)
    """``id``, ``phase``, ``effort``, ``depends_on``, ``eligible``, ``waive`` -> column."""
    metadata: dict[int, str] = field(default_factory=dict)
    """column -> the ``x-`` key its cells are kept under."""
    ignored: list[int] = field(default_factory=list)
    """Columns with cells but no header, outside the letters: not read (and said so)."""
    nameless: list[int] = field(default_factory=list)
    """Columns with letters but no header among the letter columns: an error."""
    duplicates: list[tuple[int, int]] = field(default_factory=list)
    """(column, the first column of the same kind): a second Phase column, say."""
    letter_cells: int = 0


@dataclass
class _Grid:
    cells: list[list[str]]
    width: int
    letters_below: list[list[int]]
    filled_below: list[list[int]]
    real: Callable[[str], bool]
    """Whether a text is a letter of some scheme (or a mapped house letter)."""


def _grid(rows: list[list[Any]], house: Mapping[str, str], loose: bool) -> _Grid:
    width = max((len(row) for row in rows), default=0)
    cells = [[text(value) for value in row] + [""] * (width - len(row)) for row in rows]
    letters = [[0] * width for _ in range(len(cells) + 1)]
    filled = [[0] * width for _ in range(len(cells) + 1)]
    for row in range(len(cells) - 1, -1, -1):
        below_letters, below_filled, here = letters[row + 1], filled[row + 1], cells[row]
        mine_letters, mine_filled = letters[row], filled[row]
        for column in range(width):
            cell = here[column]
            counted = cell != "" and cell.casefold() not in LEGEND_WORDS
            mine_filled[column] = below_filled[column] + counted
            letter = (
                cell != ""
                and isinstance(rows[row][column], str)
                and (letter_like(cell) if loose else is_letter(cell, house))
            )
            mine_letters[column] = below_letters[column] + letter
    return _Grid(cells, width, letters, filled, lambda cell: is_letter(cell, house))


def _letter_column(grid: _Grid, row: int, column: int) -> bool:
    """A header over cells that are mostly letters (the header itself is no letter)."""
    head = grid.cells[row][column]
    if not head or grid.real(head) or special_column(head) is not None:
        return False
    letters = grid.letters_below[row + 1][column]
    return letters > 0 and letters >= MOSTLY * grid.filled_below[row + 1][column]


def locate(
    rows: list[list[Any]], house: Mapping[str, str], functions: Collection[str] = ()
) -> Layout | None:
    """The matrix in ``rows``, or None when no row heads a column of letters.

    When no column holds letters of any scheme, columns of short words (``Lead``,
    ``x``) are taken for letter columns, so a sheet written in house letters is found
    and each of its cells refused at its place, naming the letters allowed.

    A column headed by a known function (``functions``: casefolded ids, names and
    ``Name (id)`` headers from a Functions sheet or the model ``--into`` edits) is a
    letter column even when empty: its letters were all removed.
    """
    return _locate(rows, house, functions, loose=False) or _locate(
        rows, house, functions, loose=True
    )


def _locate(
    rows: list[list[Any]], house: Mapping[str, str], functions: Collection[str], loose: bool
) -> Layout | None:
    grid = _grid(rows, house, loose)
    best, most = -1, (0, 0)
    for row in range(len(grid.cells) - 1):
        if sum(1 for cell in grid.cells[row] if cell) < 2:
            continue
        # columns of letters first; then columns headed by known functions (emptied)
        score = (
            sum(1 for column in range(grid.width) if _letter_column(grid, row, column)),
            sum(1 for column in range(grid.width) if _named(grid, row, column, functions)),
        )
        if score > most:
            best, most = row, score
    if best < 0:
        return None
    letters = [
        column
        for column in range(grid.width)
        if _letter_column(grid, best, column) or _named(grid, best, column, functions)
    ]
    letters = _widen(grid, best, letters)
    headers = _headers(grid, best)
    activity = _activity_column(grid, best, letters, headers)
    if activity is None:
        return None
    layout = Layout(best, letters, activity, headers)
    layout.letter_cells = sum(grid.letters_below[best + 1][column] for column in letters)
    _other_columns(grid, layout)
    return layout


def _named(grid: _Grid, row: int, column: int, functions: Collection[str]) -> bool:
    """A header naming a known function (before any known column: a function may be
    called Status or Owner) over cells that are letters or empty."""
    head = grid.cells[row][column]
    if not head or not functions or grid.real(head):
        return False
    letters, filled = grid.letters_below[row + 1][column], grid.filled_below[row + 1][column]
    if letters < MOSTLY * filled:
        return False
    fid, _, written = parse_function_header(head)
    return head.casefold() in functions or (written and fid.casefold() in functions)


def _widen(grid: _Grid, row: int, letters: list[int]) -> list[int]:
    """Add the columns between the first and last letter column that are functions too:
    headed, not a known column, and holding only short words (a wrong letter such as
    ``Lead`` or ``x``, refused later at its cell) or nothing at all (a function with no
    letters yet)."""
    found = set(letters)
    for column in range(min(letters), max(letters)):
        head = grid.cells[row][column]
        if column in found or not head or special_column(head) is not None:
            continue
        below = [cells[column] for cells in grid.cells[row + 1 :] if cells[column]]
        if all(letter_like(cell) for cell in below):
            found.add(column)
    return sorted(found)


def _headers(grid: _Grid, row: int) -> dict[int, str]:
    """Each column's header: the header row's cell, or for a header merged down over two
    rows (an ``Activity`` beside a ``Functions`` band), the cell just above it."""
    headers: dict[int, str] = {}
    for column in range(grid.width):
        head = grid.cells[row][column]
        if not head and row > 0:
            head = grid.cells[row - 1][column]
        if head:
            headers[column] = head
    return headers


def _activity_column(
    grid: _Grid, row: int, letters: list[int], headers: dict[int, str]
) -> int | None:
    left = [column for column in range(min(letters)) if column not in letters]
    named = [column for column in left if special_column(headers.get(column, "")) == "activity"]
    if named:
        return named[-1]
    best, most = None, 0
    for column in left:
        if special_column(headers.get(column, "")) is not None:
            continue
        values = [cells[column] for cells in grid.cells[row + 1 :] if cells[column]]
        words = {value for value in values if not _number(value)}
        if len(words) > most or (len(words) == most and most > 0):
            best, most = column, len(words)
    return best


def column_letter(column: int) -> str:
    """``0`` -> ``A``, ``27`` -> ``AB``: the column as a spreadsheet names it."""
    name, number = "", column + 1
    while number:
        number, rest = divmod(number - 1, 26)
        name = chr(65 + rest) + name
    return name


def _number(value: str) -> bool:
    try:
        float(value.replace(",", "."))
    except ValueError:
        return False
    return True


def _other_columns(grid: _Grid, layout: Layout) -> None:
    """File every other column: known by its header, kept as metadata, or ignored."""
    taken: dict[str, int] = {}
    for column in range(grid.width):
        if column in layout.letters or column == layout.activity:
            continue
        head = layout.headers.get(column, "")
        if not head:
            below = [cells[column] for cells in grid.cells[layout.header + 1 :] if cells[column]]
            inside = min(layout.letters) < column < max(layout.letters)
            if below and inside:
                layout.nameless.append(column)
            elif below:
                layout.ignored.append(column)
            continue
        kind = special_column(head)
        if kind == "activity":
            kind = None  # a second activity-like column: kept as text
        key = kind or metadata_key(head, column_letter(column))
        if key in taken:
            layout.duplicates.append((column, taken[key]))
            continue
        taken[key] = column
        if key.startswith("x-"):
            layout.metadata[column] = key
        else:
            layout.known[key] = column
