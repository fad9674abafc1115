"""The one exception type users see, caught once at the command-line edge."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from raci.core.findings import Finding


EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
"""The exit codes of every command (SPEC section 3): success, findings, unusable input
or options, a bug in raci."""


class RaciError(Exception):
    """A problem with the user's input or options: one clear message, then exit 2.

    ``location`` is ``file:line:column`` (or as much of it as is known) and is printed
    in front of the message so every input error names where it is.
    """

    def __init__(
        self, message: str, *, location: str | None = None, exit_code: int = EXIT_INPUT
    ) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.exit_code = exit_code

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class InputError(RaciError):
    """The input cannot be used; ``findings`` (``parse-error``/``schema-error``) say where.

    Commands print the findings as ``raci check`` prints them, one line each, and exit 2.
    """

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        first = self.findings[0] if self.findings else None
        super().__init__(first.message if first else "the input cannot be used")
        self.location = first.location if first else None
