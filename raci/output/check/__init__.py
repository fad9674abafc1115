"""Formatters turn a check :class:`~raci.engine.Report` into text; one interface, a registry.

Only ``text`` uses rich (and only when colour is wanted); every machine format is plain
text, so nothing is wrapped at the terminal's width.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from raci.engine import Report

Formatter = Callable[["Report", bool], str]
"""``render(report, color)``: the whole output as one string."""

FORMATS = ("text", "json", "sarif", "github", "junit", "markdown")
"""Every ``--format`` of ``raci check``, in the order ``--help`` shows them."""


def get_formatter(name: str) -> Formatter:
    """The ``render`` function of the formatter called ``name`` (imported on demand)."""
    module = import_module(f"raci.output.check.{name}")
    render: Formatter = module.render
    return render
