"""``raci deck`` of a phased model, or one with people: the phases side by side, load per
phase and load per person say what ``raci matrix`` and ``raci load`` say, as native
tables and charts with speaker notes; every other model's deck keeps its slides."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from raci.output.palette import BAND_COLOURS, HANDOVER_COLOURS
from tests.conftest import MODELS, ROOT, RunLine

PHASED = MODELS / "enterprise-social-phased.yaml"
SMALL = ROOT / "tests" / "data" / "phased.yaml"
PEOPLE = ROOT / "tests" / "data" / "people.yaml"
DATE = "2027-03-01"
TITLES = json.loads((ROOT / "tests" / "data" / "deck-titles.json").read_text(encoding="utf-8"))
"""The slides of every example without phases or people, as they were before the deck
learnt phases and people."""


def _deck(run_line: RunLine, model: Path, out: Path, *options: str) -> Any:
    run_line(["deck", str(model), "-o", str(out), "--date", DATE, *options], exit_code=None)
    return Presentation(str(out))


def _title(slide: Any) -> str:
    return slide.shapes.title.text_frame.text


def _slide(deck: Any, start: str) -> Any:
    (found,) = [slide for slide in deck.slides if _title(slide).startswith(start)]
    return found


def _json(run_line: RunLine, *args: str) -> Any:
    return json.loads(run_line([*args, "--format", "json"], exit_code=None).stdout)


def _charts(slide: Any) -> list[Any]:
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def _texts(slide: Any) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def _series(chart: Any) -> tuple[list[str], list[float], list[float | None]]:
    """(categories, load, capacity) of a load chart."""
    bars, *line = chart.plots
    capacity = list(line[0].series[0].values) if line else [None] * len(bars.categories)
    return list(bars.categories), list(bars.series[0].values), capacity


@pytest.fixture(scope="module")
def phased(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from typer.testing import CliRunner

    from raci.cli import build_app

    out = tmp_path_factory.mktemp("deck") / "deck.pptx"
    args = ["deck", str(PHASED), "-o", str(out), "--date", DATE]
    result = CliRunner().invoke(build_app(), args)
    assert result.exit_code == 0, result.output
    return Presentation(str(out))


@pytest.mark.parametrize("model", sorted(TITLES))
def test_models_without_phases_or_people_keep_their_slides(
    model: str, run_line: RunLine, tmp_path: Path
) -> None:
    deck = _deck(run_line, ROOT / model, tmp_path / "deck.pptx")
    assert [_title(slide) for slide in deck.slides] == TITLES[model]


def test_a_phased_deck_adds_the_phases_and_the_people(phased: Any) -> None:
    assert [_title(slide) for slide in phased.slides] == [
        "Enterprise social network, phase by phase",
        "At a glance",
        "Load against capacity",
        "Who is accountable: concentration",
        "RACI matrix: prepare, launch (1 of 2)",
        "RACI matrix: run (2 of 2)",
        "What if Information Technology steps back?",
        "The phases side by side",
        "Load per phase",
        "Load per person",
        "Findings",
    ]


def test_the_phases_side_by_side_are_what_raci_matrix_says(phased: Any, run_line: RunLine) -> None:
    expected = _json(run_line, "matrix", str(PHASED))["by_phase"]
    slide = _slide(phased, "The phases side by side")
    (grid,) = [shape.table for shape in slide.shapes if shape.has_table]
    rows = [[cell.text for cell in row.cells] for row in grid.rows]
    assert rows[0] == ["Activity", *expected["phases"]]
    wanted = []
    for activity in expected["activities"]:
        cells = [activity["name"]]
        for phase in expected["phases"]:
            stage = activity["phases"].get(phase)
            text = (
                "" if stage is None else ", ".join(f"{f} {x}" for f, x in stage["holders"].items())
            )
            cells.append(f"→ {text}" if stage and stage["handover"] else text)
        wanted.append(cells)
    assert rows[1:] == wanted
    assert ["Manage communities and moderation", "", "Launch A/R, IC R", "→ IC A/R"] in wanted
    shaded = {
        (index, column)
        for index, row in enumerate(grid.rows)
        for column, cell in enumerate(row.cells)
        if str(cell.fill.fore_color.rgb) == HANDOVER_COLOURS[0]
    }
    marked = {
        (index, column)
        for index, row in enumerate(rows)
        for column, text in enumerate(row)
        if text.startswith("→")
    }
    assert shaded == marked == {(11, 3)}


def test_load_per_phase_is_what_raci_load_says(phased: Any, run_line: RunLine) -> None:
    expected = _json(run_line, "load", str(PHASED))["phases"]
    slide = _slide(phased, "Load per phase")
    charts = _charts(slide)
    assert len(charts) == len(expected) == 3
    for chart, phase in zip(charts, expected, strict=True):
        shown = [f for f in phase["functions"] if f["load"] > 0 or f["capacity"] is not None]
        assert _series(chart) == (
            [f["id"] for f in shown],
            [round(f["load"], 2) for f in shown],
            [f["capacity"] for f in shown],
        )
        assert chart.value_axis.maximum_scale == 12  # one scale across the phases
    headings = [text for text in _texts(slide) if "HHI" in text]
    assert headings == [
        f"{p['phase']}\n{p['activities']} activities · HHI {p['hhi']:.3f}" for p in expected
    ]
    notes = slide.notes_slide.notes_text_frame.text
    assert "In launch (6 activities): Launch project team 7.5 of 8, " in notes
    assert "accountability HHI 0.333, as if 3.0 functions owned it in equal shares" in notes
    assert "Close to the limit: Human Resources in prepare (100%)" in notes


def test_load_per_phase_of_a_small_model_by_hand(run_line: RunLine, tmp_path: Path) -> None:
    deck = _deck(run_line, SMALL, tmp_path / "deck.pptx")
    slide = _slide(deck, "Internal Communications is over capacity in launch")
    prepare, launch, run = _charts(slide)
    # prepare: plan 2 shared by OD and IT, tenant 3 to IT; no capacity given for prepare
    assert _series(prepare) == (["OD", "IT"], [1.0, 4.0], [None, None])
    # launch: announce 3 and community 2, both IC's, against IC's 4 for launch
    assert _series(launch) == (["IC"], [5.0], [4.0])
    assert (
        str(launch.plots[0].series[0].points[0].format.fill.fore_color.rgb)
        == (BAND_COLOURS["over"])
    )
    # run: community 2 to IC (capacity 3), measure 1 shared by OD and IT
    assert _series(run) == (["IC", "OD", "IT"], [2.0, 0.5, 0.5], [3.0, None, None])
    notes = slide.notes_slide.notes_text_frame.text
    assert "Over capacity: Internal Communications in launch: 5 against 4." in notes
    assert "2 activities · HHI 0.500" in "\n".join(_texts(slide))
    side = _slide(deck, "The phases side by side").notes_slide.notes_text_frame.text
    assert "Ownership changes hands once: Community management (IC → OD in run)." in side


def test_the_people_chart_is_what_raci_load_says(phased: Any, run_line: RunLine) -> None:
    expected = _json(run_line, "load", str(PHASED))["people"]
    slide = _slide(phased, "Load per person")
    (chart,) = _charts(slide)
    people = sorted(expected["people"], key=lambda person: -person["load"])
    assert _series(chart) == (
        [p["id"] for p in people],
        [round(p["load"], 2) for p in people],
        [p["capacity"] for p in people],
    )
    colours = [str(point.format.fill.fore_color.rgb) for point in chart.plots[0].series[0].points]
    assert colours == [BAND_COLOURS["near"], BAND_COLOURS["near"], BAND_COLOURS["within"]]
    assert expected["truck_factor"]["people"] == ["IT", "OD", "Launch", "Exec"]
    assert (
        "Truck factor in people: 4\nWithout IT, OD, Launch, Exec, 10 of 18 activities would "
        "have nobody doing or owning them (a function without members counts as one holder)."
    ) in "\n".join(_texts(slide))
    notes = slide.notes_slide.notes_text_frame.text
    assert "The black dash is what the person can carry: their FTE times 4 effort units." in notes
    assert "IC/sam: 4 of 4 (100%); IC/alex: 3.5 of 4 (88%); IC/jo: 3 of 4 (75%)" in notes
    assert (
        "Tell the sponsor nobody is over their own capacity; the most loaded is IC/sam at 100%"
        in notes
    )


def test_every_new_slide_has_notes_for_the_sponsor(phased: Any) -> None:
    for start in ("The phases side by side", "Load per phase", "Load per person"):
        notes = _slide(phased, start).notes_slide.notes_text_frame.text
        assert "Tell the sponsor" in notes or "tell the sponsor" in notes, (start, notes)


def test_the_people_who_alone_do_something(run_line: RunLine, tmp_path: Path) -> None:
    deck = _deck(run_line, PEOPLE, tmp_path / "deck.pptx")
    slide = _slide(deck, "Load per person")
    text = "\n".join(_texts(slide))
    assert "The only one doing the work\nKim Lee (IC/kim): Post\n" in text
    notes = slide.notes_slide.notes_text_frame.text
    assert "One person alone does the work on something: Kim Lee (IC/kim) on Post." in notes
    assert "Phases" not in " ".join(_title(s) for s in deck.slides)


def _parts(path: Path) -> bytes:
    """Every XML part of a deck, those of the charts' embedded workbooks too."""

    def read(archive: zipfile.ZipFile) -> bytes:
        found = b""
        for name in archive.namelist():
            data = archive.read(name)
            if name.endswith(".xlsx"):
                found += read(zipfile.ZipFile(io.BytesIO(data)))
            elif name.endswith((".xml", ".rels")):
                found += data
        return found

    return read(zipfile.ZipFile(path))


def test_redact_hides_people_on_the_people_slide(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    deck = _deck(run_line, PEOPLE, out, "--redact")
    slide = _slide(deck, "Load per person")
    (chart,) = _charts(slide)
    assert list(chart.plots[0].categories) == ["IC/1", "IC/2", "IC/3"]
    assert "IC/3: Post" in "\n".join(_texts(slide))
    assert "IC/1: 2.5 of 4 (62%); IC/2: 2 of 2 (100%); IC/3: 2 of 4 (50%)" in (
        slide.notes_slide.notes_text_frame.text
    )
    everything = _parts(out)
    for name in (b"Kim Lee", b"Alex Morgan", b"IC/alex", b"IC/sam", b"IC/kim"):
        assert name not in everything, name


HOSTILE = """\
version: 1
name: Hostile
phases: ["<script>alert(1)</script>", "=HYPERLINK(\\"http://h/?\\"&A3)", "esc \\e[31m"]
fte_unit: 2
functions:
  IC:
    name: IC
    capacity: {"<script>alert(1)</script>": 1}
    members:
      alex: {name: "=HYPERLINK(\\"http://x\\")"}
      sam: {name: "<script>x</script> \\e[2J"}
  OD: {name: Organisational Development}
activities:
  - {id: a, name: A, phase: "<script>alert(1)</script>", effort: 3, raci: {IC: A/R},
     people: {IC/alex: A/R}}
  - {id: b, name: B, phase: "=HYPERLINK(\\"http://h/?\\"&A3)", effort: 1,
     raci: {OD: A/R, IC: R}}
  - {id: c, name: C, phase: "esc \\e[31m", effort: 2, raci: {OD: A/R, IC: R},
     people: {IC/sam: R}}
"""


def test_hostile_phase_and_person_names_stay_text(
    run_line: RunLine, tmp_path: Path, write: Any
) -> None:
    out = tmp_path / "deck.pptx"
    deck = _deck(run_line, write("org.yaml", HOSTILE), out)
    titles = [_title(slide) for slide in deck.slides]
    assert "IC is over capacity in <script>alert(1)</script>" in titles
    (grid,) = [s.table for s in _slide(deck, "The phases side by side").shapes if s.has_table]
    assert [cell.text for cell in grid.rows[0].cells] == [
        "Activity",
        "<script>alert(1)</script>",
        '=HYPERLINK("http://h/?"&A3)',
        "esc _x001B_[31m",
    ]
    people = _slide(deck, '=HYPERLINK("http://x") (IC/alex) is over capacity')
    assert '=HYPERLINK("http://x") (IC/alex): A' in "\n".join(_texts(people))
    notes = people.notes_slide.notes_text_frame.text
    assert "<script>x</script> _x001B_[2J (IC/sam): 1.25 of 2 (62%)" in notes
    everything = _parts(out)
    assert b"\x1b" not in everything
    assert b"<script>" not in everything  # escaped as &lt;script&gt; in every part
    assert b"<f>HYPERLINK" not in everything  # no formula in a chart's workbook


def test_above_the_limit_only_the_activities_that_change_hands(
    run_line: RunLine, tmp_path: Path, write: Any
) -> None:
    lines = ["version: 1", "phases: [one, two]", "functions:", "  A: {name: Alpha}"]
    lines += ["  B: {name: Beta}", "activities:"]
    lines += [f"  - {{id: a{n}, name: N{n}, phase: one, raci: {{A: A/R}}}}" for n in range(160)]
    lines += ["  - {id: moving, name: Moving, raci: {one: {A: A/R}, two: {B: A/R}}}"]
    deck = _deck(run_line, write("big.yaml", "\n".join(lines) + "\n"), tmp_path / "deck.pptx")
    slide = _slide(deck, "Where ownership changes hands")
    (grid,) = [shape.table for shape in slide.shapes if shape.has_table]
    assert [[cell.text for cell in row.cells] for row in grid.rows] == [
        ["Activity", "one", "two"],
        ["Moving", "A A/R", "→ B A/R"],
    ]
    assert "this slide shows 1 of the 1 that change hands" in (
        slide.notes_slide.notes_text_frame.text
    )
