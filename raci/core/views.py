"""Returned views of a matrix, and what merging them found: the data view rules read.

A *view* is one respondent's matrix (``raci survey`` hands one out per function or
person), aligned to the reference model: for each activity the respondent answered,
one label per reference function (``None`` where the cell was left blank, which means
"no role"). A row the respondent left wholly blank, or deleted, is *not answered* and
counts neither for nor against anyone.

These records live in the core so that rules (which import only the core) can read a
merge; :mod:`raci.views` computes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from raci.core.scheme import Scheme

NONE = "-"
"""How a blank ("no role") vote is spelled in counts and reports."""


@dataclass(frozen=True, slots=True)
class Place:
    """Where a value is in a view file: ``views/HR.xlsx:RACI!D7`` or ``HR.csv:7:4``."""

    file: str
    line: int
    column: int
    cell: str | None = None
    """``Sheet!D7`` in a workbook; None in a text file (``line:column`` then)."""

    def __str__(self) -> str:
        return f"{self.file}:{self.cell}" if self.cell else f"{self.file}:{self.line}:{self.column}"


@dataclass(slots=True, eq=False)
class View:
    """One respondent's answers, aligned to the reference functions and activities."""

    respondent: str
    function: str
    """The respondent's own function (its column is "self" in perception gaps)."""
    file: str
    rows: dict[str, tuple[str | None, ...]]
    """activity id -> one label per reference function (None = blank); answered rows only."""
    locate: Callable[[str, int], Place]
    """(activity id, function index) -> the cell's place; also for unanswered rows."""
    respondent_place: Place

    @property
    def label(self) -> str:
        """``Dana (HR)``; just ``HR`` when the respondent is named after the function."""
        return self.function if self.respondent == self.function else (
            f"{self.respondent} ({self.function})"
        )  # fmt: skip


@dataclass(slots=True)
class CellResult:
    """One activity x function cell across every view that answered the activity."""

    function: str
    counts: dict[str, int]
    """label (or :data:`NONE`) -> how many respondents gave it."""
    consensus: str | None
    """The agreed label; None when the consensus is "no role" or the cell is open."""
    open: bool
    """No consensus: a tie, or an A without a majority behind it."""

    @property
    def agreed(self) -> bool:
        return len(self.counts) <= 1


@dataclass(slots=True)
class ActivityResult:
    id: str
    name: str
    phase: str | None
    answered: list[int]
    """Indexes (into ``Merged.views``) of the views that answered this activity."""
    cells: list[CellResult]
    """One per reference function, in reference order."""
    alpha: float | None
    """Krippendorff's alpha (nominal) over this activity's cells; None when undefined."""
    agreement: float | None
    """Share of agreeing pairs of answers (plain percent agreement), 0..1."""
    owners: dict[str, list[int]] = field(default_factory=dict)
    """function -> indexes of the views that name it the owner (A)."""

    @property
    def disagreements(self) -> list[CellResult]:
        return [cell for cell in self.cells if not cell.agreed]

    @property
    def open_cells(self) -> list[CellResult]:
        return [cell for cell in self.cells if cell.open]


@dataclass(frozen=True, slots=True)
class Perception:
    """How a function sees its own role against how the others see it, per role."""

    function: str
    role: str
    """A :class:`~raci.core.scheme.Role` value: owner, worker, consulted, informed."""
    own: int | None
    """Activities where the function's own respondents (a majority of them) give it the
    role; None when nobody from the function answered."""
    others: int
    """Activities where a majority of the other respondents give it the role."""
    first_difference: str | None
    """The first activity (reference order) on which the two sides differ."""

    @property
    def gap(self) -> int | None:
        return None if self.own is None else self.others - self.own


@dataclass(slots=True)
class Merged:
    """Everything ``raci merge`` found, before any rendering."""

    scheme: Scheme
    functions: dict[str, str]
    """Reference function id -> display name, in reference order."""
    views: list[View]
    activities: list[ActivityResult]
    alpha: float | None
    agreement: float | None
    perception: list[Perception]
    title: str | None = None
    """The model's name, for report titles."""

    def answers(self, activity: ActivityResult, index: int) -> list[tuple[View, str]]:
        """Who gave which label on one cell (function ``index``), in view order."""
        views = self.views
        return [
            (views[number], views[number].rows[activity.id][index] or NONE)
            for number in activity.answered
        ]

    @property
    def contested(self) -> list[ActivityResult]:
        """Activities with any disagreement, most contested (lowest agreement) first."""
        found = [activity for activity in self.activities if activity.disagreements]
        return sorted(found, key=lambda a: a.agreement if a.agreement is not None else 1.0)
