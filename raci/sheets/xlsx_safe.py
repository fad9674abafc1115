"""Open an XLSX workbook without trusting it: bounded bytes, bounded parts, a bounded
cell grid, and every way a workbook can be broken as one exit-2 message naming the part.

A workbook is a zip of XML parts. Before openpyxl sees it we check the file (a regular
file under ``--max-bytes``), the zip directory, and each part's declared uncompressed
size and compression ratio (a 2 MB zip bomb expands to gigabytes). The declared sheet
dimension (``A1:XFD1048576`` in an 8 KB file) is ignored: rows are read as the XML holds
them, in openpyxl's read-only streaming mode, and reading stops with a clear message at
:data:`MAX_ROWS` rows, :data:`MAX_COLUMNS` columns or :data:`MAX_CELLS` cells.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from raci.core.errors import RaciError

MAX_ROWS = 200_000
"""Rows read from one worksheet (an ownership model of 100,000 activities fits)."""
MAX_COLUMNS = 2_000
"""Columns read from one worksheet (functions, plus name, id, phase... columns)."""
MAX_CELLS = 10_000_000
"""Cells of one worksheet's grid, empty ones included (rows x widest row)."""
MAX_PART = 512 * 1024 * 1024
"""The largest uncompressed part of a workbook."""
MAX_RATIO = 100
"""The highest compression ratio of a part over :data:`RATIO_FLOOR` (a zip bomb)."""
RATIO_FLOOR = 16 * 1024 * 1024
"""Parts smaller than this are not held to :data:`MAX_RATIO` (XML compresses well)."""


class Workbook:
    """An open workbook: its sheet names, properties, and :meth:`grid` per sheet."""

    def __init__(self, book: Any, display: str) -> None:
        self._book = book
        self.display = display
        self.sheetnames: list[str] = list(book.sheetnames)

    @property
    def properties(self) -> Any:
        return self._book.properties

    @property
    def custom_properties(self) -> list[Any]:
        return list(self._book.custom_doc_props)

    def grid(self, name: str) -> list[list[Any]]:
        """The cell values of sheet ``name``, row by row from A1, every row as wide as
        the widest (values, not formulas)."""
        worksheet = self._book[name]
        part = getattr(worksheet, "_worksheet_path", name)
        with _reading(self.display, part):
            return _grid(self._book, worksheet, self.display, name)


@contextmanager
def open_workbook(path: Path, display: str) -> Iterator[Workbook]:
    """The workbook at ``path``, checked and opened read-only; raises :class:`RaciError`."""
    from raci.core.files import FileProblem, read_limited

    try:
        data = read_limited(path)
    except FileNotFoundError:
        raise RaciError(f"{display}: no such file") from None
    except FileProblem as error:
        raise RaciError(f"{display}: {error}") from None
    _check_archive(data, display)
    from openpyxl import load_workbook

    with _reading(display, _WHOLE), warnings.catch_warnings():
        # openpyxl warns about features it does not keep (extensions, conditional
        # formats); we only read values.
        warnings.simplefilter("ignore")
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        yield Workbook(book, display)
    finally:
        book.close()


def _check_archive(data: bytes, display: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as error:
        raise RaciError(f"{display}: not an Excel workbook (.xlsx): {error}") from None
    with archive:
        for info in archive.infolist():
            if info.file_size > MAX_PART:
                raise RaciError(
                    f"{display}: the part {info.filename} expands to {info.file_size:,} bytes, "
                    f"over the {MAX_PART:,}-byte limit"
                )
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
                raise RaciError(
                    f"{display}: the part {info.filename} expands {ratio:,.0f} times "
                    f"(to {info.file_size:,} bytes): refusing what looks like a zip bomb"
                )
        for info in archive.infolist():
            if info.filename.endswith((".xml", ".rels")):
                with _reading(display, info.filename):
                    _well_formed(archive, info)


class _Doctype(Exception):
    def __str__(self) -> str:
        return "a DOCTYPE (entity declarations) is not allowed in a workbook"


def _well_formed(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Stream one XML part through expat, so a broken part is named as itself (openpyxl
    reads several parts at once), and refuse any DOCTYPE: OOXML has none, and entity
    declarations are how XML bombs are built."""
    from xml.parsers import expat

    def doctype(*_: Any) -> None:
        raise _Doctype

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = doctype
    with archive.open(info) as stream:
        while chunk := stream.read(1 << 20):
            parser.Parse(chunk, False)
    parser.Parse(b"", True)


@contextmanager
def _reading(display: str, part: str) -> Iterator[None]:
    """Any failure of zipfile, expat or openpyxl inside as one message naming ``part``.

    A broken workbook fails in many ways (XML syntax, undefined entities, invalid dates,
    broken styles, bad references: KeyError, ValueError, TypeError, IndexError...), all
    of them input errors: they are caught broadly here on purpose, and only here.
    """
    try:
        yield
    except RaciError:
        raise
    except MemoryError:
        raise RaciError(f"{display}: {part} is too large to read") from None
    except Exception as error:
        detail = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
        where = _failing_part(error) if part == _WHOLE else part
        raise RaciError(
            f"{display}: not a readable Excel workbook: cannot read {where} ({detail})"
        ) from None


_WHOLE = "the workbook"
_READERS = (
    ("openpyxl/styles/", "xl/styles.xml"),
    ("openpyxl/packaging/core", "docProps/core.xml"),
    ("openpyxl/packaging/custom", "docProps/custom.xml"),
    ("openpyxl/packaging/", "[Content_Types].xml"),
    ("openpyxl/reader/strings", "xl/sharedStrings.xml"),
    ("openpyxl/workbook/", "xl/workbook.xml"),
    ("openpyxl/worksheet/", "a worksheet"),
)


def _failing_part(error: BaseException) -> str:
    """Which part openpyxl was reading when it failed, from the deepest reader frame."""
    import traceback

    found = _WHOLE
    for frame in traceback.extract_tb(error.__traceback__):
        name = frame.filename.replace("\\", "/")
        for module, part in _READERS:
            if module in name:
                found = part
                break
    return found


def _grid(book: Any, worksheet: Any, display: str, name: str) -> list[list[Any]]:
    """Rows as the sheet's XML holds them (not its declared dimension), bounded."""
    from openpyxl.worksheet._reader import WorkSheetParser

    rows: list[list[Any]] = []
    width = 0
    with worksheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            worksheet._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        for index, cells in parser.parse():
            if index > MAX_ROWS:
                raise RaciError(
                    f"{display}: sheet '{name}' has more than {MAX_ROWS:,} rows; "
                    "raci reads at most that many"
                )
            last = max((cell["column"] for cell in cells), default=0)
            if last > MAX_COLUMNS:
                raise RaciError(
                    f"{display}: sheet '{name}' row {index} has a cell in column {last:,}; "
                    f"raci reads at most {MAX_COLUMNS:,} columns"
                )
            width = max(width, last)
            if index * width > MAX_CELLS:
                raise RaciError(
                    f"{display}: sheet '{name}' spans more than {MAX_CELLS:,} cells "
                    f"({index:,} rows x {width:,} columns); raci reads at most that many"
                )
            rows.extend([] for _ in range(len(rows), index - 1))
            row: list[Any] = [None] * last
            for cell in cells:
                row[cell["column"] - 1] = cell["value"]
            rows.append(row)
    for row in rows:
        row.extend([None] * (width - len(row)))
    return rows
