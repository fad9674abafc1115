"""The one check pipeline: load a model, resolve its settings, lint, waive, sort.

:func:`check_model` is what every command that reads a model runs; :func:`check` gathers
several paths into the :class:`Report` of ``raci check``; :func:`compare` tells which
findings a change fixed, introduced or changed (what-if, rebalance, diff). It never prints.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path

from raci.core import config as settings_layers
from raci.core.build import load as load_with
from raci.core.comparison import Comparison as Comparison
from raci.core.comparison import compare as compare
from raci.core.config import ConfigError, Layer, Resolved, find_config
from raci.core.context import Context
from raci.core.errors import InputError
from raci.core.findings import SCHEMA_ERROR, Finding
from raci.core.model import Loaded, Model
from raci.core.results import Checked as Checked
from raci.core.results import CheckedModel as CheckedModel
from raci.core.results import Report as Report
from raci.core.runtime import paused_gc
from raci.rules import CATALOGUE
from raci.rules.base import Problem


def load(path: Path | str, display: str | None = None) -> Loaded:
    """Read, validate and merge the ownership file or directory at ``path`` (its waivers
    and ``rules:`` blocks checked against the registered rules)."""
    path = Path(path)
    return load_with(path, display, catalogue=CATALOGUE)


def resolve(layers: Sequence[Layer]) -> Resolved:
    """The registered rules' settings under ``layers``, lowest precedence first."""
    return settings_layers.resolve(list(layers), CATALOGUE)


def command_line(select: list[str] | None, ignore: list[str] | None, strict: bool) -> Layer:
    """``--select``, ``--ignore`` and ``--strict`` as the top layer of settings; an unknown
    rule is a :class:`~raci.core.errors.RaciError` with a "did you mean"."""
    return settings_layers.cli_layer(select, ignore or [], strict, CATALOGUE)


class Settings:
    """Settings files read so far: each is read, and its problems reported, once."""

    def __init__(self) -> None:
        self.layers: dict[Path, Layer | None] = {}

    def read(self, path: Path) -> tuple[Layer | None, list[Finding]]:
        """The layer of the file at ``path`` (None if it is broken), and its problems the
        first time it is read: a run reports a broken settings file once."""
        if path in self.layers:
            return self.layers[path], []
        try:
            self.layers[path] = settings_layers.read_config(path, CATALOGUE)
            return self.layers[path], []
        except ConfigError as error:
            self.layers[path] = None
            return None, error.findings


def check_model(
    path: Path | str,
    *,
    display: str | None = None,
    config: Path | str | None = None,
    command_line: Layer | None = None,
    settings_from: Path | None = None,
    lint_rules: bool = True,
    severities: Collection[str] | None = None,
    settings: Settings | None = None,
) -> CheckedModel:
    """The one pipeline: load ``path``, resolve its settings as ``raci check`` does, and
    (unless ``lint_rules`` is false) run the rules.

    Settings come from the nearest ``.raci.toml`` / ``[tool.raci]`` upward from
    ``settings_from`` (default ``path``), the model's ``rules:`` blocks, the ``config``
    file, then ``command_line``. ``severities`` limits the rules run to those whose
    resolved severity is one of them (a view that only warns of errors runs no more).
    Never raises on bad input: a result whose ``model`` is None carries the problems;
    :meth:`CheckedModel.require` turns them into an error.
    """
    path = Path(path)
    settings = settings if settings is not None else Settings()
    with paused_gc():
        loaded = load(path, display if display is not None else path.as_posix())
    result = CheckedModel(path.as_posix(), list(loaded.files), list(loaded.findings))
    start = settings_from if settings_from is not None else path
    found = find_config(start) if start.exists() else None
    below: list[Layer] = []
    above: list[Layer] = []
    for file, layers in ((found, below), (Path(config) if config else None, above)):
        if file is not None:
            layer, problems = settings.read(file)
            result.findings.extend(problems)
            result.settings_broken = result.settings_broken or layer is None
            layers.extend([layer] if layer is not None else [])
    model = loaded.model
    if model is None or result.settings_broken:
        return result
    from_model, conflicts = settings_layers.model_layer(model.rules, CATALOGUE)
    if conflicts:
        result.findings.extend(problem.finding(*SCHEMA_ERROR, "error") for problem in conflicts)
        return result
    result.layers = [*below, from_model, *above]
    top = [command_line] if command_line is not None else []
    result.model, result.context = model, Context(model)
    result.settings = resolve([*result.layers, *top])
    if lint_rules:
        with paused_gc():
            result.findings, result.waived = lint(
                model, result.settings, result.context, severities
            )
        result.findings.sort(key=Finding.sort_key)
    return result


def default_layers(model: Model) -> list[Layer]:
    """The settings layers ``raci check`` would find for ``model`` read from its first
    file (for library callers that hold a model, not a path); InputError if broken."""
    first = model.documents[0].path if model.documents else Path.cwd()
    layers: list[Layer] = []
    discovered = find_config(first) if first.exists() else None
    if discovered is not None:
        layer, problems = Settings().read(discovered)
        if layer is None:
            raise InputError(problems)
        layers.append(layer)
    from_model, conflicts = settings_layers.model_layer(model.rules, CATALOGUE)
    if conflicts:
        raise InputError([problem.finding(*SCHEMA_ERROR, "error") for problem in conflicts])
    return [*layers, from_model]


def check(
    paths: Sequence[Path | str],
    *,
    config: Path | str | None = None,
    command_line: Layer | None = None,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Check each path (a file or a directory model) and gather one report.

    ``progress(path)`` is called as each path starts, so a front end can show where a
    long run is. A broken ``config`` file is reported once, and nothing is checked.
    """
    report = Report()
    settings = Settings()
    if config is not None:
        _, problems = settings.read(Path(config))
        if problems:
            report.findings = list(problems)
            return report
    for raw in paths:
        if progress is not None:
            progress(Path(raw).as_posix())
        report.add(check_model(raw, config=config, command_line=command_line, settings=settings))
    report.findings.sort(key=Finding.sort_key)
    return report


def lint(
    model: Model,
    resolved: Resolved,
    context: Context | None = None,
    severities: Collection[str] | None = None,
) -> tuple[list[Finding], int]:
    """Run the enabled rules on ``model`` (only those at ``severities``, when given);
    return the findings left after waivers, and how many were waived. Pass the
    ``context`` of ``model`` to share its statistics and graphs with what runs after the
    rules (metrics, reports)."""
    context = context if context is not None else Context(model)
    findings: list[Finding] = []
    waived = 0
    chosen = [
        enabled
        for enabled in resolved.rules
        if severities is None or enabled.severity in severities
    ]
    for enabled in sorted(chosen, key=lambda enabled: enabled.rule.runs_last):
        rule = enabled.rule
        kept, dropped = _waive(context, rule.name, enabled.rule.check(context, enabled.settings))
        context.rules_run.add(rule.name)
        waived += dropped
        findings.extend(problem.finding(rule.code, rule.name, enabled.severity) for problem in kept)
    return findings, waived


def _waive(context: Context, rule: str, problems: Iterable[Problem]) -> tuple[list[Problem], int]:
    """Drop the problems whose activity or function waives ``rule``; note the waivers used."""
    kept: list[Problem] = []
    dropped = 0
    functions = context.model.functions
    used = context.waivers_used
    for problem in problems:
        holder: object | None = None
        if problem.activity is not None and rule in problem.activity.waive:
            holder = problem.activity
        elif problem.function is not None:  # a person's (IC/sam) waiver is its function's
            function = functions.get(problem.function.partition("/")[0])
            if function is not None and rule in function.waive:
                holder = function
        if holder is None:
            kept.append(problem)
        else:
            used.add((id(holder), rule))
            dropped += 1
    return kept, dropped
