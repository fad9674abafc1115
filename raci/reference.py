"""The reference models that ship with raci (``raci models``, ``raci init``).

In a wheel they live inside the package as ``raci/_models`` (``pyproject.toml``
force-includes the repository's ``models/`` there); in a source or editable checkout
they are read from ``<repository>/models``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from raci.core.errors import RaciError
from raci.core.suggest import suggest

DEFAULT_MODEL = "enterprise-social"
_PACKAGE = Path(__file__).resolve().parent


def models_dir() -> Path:
    """Where the reference models are: inside the installed package, else the checkout."""
    shipped = _PACKAGE / "_models"
    return shipped if shipped.is_dir() else _PACKAGE.parent / "models"


@dataclass(frozen=True, slots=True)
class ReferenceModel:
    name: str
    """The file's stem: what ``raci init --model`` takes."""
    title: str
    description: str
    """One line: the first sentence of the model's ``description``."""
    activities: int
    functions: int
    path: Path

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "activities": self.activities,
            "functions": self.functions,
            "description": self.description,
        }


def reference_models(directory: Path | None = None) -> list[ReferenceModel]:
    """Every ``*.yaml`` model in ``directory`` (default: :func:`models_dir`), by name."""
    folder = directory if directory is not None else models_dir()
    if not folder.is_dir():
        return []
    files = sorted(folder.glob("*.yaml"), key=lambda path: path.stem)  # by name, not file name
    return [_describe(path) for path in files if path.is_file()]


def find_model(name: str, directory: Path | None = None) -> ReferenceModel:
    """The reference model called ``name``; a :class:`RaciError` naming the choices if none."""
    models = reference_models(directory)
    for model in models:
        if model.name == name:
            return model
    names = [model.name for model in models]
    if not names:
        raise RaciError(f"unknown model '{name}': this installation ships no reference models")
    raise RaciError(
        f"unknown model '{name}'{suggest(name, names)}; the reference models are: "
        + ", ".join(names)
    )


def _describe(path: Path) -> ReferenceModel:
    """Name, counts and a one-line summary, read from the file without a full check."""
    from raci.core.documents import read_document
    from raci.core.loader import ParseProblem

    try:
        data: dict[str, Any] = read_document(path, path.name).data
    except ParseProblem as problem:
        raise RaciError(
            f"reference model {path.name} is unreadable: {problem.message}",
            location=f"{path}:{problem.line}:{problem.column}",
        ) from None
    functions = data.get("functions")
    activities = data.get("activities")
    title = data.get("name")
    return ReferenceModel(
        name=path.stem,
        title=title if isinstance(title, str) else path.stem,
        description=_first_sentence(data.get("description")) or str(title or ""),
        activities=len(activities) if isinstance(activities, list) else 0,
        functions=len(functions) if isinstance(functions, dict) else 0,
        path=path,
    )


def _first_sentence(text: Any) -> str:
    if not isinstance(text, str):
        return ""
    flat = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s|$)", flat)
    return match.group(1) if match else flat
