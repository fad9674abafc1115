"""``raci matrix`` on a terminal of 80, 120 and 200 columns, with 12 functions: rows
never wrap; names shrink with an ellipsis, then go; long ids are abbreviated, with a
legend."""

from __future__ import annotations

from pathlib import Path

import pytest

from raci.engine import check_model
from raci.output.matrix import build, render_text
from raci.output.registry import Medium

IDS = ["IC", "HR", "OD", "IT", "InfoSec", "Marketing", "Brand", "Legal", "Finance",
       "Facilities", "Procurement", "Exec"]  # fmt: skip
LETTERS = ["A/R", "C", "I", "R"]


def model_text() -> str:
    functions = "".join(f"  {fid}: {{name: {fid} department}}\n" for fid in IDS)
    activities = "".join(
        f"  - {{id: activity-number-{n:02d}-long-id, name: A rather long activity name that "
        f"goes on number {n}, raci: {{"
        + ", ".join(f"{IDS[(n + k) % 12]}: {letter}" for k, letter in enumerate(LETTERS))
        + "}}\n"
        for n in range(10)
    )
    return f"version: 1\nfunctions:\n{functions}activities:\n{activities}"


def rendered(tmp_path: Path, width: int | None, names: bool = True) -> list[str]:
    path = tmp_path / "org.yaml"
    path.write_text(model_text(), encoding="utf-8")
    matrix = build(check_model(path, lint_rules=False).require()[0], names=names)
    return render_text(matrix, Medium(width=width)).splitlines()


def table(lines: list[str]) -> list[str]:
    """The header, rule and rows: up to the blank line before the legend."""
    end = max(index for index, line in enumerate(lines) if line.startswith("RACI letters"))
    return lines[2 : end - 1]


@pytest.mark.parametrize("width", [80, 120, 200])
def test_rows_never_wrap(tmp_path: Path, width: int) -> None:
    lines = rendered(tmp_path, width)
    assert max(len(line) for line in table(lines)) <= width


def test_at_80_names_go_and_ids_are_abbreviated(tmp_path: Path) -> None:
    lines = rendered(tmp_path, 80)
    header = table(lines)[0].split()
    assert header == ["Activity", "IC", "HR", "OD", "IT", "Inf", "Mar", "Bra", "Leg", "Fin",
                      "Fac", "Pro", "Exe", "#"]  # fmt: skip
    assert lines[-2:] == [
        "Columns: Inf InfoSec, Mar Marketing, Bra Brand, Leg Legal, Fin Finance, Fac",
        "Facilities, Pro Procurement, Exe Exec",
    ]


def test_at_200_names_are_cut_with_an_ellipsis(tmp_path: Path) -> None:
    lines = table(rendered(tmp_path, 200))
    assert lines[0].split()[:3] == ["Activity", "Name", "IC"]
    assert "Procurement" in lines[0]
    assert "A rather long activity name that goes on number 0" in lines[2]


def test_at_120_names_are_truncated(tmp_path: Path) -> None:
    lines = table(rendered(tmp_path, 120))
    assert "Name" not in lines[0].split() or "…" in lines[2]


def test_no_names_and_files_keep_everything(tmp_path: Path) -> None:
    assert "Name" not in table(rendered(tmp_path, None, names=False))[0].split()
    whole = table(rendered(tmp_path, None))
    assert "A rather long activity name that goes on number 9" in whole[11]
    assert "Procurement" in whole[0]


@pytest.mark.parametrize("width", [80, 120, 200])
def test_load_rows_never_wrap(tmp_path: Path, width: int) -> None:
    from raci.core.metrics import compute
    from raci.output.load import BAR_WIDTH, build
    from raci.output.load import render_text as render_load

    path = tmp_path / "org.yaml"
    path.write_text(model_text(), encoding="utf-8")
    checked = check_model(path)
    model, _, context = checked.require()
    table = build(model, compute(context, None), checked.findings)
    lines = render_load(table, Medium(width=width)).splitlines()
    rows = lines[2 : 4 + len(IDS)]
    assert max(len(line) for line in rows) <= width
    bars = {line.count("█") for line in rows[2:]}
    assert max(bars) == (BAR_WIDTH if width >= 120 else BAR_WIDTH - 1)


# --- 50 functions: bands of columns, one under the other ---------------------------------

FIFTY = [f"F{index:02d}" for index in range(45)] + ["InfoSec", "Marketing", "Brand", "Legal", "HR"]


def fifty_text() -> str:
    functions = "".join(f"  {fid}: {{name: {fid} department}}\n" for fid in FIFTY)
    activities = "".join(
        f"  - {{id: activity-{n:02d}, name: Activity number {n}, phase: "
        + ("prepare" if n < 6 else "launch")
        + ", raci: {"
        + ", ".join(f"{FIFTY[(n * 5 + k) % 50]}: {letter}" for k, letter in enumerate(LETTERS))
        + "}}\n"
        for n in range(12)
    )
    return f"version: 1\nname: Fifty\nfunctions:\n{functions}activities:\n{activities}"


def fifty(tmp_path: Path, width: int | None) -> list[str]:
    path = tmp_path / "fifty.yaml"
    path.write_text(fifty_text(), encoding="utf-8")
    matrix = build(check_model(path, lint_rules=False).require()[0])
    return render_text(matrix, Medium(width=width)).splitlines()


def bands(lines: list[str]) -> list[list[str]]:
    """Each band's header, rule and rows, from its heading to the blank line after its
    totals."""
    starts = [index for index, line in enumerate(lines) if line.startswith("Functions ")]
    found = []
    for start in starts:
        end = next(i for i in range(start + 1, len(lines)) if lines[i].strip().startswith("#"))
        found.append(lines[start + 1 : end + 1])
    return found


@pytest.mark.parametrize("width", [80, 120, 160])
def test_fifty_functions_fit_in_bands_of_columns(tmp_path: Path, width: int) -> None:
    lines = fifty(tmp_path, width)
    assert max(len(line) for line in lines) <= width  # legends wrap too
    found = bands(lines)
    assert len(found) > 1
    headings = [line for line in lines if line.startswith("Functions ")]
    assert headings[0].startswith("Functions 1 to ")
    assert headings[-1].endswith(" to 50 of 50")
    lead = {"Phase", "Activity", "Name", "#"}
    shown = [column for band in found for column in band[0].split() if column not in lead]
    abbreviated = [fid[:3] for fid in FIFTY]
    assert shown == abbreviated  # every function once, in order
    for band in found:
        rows = [line for line in band if "activity-" in line]
        assert len(rows) == 12  # every band repeats every activity
    assert all(band[0].split()[-1] != "#" for band in found[:-1])
    last = found[-1]
    assert last[0].split()[-1] == "#"
    assert all(line.endswith(" 4") for line in last if "activity-" in line)
    assert last[-1].split()[-1] == "48"  # 12 activities x 4 letters


def test_fifty_functions_at_160_split_in_two_even_bands(tmp_path: Path) -> None:
    lines = fifty(tmp_path, 160)
    assert [line for line in lines if line.startswith("Functions ")] == [
        "Functions 1 to 25 of 50",
        "Functions 26 to 50 of 50",
    ]
    first = bands(lines)[0]
    assert first[0].split()[:4] == ["Phase", "Activity", "Name", "F00"]  # names fit again
    row = next(line for line in first if line.startswith("prepare"))
    assert row.split()[:6] == ["prepare", "activity-00", "Activity", "number", "0", "A/R"]


def test_names_go_when_they_would_cost_a_band(tmp_path: Path) -> None:
    header = bands(fifty(tmp_path, 80))[0][0].split()
    assert header[:3] == ["Phase", "Activity", "F00"]


def test_a_wide_enough_terminal_or_a_file_shows_one_table(tmp_path: Path) -> None:
    for width in (None, 400):
        lines = fifty(tmp_path, width)
        assert not any(line.startswith("Functions ") for line in lines)
        assert "InfoSec" in lines[2].split()


@pytest.mark.parametrize("width", [40, 60, 80])
def test_the_legend_wraps_between_its_entries(tmp_path: Path, width: int) -> None:
    lines = rendered(tmp_path, width)
    start = next(i for i, line in enumerate(lines) if line.startswith("RACI letters"))
    legend = lines[start : start + 3]
    legend = legend[: next((i for i, line in enumerate(legend) if line.startswith("Col")), 3)]
    assert all(len(line) <= width for line in legend)
    assert " ".join(legend) == (
        "RACI letters: R Responsible, A Accountable, C Consulted, I Informed (combined: A/R)"
    )


def test_a_long_title_wraps_and_the_table_still_fits(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        model_text().replace("version: 1\n", "version: 1\nname: " + "Long " * 30 + "\n"),
        encoding="utf-8",
    )
    matrix = build(check_model(path, lint_rules=False).require()[0])
    lines = render_text(matrix, Medium(width=80)).splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[0].startswith("Long Long")
    assert lines[1].startswith("  Long")
    assert lines[-2].startswith("Columns: ")
