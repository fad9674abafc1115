"""``raci rules`` and ``raci explain RULE``: the rule catalogue, from the rules' own code."""

from __future__ import annotations

from pathlib import Path

import typer

from raci.cli.app import command
from raci.cli.common import show
from raci.cli.options import format_option, output_option

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
    output_format: str = format_option("rules", help="text, json, or markdown (a table)."),
    output: Path | None = output_option("Write the catalogue to this file."),
) -> None:
    """List every rule: code, name, default severity and summary."""
    from raci.rules.catalogue import rule_docs

    show("rules", output_format, rule_docs(), output)


@command("explain", epilog=EXPLAIN_EXAMPLES)
def explain_command(
    rule: str = typer.Argument(..., metavar="RULE", help="A rule name or code."),
    output_format: str = format_option("explain", help="text, json, or markdown."),
    output: Path | None = output_option("Write the explanation to this file."),
) -> None:
    """Explain one rule: rationale, settings with defaults, a failing and a passing example."""
    from raci.rules.catalogue import find

    show("explain", output_format, find(rule), output)
