"""What rules share: the model plus statistics and graphs computed once per run."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

    from raci.core.model import Activity, Model
    from raci.core.views import Merged


@dataclass(slots=True)
class FunctionStats:
    """How much one function holds across the model (scheme roles, not letters)."""

    accountable: int = 0
    responsible: int = 0
    consulted: int = 0
    informed: int = 0
    load: float = 0.0

    @property
    def assignments(self) -> int:
        return self.accountable + self.responsible + self.consulted + self.informed


def hhi(owned: dict[str, int], total: int) -> float:
    """Herfindahl-Hirschman index of accountability shares (share = owned / total)."""
    return sum((count / total) ** 2 for count in owned.values()) if total else 0.0


class Context:
    """The model under check; every derived view is built on first use and then shared."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.rules_run: set[str] = set()
        """Names of the rules the engine has run so far."""
        self.waivers_used: set[tuple[int, str]] = set()
        """(id of the activity or function, rule name) of waivers that suppressed a finding."""
        self.views: Merged | None = None
        """The merged views of ``raci merge``, which the view rules read; None otherwise."""

    def sharing_dependencies(self, model: Model) -> Context:
        """A context for ``model``, a variant of this one with the same activities and
        ``depends_on`` (what-if, rebalance): it reuses this one's dependency graph."""
        context = Context(model)
        for name in ("dependencies", "loops"):
            if name in self.__dict__:
                context.__dict__[name] = self.__dict__[name]
        return context

    @cached_property
    def loops(self) -> list[list[str]]:
        """Each knot of mutually dependent activities as one loop (empty when acyclic)."""
        from raci.core.graph import dependency_loops

        return dependency_loops(self.dependencies, self.activity_ids)

    @cached_property
    def stats(self) -> dict[str, FunctionStats]:
        """Per defined function: A/R/C/I counts and effort load (effort shared among R)."""
        return tally(self.model.functions, self.model.activities)

    @cached_property
    def phase_activities(self) -> dict[str, list[Activity]]:
        """Each phase of the model, in order, to its activities (those without a phase are
        in none)."""
        found: dict[str, list[Activity]] = {phase: [] for phase in self.model.phases}
        for activity in self.model.activities:
            if activity.phase in found:
                found[activity.phase].append(activity)
        return found

    @cached_property
    def staged(self) -> list[list[Activity]]:
        """The phases of each activity whose raci is given per phase, in phase order."""
        order = {phase: position for position, phase in enumerate(self.model.phases)}
        found: dict[tuple[int, int], list[Activity]] = {}
        for activity in self.model.activities:
            if activity.stage is not None:
                found.setdefault((id(activity.document), activity.index), []).append(activity)
        for parts in found.values():
            parts.sort(key=lambda part: order.get(part.stage or "", len(order)))
        return list(found.values())

    @cached_property
    def phase_stats(self) -> dict[str, dict[str, FunctionStats]]:
        """:attr:`stats` for the activities of each phase, phases in order."""
        functions = self.model.functions
        return {phase: tally(functions, found) for phase, found in self.phase_activities.items()}

    @cached_property
    def activity_ids(self) -> dict[str, Activity]:
        """Each activity id to its first activity, in file order."""
        ids: dict[str, Activity] = {}
        for activity in self.model.activities:
            ids.setdefault(activity.id, activity)
        return ids

    @cached_property
    def ownership(self) -> nx.DiGraph:
        """Functions and activities, one edge per assignment (see :mod:`raci.core.graph`)."""
        from raci.core.graph import ownership_graph

        return ownership_graph(self.model)

    @cached_property
    def collaboration(self) -> nx.Graph:
        from raci.core.graph import collaboration_graph

        return collaboration_graph(self.model)

    @cached_property
    def dependencies(self) -> nx.DiGraph:
        from raci.core.graph import dependency_graph

        return dependency_graph(self.model, self.activity_ids)


def tally(functions: Iterable[str], activities: Iterable[Activity]) -> dict[str, FunctionStats]:
    """A/R/C/I counts and effort load of each of ``functions`` over ``activities``."""
    stats = {fid: FunctionStats() for fid in functions}
    for activity in activities:
        share = activity.effort / len(activity.workers) if activity.workers else 0.0
        for fid in activity.owners:
            if fid in stats:
                stats[fid].accountable += 1
        for fid in activity.workers:
            if fid in stats:
                entry = stats[fid]
                entry.responsible += 1
                entry.load += share
        for fid in activity.consulted:
            if fid in stats:
                stats[fid].consulted += 1
        for fid in activity.informed:
            if fid in stats:
                stats[fid].informed += 1
    return stats
