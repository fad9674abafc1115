"""``raci deck``: the report as a PowerPoint deck (16:9) with native tables and charts.

It reads the same :class:`~raci.report.data.ReportData` as ``raci report``, so the deck
and the report cannot disagree; python-pptx is imported only here.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pptx.presentation import Presentation

    from raci.output.registry import Medium
    from raci.report.data import Phases, ReportData

MATRIX_LIMIT = 150
"""Above this many activities the deck shows the matrix's per-phase counts and the
riskiest activities, not ten slides of tables per hundred activities."""


def render(data: ReportData, medium: Medium | None = None) -> bytes:
    """The deck as ``.pptx`` bytes."""
    from pptx import Presentation

    from raci.output.deck import slides
    from raci.output.deck.base import HEIGHT, WIDTH
    from raci.output.deck.matrix import matrix_slides, overview_slides
    from raci.output.escape import xml

    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    deck.core_properties.title = xml(data.title)  # a property cannot hold control characters
    deck.core_properties.subject = "Ownership review"
    slides.title_slide(deck, data)
    slides.glance_slide(deck, data)
    slides.load_slide(deck, data)
    slides.concentration_slide(deck, data)
    if data.overview is not None:
        overview_slides(deck, data.overview, data.source)
    else:
        matrix_slides(deck, data.matrix)
    slides.what_if_slide(deck, data)
    for section in data.sections:
        if section.key == "phases" and data.phases is not None:
            _phase_slides(deck, data, data.phases)
        elif section.key == "people" and data.people is not None:
            from raci.output.deck.people import people_slide

            people_slide(deck, data.people, data.summary.activities, data.fte_unit, _names(data))
        else:
            slides.section_slides(deck, data, section)
    slides.findings_slide(deck, data)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _names(data: ReportData) -> dict[str, str]:
    """Activity id -> name (none above the matrix limit, where the rows are not built)."""
    return {row.id: row.name for group in data.matrix.groups for row in group.rows}


def _phase_slides(deck: Presentation, data: ReportData, phases: Phases) -> None:
    """The report's "Phases" section: the phases side by side, then load per phase."""
    from raci.output.deck.phases import phase_load_slides, side_by_side_slides

    functions = dict(data.matrix.functions)
    side_by_side_slides(deck, phases, functions, summarised=data.overview is not None)
    phase_load_slides(deck, phases, functions)
