"""Round-trip integrity of the spreadsheet intake (issue #12's hostile inputs, and a
property test): what goes out comes back, and nothing in a sheet writes YAML of its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from raci.core.loader import parse
from raci.sheets.yaml_out import ownership_yaml
from tests.conftest import RunLine
from tests.test_import_into import fields


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


TRICKY_IDS = ["1e5", "0o17", "0x1F", "012", "1_000", ".inf", "true", "null", "1.5", "-1"]


def test_ids_that_look_like_numbers_stay_text(run_line: RunLine, here: Path) -> None:
    rows = ["Activity,ID,1e5,0o17"] + [f"Task {n},{tid},A/R,C" for n, tid in enumerate(TRICKY_IDS)]
    (here / "m.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    run_line(["import", "m.csv", "-o", "org.yaml"])
    model = fields(here / "org.yaml")
    assert [activity[0] for activity in model["activities"]] == TRICKY_IDS
    assert [function[0] for function in model["functions"]] == ["1e5", "0o17"]
    assert model["activities"][0][5] == {"1e5": "A/R", "0o17": "C"}


def test_a_file_name_cannot_write_yaml(run_line: RunLine, here: Path) -> None:
    name = "m\nrules: {missing-accountable: off}\n#.csv"
    (here / name).write_text("Activity,IC\nOne,R\n", encoding="utf-8")
    result = run_line(["import", name])
    assert result.stdout.startswith(
        "# Ownership file imported from m\\nrules: {missing-accountable: off}\\n#.csv by raci.\n"
    )
    assert "rules" not in parse(result.stdout.encode("utf-8"))


def test_a_stray_quote_never_merges_rows(run_line: RunLine, here: Path) -> None:
    (here / "open.csv").write_text(
        'Activity,IC,HR\nOne,A,R\n"Two,A,R\nThree,A,R\nFour,A,R\n', encoding="utf-8"
    )
    result = run_line(["import", "open.csv", "-o", "org.yaml"], exit_code=2)
    assert result.stderr == (
        "raci: open.csv:3: a quote opens a cell here that is never closed, so every line after "
        'it would be one cell: remove the stray quote, or write it twice ("")\n'
    )
    (here / "closed.csv").write_text(
        'Activity,IC,HR\nOne,A,R\n"Two,A,R\nThree,A,R\nFour",A,R\nFive,A,R\n', encoding="utf-8"
    )
    result = run_line(["import", "closed.csv", "-o", "org.yaml"], exit_code=2)
    assert result.stderr == (
        "raci: closed.csv:3:1: the quote that opens this cell runs to line 5 and takes in 1 "
        'line that looks like a row: remove the stray quote, or write it twice ("")\n'
    )
    assert not (here / "org.yaml").exists()


NAMES = ["Carriage\rreturn", "Line\nbreak", '=HYPERLINK("http://x")', "literal _x000D_", " pad "]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_cr_and_other_awkward_names_come_back_as_they_went(
    run_line: RunLine, here: Path, suffix: str
) -> None:
    data = {
        "version": 1,
        "functions": {"IC": {"name": "Comms\rteam"}, "HR": {"name": "HR"}},
        "activities": [
            {"id": f"a{n}", "name": name, "raci": {"IC": "A/R", "HR": "C"}}
            for n, name in enumerate(NAMES)
        ],
    }
    (here / "org.yaml").write_text(ownership_yaml(data, []), encoding="utf-8")
    run_line(["export", "org.yaml", "-o", f"m.{suffix}"])
    run_line(["import", f"m.{suffix}", "-o", "back.yaml"])
    back = fields(here / "back.yaml")
    assert [activity[1] for activity in back["activities"]] == NAMES
    if suffix == "xlsx":
        assert back == fields(here / "org.yaml")


_TEXT = st.text(alphabet="abcXYZ019 ,.'\"=+-@_()/:#\r\n\u00e9", min_size=1, max_size=12).filter(
    lambda text: text.strip() != ""
)
_IDS = st.text(alphabet="abIC019_.-e", min_size=1, max_size=5)


@st.composite
def models(draw: Any) -> dict[str, Any]:
    fids = draw(st.lists(_IDS, min_size=1, max_size=4, unique=True))
    functions: dict[str, Any] = {}
    for fid in fids:
        entry: dict[str, Any] = {"name": draw(_TEXT)}
        if draw(st.booleans()):
            entry["capacity"] = draw(st.sampled_from([0.5, 1, 4, 12.25]))
        if draw(st.booleans()):
            entry["description"] = draw(_TEXT)
        functions[fid] = entry
    aids = draw(st.lists(_IDS, min_size=1, max_size=5, unique=True))
    activities = []
    for index, aid in enumerate(aids):
        letters = draw(st.lists(st.sampled_from(["R", "A", "C", "I", "A/R"]), min_size=1,
                                max_size=len(fids)))  # fmt: skip
        activity: dict[str, Any] = {"id": aid, "name": draw(_TEXT)}
        if draw(st.booleans()):
            activity["phase"] = draw(_TEXT)
        if draw(st.booleans()):
            activity["effort"] = draw(st.sampled_from([0, 0.5, 2, 3.75]))
        if index and draw(st.booleans()):
            activity["depends_on"] = [aids[0]]
        activity["raci"] = dict(zip(fids, letters, strict=False))
        if draw(st.booleans()):  # given per phase: the same letters in p1, others in p2
            activity.pop("phase", None)
            later = draw(st.sampled_from(["R", "A", "C", "I", "A/R"]))
            activity["raci"] = {"p1": activity["raci"], "p2": {fids[-1]: later}}
        if draw(st.booleans()):
            activity["eligible"] = [fids[-1]]
        if draw(st.booleans()):
            activity["waive"] = {"too-many-consulted": draw(_TEXT)}
        if draw(st.booleans()):
            activity["x-notes"] = draw(_TEXT)
        activities.append(activity)
    model = {"version": 1, "name": draw(_TEXT), "functions": functions, "activities": activities}
    if draw(st.booleans()):
        _people(draw, model, fids[0])
    return _phases(draw, model)


def _people(draw: Any, model: dict[str, Any], fid: str) -> None:
    """Members under ``fid`` and, where it holds letters, the first member's."""
    model["functions"][fid]["members"] = {"m1": {"name": draw(_TEXT)}, "m-2": {"fte": 0.5}}
    model["fte_unit"] = draw(st.sampled_from([1, 4, 7.5]))
    for activity in model["activities"]:
        raci = activity["raci"]
        letters = raci.get("p1", raci)
        if fid in letters and draw(st.booleans()):
            activity["people"] = {f"{fid}/m1": letters[fid]}


def _phases(draw: Any, model: dict[str, Any]) -> dict[str, Any]:
    """Sometimes ``phases:`` in an order of its own, and capacity per phase."""
    used: list[str] = []
    for activity in model["activities"]:
        raci = activity["raci"]
        if "p1" in raci:
            used += ["p1", "p2"]
        elif "phase" in activity:
            used.append(activity["phase"])
    used = list(dict.fromkeys(used))
    staged = "p1" in used
    first = next(iter(model["functions"].values()))
    if staged and draw(st.booleans()):
        first["capacity"] = {"p2": draw(st.sampled_from([1, 2.5])), "p1": 3}
        if draw(st.booleans()):
            first["ends"] = "p2"
    if used and draw(st.booleans()):
        model["phases"] = list(draw(st.permutations(used)))
    keys = ("version", "name", "phases", "fte_unit", "functions", "activities")
    return {key: model[key] for key in keys if key in model}  # activities last, as written


@settings(max_examples=12)
@given(model=models())
def test_export_then_import_is_identity(model: dict[str, Any], tmp_path_factory: Any) -> None:
    from typer.testing import CliRunner

    from raci.cli import build_app

    folder = tmp_path_factory.mktemp("model")
    (folder / "org.yaml").write_text(ownership_yaml(model, []), encoding="utf-8")
    assert yaml.safe_load((folder / "org.yaml").read_text(encoding="utf-8")) is not None
    runner, app = CliRunner(), build_app()
    out, back = str(folder / "m.xlsx"), str(folder / "back.yaml")
    exported = runner.invoke(app, ["export", str(folder / "org.yaml"), "-o", out])
    assert exported.exit_code in {0, 1}, exported.output
    imported = runner.invoke(app, ["import", out, "-o", back])
    assert imported.exit_code == 0, imported.output
    assert fields(Path(back)) == fields(folder / "org.yaml")


def test_a_carriage_return_in_a_waiver_reason_comes_back(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from raci.cli import build_app

    (tmp_path / "org.yaml").write_text(
        "version: 1\nfunctions: {F: {name: F}}\nactivities:\n"
        '  - {id: a, name: A, raci: {F: A/R}, waive: {too-many-consulted: "x\\r\\ny"}}\n',
        encoding="utf-8",
    )
    runner, app = CliRunner(), build_app()
    for suffix in ("xlsx", "csv"):
        out, back = tmp_path / f"m.{suffix}", tmp_path / f"back-{suffix}.yaml"
        assert (
            runner.invoke(app, ["export", str(tmp_path / "org.yaml"), "-o", str(out)]).exit_code
            == 0
        )
        assert runner.invoke(app, ["import", str(out), "-o", str(back)]).exit_code == 0
        loaded = yaml.safe_load(back.read_text(encoding="utf-8"))
        assert loaded["activities"][0]["waive"] == {"too-many-consulted": "x\r\ny"}
