"""What every command that reads a model shares: check it, or fail the way ``check`` does.

An unusable input (missing file, invalid YAML, schema violation, broken settings file)
prints the same ``file:line:col: error CODE rule: message`` lines ``raci check`` would
print, on stderr, and exits 2. Commands call :func:`checked` and never see a half-loaded
model; :func:`show` renders the result through the output registry.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from raci.cli.output import reading, target, to_stdout
from raci.core.errors import RaciError

if TYPE_CHECKING:
    from raci.core.model import Model
    from raci.engine import CheckedModel


def settings_file(config: Path | None) -> Path | None:
    """``--config``, checked: a missing file is a clean exit 2, not a parse error later."""
    if config is not None and not config.is_file():
        raise RaciError(f"--config: no such file: {config}")
    if config is not None:
        reading(config)
    return config


def checked(
    path: Path,
    config: Path | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    *,
    strict: bool = False,
    lint: bool = True,
    severities: Collection[str] | None = None,
) -> CheckedModel:
    """``path`` through the check pipeline with the command line's settings; an unusable
    model or settings file is an :class:`~raci.core.errors.InputError` (its findings on
    stderr, exit 2). Lint findings do not stop a command: it shows them."""
    from raci.engine import check_model, command_line

    reading(path)
    settings_file(config)
    layer = command_line(select, ignore, strict)
    result = check_model(
        path, config=config, command_line=layer, lint_rules=lint, severities=severities
    )
    result.require()
    return result


def warn_errors(result: CheckedModel, command: str) -> None:
    """The model's error-level findings on stderr, as ``raci check`` prints them (errors
    first), so a view never hides that it left out what it could not place."""
    errors = [finding for finding in result.findings if finding.severity == "error"]
    if not errors:
        return
    from raci.core.words import plural
    from raci.output.check.text import lines
    from raci.output.escape import log_lines

    hint = (
        f"raci {command}: the model has {plural(len(errors), 'error')}; the {command} shows "
        f"what is valid (raci check {result.path} lists every finding)\n"
    )
    sys.stderr.write(log_lines(lines(errors) + hint))


def show(view: str, name: str, data: Any, output: Path | None) -> None:
    """Render ``data`` with the registered renderer and write it to ``output`` (atomically)
    or stdout, in colour and fitted to the width only on a terminal."""
    from raci.cli.output import emit, wants_color
    from raci.output.registry import Medium, render

    target(output)  # refuse an input, a device... before rendering
    color = wants_color(output)
    rendered = render(view, name, data, Medium(color, terminal_width(output)))
    if isinstance(rendered, bytes) and output is None:
        raise RaciError(f"--format {name} writes a binary file: name it with -o FILE")
    # '-o -' asks for the bytes on stdout; -f github (check, merge) writes workflow commands
    emit(rendered, output, workflow_commands=name == "github", color=color)


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
    "did you mean", matching display names too: ``Comms`` or ``"Internal
    Communications"`` suggests ``'IC' (Internal Communications)``)."""
    from raci.core.suggest import function_hint

    names = {fid: function.name for fid, function in model.functions.items()}
    for value in values:
        if value not in names:
            raise RaciError(f"{option}: no function '{value}'{function_hint(value, names)}")
    return list(values)


def terminal_width(output: Path | None) -> int | None:
    """The terminal's width when writing to one; None (no truncation) for files and pipes.

    ``COLUMNS`` counts only on a terminal: GNU readline exports ``COLUMNS=80`` into the
    environment of every process it starts, so a pipe read by a program gets it whole."""
    import shutil

    if not to_stdout(output) or not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns
