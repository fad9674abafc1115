"""raci.whatif on the small model: what breaks if IC steps back (answers by hand).

IC holds A/R on vision (effort 2, HR C) and launch-event (effort 5, alone), A on
usage-policy (HR R), C on champions. Without IC: three activities lose their A
(HR could take vision as C and usage-policy as R; nobody is on launch-event), two
lose their R (vision: HR as C; launch-event: nobody).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from raci.core.config import Layer
from raci.core.errors import RaciError
from raci.engine import resolve
from raci.whatif import Gap, LoadShift, Taker, without
from tests.helpers import SMALL, model_of


def test_gaps_and_takers() -> None:
    result = without(model_of(SMALL), ["IC"])
    assert result.removed == ["IC"]
    assert result.without_owner == [
        Gap("vision", "Agree the vision", "prepare", 2.0, {"IC": "A/R"}, [Taker("HR", "C")]),
        Gap(
            "usage-policy",
            "Write the usage policy",
            "prepare",
            1.0,
            {"IC": "A"},
            [Taker("HR", "R")],
        ),
        Gap("launch-event", "Run the launch event", "launch", 5.0, {"IC": "A/R"}, []),
    ]
    assert [gap.activity for gap in result.without_worker] == ["vision", "launch-event"]


def test_load_of_who_could_take_over() -> None:
    result = without(model_of(SMALL), ["IC"])
    assert result.loads == [
        LoadShift(
            function="HR",
            name="Human Resources",
            capacity=None,
            before=1.0,
            after=1.0,
            accountable=1,
            takes=["vision", "usage-policy"],
            if_taking=3.0,  # + vision's effort of 2, as its only worker
            accountable_if_taking=3,
        )
    ]


def test_new_findings_are_diffed_by_rule_activity_and_function() -> None:
    result = without(model_of(SMALL), ["IC"])
    assert [(f.rule, f.activity, f.function, f.line) for f in result.new_findings] == [
        ("missing-accountable", "vision", None, 10),
        ("missing-responsible", "vision", None, 10),
        ("missing-accountable", "usage-policy", None, 15),
        ("sole-owner", "usage-policy", "HR", 15),
        ("missing-accountable", "launch-event", None, 20),
        ("missing-responsible", "launch-event", None, 20),
    ]


def test_the_original_model_is_untouched() -> None:
    model = model_of(SMALL)
    result = without(model, ["IC", "IC"])
    assert result.removed == ["IC"]
    assert "IC" in model.functions
    assert model.activities[0].owners == ["IC"]
    assert "IC" not in result.model.functions
    assert result.model.activities[0].raci.keys() == {"HR"}


def test_shared_work_moves_to_the_remaining_workers(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        "version: 1\nfunctions:\n  IC: {name: IC}\n  HR: {name: HR, capacity: 1.5}\n"
        "activities:\n  - {id: a, name: A, effort: 2, raci: {IC: A/R, HR: R}}\n",
        encoding="utf-8",
    )
    result = without(model_of(path), ["IC"])
    assert [gap.activity for gap in result.without_owner] == ["a"]
    assert result.without_worker == []
    (shift,) = result.loads
    assert (shift.function, shift.before, shift.after, shift.if_taking) == ("HR", 1.0, 2.0, 2.0)
    assert [(f.rule, f.function) for f in result.new_findings] == [
        ("capacity-overload", "HR"),
        ("missing-accountable", None),
        ("sole-owner", "HR"),
    ]


def test_settings_decide_which_findings_count(tmp_path: Path) -> None:
    settings = resolve([Layer("test", select=["missing-accountable"])])
    result = without(model_of(SMALL), ["IC"], settings)
    assert {f.rule for f in result.new_findings} == {"missing-accountable"}


def test_the_files_own_rules_block_is_the_default(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        SMALL.read_text("utf-8") + "rules:\n  sole-owner: off\n  missing-responsible: off\n",
        encoding="utf-8",
    )
    result = without(model_of(path), ["IC"])
    assert {f.rule for f in result.new_findings} == {"missing-accountable"}


def test_unknown_function_suggests() -> None:
    with pytest.raises(
        RaciError,
        match=r"^no function 'Comms' in the model "
        r"\(did you mean 'IC' \(Internal Communications\)\?\)$",
    ):
        without(model_of(SMALL), ["Comms"])


def test_as_dict_is_plain_data() -> None:
    data = without(model_of(SMALL), ["IC", "HR"]).as_dict()
    assert set(data) == {
        "removed",
        "activities",
        "without_owner",
        "without_worker",
        "loads",
        "new_findings",
    }
    assert data["removed"] == ["IC", "HR"]
    assert data["without_owner"][0] == {
        "activity": "vision",
        "name": "Agree the vision",
        "phase": "prepare",
        "effort": 2.0,
        "lost": {"IC": "A/R", "HR": "C"},
        "takers": [],
    }
    assert data["new_findings"][0]["rule"] == "missing-accountable"


@pytest.mark.parametrize(
    "name", ["Internal Communications", "tab\there", "bell\x07 and\rreturn", "wide 通信"]
)
def test_plain_text_is_what_rich_prints_uncoloured(name: str, tmp_path: Path) -> None:
    from rich.text import Text

    from raci.output.common import render_rich
    from raci.output.whatif import lines, render_text

    path = tmp_path / "m.yaml"
    quoted = json.dumps(name)
    path.write_text(
        f"version: 1\nname: {quoted}\n"
        f"functions: {{IC: {{name: {quoted}}}, HR: {{name: HR, capacity: 1}}}}\n"
        "activities:\n"
        f"  - {{id: a, name: {quoted}, raci: {{IC: A/R, HR: C}}}}\n"
        "  - {id: b, name: b, effort: 3, raci: {IC: A, HR: R}}\n",
        encoding="utf-8",
    )
    model = model_of(path)
    result = without(model, ["IC"], resolve([]))
    rich = render_rich([Text(text, style=style) for text, style in lines(result)], False)
    assert render_text(result) == rich
