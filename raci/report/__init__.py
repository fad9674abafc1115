"""``raci report``: one report data structure; :mod:`raci.output.report` renders it
(``RENDERERS["report"]`` in :mod:`raci.output.registry`: markdown, HTML or JSON)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from importlib import import_module
from typing import TYPE_CHECKING

from raci.core.errors import RaciError

if TYPE_CHECKING:
    from raci.report.data import SectionBuilder

SECTION_BUILDERS: tuple[str, ...] = (
    "raci.phases.report_section:phases",
    "raci.phases.report_section:people",
    "raci.rebalance.report_section:recommendations",
)
"""Extra report sections, as ``"module:function"`` builders (see
:data:`raci.report.data.SectionBuilder`), imported only when a report is built and
rendered after the built-in sections in this order. ``raci rebalance`` adds its
recommendations here; phased models get the phases side by side."""


def section_builders(names: tuple[str, ...] = SECTION_BUILDERS) -> list[SectionBuilder]:
    builders: list[SectionBuilder] = []
    for name in names:
        module, _, function = name.partition(":")
        builders.append(getattr(import_module(module), function))
    return builders


def report_date(option: str | None, environ: Mapping[str, str]) -> str:
    """The date the report shows: ``--date``, else ``SOURCE_DATE_EPOCH`` (UTC), else today.

    Golden files and reproducible builds set one of the first two.
    """
    if option is not None:
        try:
            return dt.date.fromisoformat(option).isoformat()
        except ValueError:
            raise RaciError(f"--date: '{option}' is not a date (YYYY-MM-DD)") from None
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
        except (ValueError, OverflowError, OSError):
            raise RaciError(
                f"SOURCE_DATE_EPOCH: '{epoch}' is not a number of seconds since 1970"
            ) from None
    return dt.date.today().isoformat()
