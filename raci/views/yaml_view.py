"""Read a returned view written as an ownership file.

A YAML view is an ownership file with one more key saying whose view it is::

    x-respondent: {name: Dana, function: HR}

(or just ``x-respondent: HR`` when the function answers as one). It is loaded and
validated like any ownership file, so a bad letter is reported where ``raci check``
reports it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from raci.core.errors import RaciError
from raci.core.loader import unpack
from raci.core.model import Model
from raci.core.suggest import suggest
from raci.core.views import Place, View
from raci.views.reference import Reference, from_model

RESPONDENT_KEY = "x-respondent"
Problems = list[tuple[str, str]]


def load_view_model(path: Path, display: str) -> Model:
    from raci.engine import load

    loaded = load(path, display)
    if loaded.model is None:
        from raci.sheets.importer import SheetProblems

        problems = [(finding.location, finding.message) for finding in loaded.findings]
        raise SheetProblems(display, problems)
    return loaded.model


def respondent(model: Model, problems: Problems) -> tuple[str, str, Place] | None:
    document = model.documents[0]
    data = document.data
    raw: Any = (data.extensions or {}).get(RESPONDENT_KEY)
    mark = data.marks.get(RESPONDENT_KEY)
    line, column = unpack(mark >> 64) if mark is not None else (1, 1)
    where = Place(document.name, line, column)
    if isinstance(raw, str) and raw.strip():
        return raw.strip(), raw.strip(), where
    if isinstance(raw, dict):
        name, function = raw.get("name"), raw.get("function")
        if isinstance(function, str) and function.strip():
            shown = name.strip() if isinstance(name, str) and name.strip() else function.strip()
            return shown, function.strip(), where
    problems.append(
        (
            str(where),
            f"no '{RESPONDENT_KEY}': say whose view this is, e.g. "
            f"'{RESPONDENT_KEY}: {{name: Dana, function: HR}}'",
        )
    )
    return None


def reference_from(model: Model) -> Reference:
    return from_model(model, model.documents[0].name)


def align(model: Model, reference: Reference, problems: Problems) -> View | None:
    """The view in ``model`` aligned to ``reference``; problems noted at their nodes."""
    document = model.documents[0]
    file = document.name
    order = list(reference.functions)
    index_of = {fid: number for number, fid in enumerate(order)}
    found = respondent(model, problems)
    if model.scheme.name != reference.scheme.name:
        line, column = document.locate(("scheme",))
        problems.append(
            (
                f"{file}:{line}:{column}",
                f"the view is written in {model.scheme.title}, the survey in "
                f"{reference.scheme.title}",
            )
        )
        return None
    rows: dict[str, tuple[str | None, ...]] = {}
    paths: dict[str, tuple[int, dict[str, Any]]] = {}
    for activity in model.activities:
        if reference.activity_id(activity.id, activity.name) is None:
            line, column = document.locate(activity.path)
            hint = suggest(activity.id, [entry.id for entry in reference.activities])
            problems.append((f"{file}:{line}:{column}", f"unknown activity '{activity.id}'{hint}"))
            continue
        labels: list[str | None] = [None] * len(order)
        for fid, held in activity.raci.items():
            if fid not in index_of:
                line, column = document.locate((*activity.path, "raci", fid), key=True)
                problems.append(
                    (f"{file}:{line}:{column}", f"unknown function '{fid}'{suggest(fid, order)}")
                )
                continue
            labels[index_of[fid]] = held.label
        paths[activity.id] = (activity.index, activity.raci)
        if any(labels):
            rows[activity.id] = tuple(labels)
    if found is None:
        return None
    name, function, where = found
    if function not in index_of:
        hint = suggest(function, order)
        message = f"the respondent's function '{function}' is not in {reference.source}{hint}"
        problems.append((str(where), message))
        return None

    def locate(activity: str, index: int) -> Place:
        if activity not in paths:
            line, column = document.locate(("activities",), key=True)
            return Place(file, line, column)
        number, raci = paths[activity]
        fid = order[index]
        path = ("activities", number, "raci", fid) if fid in raci else ("activities", number)
        line, column = document.locate(path, key=fid in raci)
        return Place(file, line, column)

    return View(name, function, file, rows, locate, where)


def is_yaml(path: Path) -> bool:
    return path.suffix.lower() in {".yaml", ".yml"}


def no_view(path: Path) -> RaciError:
    return RaciError(f"{path}: a view is an .xlsx, .csv, .yaml or .yml file")
