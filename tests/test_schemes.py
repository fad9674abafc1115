"""RASCI, RACI-VS, DACI and RAPID: letters, roles, messages, metrics, examples, schema."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import raci
from raci.core.context import Context
from raci.core.findings import Finding
from raci.core.metrics import compute
from raci.core.scheme import SCHEMES, Letter, Role, Scheme
from raci.engine import load
from tests.conftest import EXAMPLES, ROOT, RunLine

Write = Callable[[str, str], Path]

SCHEME_EXAMPLES = sorted((EXAMPLES / "schemes").glob("*.yaml"))


def findings(path: Path) -> list[Finding]:
    return raci.check([path]).findings


def seen(found: list[Finding]) -> list[tuple[str, int, int, str]]:
    return [(f.rule, f.line, f.column, f.message) for f in found]


# --- the examples ---------------------------------------------------------------------


def test_there_is_one_example_per_scheme_beyond_raci() -> None:
    assert [path.stem for path in SCHEME_EXAMPLES] == ["daci", "raci-vs", "rapid", "rasci"]


@pytest.mark.parametrize("path", SCHEME_EXAMPLES, ids=lambda path: path.stem)
def test_each_scheme_example_is_clean_under_strict(run_line: RunLine, path: Path) -> None:
    result = run_line(["check", "--strict", str(path)])
    assert result.stdout.startswith("✓ No problems in 1 file (")
    loaded = load(path)
    assert loaded.model is not None
    assert loaded.model.scheme.name == path.stem


@pytest.mark.parametrize("path", SCHEME_EXAMPLES, ids=lambda path: path.stem)
def test_each_scheme_example_uses_every_letter_of_its_scheme(path: Path) -> None:
    """The examples show the whole scheme, combinations included."""
    model = load(path).model
    assert model is not None
    used = {held.label for activity in model.activities for held in activity.raci.values()}
    assert used == set(model.scheme.spellings)


# --- letters outside the file's scheme --------------------------------------------------

CELLS = """\
version: 1
scheme: {scheme}
functions:
  IC: {{name: Internal Communications}}
  HR: {{name: Human Resources}}
  OD: {{name: Organisational Development}}
activities:
  - id: policy
    name: Decide the usage policy
    raci:
      IC: {ic}
      HR: {hr}
      OD: {od}
"""


@pytest.mark.parametrize(
    ("scheme", "cells", "message"),
    [
        ("rapid", ("R", "D", "S"), "'S' is not a RAPID letter ('raci.OD' of activity 'policy'): "
         "use one of R, A, P, I, D, D/P"),
        ("daci", ("R", "A", "C"), "'R' is not a DACI letter ('raci.IC' of activity 'policy'): "
         "use one of D, A, C, I, A/D"),
        ("raci", ("R", "A", "S"), "'S' is not a RACI letter ('raci.OD' of activity 'policy'): "
         "use one of R, A, C, I, A/R"),
        ("rasci", ("R", "A", "V"), "'V' is not a RASCI letter ('raci.OD' of activity 'policy'): "
         "use one of R, A, S, C, I, A/R"),
        ("raci-vs", ("A/R", "I", "P"), "'P' is not a RACI-VS letter ('raci.OD' of activity "
         "'policy'): use one of R, A, C, I, V, S, A/R, A/S"),
        ("rasci", ("A/S", "R", "C"), "'A/S' is not a RASCI letter ('raci.IC' of activity "
         "'policy'): use one of R, A, S, C, I, A/R"),
        ("rapid", ("A/R", "P", "I"), "'A/R' is not a RAPID letter ('raci.IC' of activity "
         "'policy'): use one of R, A, P, I, D, D/P"),
        ("daci", ("D", "D/P", "A"), "'D/P' is not a DACI letter ('raci.HR' of activity "
         "'policy'): use one of D, A, C, I, A/D"),
    ],
)  # fmt: skip
def test_a_letter_outside_the_scheme_is_a_schema_error_at_its_cell(
    write: Write, scheme: str, cells: tuple[str, str, str], message: str
) -> None:
    ic, hr, od = cells
    path = write("org.yaml", CELLS.format(scheme=scheme, ic=ic, hr=hr, od=od))
    line = 11 + cells.index(message.split("'")[1])  # the bad cell's line under 'raci:'
    assert seen(findings(path)) == [("schema-error", line, 11, message)]


@pytest.mark.parametrize(
    ("scheme", "cells"),
    [
        ("rapid", ("R", "d", "a")),  # R is Recommend in RAPID
        ("rapid", ("r", "D/P", "p")),
        ("rapid", ("dp", "pd", "P/D")),
        ("daci", ("d", "a/d", "c")),
        ("daci", ("DA", "D/A", "i")),
        ("rasci", ("s", "a/r", "RA")),
        ("raci-vs", ("a/s", "v", "S/A")),
        ("raci-vs", ("AS", "SA", "r/a")),
        ("raci", ("a/R", " A ", "ra")),
    ],
)
def test_letters_of_the_scheme_are_accepted_in_any_case(
    write: Write, scheme: str, cells: tuple[str, str, str]
) -> None:
    ic, hr, od = (f"'{cell}'" for cell in cells)
    path = write("org.yaml", CELLS.format(scheme=scheme, ic=ic, hr=hr, od=od))
    loaded = load(path)
    assert loaded.findings == []
    assert loaded.model is not None
    raci_cells = loaded.model.activities[0].raci
    assert [held.label for held in raci_cells.values()] == [
        loaded.model.scheme.parse(cell).label  # type: ignore[union-attr]
        for cell in cells
    ]


def test_an_unknown_scheme_is_a_schema_error_with_a_hint(write: Write) -> None:
    path = write("org.yaml", CELLS.format(scheme="rapi", ic="R", hr="D", od="P"))
    assert seen(findings(path)) == [
        (
            "schema-error",
            2,
            9,
            "'scheme' must be one of raci, rasci, raci-vs, daci or rapid, not 'rapi' "
            "(did you mean 'rapid'?)",
        )
    ]


def test_a_directory_file_without_a_scheme_uses_the_declared_one(
    write: Write, tmp_path: Path
) -> None:
    write("own/00-meta.yaml", "version: 1\nscheme: rapid\nfunctions:\n  IC: {name: IC}\n")
    write("own/10-more.yaml", "version: 1\nfunctions:\n  HR: {name: HR}\n")
    write(
        "own/20-work.yaml", "version: 1\nactivities:\n  - {id: a, name: A, raci: {IC: R, HR: D}}\n"
    )
    loaded = load(tmp_path / "own")
    assert loaded.findings == []
    assert loaded.model is not None
    assert loaded.model.scheme.name == "rapid"
    assert loaded.model.activities[0].owners == ["HR"]


def test_a_directory_file_declaring_another_scheme_is_the_only_error(
    write: Write, tmp_path: Path
) -> None:
    write("own/00.yaml", "version: 1\nscheme: daci\nfunctions:\n  IC: {name: IC}\n")
    write(
        "own/10.yaml",
        "version: 1\nscheme: rapid\nactivities:\n  - {id: a, name: A, raci: {IC: D/P}}\n",
    )
    found = findings(tmp_path / "own")
    assert seen(found) == [
        (
            "schema-error",
            2,
            9,
            f"scheme 'rapid' differs from 'daci' in {tmp_path.as_posix()}/own/00.yaml: "
            "every file of a directory uses one scheme",
        )
    ]
    assert found[0].file.endswith("own/10.yaml")


# --- the scheme table -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scheme", "owner", "workers", "consulted", "informed", "vetoes", "combined"),
    [
        ("raci", "A", "R", "C", "I", "", ["A/R"]),
        ("rasci", "A", "RS", "C", "I", "", ["A/R"]),
        ("raci-vs", "A", "R", "CVS", "I", "", ["A/R", "A/S"]),
        ("daci", "A", "D", "C", "I", "", ["A/D"]),
        ("rapid", "D", "RP", "AI", "", "A", ["D/P"]),
    ],
)
def test_each_letter_plays_its_role(
    scheme: str,
    owner: str,
    workers: str,
    consulted: str,
    informed: str,
    vetoes: str,
    combined: list[str],
) -> None:
    table = SCHEMES[scheme]
    codes = {role: "".join(letter.code for letter in table.role_letters(role)) for role in Role}
    assert codes == {
        Role.OWNER: owner,
        Role.WORKER: workers,
        Role.CONSULTED: consulted,
        Role.INFORMED: informed,
    }
    assert "".join(letter.code for letter in table.vetoes) == vetoes
    assert [label for label in table.spellings if "/" in label] == combined


def test_a_combination_pairs_the_owner_with_another_letter() -> None:
    worker = Letter("R", "Responsible", Role.WORKER, "does the work")
    owner = Letter("A", "Accountable", Role.OWNER, "owns the outcome")
    with pytest.raises(ValueError, match=r"R/A must pair the owner with another"):
        Scheme("odd", "ODD", (worker, owner), (("R", "A"),))


def test_a_combination_holds_both_roles() -> None:
    signed = SCHEMES["raci-vs"].parse("sa")
    assert signed is not None
    assert (signed.label, signed.owner, signed.consulted, signed.worker) == (
        "A/S",
        True,
        True,
        False,
    )
    decided = SCHEMES["rapid"].parse("PD")
    assert decided is not None
    assert (decided.label, decided.owner, decided.worker, decided.veto) == (
        "D/P",
        True,
        True,
        False,
    )


# --- the same model in RACI and in RASCI ------------------------------------------------

PROGRAMME = """\
version: 1
{scheme}functions:
  IC: {{name: Internal Communications, capacity: 4}}
  HR: {{name: Human Resources}}
  OD: {{name: Organisational Development}}
  IT: {{name: Information Technology, capacity: 2}}
  Brand: {{name: Brand}}
activities:
  - {{id: vision, name: Agree the vision, effort: 2, raci: {{OD: A, IC: R, HR: C}}}}
  - {{id: platform, name: Set up the platform, effort: 3, raci: {{IT: A/R, IC: C}}}}
  - id: policy
    name: Write the usage policy
    depends_on: [vision]
    raci: {{HR: A, IC: R, IT: R, OD: I}}
  - id: branding
    name: Brand the network
    depends_on: [platform]
    raci: {{Brand: A/R, IC: C}}
  - id: launch
    name: Run the launch
    effort: 2
    depends_on: [policy, branding]
    raci: {{IC: A/R, HR: R, Brand: I}}
  - {{id: champions, name: Train the champions, raci: {{IC: A, OD: R, HR: C}}}}
"""


def test_a_raci_model_written_as_rasci_has_the_same_metrics(write: Write) -> None:
    as_raci = load(write("raci.yaml", PROGRAMME.format(scheme=""))).model
    as_rasci = load(write("rasci.yaml", PROGRAMME.format(scheme="scheme: rasci\n"))).model
    assert as_raci is not None
    assert as_rasci is not None
    assert as_rasci.scheme.name == "rasci"
    metrics = compute(Context(as_raci)).as_dict()
    assert metrics == compute(Context(as_rasci)).as_dict()
    assert metrics["truck_factor"]["count"] > 0
    assert metrics["critical_path"]["activities"] == ["platform", "branding", "launch"]


def test_a_raci_model_written_as_rasci_has_the_same_findings(write: Write) -> None:
    as_raci = findings(write("raci.yaml", PROGRAMME.format(scheme="")))
    as_rasci = findings(write("rasci.yaml", PROGRAMME.format(scheme="scheme: rasci\n")))
    assert [(f.rule, f.line, f.column) for f in as_raci] != []
    assert [(f.rule, f.line + 1, f.column) for f in as_raci] == [
        (f.rule, f.line, f.column) for f in as_rasci
    ]


def test_supportive_carries_effort_like_responsible(write: Write) -> None:
    """IT supports the policy work instead of being Responsible: the load is the same."""
    text = PROGRAMME.format(scheme="scheme: rasci\n").replace("IT: R, OD: I", "IT: S, OD: I")
    model = load(write("rasci.yaml", text)).model
    assert model is not None
    loads = {entry.id: entry.load for entry in compute(Context(model)).functions}
    assert loads["IT"] == 3 + 0.5  # all of 'platform', half of 'policy'
    assert loads["IC"] == 2 + 0.5 + 1  # 'vision', half of 'policy', half of 'launch'


# --- the README's section ---------------------------------------------------------------


def test_the_readme_schemes_samples_are_current(
    run_line: RunLine, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Schemes\n", 1)[1]
    section = section.split("\n## ", 1)[0]
    model = section.split("```yaml\n")[2].split("```")[0]
    first, second = (
        block.split("```")[0] for block in section.split("$ raci check policy.yaml\n")[1:]
    )
    monkeypatch.chdir(tmp_path)
    write("policy.yaml", model)
    assert run_line(["check", "policy.yaml"], exit_code=1).stdout == first
    write("policy.yaml", model.replace("InfoSec: A}", "InfoSec: A, OD: S}"))
    assert run_line(["check", "policy.yaml"], exit_code=2).stdout == second
    monkeypatch.chdir(ROOT)
    daci = section.split("$ raci check examples/schemes/daci.yaml\n")[1].split("```")[0]
    assert run_line(["check", "examples/schemes/daci.yaml"]).stdout == daci
