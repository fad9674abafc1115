"""Content neutralised for the medium it is written to: one function per medium.

Names, ids, phases, paths and messages come from untrusted files (a client's
spreadsheet, a pull request). Every renderer of a medium passes content through the
function for that medium, and only through it, so the rules live in one place:

* :func:`terminal`: control characters (C0 but tab, DEL, C1) and bidirectional
  overrides are shown as ``\\x1b`` / ``\\u202e`` escapes, so no escape sequence reaches
  a terminal (clear screen, set title, hyperlinks) and no text is reordered.
* :func:`rich_text`: the same, with rich markup brackets escaped (``[/x]`` in a path).
* :func:`log_lines`: no line of a CI log starts with ``::`` or ``##[`` (GitHub Actions
  workflow commands) unless raci wrote the command itself.
* :func:`workflow_data` / :func:`workflow_property`: the data of a workflow command raci
  writes, escaped as the Actions toolkit does, other control characters as ``\\x1b``.
* :func:`markdown` / :func:`markdown_cell`: inline markdown and HTML special characters
  (``< > &`` too, not only ``|``) escaped, on one line.
* :func:`mermaid`: a quoted mermaid label, special characters as entity codes.
* :func:`dot`: a Graphviz double-quoted string; NUL and other controls as text.
* :func:`xml`: characters XML 1.0 cannot carry, even escaped, shown as text.
* :func:`html`: HTML and SVG text, special characters as entities, controls as text.
* :func:`spreadsheet` / :func:`csv_cell`: cells that Excel or LibreOffice would
  evaluate (``= + - @``, tab, CR first) are prefixed with ``'`` as OWASP recommends;
  control characters a cell should not hold are shown as text (``\\x1b``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from html import escape as _html_escape
from typing import Any

_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Characters a terminal acts on, or that reorder the text around them."""


def _shown(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str) -> str:
    """``text`` as one field of terminal or log output: every control character (newlines
    included: one field never opens a line) shown as an escape such as ``\\x1b``."""
    return _CONTROL.sub(_shown, text)


_BLOCK_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def terminal_block(text: str) -> str:
    """A whole output for a terminal: like :func:`terminal`, but lines stay lines."""
    return _BLOCK_CONTROL.sub(_shown, text)


def rich_text(text: str) -> str:
    """``text`` for a rich renderable that parses markup (status lines, help)."""
    from rich.markup import escape

    return escape(terminal(text))


_COMMAND = re.compile(r"^([ \t]*)(::|##\[)", re.MULTILINE)


def log_lines(block: str) -> str:
    """``block`` with no line starting a GitHub Actions workflow command (``::error::``,
    ``##[set-output]``): content that would is shown with its first character escaped."""
    return _COMMAND.sub(lambda match: match[1] + f"\\x{ord(match[2][0]):02x}" + match[2][1:], block)


# -- GitHub Actions workflow commands ----------------------------------------------

_WORKFLOW_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
"""What :func:`terminal` shows as an escape, but CR and LF (the toolkit's ``%0D``/``%0A``)."""


def workflow_data(text: str) -> str:
    """A workflow command's message (``::error ...::message``): ``%`` first, so the escapes
    themselves survive, then CR and LF as ``%0D`` and ``%0A``, as the Actions toolkit does;
    every other control character is shown as ``\\x1b`` (the log viewer acts on ESC)."""
    shown = _WORKFLOW_CONTROL.sub(_shown, text)
    return shown.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """A workflow command's property value: ``,`` separates properties and ``:`` ends them."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


# -- markdown ---------------------------------------------------------------------

_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>~&])")
_MD_LINE_START = re.compile(r"^([#>+=-]|\d+[.)](?=\s|$))")


def markdown(text: str) -> str:
    """Text that renders as itself in GitHub-flavoured markdown and in the HTML made
    from it: inline syntax and ``< > &`` backslash-escaped (GFM renders ``\\<`` as a
    literal ``<``, never as a tag or an entity), line breaks as spaces, no block opened."""
    flat = terminal(_LINE_BREAK.sub(" ", text))
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    start = _MD_LINE_START.match(escaped)
    if start is None:
        return escaped
    if start[1][0].isdigit():  # "1." opens a list; "1\." does not ("\1" is no escape)
        return f"{start[1][:-1]}\\{escaped[len(start[1]) - 1 :]}"
    return "\\" + escaped


def markdown_cell(text: str) -> str:
    """Text as the literal content of one GFM table cell: the pipe is escaped too, and a
    line break is ``<br>``."""
    lines = _LINE_BREAK.split(text)
    return "<br>".join(markdown(line).replace("|", "\\|") for line in lines)


def markdown_code(value: str) -> str:
    """A code span that holds ``value`` whatever backticks it contains (on one line)."""
    value = terminal(value)
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


# -- diagrams ---------------------------------------------------------------------

_MERMAID = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;"}


def mermaid(text: str) -> str:
    """``text`` for inside a double-quoted mermaid label, on one line."""
    flat = terminal(" ".join(text.split()))
    return "".join(_MERMAID.get(char, char) for char in flat)


def dot(value: object) -> str:
    """A Graphviz double-quoted string: backslashes and quotes escaped, a newline as a
    line break (``\\n``), every other control character (NUL...) shown as text."""
    lines = str(value).replace("\r", "").split("\n")
    shown = (terminal(line).replace("\\", "\\\\").replace('"', '\\"') for line in lines)
    return '"' + "\\n".join(shown) + '"'


# -- JSON -------------------------------------------------------------------------

_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]")


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def json_text(data: Any, **options: Any) -> str:
    """Indented JSON that every parser reads (never ``Infinity`` or ``NaN``: null instead)
    and that is safe on a terminal (DEL, C1 controls and bidi overrides as ``\\u``)."""
    text = json.dumps(_finite(data), indent=2, ensure_ascii=False, allow_nan=False, **options)
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match[0]):04x}", text) + "\n"


def json_chunks(fields: Mapping[str, Any]) -> Iterator[str]:
    """:func:`json_text` of the object ``fields``, as chunks of whole lines; a value that
    is an iterator is written as an array item by item, so it is never held whole."""
    items = list(fields.items())
    yield "{\n"
    for index, (key, value) in enumerate(items):
        end = "\n" if index == len(items) - 1 else ",\n"
        head = f"  {_json_value(key)}: "
        if not isinstance(value, Iterator):
            yield head + _json_value(value).replace("\n", "\n  ") + end
            continue
        pending = None
        for item in value:
            yield head + "[\n" if pending is None else pending + ",\n"
            pending = "    " + _json_value(item).replace("\n", "\n    ")
        yield head + "[]" + end if pending is None else pending + "\n  ]" + end
    yield "}\n"


def _json_value(value: Any) -> str:
    """:func:`json_text` of one value, without its final newline.

    A flat object (scalar values: every node and edge of a graph) is laid out here, one
    scalar at a time: ``json.dumps`` with an indent builds closures that refer to each
    other, and with the collector paused for the run each call's would stay (150 MiB for
    the 60,000 nodes and edges of a 10,000-activity graph).
    """
    if isinstance(value, dict) and value and all(map(_scalar, value.values())):
        value = _finite(value)
        lines = ",\n".join(
            f"  {_json_scalar(str(key))}: {_json_scalar(item)}" for key, item in value.items()
        )
        return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match[0]):04x}", f"{{\n{lines}\n}}")
    return json_text(value)[:-1]


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float)


def _json_scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


# -- XML --------------------------------------------------------------------------

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot carry, even escaped."""


def xml(text: str) -> str:
    """``text`` that any XML 1.0 writer can escape: impossible characters shown as text."""
    return _NOT_XML.sub(_shown, text)


def xml_value(value: Any) -> Any:
    """:func:`xml` for strings; other values (numbers, booleans) unchanged."""
    return xml(value) if isinstance(value, str) else value


# -- HTML -------------------------------------------------------------------------

_DATA_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters but tab, LF and CR (which a CSV cell or an HTML page can hold): in
data they are hostile (an escape sequence for whoever ``cat``s the file), never meaningful."""


def html(text: str, quote: bool = True) -> str:
    """Text for HTML or SVG: ``& < >`` (and quotes, for attributes) as entities, as
    :func:`html.escape` does; control characters HTML forbids shown as text (``\\x1b``)."""
    return _html_escape(_DATA_CONTROL.sub(_shown, text), quote)


# -- spreadsheets -----------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet program evaluate a cell (OWASP CSV injection)."""


def csv_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet program evaluates (``'`` in front of a formula) and
    that holds no control character but tab, LF and CR (others shown as ``\\x1b``, as in
    an XLSX cell: read back, that is the text ``\\x1b``)."""
    if not isinstance(value, str):
        return value
    value = _DATA_CONTROL.sub(_shown, value)
    return "'" + value if value.startswith(FORMULA_START) else value


def csv_text(rows: Iterable[Sequence[Any]]) -> str:
    """Rows as CSV (``\\n`` line ends) that every reader splits the same way: formula
    cells protected (:func:`csv_cell`), and a row holding a carriage return quoted whole
    (Python's writer quotes only the line terminator's characters, and a bare CR ends a
    line for every reader)."""
    import csv
    import io

    buffer = io.StringIO()
    plain = csv.writer(buffer, lineterminator="\n")
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in rows:
        cells = [csv_cell(cell) for cell in row]
        has_cr = any(isinstance(cell, str) and "\r" in cell for cell in cells)
        (quoted if has_cr else plain).writerow(cells)
    return buffer.getvalue()


def csv_unescape(value: str) -> str:
    """The text :func:`csv_cell` protected (an import reading raci's own CSV back)."""
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def sheet_text(text: str) -> str:
    """Text a worksheet can hold: the control characters no cell can hold shown as text
    (``\\x01``), then a CR and ``_x`` look-alikes as Excel stores them (``_x000D_``,
    see :mod:`raci.sheets.xlsx_text`), which ``raci import`` reads back."""
    from raci.sheets.xlsx_text import escape

    return escape(_SHEET_ILLEGAL.sub(_shown, text))


def sheet_value(value: Any) -> Any:
    """:func:`sheet_text` for text, other values unchanged."""
    return sheet_text(value) if isinstance(value, str) else value


def spreadsheet(cell: Any) -> None:
    """Make an openpyxl cell safe: text stays text (never a formula), with Excel's quote
    prefix on text a user's edit would turn into one; impossible characters as text."""
    value = cell.value
    if not isinstance(value, str):
        return
    cleaned = value if not _SHEET_ILLEGAL.search(value) else sheet_text(value)
    if cleaned != value:
        cell.value = cleaned
    cell.data_type = "s"
    if cleaned.startswith(FORMULA_START):
        cell.quotePrefix = True


_SHEET_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""What openpyxl refuses in a cell (``IllegalCharacterError``) or XML cannot hold
(U+FFFE, U+FFFF, lone surrogates: lxml refuses them when the workbook is saved)."""
