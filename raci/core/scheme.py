"""Responsibility schemes: the letters a file may use and the role each letter plays.

Every rule, metric and report speaks in roles (who owns the outcome, who does the work,
who gives input, who is kept informed), never in letters, so RASCI, RACI-VS, DACI and
RAPID files get the same linting and graphs as RACI without special cases. A letter may
also carry a veto (RAPID's Agree): rules about vetoes read that flag, not the scheme name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


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
    veto: bool = False
    """The holder must agree before the outcome stands (RAPID's Agree)."""
    plural: str = ""
    """The word for several holders (``Approvers``) where it differs from ``word``."""

    def __str__(self) -> str:
        return f"{self.word} ({self.code})"

    def spelled(self, many: bool = False) -> str:
        return f"{self.plural or self.word} ({self.code})" if many else str(self)


@dataclass(frozen=True, slots=True)
class Assignment:
    """What one function holds on one activity: one letter, or the owner plus another."""

    label: str
    letters: tuple[str, ...]
    owner: bool
    worker: bool
    consulted: bool
    informed: bool
    veto: bool = False

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class Scheme:
    name: str
    title: str
    letters: tuple[Letter, ...]
    combinations: tuple[tuple[str, str], ...] = ()
    """(owner, other) letter pairs one function may hold together, written ``A/R``."""
    _table: dict[str, Assignment] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        table: dict[str, Assignment] = {}
        by_code = {letter.code: letter for letter in self.letters}
        for letter in self.letters:
            table[letter.code] = _assignment(letter.code, (letter,))
        for owner, other in self.combinations:
            if by_code[owner].role is not Role.OWNER or by_code[other].role is Role.OWNER:
                raise ValueError(f"{self.name}: {owner}/{other} must pair the owner with another")
            held = _assignment(f"{owner}/{other}", (by_code[owner], by_code[other]))
            for spelling in (f"{owner}/{other}", f"{other}/{owner}", owner + other, other + owner):
                table[spelling] = held
        object.__setattr__(self, "_table", table)

    def parse(self, text: str) -> Assignment | None:
        """The assignment ``text`` spells (case-insensitive), or None."""
        held = self._table.get(text)
        if held is None and isinstance(text, str):
            held = self._table.get(text.strip().upper())
        return held

    @property
    def assignments(self) -> list[Assignment]:
        """Every distinct assignment a cell of this scheme can hold."""
        return list(dict.fromkeys(self._table.values()))

    @property
    def spellings(self) -> list[str]:
        """The canonical labels a cell may hold, for messages and the JSON Schema."""
        return list(dict.fromkeys(held.label for held in self._table.values()))

    @property
    def accepted(self) -> list[str]:
        """Every upper-case spelling :meth:`parse` accepts (``A/R``, ``R/A``, ``AR``, ``RA``)."""
        return list(self._table)

    @property
    def vetoes(self) -> tuple[Letter, ...]:
        """The letters whose holder can block the outcome; empty in most schemes."""
        return tuple(letter for letter in self.letters if letter.veto)

    def headings(self) -> list[tuple[Role, str]]:
        """(role, column heading) for each role the scheme has letters for, in role order:
        ``A``, ``R/S``; a RAPID table heads its Decide counts ``D``, never ``A`` (Agree)."""
        return [
            (role, "/".join(letter.code for letter in letters))
            for role in Role
            if (letters := self.role_letters(role))
        ]

    def role_letters(self, role: Role) -> tuple[Letter, ...]:
        return tuple(letter for letter in self.letters if letter.role is role)

    def describe(self, *roles: Role, many: bool = False) -> str:
        """The roles in the scheme's own words: ``Accountable (A)``, ``Driver (D)``,
        ``Consulted (C), Verifier (V) or Signatory (S)``; ``many`` uses plurals."""
        return spell([letter for role in roles for letter in self.role_letters(role)], many)

    def role_words(self, role: Role) -> str:
        """The words of a role's letters, for column headers: ``Responsible/Supportive``."""
        return "/".join(letter.word for letter in self.role_letters(role))

    @property
    def combined(self) -> list[str]:
        """The combinations as written: ``["A/R", "A/S"]``."""
        return [f"{owner}/{other}" for owner, other in self.combinations]

    def legend(self) -> str:
        """``R Responsible, A Accountable, C Consulted, I Informed (combined: A/R)``."""
        letters = ", ".join(f"{letter.code} {letter.word}" for letter in self.letters)
        combined = ", ".join(self.combined)
        return f"{letters} (combined: {combined})" if combined else letters

    def as_dict(self) -> dict[str, Any]:
        """The scheme as data (``raci matrix --format json``)."""
        return {
            "name": self.name,
            "title": self.title,
            "letters": [
                {
                    "code": letter.code,
                    "word": letter.word,
                    "role": letter.role.value,
                    "meaning": letter.meaning,
                }
                for letter in self.letters
            ],
            "combined": self.combined,
        }


def spell(letters: list[Letter] | tuple[Letter, ...], many: bool = False) -> str:
    """``A (x)``, ``A (x) or B (y)``, ``A (x), B (y) or C (z)``."""
    words = [letter.spelled(many) for letter in letters]
    if len(words) < 3:
        return " or ".join(words)
    return f"{', '.join(words[:-1])} or {words[-1]}"


def _assignment(label: str, letters: tuple[Letter, ...]) -> Assignment:
    roles = {letter.role for letter in letters}
    return Assignment(
        label=label,
        letters=tuple(letter.code for letter in letters),
        owner=Role.OWNER in roles,
        worker=Role.WORKER in roles,
        consulted=Role.CONSULTED in roles,
        informed=Role.INFORMED in roles,
        veto=any(letter.veto for letter in letters),
    )


_R = Letter("R", "Responsible", Role.WORKER, "does the work")
_A = Letter("A", "Accountable", Role.OWNER, "owns the outcome and signs it off; exactly one")
_C = Letter("C", "Consulted", Role.CONSULTED, "gives input before the work is done")
_I = Letter("I", "Informed", Role.INFORMED, "is kept up to date")

_SUPPORTIVE = Letter("S", "Supportive", Role.WORKER, "helps the R do the work")
_VERIFIER = Letter(
    "V", "Verifier", Role.CONSULTED, "checks the result against criteria", plural="Verifiers"
)
_SIGNATORY = Letter(
    "S", "Signatory", Role.CONSULTED, "authorises the result formally", plural="Signatories"
)
_DRIVER = Letter("D", "Driver", Role.WORKER, "drives the decision to a close", plural="Drivers")
_APPROVER = Letter(
    "A", "Approver", Role.OWNER, "makes the final call; exactly one", plural="Approvers"
)
_CONTRIBUTOR = Letter(
    "C", "Contributor", Role.CONSULTED, "gives expertise; has no vote", plural="Contributors"
)
_RECOMMEND = Letter("R", "Recommend", Role.WORKER, "does most of the work: the proposal")
_AGREE = Letter("A", "Agree", Role.CONSULTED, "must agree: holds a veto", veto=True)
_PERFORM = Letter("P", "Perform", Role.WORKER, "carries the decision out")
_INPUT = Letter("I", "Input", Role.CONSULTED, "is asked for facts and views")
_DECIDE = Letter("D", "Decide", Role.OWNER, "makes the decision; exactly one")

SCHEMES: dict[str, Scheme] = {
    scheme.name: scheme
    for scheme in (
        Scheme("raci", "RACI", (_R, _A, _C, _I), (("A", "R"),)),
        Scheme("rasci", "RASCI", (_R, _A, _SUPPORTIVE, _C, _I), (("A", "R"),)),
        Scheme(
            "raci-vs", "RACI-VS", (_R, _A, _C, _I, _VERIFIER, _SIGNATORY), (("A", "R"), ("A", "S"))
        ),
        Scheme("daci", "DACI", (_DRIVER, _APPROVER, _CONTRIBUTOR, _I), (("A", "D"),)),
        Scheme("rapid", "RAPID", (_RECOMMEND, _AGREE, _PERFORM, _INPUT, _DECIDE), (("D", "P"),)),
    )
}
DEFAULT_SCHEME = "raci"
