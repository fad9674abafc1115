"""``raci deck``: the report as a PowerPoint deck (16:9) with native tables and charts.

It reads the same :class:`~raci.report.data.ReportData` as ``raci report``, so the deck
and the report cannot disagree; python-pptx is imported only here.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from raci.output.registry import Medium
    from raci.report.data import ReportData

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
        slides.section_slides(deck, data, section)
    slides.findings_slide(deck, data)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
