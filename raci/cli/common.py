"""What every command that reads a model shares: load it, or fail the way ``check`` does.

An unusable input (missing file, invalid YAML, schema violation, broken settings file)
prints the same ``file:line:col: error CODE rule: message`` lines ``raci check`` would
print, on stderr, and exits 2. Commands call :func:`load_model` (and
:func:`model_settings` when they run rules) and never see a half-loaded model.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from raci.cli.output import reading, to_stdout
from raci.core.errors import RaciError

if TYPE_CHECKING:
    from raci.core.config import Resolved
    from raci.core.findings import Finding
    from raci.core.model import Model
    from raci.engine import Report

EXIT_INPUT = 2

SELECT = typer.Option(
    None,
    "--select",
    metavar="RULE,...",
    help="Run only these rules (names or codes, comma-separated).",
)
IGNORE = typer.Option(
    None,
    "--ignore",
    metavar="RULE,...",
    help="Skip these rules (names or codes, comma-separated).",
)


def settings_file(config: Path | None) -> Path | None:
    """``--config``, checked: a missing file is a clean exit 2, not a parse error later."""
    if config is not None and not config.is_file():
        raise RaciError(f"--config: no such file: {config}")
    if config is not None:
        reading(config)
    return config


def fail_with_findings(findings: Iterable[Finding]) -> NoReturn:
    """Print input findings as ``raci check`` would, on stderr, and exit 2."""
    from raci.output.check.text import line
    from raci.output.escape import log_lines

    sys.stderr.write(log_lines("".join(line(finding) + "\n" for finding in findings)))
    raise typer.Exit(EXIT_INPUT)


def load_model(path: Path) -> Model:
    """The model at ``path`` (a file or a directory), or exit 2 with its input findings."""
    from raci.core.model import load
    from raci.core.runtime import paused_gc

    reading(path)
    with paused_gc():
        loaded = load(path, path.as_posix())
    if loaded.model is None:
        fail_with_findings(loaded.findings)
    return loaded.model


def checked_model(path: Path) -> tuple[Report, Model]:
    """``raci check``'s report on ``path`` and its model, for the commands that render
    both (report, export); exit 2 with the input findings when the model is unusable.
    Lint findings do not stop these commands: they show them."""
    from raci.engine import check

    reading(path)
    report = check([path])
    if report.input_error or not report.models:
        fail_with_findings(report.findings)
    return report, report.models[0]


def model_settings(path: Path, model: Model) -> Resolved:
    """The rule settings ``raci check`` would use for ``path``: defaults, the nearest
    ``.raci.toml`` / ``[tool.raci]``, then the model's own ``rules:`` blocks.

    A broken settings file or conflicting ``rules:`` blocks exit 2 with their findings.
    """
    from raci.core.config import ConfigError, find_config, model_layer, read_config, resolve
    from raci.core.findings import SCHEMA_ERROR

    layers = []
    discovered = find_config(path)
    if discovered is not None:
        try:
            layers.append(read_config(discovered))
        except ConfigError as error:
            fail_with_findings(error.findings)
    from_model, conflicts = model_layer(model.rules)
    if conflicts:
        fail_with_findings(problem.finding(*SCHEMA_ERROR, "error") for problem in conflicts)
    return resolve([*layers, from_model])


def split_values(values: Sequence[str] | None) -> list[str]:
    """A repeatable option's values, each of which may also be a comma-separated list."""
    found: list[str] = []
    for value in values or ():
        for item in (part.strip() for part in value.split(",")):
            if item and item not in found:
                found.append(item)
    return found


def known(
    option: str,
    values: Sequence[str],
    choices: Iterable[str],
    what: str,
    closest: Callable[[str], str | None] | None = None,
) -> list[str]:
    """``values``, each checked against ``choices``; an unknown one is a clean exit 2
    naming the option, with a "did you mean" hint (from ``closest`` when given)."""
    from raci.core import suggest

    options = list(choices)
    for value in values:
        if value not in options:
            guess = closest(value) if closest else suggest.closest(value, options)
            raise RaciError(f"{option}: no {what} '{value}'{suggest.hint(guess)}")
    return list(values)


def known_functions(option: str, values: Sequence[str], model: Model) -> list[str]:
    """Function ids given on the command line, checked against the model (exit 2 with
    "did you mean", matching display names too: ``Comms`` suggests ``IC``)."""
    from raci.core.suggest import closest_function

    names = {fid: function.name for fid, function in model.functions.items()}
    return known(option, values, names, "function", lambda value: closest_function(value, names))


def terminal_width(output: Path | None) -> int | None:
    """The terminal's width when writing to one; None (no truncation) for files and pipes."""
    import shutil

    if not to_stdout(output) or not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns
