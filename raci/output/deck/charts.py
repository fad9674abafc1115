"""Native, editable PowerPoint charts: load per function against capacity, and the
share of accountability.

python-pptx draws one chart type per chart; the capacity line is the second series of
the column chart moved into a line plot on the same axes (the chart XML allows several
plots in one plot area), so both series stay in the chart's embedded workbook and the
client can edit either in PowerPoint.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lxml import etree  # type: ignore[import-untyped]
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt
from xlsxwriter import Workbook  # type: ignore[import-untyped]

from raci.output.deck.base import INK, MARGIN, clip, rgb, text_box
from raci.output.escape import xml
from raci.output.palette import BAND_COLOURS, ROLE_COLOURS
from raci.report.bands import BAND_WORDS, band

if TYPE_CHECKING:
    from raci.core.metrics import FunctionMetrics
    from raci.report.bands import Band

Box = tuple[Any, Any, Any, Any]
MOST = 30
"""Functions per chart at most (the most loaded): more bars than this are unreadable."""


class _TextCells(CategoryWorkbookWriter):
    """The workbook embedded behind a chart, every string written as text: python-pptx
    writes cells with xlsxwriter's ``write()``, which by default turns ``=SUM(1+1)`` (or
    ``{=...}``) into a live formula and ``http://x`` into a link."""

    @contextmanager
    def _open_worksheet(self, xlsx_file: Any) -> Iterator[tuple[Any, Any]]:
        options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        workbook = Workbook(xlsx_file, options)
        yield workbook, workbook.add_worksheet()
        workbook.close()


class TextChartData(CategoryChartData):
    """Category chart data whose embedded workbook holds names as text (see
    :class:`_TextCells`); the chart shows them as they are."""

    @property
    def _workbook_writer(self) -> CategoryWorkbookWriter:
        return _TextCells(self)


@dataclass(frozen=True, slots=True)
class Bar:
    """One column of a load chart: a function (or a person) and its capacity band."""

    label: str
    load: float
    capacity: float | None
    band: Band


def _category(function: FunctionMetrics, count: int) -> str:
    return function.id if count > 10 else function.name


def function_bars(load: list[FunctionMetrics]) -> list[Bar]:
    """The load chart's columns for whole functions: by name, by id above ten."""
    count = min(len(load), MOST)
    return [Bar(_category(f, count), f.load, f.capacity, band(f)) for f in load]


def load_chart(
    slide: Any, box: Box, bars: list[Bar], size: float = 12, top: float | None = None
) -> Any:
    """Columns of load coloured by capacity band, capacity as a line of marks; ``top``
    fixes the scale (charts side by side then compare at a glance)."""
    shown = bars[:MOST]
    data = TextChartData(number_format="0.##")
    data.categories = [xml(clip(bar.label, 30)) for bar in shown]  # chart XML is raw
    data.add_series("Load (effort units)", [round(bar.load, 2) for bar in shown])
    with_capacity = any(bar.capacity for bar in shown)
    if with_capacity:
        data.add_series("Capacity", [bar.capacity for bar in shown])
    frame = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, *box, data)
    chart = frame.chart
    _fonts(chart, size)
    plot = chart.plots[0]
    plot.gap_width = 60
    columns = plot.series[0]
    for index, bar in enumerate(shown):
        fill = columns.points[index].format.fill
        fill.solid()
        fill.fore_color.rgb = rgb(BAND_COLOURS[bar.band])
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked = "0.##", False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    labels.font.size = Pt(size)
    if with_capacity:
        _capacity_as_line(chart)
    chart.has_legend = False  # the slide draws its own: bar colours are per band
    chart.value_axis.has_major_gridlines = True
    chart.value_axis.major_gridlines.format.line.color.rgb = rgb("E5E8E8")
    if top is not None:  # a small chart under its own heading: no automatic title
        chart.has_title = False
        chart.value_axis.minimum_scale, chart.value_axis.maximum_scale = 0, top
    return chart


def scale_top(bars: Iterable[Bar]) -> float:
    """A round top for a scale that holds every bar and capacity with room for labels."""
    peak = max((max(bar.load, bar.capacity or 0) for bar in bars), default=0) * 1.1 or 1
    step = 10 ** math.floor(math.log10(peak))
    return next(step * m for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if step * m >= peak)


def band_legend(slide: Any, bars: Iterable[Bar], top: float = 6.68) -> None:
    """The key under a load chart: the capacity dash (when any bar has a capacity) and
    the colour of each band drawn, from the left margin at ``top`` inches."""
    shown = list(bars)
    seen = [b for b in ("within", "near", "over", "none") if b in {bar.band for bar in shown}]
    left: int = MARGIN
    if any(bar.capacity for bar in shown):
        dash = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, left, Inches(top) + Inches(0.18), Inches(0.3), Inches(0.07)
        )
        dash.fill.solid()
        dash.fill.fore_color.rgb = INK
        dash.line.fill.background()
        box = (left + Inches(0.36), Inches(top), Inches(3), Inches(0.4))
        text_box(slide, box, ["capacity"], 12)
        left += Inches(1.5)
    for name in seen:
        swatch = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, left, Inches(top) + Inches(0.1), Inches(0.22), Inches(0.22)
        )
        swatch.fill.solid()
        swatch.fill.fore_color.rgb = rgb(BAND_COLOURS[name])
        swatch.line.fill.background()
        words = BAND_WORDS[name]
        text_box(slide, (left + Inches(0.28), Inches(top), Inches(3), Inches(0.4)), [words], 12)
        left += Inches(0.5) + Pt(7) * len(words)


def _capacity_as_line(chart: Any) -> None:
    """Move the capacity series out of the column plot into a line plot drawn as a black
    dash at each function's capacity, with no line joining functions."""
    bar_chart = chart._chartSpace.find(".//" + qn("c:barChart"))
    series = bar_chart.findall(qn("c:ser"))[1]
    bar_chart.remove(series)
    line_chart = etree.SubElement(bar_chart.getparent(), qn("c:lineChart"))
    bar_chart.addnext(line_chart)
    etree.SubElement(line_chart, qn("c:grouping")).set("val", "standard")
    etree.SubElement(line_chart, qn("c:varyColors")).set("val", "0")
    for tag in ("c:invertIfNegative",):
        for found in series.findall(qn(tag)):
            series.remove(found)
    line_chart.append(series)
    sp_pr = series.find(qn("c:spPr"))
    if sp_pr is None:
        sp_pr = etree.SubElement(series, qn("c:spPr"))
        series.find(qn("c:tx")).addnext(sp_pr)
    ln = etree.SubElement(sp_pr, qn("a:ln"))
    etree.SubElement(ln, qn("a:noFill"))
    marker = etree.fromstring(
        f'<c:marker xmlns:c="{_C}" xmlns:a="{_A}"><c:symbol val="dash"/><c:size val="24"/>'
        '<c:spPr><a:solidFill><a:srgbClr val="1B1B1B"/></a:solidFill>'
        '<a:ln><a:solidFill><a:srgbClr val="1B1B1B"/></a:solidFill></a:ln></c:spPr></c:marker>'
    )
    sp_pr.addnext(marker)
    etree.SubElement(series, qn("c:smooth")).set("val", "0")
    etree.SubElement(line_chart, qn("c:marker")).set("val", "1")
    for axis in bar_chart.findall(qn("c:axId")):
        line_chart.append(deepcopy(axis))


_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def share_chart(slide: Any, box: Box, load: list[FunctionMetrics], word: str) -> Any:
    """Horizontal bars: for how many activities each function is the owner."""
    shown = sorted(load, key=lambda f: -f.accountable)[:MOST]
    shown.reverse()  # a bar chart draws its first category at the bottom
    data = TextChartData(number_format="0")
    data.categories = [xml(clip(_category(f, len(shown)), 30)) for f in shown]
    data.add_series(f"Activities where the function is {word}", [f.accountable for f in shown])
    frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, *box, data)
    chart = frame.chart
    _fonts(chart)
    plot = chart.plots[0]
    plot.gap_width = 50
    fill = plot.series[0].format.fill
    fill.solid()
    fill.fore_color.rgb = rgb(ROLE_COLOURS["owner"][0])
    plot.has_data_labels = True
    plot.data_labels.font.size = Pt(12)
    plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
    chart.has_legend = False
    chart.value_axis.has_major_gridlines = False
    chart.value_axis.visible = False
    return chart


def _fonts(chart: Any, size: float = 12) -> None:
    chart.font.size = Pt(size)
    chart.font.color.rgb = INK
