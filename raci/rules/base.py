"""What a rule is: a code, a name, a default severity, typed settings and a check.

A rule's docstring is its documentation: a one-line summary, a rationale, then a
failing and a passing example, each a complete ownership file in a ``::`` block.
``raci explain`` prints it and the test suite checks that the examples do fail and pass.
"""

from __future__ import annotations

import inspect
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from raci.core.findings import SEVERITIES, Finding, Severity

if TYPE_CHECKING:
    from raci.core.context import Context
    from raci.core.loader import Document, LogicalPath
    from raci.core.model import Activity, Function
    from raci.core.views import Place


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


@dataclass(frozen=True, slots=True)
class Problem:
    """What a rule reports: a message and a logical place; the engine locates it."""

    message: str
    document: Document
    path: LogicalPath
    key: bool = False
    activity: Activity | None = None
    function: str | None = None
    place: Place | None = None
    """Where in a returned view (``raci merge``) the problem is, instead of the model."""

    def finding(self, code: str, rule: str, severity: Severity) -> Finding:
        """The located :class:`Finding` for this problem."""
        activity = self.activity.id if self.activity is not None else None
        if self.place is not None:
            at = self.place
            return Finding(
                code, rule, severity, self.message, at.file, at.line, at.column,
                activity, self.function, at.cell,
            )  # fmt: skip
        line, column = self.document.locate(self.path, key=self.key)
        return Finding(
            code, rule, severity, self.message, self.document.name, line, column,
            activity, self.function,
        )  # fmt: skip


def activity_problem(
    activity: Activity,
    message: str,
    *,
    at: LogicalPath = (),
    key: bool = False,
    function: str | None = None,
) -> Problem:
    """A problem about an activity, pointing at its first key or at ``at`` inside it.

    For one phase of an activity whose raci is given per phase, the message names the
    phase and the place is inside that phase's letters (its key, when ``at`` is empty).
    """
    stage = activity.stage
    if stage is not None:
        named = f"activity '{activity.id}'"
        message = message.replace(named, f"{named} in phase '{stage}'", 1)
        if not at:
            at, key = ("raci", stage), True
        elif at[0] == "raci":
            at = ("raci", stage, *at[1:])
    return Problem(message, activity.document, (*activity.path, *at), key, activity, function)


def function_problem(function: Function, message: str) -> Problem:
    """A problem about a function, pointing at its key under ``functions:``."""
    return Problem(message, function.document, function.path, True, None, function.id)


_EXAMPLE = re.compile(r"^(Failing|Passing) example::\n\n((?:    .*\n|\n)+)", re.MULTILINE)


class Rule(ABC):
    """Base class of every rule; subclasses set the class attributes and ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    subject: ClassVar[str]
    Settings: ClassVar[type[RuleSettings]] = RuleSettings

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
