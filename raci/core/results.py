"""What the check pipeline hands back: one model's result, and the report of a run.

Plain records of the model layer; :mod:`raci.engine` fills them, formatters and
capabilities read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from raci.core.config import Layer, Resolved
from raci.core.context import Context
from raci.core.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, InputError
from raci.core.findings import Finding
from raci.core.model import Model


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
