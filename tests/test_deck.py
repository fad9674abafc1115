"""``raci deck``: reopened with python-pptx, the deck says what ``raci matrix`` and
``raci load`` say, with native tables and charts, 16:9, and notes on every slide."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.util import Inches

from raci.output.palette import BAND_COLOURS, ROLE_COLOURS
from tests.conftest import EXAMPLES, RunLine

IC = EXAMPLES / "ic-goes-it-alone.yaml"
DATE = "2027-03-01"


def _deck(run_line: RunLine, model: Path, tmp_path: Path) -> Any:
    out = tmp_path / "deck.pptx"
    run_line(["deck", str(model), "-o", str(out), "--date", DATE])
    return Presentation(str(out))


def _title(slide: Any) -> str:
    return slide.shapes.title.text_frame.text


def _json(run_line: RunLine, *args: str) -> Any:
    return json.loads(run_line([*args, "--format", "json"], exit_code=None).stdout)


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from typer.testing import CliRunner

    from raci.cli import build_app

    out = tmp_path_factory.mktemp("deck") / "deck.pptx"
    result = CliRunner().invoke(build_app(), ["deck", str(IC), "-o", str(out), "--date", DATE])
    assert result.exit_code == 0, result.output
    return Presentation(str(out))


def test_the_deck_is_16_9_with_a_title_slide_that_gives_the_verdict(deck: Any) -> None:
    assert (deck.slide_width, deck.slide_height) == (Inches(13.333), Inches(7.5))
    titles = [_title(slide) for slide in deck.slides]
    assert titles == [
        "Contoso enterprise social rollout (IC goes it alone)",
        "At a glance",
        "Internal Communications is over capacity",
        "Who is accountable: concentration",
        "RACI matrix: prepare, pilot (1 of 2)",
        "RACI matrix: launch, embed, sustain (2 of 2)",
        "What if Internal Communications steps back?",
        "Recommendations",
        "Recommendations: the changes (1 of 2)",
        "Recommendations: the changes (2 of 2)",
        "Recommendations: before and after",
        "Findings",
    ]
    words = [shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame]
    assert (
        "Internal Communications carries 21.5 effort units against a capacity of 10 (215%) "
        "and is Accountable for 16 of 18 activities.\n"
        "Lint verdict: passes with warnings. 0 errors, 10 warnings, 4 info: review the "
        "warnings below."
    ) in words


def test_every_slide_has_speaker_notes(deck: Any) -> None:
    notes = [slide.notes_slide.notes_text_frame.text for slide in deck.slides]
    assert all(len(note) > 40 for note in notes), notes
    assert "HHI" in notes[3]
    assert "effective number of owners" in notes[3]
    assert "The black dash is the function's capacity" in notes[2]


def test_every_matrix_cell_is_what_raci_matrix_says(
    deck: Any, run_line: RunLine, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _json(run_line, "matrix", str(IC))
    rows: list[tuple[str, dict[str, str]]] = []
    for slide in deck.slides:
        if not _title(slide).startswith("RACI matrix"):
            continue
        (grid,) = [shape.table for shape in slide.shapes if shape.has_table]
        header = [cell.text for cell in grid.rows[0].cells]
        assert header[:2] == ["Activity", "Effort"]
        for row in list(grid.rows)[1:]:
            cells = list(row.cells)
            if cells[0].is_merge_origin:  # a phase row
                continue
            letters = {fid: cell.text for fid, cell in zip(header[2:], cells[2:], strict=True)}
            rows.append((cells[0].text, letters))
            for fid, cell in zip(header[2:], cells[2:], strict=True):
                if cell.text:
                    role = next(
                        x["role"]
                        for x in expected["scheme"]["letters"]
                        if x["code"] == cell.text[-1]
                    )
                    if "A" in cell.text:
                        role = "owner"
                    assert str(cell.fill.fore_color.rgb) == ROLE_COLOURS[role][0], (fid, cell.text)
    by_phase = sorted(expected["activities"], key=lambda a: expected["phases"].index(a["phase"]))
    assert [name for name, _ in rows] == [a["name"] for a in by_phase]
    functions = [f["id"] for f in expected["functions"]]
    for (_, letters), activity in zip(rows, by_phase, strict=True):
        assert letters == {fid: activity["raci"].get(fid, "") for fid in functions}


def test_the_load_chart_series_are_what_raci_load_says(deck: Any, run_line: RunLine) -> None:
    expected = _json(run_line, "load", str(IC))["functions"]
    (chart,) = [shape.chart for shape in deck.slides[2].shapes if shape.has_chart]
    bars, line = chart.plots
    assert [type(plot).__name__ for plot in chart.plots] == ["BarPlot", "LinePlot"]
    names = list(bars.categories)
    assert names == [f["name"] for f in expected]
    assert list(bars.series[0].values) == [f["load"] for f in expected]
    assert list(line.series[0].values) == [f["capacity"] for f in expected]
    assert line.series[0].name == "Capacity"
    over = [index for index, f in enumerate(expected) if (f["utilisation"] or 0) > 1]
    assert over == [0]
    colours = [str(bars.series[0].points[i].format.fill.fore_color.rgb) for i in range(len(names))]
    assert colours[0] == BAND_COLOURS["over"]
    assert set(colours[1:]) == {BAND_COLOURS["none"]}


def test_the_concentration_chart_counts_accountability(deck: Any, run_line: RunLine) -> None:
    expected = _json(run_line, "load", str(IC))["functions"]
    (chart,) = [shape.chart for shape in deck.slides[3].shapes if shape.has_chart]
    series = chart.plots[0].series[0]
    counts = dict(zip(chart.plots[0].categories, series.values, strict=True))
    assert counts == {f["name"]: f["accountable"] for f in expected}


def test_the_rebalance_proposal_shows_before_and_after(deck: Any) -> None:
    tables = [shape.table for shape in deck.slides[7].shapes if shape.has_table]
    (before_after,) = tables
    assert [[cell.text for cell in row.cells] for row in before_after.rows] == [
        ["", "Before", "After"],
        ["HHI", "0.796", "0.216"],
        ["Effective owners", "1.3", "4.6"],
    ]


def test_a_large_model_summarises_the_matrix(
    run_line: RunLine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bench.generate import generate

    path = tmp_path / "big.yaml"
    path.write_text(generate(160), encoding="utf-8")
    out = tmp_path / "big.pptx"
    run_line(["deck", str(path), "-o", str(out), "--date", DATE], exit_code=1)
    titles = [_title(slide) for slide in Presentation(str(out)).slides]
    assert "The matrix, phase by phase" in titles
    assert "The activities most at risk" in titles
    assert not [title for title in titles if title.startswith("RACI matrix")]


def test_deck_needs_an_output_file_and_usable_input(
    run_line: RunLine, tmp_path: Path, write: Any
) -> None:
    result = run_line(["deck", str(IC)], exit_code=2)
    assert "Missing option '--output'" in result.stderr
    broken = write("org.yaml", "version: 1\nfunctions: [\n")
    out = tmp_path / "deck.pptx"
    run_line(["deck", str(broken), "-o", str(out)], exit_code=2)
    assert not out.exists()
