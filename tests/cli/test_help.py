"""Every command's --help prints its help literally and names value types in plain words."""

from __future__ import annotations

import re

import pytest
import typer.main

from raci.cli import build_app
from tests.conftest import RunLine

COMMAND = typer.main.get_command(build_app())
NAMES = sorted(COMMAND.commands)  # type: ignore[attr-defined]


def flat(text: str) -> str:
    """The help with its box drawing and line wrapping taken out."""
    text = re.sub(r"[│╭╮╰╯─]", " ", text)
    return " ".join(text.split())


@pytest.mark.parametrize("name", NAMES)
def test_help_shows_every_option_and_its_brackets(run_line: RunLine, name: str) -> None:
    shown = flat(run_line([name, "--help"], env={"COLUMNS": "100"}).stdout)
    command = COMMAND.commands[name]  # type: ignore[attr-defined]
    for param in command.params:
        for option in param.opts if param.param_type_name == "option" else ():
            assert option in shown, option
        help_text = flat(getattr(param, "help", None) or "").replace("\\[", "[")
        for bracketed in re.findall(r"\[[^\]]*\]", help_text):
            assert bracketed in shown, bracketed
    assert not re.search(r"<(bool|str|int|float|path|file|dir|list\[)", shown), shown
    # click's range notation is for programmers: say "0 or more", "between 0 and 1"
    assert "[x>=" not in shown
    assert "<=x<=" not in shown
    assert not re.search(r"\bx\s*[<>]=?\s*-?\d", shown), shown


def test_check_help_keeps_tool_raci(run_line: RunLine) -> None:
    shown = flat(run_line(["check", "--help"], env={"COLUMNS": "100"}).stdout)
    assert "or 'paths' under [tool.raci]." in shown
    assert "--select RULE,..." in shown
    assert "--output -o FILE" in shown
    assert "--format -f FORMAT" in shown


def test_rebalance_limits_read_as_people_say_them(run_line: RunLine) -> None:
    shown = flat(run_line(["rebalance", "--help"], env={"COLUMNS": "100"}).stdout)
    assert "--max-accountable N Most activities one function may own (A): 0 or more." in shown
    assert (
        "--max-share SHARE Largest share of all activities one function may own: a number "
        "between 0 and 1 (0.25 is a quarter)."
    ) in shown


@pytest.mark.parametrize(
    ("name", "option"),
    [("matrix", "--phase -p PHASE,..."), ("matrix", "--function -F FUNCTION,..."),
     ("whatif", "--without -w FUNCTION,...")],
)  # fmt: skip
def test_comma_lists_show_a_comma_metavar(run_line: RunLine, name: str, option: str) -> None:
    assert option in flat(run_line([name, "--help"], env={"COLUMNS": "100"}).stdout)


def test_top_level_help_has_no_type_noise(run_line: RunLine) -> None:
    shown = flat(run_line(["--help"], env={"COLUMNS": "100"}).stdout)
    assert "--version -V Show the version and exit." in shown
    assert "<bool>" not in shown


@pytest.mark.parametrize("name", NAMES)
def test_usage_names_each_argument_once(run_line: RunLine, name: str) -> None:
    usage = next(
        line for line in run_line([name, "--help"]).stdout.splitlines() if "Usage:" in line
    )
    assert not re.search(r"\.\.\.[\]}]\.\.\.", usage), usage
    assert "[[" not in usage, usage


def test_check_usage_reads_as_people_write_it(run_line: RunLine) -> None:
    usage = next(
        line for line in run_line(["check", "--help"]).stdout.splitlines() if "Usage:" in line
    )
    assert usage.split() == ["Usage:", "raci", "check", "[OPTIONS]", "[PATH]..."]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("load", "raci load [OPTIONS] PATH"),
        ("merge", "raci merge [OPTIONS] VIEW..."),
        ("explain", "raci explain [OPTIONS] RULE"),
        ("import", "raci import [OPTIONS] FILE"),
        ("diff", "raci diff [OPTIONS] [OLD NEW | PATH]"),
        ("init", "raci init [OPTIONS] [PATH]"),
    ],
)
def test_required_arguments_read_plain_in_usage(
    run_line: RunLine, name: str, expected: str
) -> None:
    usage = next(
        line for line in run_line([name, "--help"]).stdout.splitlines() if "Usage:" in line
    )
    assert " ".join(usage.split()[1:]) == expected


@pytest.mark.parametrize("name", NAMES)
def test_no_usage_line_braces_an_argument(run_line: RunLine, name: str) -> None:
    usage = next(
        line for line in run_line([name, "--help"]).stdout.splitlines() if "Usage:" in line
    )
    assert "{" not in usage, usage
