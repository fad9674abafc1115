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
from raci.core.suggest import function_hint, suggest
from raci.rebalance import phases
from raci.rebalance.apply import Changes, apply_model, changes
from raci.rebalance.edit import edit_text
from raci.rebalance.explain import join
from raci.rebalance.limits import Limits, limits, override_layer, settings_layers
from raci.rebalance.moves import Move, find_moves
from raci.rebalance.options import Options


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

    def as_dict(self) -> dict[str, Any]:
        return {
            "function": self.id,
            "name": self.name,
            "accountable": {"before": self.accountable[0], "after": self.accountable[1]},
            "accountable_limit": self.accountable_limit,
            "responsible": {"before": self.responsible[0], "after": self.responsible[1]},
            "responsible_limit": self.responsible_limit,
            "effort": {"before": self.effort[0], "after": self.effort[1]},
            "capacity": self.capacity,
        }


@dataclass
class Plan:
    """The result of :func:`propose`. ``feasible`` is false when ``problems`` names what
    stops every plan; then there are no moves and ``after`` is the model unchanged."""

    model: Model
    after: Model
    options: Options
    problems: list[str]
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

    @property
    def feasible(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "model": self.model.title,
            "files": [document.name for document in self.model.documents],
            "feasible": self.feasible,
            "problems": list(self.problems),
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
        if not self.feasible:
            raise RaciError("there is no plan to apply: " + "; ".join(self.problems))
        if isinstance(target, Model):
            if target is not self.model:
                raise ValueError("a plan applies to the model it was proposed for")
            return self.after
        if len(self.model.documents) != 1:
            raise RaciError("this model spans several files: use Plan.edited_files()")
        return edit_text(target, self.model.documents[0], self.model, self.changes)

    def edited_files(self, *, every: bool = False) -> list[tuple[Document, str]]:
        """Each file of the model with its new text: the changed ones, or ``every`` one."""
        if not self.feasible:
            raise RaciError("there is no plan to apply: " + "; ".join(self.problems))
        touched = {id(self.model.activities[position].document) for position in self.changes}
        edited = []
        for document in self.model.documents:
            if not every and id(document) not in touched:
                continue
            text = _read(document.path)
            if id(document) in touched:
                text = edit_text(text, document, self.model, self.changes)
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
    owners = phases.accountable(model, found.accountable, options)
    workers = (
        phases.responsible(model, found.responsible, found.capacity, options)
        if options.responsible
        else phases.Phase()
    )
    problems = owners.problems + workers.problems
    changed: Changes = {} if problems else changes(model, owners.holders, workers.holders)
    after = apply_model(model, changed) if changed else model
    moves: list[Move] = []
    if not problems:
        moves = find_moves(model, owners, workers)
    return _evaluate(model, after, options, found, problems, moves, changed, owners, workers)


def _check_names(model: Model, options: Options) -> None:
    ids = [activity.id for activity in model.activities]
    for name in options.keep:
        if name not in ids:
            raise RaciError(f"--keep: no activity '{name}'{suggest(name, ids)}")
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
    from raci.core.metrics import compute
    from raci.engine import lint

    before_context, after_context = Context(model), Context(after)
    before_findings, _ = lint(model, found.resolved)
    after_findings, _ = lint(after, found.resolved) if after is not model else (before_findings, 0)
    fixed, introduced, different = _difference(before_findings, after_findings)
    metrics = compute(before_context), compute(after_context) if after is not model else None
    first, second = metrics[0], metrics[1] or metrics[0]
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
            )
        )
    notes = [*owners.notes, *workers.notes]
    if not options.responsible and not problems:
        worker = model.scheme.role_words(Role.WORKER)
        for rule in ("single-owner-overload", "capacity-overload"):
            left = [f.function or "" for f in after_findings if f.rule == rule]
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
        moves,
        changed,
        loads,
        (first.hhi, second.hhi),
        (first.effective_owners, second.effective_owners),
        fixed,
        introduced,
        different,
        notes,
    )


def _difference(
    before: list[Finding], after: list[Finding]
) -> tuple[list[Finding], list[Finding], list[tuple[Finding, Finding]]]:
    """Findings fixed, introduced, and about the same subject but saying something else."""
    from raci.engine import compare

    found = compare(before, after)
    return found.fixed, found.introduced, found.changed
