"""What the caller asks of a rebalance (the command line fills this in)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Options:
    responsible: bool = False
    """Also choose who is Responsible (the worker role), against the R thresholds and
    capacities; by default only the Accountable (owner) moves."""
    max_accountable: int | None = None
    """Overrides ``single-owner-overload``'s ``max_accountable``."""
    max_share: float | None = None
    """Overrides ``single-owner-overload``'s ``max_accountable_share`` (0..1)."""
    keep: tuple[str, ...] = ()
    """Activity ids whose assignments stay exactly as they are."""
    only_involved: bool = False
    """Take candidates only among the functions that hold R, A or C on an activity or
    are listed under its ``eligible:`` key (no Informed ones, no functions not on it)."""
    never: tuple[str, ...] = ()
    """Function ids that take on nothing new and give up what they hold (except on
    activities pinned with ``keep``)."""
