"""Load and concentration within each phase of a phased model (``raci load``, reports)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from raci.core.context import hhi

if TYPE_CHECKING:
    from raci.core.context import Context


@dataclass(frozen=True, slots=True)
class PhaseLoad:
    """What one function carries within one phase."""

    id: str
    accountable: int
    responsible: int
    load: float
    capacity: float | None
    """The capacity given for this phase (``capacity: {launch: 6}``), else None."""
    accountable_share: float
    """Activities of the phase where the function is A, divided by the phase's activities."""

    @property
    def utilisation(self) -> float | None:
        return self.load / self.capacity if self.capacity else None

    @property
    def over(self) -> bool:
        return self.capacity is not None and self.load > self.capacity + 1e-9


@dataclass(frozen=True, slots=True)
class PhaseMetrics:
    """Load and concentration within one phase, functions in file order."""

    phase: str
    activities: int
    hhi: float
    functions: list[PhaseLoad]


def phase_metrics(context: Context) -> list[PhaseMetrics]:
    """Load, accountability shares and HHI within each phase of the model."""
    functions = context.model.functions
    found = []
    for phase, by_function in context.phase_stats.items():
        total = len(context.phase_activities[phase])
        rows = [
            PhaseLoad(
                id=fid,
                accountable=stats.accountable,
                responsible=stats.responsible,
                load=stats.load,
                capacity=functions[fid].phase_capacity.get(phase),
                accountable_share=stats.accountable / total if total else 0.0,
            )
            for fid, stats in by_function.items()
        ]
        owned = {fid: stats.accountable for fid, stats in by_function.items()}
        found.append(PhaseMetrics(phase, total, hhi(owned, total), rows))
    return found
