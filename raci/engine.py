"""The one check pipeline: load a model, resolve its settings, lint, waive, sort.

:func:`check_model` is what every command that reads a model runs; :func:`check` gathers
several paths into the :class:`Report` of ``raci check``; :func:`compare` tells which
findings a change fixed, introduced or changed (what-if, rebalance, diff). It never prints.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from raci.core import config as settings_layers
from raci.core.config import ConfigError, Layer, Resolved, find_config
from raci.core.context import Context
from raci.core.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, InputError
from raci.core.findings import SCHEMA_ERROR, Finding
from raci.core.model import Loaded, Model
from raci.core.model import load as load_with
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


@dataclass
class Checked:
    """One path ``raci check`` was given: the files it read and the rules that ran on it.

    Formatters that group by path (JUnit's test suites) read this; ``rules`` is empty
    when the input could not be used.
    """

    path: str
    files: list[str]
    rules: list[str] = field(default_factory=list)


@dataclass
class Report:
    """Everything ``raci check`` found, across every path it was given."""

    files: list[str] = field(default_factory=list)
    activities: int = 0
    functions: int = 0
    findings: list[Finding] = field(default_factory=list)
    waived: int = 0
    strict: bool = False
    models: list[Model] = field(default_factory=list)
    settings: list[Resolved] = field(default_factory=list)
    """The rule settings each of ``models`` was checked with."""
    contexts: list[Context] = field(default_factory=list)
    """The shared statistics and graphs each of ``models`` was checked with."""
    checked: list[Checked] = field(default_factory=list)

    def add(self, result: CheckedModel) -> None:
        """Gather one path's result into the report."""
        self.files.extend(result.files)
        self.findings.extend(result.findings)
        checked = Checked(result.path, list(result.files))
        self.checked.append(checked)
        if result.model is None or result.settings is None or result.context is None:
            return
        checked.rules = [enabled.rule.name for enabled in result.settings.rules]
        self.waived += result.waived
        self.activities += len(result.model.activities)
        self.functions += len(result.model.functions)
        self.strict = self.strict or result.settings.strict
        self.models.append(result.model)
        self.settings.append(result.settings)
        self.contexts.append(result.context)

    @classmethod
    def of(cls, result: CheckedModel) -> Report:
        """The report ``raci check`` gives on the one path of ``result``."""
        report = cls()
        report.add(result)
        return report

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    @property
    def input_error(self) -> bool:
        return any(finding.is_input_error for finding in self.findings)

    @property
    def exit_code(self) -> int:
        """2 if any input was unusable, 1 for errors (or warnings under strict), else 0."""
        if self.input_error:
            return EXIT_INPUT
        if self.count("error") or (self.strict and self.count("warning")):
            return EXIT_FINDINGS
        return EXIT_OK

    def summary(self) -> dict[str, int]:
        return {
            "files": len(self.files),
            "activities": self.activities,
            "functions": self.functions,
            "errors": self.count("error"),
            "warnings": self.count("warning"),
            "info": self.count("info"),
            "waived": self.waived,
        }


@dataclass
class CheckedModel:
    """One model through the pipeline: what was read, the settings, and what the rules found.

    ``findings`` holds the input problems when the model or its settings are unusable
    (then ``model``/``settings`` are None), else the findings left after waivers.
    """

    path: str
    files: list[str]
    findings: list[Finding] = field(default_factory=list)
    waived: int = 0
    model: Model | None = None
    settings: Resolved | None = None
    layers: list[Layer] = field(default_factory=list)
    """The settings layers below the command line, lowest first (rebalance adds its own)."""
    context: Context | None = None
    settings_broken: bool = False
    """True when a settings file (not the model) made the input unusable."""

    def require(self) -> tuple[Model, Resolved, Context]:
        """(model, settings, context) of a usable result; else
        :class:`~raci.core.errors.InputError` carrying the input problems."""
        if self.model is None or self.settings is None or self.context is None:
            raise InputError(self.findings)
        return self.model, self.settings, self.context


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
    settings: Settings | None = None,
) -> CheckedModel:
    """The one pipeline: load ``path``, resolve its settings as ``raci check`` does, and
    (unless ``lint_rules`` is false) run the rules.

    Settings come from the nearest ``.raci.toml`` / ``[tool.raci]`` upward from
    ``settings_from`` (default ``path``), the model's ``rules:`` blocks, the ``config``
    file, then ``command_line``. Never raises on bad input: a result whose ``model`` is
    None carries the problems; :meth:`CheckedModel.require` turns them into an error.
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
            result.findings, result.waived = lint(model, result.settings, result.context)
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
    model: Model, resolved: Resolved, context: Context | None = None
) -> tuple[list[Finding], int]:
    """Run the enabled rules on ``model``; return the findings left after waivers, and
    how many were waived. Pass the ``context`` of ``model`` to share its statistics
    and graphs with what runs after the rules (metrics, reports)."""
    context = context if context is not None else Context(model)
    findings: list[Finding] = []
    waived = 0
    for enabled in sorted(resolved.rules, key=lambda enabled: enabled.rule.runs_last):
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
        elif problem.function is not None:
            function = functions.get(problem.function)
            if function is not None and rule in function.waive:
                holder = function
        if holder is None:
            kept.append(problem)
        else:
            used.add((id(holder), rule))
            dropped += 1
    return kept, dropped


@dataclass
class Comparison:
    """Which findings a change fixed, introduced, or kept about the same subject but with
    another message (a count moved): ``changed`` pairs (before, after)."""

    fixed: list[Finding] = field(default_factory=list)
    introduced: list[Finding] = field(default_factory=list)
    changed: list[tuple[Finding, Finding]] = field(default_factory=list)


def _finding_key(finding: Finding, renames: Mapping[str, str]) -> tuple[str | None, ...]:
    """(rule, activity, function, message), a renamed activity read as its new id."""
    activity, message = finding.activity, finding.message
    if activity is not None and activity in renames:
        message = message.replace(f"'{activity}'", f"'{renames[activity]}'")
        activity = renames[activity]
    return (finding.rule, activity, finding.function, message)


def compare(
    before: Sequence[Finding], after: Sequence[Finding], renames: Mapping[str, str] | None = None
) -> Comparison:
    """The findings of ``after`` against those of ``before``, as one multiset each.

    A finding is the same when its rule, subject (activity, function) and message are;
    ``renames`` maps old activity ids to new ones. What is left on both sides about the
    same rule and subject is ``changed``. Every list is in finding order.
    """
    renames = renames or {}
    old = Counter(_finding_key(finding, renames) for finding in before)
    new = Counter(_finding_key(finding, {}) for finding in after)
    gone = _unmatched(before, old, new, renames)
    came = _unmatched(after, new, old, {})
    waiting: dict[tuple[str | None, ...], list[Finding]] = {}
    for finding in gone:
        waiting.setdefault(_finding_key(finding, renames)[:3], []).append(finding)
    result = Comparison()
    for finding in came:
        candidates = waiting.get(_finding_key(finding, {})[:3])
        if candidates:
            result.changed.append((candidates.pop(0), finding))
        else:
            result.introduced.append(finding)
    paired = {id(old_finding) for old_finding, _ in result.changed}
    result.fixed = [finding for finding in gone if id(finding) not in paired]
    result.fixed.sort(key=Finding.sort_key)
    result.introduced.sort(key=Finding.sort_key)
    result.changed.sort(key=lambda pair: pair[1].sort_key())
    return result


def _unmatched(
    findings: Sequence[Finding],
    mine: Counter[tuple[str | None, ...]],
    theirs: Counter[tuple[str | None, ...]],
    renames: Mapping[str, str],
) -> list[Finding]:
    """The findings of one side beyond what the other side has of the same key (the
    last ones of a kind are the unmatched ones)."""
    spare = {key: count - theirs[key] for key, count in mine.items() if count > theirs[key]}
    left: list[Finding] = []
    for finding in reversed(findings):
        key = _finding_key(finding, renames)
        if spare.get(key, 0) > 0:
            spare[key] -= 1
            left.append(finding)
    return left[::-1]
