"""Merge aligned views: per-cell votes and consensus, per-activity agreement, perception.

Identical rows are counted once with a weight (in a real survey most respondents agree
on most rows), so the cost grows with the distinct answers, not with the respondents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from raci.core.scheme import Role, Scheme
from raci.core.views import NONE, ActivityResult, CellResult, Merged, Perception, View
from raci.views.agreement import Tally
from raci.views.reference import Reference

Row = tuple[str | None, ...]


@dataclass(slots=True)
class _Group:
    """The views that gave one activity the same row of answers."""

    row: Row
    views: list[int]
    by_function: dict[str, int]
    """respondent function -> how many of these views come from it."""
    given: list[tuple[int, str]] | None = None
    """(function index, label) of the cells that hold a letter (rows are sparse)."""

    def letters(self) -> list[tuple[int, str]]:
        if self.given is None:
            self.given = [(index, label) for index, label in enumerate(self.row) if label]
        return self.given


def merge(reference: Reference, views: Sequence[View]) -> Merged:
    """Votes, consensus and agreement for every activity and cell of ``reference``."""
    scheme = reference.scheme
    functions = list(reference.functions)
    roles = _roles(scheme)
    owner_labels = {label for label, held in roles.items() if Role.OWNER in held}
    perception = _PerceptionTally(functions, views)
    programme = Tally()
    results = []
    for entry in reference.activities:
        groups = _groups(entry.id, views)
        answered = sorted(number for group in groups for number in group.views)
        tally = Tally()
        cells: list[CellResult] = []
        owners: dict[str, list[int]] = {}
        given: list[dict[str, int]] = [{} for _ in functions]
        for group in groups:
            weight = len(group.views)
            for index, label in group.letters():
                votes = given[index]
                votes[label] = votes.get(label, 0) + weight
                if label in owner_labels:
                    owners.setdefault(functions[index], []).extend(group.views)
        total = len(answered)
        for index, fid in enumerate(functions):
            counts = given[index]
            blank = total - sum(counts.values())
            if blank:
                counts[NONE] = blank
            tally.add(counts)
            cells.append(CellResult(fid, counts, None, False))
        for fid in owners:
            owners[fid].sort()
        _decide(cells, owners, owner_labels, len(answered))
        perception.add(entry.id, groups, roles)
        programme.merge(tally)
        results.append(
            ActivityResult(
                entry.id,
                entry.name,
                entry.phase,
                answered,
                cells,
                tally.alpha,
                tally.agreement,
                owners,
            )
        )
    return Merged(
        scheme,
        dict(reference.functions),
        list(views),
        results,
        programme.alpha,
        programme.agreement,
        perception.results(),
        reference.title,
    )


def _groups(activity: str, views: Sequence[View]) -> list[_Group]:
    groups: dict[Row, _Group] = {}
    for number, view in enumerate(views):
        row = view.rows.get(activity)
        if row is None:
            continue
        group = groups.get(row)
        if group is None:
            group = groups[row] = _Group(row, [], {})
        group.views.append(number)
        group.by_function[view.function] = group.by_function.get(view.function, 0) + 1
    return list(groups.values())


def _roles(scheme: Scheme) -> dict[str, frozenset[Role]]:
    """label -> the roles it plays (``A/R``: owner and worker)."""
    found: dict[str, frozenset[Role]] = {}
    for held in scheme.assignments:
        roles = {Role.OWNER} if held.owner else set()
        roles |= {Role.WORKER} if held.worker else set()
        roles |= {Role.CONSULTED} if held.consulted else set()
        roles |= {Role.INFORMED} if held.informed else set()
        found[held.label] = frozenset(roles)
    return found


def _decide(
    cells: list[CellResult], owners: dict[str, list[int]], owner_labels: set[str], answered: int
) -> None:
    """The consensus of each cell: the most given label, open on a tie; a label that
    makes its function the owner only when a majority of respondents name that one
    function owner (and no other function has such a majority)."""
    majority = [fid for fid, named in owners.items() if 2 * len(named) > answered]
    for cell in cells:
        if not cell.counts:
            continue
        ranked = sorted(cell.counts.items(), key=lambda item: -item[1])
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            cell.open = True
            continue
        label = ranked[0][0]
        if label in owner_labels and majority != [cell.function]:
            cell.open = True
            continue
        cell.consensus = None if label == NONE else label


class _PerceptionTally:
    """Per function and role: on how many activities its own respondents, and the
    others, give it the role (each side by a majority of those who answered)."""

    def __init__(self, functions: list[str], views: Sequence[View]) -> None:
        self.functions = functions
        self.present = {view.function for view in views}
        self.own = {(fid, role): 0 for fid in functions for role in Role}
        self.others = dict(self.own)
        self.first: dict[tuple[str, Role], str] = {}

    def add(self, activity: str, groups: list[_Group], roles: dict[str, frozenset[Role]]) -> None:
        total = sum(len(group.views) for group in groups)
        answered: dict[str, int] = {}
        for group in groups:
            for fid, count in group.by_function.items():
                answered[fid] = answered.get(fid, 0) + count
        held: dict[tuple[int, Role], list[int]] = {}  # (function, role) -> [own, others]
        for group in groups:
            weight = len(group.views)
            for index, label in group.letters():
                mine = group.by_function.get(self.functions[index], 0)
                for role in roles[label]:
                    votes = held.setdefault((index, role), [0, 0])
                    votes[0] += mine
                    votes[1] += weight - mine
        for (index, role), (own, others) in held.items():
            fid = self.functions[index]
            own_total = answered.get(fid, 0)
            self_sees = 2 * own > own_total
            others_see = 2 * others > total - own_total
            self.own[fid, role] += self_sees
            self.others[fid, role] += others_see
            if own_total and total > own_total and self_sees != others_see:
                self.first.setdefault((fid, role), activity)

    def results(self) -> list[Perception]:
        return [
            Perception(
                fid,
                role.value,
                self.own[fid, role] if fid in self.present else None,
                self.others[fid, role],
                self.first.get((fid, role)),
            )
            for fid in self.functions
            for role in Role
        ]
