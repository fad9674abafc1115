"""Letter cells as people write them: ``A/R``, ``R/A``, ``AR``, ``A, R``, ``A+R``, ``a / r``.

Case and spaces never matter, and ``/``, ``,``, ``+``, ``&`` and ``;`` all join two
letters. House letters (``Lead``, ``x``) are read only when ``--letter Lead=A`` maps
them; anything else a scheme lacks is refused at its cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from raci.core.errors import RaciError
from raci.core.scheme import SCHEMES, Scheme

_JOIN = re.compile(r"\s*[/,+&;]\s*")
_SHORT = re.compile(r"[A-Za-z]{1,10}(?:\s*[/,+&;]\s*[A-Za-z]{1,10})?")
"""What a cell of a letter column looks like, whatever the scheme: one short word, or two."""


def normal(text: str) -> str:
    """``a / r`` -> ``A/R``; ``A, R`` -> ``A/R``; `` ar `` -> ``AR``."""
    return _JOIN.sub("/", text.strip()).replace(" ", "").upper()


def letter_like(text: str) -> bool:
    """Short enough to be meant as a letter (so a wrong one is refused, not kept as text)."""
    return bool(_SHORT.fullmatch(text.strip()))


@cache
def _any_scheme() -> frozenset[str]:
    return frozenset(spelling for scheme in SCHEMES.values() for spelling in scheme.accepted)


def is_letter(text: str, house: Mapping[str, str]) -> bool:
    """A letter of some scheme, or a house letter ``--letter`` maps."""
    spelled = normal(text)
    return spelled in _any_scheme() or spelled in house


def read_letter(text: str, scheme: Scheme, house: Mapping[str, str]) -> str | None:
    """The canonical label ``text`` spells in ``scheme`` (``house`` letters mapped first);
    ``""`` for a house letter mapped to nothing; None when it is no letter of the scheme."""
    spelled = normal(text)
    spelled = house.get(spelled, spelled)
    if spelled == "":
        return ""
    held = scheme.parse(spelled)
    return held.label if held is not None else None


def house_letters(options: Iterable[str]) -> dict[str, str]:
    """``--letter Lead=A`` options as {``LEAD``: ``A``}; ``--letter -=`` reads ``-`` as
    no letter. The right side is checked against the scheme once it is known."""
    mapped: dict[str, str] = {}
    for option in options:
        house, sep, letter = option.partition("=")
        if not sep or not house.strip():
            raise RaciError(
                f"--letter '{option}': write HOUSE=LETTER, such as --letter Lead=A "
                "(or --letter -= to read '-' as no letter)"
            )
        mapped[normal(house)] = normal(letter)
    return mapped


def check_house(house: Mapping[str, str], scheme: Scheme) -> None:
    """Every ``--letter`` maps to a letter of ``scheme`` (or to nothing)."""
    for spelled, letter in house.items():
        if letter and scheme.parse(letter) is None:
            allowed = ", ".join(scheme.spellings)
            raise RaciError(
                f"--letter {spelled}={letter}: '{letter}' is not a {scheme.title} letter: "
                f"use one of {allowed}"
            )
