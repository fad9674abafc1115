"""Responsibility schemes: the letters a file may use and the role each letter plays.

Every rule, metric and report speaks in roles (who owns the outcome, who does the work,
who gives input, who is kept informed), never in letters, so RASCI, RACI-VS, DACI and
RAPID files get the same linting and graphs as RACI without special cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Role(Enum):
    OWNER = "owner"  # owns the outcome: exactly one per activity
    WORKER = "worker"  # does the work
    CONSULTED = "consulted"  # gives input before the work is done
    INFORMED = "informed"  # is kept up to date


@dataclass(frozen=True, slots=True)
class Letter:
    code: str
    word: str
    role: Role
    meaning: str

    def __str__(self) -> str:
        return f"{self.word} ({self.code})"


@dataclass(frozen=True, slots=True)
class Assignment:
    """What one function holds on one activity: one letter, or owner plus worker."""

    label: str
    letters: tuple[str, ...]
    owner: bool
    worker: bool
    consulted: bool
    informed: bool

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class Scheme:
    name: str
    title: str
    letters: tuple[Letter, ...]
    combinations: tuple[tuple[str, str], ...] = ()
    """(owner, worker) pairs one function may hold together, written ``A/R``."""
    _table: dict[str, Assignment] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        table: dict[str, Assignment] = {}
        by_code = {letter.code: letter for letter in self.letters}
        for letter in self.letters:
            table[letter.code] = _assignment(letter.code, (letter,))
        for owner, worker in self.combinations:
            held = _assignment(f"{owner}/{worker}", (by_code[owner], by_code[worker]))
            for spelling in (f"{owner}/{worker}", f"{worker}/{owner}", owner + worker):
                table[spelling] = held
            table[worker + owner] = held
        object.__setattr__(self, "_table", table)

    def parse(self, text: str) -> Assignment | None:
        """The assignment ``text`` spells (case-insensitive), or None."""
        held = self._table.get(text)
        if held is None and isinstance(text, str):
            held = self._table.get(text.strip().upper())
        return held

    @property
    def spellings(self) -> list[str]:
        """The canonical labels a cell may hold, for messages and the JSON Schema."""
        return list(dict.fromkeys(held.label for held in self._table.values()))

    def role_letters(self, role: Role) -> tuple[Letter, ...]:
        return tuple(letter for letter in self.letters if letter.role is role)

    def describe(self, role: Role) -> str:
        """The role in the scheme's own words: ``Accountable (A)``."""
        return " or ".join(str(letter) for letter in self.role_letters(role))


def _assignment(label: str, letters: tuple[Letter, ...]) -> Assignment:
    roles = {letter.role for letter in letters}
    return Assignment(
        label=label,
        letters=tuple(letter.code for letter in letters),
        owner=Role.OWNER in roles,
        worker=Role.WORKER in roles,
        consulted=Role.CONSULTED in roles,
        informed=Role.INFORMED in roles,
    )


_R = Letter("R", "Responsible", Role.WORKER, "does the work")
_A = Letter("A", "Accountable", Role.OWNER, "owns the outcome and signs it off; exactly one")
_C = Letter("C", "Consulted", Role.CONSULTED, "gives input before the work is done")
_I = Letter("I", "Informed", Role.INFORMED, "is kept up to date")

SCHEMES: dict[str, Scheme] = {
    scheme.name: scheme
    for scheme in (
        Scheme("raci", "RACI", (_R, _A, _C, _I), (("A", "R"),)),
        Scheme(
            "rasci",
            "RASCI",
            (_R, _A, Letter("S", "Supportive", Role.WORKER, "helps do the work"), _C, _I),
            (("A", "R"),),
        ),
        Scheme(
            "raci-vs",
            "RACI-VS",
            (
                _R,
                _A,
                _C,
                _I,
                Letter("V", "Verifier", Role.CONSULTED, "checks the result against criteria"),
                Letter("S", "Signatory", Role.CONSULTED, "signs the result off formally"),
            ),
            (("A", "R"),),
        ),
        Scheme(
            "daci",
            "DACI",
            (
                Letter("D", "Driver", Role.WORKER, "drives the work and the decision forward"),
                Letter("A", "Approver", Role.OWNER, "makes the final call; exactly one"),
                Letter("C", "Contributor", Role.WORKER, "does part of the work"),
                _I,
            ),
            (("A", "D"),),
        ),
        Scheme(
            "rapid",
            "RAPID",
            (
                Letter("R", "Recommend", Role.CONSULTED, "proposes the decision"),
                Letter("A", "Agree", Role.CONSULTED, "must agree: holds a veto"),
                Letter("P", "Perform", Role.WORKER, "carries the decision out"),
                Letter("I", "Input", Role.CONSULTED, "is asked for facts and views"),
                Letter("D", "Decide", Role.OWNER, "makes the decision; exactly one"),
            ),
            (("D", "P"),),
        ),
    )
}
DEFAULT_SCHEME = "raci"
