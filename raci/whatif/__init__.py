"""What breaks if functions step back: the activities they leave without an owner or a
worker, who is already there to take over, the load that moves, and the new findings.

The library behind ``raci whatif`` (and the report's "what if" section)::

    from raci.whatif import without
    result = without(model, ["IC"])
    result.without_owner        # [Gap(activity='launch', takers=[Taker('HR', 'C')], ...)]
    result.as_dict()            # plain data for JSON

Functions are removed from the model (their definitions and every assignment); the
reduced model is linted with the same settings as the original, and the findings
:func:`raci.engine.compare` calls introduced are new.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any

from raci.core.context import Context
from raci.core.errors import RaciError
from raci.core.suggest import function_hint

if TYPE_CHECKING:
    from raci.core.config import Resolved
    from raci.core.findings import Finding
    from raci.core.model import Activity, Model


@dataclass(frozen=True, slots=True)
class Taker:
    """A function still on an activity that could take over: what it holds there now."""

    function: str
    label: str


@dataclass(frozen=True, slots=True)
class Gap:
    """An activity left without an owner (A) or without a worker (R)."""

    activity: str
    name: str
    phase: str | None
    effort: float
    lost: dict[str, str]
    """Each function that stepped back -> the letters it held here."""
    takers: list[Taker]
    """Functions still holding R, C (or, for the work, A) here: workers first, then
    consulted, then owners, each in file order."""


@dataclass(frozen=True, slots=True)
class LoadShift:
    """A remaining function whose load changes, or that could take over a gap."""

    function: str
    name: str
    capacity: float | None
    before: float
    """Load in the original model."""
    after: float
    """Load once the effort of shared activities is split among the remaining workers."""
    accountable: int
    """Activities it is accountable for, after the step back."""
    takes: list[str]
    """Ids of the gaps (without owner or without worker) it could fill."""
    if_taking: float
    """Load if it took over the work on every activity left without a worker that it can
    fill, as its only worker."""
    accountable_if_taking: int
    """Activities it would be accountable for if it took every ownerless one it can."""


@dataclass(frozen=True, slots=True)
class WhatIf:
    """What :func:`without` found; ``as_dict()`` gives it as plain data."""

    removed: list[str]
    activities: int
    without_owner: list[Gap]
    without_worker: list[Gap]
    loads: list[LoadShift]
    """Sorted by ``if_taking``, largest first."""
    new_findings: list[Finding]
    model: Model = field(repr=False, compare=False)
    """The reduced model (what is left once the functions stepped back)."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "removed": list(self.removed),
            "activities": self.activities,
            "without_owner": [asdict(gap) for gap in self.without_owner],
            "without_worker": [asdict(gap) for gap in self.without_worker],
            "loads": [asdict(shift) for shift in self.loads],
            "new_findings": [finding.as_dict() for finding in self.new_findings],
        }


def without(
    model: Model,
    functions: Iterable[str],
    settings: Resolved | None = None,
    *,
    context: Context | None = None,
    findings: Sequence[Finding] | None = None,
) -> WhatIf:
    """What breaks if ``functions`` step back from ``model``; a ``FUNCTION/member`` among
    them is a person stepping back (see :mod:`raci.whatif.people`).

    ``settings`` are the rule settings to lint with (default: what ``raci check``
    finds for the model's first file: ``.raci.toml`` / ``[tool.raci]``, then its own
    ``rules:`` blocks). A caller that has already checked the model
    passes its ``context`` and the ``findings`` it got with those settings, so the model
    is not linted twice. An id that is not a function of the model raises
    :class:`~raci.core.errors.RaciError` with a "did you mean" hint.
    """
    from raci.engine import compare, default_layers, lint, resolve

    removed = list(dict.fromkeys(functions))
    people = [key for key in removed if "/" in key]
    names = {fid: function.name for fid, function in model.functions.items()}
    for fid in removed:
        if fid not in names and fid not in people:
            raise RaciError(f"no function '{fid}' in the model{function_hint(fid, names)}")
    if settings is None:
        settings = resolve(default_layers(model))
    gone = {fid for fid in removed if fid not in people}
    thinned = model
    if people:
        from raci.whatif.people import check_people, without_people

        check_people(model, people)
        thinned, emptied = without_people(model, people)
        gone |= emptied
    reduced = _reduce(thinned, gone)
    without_owner: list[Gap] = []
    without_worker: list[Gap] = []
    for before, after in zip(model.activities, reduced.activities, strict=True):
        if before.owners and not after.owners:
            without_owner.append(_gap(before, after, gone))
        if before.workers and not after.workers:
            without_worker.append(_gap(before, after, gone))
    original = context or Context(model)
    remaining = original.sharing_dependencies(reduced)
    found_before = findings if findings is not None else lint(model, settings, original)[0]
    found_after, _ = lint(reduced, settings, remaining)
    new = compare(found_before, found_after).introduced
    return WhatIf(
        removed,
        len(model.activities),
        without_owner,
        without_worker,
        _loads(original, remaining, without_owner, without_worker),
        new,
        reduced,
    )


def _reduce(model: Model, gone: set[str]) -> Model:
    """A copy of ``model`` without the functions in ``gone``, nor any of their letters;
    activities they held nothing on are shared, not copied."""
    activities = [
        activity.with_raci({fid: held for fid, held in activity.raci.items() if fid not in gone})
        if not gone.isdisjoint(activity.raci)
        else activity
        for activity in model.activities
    ]
    return replace(
        model,
        functions={fid: function for fid, function in model.functions.items() if fid not in gone},
        activities=activities,
        redefined=[function for function in model.redefined if function.id not in gone],
    )


def _gap(before: Activity, after: Activity, gone: set[str]) -> Gap:
    functions = {fid for fid in after.raci if fid not in gone}
    takers = [
        Taker(fid, after.raci[fid].label)
        for fid in dict.fromkeys([*after.workers, *after.consulted, *after.owners])
        if fid in functions
    ]
    lost = {
        fid: held.label
        for fid, held in before.raci.items()
        if fid in gone or after.raci.get(fid) is not held
    }
    return Gap(before.id, before.name, before.phase, float(before.effort), lost, takers)


def _loads(
    original: Context, reduced: Context, without_owner: list[Gap], without_worker: list[Gap]
) -> list[LoadShift]:
    model = original.model
    before, after = original.stats, reduced.stats
    owner_gaps: dict[str, list[Gap]] = {}
    worker_gaps: dict[str, list[Gap]] = {}
    for gaps, by_function in ((without_owner, owner_gaps), (without_worker, worker_gaps)):
        for gap in gaps:
            for taker in gap.takers:
                by_function.setdefault(taker.function, []).append(gap)
    position = {
        activity.id: index for index, activity in reversed(list(enumerate(model.activities)))
    }
    shifts = []
    for fid, stats in after.items():
        owning = owner_gaps.get(fid, [])
        working = worker_gaps.get(fid, [])
        if abs(stats.load - before[fid].load) < 1e-9 and not owning and not working:
            continue
        takes = sorted({gap.activity for gap in [*owning, *working]}, key=position.__getitem__)
        function = reduced.model.functions[fid]
        shifts.append(
            LoadShift(
                fid,
                function.name,
                function.capacity,
                before[fid].load,
                stats.load,
                stats.accountable,
                takes,
                stats.load + sum(gap.effort for gap in working),
                stats.accountable + len(owning),
            )
        )
    order = {fid: index for index, fid in enumerate(model.functions)}
    shifts.sort(key=lambda shift: (-shift.if_taking, order[shift.function]))
    return shifts
