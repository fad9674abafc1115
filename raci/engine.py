"""Run the rules: load each path, resolve its settings, lint, waive, sort, and decide the exit.

This is the library behind ``raci check``; it never prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from raci.core.config import (
    ConfigError,
    Layer,
    Resolved,
    find_config,
    model_layer,
    read_config,
    resolve,
)
from raci.core.context import Context
from raci.core.findings import SCHEMA_ERROR, Finding
from raci.core.model import Loaded, Model, load
from raci.core.runtime import paused_gc
from raci.rules.base import Problem
from raci.rules.unused_waiver import UnusedWaiver

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


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


def check(
    paths: Sequence[Path | str],
    *,
    config: Path | None = None,
    command_line: Layer | None = None,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Check each path (a file or a directory model) and gather one report.

    ``progress(path)`` is called as each path starts, so a front end can show where a
    long run is.
    """
    report = Report()
    configs = _Configs()
    override = configs.read(config) if config is not None else None
    if configs.findings:
        report.findings = configs.findings
        return report
    for raw in paths:
        path = Path(raw)
        if progress is not None:
            progress(path.as_posix())
        with paused_gc():
            loaded = load(path, path.as_posix())
            _check_one(path, loaded, configs, [override, command_line], report)
    report.findings.sort(key=Finding.sort_key)
    return report


class _Configs:
    """Configuration files read so far: each is read, and its problems reported, once."""

    def __init__(self) -> None:
        self.layers: dict[Path, Layer | None] = {}
        self.findings: list[Finding] = []

    def read(self, path: Path) -> Layer | None:
        if path not in self.layers:
            try:
                self.layers[path] = read_config(path)
            except ConfigError as error:
                self.layers[path] = None
                self.findings.extend(error.findings)
        return self.layers[path]


def _check_one(
    path: Path, loaded: Loaded, configs: _Configs, top: list[Layer | None], report: Report
) -> None:
    report.files.extend(loaded.files)
    report.findings.extend(loaded.findings)
    checked = Checked(path.as_posix(), list(loaded.files))
    report.checked.append(checked)
    seen = len(configs.findings)
    discovered = find_config(path)
    layers = [configs.read(discovered)] if discovered is not None else []
    report.findings.extend(configs.findings[seen:])
    model = loaded.model
    if model is None or len(configs.findings) > seen or None in layers:
        return
    from_model, conflicts = model_layer(model.rules)
    if conflicts:
        report.findings.extend(problem.finding(*SCHEMA_ERROR, "error") for problem in conflicts)
        return
    resolved = resolve([layer for layer in [*layers, from_model, *top] if layer is not None])
    context = Context(model)
    findings, waived = lint(model, resolved, context)
    checked.rules = [enabled.rule.name for enabled in resolved.rules]
    report.findings.extend(findings)
    report.waived += waived
    report.activities += len(model.activities)
    report.functions += len(model.functions)
    report.strict = report.strict or resolved.strict
    report.models.append(model)
    report.settings.append(resolved)
    report.contexts.append(context)


def lint(
    model: Model, resolved: Resolved, context: Context | None = None
) -> tuple[list[Finding], int]:
    """Run the enabled rules on ``model``; return the findings left after waivers, and
    how many were waived. Pass the ``context`` of ``model`` to share its statistics
    and graphs with what runs after the rules (metrics, reports)."""
    context = context if context is not None else Context(model)
    findings: list[Finding] = []
    waived = 0
    last = [enabled for enabled in resolved.rules if enabled.rule.name == UnusedWaiver.name]
    ordered = [enabled for enabled in resolved.rules if enabled.rule.name != UnusedWaiver.name]
    for enabled in ordered + last:
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
