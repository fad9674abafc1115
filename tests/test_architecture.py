"""The layering and the registries, guarded: core imports nothing above it, rules import
only core, the library never imports typer; every rule module holds one registered rule
with a code never used before; every format the CLI offers is a registered renderer."""

from __future__ import annotations

import ast
import re
import typing
from pathlib import Path

import pytest

import raci
from raci.core.catalogue import Catalogue, Rule
from raci.core.scheme import SCHEMES
from raci.output.registry import RENDERERS, renderer
from raci.rules import CATALOGUE, RETIRED, RULES_BY_MODULE, rule_modules

PACKAGE = Path(raci.__file__).parent


def _imports(path: Path) -> set[str]:
    """Every ``raci`` module ``path`` imports, at the top, in functions or for typing."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "raci" or name.startswith("raci.")}


def _modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def _allowed(name: str, prefixes: tuple[str, ...]) -> bool:
    return name == "raci" or any(name == p or name.startswith(p + ".") for p in prefixes)


@pytest.mark.parametrize(
    ("folder", "allowed"),
    [
        ("core", ("raci.core",)),
        ("rules", ("raci.core", "raci.rules")),
    ],
)
def test_a_layer_imports_nothing_above_it(folder: str, allowed: tuple[str, ...]) -> None:
    wrong = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in _modules(folder)
        for name in _imports(path)
        if not _allowed(name, allowed)
    }
    assert sorted(wrong) == []


def test_only_the_command_line_imports_typer() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).parts[0] == "cli":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(name.split(".")[0] in {"typer", "click"} for name in names):
                wrong.append(str(path.relative_to(PACKAGE)))
    assert wrong == []


def test_the_engine_names_no_rule() -> None:
    """A rule says that it runs last (``runs_last``); the engine imports none by name."""
    rules = {name for name in _imports(PACKAGE / "engine.py") if name.startswith("raci.rules.")}
    assert rules <= {"raci.rules.CATALOGUE", "raci.rules.base", "raci.rules.base.Problem"}
    assert [rule.name for rule in CATALOGUE if rule.runs_last] == ["unused-waiver"]


def test_every_rule_module_holds_one_registered_rule() -> None:
    files = sorted(path.stem for path in (PACKAGE / "rules").glob("*.py"))
    assert rule_modules() == [
        name for name in files if name not in {"__init__", "base", "catalogue"}
    ]
    for module, rules in RULES_BY_MODULE.items():
        assert len(rules) == 1, f"raci/rules/{module}.py defines {len(rules)} rules"
        (rule,) = rules
        assert CATALOGUE.by_name[rule.name] is rule
        assert module == rule.name.replace("-", "_"), "a rule's module is named after it"


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in CATALOGUE]
    assert len(set(codes)) == len(codes) == len(RULES_BY_MODULE)
    assert all(re.fullmatch(r"RACI0\d\d", code) for code in codes), codes
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name) for rule in CATALOGUE)
    assert codes == sorted(codes), "the catalogue is in code order"
    assert {"RACI900", "RACI901"}.isdisjoint(codes), "input problems keep their codes"


def test_retired_codes_are_never_reused() -> None:
    assert set(RETIRED).isdisjoint(rule.code for rule in CATALOGUE)


class _Twin(Rule):
    code = "RACI001"
    name = "twin"
    severity = "error"
    subject = "activity"

    def check(self, context: typing.Any, settings: typing.Any) -> typing.Iterator[typing.Any]:
        yield from ()


def test_a_catalogue_refuses_a_code_twice_or_a_retired_one() -> None:
    first = CATALOGUE.by_code["RACI001"]
    with pytest.raises(ValueError, match="RACI001 twin: its code or name is taken"):
        Catalogue([first, _Twin])
    with pytest.raises(ValueError, match="RACI001 twin: RACI001 is retired"):
        Catalogue([_Twin], retired={"RACI001": "old-rule"})


def test_scheme_names_come_from_the_one_table() -> None:
    from raci.core.schema import SchemeName
    from raci.sheets.detect import ORDER

    assert typing.get_args(SchemeName) == tuple(SCHEMES) == ORDER


def _format_choices(command: str) -> list[str] | None:
    from raci.cli import build_app

    app = build_app()
    for info in app.registered_commands:
        if info.name == command:
            default = info.callback.__wrapped__.__defaults__  # type: ignore[union-attr]
            for option in default or ():
                if getattr(option, "param_decls", None) and "--format" in option.param_decls:
                    return list(option.autocompletion())
    return None


@pytest.mark.parametrize("view", list(RENDERERS))
def test_every_registered_format_renders(view: str) -> None:
    for name in RENDERERS[view]:
        assert callable(renderer(view, name)), f"{view} {name}"


@pytest.mark.parametrize(
    "command",
    ["check", "matrix", "load", "graph", "whatif", "rebalance", "diff", "report", "export"],
)
def test_the_command_line_offers_the_registered_formats(command: str) -> None:
    offered = _format_choices(command)
    assert offered is not None
    assert [name for name in offered if name != "auto"] == list(RENDERERS[command])
