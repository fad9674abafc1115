"""Which scheme a spreadsheet's letters are written in, when ``--scheme`` does not say.

The schemes are tried in the order of :data:`ORDER`, and the first in which every letter
cell reads wins:

- ``raci`` first, because it is the most common, and its letters are a subset of RASCI's
  and RACI-VS's: a sheet of R, A, C and I is RACI (a RASCI model without S has the same
  metrics and findings anyway).
- Then the letters only some schemes have decide. ``S`` alone is RASCI's Supportive,
  the more common reading of S; a ``V`` or an ``A/S`` makes it RACI-VS (Verifier,
  Signatory). ``D`` with ``C`` is DACI; ``D`` with ``R`` or ``P`` is RAPID. DACI comes
  before RAPID, so a sheet of D, A and I alone reads as Driver, Approver and Informed;
  a usable RAPID sheet always has someone doing the work (R or P), and so never reads
  as DACI.

When no scheme reads every cell, the one that reads the most wins (ties in the same
order): the cells it cannot read are the user's mistakes, reported in its words.
A workbook ``raci export`` wrote names its scheme, which is then tried first.
"""

from __future__ import annotations

from collections.abc import Sequence

from raci.core.scheme import SCHEMES, Scheme

ORDER = tuple(SCHEMES)
"""Every scheme, in the order of the one table of schemes."""


def recognise(cells: Sequence[str | None], declared: str | None = None) -> Scheme:
    """The scheme for these letter cells (``None`` for a cell that is no text, such as a
    number: it reads in no scheme); ``declared`` is tried first when it is a scheme."""
    names = [name for name in ORDER if name != declared]
    if declared in SCHEMES:
        names.insert(0, declared)
    best, most = SCHEMES[names[0]], -1
    for name in names:
        scheme = SCHEMES[name]
        read = sum(1 for cell in cells if cell is not None and scheme.parse(cell) is not None)
        if read == len(cells):
            return scheme
        if read > most:
            best, most = scheme, read
    return best
