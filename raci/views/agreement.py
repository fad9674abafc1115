"""How much the respondents agree: Krippendorff's alpha (nominal) and percent agreement.

Both read *units*: for each cell (activity x function) the counts of each value the
respondents gave it. A blank cell in an answered row is a value ("no role"); a row
the respondent did not answer gives no value, as alpha's missing data. Units with
fewer than two values cannot be paired and are left out, as Krippendorff does.

Alpha, nominal, from the coincidence matrix in closed form: with ``m_u`` values in
unit ``u``, ``n_uc`` of them equal to ``c``, ``n`` values in all and ``n_c`` of value c::

    alpha = 1 - (n - 1) * sum_u (m_u^2 - sum_c n_uc^2) / (m_u - 1)
                        / (n^2 - sum_c n_c^2)

It is undefined (None) when there is nothing to pair, or when every value is the same
(no expected disagreement): then percent agreement, which is 1.0, says it all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


class Tally:
    """Running sums for alpha and percent agreement over any number of units."""

    __slots__ = ("agreeing", "observed", "pairs", "totals", "values")

    def __init__(self) -> None:
        self.values = 0
        self.observed = 0.0
        self.pairs = 0
        self.agreeing = 0
        self.totals: dict[str, int] = {}

    def add(self, counts: Mapping[str, int]) -> None:
        """Add one unit: value -> how many respondents gave it."""
        m = sum(counts.values())
        if m < 2:
            return
        squares = 0
        totals = self.totals
        for value, count in counts.items():
            squares += count * count
            totals[value] = totals.get(value, 0) + count
        self.values += m
        self.observed += (m * m - squares) / (m - 1)
        self.pairs += m * (m - 1) // 2
        self.agreeing += (squares - m) // 2

    def merge(self, other: Tally) -> None:
        self.values += other.values
        self.observed += other.observed
        self.pairs += other.pairs
        self.agreeing += other.agreeing
        for value, count in other.totals.items():
            self.totals[value] = self.totals.get(value, 0) + count

    @property
    def alpha(self) -> float | None:
        n = self.values
        expected = n * n - sum(count * count for count in self.totals.values())
        if n < 2 or expected == 0:
            return None
        return 1.0 - (n - 1) * self.observed / expected

    @property
    def agreement(self) -> float | None:
        """Agreeing pairs of answers over all pairs within units."""
        return self.agreeing / self.pairs if self.pairs else None


def alpha(units: Iterable[Iterable[str | None]]) -> float | None:
    """Krippendorff's alpha (nominal) of units given as the values each coder gave
    (``None`` = missing), the shape reliability data is usually written in."""
    tally = Tally()
    for unit in units:
        counts: dict[str, int] = {}
        for value in unit:
            if value is not None:
                counts[value] = counts.get(value, 0) + 1
        tally.add(counts)
    return tally.alpha
