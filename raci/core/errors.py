"""The one exception type users see, caught once at the command-line edge."""

from __future__ import annotations


class RaciError(Exception):
    """A problem with the user's input or options: one clear message, then exit 2.

    ``location`` is ``file:line:column`` (or as much of it as is known) and is printed
    in front of the message so every input error names where it is.
    """

    def __init__(self, message: str, *, location: str | None = None, exit_code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.exit_code = exit_code

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message
