"""The reference a merge aligns every view to: the scheme, the functions, the activities.

It is the ``--model`` the survey was made from when one is given (its efforts,
dependencies, capacities and waivers then carry into the consensus), else the first
view read: a survey workbook lists every activity and function of the model.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from raci.sheets.layout import slugify

if TYPE_CHECKING:
    from raci.core.model import Model
    from raci.core.scheme import Scheme


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    name: str
    phase: str | None = None
    description: str | None = None


@dataclass(slots=True)
class Reference:
    scheme: Scheme
    functions: dict[str, str]
    """function id -> display name, in order."""
    activities: list[Entry]
    source: str
    """Where it comes from (the model's path, or the first view's)."""
    model: Model | None = None
    title: str | None = None
    _by_name: dict[str, str] = field(default_factory=dict, repr=False)
    _ids: set[str] = field(default_factory=set, repr=False)

    def __post_init__(self) -> None:
        self._ids = {entry.id for entry in self.activities}
        for entry in self.activities:
            self._by_name.setdefault(folded(entry.name), entry.id)

    def activity_id(self, given: str | None, name: str) -> str | None:
        """The reference activity a row names: by its id, else (no id given) by its name
        as written, else by the id ``raci import`` would make of the name."""
        if given:
            return given if given in self._ids else None
        found = self._by_name.get(folded(name))
        if found is None and (slug := slugify(name)) in self._ids:
            found = slug
        return found

    def function_id(self, fid: str, name: str) -> str | None:
        """The reference function a column header names: by id, else by display name."""
        if fid in self.functions:
            return fid
        wanted = folded(name)
        return next((key for key, shown in self.functions.items() if folded(shown) == wanted), None)


def folded(text: str) -> str:
    """Case, accents and spacing do not tell two names apart."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def from_model(model: Model, source: str) -> Reference:
    description = _descriptions(model)
    return Reference(
        model.scheme,
        {fid: function.name for fid, function in model.functions.items()},
        [Entry(a.id, a.name, a.phase, description.get(a.id)) for a in model.activities],
        source,
        model,
        model.name,
    )


def _descriptions(model: Model) -> dict[str, str]:
    """Activity descriptions, kept by a model under the ``x-description`` key."""
    found: dict[str, str] = {}
    for activity in model.activities:
        raw = activity.document.data.get("activities", [])
        if activity.index < len(raw):
            extensions = getattr(raw[activity.index], "extensions", None) or {}
            text = extensions.get("x-description")
            if isinstance(text, str) and text.strip():
                found[activity.id] = text.strip()
    return found
