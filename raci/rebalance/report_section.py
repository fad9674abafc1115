"""The report's "Recommendations" section: the rebalance plan, in plain blocks.

Registered in :data:`raci.report.SECTION_BUILDERS`; every report format renders it.
The plan moves the work too (``--responsible``), so it answers capacity overload as
well; when no plan exists, the section says which constraint binds, and when only the
accountability can move, it shows that plan.
"""

from __future__ import annotations

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
"""Above this the min-cost flow takes seconds; the report then points to the command."""


def recommendations(model: Model, context: Context, metrics: ModelMetrics) -> Section | None:
    """The fewest moves that clear overload, or why there are none; None when nothing is
    overloaded."""
    overloaded = any(
        function.utilisation is not None and function.utilisation > 1
        for function in metrics.functions
    )
    source = model.documents[0].name
    if len(model.activities) > MAX_ACTIVITIES:
        text = (
            f"This model has {len(model.activities):,} activities; run "
            f"'raci rebalance {source} --responsible' for the fewest reassignments that "
            "clear overload (the report leaves it out above "
            f"{MAX_ACTIVITIES:,} activities, where it takes seconds)."
        )
        return Section("recommendations", "Recommendations", [Paragraph(text)])
    plan = propose(model, Options(responsible=True))
    blocks: list[Paragraph | Table] = []
    if not plan.feasible:
        owners_only = propose(model, Options())
        blocks.append(Paragraph(f"Moving the work too: {headline(plan)}."))
        if not owners_only.feasible or not owners_only.moves:
            blocks.append(Paragraph(f"Moving only the accountability: {headline(owners_only)}."))
            return Section("recommendations", "Recommendations", blocks)
        plan = owners_only
    elif not plan.moves and not overloaded and not plan.fixed:
        return None
    blocks.append(Paragraph(headline(plan) + "."))
    if plan.moves:
        blocks += _plan_blocks(plan, source)
    return Section("recommendations", "Recommendations", blocks)


def _plan_blocks(plan: Plan, source: str) -> list[Paragraph | Table]:
    owner = plan.model.scheme.role_words(Role.OWNER)
    worker = plan.model.scheme.role_words(Role.WORKER)
    moves = Table(
        ["Activity", "Role", "From", "To", "Why"],
        [
            [
                move.activity,
                owner if move.role == "accountable" else worker,
                ", ".join(move.source) or "(nobody)",
                move.target,
                move.reason,
            ]
            for move in plan.moves
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
    flag = " --responsible" if plan.options.responsible else ""
    fixed = len(plan.fixed)
    apply = (
        f"The plan clears {fixed} finding{'s' if fixed != 1 else ''}. Apply it with "
        f"'raci rebalance {source}{flag} --write fixed.yaml', then review the change with "
        "'raci diff' before adopting it."
    )
    return [moves, concentration, Paragraph(apply)]
