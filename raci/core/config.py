"""Rule settings, layered lowest precedence first.

1. built-in defaults (each rule's ``Settings``);
2. ``[tool.raci]`` in a ``pyproject.toml``, or a ``.raci.toml``, found upward from the
   checked path (the nearest wins; in one directory ``.raci.toml`` wins);
3. the model's own ``rules:`` block (merged across the files of a directory);
4. ``--config FILE`` (a ``.raci.toml``-style file, or a ``pyproject.toml``);
5. ``--select``, ``--ignore`` and ``--strict``.

Within a layer, ``rules`` settings apply first, then ``select`` (only these rules
run), then ``ignore``. Setting a rule's ``severity`` also turns it on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from raci.core.catalogue import Catalogue, Rule, RuleSettings
from raci.core.errors import RaciError
from raci.core.findings import SCHEMA_ERROR, Finding, Problem, Severity, input_finding
from raci.core.suggest import suggest
from raci.core.toml_files import CONFIG_NAMES as CONFIG_NAMES
from raci.core.toml_files import TomlProblem, read_toml, toml_line, unconfined
from raci.core.toml_files import find_config as find_config
from raci.core.validation import describe_error, error_path, model_keys


class ConfigError(Exception):
    """A configuration file cannot be used; carries ``schema-error`` findings."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("; ".join(f"{found.location}: {found.message}" for found in findings))
        self.findings = findings


@dataclass
class Layer:
    """One source of settings."""

    source: str
    rules: dict[str, RuleSettings] = field(default_factory=dict)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    strict: bool | None = None
    paths: list[str] = field(default_factory=list)
    root: Path | None = None
    """Directory that ``paths`` are relative to."""


@dataclass(frozen=True)
class Enabled:
    rule: Rule
    severity: Severity
    settings: RuleSettings


@dataclass(frozen=True)
class Resolved:
    rules: list[Enabled]
    strict: bool


def _config_model(catalogue: Catalogue) -> type[BaseModel]:
    from raci.core.schema import rules_block

    class ConfigFile(BaseModel):
        model_config = ConfigDict(extra="forbid")

        paths: list[str] = Field([], description="what 'raci check' checks with no PATH")
        select: list[str] | None = None
        ignore: list[str] = []
        strict: bool | None = None
        rules: rules_block(catalogue) | None = None  # type: ignore[valid-type]

    return ConfigFile


def read_config(path: Path, catalogue: Catalogue, display: str | None = None) -> Layer:
    """Read a ``.raci.toml`` or the ``[tool.raci]`` table of a ``pyproject.toml``, whose
    rules are those of ``catalogue``; every problem is a :class:`ConfigError`."""
    name = display or path.as_posix()
    try:
        text, data = read_toml(path, name)
    except TomlProblem as problem:
        raise ConfigError([problem.finding]) from None
    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        prefix = ("tool", "raci")
        data = data.get("tool", {}).get("raci", {})
    model = _config_model(catalogue)
    try:
        parsed: Any = model.model_validate(data)
    except ValidationError as error:
        findings = []
        for detail in error.errors(include_url=False):
            where, _ = error_path(data, detail["loc"])
            message = describe_error(data, where, detail, lambda at: _allowed(model, catalogue, at))
            line = toml_line(text, (*prefix, *map(str, where)))
            findings.append(input_finding(SCHEMA_ERROR, message, name, line))
        raise ConfigError(findings) from None
    bad_path = next((entry for entry in parsed.paths if unconfined(entry)), None)
    if bad_path is not None:
        message = (
            f"'paths' entry {bad_path!r} must be a relative path inside the folder of "
            f"{path.name}, without '..' or control characters"
        )
        line = toml_line(text, (*prefix, "paths"))
        raise ConfigError([input_finding(SCHEMA_ERROR, message, name, line)])
    layer = Layer(name, root=path.parent, paths=parsed.paths, strict=parsed.strict)
    problems: list[Finding] = []
    for attribute in ("select", "ignore"):
        names = getattr(parsed, attribute)
        if names is not None:
            place = (text, (*prefix, attribute), name)
            setattr(layer, attribute, _rule_names(attribute, names, catalogue, place, problems))
    if problems:
        raise ConfigError(problems)
    layer.rules = rules_settings(parsed.rules, catalogue)
    return layer


def _rule_names(
    attribute: str,
    names: list[str],
    catalogue: Catalogue,
    where: tuple[str, tuple[str, ...], str],
    problems: list[Finding],
) -> list[str]:
    """The rules ``select``/``ignore`` names, by name; an unknown one is a problem."""
    text, keys, file = where
    found = []
    for rule_name in names:
        rule = catalogue.resolve(rule_name)
        if rule is None:
            hint = suggest(rule_name, catalogue.by_name)
            message = f"'{attribute}' names no rule '{rule_name}'{hint}"
            problems.append(input_finding(SCHEMA_ERROR, message, file, toml_line(text, keys)))
        else:
            found.append(rule.name)
    return found


def rules_settings(block: BaseModel | None, catalogue: Catalogue) -> dict[str, RuleSettings]:
    """The rules a validated ``rules`` block sets, by rule name."""
    if block is None:
        return {}
    return {
        rule.name: value
        for rule in catalogue
        if (value := getattr(block, rule.name.replace("-", "_"))) is not None
    }


def _allowed(model: type[BaseModel], catalogue: Catalogue, path: tuple[Any, ...]) -> list[str]:
    from raci.core.schema import rules_block

    if not path:
        return model_keys(model)
    if path == ("rules",):
        return model_keys(rules_block(catalogue))
    rule = catalogue.resolve(str(path[1])) if len(path) == 2 and path[0] == "rules" else None
    return model_keys(rule.Settings) if rule else []


def cli_layer(
    select: list[str] | None, ignore: list[str], strict: bool, catalogue: Catalogue
) -> Layer:
    """The command-line options as the top layer; unknown rules raise :class:`RaciError`."""

    def names(option: str, values: list[str]) -> list[str]:
        found = []
        for value in values:
            for item in filter(None, (part.strip() for part in value.split(","))):
                rule = catalogue.resolve(item)
                if rule is None:
                    hint = suggest(item, catalogue.by_name)
                    raise RaciError(f"{option}: no rule '{item}'{hint}")
                found.append(rule.name)
        return found

    return Layer(
        "command line",
        select=names("--select", select) if select is not None else None,
        ignore=names("--ignore", ignore),
        strict=strict or None,
    )


def resolve(layers: list[Layer], catalogue: Catalogue) -> Resolved:
    """Apply the layers in order to the defaults of the rules of ``catalogue``."""
    state: dict[str, dict[str, Any]] = {name: {} for name in catalogue.by_name}
    strict = False
    for layer in layers:
        for name, settings in layer.rules.items():
            chosen = settings.model_fields_set
            state[name].update({key: getattr(settings, key) for key in chosen})
            if "severity" in chosen and "enabled" not in chosen:
                state[name]["enabled"] = True  # asking for a level asks for the rule
        if layer.select is not None:
            chosen = set(layer.select)
            for name, values in state.items():
                values["enabled"] = name in chosen
        for name in layer.ignore:
            state[name]["enabled"] = False
        if layer.strict is not None:
            strict = layer.strict
    enabled = []
    for name, values in state.items():
        rule = catalogue.by_name[name]
        settings = rule.Settings.model_validate(values)
        if settings.enabled:
            enabled.append(Enabled(rule(), settings.severity or rule.severity, settings))
    return Resolved(enabled, strict)


def model_layer(
    model_rules: list[tuple[Any, BaseModel]], catalogue: Catalogue
) -> tuple[Layer, list[Problem]]:
    """The ``rules:`` blocks of a model's files as one layer; conflicting values are errors."""
    merged: dict[str, dict[str, Any]] = {}
    origin: dict[tuple[str, str], str] = {}
    problems: list[Problem] = []
    for document, block in model_rules:
        for name, settings in rules_settings(block, catalogue).items():
            raw_key = next(
                key
                for key in document.data["rules"]
                if (found := catalogue.resolve(key)) and found.name == name
            )
            for key in settings.model_fields_set:
                value = getattr(settings, key)
                values = merged.setdefault(name, {})
                if key in values and values[key] != value:
                    shown = "off" if key == "enabled" else key
                    message = (
                        f"rule '{name}' sets '{shown}' differently here and in "
                        f"{origin[(name, key)]}: set it in one file of the directory"
                    )
                    at = (
                        ("rules", raw_key)
                        if key in {"enabled", "severity"}
                        else ("rules", raw_key, key)
                    )
                    problems.append(Problem(message, document, at, key=True))
                values[key] = value
                origin.setdefault((name, key), document.name)
    rules = {
        name: catalogue.by_name[name].Settings.model_validate(values)
        for name, values in merged.items()
    }
    return Layer("rules:", rules=rules), problems
