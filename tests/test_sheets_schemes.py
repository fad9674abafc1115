"""``raci import`` recognises the scheme from the letters; ``raci export`` carries the
legend (and the scheme) in the workbook; every scheme survives export -> import."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.packaging.custom import StringProperty

from raci.core.scheme import SCHEMES
from raci.engine import load
from raci.sheets.detect import ORDER, recognise
from tests.conftest import EXAMPLES, ROOT, RunLine
from tests.test_sheets import shape

SCHEME_EXAMPLES = sorted((EXAMPLES / "schemes").glob("*.yaml"))


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _import(run_line: RunLine, here: Path, text: str, *options: str) -> str:
    (here / "m.csv").write_text(text, encoding="utf-8")
    run_line(["import", "m.csv", "-o", "org.yaml", *options])
    return (here / "org.yaml").read_text(encoding="utf-8")


def _scheme_of(path: Path) -> str:
    model = load(path).model
    assert model is not None
    return model.scheme.name


# --- recognising the scheme -------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ("A/R,C\nA,R\nI,A", "raci"),  # RACI's letters are in RASCI and RACI-VS too
        ("A,R\nS,A/R", "rasci"),  # S without V or A/S: Supportive
        ("A,R\nV,A/R", "raci-vs"),  # V: Verifier
        ("A/S,R\nC,A", "raci-vs"),  # A/S: an Accountable Signatory
        ("A,D\nC,A/D", "daci"),  # D with C: Driver and Contributor
        ("D,R\nA,D/P", "rapid"),  # D with R or P: Decide, Recommend, Perform
        ("D,P\nI,D", "rapid"),
        ("r,a\na/r,c", "raci"),  # any case
    ],
)
def test_a_csv_is_read_in_the_scheme_its_letters_spell(
    run_line: RunLine, here: Path, cells: str, expected: str
) -> None:
    rows = "\n".join(f"Step {n},{row}" for n, row in enumerate(cells.splitlines(), start=1))
    text = _import(run_line, here, f"Activity,IC,HR\n{rows}\n")
    assert _scheme_of(here / "org.yaml") == expected
    lines = text.splitlines()
    if expected == "raci":
        assert not any(line.startswith("scheme:") for line in lines)  # the default
    else:
        assert lines[2:4] == ["version: 1", f"scheme: {expected}"]


def test_the_order_covers_every_scheme_with_raci_first() -> None:
    assert sorted(ORDER) == sorted(SCHEMES)
    assert ORDER[0] == "raci"
    assert recognise([]).name == "raci"  # no letters at all: the default


@pytest.mark.parametrize(
    ("cells", "expected", "why"),
    [
        (["A", "I"], "raci", "every scheme reads A and I: the most common wins"),
        (["A", "R", "I"], "raci", "RAPID reads them too, but a RAPID sheet needs a D"),
        (["A", "R", "S"], "rasci", "S is Supportive before Signatory"),
        (["D", "A", "I"], "daci", "DACI before RAPID: Driver, Approver, Informed"),
        (["D", "A", "C", "Q"], "daci", "no scheme reads Q; DACI reads the most"),
        (["D", "R", "C", "Q"], "raci", "RACI, DACI and RAPID read 2 each: the first wins"),
        (["D", "R", "P", "C"], "rapid", "RAPID reads 3 of 4"),
        (["1", None, "A"], "raci", "a number (None) reads in no scheme"),
    ],
)
def test_ambiguous_letters_go_to_the_first_scheme_in_the_order(
    cells: list[str | None], expected: str, why: str
) -> None:
    assert recognise(cells).name == expected, why


def test_a_raci_vs_sheet_using_only_s_reads_as_rasci_unless_told(
    run_line: RunLine, here: Path
) -> None:
    """The documented ambiguity: S is RASCI's Supportive and RACI-VS's Signatory. With no
    V and no A/S in the sheet, the more common reading wins; ``--scheme`` settles it."""
    sheet = "Activity,IC,HR,Legal\nPolicy,A,R,S\n"
    _import(run_line, here, sheet)
    model = load(here / "org.yaml").model
    assert model is not None
    assert model.scheme.name == "rasci"
    assert model.activities[0].workers == ["HR", "Legal"]  # Supportive does work
    _import(run_line, here, sheet, "--scheme", "raci-vs")
    model = load(here / "org.yaml").model
    assert model is not None
    assert model.scheme.name == "raci-vs"
    assert model.activities[0].workers == ["HR"]
    assert model.activities[0].consulted == ["Legal"]  # the Signatory gives input


def test_scheme_forces_a_reading(run_line: RunLine, here: Path) -> None:
    text = _import(run_line, here, "Activity,IC,HR\nPolicy,A,R\n", "--scheme", "rasci")
    assert "\nscheme: rasci\n" in text
    text = _import(run_line, here, "Activity,IC,HR\nPolicy,A,R\n", "--scheme", "auto")
    assert "scheme:" not in text


def test_bad_cells_are_reported_in_the_words_of_the_likeliest_scheme(
    run_line: RunLine, here: Path
) -> None:
    (here / "m.csv").write_text(
        "Activity,IC,HR,Legal,IT\nPolicy,R,A,D,C\nGuests,P,I,D,x\n", encoding="utf-8"
    )
    result = run_line(["import", "m.csv", "-o", "org.yaml"], exit_code=2)
    assert result.stderr == (
        "raci: m.csv:2:5: 'C' is not a RAPID letter: use one of R, A, P, I, D, D/P\n"
        "raci: m.csv:3:5: 'x' is not a RAPID letter: use one of R, A, P, I, D, D/P\n"
        "raci: 2 problems in m.csv (read as RAPID: its letters fit the most cells; "
        "--scheme sets another); nothing written\n"
    )
    assert not (here / "org.yaml").exists()
    forced = run_line(["import", "m.csv", "--scheme", "daci"], exit_code=2)
    assert forced.stderr.splitlines() == [
        "raci: m.csv:2:2: 'R' is not a DACI letter: use one of D, A, C, I, A/D",
        "raci: m.csv:3:2: 'P' is not a DACI letter: use one of D, A, C, I, A/D",
        "raci: m.csv:3:5: 'x' is not a DACI letter: use one of D, A, C, I, A/D",
        # forced: no guess to explain, but maybe letters of the house
        "raci: 3 problems in m.csv (letters of your own? map them: --letter Lead=A); "
        "nothing written",
    ]


def test_the_scheme_a_workbook_declares_is_tried_first(run_line: RunLine, here: Path) -> None:
    """A RACI-VS model whose only extra letter is S: its CSV reads as RASCI, its workbook
    (which names its scheme) as RACI-VS."""
    (here / "org.yaml").write_text(
        "version: 1\nscheme: raci-vs\nfunctions: {HR: {name: HR}, Legal: {name: Legal}}\n"
        "activities: [{id: policy, name: Policy, raci: {HR: A/R, Legal: S}}]\n",
        encoding="utf-8",
    )
    run_line(["export", "org.yaml", "-o", "m.csv"])
    run_line(["import", "m.csv", "-o", "from-csv.yaml"])
    assert _scheme_of(here / "from-csv.yaml") == "rasci"
    run_line(["export", "org.yaml", "-o", "m.xlsx"])
    run_line(["import", "m.xlsx", "-o", "from-xlsx.yaml"])
    assert shape(here / "from-xlsx.yaml") == shape(here / "org.yaml")


@pytest.mark.parametrize(("declared", "expected"), [("daci", "raci"), ("nonsense", "raci")])
def test_a_declared_scheme_the_letters_do_not_fit_is_ignored(
    run_line: RunLine, here: Path, declared: str, expected: str
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in (["Activity", "IC", "HR"], ["Policy", "A", "R"]):
        sheet.append(row)
    workbook.custom_doc_props.append(StringProperty(name="raci scheme", value=declared))
    workbook.save(here / "m.xlsx")
    run_line(["import", "m.xlsx", "-o", "org.yaml"])
    assert _scheme_of(here / "org.yaml") == expected


# --- round trips ------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
@pytest.mark.parametrize("path", SCHEME_EXAMPLES, ids=lambda path: path.stem)
def test_each_scheme_survives_export_then_import(
    run_line: RunLine, here: Path, path: Path, suffix: str
) -> None:
    run_line(["export", str(path), "-o", f"m.{suffix}"])
    run_line(["import", f"m.{suffix}", "-o", "back.yaml"])
    assert shape(here / "back.yaml") == shape(path)
    assert _scheme_of(here / "back.yaml") == path.stem
    run_line(["check", "--strict", "back.yaml"])


# --- the workbook's legend --------------------------------------------------------------


def test_a_rapid_workbook_explains_its_letters(run_line: RunLine, here: Path) -> None:
    run_line(["export", str(EXAMPLES / "schemes" / "rapid.yaml"), "-o", "m.xlsx"])
    workbook = openpyxl.load_workbook(here / "m.xlsx")
    assert workbook.sheetnames == ["Matrix", "Functions", "Legend", "Load", "Findings"]
    assert list(workbook["Legend"].iter_rows(values_only=True)) == [
        ("Letter", "Word", "Role", "Meaning"),
        ("R", "Recommend", "does the work", "does most of the work: the proposal"),
        ("A", "Agree", "gives input", "must agree: holds a veto"),
        ("P", "Perform", "does the work", "carries the decision out"),
        ("I", "Input", "gives input", "is asked for facts and views"),
        ("D", "Decide", "owns the outcome", "makes the decision; exactly one"),
        ("D/P", "Decide and Perform", "owns the outcome, does the work",
         "one function holds both letters"),
        (None, None, None, None),
        ("Scheme: RAPID (scheme: rapid in the ownership file)", None, None, None),
    ]  # fmt: skip
    legend, matrix = workbook["Legend"], workbook["Matrix"]
    # the legend's letters wear the matrix's colours: D (owner) like the Decide cells
    decide = next(cell for row in matrix.iter_rows(min_row=2) for cell in row if cell.value == "D")
    assert legend["A6"].fill.start_color.rgb == decide.fill.start_color.rgb
    assert decide.font.bold
    agree = next(cell for row in matrix.iter_rows(min_row=2) for cell in row if cell.value == "A")
    assert legend["A3"].fill.start_color.rgb == agree.fill.start_color.rgb
    assert not agree.font.bold  # Agree is a veto, not ownership
    # counts per role under the scheme's letters: no "A" heading Decide counts
    rows = list(workbook["Load"].iter_rows(values_only=True))
    assert rows[0] == (
        "Function", "Name", "D", "R/P", "A/I", "Load", "Capacity", "Utilisation", "Share of D",
    )  # fmt: skip
    assert rows[1] == ("IC", "Internal Communications", 1, 4, 3, 2.5, None, None, 0.125)
    chart = workbook["Load"]._charts[0]
    assert chart.series[0].val.numRef.f == "'Load'!$F$2:$F$7"


# --- the README -------------------------------------------------------------------------


def test_the_readme_samples_are_current(
    run_line: RunLine, here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Schemes in matrices, reports and spreadsheets\n", 1)[1]
    section = section.split("\n## ", 1)[0]
    matrix = section.split("$ raci matrix examples/schemes/daci.yaml --phase design\n")[1]
    sample = section.split("$ cat decisions.csv\n")[1].split("```")[0]
    csv_text, _, rest = sample.partition("$ raci import decisions.csv -o decisions.yaml\n")
    (here / "decisions.csv").write_text(csv_text, encoding="utf-8")
    result = run_line(["import", "decisions.csv", "-o", "decisions.yaml"], exit_code=2)
    assert result.stderr == rest
    fixed = csv_text.replace(",I,C,D,P", ",I,I,D,P")
    (here / "decisions.csv").write_text(fixed, encoding="utf-8")
    run_line(["import", "decisions.csv", "-o", "decisions.yaml"])
    assert "\nscheme: rapid\n" in (here / "decisions.yaml").read_text(encoding="utf-8")
    monkeypatch.chdir(ROOT)
    output = run_line(["matrix", "examples/schemes/daci.yaml", "--phase", "design"]).stdout
    assert output == matrix.split("```")[0]
