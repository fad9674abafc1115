"""What a rule is, and the catalogue of rules the model layer is given.

The model layer validates ``waive:`` entries and ``rules:`` blocks and resolves settings
against a :class:`Catalogue` it is handed (``raci.rules.CATALOGUE``); it never imports
the rules themselves, which import this layer. A rule's docstring is its documentation: a
one-line summary, a rationale, then a failing and a passing example, each a complete
ownership file in a ``::`` block.
"""

from __future__ import annotations

import inspect
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from raci.core.findings import SEVERITIES, Problem, Severity

if TYPE_CHECKING:
    from raci.core.context import Context


class RuleSettings(BaseModel):
    """Settings every rule takes; rules with thresholds subclass this.

    In a ``rules:`` block a rule takes ``off`` (or ``false``), ``on``, a severity
    (``error``, ``warning``, ``info``) or a mapping of settings.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = Field(True, description="false (or the shorthand 'off') disables the rule")
    severity: Severity | None = Field(None, description="overrides the default severity")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if value is False or value == "off":
            return {"enabled": False}
        if value is True or value == "on":
            return {"enabled": True}
        if isinstance(value, str) and value in SEVERITIES:
            return {"severity": value}
        return value


_EXAMPLE = re.compile(r"^(Failing|Passing) example::\n\n((?:    .*\n|\n)+)", re.MULTILINE)


class Rule(ABC):
    """Base class of every rule; subclasses set the class attributes and ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    subject: ClassVar[str]
    Settings: ClassVar[type[RuleSettings]] = RuleSettings
    runs_last: ClassVar[bool] = False
    """True for a rule that reads what the others did (``unused-waiver``): it runs after
    every other rule."""

    @abstractmethod
    def check(self, context: Context, settings: Any) -> Iterator[Problem]:
        """Yield a :class:`Problem` for every violation in ``context.model``."""

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "") + "\n"

    @classmethod
    def summary(cls) -> str:
        return cls.doc().split("\n", 1)[0].strip()

    @classmethod
    def rationale(cls) -> str:
        body = cls.doc().split("\n", 1)[1]
        return body.split("Failing example::", 1)[0].strip()

    @classmethod
    def examples(cls) -> dict[str, str]:
        """``{"failing": yaml, "passing": yaml}`` from the docstring."""
        found = {}
        for kind, block in _EXAMPLE.findall(cls.doc()):
            found[kind.lower()] = inspect.cleandoc("\n" + block) + "\n"
        return found

    @classmethod
    def settings_help(cls) -> list[tuple[str, object, str]]:
        """(name, default, description) of each rule-specific setting."""
        return [
            (name, field.default, field.description or "")
            for name, field in cls.Settings.model_fields.items()
            if name not in RuleSettings.model_fields
        ]


class Catalogue:
    """The rules, keyed by name in code order; a rule is named by its name or its code.

    Building one refuses a code or a name used twice, or a retired code used again.
    """

    def __init__(self, rules: Iterable[type[Rule]], retired: dict[str, str] | None = None) -> None:
        self.by_name: dict[str, type[Rule]] = {}
        self.by_code: dict[str, type[Rule]] = {}
        self.retired = dict(retired or {})
        for rule in sorted(rules, key=lambda rule: rule.code):
            if rule.code in self.by_code or rule.name in self.by_name:
                raise ValueError(f"rule {rule.code} {rule.name}: its code or name is taken")
            if rule.code in self.retired:
                raise ValueError(f"rule {rule.code} {rule.name}: {rule.code} is retired")
            self.by_name[rule.name] = rule
            self.by_code[rule.code] = rule

    def resolve(self, name_or_code: str) -> type[Rule] | None:
        """The rule named by its name or its code (codes are case-insensitive)."""
        return self.by_name.get(name_or_code) or self.by_code.get(name_or_code.upper())

    def __iter__(self) -> Iterator[type[Rule]]:
        return iter(self.by_name.values())

    def __len__(self) -> int:
        return len(self.by_name)
