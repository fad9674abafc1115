"""The rule catalogue: every module of this package but ``base`` and ``catalogue`` holds
one rule, found here by itself; adding a rule is adding its module (and its case file
under ``tests/rules/cases/``).

Codes are stable and never reused: a rule that is removed leaves its code in
:data:`RETIRED`. Both the code and the name select a rule.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module

from raci.core.catalogue import Catalogue, Rule

NOT_RULES = frozenset({"base", "catalogue"})
"""Modules of this package that hold no rule."""

RETIRED: dict[str, str] = {}
"""Codes of rules that were removed -> the name they had. None so far; never reuse one."""


def rule_modules() -> list[str]:
    """The names of this package's rule modules, sorted."""
    return sorted(
        info.name for info in pkgutil.iter_modules(__path__) if info.name not in NOT_RULES
    )


def _rules_of(module_name: str) -> list[type[Rule]]:
    module = import_module(f"{__name__}.{module_name}")
    return [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, Rule)
        and value is not Rule
        and value.__module__ == module.__name__
        and "code" in vars(value)
    ]


RULES_BY_MODULE: dict[str, list[type[Rule]]] = {name: _rules_of(name) for name in rule_modules()}
"""Each rule module -> the rules it defines (one each: a test holds every module to it)."""

CATALOGUE = Catalogue((rule for rules in RULES_BY_MODULE.values() for rule in rules), RETIRED)
REGISTRY: dict[str, type[Rule]] = CATALOGUE.by_name
BY_CODE: dict[str, type[Rule]] = CATALOGUE.by_code


def resolve_rule(name_or_code: str) -> type[Rule] | None:
    """The rule a user named by its name or its code (codes are case-insensitive)."""
    return CATALOGUE.resolve(name_or_code)
