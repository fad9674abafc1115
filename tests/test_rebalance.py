"""raci.rebalance as a library: optimal plans, infeasibility, pins, exclusions, settings."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from raci.core.errors import RaciError
from raci.core.model import Model
from raci.engine import load
from raci.rebalance import Options, Plan, propose

Write = Callable[[str, str], Path]

TODAY = Options(only_involved=True)
"""Candidates as before the tiers: R, A, C and eligible only."""


def model_of(write: Write, text: str, name: str = "org.yaml") -> Model:
    loaded = load(write(name, text))
    assert loaded.model is not None, loaded.findings
    return loaded.model


def moved(plan: Plan) -> list[tuple[str, str, tuple[str, ...], str]]:
    return [(move.activity, move.role, move.source, move.target) for move in plan.moves]


def accountable(plan: Plan) -> dict[str, tuple[int, int]]:
    return {load.id: load.accountable for load in plan.loads}


# IC owns three activities but may own two. Moving IC's first activity to the only
# other function eligible for it (HR, already Responsible) would overload HR, which
# would then have to pass h1 on to OD: two moves. Moving a3 to OD is one move.
GREEDY_TRAP = """\
version: 1
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


def test_the_optimum_beats_the_greedy_move(write: Write) -> None:
    plan = propose(model_of(write, GREEDY_TRAP), TODAY)
    assert plan.feasible
    assert moved(plan) == [("a3", "accountable", ("IC",), "OD")]
    assert plan.moves[0].reason == "Consulted, the only other eligible function"
    assert accountable(plan) == {"IC": (3, 2), "HR": (2, 2), "OD": (1, 2)}
    assert plan.changes == {2: {"IC": "C", "OD": "A"}}


SPREAD = """\
version: 1
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
  OD: {name: Organisational Development}
  IT: {name: Information Technology}
activities:
  - {id: i1, name: One, raci: {IC: A/R, HR: C, OD: C, IT: C}}
  - {id: i2, name: Two, raci: {IC: A/R, HR: C, OD: C, IT: C}}
  - {id: i3, name: Three, raci: {IC: A/R, HR: C, OD: C, IT: C}}
  - {id: i4, name: Four, raci: {IC: A/R, HR: C, OD: C, IT: C}}
  - {id: i5, name: Five, raci: {IC: A/R, HR: C, OD: C, IT: C}}
  - {id: i6, name: Six, raci: {IC: A/R, HR: C, OD: C, IT: C}}
rules:
  single-owner-overload: {max_accountable: 3, max_accountable_share: 1}
"""


def test_convex_cost_spreads_the_moves_instead_of_piling_them(write: Write) -> None:
    plan = propose(model_of(write, SPREAD), TODAY)
    assert accountable(plan) == {"IC": (6, 3), "HR": (0, 1), "OD": (0, 1), "IT": (0, 1)}
    assert [move.activity for move in plan.moves] == ["i1", "i2", "i3"]  # file order
    assert plan.hhi == (1.0, pytest.approx(12 / 36))
    assert plan.effective_owners == (1.0, pytest.approx(3.0))


PREFERENCE = """\
version: 1
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
  OD: {name: Organisational Development}
activities:
  - {id: i1, name: One, raci: {IC: A, HR: R}}
  - {id: i2, name: Two, raci: {IC: A, OD: R}}
  - {id: i3, name: Three, raci: {IC: A, HR: C, OD: C}}
  - {id: i4, name: Four, raci: {IC: A, HR: C, OD: C}}
  - {id: i5, name: Five, raci: {IC: A, HR: C, OD: C}}
  - {id: h1, name: Six, raci: {HR: A/R}}
rules:
  single-owner-overload: {max_accountable: 3, max_accountable_share: 1}
"""


def test_among_even_plans_the_function_doing_the_work_takes_over(write: Write) -> None:
    # two moves; HR+1/OD+1 and OD+2 are equally even (1+4 = 4+1), so the tie goes to
    # the functions that are already Responsible
    plan = propose(model_of(write, PREFERENCE), TODAY)
    assert moved(plan) == [
        ("i1", "accountable", ("IC",), "HR"),
        ("i2", "accountable", ("IC",), "OD"),
    ]
    assert [move.reason for move in plan.moves] == [
        "already Responsible, the only other eligible function",
        "already Responsible, the only other eligible function",
    ]


INFOSEC = """\
version: 1
functions:
  IC: {name: Internal Communications}
  InfoSec: {name: Information Security}
  HR: {name: Human Resources}
activities:
  - {id: s1, name: Classify data, raci: {InfoSec: A/R, IC: I}}
  - {id: s2, name: Review guest access, raci: {InfoSec: A/R, IC: I}}
  - {id: s3, name: Set retention, raci: {InfoSec: A/R}}
  - {id: s4, name: Approve integrations, raci: {InfoSec: A/R}}
  - {id: s5, name: Monitor compliance, raci: {InfoSec: A/R}}
  - {id: c1, name: Write the story, raci: {IC: A/R, HR: C}}
  - {id: c2, name: Brief managers, raci: {IC: A/R, HR: C}}
  - {id: c3, name: Train champions, raci: {HR: A/R, IC: C}}
"""


def test_no_plan_names_the_binding_constraint(write: Write) -> None:
    plan = propose(
        model_of(write, INFOSEC), Options(only_involved=True, max_accountable=4, max_share=1)
    )
    assert not plan.feasible
    assert plan.problems == [
        "InfoSec's 5 activities (s1, s2, s3, s4, s5) have no other eligible function, and "
        "InfoSec may be Accountable for at most 4 of them (max_accountable 4)"
    ]
    assert plan.moves == []
    assert plan.changes == {}
    assert plan.after is plan.model


def test_no_plan_when_all_functions_together_lack_room(write: Write) -> None:
    plan = propose(model_of(write, GREEDY_TRAP), Options(only_involved=True, max_accountable=1))
    assert plan.problems == [
        "the model's 6 activities (a1, a2, a3, h1, h2 and 1 more) each need an Accountable, "
        "but its 3 functions may be Accountable for at most 3 in all (1 each: "
        "max_accountable 1): raise the limits or drop scope"
    ]


def test_the_share_limit_binds_when_it_is_tighter(write: Write) -> None:
    plan = propose(model_of(write, INFOSEC), TODAY)  # defaults: 8, or 40% of 8 activities = 3
    assert plan.problems == [
        "InfoSec's 5 activities (s1, s2, s3, s4, s5) have no other eligible function, and "
        "InfoSec may be Accountable for at most 3 of them (40% of 8 activities: "
        "max_accountable_share 0.4)"
    ]


def test_never_moves_everything_the_function_owns(write: Write) -> None:
    # HR must take a1 and a2 (nobody else may), so it passes h1 (the first) to OD
    plan = propose(
        model_of(write, GREEDY_TRAP), Options(only_involved=True, max_accountable=3, never=("IC",))
    )
    assert moved(plan) == [
        ("a1", "accountable", ("IC",), "HR"),
        ("a2", "accountable", ("IC",), "HR"),
        ("a3", "accountable", ("IC",), "OD"),
        ("h1", "accountable", ("HR",), "OD"),
    ]
    assert accountable(plan) == {"IC": (3, 0), "HR": (2, 3), "OD": (1, 3)}


def test_never_without_an_alternative_is_no_plan(write: Write) -> None:
    plan = propose(model_of(write, INFOSEC), Options(only_involved=True, never=("InfoSec",)))
    assert plan.problems == [
        "activities 's1', 's2', 's3', 's4' and 's5' have too few functions left to be "
        "Accountable: InfoSec is excluded by --never and no other function holds R, A or C "
        "on it or is listed under its 'eligible' key"
    ]


def test_keep_pins_an_activity_and_the_plan_works_around_it(write: Write) -> None:
    plan = propose(model_of(write, GREEDY_TRAP), Options(only_involved=True, keep=("a3",)))
    # a3 may not move, so the two-move chain is the best left
    assert moved(plan) == [
        ("a1", "accountable", ("IC",), "HR"),
        ("h1", "accountable", ("HR",), "OD"),
    ]


def test_pins_beyond_the_limit_are_no_plan(write: Write) -> None:
    plan = propose(
        model_of(write, GREEDY_TRAP), Options(only_involved=True, keep=("a1", "a2", "a3"))
    )
    assert plan.problems == [
        "IC is Accountable for 3 activities pinned with --keep, above its limit of 2 "
        "(max_accountable 2)"
    ]


def test_pins_win_over_never(write: Write) -> None:
    options = Options(only_involved=True, max_accountable=3, keep=("a1",), never=("IC",))
    plan = propose(model_of(write, GREEDY_TRAP), options)
    assert [move.activity for move in plan.moves] == ["a2", "a3"]
    assert accountable(plan)["IC"] == (3, 1)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            Options(only_involved=True, keep=("a33",)),
            "--keep: no activity 'a33' (did you mean 'a3' (Measure sentiment)?)",
        ),
        (
            Options(only_involved=True, never=("ic",)),
            "--never: no function 'ic' (did you mean 'IC' (Internal Communications)?)",
        ),
    ],
)
def test_unknown_names_in_options_are_input_errors(
    write: Write, options: Options, message: str
) -> None:
    with pytest.raises(RaciError) as raised:
        propose(model_of(write, GREEDY_TRAP), options)
    assert str(raised.value) == message


def test_the_same_input_gives_the_same_plan(write: Write) -> None:
    model = model_of(write, SPREAD)
    first = json.dumps(propose(model, TODAY).as_dict())
    assert all(json.dumps(propose(model, TODAY).as_dict()) == first for _ in range(3))
    again = json.dumps(propose(model_of(write, SPREAD, "copy.yaml"), TODAY).as_dict())
    assert again.replace("copy", "org") == first


NORMALISE = """\
version: 1
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
  OD: {name: Organisational Development}
activities:
  - {id: none, name: Nobody owns this, raci: {IC: R, HR: C}}
  - {id: two, name: Two owners, raci: {IC: A, HR: A/R}}
  - {id: lonely, name: Nobody can own this, raci: {OD: I}}
  - {id: typo, name: A typo owns this, raci: {Comms: A, HR: R}}
"""


def test_every_activity_ends_with_exactly_one_accountable(write: Write) -> None:
    plan = propose(model_of(write, NORMALISE), TODAY)
    # IC does the work on 'none', so it owns it; then HR keeps 'two', which evens the load
    assert [(m.activity, m.kind, m.source, m.target, m.reason) for m in plan.moves] == [
        ("none", "assign", (), "IC", "already Responsible, least loaded"),
        ("two", "resolve", ("IC",), "HR", "already Accountable, one of 2, least loaded"),
    ]
    assert plan.changes == {0: {"IC": "A/R"}, 1: {"IC": "C"}}
    assert plan.notes == [
        "activity 'lonely' has no Accountable and no function that holds R or C on it or "
        "is listed under eligible: it is left without one",
        "activity 'typo' is left as it is: its Accountable 'Comms' is not a function "
        "(fix unknown-function first)",
    ]
    fixed = [(finding.rule, finding.activity) for finding in plan.fixed]
    assert fixed == [("missing-accountable", "none"), ("multiple-accountable", "two")]


ELIGIBLE = """\
version: 1
functions:
  IC: {name: Internal Communications}
  Brand: {name: Brand}
activities:
  - id: guidelines
    name: Publish the brand guidelines
    raci:
      IC: A/R   # for now
    eligible: [Brand]
"""


def test_a_function_listed_under_eligible_can_take_over(write: Write) -> None:
    plan = propose(model_of(write, ELIGIBLE), Options(only_involved=True, never=("IC",)))
    assert moved(plan) == [("guidelines", "accountable", ("IC",), "Brand")]
    assert plan.moves[0].reason == "listed under eligible, the only other eligible function"
    assert plan.changes == {0: {"IC": "R", "Brand": "A"}}


WORK = """\
version: 1
functions:
  IT: {name: Information Technology, capacity: 3}
  HR: {name: Human Resources}
  OD: {name: Organisational Development, capacity: 2}
activities:
  - {id: a1, name: One, effort: 2, raci: {OD: A, IT: R, HR: C}}
  - {id: a2, name: Two, effort: 2, raci: {OD: A, IT: R, HR: C}}
  - {id: a3, name: Three, effort: 1, raci: {HR: A, IT: R, OD: C}}
  - {id: a4, name: Four, effort: 0.5, raci: {HR: A, IT: R, OD: C}}
"""


def test_capacity_moves_the_heaviest_work(write: Write) -> None:
    # IT carries 5.5 against 3: two activities must go, and moving both heavy ones
    # (a1, a2) leaves it the least; OD (capacity 2) can take one of them
    plan = propose(model_of(write, WORK), Options(only_involved=True, responsible=True))
    assert moved(plan) == [
        ("a1", "responsible", ("IT",), "HR"),
        ("a2", "responsible", ("IT",), "OD"),
    ]
    effort = {load.id: load.effort for load in plan.loads}
    assert effort == {"IT": (5.5, 1.5), "HR": (0.0, 2.0), "OD": (0.0, 2.0)}
    assert [finding.rule for finding in plan.fixed] == ["capacity-overload"]


def test_without_responsible_capacity_is_only_noted(write: Write) -> None:
    plan = propose(model_of(write, WORK), TODAY)
    assert plan.moves == []
    assert plan.notes == [
        "capacity-overload remains for IT: it is about Responsible work, which moves only "
        "with --responsible"
    ]


def test_capacity_that_pinned_work_already_exceeds_is_no_plan(write: Write) -> None:
    options = Options(only_involved=True, responsible=True, keep=("a1", "a2"))
    plan = propose(model_of(write, WORK), options)
    assert plan.problems == [
        "IT carries 4 effort units on activities pinned with --keep, above its capacity of 3"
    ]


def test_work_that_does_not_fit_the_capacities_is_no_plan(write: Write) -> None:
    plan = propose(
        model_of(write, WORK), Options(only_involved=True, responsible=True, never=("HR",))
    )
    assert plan.problems == [
        "total capacity 5 < 5.5 effort units of Responsible work: add capacity or drop scope"
    ]
    # the best plan still moves what fits (and HR hands over what it owns, --never)
    assert moved(plan) == [
        ("a1", "responsible", ("IT",), "OD"),
        ("a3", "accountable", ("HR",), "IT"),
        ("a4", "accountable", ("HR",), "IT"),
    ]
    assert plan.remaining == ["IT still carries 3.5 effort units, above its capacity of 3"]


RESPONSIBLE = """\
version: 1
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
  OD: {name: Organisational Development}
activities:
  - {id: r1, name: One, raci: {HR: A, IC: R, OD: C}}
  - {id: r2, name: Two, raci: {HR: A, IC: R, OD: C}}
  - {id: r3, name: Three, raci: {OD: A, IC: R, HR: R}}
  - {id: r4, name: Four, raci: {OD: A, IC: R}}
rules:
  single-owner-overload: {max_responsible: 2, max_responsible_share: 1}
"""


def test_responsible_moves_work_within_max_responsible(write: Write) -> None:
    # IC must hand over two of its four; HR+1/OD+1 and OD+2 are equally even and
    # both go to owners, so file order decides: r1 (to HR) and r3 (to OD)
    plan = propose(model_of(write, RESPONSIBLE), Options(only_involved=True, responsible=True))
    assert moved(plan) == [
        ("r1", "responsible", ("IC",), "HR"),
        ("r3", "responsible", ("IC",), "OD"),
    ]
    assert {load.id: load.responsible for load in plan.loads} == {
        "IC": (4, 2),
        "HR": (1, 2),
        "OD": (0, 1),
    }
    assert plan.changes == {0: {"HR": "A/R", "IC": "C"}, 2: {"OD": "A/R", "IC": "C"}}
    assert [move.reason for move in plan.moves] == [
        "already Accountable, has room",
        "already Accountable, the only other eligible function",  # HR already does r3
    ]


def test_settings_come_from_the_file_then_the_options(write: Write) -> None:
    model = model_of(write, GREEDY_TRAP)
    assert [move.activity for move in propose(model, TODAY).moves] == ["a3"]
    assert propose(model, Options(only_involved=True, max_accountable=3)).moves == []
    # the share binds again: 40% of 6 activities is 2
    plan = propose(model, Options(only_involved=True, max_accountable=3, max_share=0.4))
    assert [move.activity for move in plan.moves] == ["a3"]


def test_tool_raci_settings_apply_below_the_file(write: Write) -> None:
    write("pyproject.toml", "[tool.raci.rules.single-owner-overload]\nmax_accountable = 5\n")
    text = GREEDY_TRAP.replace("{max_accountable: 2, max_accountable_share: 1}", "{}")
    model = model_of(write, text)
    # 5 from pyproject, but the 40% share of 6 activities (2) binds
    assert [move.activity for move in propose(model, TODAY).moves] == ["a3"]
    write("pyproject.toml", "[tool.raci.rules.single-owner-overload]\nmax_accountable_share = 1\n")
    assert propose(model_of(write, text), TODAY).moves == []


def test_a_waiver_or_an_off_rule_sets_no_limit(write: Write) -> None:
    waived = GREEDY_TRAP.replace(
        "IC: {name: Internal Communications}",
        "IC: {name: Internal Communications, waive: {single-owner-overload: agreed}}",
    )
    assert propose(model_of(write, waived), TODAY).moves == []
    off = GREEDY_TRAP.replace("{max_accountable: 2, max_accountable_share: 1}", "off")
    assert propose(model_of(write, off, "off.yaml"), TODAY).moves == []
    # an explicit threshold switches it back on
    plan = propose(
        model_of(write, off, "off.yaml"),
        Options(only_involved=True, max_accountable=2, max_share=1),
    )
    assert [move.activity for move in plan.moves] == ["a3"]


RAPID = """\
version: 1
scheme: rapid
functions:
  Exec: {name: Executive team}
  IT: {name: Information Technology}
  HR: {name: Human Resources}
activities:
  - {id: d1, name: Pick the platform, raci: {Exec: D, IT: R}}
  - {id: d2, name: Set the policy, raci: {Exec: D/P, HR: P}}
  - {id: d3, name: Fund it, raci: {Exec: D, IT: I}}
rules:
  single-owner-overload: {max_accountable: 1}
"""


def test_other_schemes_use_their_own_letters(write: Write) -> None:
    plan = propose(model_of(write, RAPID), TODAY)
    assert moved(plan) == [
        ("d1", "accountable", ("Exec",), "IT"),
        ("d2", "accountable", ("Exec",), "HR"),
    ]
    assert plan.moves[1].reason == "already Perform, the only other eligible function"
    # IT, the only one doing the work on d1, keeps working: D/P (RAPID has no D/R)
    assert plan.changes == {0: {"Exec": "I", "IT": "D/P"}, 1: {"Exec": "P", "HR": "D/P"}}
    assert not plan.introduced


def test_apply_rebuilds_the_model_and_the_text(write: Write) -> None:
    path = write("org.yaml", GREEDY_TRAP)
    model = model_of(write, GREEDY_TRAP)
    plan = propose(model, TODAY)
    after = plan.apply(model)
    assert after is plan.after
    assert [activity.owners for activity in after.activities][2] == ["OD"]
    text = plan.apply(path.read_text())
    assert "  - {id: a3, name: Measure sentiment, raci: {IC: C, OD: A}}\n" in text
    assert text.replace("{IC: C, OD: A}", "{IC: A, OD: C}") == GREEDY_TRAP


def test_a_plan_that_moves_nothing_applies_as_the_text_unchanged(write: Write) -> None:
    path = write("org.yaml", INFOSEC)
    options = Options(only_involved=True, max_accountable=4, max_share=1)
    plan = propose(model_of(write, INFOSEC), options)
    assert plan.remaining == [
        "InfoSec stays Accountable for 5 activities, above its limit of 4 (max_accountable 4)"
    ]
    assert plan.apply(path.read_text()) == INFOSEC


def test_nothing_to_do_says_so(write: Write) -> None:
    from raci.output.rebalance import headline, markdown, text

    plan = propose(model_of(write, GREEDY_TRAP), Options(only_involved=True, max_accountable=3))
    assert plan.feasible
    assert plan.moves == []
    assert plan.changes == {}
    assert headline(plan) == "No moves needed: no function is Accountable beyond its limit"
    assert "Moves" not in text(plan)
    assert markdown(plan, level=3).startswith(
        "### Rebalance of org\n\nNo moves needed: no function is Accountable beyond its "
        "limit\n\n#### Load per function\n"
    )
