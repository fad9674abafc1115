"""The plan: which letters move, why, and what that changes (load, HHI, findings)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

from raci.core.config import Layer
from raci.core.context import Context
from raci.core.errors import RaciError
from raci.core.findings import Finding
from raci.core.loader import Document
from raci.core.model import Model
from raci.core.scheme import Role
from raci.core.suggest import activity_hint, function_hint
from raci.rebalance import phases
from raci.rebalance.apply import Changes, apply_model, changes
from raci.rebalance.edit import edit_text
from raci.rebalance.explain import join
from raci.rebalance.limits import Limits, limits, override_layer, settings_layers
from raci.rebalance.moves import Move, find_moves
from raci.rebalance.options import Options
from raci.rebalance.waivers import Waiver, made_unused, without


@dataclass(frozen=True, slots=True)
class PhaseLoad:
    """A function's effort in one phase before and after the plan, and its capacity there."""

    phase: str
    effort: tuple[float, float]
    capacity: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "phase": self.phase,
            "effort": {"before": self.effort[0], "after": self.effort[1]},
            "capacity": self.capacity,
        }


@dataclass(frozen=True, slots=True)
class FunctionLoad:
    """What one function carries before and after the plan, against its limits."""

    id: str
    name: str
    accountable: tuple[int, int]
    accountable_limit: int | None
    responsible: tuple[int, int]
    responsible_limit: int | None
    effort: tuple[float, float]
    capacity: float | None
    phases: tuple[PhaseLoad, ...] = ()
    """Per phase, when its capacity is held per phase (``capacity`` is then their sum)."""

    def as_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "function": self.id,
            "name": self.name,
            "accountable": {"before": self.accountable[0], "after": self.accountable[1]},
            "accountable_limit": self.accountable_limit,
            "responsible": {"before": self.responsible[0], "after": self.responsible[1]},
            "responsible_limit": self.responsible_limit,
            "effort": {"before": self.effort[0], "after": self.effort[1]},
            "capacity": self.capacity,
        }
        if self.phases:
            found["phases"] = [phase.as_dict() for phase in self.phases]
        return found


@dataclass
class Plan:
    """The result of :func:`propose`. ``feasible`` is false when no plan clears every
    limit: the moves are then the best plan there is (the least overload left), with
    ``problems`` naming the constraints that bind and ``remaining`` what stays over."""

    model: Model
    after: Model
    options: Options
    problems: list[str]
    remaining: list[str]
    moves: list[Move]
    changes: Changes
    loads: list[FunctionLoad]
    hhi: tuple[float, float]
    effective_owners: tuple[float, float]
    fixed: list[Finding]
    """Findings of the model that the plan makes disappear."""
    introduced: list[Finding]
    """Findings the rebalanced model has that the model did not."""
    changed: list[tuple[Finding, Finding]] = field(default_factory=list)
    """(before, after) of findings about the same thing whose message changes."""
    notes: list[str] = field(default_factory=list)
    waivers: list[Waiver] = field(default_factory=list)
    """Waivers the plan makes unused: the rebalanced model and ``--write`` drop them."""

    @property
    def feasible(self) -> bool:
        return not self.problems and not self.remaining

    def as_dict(self) -> dict[str, Any]:
        return {
            "model": self.model.title,
            "files": [document.name for document in self.model.documents],
            "feasible": self.feasible,
            "problems": list(self.problems),
            "remaining": list(self.remaining),
            "responsible": self.options.responsible,
            "changes": sum(len(new) for new in self.changes.values()),
            "moves": [move.as_dict() for move in self.moves],
            "load": [load.as_dict() for load in self.loads],
            "hhi": {"before": self.hhi[0], "after": self.hhi[1]},
            "effective_owners": {
                "before": self.effective_owners[0],
                "after": self.effective_owners[1],
            },
            "findings_fixed": [finding.as_dict() for finding in self.fixed],
            "findings_introduced": [finding.as_dict() for finding in self.introduced],
            "findings_changed": [
                {"before": before.as_dict(), "after": after.as_dict()}
                for before, after in self.changed
            ],
            "notes": list(self.notes),
        }

    @overload
    def apply(self, target: Model) -> Model: ...
    @overload
    def apply(self, target: str) -> str: ...
    def apply(self, target: Model | str) -> Model | str:
        """The rebalanced model, or the rebalanced text of the (single-file) model's YAML."""
        if isinstance(target, Model):
            if target is not self.model:
                raise ValueError("a plan applies to the model it was proposed for")
            return self.after
        if len(self.model.documents) != 1:
            raise RaciError("this model spans several files: use Plan.edited_files()")
        document = self.model.documents[0]
        return edit_text(target, document, self.model, self.changes, self.waivers)

    def edited_files(self, *, every: bool = False) -> list[tuple[Document, str]]:
        """Each file of the model with its new text: the changed ones, or ``every`` one."""
        touched = {id(self.model.activities[position].document) for position in self.changes}
        touched |= {id(waiver.holder(self.model)[0]) for waiver in self.waivers}
        edited = []
        for document in self.model.documents:
            if not every and id(document) not in touched:
                continue
            text = _read(document.path)
            if id(document) in touched:
                text = edit_text(text, document, self.model, self.changes, self.waivers)
            edited.append((document, text))
        return edited


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")  # as it is: keep \r\n line endings
    except OSError as error:
        raise RaciError(f"cannot read {path}: {error.strerror or error}") from None


def propose(
    model: Model, options: Options | None = None, *, layers: Sequence[Layer] | None = None
) -> Plan:
    """The fewest reassignments that clear overload in ``model`` (see :mod:`raci.rebalance`).

    ``layers`` are the settings below the command line, lowest first (default: what
    ``raci check`` discovers for the model's first file, then its ``rules:`` blocks).
    """
    options = options or Options()
    _check_names(model, options)
    stack = list(layers) if layers is not None else settings_layers(model)
    top = override_layer(options.max_accountable, options.max_share)
    found = limits(model, [*stack, *([top] if top else [])])
    owners = phases.accountable(model, found.accountable, options, found.phase_accountable)
    workers = (
        phases.responsible(
            model,
            found.responsible,
            found.capacity,
            options,
            found.phase_capacity,
            found.phase_responsible,
        )
        if options.responsible
        else phases.Phase()
    )
    problems = owners.problems + workers.problems
    changed: Changes = changes(model, owners.holders, workers.holders)
    after = apply_model(model, changed) if changed else model
    moves = find_moves(model, owners, workers)
    return _evaluate(model, after, options, found, problems, moves, changed, owners, workers)


def _check_names(model: Model, options: Options) -> None:
    titles = {activity.id: activity.name for activity in model.activities}
    for name in options.keep:
        if name not in titles:
            raise RaciError(f"--keep: no activity '{name}'{activity_hint(name, titles)}")
    names = {fid: function.name for fid, function in model.functions.items()}
    for name in options.never:
        if name not in model.functions:
            raise RaciError(f"--never: no function '{name}'{function_hint(name, names)}")


def _evaluate(
    model: Model,
    after: Model,
    options: Options,
    found: Limits,
    problems: list[str],
    moves: list[Move],
    changed: Changes,
    owners: phases.Phase,
    workers: phases.Phase,
) -> Plan:
    from raci.core.context import hhi
    from raci.engine import lint

    before_context = Context(model)
    before_findings, _ = lint(model, found.resolved, before_context)
    after_context = before_context.sharing_dependencies(after) if after is not model else None
    after_findings = (
        lint(after, found.resolved, after_context)[0] if after_context else before_findings
    )
    after_context = after_context or before_context
    unused = made_unused(before_context, after_context)
    after = without(after, unused)
    after_findings = [finding for finding in after_findings if not _cleared(finding, unused, model)]
    fixed, introduced, different = _difference(before_findings, after_findings)
    total = len(model.activities)
    indices = [
        hhi({fid: stats.accountable for fid, stats in context.stats.items()}, total)
        for context in (before_context, after_context)
    ]
    loads = []
    for fid, function in model.functions.items():
        old, new = before_context.stats[fid], after_context.stats[fid]
        a_limit, r_limit = found.accountable.get(fid), found.responsible.get(fid)
        loads.append(
            FunctionLoad(
                fid,
                function.name,
                (old.accountable, new.accountable),
                a_limit.count if a_limit else None,
                (old.responsible, new.responsible),
                r_limit.count if r_limit else None,
                (old.load, new.load),
                found.capacity.get(fid),
                _phase_loads(found, fid, before_context, after_context),
            )
        )
    notes = [*owners.notes, *workers.notes]
    for waiver in unused:
        _, _, holder = waiver.holder(model)
        notes.append(
            f"{holder} waives '{waiver.rule}', which the plan clears: the rebalanced model "
            "(and --write) drops the waiver"
        )
    if not options.responsible:
        worker = model.scheme.role_words(Role.WORKER)
        for rule in ("single-owner-overload", "capacity-overload"):
            left = list(
                dict.fromkeys(
                    f.function or ""
                    for f in after_findings
                    if f.rule == rule and f.function not in owners.over
                )
            )
            if rule == "capacity-overload":
                left = [_in_phases(fid, found, after_context) for fid in left]
            if left:
                notes.append(
                    f"{rule} remains for {join(left[:5], len(left) - 5)}: it is about "
                    f"{worker} work, which moves only with --responsible"
                )
    return Plan(
        model,
        after,
        options,
        problems,
        [*owners.remaining, *workers.remaining],
        moves,
        changed,
        loads,
        (indices[0], indices[1]),
        tuple(1 / index if index else 0.0 for index in indices),  # type: ignore[arg-type]
        fixed,
        introduced,
        different,
        notes,
        unused,
    )


def _in_phases(fid: str, found: Limits, context: Context) -> str:
    """``IC in launch and run``: a function with the phases it is over its capacity in."""
    over = [
        name
        for name, most in found.phase_capacity.get(fid, {}).items()
        if context.phase_stats[name][fid].load > most + 1e-9
    ]
    return f"{fid} in {join(over)}" if over else fid


def _phase_loads(found: Limits, fid: str, before: Context, after: Context) -> tuple[PhaseLoad, ...]:
    return tuple(
        PhaseLoad(
            name, (before.phase_stats[name][fid].load, after.phase_stats[name][fid].load), most
        )
        for name, most in found.phase_capacity.get(fid, {}).items()
    )


def _cleared(finding: Finding, unused: list[Waiver], model: Model) -> bool:
    """An ``unused-waiver`` finding about a waiver the plan drops."""
    if finding.rule != "unused-waiver":
        return False
    return any(
        finding.message.startswith(f"{waiver.holder(model)[2]} waives '{waiver.rule}',")
        for waiver in unused
    )


def _difference(
    before: list[Finding], after: list[Finding]
) -> tuple[list[Finding], list[Finding], list[tuple[Finding, Finding]]]:
    """Findings fixed, introduced, and about the same subject but saying something else."""
    from raci.engine import compare

    found = compare(before, after)
    return found.fixed, found.introduced, found.changed
