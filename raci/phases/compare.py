"""``raci diff --phases FROM TO MODEL``: how ownership changes from one phase of a model to
another, read with the same comparison as two versions of a file.

Each side is the model's activities of one phase (an activity given per phase appears on
both sides, with each phase's letters), so the diff lists the activities that start or
stop, the letters and the accountability that move, and the load of each function in
one phase against the other. Findings are not compared: both sides are one model, which
``raci check`` reports on as a whole.
"""

from __future__ import annotations

from pathlib import Path

from raci.core.config import Layer
from raci.core.errors import RaciError
from raci.core.model import Model
from raci.core.suggest import suggest
from raci.diff.changes import Diff, Side, lint_side


def diff_phases(
    path: Path | str,
    before: str,
    after: str,
    *,
    config: Path | str | None = None,
    command_line: Layer | None = None,
) -> Diff:
    from raci.diff.compare import compare

    path = Path(path)
    side = lint_side(
        "model", path, path.as_posix(), settings_from=path, config=config, command_line=command_line
    )
    model = side.model
    for phase in (before, after):
        if phase not in model.phases:
            known = ", ".join(model.phases) or "none"
            raise RaciError(
                f"--phases: {path.as_posix()} has no phase '{phase}'"
                f"{suggest(phase, model.phases)} (its phases: {known})"
            )
    old, new = _side(model, before, side.strict), _side(model, after, side.strict)
    return compare(old, new, renames=False)


def _side(model: Model, phase: str, strict: bool) -> Side:
    """The model reduced to the activities of ``phase``, read as one version of it."""
    activities = []
    for activity in model.activities:
        if activity.phase == phase:
            copy = activity.with_raci(activity.raci)
            copy.phase = copy.stage = None
            copy.depends_on = []  # one part of an activity holds them; not a change
            activities.append(copy)
    reduced = Model(
        model.name,
        model.description,
        model.scheme,
        model.functions,
        activities,
        model.documents,
        phases=[phase],
    )
    return Side(phase, reduced, [], strict)
