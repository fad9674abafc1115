"""Every output format of every command, declared once: ``RENDERERS[view][format]``.

A renderer is ``render(data, medium) -> str | bytes | Iterator[str]``: the data a
command built (a check :class:`~raci.engine.Report`, a matrix, a what-if result...) and
the :class:`Medium` it goes to; a large output comes as chunks of lines. Entries are
``"module:function"`` strings, imported only when that format is asked for, so
``raci --help`` imports no renderer.

The command line builds each command's ``--format`` choices from this table; adding a
format to a command is one renderer plus one line here. A new command's view (``deck``,
``merge``) adds its own entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

from raci.core.errors import RaciError


@dataclass(frozen=True, slots=True)
class Medium:
    """Where the output goes: colour (a terminal) and a width to fit (None: no limit)."""

    color: bool = False
    width: int | None = None


PLAIN = Medium()
"""A file or a pipe: no colour, nothing truncated."""

Output = str | bytes | Iterator[str]
"""Text, bytes, or text chunks that each end at a line end (written as they come, so a
large output is never held whole)."""

Renderer = Callable[[Any, Medium], Output]

RENDERERS: dict[str, dict[str, str]] = {
    "check": {
        "text": "raci.output.check.text:render",
        "json": "raci.output.check.json:render",
        "sarif": "raci.output.check.sarif:render",
        "github": "raci.output.check.github:render",
        "junit": "raci.output.check.junit:render",
        "markdown": "raci.output.check.markdown:render",
    },
    "matrix": {
        "text": "raci.output.matrix:render_text",
        "markdown": "raci.output.matrix:render_markdown",
        "csv": "raci.output.matrix_data:render_csv",
        "json": "raci.output.matrix_data:render_json",
    },
    "load": {
        "text": "raci.output.load:render_text",
        "json": "raci.output.load:render_json",
        "csv": "raci.output.load:render_csv",
        "markdown": "raci.output.load:render_markdown",
    },
    "graph": {
        "mermaid": "raci.output.graph:to_mermaid",
        "dot": "raci.output.graph:to_dot",
        "graphml": "raci.output.graphml:to_graphml",
        "json": "raci.output.graph:to_node_link",
    },
    "whatif": {
        "text": "raci.output.whatif:render_text",
        "json": "raci.output.whatif:render_json",
    },
    "rebalance": {
        "text": "raci.output.rebalance:text",
        "markdown": "raci.output.rebalance:render_markdown",
        "json": "raci.output.rebalance:render_json",
    },
    "diff": {
        "text": "raci.output.diff:render_text",
        "markdown": "raci.output.diff:render_markdown",
        "json": "raci.output.diff:render_json",
    },
    "report": {
        "markdown": "raci.output.report.markdown:render_markdown",
        "html": "raci.output.report.html:render_html",
        "json": "raci.output.report.json:render_json",
    },
    "deck": {
        "pptx": "raci.output.deck:render",
    },
    "export": {
        "csv": "raci.output.export:render_csv",
        "xlsx": "raci.output.export:render_xlsx",
    },
    "rules": {
        "text": "raci.output.rules:rules_text",
        "json": "raci.output.rules:rules_json",
        "markdown": "raci.output.rules:rules_markdown",
    },
    "merge": {
        "text": "raci.output.agreement.text:render",
        "json": "raci.output.agreement.json:render",
        "sarif": "raci.output.agreement.findings:sarif",
        "github": "raci.output.agreement.findings:github",
        "junit": "raci.output.agreement.findings:junit",
    },
    "agreement": {
        "markdown": "raci.output.agreement.markdown:render",
        "html": "raci.output.agreement.html:render",
        "json": "raci.output.agreement.json:render",
        "xlsx": "raci.output.agreement.xlsx:render",
    },
    "explain": {
        "text": "raci.output.rules:explain_text",
        "json": "raci.output.rules:explain_json",
        "markdown": "raci.output.rules:explain_markdown",
    },
}

BINARY = frozenset({"xlsx", "pptx"})
"""Formats that are bytes, not text: they go to a file, never to a terminal."""

SUFFIXES: dict[str, tuple[str, ...]] = {
    "markdown": (".md", ".markdown"),
    "html": (".html", ".htm"),
    "json": (".json",),
    "csv": (".csv",),
    "xlsx": (".xlsx",),
    "pptx": (".pptx",),
}
"""The output-file suffixes that name a format, for commands that pick it from ``-o``."""


def formats(view: str) -> list[str]:
    """The format names of ``view``, the default first."""
    return list(RENDERERS[view])


def renderer(view: str, name: str) -> Renderer:
    """The renderer of ``view`` in format ``name`` (imported now)."""
    try:
        target = RENDERERS[view][name]
    except KeyError:
        known = ", ".join(RENDERERS.get(view, {}))
        raise RaciError(f"--format: '{view}' has no format '{name}' (one of: {known})") from None
    module, _, function = target.partition(":")
    found: Renderer = getattr(import_module(module), function)
    return found


def render(view: str, name: str, data: Any, medium: Medium = PLAIN) -> Output:
    """``data`` rendered by the ``view`` renderer called ``name``."""
    return renderer(view, name)(data, medium)


def format_for(view: str, output: Path | None) -> str | None:
    """The format of ``view`` that the suffix of ``output`` names, if any."""
    if output is None:
        return None
    suffix = output.suffix.lower()
    for name in RENDERERS[view]:
        if suffix in SUFFIXES.get(name, ()):
            return name
    return None
