"""``raci rules`` and ``raci explain``: the rule catalogue as text, JSON and markdown."""

from __future__ import annotations

import textwrap
from typing import Any

from raci.core.findings import PARSE_ERROR, SCHEMA_ERROR
from raci.output.escape import json_text
from raci.output.registry import PLAIN, Medium
from raci.rules.catalogue import RuleDoc


def rules_text(docs: list[RuleDoc], medium: Medium = PLAIN) -> str:
    """The catalogue as a plain table."""
    width = max(len(d.name) for d in docs)
    lines = [f"{d.code}  {d.name:<{width}}  {d.severity:<7}  {d.summary}" for d in docs]
    return "\n".join(lines) + "\n"


def rules_json(docs: list[RuleDoc], medium: Medium = PLAIN) -> str:
    rows = [
        {"code": d.code, "name": d.name, "severity": d.severity, "summary": d.summary} for d in docs
    ]
    return json_text(rows)


def rules_markdown(docs: list[RuleDoc], medium: Medium = PLAIN) -> str:
    """The markdown table of the README."""
    lines = ["| code | name | default | summary |", "| --- | --- | --- | --- |"]
    lines += [f"| {d.code} | `{d.name}` | {d.severity} | {_cell(d.summary)} |" for d in docs]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def explain_json(doc: RuleDoc, medium: Medium = PLAIN) -> str:
    return json_text(doc.as_dict(), default=str)


def explain_text(doc: RuleDoc, medium: Medium = PLAIN) -> str:
    """One rule: summary, rationale, settings with defaults, failing and passing examples."""
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


def explain_markdown(doc: RuleDoc, medium: Medium = PLAIN, *, heading: str = "###") -> str:
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
