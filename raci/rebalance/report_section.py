"""The report's "Recommendations" section: what to do, led by the rebalance plan.

Registered in :data:`raci.report.SECTION_BUILDERS`; every report format renders it.
The plan moves the work too (``--responsible``), so it answers capacity overload as
well. It leads with the moves, then the load and concentration before and after, then
what the plan cannot clear and why, then the command that applies it (one that works as
printed, for a file or a directory model). "No plan" is said only when nothing at all
can move.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING

from raci.core.scheme import Role
from raci.output.rebalance import headline
from raci.rebalance.options import Options
from raci.rebalance.plan import propose
from raci.report.data import Paragraph, Section, Table

if TYPE_CHECKING:
    from raci.core.context import Context
    from raci.core.metrics import ModelMetrics
    from raci.core.model import Model
    from raci.rebalance.plan import Plan

MAX_ACTIVITIES = 2_000
"""Above this the plan takes seconds; the report then points to the command."""


def recommendations(model: Model, context: Context, metrics: ModelMetrics) -> Section | None:
    """The plan that clears overload (or leaves the least of it); None when nothing is
    overloaded."""
    overloaded = any(
        function.utilisation is not None and function.utilisation > 1
        for function in metrics.functions
    )
    if len(model.activities) > MAX_ACTIVITIES:
        text = (
            f"This model has {len(model.activities):,} activities; run "
            f"'{command(model, ['--responsible'])}' for the fewest reassignments that "
            "clear overload (the report leaves it out above "
            f"{MAX_ACTIVITIES:,} activities, where it takes seconds)."
        )
        return Section("recommendations", "Recommendations", [Paragraph(text)])
    plan = propose(model, Options(responsible=True))
    if not plan.moves:
        if plan.feasible and not overloaded and not plan.fixed:
            return None
        return Section("recommendations", "Recommendations", [Paragraph(headline(plan) + ".")])
    blocks: list[Paragraph | Table] = [Paragraph(headline(plan) + ".")]
    blocks += _plan_blocks(plan)
    if plan.remaining:
        left = "; ".join(plan.remaining)
        why = " ".join(f"{problem[:1].upper()}{problem[1:]}." for problem in plan.problems)
        blocks.append(Paragraph(f"What the plan cannot clear: {left}. {why}".rstrip()))
    fixed = len(plan.fixed)
    blocks.append(
        Paragraph(
            f"The plan clears {fixed} finding{'s' if fixed != 1 else ''}. Apply it with "
            f"'{command(model, ['--responsible'], write=True)}', then review the change "
            "with 'raci diff' before adopting it."
        )
    )
    return Section("recommendations", "Recommendations", blocks)


def command(model: Model, options: list[str], *, write: bool = False) -> str:
    """``raci rebalance`` on the model's own path (the file or directory the report
    read), writing next to it where ``write``: a command that runs as printed."""
    source = model.source or model.documents[0].name
    words = ["raci", "rebalance", source, *options]
    if write:
        words += ["--write", _target(source)]
    return shlex.join(words)


def _target(source: str) -> str:
    """Where to write: ``fixed.yaml`` for a file, a sibling ``NAME-fixed`` directory for
    a directory (never inside it, which ``--write`` refuses)."""
    path = Path(source)
    if not path.is_dir():
        return "rebalanced.yaml" if path.name == "fixed.yaml" else "fixed.yaml"
    here = Path.cwd().resolve()
    folder = path.resolve()
    name = f"{folder.name or 'model'}-fixed"
    if here == folder or folder in here.parents:
        return Path(*[".."] * (len(here.parts) - len(folder.parts) + 1), name).as_posix()
    return (path.parent / name).as_posix()


def _plan_blocks(plan: Plan) -> list[Paragraph | Table]:
    owner = plan.model.scheme.role_words(Role.OWNER)
    worker = plan.model.scheme.role_words(Role.WORKER)
    moves = Table(
        ["Activity", "Role", "From", "To", "Why"],
        [
            [
                move.label,
                owner if move.role == "accountable" else worker,
                ", ".join(move.source) or "(nobody)",
                move.target,
                move.reason,
            ]
            for move in plan.moves
        ],
    )
    load = Table(
        [
            *("Function", f"{owner} before", "after", "limit"),
            *(f"{worker} before", "after", "limit", "Effort before", "after", "capacity"),
        ],
        [
            [
                item.id,
                str(item.accountable[0]),
                str(item.accountable[1]),
                _maybe(item.accountable_limit),
                str(item.responsible[0]),
                str(item.responsible[1]),
                _maybe(item.responsible_limit),
                f"{item.effort[0]:g}",
                f"{item.effort[1]:g}",
                "per phase" if item.phases else _maybe(item.capacity),
            ]
            for item in plan.loads
        ],
    )
    phases = Table(
        ["Function", "Phase", "Effort before", "after", "capacity"],
        [
            [item.id, phase.phase, *(f"{figure:g}" for figure in (*phase.effort, phase.capacity))]
            for item in plan.loads
            for phase in item.phases
        ],
    )
    concentration = Table(
        ["", "Before", "After"],
        [
            ["HHI", f"{plan.hhi[0]:.3f}", f"{plan.hhi[1]:.3f}"],
            [
                "Effective owners",
                f"{plan.effective_owners[0]:.1f}",
                f"{plan.effective_owners[1]:.1f}",
            ],
        ],
    )
    return [moves, load, *([phases] if phases.rows else []), concentration]


def _maybe(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"
