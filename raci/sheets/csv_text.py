"""CSV bytes -> rows of text, with the line each row starts on.

Spreadsheet programs write CSV in many ways: UTF-8 with or without a byte-order mark,
UTF-16 ("Unicode text"), a legacy code page (``--encoding cp1252``); commas, or
semicolons where the comma is the decimal mark, or tabs, or pipes. The delimiter is the
one that cuts the most rows into the same number of cells.

A stray quote must never merge rows silently: a quote that is never closed, or one that
opens a cell swallowing lines that look like rows of the table, is reported at the cell
it opens (exit 2), so the user fixes the one character instead of importing a junk model.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from typing import Any

from raci.core.errors import RaciError
from raci.output.escape import csv_unescape

DELIMITERS = (",", ";", "\t", "|")
_SAMPLE = 200
"""Records read to choose the delimiter."""


def decode(data: bytes, display: str, encoding: str | None = None) -> str:
    """The text of a CSV file: its byte-order mark decides, else ``encoding``, else UTF-8."""
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise RaciError(
                f"--encoding: no encoding '{encoding}' (try cp1252 or utf-16)"
            ) from None
    for mark, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16")):
        if data.startswith(mark):
            encoding = name
    if data.startswith(codecs.BOM_UTF16_BE):
        encoding = "utf-16"
    if encoding is None and len(data) >= 4 and data[1] == 0 and data[3] == 0 and data[0]:
        encoding = "utf-16-le"  # UTF-16 without a byte-order mark
    try:
        return data.decode(encoding or "utf-8")
    except UnicodeDecodeError as error:
        line = error.object[: error.start].count(b"\n") + 1
        hint = (
            "save it as 'CSV UTF-8', or name its encoding with --encoding cp1252"
            if encoding is None
            else f"it is not {encoding} either"
        )
        raise RaciError(
            f"the file is not UTF-8 text; {hint}", location=f"{display}:{line}"
        ) from None


def choose_delimiter(text: str) -> str:
    """The delimiter that gives the most rows of the same (more than one) number of cells."""
    best, score = ",", (0, 0)
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        counts: Counter[int] = Counter()
        try:
            for number, record in enumerate(reader):
                if number >= _SAMPLE:
                    break
                if len(record) > 1 and any(cell.strip() for cell in record):
                    counts[len(record)] += 1
        except csv.Error:
            continue
        if counts:
            width, rows = max(counts.items(), key=lambda item: (item[1], item[0]))
            if (rows, width) > score:
                best, score = delimiter, (rows, width)
    return best


def read_csv_rows(
    data: bytes, display: str, encoding: str | None = None
) -> tuple[list[list[Any]], list[int]]:
    """(rows, the 1-based line each row starts on)."""
    text = decode(data, display, encoding)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise RaciError(
            "the file holds a NUL byte: it is not CSV text", location=f"{display}:{line}"
        )
    delimiter = choose_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[Any]] = []
    lines: list[int] = []
    spans: list[tuple[int, int]] = []
    previous = 0
    try:
        for record in reader:
            lines.append(previous + 1)
            spans.append((previous + 1, reader.line_num))
            previous = reader.line_num
            rows.append([csv_unescape(cell) for cell in record])
    except csv.Error as error:
        start = previous + 1
        if "unexpected end of data" in str(error) or reader.line_num > start:
            raise RaciError(
                "a quote opens a cell here that is never closed, so every line after it "
                'would be one cell: remove the stray quote, or write it twice ("")',
                location=f"{display}:{start}",
            ) from None
        raise RaciError(
            f"not valid CSV: {error}", location=f"{display}:{reader.line_num}"
        ) from None
    _check_swallowed(rows, spans, delimiter, display)
    return rows, lines


def _check_swallowed(
    rows: list[list[Any]], spans: list[tuple[int, int]], delimiter: str, display: str
) -> None:
    """Refuse a quoted cell whose later lines look like rows of the table: the mark of a
    stray quote that a later stray quote happened to close."""
    widths = Counter(len(row) for row in rows if len(row) > 1)
    if not widths:
        return
    width = widths.most_common(1)[0][0]
    enough = max(2, width - 2)
    for row, (first, last) in zip(rows, spans, strict=True):
        if first == last:
            continue
        for column, cell in enumerate(row):
            pieces = cell.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            looks = [piece for piece in pieces[1:] if piece.count(delimiter) >= enough]
            if looks:
                raise RaciError(
                    f"the quote that opens this cell runs to line {last} and takes in "
                    + (
                        "1 line that looks like a row"
                        if len(looks) == 1
                        else f"{len(looks)} lines that look like rows"
                    )
                    + ': remove the stray quote, or write it twice ("")',
                    location=f"{display}:{first}:{column + 1}",
                )
