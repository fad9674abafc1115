"""The rule catalogue as documentation: ``raci rules``, ``raci explain`` and SARIF read it.

Everything here comes from the rule classes themselves (code, name, severity, subject,
``Settings``) and their docstrings (summary, rationale, examples), so the documentation
cannot drift from the code. ``parse-error`` and ``schema-error`` are not rules of the
registry but findings of their own; they are documented here so that every finding
raci can emit has an entry.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from raci.core.errors import RaciError
from raci.core.findings import PARSE_ERROR, SCHEMA_ERROR, Severity
from raci.core.suggest import suggest
from raci.rules import REGISTRY, resolve_rule
from raci.rules.base import Rule, RuleSettings


@dataclass(frozen=True, slots=True)
class SettingDoc:
    name: str
    type: str
    default: Any
    description: str


@dataclass(frozen=True, slots=True)
class RuleDoc:
    code: str
    name: str
    severity: Severity
    subject: str
    summary: str
    rationale: str
    settings: tuple[SettingDoc, ...]
    failing: str | None
    passing: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


_INPUT_PASSING = """\
version: 1
functions:
  IC: {name: Internal Communications}
  HR: {name: Human Resources}
activities:
  - {id: launch, name: Run the launch, raci: {IC: A, HR: R}}
"""

INPUT_RULES: tuple[RuleDoc, ...] = (
    RuleDoc(
        code=PARSE_ERROR[0],
        name=PARSE_ERROR[1],
        severity="error",
        subject="file",
        summary="The file cannot be read as an ownership file.",
        rationale=(
            "Reported, with exit code 2, for a missing or unreadable file, invalid UTF-8, "
            "YAML syntax errors, a duplicate key (at its second occurrence), a tag that "
            "would build a Python object, an alias bomb, nesting deeper than 100 levels, "
            "more than one document, or a top level that is not a mapping. Nothing else "
            "is checked until the file can be read. It cannot be turned off."
        ),
        settings=(),
        failing=_INPUT_PASSING.replace("  HR: {name: Human Resources}\n", "  IC: {name: HR}\n"),
        passing=_INPUT_PASSING,
    ),
    RuleDoc(
        code=SCHEMA_ERROR[0],
        name=SCHEMA_ERROR[1],
        severity="error",
        subject="file",
        summary="The file is valid YAML but not a valid ownership file.",
        rationale=(
            "Reported, with exit code 2 and one finding per problem, for a missing "
            "required key, an unknown key (with a 'did you mean'), a value of the wrong "
            "type, a letter the scheme does not have, a waiver of a rule that does not "
            "exist, or rule settings that do not validate. Keys beginning with 'x-' are "
            "user metadata and never an error. It cannot be turned off."
        ),
        settings=(),
        failing=_INPUT_PASSING.replace("raci: {IC: A,", "raci: {IC: X,"),
        passing=_INPUT_PASSING,
    ),
)


def rule_doc(rule: type[Rule]) -> RuleDoc:
    """The documentation of one registered rule, from its class and docstring."""
    examples = rule.examples()
    return RuleDoc(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        subject=rule.subject,
        summary=_prose(rule.summary()),
        rationale=_prose(rule.rationale()),
        settings=tuple(
            SettingDoc(name, _type_name(rule.Settings, name), default, description)
            for name, default, description in rule.settings_help()
        ),
        failing=examples.get("failing"),
        passing=examples.get("passing"),
    )


def _prose(text: str) -> str:
    """Docstring prose as paragraphs of one line each, with markdown-style code spans."""
    paragraphs = [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]
    return "\n\n".join(paragraphs).replace("``", "`")


def _type_name(settings: type[RuleSettings], name: str) -> str:
    annotation = settings.model_fields[name].annotation
    return {int: "integer", float: "number", bool: "boolean", str: "text"}.get(
        annotation,  # type: ignore[arg-type]
        str(annotation),
    )


def rule_docs() -> list[RuleDoc]:
    """Every registered rule, in code order."""
    return [rule_doc(rule) for rule in REGISTRY.values()]


def all_docs() -> list[RuleDoc]:
    """Every rule a finding can carry: the registry, then parse-error and schema-error."""
    return [*rule_docs(), *INPUT_RULES]


def find(name_or_code: str) -> RuleDoc:
    """The rule named by ``name_or_code``; a :class:`RaciError` with a hint otherwise."""
    rule = resolve_rule(name_or_code)
    if rule is not None:
        return rule_doc(rule)
    for doc in INPUT_RULES:
        if name_or_code in (doc.name, doc.code) or name_or_code.upper() == doc.code:
            return doc
    choices = [name for doc in all_docs() for name in (doc.name, doc.code)]
    hint = suggest(name_or_code, choices)
    raise RaciError(f"unknown rule '{name_or_code}'{hint}; 'raci rules' lists them")
