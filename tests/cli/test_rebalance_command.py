"""``raci rebalance`` on the command line: output formats, exit codes, writing the model."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, RunLine

Write = Callable[[str, str], Path]

SMALL = """\
version: 1
name: Greedy trap
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
  OD: {name: Organisational Development}
activities:
  - {id: a1, name: Write the launch story, raci: {IC: A, HR: R}}
  - {id: a2, name: Brief the managers, raci: {IC: A, HR: C}}
  - {id: a3, name: Measure sentiment, raci: {IC: A, OD: C}}
  - {id: h1, name: Update the HR policy, raci: {HR: A/R, OD: C}}
  - {id: h2, name: Onboard new joiners, raci: {HR: A/R, OD: C}}
  - {id: o1, name: Run the champions network, raci: {OD: A/R}}
rules:
  single-owner-overload: {max_accountable: 2, max_accountable_share: 1}
"""

SMALL_TEXT = """\
Rebalance of Greedy trap (small.yaml)
1 move (2 letters change); no function is left Accountable beyond its limit

Moves
  a3  small.yaml:10  Accountable  IC → OD  Consulted, least loaded

Load per function
  function  Accountable before  after  limit
  IC                         3      2      2
  HR                         2      2      2
  OD                         1      2      2

Concentration
                    before  after
  HHI                0.389  0.333
  effective owners     2.6    3.0

Findings that disappear (1)
  small.yaml:4:3: warning RACI008 single-owner-overload: function 'IC' is overloaded: \
Accountable (A) for 3 activities (max 2); share the load

Findings that change (1)
  small.yaml:7:1: warning RACI012 accountability-concentration: accountability is \
concentrated: HHI 0.389 > 0.25 (2.6 effective owners); 'IC' is Accountable (A) for 3 of 6 \
activities
    now: accountability is concentrated: HHI 0.333 > 0.25 (3.0 effective owners); 'IC' is \
Accountable (A) for 2 of 6 activities
"""


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_text_output(here: Path, write: Write, run_line: RunLine) -> None:
    write("small.yaml", SMALL)
    result = run_line(["rebalance", "small.yaml"])
    assert result.stdout == SMALL_TEXT
    assert result.stderr == ""


def test_markdown_output(here: Path, write: Write, run_line: RunLine) -> None:
    write("small.yaml", SMALL)
    result = run_line(["rebalance", "small.yaml", "--format", "markdown"])
    assert result.stdout.startswith(
        "## Rebalance of Greedy trap\n\n"
        "1 move (2 letters change); no function is left Accountable beyond its limit\n\n"
        "| activity | where | role | move | why |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| a3 | small.yaml:10 | Accountable | IC → OD | Consulted, least loaded |\n"
    )
    assert "| IC | 3 | 2 | 2 |\n" in result.stdout
    assert "| HHI | 0.389 | 0.333 |\n" in result.stdout
    assert "- `small.yaml:4:3` warning RACI008 single-owner-overload: " in result.stdout


def test_json_output(here: Path, write: Write, run_line: RunLine) -> None:
    write("small.yaml", SMALL)
    document = json.loads(run_line(["rebalance", "small.yaml", "-f", "json"]).stdout)
    assert document["tool"]["name"] == "raci"
    assert document["feasible"] is True
    assert document["problems"] == []
    assert document["changes"] == 2
    assert document["moves"] == [
        {
            "activity": "a3",
            "role": "accountable",
            "from": ["IC"],
            "to": "OD",
            "kind": "move",
            "reason": "Consulted, least loaded",
            "tier": "consulted",
            "file": "small.yaml",
            "line": 10,
        }
    ]
    assert document["load"][0] == {
        "function": "IC",
        "name": "Internal Communications",
        "accountable": {"before": 3, "after": 2},
        "accountable_limit": 2,
        "responsible": {"before": 0, "after": 0},
        "responsible_limit": 3,  # 50% of 6 activities
        "effort": {"before": 0.0, "after": 0.0},
        "capacity": None,
    }
    assert document["hhi"]["after"] == pytest.approx(1 / 3)
    assert [f["rule"] for f in document["findings_fixed"]] == ["single-owner-overload"]
    assert document["findings_introduced"] == []
    [changed] = document["findings_changed"]
    assert changed["before"]["rule"] == changed["after"]["rule"] == "accountability-concentration"
    assert changed["after"]["message"].startswith("accountability is concentrated: HHI 0.333")


def test_no_plan_exits_1_and_names_the_constraint(
    here: Path, write: Write, run_line: RunLine
) -> None:
    write("small.yaml", SMALL)
    result = run_line(
        ["rebalance", "small.yaml", "--max-accountable", "1", "--write", "fixed.yaml"],
        exit_code=1,
    )
    assert result.stdout == (
        "Rebalance of Greedy trap (small.yaml)\n"
        "No plan: the model's 6 activities (a1, a2, a3, h1, h2 and 1 more) each need an "
        "Accountable, but its 3 functions may be Accountable for at most 3 in all (1 each: "
        "max_accountable 1): raise the limits or drop scope\n"
        "\n"
        "What remains\n"
        "  IC stays Accountable for 3 activities, above its limit of 1 (max_accountable 1)\n"
        "  HR stays Accountable for 2 activities, above its limit of 1 (max_accountable 1)\n"
    )
    # nothing can move, so the written model is the input as it is
    assert result.stderr == "wrote fixed.yaml\n"
    assert (here / "fixed.yaml").read_text() == SMALL
    document = json.loads(
        run_line(
            ["rebalance", "small.yaml", "--max-accountable", "1", "-f", "json"], exit_code=1
        ).stdout
    )
    assert document["feasible"] is False
    assert document["moves"] == []


IC_ALONE = """\
version: 1
name: Contoso enterprise social rollout
# Internal Communications was handed the whole adoption programme.
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
  OD: {name: Organisational Development}
  IT: {name: Information Technology, capacity: 6}
  InfoSec: {name: Information Security}
  Marketing: {name: Marketing}
  Brand: {name: Brand}

activities:
  # prepare
  - id: exec-sponsorship
    name: Secure and maintain executive sponsorship
    raci: {IC: A/R, OD: C, HR: I}
  - id: use-case-discovery
    name: Discover the use cases that matter
    raci: {IC: A/R, OD: R, HR: C, Marketing: C}
  - id: platform-setup
    name: Configure the platform and single sign-on
    effort: 3
    raci:
      IC: A        # "IC asked for it"
      IT: R
      InfoSec: C
  - id: usage-policy
    name: Write the acceptable use policy
    raci: {IC: A/R, HR: C, InfoSec: C}
  - id: data-classification
    name: Classify what may be shared
    raci: {InfoSec: A/R, IT: C, IC: I}
  # pilot
  - id: champions
    name: Recruit and run the champions network
    raci: {IC: A/R, OD: C}
  - id: brand-look
    name: Design the community look and feel
    raci: {IC: A, Brand: R, Marketing: C}
  - id: training
    name: Train managers and users
    effort: 2
    raci: {IC: A/R, HR: R, OD: C}
  # launch
  - id: launch-campaign
    name: Run the launch campaign
    raci: {IC: A/R, Marketing: R, Brand: C}
  - id: onboarding
    name: Add the network to onboarding for new joiners
    raci: {IC: A, HR: R}
  - id: guest-access
    name: Decide on guest and external access
    raci: {IC: A, InfoSec: R, IT: C}
  # adopt
  - id: community-management
    name: Moderate and grow communities
    raci: {IC: A, OD: R}
  - id: measurement
    name: Measure adoption and sentiment
    raci: {IC: A/R, OD: C, IT: C}
  - id: support
    name: Run user support
    raci: {IT: A/R, IC: C}
"""


def test_ic_goes_it_alone_is_fixed_end_to_end(here: Path, write: Write, run_line: RunLine) -> None:
    write("ic.yaml", IC_ALONE)
    before = run_line(["check", "ic.yaml"]).stdout
    assert "single-owner-overload: function 'IC' is overloaded: Accountable (A) for 12" in before
    result = run_line(["rebalance", "ic.yaml", "--write", "fixed.yaml"])
    assert result.stderr == "wrote fixed.yaml\n"
    assert "7 moves (14 letters change)" in result.stdout
    after = run_line(["check", "fixed.yaml"]).stdout
    assert after == "✓ No problems in 1 file (14 activities, 7 functions)\n"
    fixed = (here / "fixed.yaml").read_text()
    changed = [
        (old, new)
        for old, new in zip(IC_ALONE.splitlines(), fixed.splitlines(), strict=True)
        if old != new
    ]
    assert changed == [
        (
            "    raci: {IC: A/R, OD: R, HR: C, Marketing: C}",
            "    raci: {IC: R, OD: A/R, HR: C, Marketing: C}",
        ),
        ('      IC: A        # "IC asked for it"', '      IC: C        # "IC asked for it"'),
        ("      IT: R", "      IT: A/R"),
        (
            "    raci: {IC: A, Brand: R, Marketing: C}",
            "    raci: {IC: C, Brand: A/R, Marketing: C}",
        ),
        ("    raci: {IC: A/R, HR: R, OD: C}", "    raci: {IC: R, HR: A/R, OD: C}"),
        (
            "    raci: {IC: A/R, Marketing: R, Brand: C}",
            "    raci: {IC: R, Marketing: A/R, Brand: C}",
        ),
        ("    raci: {IC: A, HR: R}", "    raci: {IC: C, HR: A/R}"),
        ("    raci: {IC: A, InfoSec: R, IT: C}", "    raci: {IC: C, InfoSec: A/R, IT: C}"),
    ]
    assert (here / "ic.yaml").read_text() == IC_ALONE


def test_responsible_clears_work_overload_too(here: Path, write: Write, run_line: RunLine) -> None:
    text = IC_ALONE.replace("raci: {IC: A, OD: R}", "raci: {IC: A/R, OD: C}")
    write("ic.yaml", text)
    assert "Responsible (R) for 8 of 14" in run_line(["check", "ic.yaml"]).stdout
    plain = run_line(["rebalance", "ic.yaml"]).stdout
    assert plain.endswith(
        "Notes\n  single-owner-overload remains for IC: it is about Responsible work, which "
        "moves only with --responsible\n"
    )
    run_line(["rebalance", "ic.yaml", "--responsible", "--write", "fixed.yaml"])
    assert run_line(["check", "fixed.yaml"]).stdout.startswith("✓ No problems")


def test_write_never_overwrites_the_input_without_in_place(
    here: Path, write: Write, run_line: RunLine
) -> None:
    write("small.yaml", SMALL)
    result = run_line(["rebalance", "small.yaml", "--write", "./small.yaml"], exit_code=2)
    assert result.stderr == (
        "raci: --write small.yaml would overwrite the input; add --in-place to rewrite it on "
        "purpose\n"
    )
    assert result.stdout == ""
    assert (here / "small.yaml").read_text() == SMALL
    result = run_line(["rebalance", "small.yaml", "--in-place", "--write", "x.yaml"], exit_code=2)
    assert result.stderr == (
        "raci: --in-place rewrites small.yaml itself; drop --write x.yaml, or drop --in-place\n"
    )
    result = run_line(["rebalance", "small.yaml", "--in-place", "-f", "json"])
    assert result.stderr == "wrote small.yaml\n"
    rewritten = (here / "small.yaml").read_text()
    assert rewritten == SMALL.replace("raci: {IC: A, OD: C}}", "raci: {IC: C, OD: A}}")
    result = run_line(["rebalance", "small.yaml", "--in-place"])
    assert result.stderr == "wrote nothing (no file changed)\n"


def test_a_failed_write_leaves_files_as_they_were(
    here: Path, write: Write, run_line: RunLine
) -> None:
    write("small.yaml", SMALL)
    result = run_line(["rebalance", "small.yaml", "--write", "missing/fixed.yaml"], exit_code=2)
    assert result.stderr.startswith("raci: cannot write missing/fixed.yaml: ")
    assert not (here / "missing").exists()
    shared = SMALL.replace(
        "  - {id: a3, name: Measure sentiment, raci: {IC: A, OD: C}}\n",
        "  - {id: a3, name: Measure sentiment, raci: &shared {IC: A, OD: C}}\n"
        "  - {id: a4, name: Measure again, raci: *shared}\n",
    ).replace("max_accountable: 2,", "max_accountable: 3,")
    write("shared.yaml", shared)
    write("fixed.yaml", "precious\n")
    result = run_line(["rebalance", "shared.yaml", "--write", "fixed.yaml"], exit_code=2)
    assert "Moves\n  a3  shared.yaml:10" in result.stdout  # the plan is still shown
    assert result.stderr == (
        "raci: cannot edit shared.yaml safely: activity 'a4' would not read as planned (its "
        "raci: entries are shared through YAML anchors, aliases or merge keys, or written in "
        "a form rebalance does not edit); nothing was written: apply the moves by hand\n"
    )
    assert (here / "fixed.yaml").read_text() == "precious\n"
    assert sorted(path.name for path in here.iterdir()) == [
        "fixed.yaml",
        "shared.yaml",
        "small.yaml",
    ]


def test_a_directory_model_is_written_file_by_file(
    here: Path, write: Write, run_line: RunLine
) -> None:
    head, _, rest = SMALL.partition("activities:\n")
    activities, _, rules = rest.partition("rules:\n")
    write("own/functions.yaml", head + "rules:\n" + rules)
    write("own/work/activities.yaml", "version: 1\nactivities:  # the work\n" + activities)
    result = run_line(["rebalance", "own", "--write", "out"])
    assert result.stderr == "wrote out/functions.yaml, out/work/activities.yaml\n"
    assert "a3  own/work/activities.yaml:5" in result.stdout
    assert (here / "out/functions.yaml").read_text() == (here / "own/functions.yaml").read_text()
    assert (
        "{id: a3, name: Measure sentiment, raci: {IC: C, OD: A}}"
        in (here / "out/work/activities.yaml").read_text()
    )
    check = run_line(["check", "out"], exit_code=1).stdout  # a2 and a3 lack an R
    assert "single-owner-overload" not in check
    inside = run_line(["rebalance", "own", "--write", "own/out"], exit_code=2)
    assert inside.stderr == (
        "raci: --write own/out is inside the input directory own: its files would become part "
        "of the model; write somewhere else\n"
    )
    result = run_line(["rebalance", "own", "--in-place"])
    assert result.stderr == "wrote own/work/activities.yaml\n"


def test_unusable_input_exits_2(here: Path, write: Write, run_line: RunLine) -> None:
    write("bad.yaml", SMALL.replace("raci: {IC: A, HR: R}", "raci: {IC: X, HR: R}"))
    result = run_line(["rebalance", "bad.yaml"], exit_code=2)
    assert result.stderr == (
        "bad.yaml:8:55: error RACI901 schema-error: 'X' is not a RACI letter ('raci.IC' of "
        "activity 'a1'): use one of R, A, C, I, A/R\n"
    )
    missing = run_line(["rebalance", "nope.yaml"], exit_code=2)
    assert "nope.yaml:1:1: error RACI900 parse-error: no such file or directory" in missing.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--keep", "a1x"],
            "raci: --keep: no activity 'a1x' (did you mean 'a1' (Write the launch story)?)\n",
        ),
        (
            ["--never", "Comms"],
            "raci: --never: no function 'Comms' (did you mean 'IC' (Internal Communications)?)\n",
        ),
    ],
)
def test_bad_options_exit_2(
    here: Path, write: Write, run_line: RunLine, args: list[str], message: str
) -> None:
    write("small.yaml", SMALL)
    assert run_line(["rebalance", "small.yaml", *args], exit_code=2).stderr == message


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--max-share", "1.5"], "raci: --max-share: 1.5 is not a share between 0 and 1\n"),
        (["--max-share", "-0.1"], "raci: --max-share: -0.1 is not a share between 0 and 1\n"),
        (["--max-share", "nan"], "raci: --max-share: nan is not a share between 0 and 1\n"),
        (["--max-accountable", "-1"], "raci: --max-accountable: -1 is not 0 or more\n"),
    ],
)
def test_limits_out_of_range_exit_2(
    here: Path, write: Write, run_line: RunLine, args: list[str], message: str
) -> None:
    write("small.yaml", SMALL)
    result = run_line(["rebalance", "small.yaml", *args], exit_code=2)
    assert (result.stdout, result.stderr) == ("", message)


def test_limits_at_their_bounds_are_taken(here: Path, write: Write, run_line: RunLine) -> None:
    write("small.yaml", SMALL)
    # 0 leaves every owner above its limit (exit 1); a share of 1 leaves max_accountable 2
    shown = run_line(["rebalance", "small.yaml", "--max-share", "0"], exit_code=1).stdout
    assert "IC stays Accountable for 3 activities, above its limit of 0 (0% of 6" in shown
    shown = run_line(["rebalance", "small.yaml", "--max-accountable", "0"], exit_code=1).stdout
    assert (
        "OD stays Accountable for 1 activities, above its limit of 0 (max_accountable 0)" in shown
    )
    run_line(["rebalance", "small.yaml", "--max-share", "1"], exit_code=0)


def test_help_shows_examples(run_line: RunLine) -> None:
    result = run_line(["rebalance", "--help"])
    assert "raci rebalance org.yaml -w fixed.yaml" in result.stdout
    assert "git diff" in result.stdout


def test_the_plan_is_the_same_across_processes(here: Path, write: Write) -> None:
    write("ic.yaml", IC_ALONE)
    outputs = set()
    for seed in ("0", "1", "12345"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "raci", "rebalance", "ic.yaml", "--format", "json"],
            capture_output=True,
            text=True,
            check=True,
            env=environment,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert len(json.loads(outputs.pop())["moves"]) == 7


def test_the_shipped_ic_example(here: Path, run_line: RunLine) -> None:

    example = (EXAMPLES / "ic-goes-it-alone.yaml").as_posix()
    result = run_line(["rebalance", example, "--write", "fixed.yaml"])
    assert "no function is left Accountable beyond its limit" in result.stdout
    after = run_line(["check", "fixed.yaml"]).stdout
    assert "single-owner-overload" not in after
    assert "accountability-concentration" not in after
    overloads = [line for line in after.splitlines() if "capacity-overload" in line]
    assert overloads == [
        "fixed.yaml:29:3: warning RACI009 capacity-overload: function 'IC' carries 21.5 effort "
        "units against a capacity of 10 (215%)"
    ]
    run_line(["rebalance", example, "--responsible", "--write", "fixed.yaml"])
    after = run_line(["check", "fixed.yaml"]).stdout
    for rule in ("single-owner-overload", "capacity-overload", "accountability-concentration"):
        assert rule not in after
    assert after.splitlines()[-1] == (
        "• 0 errors, 3 warnings, 0 info in 1 file (18 activities, 7 functions)"
    )


def test_the_readme_samples_are_current(
    run_line: RunLine, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    monkeypatch.chdir(ROOT)
    plain = re.search(
        r"`raci rebalance examples/ic-goes-it-alone.yaml` prints:\n\n```console\n(.*?)```",
        readme,
        re.DOTALL,
    )
    assert plain, "the README lost its rebalance sample"
    assert run_line(["rebalance", "examples/ic-goes-it-alone.yaml"]).stdout == plain[1]
    work = re.search(
        r"\$ raci rebalance examples/ic-goes-it-alone.yaml --responsible --write fixed.yaml\n"
        r"(.*?)\$ raci check fixed.yaml\n(.*?)```",
        readme,
        re.DOTALL,
    )
    assert work, "the README lost its --responsible sample"
    fixed = tmp_path / "fixed.yaml"
    args = ["rebalance", "examples/ic-goes-it-alone.yaml", "--responsible", "--write", str(fixed)]
    assert run_line(args).stdout == work[1]
    monkeypatch.chdir(tmp_path)
    assert run_line(["check", "fixed.yaml"]).stdout == work[2]


def test_only_involved_without_eligible_lists_the_work_cannot_move(
    here: Path, run_line: RunLine
) -> None:
    text = (EXAMPLES / "ic-goes-it-alone.yaml").read_text()
    lines = [line for line in text.splitlines() if not line.strip().startswith("eligible:")]
    (here / "ic.yaml").write_text("\n".join(lines) + "\n")
    plan = run_line(["rebalance", "ic.yaml", "--responsible"]).stdout  # every function may help
    assert "no function is left over its limits" in plan.splitlines()[1]
    result = run_line(["rebalance", "ic.yaml", "--responsible", "--only-involved"], exit_code=1)
    # the accountability still moves (today's plan); the work that only IC may do stays
    assert result.stdout.endswith(
        "What remains\n"
        "  IC still carries 16.5 effort units, above its capacity of 10\n"
        "  why: IC's 7 activities (exec-sponsorship, community-structure, network-branding, "
        "champions-network, launch-campaign and 2 more) have no other eligible function and "
        "need 16.5 effort units of Responsible work, but IC's capacity leaves room for 10\n"
    )


DATA = ROOT / "tests" / "data"


def test_the_all_ic_model_gets_a_plan_from_the_functions_left_out(
    here: Path, run_line: RunLine
) -> None:
    """IC is A/R everywhere; the others are only Informed or absent. Every move is a
    stretch, and says so; the result clears overload and concentration."""
    model = (DATA / "rebalance-all-ic.yaml").as_posix()
    result = run_line(["rebalance", model, "--responsible", "--write", "fixed.yaml"])
    assert "14 moves (16 letters change); no function is left over its limits" in result.stdout
    after = run_line(["check", "fixed.yaml"]).stdout
    assert "single-owner-overload" not in after
    assert "accountability-concentration" not in after
    plan = json.loads(run_line(["rebalance", model, "--responsible", "-f", "json"]).stdout)
    assert {move["tier"] for move in plan["moves"]} == {"informed"}
    assert {move["reason"] for move in plan["moves"]} == {"Informed now, least loaded"}
    assert {load["function"]: load["accountable"]["after"] for load in plan["load"]} == {
        "IC": 4, "HR": 2, "OD": 2, "IT": 2, "Marketing": 1, "Brand": 1,
    }  # fmt: skip
    # functions not on an activity at all come in too, labelled as such
    plan = json.loads(run_line(["rebalance", model, "--max-accountable", "2", "-f", "json"]).stdout)
    assert "not on this activity yet" in {move["reason"].split(",")[0] for move in plan["moves"]}
    # only the functions involved: IC has nobody to hand anything to
    narrow = run_line(["rebalance", model, "--only-involved"], exit_code=1).stdout
    assert narrow.splitlines()[1] == (
        "No plan: IC's 12 activities (sponsorship, use-cases, platform, policy, champions and "
        "7 more) have no other eligible function, and IC may be Accountable for at most 4 of "
        "them (40% of 12 activities: max_accountable_share 0.4)"
    )


def test_too_little_capacity_gives_the_best_plan_with_the_remainder_named(
    here: Path, run_line: RunLine
) -> None:
    model = (DATA / "rebalance-too-little-capacity.yaml").as_posix()
    result = run_line(["rebalance", model, "--responsible", "--write", "fixed.yaml"], exit_code=1)
    assert result.stdout.splitlines()[1] == (
        "4 moves (8 letters change), the best plan there is; 1 limit stays exceeded"
    )
    assert result.stdout.endswith(
        "What remains\n"
        "  HR still carries 22 effort units, above its capacity of 10\n"
        "  why: total capacity 35 < 46 effort units of Responsible work: add capacity or drop "
        "scope\n"
    )
    assert result.stderr == "wrote fixed.yaml\n"
    after = run_line(["check", "fixed.yaml"]).stdout
    overloads = [line for line in after.splitlines() if "capacity-overload" in line]
    assert overloads == [
        "fixed.yaml:5:3: warning RACI009 capacity-overload: function 'HR' carries 22 effort "
        "units against a capacity of 10 (220%)"
    ]


def test_the_report_command_runs_as_printed_on_a_directory_model(
    here: Path, run_line: RunLine
) -> None:
    import shutil

    shutil.copytree(EXAMPLES / "ownership", here / "ownership")
    (here / ".raci.toml").write_text("[rules.single-owner-overload]\nmax_accountable = 3\n")
    report = run_line(["report", "ownership", "--date", "2027-03-01"]).stdout
    command = re.search(r"Apply it with '([^']+)'", report)
    assert command, report
    assert command[1] == "raci rebalance ownership --responsible --write ownership-fixed"
    result = run_line(command[1].split()[1:])
    assert result.stderr.startswith("wrote ownership-fixed/00-programme.yaml, ")
    assert "single-owner-overload" not in run_line(["check", "ownership-fixed"]).stdout
    os.chdir(here / "ownership")  # from inside the directory, it writes next to it
    report = run_line(["report", ".", "--date", "2027-03-01"]).stdout
    assert "Apply it with 'raci rebalance . --responsible --write ../ownership-fixed'" in report


WAIVED = """\
version: 1
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
  OD: {name: Organisational Development}
  IT: {name: Information Technology}
activities:
  - {id: a1, name: One, raci: {IC: A/R, HR: C}}
  - {id: a2, name: Two, raci: {IC: A/R}, waive: {sole-owner: IC does it alone for now}}
  - id: a3
    name: Three
    raci: {IC: A/R}
    waive:
      sole-owner: >-
        IC does this alone
        for the moment.
      too-many-consulted: not really
    # a comment that stays
  - {id: a4, name: Four, raci: {IC: A/R, OD: C}}
  - {id: h1, name: Five, raci: {HR: A/R, OD: C}}
rules:
  single-owner-overload: {max_accountable: 1, max_accountable_share: 1}
"""


def test_waivers_a_move_makes_unused_are_removed(
    here: Path, write: Write, run_line: RunLine
) -> None:
    write("w.yaml", WAIVED)
    result = run_line(
        ["rebalance", "w.yaml", "--keep", "a1", "--keep", "a4", "-w", "f.yaml"], exit_code=1
    )
    assert result.stdout.endswith(
        "Notes\n"
        "  activity 'a2' waives 'sole-owner', which the plan clears: the rebalanced model (and "
        "--write) drops the waiver\n"
        "  activity 'a3' waives 'sole-owner', which the plan clears: the rebalanced model (and "
        "--write) drops the waiver\n"
    )
    fixed = (here / "f.yaml").read_text()
    assert fixed == WAIVED.replace(
        "raci: {IC: A/R}, waive: {sole-owner: IC does it alone for now}}", "raci: {IC: R, OD: A}}"
    ).replace(
        "    raci: {IC: A/R}\n    waive:\n      sole-owner: >-\n        IC does this alone\n"
        "        for the moment.\n",
        "    raci: {IC: R, IT: A}\n    waive:\n",
    )
    after = run_line(["check", "f.yaml"]).stdout
    unused = [line for line in after.splitlines() if "unused-waiver" in line]
    assert unused == [  # the one that was unused before the plan stays, for you to judge
        "f.yaml:10:5: warning RACI017 unused-waiver: activity 'a3' waives "
        "'too-many-consulted', which reports nothing here"
    ]
