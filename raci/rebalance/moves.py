"""The moves of a plan, each with the reason its new holder was chosen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from raci.core.context import Context
from raci.core.model import Activity, Model
from raci.core.scheme import Role
from raci.rebalance import phases
from raci.rebalance.flow import candidates
from raci.rebalance.tiers import NAMES, tier_of


@dataclass(frozen=True, slots=True)
class Move:
    """One activity's owner (or one of its workers) changing hands."""

    activity: str
    role: str
    """``accountable`` (the owner role) or ``responsible`` (the worker role)."""
    source: tuple[str, ...]
    """Who held it: one function for a move, none for an activity that had no holder,
    the extra owners for an activity that had several (``resolve``)."""
    target: str
    kind: str
    """``move``, ``assign`` (it had none) or ``resolve`` (it had several owners)."""
    reason: str
    file: str
    line: int
    tier: str = "working"
    """How close the new holder was: ``working`` (R or A), ``consulted``, ``eligible``,
    ``informed`` or ``new`` (not on the activity yet)."""
    phase: str | None = None
    """The phase, for an activity whose raci is given per phase (each phase moves alone)."""

    @property
    def label(self) -> str:
        """The activity as a reader finds it: ``community (launch)`` for one phase of it."""
        return self.activity if self.phase is None else f"{self.activity} ({self.phase})"

    def as_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "activity": self.activity,
            "role": self.role,
            "from": list(self.source),
            "to": self.target,
            "kind": self.kind,
            "reason": self.reason,
            "tier": self.tier,
            "file": self.file,
            "line": self.line,
        }
        if self.phase is not None:
            found["phase"] = self.phase
        return found


def find_moves(model: Model, owners: phases.Phase, workers: phases.Phase) -> list[Move]:
    """The changes of holders, activity by activity in file order, owner first."""
    stats = Context(model).stats
    moves: list[Move] = []
    for position, activity in enumerate(model.activities):
        for role, phase in (("accountable", owners), ("responsible", workers)):
            if position not in phase.holders:
                continue
            held = activity.owners if role == "accountable" else activity.workers
            old = [fid for fid in held if fid in model.functions]
            new = phase.holders[position]
            gone = [fid for fid in old if fid not in new]
            came = [fid for fid in new if fid not in old]
            if not gone and not came:
                continue
            staged = activity.stage is not None  # at its phase's key under raci:
            where = activity.raci_path if staged else activity.path
            line, _ = activity.document.locate(where, key=staged)
            if role == "accountable":
                kind = "resolve" if len(old) > 1 else "move" if old else "assign"
                pairs = [(tuple(gone), (came or new)[0])]
            else:
                pairs = [(tuple(gone[index : index + 1]), fid) for index, fid in enumerate(came)]
            for source, target in pairs:
                if role == "responsible":
                    kind = "move" if source else "assign"
                everyone = candidates(phase.demands[position], phase.rooms)
                others = [
                    c.fid
                    for c in everyone
                    if c.fid != target and c.fid not in gone and c.fid not in new
                ]
                if target in old:  # one of several owners keeps it: compare with the others
                    others = list(gone)
                loads = {
                    fid: stats[fid].accountable if role == "accountable" else stats[fid].responsible
                    for fid in [target, *others]
                }
                reason = _reason(model, activity, target, role, len(old), others, loads)
                name = activity.document.name
                tier = NAMES[tier_of(activity, target)]
                moves.append(
                    Move(
                        activity.id,
                        role,
                        source,
                        target,
                        kind,
                        reason,
                        name,
                        line,
                        tier,
                        activity.stage,
                    )
                )
    return moves


def _reason(
    model: Model,
    activity: Activity,
    fid: str,
    role: str,
    holders: int,
    others: list[str],
    loads: dict[str, int],
) -> str:
    """Why this function: what it already holds on the activity, and how loaded it is."""
    scheme = model.scheme
    words = {letter.code: letter for letter in scheme.letters}
    owner = scheme.role_letters(Role.OWNER)[0].word
    held = activity.raci.get(fid)
    if held is None:
        what = "listed under eligible" if fid in activity.eligible else "not on this activity yet"
    elif role == "accountable" and held.owner:
        what = f"already {owner}" + (f", one of {holders}" if holders > 1 else "")
    elif held.worker:
        worker = next(code for code in held.letters if words[code].role is Role.WORKER)
        what = f"already {words[worker].word}"
    elif held.owner:
        what = f"already {owner}"
    elif held.consulted:
        what = words[held.letters[0]].word
    elif fid in activity.eligible:
        what = f"listed under eligible ({words[held.letters[0]].word} now)"
    else:
        what = f"{words[held.letters[0]].word} now"
    if not others:
        return f"{what}, the only {'other ' if holders else ''}eligible function"
    if loads[fid] <= min(loads[other] for other in others):
        return f"{what}, least loaded"
    return f"{what}, has room"
