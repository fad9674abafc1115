"""Every command and format on one hostile model (``tests/data/hostile.yaml``): escape
sequences, newlines, ``<script>``, formulas and ``::error::`` in names, phases, people
and descriptions. Whatever the medium, none of it comes out live:

* no raw control character but LF (tab where the format allows it, CR in a quoted CSV
  cell) in any text output;
* no line of standard output opens a CI workflow command, but raci's own with ``-f github``;
* no formula in any workbook, the ones embedded behind a deck's charts included;
* no raw ``<script>`` or ``<img`` in HTML, markdown or mermaid.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.conftest import RunLine

MODEL = Path(__file__).parents[1] / "data" / "hostile.yaml"

_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_OWN_COMMAND = re.compile(r"::(error|warning|notice) ")

STDOUT = [
    *(["check", "-f", f] for f in ("text", "json", "sarif", "github", "junit", "markdown")),
    *(["load", "-f", f] for f in ("text", "json", "csv", "markdown")),
    *(["matrix", "-f", f] for f in ("text", "markdown", "csv", "json")),
    *(["graph", "-f", f] for f in ("mermaid", "dot", "graphml", "json")),
    *(["graph", "-f", "mermaid", "--view", v] for v in ("collaboration", "dependencies")),
    *(["report", "-f", f] for f in ("markdown", "html", "json")),
    ["export", "-f", "csv"],
    *(["whatif", "-f", f, "--without", w] for f in ("text", "json") for w in ("IC", "IC/alex")),
    *(["rebalance", "--responsible", "-f", f] for f in ("text", "markdown", "json")),
]


def assert_harmless(text: str, args: list[str], *, stdout: bool = True) -> None:
    """The checks every text output passes (see the module's docstring)."""
    medium = args[args.index("-f") + 1] if "-f" in args else "text"
    allowed = {"\t", "\r"} if medium == "csv" else {"\t"}
    raw = set(_RAW_CONTROL.findall(text)) - allowed
    assert not raw, (args, sorted(raw))
    for line in text.splitlines() if stdout else ():
        if medium == "github":
            assert _OWN_COMMAND.match(line), (args, line)
        else:
            assert not line.lstrip().startswith(("::", "##[")), (args, line)
    if medium in {"html", "markdown", "mermaid"}:
        unescaped = text.replace("\\<", "")
        assert "<script>alert" not in unescaped, args
        assert "<img src" not in unescaped, args


def assert_no_formula(workbook: bytes, where: str) -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(workbook))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            formulas = [cell.coordinate for cell in row if cell.data_type == "f"]
            assert not formulas, (where, sheet.title, formulas)


@pytest.mark.parametrize("args", STDOUT, ids=" ".join)
def test_every_format_on_stdout_is_harmless(run_line: RunLine, args: list[str]) -> None:
    result = run_line([*args, str(MODEL)], exit_code=0)
    assert result.stdout
    assert_harmless(result.stdout, args)
    assert_harmless(result.stderr, args)


def test_diff_is_harmless(run_line: RunLine, tmp_path: Path) -> None:
    """Both sides hostile, names changed; the text of a name with a newline is left to the
    check of control characters (its layout is another issue)."""
    new = tmp_path / "new.yaml"
    text = MODEL.read_text(encoding="utf-8")
    new.write_text(text.replace("{IC: A/R, IT: C}", "{IT: A/R, IC: C}"), encoding="utf-8")
    for fmt in ("text", "markdown", "json"):
        result = run_line(["diff", "-f", fmt, str(MODEL), str(new)], exit_code=None)
        assert result.exit_code in {0, 1}, result.stdout
        assert "IC" in result.stdout
        assert_harmless(result.stdout, ["diff", "-f", fmt])


def test_files_written_with_o_are_harmless(run_line: RunLine, tmp_path: Path) -> None:
    target = tmp_path / "report.html"  # the same renderers as on stdout: one is enough
    run_line(["report", str(MODEL), "-o", str(target)])
    assert_harmless(target.read_text(encoding="utf-8"), ["-f", "html"], stdout=False)
    for suffix in ("csv", "xlsx"):
        sheet = tmp_path / f"matrix.{suffix}"
        run_line(["export", str(MODEL), "-o", str(sheet)])
        back = tmp_path / f"back-{suffix}.yaml"
        run_line(["import", str(sheet), "-o", str(back)])
        assert_harmless(back.read_text(encoding="utf-8"), ["import"], stdout=False)
    assert_harmless(
        (tmp_path / "matrix.csv").read_text(encoding="utf-8"), ["-f", "csv"], stdout=False
    )
    assert_no_formula((tmp_path / "matrix.xlsx").read_bytes(), "export")


def test_the_deck_and_its_chart_workbooks_hold_no_formula(
    run_line: RunLine, tmp_path: Path
) -> None:
    deck = tmp_path / "deck.pptx"
    run_line(["deck", str(MODEL), "-o", str(deck)])
    with zipfile.ZipFile(deck) as archive:
        names = archive.namelist()
        embedded = [name for name in names if name.startswith("ppt/embeddings/")]
        assert embedded
        for name in embedded:
            assert_no_formula(archive.read(name), name)
        for name in names:  # slides, charts, notes: XML, tab and line ends aside
            if name.endswith(".xml"):
                raw = set(_RAW_CONTROL.findall(archive.read(name).decode("utf-8")))
                assert not raw - {"\t", "\r"}, (name, raw)


def test_survey_and_merge_are_harmless(run_line: RunLine, tmp_path: Path) -> None:
    model = tmp_path / "org.yaml"
    shutil.copy(MODEL, model)
    views = tmp_path / "views"
    run_line(["survey", str(model), "-o", str(views), "--prefill"])
    workbooks = sorted(views.glob("*.xlsx"))
    assert workbooks
    for workbook in workbooks:
        assert_no_formula(workbook.read_bytes(), workbook.name)
    for fmt in ("text", "json", "github"):  # sarif and junit are check's, swept above
        args = ["merge", str(views), "--model", str(model), "-f", fmt]
        result = run_line(args, exit_code=None)
        assert result.exit_code in {0, 1}, result.stdout
        assert_harmless(result.stdout, ["merge", "-f", fmt])
    for suffix in ("md", "html", "xlsx"):  # json: the same data as -f json
        report = tmp_path / f"agreement.{suffix}"
        run_line(["merge", str(views), "--model", str(model), "--report", str(report)])
        if suffix == "xlsx":
            assert_no_formula(report.read_bytes(), report.name)
        else:
            medium = {"md": "markdown"}.get(suffix, suffix)
            text = report.read_text(encoding="utf-8")
            assert_harmless(text, ["merge", "-f", medium], stdout=False)
