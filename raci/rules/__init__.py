"""The rule catalogue: every rule, keyed by name, in code order.

Codes are stable and never reused; both the code and the name select a rule.
"""

from __future__ import annotations

from raci.rules.accountability_concentration import AccountabilityConcentration
from raci.rules.base import Rule
from raci.rules.bridge_function import BridgeFunction
from raci.rules.capacity_overload import CapacityOverload
from raci.rules.contested_accountable import ContestedAccountable
from raci.rules.dependency_cycle import DependencyCycle
from raci.rules.duplicate_id import DuplicateId
from raci.rules.handover_without_overlap import HandoverWithoutOverlap
from raci.rules.idle_function import IdleFunction
from raci.rules.low_agreement import LowAgreement
from raci.rules.missing_accountable import MissingAccountable
from raci.rules.missing_responsible import MissingResponsible
from raci.rules.multiple_accountable import MultipleAccountable
from raci.rules.orphaned_after_phase import OrphanedAfterPhase
from raci.rules.ownership_churn import OwnershipChurn
from raci.rules.self_view_gap import SelfViewGap
from raci.rules.single_owner_overload import SingleOwnerOverload
from raci.rules.sole_owner import SoleOwner
from raci.rules.too_many_consulted import TooManyConsulted
from raci.rules.too_many_responsible import TooManyResponsible
from raci.rules.too_many_vetoes import TooManyVetoes
from raci.rules.unclaimed_activity import UnclaimedActivity
from raci.rules.unknown_dependency import UnknownDependency
from raci.rules.unknown_function import UnknownFunction
from raci.rules.unused_function import UnusedFunction
from raci.rules.unused_waiver import UnusedWaiver

_RULES: tuple[type[Rule], ...] = (
    MissingAccountable,
    MultipleAccountable,
    MissingResponsible,
    UnknownFunction,
    DuplicateId,
    UnknownDependency,
    DependencyCycle,
    SingleOwnerOverload,
    CapacityOverload,
    SoleOwner,
    BridgeFunction,
    AccountabilityConcentration,
    TooManyConsulted,
    TooManyResponsible,
    IdleFunction,
    UnusedFunction,
    UnusedWaiver,
    TooManyVetoes,
    ContestedAccountable,
    UnclaimedActivity,
    SelfViewGap,
    LowAgreement,
    HandoverWithoutOverlap,
    OrphanedAfterPhase,
    OwnershipChurn,
)

REGISTRY: dict[str, type[Rule]] = {rule.name: rule for rule in _RULES}
BY_CODE: dict[str, type[Rule]] = {rule.code: rule for rule in _RULES}


def resolve_rule(name_or_code: str) -> type[Rule] | None:
    """The rule a user named by its name or its code (codes are case-insensitive)."""
    return REGISTRY.get(name_or_code) or BY_CODE.get(name_or_code.upper())
