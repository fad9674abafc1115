"""``raci rules`` and ``raci explain RULE``: the rule catalogue, from the rules' own code."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import typer

from raci.cli.app import command
from raci.cli.output import emit

DocFormat = Literal["text", "json", "markdown"]

RULES_EXAMPLES = """
[bold]Examples[/]

  raci rules                              code, name, default severity and summary
  raci rules --format markdown            the table the README shows
  raci explain single-owner-overload      why a rule matters, its settings, examples
"""

EXPLAIN_EXAMPLES = """
[bold]Examples[/]

  raci explain RACI008                    a rule by its code
  raci explain sole-owner                 or by its name
  raci explain schema-error               input problems are documented too
"""


@command("rules", epilog=RULES_EXAMPLES)
def rules_command(
    output_format: DocFormat = typer.Option(
        "text", "--format", "-f", help="text, json, or markdown (a table)."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the catalogue to this file.", dir_okay=False
    ),
) -> None:
    """List every rule: code, name, default severity and summary."""
    from raci.rules.catalogue import render_rules, rule_docs

    emit(render_rules(rule_docs(), output_format), output)


@command("explain", epilog=EXPLAIN_EXAMPLES)
def explain_command(
    rule: str = typer.Argument(..., metavar="RULE", help="A rule name or code."),
    output_format: DocFormat = typer.Option(
        "text", "--format", "-f", help="text, json, or markdown."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the explanation to this file.", dir_okay=False
    ),
) -> None:
    """Explain one rule: rationale, settings with defaults, a failing and a passing example."""
    from raci.rules.catalogue import find, render_explain

    emit(render_explain(find(rule), output_format), output)
