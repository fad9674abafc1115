"""Whose view? Collect each function's matrix, merge them, and measure the agreement.

``raci survey`` (:mod:`raci.views.survey`) writes one workbook per function or
respondent; :func:`merge_views` reads the returned views, aligns them to the model,
merges them (:mod:`raci.views.merge`), builds the consensus model
(:mod:`raci.views.consensus`) and runs the view rules on it. Data in, data out: the
renderers live in :mod:`raci.output.agreement`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from raci.core.views import Merged

if TYPE_CHECKING:
    from raci.core.config import Layer
    from raci.core.model import Model
    from raci.engine import Report
    from raci.views.reference import Reference

VIEW_RULES = ("contested-accountable", "unclaimed-activity", "self-view-gap", "low-agreement")


@dataclass
class Outcome:
    reference: Reference
    merged: Merged
    consensus: str
    """The consensus model as ownership YAML."""
    model: Model
    """The consensus model, loaded back (so it is known to pass ``raci check``'s loading)."""
    report: Report
    """The view rules' findings, located in the views, as ``raci check`` reports them."""
    written: str | None = None
    """Where the command line wrote the consensus, for the text output to say."""


def merge_views(
    paths: Sequence[Path],
    model: Model | None = None,
    source: str | None = None,
    layers: Sequence[Layer | None] = (),
) -> Outcome:
    """Read, align and merge the views at ``paths`` against ``model`` (else the first
    view), and lint the merge with the settings ``layers`` (lowest first) resolve to."""
    from raci.views.consensus import consensus_yaml
    from raci.views.merge import merge
    from raci.views.read import read_views
    from raci.views.reference import from_model

    given = from_model(model, source or "the model") if model is not None else None
    reference, views = read_views(paths, given)
    merged = merge(reference, views)
    text = consensus_yaml(reference, merged)
    consensus = _load_back(text)
    report = _lint(reference, merged, consensus, layers)
    return Outcome(reference, merged, text, consensus, report)


def _load_back(text: str) -> Model:
    from raci.engine import load

    with tempfile.TemporaryDirectory(prefix="raci-merge-") as folder:
        path = Path(folder) / "consensus.yaml"
        path.write_text(text, encoding="utf-8")
        loaded = load(path, "consensus.yaml")
    if loaded.model is None:  # pragma: no cover - a bug: the consensus is built valid
        problems = "; ".join(f"{f.location}: {f.message}" for f in loaded.findings)
        raise RuntimeError(f"the consensus model does not load: {problems}")
    return loaded.model


def _lint(
    reference: Reference, merged: Merged, consensus: Model, layers: Sequence[Layer | None]
) -> Report:
    from raci.core.config import Resolved, model_layer
    from raci.core.context import Context
    from raci.engine import Checked, Report, lint, resolve
    from raci.rules import CATALOGUE

    chosen = [layer for layer in layers if layer is not None]
    if reference.model is not None:
        chosen.insert(0, model_layer(reference.model.rules, CATALOGUE)[0])
    resolved = resolve(chosen)
    only_views = Resolved(
        [enabled for enabled in resolved.rules if enabled.rule.name in VIEW_RULES],
        resolved.strict,
    )
    context = Context(consensus)
    context.views = merged
    findings, waived = lint(consensus, only_views, context)
    from raci.core.findings import Finding

    findings.sort(key=Finding.sort_key)
    rules = [enabled.rule.name for enabled in only_views.rules]
    return Report(
        checked=[Checked(view.file, [view.file], rules) for view in merged.views],
        files=[view.file for view in merged.views],
        activities=len(merged.activities),
        functions=len(merged.functions),
        findings=findings,
        waived=waived,
        strict=resolved.strict,
    )
