"""How close a function is to its capacity, in three bands every renderer colours alike.

A chart coloured by band lets a sponsor see at once which function is within its
means, which is close to the edge and which is over it. The colours are in
:data:`raci.output.palette.BAND_COLOURS`.
"""

from __future__ import annotations

from typing import Literal, Protocol


class Used(Protocol):
    """Anything with a load against a capacity: a function, a function in one phase, a
    person."""

    @property
    def utilisation(self) -> float | None: ...


Band = Literal["within", "near", "over", "none"]

NEAR = 0.85
"""From this share of its capacity on, a function is near capacity."""

BAND_WORDS: dict[Band, str] = {
    "within": "within capacity",
    "near": f"near capacity ({NEAR:.0%} to 100%)",
    "over": "over capacity",
    "none": "no capacity set",
}


def band(function: Used) -> Band:
    """The band of a function (or a person); ``none`` when it has no capacity to compare
    with."""
    use = function.utilisation
    if use is None:
        return "none"
    if use > 1:
        return "over"
    return "near" if use >= NEAR else "within"
