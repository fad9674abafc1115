"""``raci report``: markdown (golden file, GFM shape, mermaid), HTML, JSON, exit codes."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from raci import __version__
from raci.engine import check
from raci.output.registry import render as render_view
from raci.output.report.markdown import table, text
from raci.report import report_date, section_builders
from raci.report.build import build
from raci.report.data import Paragraph, Section, Table
from tests.conftest import RunLine
from tests.markdown_checks import (
    check_flowchart,
    check_xychart,
    headings,
    mermaid_blocks,
    tables,
)

Write = Callable[[str, str], Path]

DATA = Path(__file__).parent / "data" / "report"
GOLDEN = DATA / "small.md"
DATE = "2027-03-01"

CLEAN = """\
version: 1
name: Shared ownership
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
  IT: {name: Information Technology}
activities:
  - {id: policy, name: Write the usage policy, raci: {HR: A, IC: R}}
  - {id: launch, name: Run the launch, raci: {IC: A/R, HR: C}}
  - {id: platform, name: Configure the platform, raci: {IT: A/R, IC: C, HR: C}}
"""


def _small_report(run_line: RunLine, monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    monkeypatch.chdir(DATA)
    result = run_line(["report", "small.yaml", "--date", DATE, *args], exit_code=1)
    return result.stdout


def test_markdown_report_matches_the_golden_file(
    run_line: RunLine, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered = _small_report(run_line, monkeypatch).replace(f"raci {__version__}", "raci VERSION")
    if os.environ.get("RACI_UPDATE_GOLDEN"):
        GOLDEN.write_text(rendered, encoding="utf-8")
    assert rendered == GOLDEN.read_text(encoding="utf-8")


def test_html_report_matches_the_golden_file(
    run_line: RunLine, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _small_report(run_line, monkeypatch, "--format", "html")
    rendered = page.replace(f"raci {__version__}", "raci VERSION")
    golden = DATA / "small.html"
    if os.environ.get("RACI_UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


def test_markdown_sections_in_order() -> None:
    markdown = GOLDEN.read_text(encoding="utf-8")
    assert headings(markdown) == [
        (1, 'Pilot | "Yammer" <beta> & co'),
        (2, "At a glance"),
        (2, "Load against capacity"),
        (2, "RACI matrix"),
        (3, "Phase: prepare"),
        (3, "Phase: launch"),
        (3, "Without a phase"),
        (2, "Findings"),
        (2, "Who works with whom"),
        (2, "What if Internal Communications steps back?"),
        (2, "Recommendations"),
        (2, "Appendix: every finding and where it is"),
        (3, "Errors (1)"),
        (3, "Warnings (6)"),
        (3, "Info (1)"),
    ]


def test_every_table_row_has_the_header_cell_count() -> None:
    found = tables(GOLDEN.read_text(encoding="utf-8"))
    assert [len(found_table.header) for found_table in found] == [
        3,
        9,
        6,
        6,
        6,
        4,
        3,
        5,
        10,
        3,
        3,
        3,
        3,
    ]
    matrix = found[3]
    assert matrix.header == ["Activity", "Effort", "IC", "HR", "IT", "Brand"]
    assert matrix.rows == [
        ["Run the launch | week 1", "1", "A/R", "I", "", "C"],
        ["Recruit champions", "1.5", "A", "", "", ""],
    ]
    glance = {row[0]: row[1:] for row in found[0].rows}
    assert glance["Accountability concentration (HHI)"] == [
        "0.44",
        "From 0.25 (every function owns an equal share) to 1 (one function owns everything); "
        "above 0.25 counts as concentrated.",
    ]
    assert glance["Truck factor"] == [
        "1",
        "Losing Internal Communications would leave 3 of 5 activities with nobody owning or "
        "doing them.",
    ]


def test_mermaid_blocks_follow_the_grammar() -> None:
    charts = mermaid_blocks(GOLDEN.read_text(encoding="utf-8"))
    assert len(charts) == 3
    labels, values = check_xychart(charts[0])
    assert (labels, values) == (["IC", "IT", "HR", "Brand"], [4.0, 3.0, 0.0, 0.0])
    assert charts[1].splitlines() == [
        "pie showData",
        "    title Activities each function is Accountable for",
        '    "Internal Communications" : 3',
        '    "Information Technology" : 1',
        '    "Human Resources" : 1',
    ]
    assert check_flowchart(charts[2]) == ["f0", "f1", "f2", "f3"]


def test_hostile_names_stay_inside_their_cells_and_labels(write: Write) -> None:
    path = write(
        "org.yaml",
        """\
version: 1
name: "# not a heading"
functions:
  end: {name: 'a "quoted" <b>name</b> & #35; | pipe'}
  graph: {name: "[link](http://x) *em* `code`"}
activities:
  - id: one
    name: "| starts with a pipe \\\\| and a backslash \\\\"
    raci: {end: A/R, graph: C}
  - {id: two, name: "- looks like a list", raci: {graph: A/R, end: C}}
""",
    )
    report = check([path])
    data = build(report, report.models[0], source="org.yaml", date=DATE)
    markdown = render_view("report", "markdown", data)
    assert headings(markdown)[0] == (1, "# not a heading")
    matrix = next(found for found in tables(markdown) if found.header[:2] == ["Activity", "Effort"])
    assert matrix.rows[0][0] == "| starts with a pipe \\| and a backslash \\"
    assert matrix.rows[1][0] == "- looks like a list"
    flowchart = mermaid_blocks(markdown)[-1]
    assert check_flowchart(flowchart) == ["f0", "f1"]
    assert 'f0["a #quot;quoted#quot; #lt;b#gt;name#lt;/b#gt; #amp; #35;35; | pipe"]' in (flowchart)


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40))
def test_any_text_renders_as_itself_in_a_table_cell(value: str) -> None:
    markdown = table(["Name", "Other"], [[text(value), "x"]])
    (found,) = tables(markdown)
    assert found.rows == [[" ".join(value.split()), "x"]]


def test_a_clean_model_passes(run_line: RunLine, write: Write) -> None:
    path = write("org.yaml", CLEAN)
    markdown = run_line(["report", str(path), "--date", DATE]).stdout
    assert (
        "> **Ownership is shared: no function is over capacity, and none is Accountable for "
        "more than 1 of 3 activities.**\n>\n"
        "> Lint verdict: ✓ passes. 0 errors, 0 warnings, 0 info: no error or warning.\n"
    ) in markdown
    assert "## Findings\n\nNo findings: every rule passes.\n" in markdown


def test_date_from_source_date_epoch_and_bad_dates() -> None:
    assert report_date(None, {"SOURCE_DATE_EPOCH": "1803859200"}) == "2027-03-01"
    assert report_date("2027-03-01", {"SOURCE_DATE_EPOCH": "0"}) == "2027-03-01"


def test_bad_date_options_exit_2(run_line: RunLine, write: Write) -> None:
    path = write("org.yaml", CLEAN)
    result = run_line(["report", str(path), "--date", "March"], exit_code=2)
    assert result.stderr == "raci: --date: 'March' is not a date (YYYY-MM-DD)\n"
    result = run_line(["report", str(path)], exit_code=2, env={"SOURCE_DATE_EPOCH": "soon"})
    assert result.stderr == (
        "raci: SOURCE_DATE_EPOCH: 'soon' is not a number of seconds since 1970\n"
    )


def test_unusable_input_exits_2_and_leaves_the_old_report(
    run_line: RunLine, write: Write, tmp_path: Path
) -> None:
    path = write("org.yaml", "version: 1\nfunctions: {}\nactivities: []\nname: [\n")
    old = tmp_path / "report.md"
    old.write_text("the previous report\n", encoding="utf-8")
    result = run_line(["report", str(path), "-o", str(old)], exit_code=2)
    assert result.stderr.startswith(f"{path}:5:1: error RACI900 parse-error: invalid YAML")
    assert old.read_text(encoding="utf-8") == "the previous report\n"
    assert [entry.name for entry in tmp_path.iterdir()] == ["org.yaml", "report.md"]


def test_format_follows_the_output_suffix(
    run_line: RunLine, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(DATA)
    for name, start in [("r.html", "<!DOCTYPE html>"), ("r.json", "{"), ("r.md", "# Pilot")]:
        run_line(["report", "small.yaml", "--date", DATE, "-o", str(tmp_path / name)], exit_code=1)
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in {"meta", "br", "circle", "rect", "line", "col"}:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in {"circle", "rect", "line"} and self.open[-1] != tag:
            return
        assert self.open.pop() == tag, f"</{tag}> closes <{self.open[-1]}>"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_self_contained_escaped_and_colour_coded(
    run_line: RunLine, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _small_report(run_line, monkeypatch, "--format", "html")
    parser = _Collector()
    parser.feed(page)
    parser.close()
    assert parser.open == [], "every element is closed"
    names = [tag for tag, _ in parser.tags]
    assert not {"script", "link", "img", "iframe", "object"} & set(names)
    external = [
        value
        for _, attrs in parser.tags
        for key, value in attrs.items()
        if key in {"src", "href"} or (value or "").startswith(("http:", "https:", "//"))
    ]
    assert external == ["http://www.w3.org/2000/svg"] * 3, "only the SVG namespace"
    assert "<h1>Pilot | &quot;Yammer&quot; &lt;beta&gt; &amp; co</h1>" in page
    assert names.count("svg") == 3, "load, share of accountability, collaboration"
    cells = [attrs.get("class") for tag, attrs in parser.tags if tag == "td"]
    assert cells.count("cell role-owner") == 5
    assert cells.count("cell role-worker") == 1
    assert "@media print" in page
    assert 'id="what-if"' in page


def test_json_carries_the_same_content(run_line: RunLine, monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.loads(_small_report(run_line, monkeypatch, "--format", "json"))
    assert list(data) == [
        "tool", "title", "description", "source", "date", "verdict", "summary", "matrix",
        "load", "findings", "collaboration", "what_if", "sections", "measures",
        "finding_groups", "overview",
    ]  # fmt: skip
    assert data["tool"] == {"name": "raci", "version": __version__}
    assert data["verdict"]["status"] == "fail"
    assert data["summary"]["truck_factor_functions"] == ["IC"]
    assert [group["phase"] for group in data["matrix"]["groups"]] == ["prepare", "launch", None]
    assert data["matrix"]["groups"][0]["rows"][0] == {
        "id": "policy",
        "name": "Write the usage policy",
        "effort": 2.0,
        "cells": {
            "IC": {"label": "R", "role": "worker"},
            "HR": {"label": "A", "role": "owner"},
            "IT": {"label": "C", "role": "consulted"},
        },
    }
    assert [entry["id"] for entry in data["load"]] == ["IC", "IT", "HR", "Brand"]
    assert data["load"][0]["utilisation"] == pytest.approx(4 / 3)
    assert data["findings"][0]["rule"] == "capacity-overload" or data["findings"][0]["line"] == 6
    assert data["collaboration"]["bridges"] == ["IC"]
    assert data["what_if"]["function"] == "IC"
    assert [orphan["activity"] for orphan in data["what_if"]["orphaned"]] == [
        "policy", "launch", "champions", "measure",
    ]  # fmt: skip


def test_what_if_names_what_the_most_loaded_function_alone_holds(write: Write) -> None:
    path = write("org.yaml", CLEAN)
    report = check([path])
    data = build(report, report.models[0], source="org.yaml", date=DATE)
    assert data.what_if is not None
    assert data.what_if.function == "IC"
    assert data.what_if.lead() == (
        "Internal Communications (IC) is the most loaded function: it carries the most load "
        "(2 effort units). It owns or does the work on 2 activities."
    )
    assert [
        (orphan.activity, orphan.missing, orphan.candidates) for orphan in data.what_if.orphaned
    ] == [
        ("policy", ["Responsible (R)"], ["HR"]),
        ("launch", ["Accountable (A)", "Responsible (R)"], ["HR"]),
    ]
    assert data.what_if.uncovered == 2


def test_extra_sections_render_in_every_format(write: Write) -> None:
    path = write("org.yaml", CLEAN)
    report = check([path])

    def recommendations(*_: object) -> Section:
        return Section(
            "recommendations",
            "Recommendations",
            [Paragraph("Move one | thing."), Table(["Activity", "To"], [["launch", "HR"]])],
        )

    data = build(report, report.models[0], source="org.yaml", date=DATE, sections=[recommendations])
    markdown = render_view("report", "markdown", data)
    assert headings(markdown)[-2:] == [
        (2, "Recommendations"),
        (2, "Appendix: every finding and where it is"),
    ]
    (moves,) = [found for found in tables(markdown) if found.header == ["Activity", "To"]]
    assert moves.rows == [["Run the launch", "Human Resources"]], "ids shown by name"
    page = render_view("report", "html", data)
    assert '<section id="recommendations" class="extra">' in page
    assert '<td><span title="launch">Run the launch</span></td>' in page
    assert json.loads(render_view("report", "json", data))["sections"] == [
        {
            "key": "recommendations",
            "title": "Recommendations",
            "blocks": [
                {"text": "Move one | thing.", "kind": "paragraph"},
                {"headers": ["Activity", "To"], "rows": [["launch", "HR"]], "kind": "table"},
            ],
        }
    ]


def named_section(*_: object) -> Section:
    """A section builder the registry can name, as ``raci rebalance`` will."""
    return Section("named", "Named section", [Paragraph("From the registry.")])


def test_section_builders_are_named_module_colon_function(write: Write) -> None:
    (builder,) = section_builders(("tests.test_report:named_section",))
    report = check([write("org.yaml", CLEAN)])
    data = build(report, report.models[0], source="org.yaml", date=DATE, sections=[builder])
    assert "## Named section\n\nFrom the registry.\n" in render_view("report", "markdown", data)


INFEASIBLE = """\
version: 1
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
activities:
  - {id: a, name: A, raci: {IC: A/R}}
  - {id: b, name: B, raci: {IC: A/R}}
  - {id: c, name: C, raci: {IC: A/R}}
  - {id: d, name: D, raci: {IC: A/R}}
  - {id: e, name: E, raci: {HR: A/R}}
"""


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_recommendations_lead_with_the_best_plan_when_none_clears_everything(
    run_line: RunLine, write: Write, here: Path
) -> None:
    write("org.yaml", INFEASIBLE)
    markdown = run_line(["report", "org.yaml", "--date", DATE]).stdout
    section = markdown.split("## Recommendations\n\n", 1)[1]
    assert section.startswith(
        "2 moves (2 letters change), the best plan there is; 2 limits stay exceeded.\n\n"
        "| Activity | Role | From | To | Why |\n| --- | --- | --- | --- | --- |\n"
        "| A | Accountable | Internal Communications | Human Resources | not on this activity "
        "yet, the only other eligible function |\n"
    )
    assert "| Internal Communications | 4 | 3 | 2 | 4 | 3 | 2 | 4 | 3 | \\- |\n" in section
    assert "| HHI | 0.680 | 0.520 |\n" in section
    assert (
        "What the plan cannot clear: IC stays Accountable for 3 activities, above its limit "
        "of 2 (40% of 5 activities: max\\_accountable\\_share 0.4); IC stays Responsible for 3"
    ) in section
    command = "raci rebalance org.yaml --responsible --write fixed.yaml"
    assert f"Apply it with '{command}'" in section
    run_line(command.split()[1:], exit_code=1)  # it runs as printed: the best plan, exit 1
    after = run_line(["check", "fixed.yaml"]).stdout
    assert "Accountable (A) for 3 of 5 activities (60%, max 40%)" in after


def test_recommendations_say_no_plan_only_when_nothing_can_move(
    run_line: RunLine, write: Write
) -> None:
    alone = INFEASIBLE.replace("  HR: {name: Human Resources}\n", "").replace("HR: A/R", "IC: A/R")
    path = write("org.yaml", alone)
    markdown = run_line(["report", str(path), "--date", DATE]).stdout
    section = markdown.split("## Recommendations\n\n", 1)[1]
    assert section.startswith(
        "No plan: IC's 5 activities (a, b, c, d, e) have no other eligible function, and IC "
        "may be Accountable for at most 2 of them"
    )


def test_a_clean_model_has_no_recommendations(run_line: RunLine, write: Write) -> None:
    path = write("org.yaml", CLEAN)
    assert "## Recommendations" not in run_line(["report", str(path), "--date", DATE]).stdout


def test_large_models_point_to_the_rebalance_command(
    write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    from raci.core.context import Context
    from raci.core.metrics import compute
    from raci.engine import load
    from raci.rebalance import report_section

    monkeypatch.setattr(report_section, "MAX_ACTIVITIES", 4)
    model = load(write("org.yaml", INFEASIBLE)).model
    assert model is not None
    context = Context(model)
    section = report_section.recommendations(model, context, compute(context))
    assert section is not None
    assert section.blocks == [
        Paragraph(
            f"This model has 5 activities; run 'raci rebalance {model.documents[0].name} "
            "--responsible' for the fewest reassignments that clear overload (the report "
            "leaves it out above 4 activities, where it takes seconds)."
        )
    ]


def test_load_table_heads_counts_with_the_schemes_letters(run_line: RunLine) -> None:
    from tests.conftest import EXAMPLES

    markdown = run_line(["report", str(EXAMPLES / "schemes" / "rapid.yaml"), "--date", DATE]).stdout
    load = markdown.split("## Load against capacity", 1)[1]
    header = next(line for line in load.splitlines() if line.startswith("| Function"))
    assert header == ("| Function | D | R/P | A/I | Load | Capacity | Utilisation | Share of D |")


def test_the_headline_names_the_errors_when_nothing_is_overloaded(write: Write) -> None:
    path = write(
        "org.yaml",
        CLEAN.replace("{HR: A, IC: R}", "{HR: C, IC: R}"),
    )
    report = check([path])
    data = build(report, report.models[0], source="org.yaml", date=DATE)
    assert data.verdict.lead == (
        "1 error to fix before the plan can be relied on: An activity has no Accountable (A) (1)."
    )
    assert data.verdict.status == "fail"


def test_measures_say_what_they_mean() -> None:
    report = check([DATA / "small.yaml"])
    data = build(report, report.models[0], source="small.yaml", date=DATE)
    assert [(m.label, m.value) for m in data.measures] == [
        ("Highest load against capacity", "133%"),
        ("Largest share of accountability", "60%"),
        ("Effective number of owners", "2.3"),
        ("Accountability concentration (HHI)", "0.44"),
        ("Truck factor", "1"),
    ]
    assert data.measures[2].meaning == (
        "Accountability is as concentrated as if 2.3 of the 4 functions owned everything in "
        "equal shares."
    )
