"""What the view rules share: the merge they read and words for who said what.

View rules run in ``raci merge``, on the merged views (``context.views``); in
``raci check`` there are no views and they report nothing. Their findings point at a
cell of a view file (``views/HR.xlsx:RACI!F7``), not at the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.core.findings import Problem

if TYPE_CHECKING:
    from raci.core.context import Context
    from raci.core.model import Activity
    from raci.core.views import ActivityResult, Merged, Place, View


def at_view(
    context: Context, place: Place, message: str, activity: str | None, function: str | None
) -> Problem:
    """A problem located in a view; ``activity`` names the model's activity (waivers)."""
    found: Activity | None = None
    if activity is not None:
        found = context.activity_ids.get(activity)  # the first of that id, in file order
    document = context.model.documents[0]
    return Problem(message, document, (), False, found, function, place)


def owners_named(merged: Merged, activity: ActivityResult) -> dict[int, list[str]]:
    """view index -> the functions it names owner on ``activity`` (answered views only)."""
    named: dict[int, list[str]] = {number: [] for number in activity.answered}
    for fid, views in activity.owners.items():
        for number in views:
            named[number].append(fid)
    return named


def who_names(merged: Merged, activity: ActivityResult) -> str:
    """``IT and OD name IC; IC names HR; HR names nobody``: the most named first."""
    groups: dict[tuple[str, ...], list[View]] = {}
    for number, fids in owners_named(merged, activity).items():
        groups.setdefault(tuple(fids), []).append(merged.views[number])
    parts = []
    ranked = sorted(groups.items(), key=lambda item: (not item[0], -len(item[1])))
    for named, views in ranked:
        who = _and([view.label for view in views])
        verb = "name" if len(views) > 1 else "names"
        parts.append(f"{who} {verb} {_and(list(named)) if named else 'nobody'}")
    return "; ".join(parts)


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def function_index(merged: Merged, fid: str) -> int:
    return list(merged.functions).index(fid)


def view_documents(example: str) -> list[str]:
    """A view rule's docstring example as one text per view: ``---`` lines separate them."""
    documents: list[list[str]] = [[]]
    for line in example.splitlines(keepends=True):
        if line.rstrip() == "---":
            documents.append([])
        else:
            documents[-1].append(line)
    return ["".join(lines) for lines in documents if "".join(lines).strip()]
