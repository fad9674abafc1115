"""The report at scale: mermaid within GitHub's limits on a 2,000-activity model (checked
by the real mermaid parser when node is here), the matrix summarised above the limit,
the collaboration grid reduced above 50 functions, print CSS, charts that never overlap."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from raci.engine import check
from raci.output.palette import BAND_COLOURS
from raci.output.registry import render as render_view
from raci.report import section_builders
from raci.report.build import build
from raci.report.data import Collaboration, ReportData
from tests.conftest import EXAMPLES
from tests.markdown_checks import mermaid_blocks, tables

MODULES = Path("/work/npmtools/node_modules")
GOLDEN = Path(__file__).parent / "data" / "report" / "small.md"


def _data(path: Path, limit: int | None = 3_000, *, sections: bool = True) -> ReportData:
    report = check([path])
    return build(
        report,
        report.models[0],
        source=path.name,
        date="2027-03-01",
        sections=section_builders() if sections else (),
        matrix_limit=limit,
    )


def _blocks(markdown: str) -> list[str]:
    """The mermaid blocks, found by their fences (markdown-it takes seconds on 500 kB)."""
    return re.findall(r"^```mermaid\n(.*?)\n```$", markdown, re.S | re.M)


@pytest.fixture(scope="module")
def big_markdown(tmp_path_factory: pytest.TempPathFactory) -> str:
    from bench.generate import generate

    path = tmp_path_factory.mktemp("big") / "big.yaml"
    path.write_text(generate(2_000), encoding="utf-8")
    # without the rebalance section: its min-cost flow is not what this file tests
    rendered = render_view("report", "markdown", _data(path, sections=False))
    assert isinstance(rendered, str)
    return rendered


def _links(block: str) -> int:
    return sum(1 for line in block.splitlines() if re.search(r"---|-->|==>|-\.-", line))


def test_every_mermaid_block_is_within_mermaids_default_limits(big_markdown: str) -> None:
    blocks = _blocks(big_markdown)
    assert [block.split("\n", 1)[0] for block in blocks] == [
        "xychart-beta",
        "pie showData",
        "flowchart LR",
    ]
    for block in blocks:
        assert len(block) <= 50_000
        assert _links(block) <= 500
    assert _links(blocks[2]) == 60
    assert re.search(
        r"The chart shows the 60 strongest links: \d+ more links, see the HTML report", big_markdown
    )


def test_the_xychart_says_what_its_line_is(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        "version: 1\nfunctions:\n  IC: {name: Comms, capacity: 2}\n  HR: {name: HR, capacity: 4}\n"
        "activities:\n  - {id: a, name: A, effort: 3, raci: {IC: A/R, HR: C}}\n"
        "  - {id: b, name: B, raci: {HR: A/R, IC: C}}\n",
        encoding="utf-8",
    )
    markdown = render_view("report", "markdown", _data(path))
    assert isinstance(markdown, str)
    (chart, *_) = mermaid_blocks(markdown)
    assert 'title "Load (bars) against capacity (line), effort units"' in chart
    assert "    line [2, 4]" in chart
    assert (
        "In the chart the bars are the effort each function carries and the line is its "
        "capacity: a bar above the line is a function over capacity."
    ) in markdown


@pytest.mark.skipif(
    shutil.which("node") is None or not (MODULES / "mermaid").is_dir(),
    reason="needs node and the mermaid package",
)
def test_the_real_mermaid_parser_accepts_every_block(big_markdown: str) -> None:
    blocks = mermaid_blocks(GOLDEN.read_text(encoding="utf-8")) + _blocks(big_markdown)
    script = Path(__file__).with_name("mermaid_parse.mjs")
    done = subprocess.run(
        ["node", str(script), str(MODULES)],
        input=json.dumps(blocks),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    kinds = json.loads(done.stdout.strip().splitlines()[-1])
    assert kinds == ["xychart", "pie", "flowchart-v2"] * 2, done.stderr


def test_above_the_limit_the_matrix_is_summarised(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    shutil.copy(EXAMPLES / "ic-goes-it-alone.yaml", path)
    data = _data(path, limit=10)
    assert data.overview is not None
    assert all(not group.rows for group in data.matrix.groups)
    markdown = render_view("report", "markdown", data)
    assert isinstance(markdown, str)
    assert (
        "This model has 18 activities, too many to show as a grid (the report shows it up "
        "to 10). For the full matrix run `raci export org.yaml --format xlsx -o matrix.xlsx`."
    ) in markdown
    phases = next(t for t in tables(markdown) if t.header[0] == "Phase")
    assert [row[0] for row in phases.rows] == ["prepare", "pilot", "launch", "embed", "sustain"]
    assert sum(int(row[1]) for row in phases.rows) == 18
    riskiest = next(t for t in tables(markdown) if t.header[-1] == "Flagged by")
    assert riskiest.rows[0] == [
        "Manage and moderate communities",
        "embed",
        "4",
        "Internal Communications",
        "sole-owner",
    ]
    assert len(riskiest.rows) == 7
    page = render_view("report", "html", data)
    assert isinstance(page, str)
    assert "<code>raci export org.yaml --format xlsx -o matrix.xlsx</code>" in page
    assert 'class="matrix' not in page


def test_the_collaboration_grid_keeps_the_50_most_connected_functions() -> None:
    from raci.output.report.heatmap import grid, heatmap

    functions = [(f"F{index}", f"Function {index}") for index in range(60)]
    edges = [(f"F{index}", f"F{index + 1}", 60 - index) for index in range(59)]
    collaboration = Collaboration(functions, edges, [])
    found = grid(collaboration)
    assert len(found.functions) == 50
    assert (found.left_out, found.links_left_out) == (10, 10)
    drawn, _ = heatmap(collaboration)
    assert drawn.count("<rect") == 50 * 50


def test_the_html_prints_as_a4_landscape(tmp_path: Path) -> None:
    page = render_view("report", "html", _data(GOLDEN.with_name("small.yaml")))
    assert isinstance(page, str)
    assert "@page { size: A4 landscape;" in page
    assert "h2, h3 { break-after: avoid;" in page
    assert "thead { display: table-header-group; }" in page


def test_load_bars_are_coloured_by_band_and_figures_keep_their_own_column() -> None:
    from raci.output.report.svg import load_bars

    data = _data(GOLDEN.with_name("small.yaml"))
    drawn = load_bars(data.load)
    assert f'fill="#{BAND_COLOURS["over"]}"' in drawn
    assert "over capacity" in drawn
    xs = set(re.findall(r'<text x="(\d+)" y="\d+" class="figure">', drawn))
    assert len(xs) == 1, "every figure in one column right of the bars"
    assert re.findall(r'class="figure">([^<]+)<', drawn)[0] == "4 of 3 · 133%"
