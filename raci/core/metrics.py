"""Who carries the programme: per-function load and model-wide concentration metrics.

A library API (``raci load``, reports, diffs and rebalance read it) computed from one
:class:`~raci.core.context.Context`, so graphs and counts are built once per run.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from raci.core.context import hhi
from raci.core.people_metrics import PeopleMetrics, people_metrics
from raci.core.phase_metrics import PhaseMetrics, phase_metrics
from raci.core.scheme import Role

if TYPE_CHECKING:
    from raci.core.context import Context


@dataclass(frozen=True, slots=True)
class FunctionMetrics:
    id: str
    name: str
    accountable: int
    responsible: int
    consulted: int
    informed: int
    load: float
    """Effort units carried: each activity's effort shared equally among its R holders."""
    capacity: float | None
    accountable_share: float
    """Activities where the function is A, divided by all activities."""
    betweenness: float
    """Betweenness centrality in the R/A collaboration graph of functions (0..1)."""

    def count(self, role: Role) -> int:
        """Activities on which the function plays ``role``."""
        return {
            Role.OWNER: self.accountable,
            Role.WORKER: self.responsible,
            Role.CONSULTED: self.consulted,
            Role.INFORMED: self.informed,
        }[role]

    @property
    def utilisation(self) -> float | None:
        return self.load / self.capacity if self.capacity else None


@dataclass(frozen=True, slots=True)
class TruckFactor:
    """How many functions can step back, removed greedily, before over half the
    activities have nobody left holding an R or an A."""

    count: int
    functions: list[str]
    orphaned: int


@dataclass(frozen=True, slots=True)
class CriticalPath:
    """The longest chain of dependencies by effort, and who owns its activities."""

    activities: list[str]
    effort: float
    owners: dict[str, int]
    """Function id -> how many activities on the path it is accountable for."""


@dataclass(frozen=True, slots=True)
class ModelMetrics:
    activities: int
    functions: list[FunctionMetrics]
    hhi: float
    effective_owners: float
    """1 / HHI: how many equal owners the accountability spread is worth."""
    truck_factor: TruckFactor
    articulation_points: list[str]
    critical_path: CriticalPath | None
    """None when the dependencies loop."""
    extra: dict[str, Any] = field(default_factory=dict)
    phases: list[PhaseMetrics] = field(default_factory=list)
    """Per phase, in order; empty unless the model is phased (or they were asked for)."""
    people: PeopleMetrics | None = None
    """Per person; None unless a function of the model lists ``members:``."""

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("extra")
        for entry, function in zip(data["functions"], self.functions, strict=True):
            entry["utilisation"] = function.utilisation
        if not self.phases:
            data.pop("phases")  # models without phases keep the shape they always had
        if self.people is None:
            data.pop("people")
        else:
            for entry, person in zip(data["people"]["people"], self.people.people, strict=True):
                entry["utilisation"] = person.utilisation
        for entry, phase in zip(data.get("phases", []), self.phases, strict=False):
            for row, held in zip(entry["functions"], phase.functions, strict=True):
                row["utilisation"] = held.utilisation
        return data


def compute(context: Context, by_phase: bool | None = None) -> ModelMetrics:
    """Every metric of the model behind ``context``; per phase as well when ``by_phase``
    (by default when the model is phased, see :attr:`~raci.core.model.Model.phased`)."""
    import networkx as nx

    model = context.model
    total = len(model.activities)
    owned = {fid: stats.accountable for fid, stats in context.stats.items()}
    index = hhi(owned, total)
    betweenness = nx.betweenness_centrality(_ownership_projection(context))
    functions = [
        FunctionMetrics(
            id=fid,
            name=model.functions[fid].name,
            accountable=stats.accountable,
            responsible=stats.responsible,
            consulted=stats.consulted,
            informed=stats.informed,
            load=stats.load,
            capacity=model.functions[fid].capacity,
            accountable_share=stats.accountable / total if total else 0.0,
            betweenness=betweenness.get(fid, 0.0),
        )
        for fid, stats in context.stats.items()
    ]
    order = {fid: position for position, fid in enumerate(model.functions)}
    return ModelMetrics(
        activities=total,
        functions=functions,
        hhi=index,
        effective_owners=1 / index if index else 0.0,
        truck_factor=truck_factor(context),
        articulation_points=sorted(
            nx.articulation_points(context.collaboration), key=order.__getitem__
        ),
        critical_path=critical_path(context),
        phases=phase_metrics(context) if (model.phased if by_phase is None else by_phase) else [],
        people=people_metrics(context) if model.has_people else None,
    )


def _ownership_projection(context: Context) -> Any:
    """Functions linked when both hold R or A on a common activity."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(context.model.functions)
    functions = context.model.functions
    for activity in context.model.activities:
        holders = sorted({fid for fid in (*activity.owners, *activity.workers) if fid in functions})
        graph.add_edges_from(
            (left, right)
            for position, left in enumerate(holders)
            for right in holders[position + 1 :]
        )
    return graph


def truck_factor(context: Context) -> TruckFactor:
    """Remove, greedily, the function that orphans the most activities until more than
    half have no R or A holder left; ties go to the function holding more R/A, then to
    the earlier one in the file."""
    model = context.model
    total = len(model.activities)
    holders: list[set[str]] = []
    by_function: dict[str, list[int]] = {fid: [] for fid in model.functions}
    alone = dict.fromkeys(model.functions, 0)  # activities only this function holds
    held = dict.fromkeys(model.functions, 0)  # activities this function holds at all
    for index, activity in enumerate(model.activities):
        found = {fid for fid in (*activity.owners, *activity.workers) if fid in by_function}
        holders.append(found)
        for fid in found:
            by_function[fid].append(index)
            held[fid] += 1
        if len(found) == 1:
            alone[next(iter(found))] += 1
    orphaned = sum(1 for found in holders if not found)
    order = {fid: position for position, fid in enumerate(model.functions)}
    removed: list[str] = []
    while orphaned * 2 <= total and len(removed) < len(order):
        chosen = max(
            (fid for fid in order if fid not in removed),
            key=lambda fid: (alone[fid], held[fid], -order[fid]),
        )
        removed.append(chosen)
        for index in by_function[chosen]:
            found = holders[index]
            found.discard(chosen)
            if not found:
                orphaned += 1
            elif len(found) == 1:
                alone[next(iter(found))] += 1
    return TruckFactor(len(removed), removed, orphaned)


def critical_path(context: Context) -> CriticalPath | None:
    """The dependency chain with the most effort (``networkx.dag_longest_path``)."""
    import networkx as nx

    graph = context.dependencies
    if context.loops:
        return None
    ids = context.activity_ids
    weighted = nx.DiGraph()
    start = object()
    weighted.add_edges_from((start, node, {"effort": ids[node].effort}) for node in graph)
    weighted.add_edges_from((u, v, {"effort": ids[v].effort}) for u, v in graph.edges)
    path = [node for node in nx.dag_longest_path(weighted, weight="effort") if node is not start]
    owners: dict[str, int] = {}
    for activity_id in path:
        for fid in ids[activity_id].owners:
            owners[fid] = owners.get(fid, 0) + 1
    return CriticalPath(path, sum(ids[node].effort for node in path), owners)
