"""The rule catalogue as documentation: ``raci rules``, ``raci explain`` and SARIF read it.

Everything here comes from the rule classes themselves (code, name, severity, subject,
``Settings``) and their docstrings (summary, rationale, examples), so the documentation
cannot drift from the code. ``parse-error`` and ``schema-error`` are not rules of the
registry but findings of their own; they are documented here so that every finding
raci can emit has an entry.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import asdict, dataclass
from typing import Any, Literal

from raci.core.errors import RaciError
from raci.core.findings import PARSE_ERROR, SCHEMA_ERROR, Severity
from raci.core.suggest import suggest
from raci.rules import REGISTRY, resolve_rule
from raci.rules.base import Rule, RuleSettings

DocFormat = Literal["text", "json", "markdown"]


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


# -- rendering ------------------------------------------------------------------------


def render_rules(docs: list[RuleDoc], fmt: DocFormat) -> str:
    """The catalogue as a plain table, JSON, or the markdown table of the README."""
    if fmt == "json":
        rows = [
            {"code": d.code, "name": d.name, "severity": d.severity, "summary": d.summary}
            for d in docs
        ]
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        lines = ["| code | name | default | summary |", "| --- | --- | --- | --- |"]
        lines += [f"| {d.code} | `{d.name}` | {d.severity} | {_cell(d.summary)} |" for d in docs]
        return "\n".join(lines) + "\n"
    width = max(len(d.name) for d in docs)
    lines = [f"{d.code}  {d.name:<{width}}  {d.severity:<7}  {d.summary}" for d in docs]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_explain(doc: RuleDoc, fmt: DocFormat) -> str:
    """One rule: summary, rationale, settings with defaults, failing and passing examples."""
    if fmt == "json":
        return json.dumps(doc.as_dict(), indent=2, ensure_ascii=False, default=str) + "\n"
    if fmt == "markdown":
        return explain_markdown(doc)
    out = [
        f"{doc.code} {doc.name}",
        f"Default severity: {doc.severity}. Subject: {doc.subject}.",
        "",
        *_wrapped(doc.summary),
        "",
        *_wrapped(doc.rationale),
        "",
        *settings_text(doc),
    ]
    for title, example in (("Failing example", doc.failing), ("Passing example", doc.passing)):
        if example:
            out += [f"{title}:", "", *(f"    {line}" for line in example.splitlines()), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _wrapped(text: str) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n\n"):
        lines += [*textwrap.wrap(paragraph, 88, break_on_hyphens=False), ""]
    return lines[:-1]


def settings_text(doc: RuleDoc) -> list[str]:
    if doc.name in {PARSE_ERROR[1], SCHEMA_ERROR[1]}:
        return ["Settings: none; this finding cannot be turned off.", ""]
    lines = ["Settings (in a rules: block, [tool.raci.rules], .raci.toml or --config):"]
    if doc.settings:
        width = max(len(f"{s.name} = {_value(s.default)}") for s in doc.settings)
        for setting in doc.settings:
            assigned = f"{setting.name} = {_value(setting.default)}"
            lines.append(f"  {assigned:<{width}}  {setting.type}: {setting.description}")
    else:
        lines.append("  no settings of its own")
    lines += [
        "  Like every rule it also takes off, on, or a severity (error, warning, info).",
        "",
    ]
    return lines


def explain_markdown(doc: RuleDoc, *, heading: str = "###") -> str:
    """Markdown documentation of one rule (SARIF ``help.markdown`` uses it too)."""
    out = [
        f"{heading} {doc.code} `{doc.name}`",
        "",
        f"*Default severity: {doc.severity}. Subject: {doc.subject}.*",
        "",
        doc.summary,
        "",
        doc.rationale,
        "",
    ]
    if doc.settings:
        out += ["| setting | default | description |", "| --- | --- | --- |"]
        out += [
            f"| `{s.name}` | `{_value(s.default)}` | {_cell(s.description)} |" for s in doc.settings
        ]
        out.append("")
    for title, example in (("Failing example", doc.failing), ("Passing example", doc.passing)):
        if example:
            out += [f"{title}:", "", "```yaml", example.rstrip("\n"), "```", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)
