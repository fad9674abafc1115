"""``raci load``: who carries what, one row per function, heaviest first.

Rows come from :func:`raci.core.metrics.compute`; the flags are the function-level findings
``raci check`` reports for the same file and settings (waivers included), so the table
and the linter never disagree about who is overloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from raci.core.scheme import Role
from raci.core.words import plural
from raci.output.common import md, md_table, number, percent, rule_width, to_csv, to_json
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.core.findings import Finding
    from raci.core.metrics import FunctionMetrics, ModelMetrics
    from raci.core.model import Model

FLAGS = {
    "single-owner-overload": "overloaded",
    "capacity-overload": "over-capacity",
    "bridge-function": "bridge",
    "idle-function": "idle",
    "unused-function": "unused",
    "person-overload": "over-capacity",
}
"""Function-level rule -> the flag its finding puts on the function's (or person's) row."""

BAR_WIDTH = 20


@dataclass(frozen=True, slots=True)
class LoadTable:
    """The load view of one model: metrics, rows in display order, and their flags."""

    model: Model
    metrics: ModelMetrics
    rows: list[FunctionMetrics]
    flags: dict[str, list[str]]

    def headers(self) -> list[tuple[Role, str]]:
        """(role, column header) for each role the scheme has letters for: ``A``, ``R/S``."""
        return self.model.scheme.headings()


def build(model: Model, metrics: ModelMetrics, findings: list[Finding]) -> LoadTable:
    """Rows sorted by load (then accountability, then file order), with their flags."""
    flags: dict[str, list[str]] = {function.id: [] for function in metrics.functions}
    if metrics.people is not None:
        flags.update({person.id: [] for person in metrics.people.people})
    for finding in findings:
        flag = FLAGS.get(finding.rule)
        function = finding.function
        if flag and finding.activity is None and function in flags and flag not in flags[function]:
            flags[function].append(flag)
    order = list(FLAGS.values())
    for found in flags.values():
        found.sort(key=order.index)
    rows = sorted(
        metrics.functions, key=lambda function: (-function.load, -function.accountable)
    )  # sorted() is stable: ties keep file order
    return LoadTable(model, metrics, rows, flags)


def bar(function: FunctionMetrics, scale: float, width: int = BAR_WIDTH) -> list[tuple[str, str]]:
    """The load as a bar of ``width`` cells, ``scale`` effort units wide, as (text, kind).

    ``█`` is load within capacity (or all load, without a capacity), ``▒`` load beyond
    capacity and ``░`` headroom up to capacity, so the bar reads without colour too.
    """
    if scale <= 0:
        return []
    filled = round(function.load / scale * width)
    if function.load > 0 and not filled:
        filled = 1  # any load shows: a cell at least, however small against the largest
    if function.capacity is None:
        return [("█" * filled, "load")]
    limit = round(function.capacity / scale * width)
    within = min(filled, limit)
    if function.load > function.capacity and within == filled:
        # over capacity by less than a cell (101%): still show one cell of overflow
        filled = max(filled, 1)
        within = filled - 1
    return [
        ("█" * within, "load"),
        ("▒" * (filled - within), "over"),
        ("░" * (limit - within), "headroom"),
    ]


def _scale(table: LoadTable) -> float:
    return max(
        (max(row.load, row.capacity or 0.0) for row in table.rows),
        default=0.0,
    )


def _load_cell(function: FunctionMetrics) -> str:
    if function.capacity is None:
        return number(function.load)
    return f"{number(function.load)} / {number(function.capacity)}"


def _counts(table: LoadTable, function: FunctionMetrics) -> list[str]:
    return [str(function.count(role)) for role, _ in table.headers()]


def _summary(table: LoadTable) -> list[str]:
    metrics = table.metrics
    scheme = table.model.scheme
    truck = metrics.truck_factor
    roles = f"{scheme.describe(Role.WORKER)} or {scheme.describe(Role.OWNER)}"
    of = f"{truck.orphaned} of {plural(metrics.activities, 'activity')}"
    if truck.count:
        them = "it" if truck.count == 1 else "them"
        truck_line = (
            f"Truck factor: {truck.count} ({', '.join(truck.functions)}): without {them}, "
            f"{of} have nobody {roles}"
        )
    else:
        truck_line = f"Truck factor: 0: {of} already have nobody {roles}"
    return [
        f"HHI of accountability: {metrics.hhi:.3f}",
        f"Effective owners: {metrics.effective_owners:.2f}",
        truck_line,
    ]


def _title(table: LoadTable) -> str:
    metrics = table.metrics
    return (
        f"Load per function: {table.model.title} ({plural(metrics.activities, 'activity')}, "
        f"{plural(len(metrics.functions), 'function')})"
    )


_STYLES = {"load": "green", "over": "bold red", "headroom": "dim"}


def render_text(table: LoadTable, medium: Medium = PLAIN) -> str:
    """The load table; on a narrow terminal the bars give up what the names could not,
    down to a quarter of their width, so the rows do not wrap."""
    text = _render_text(table, medium, BAR_WIDTH)
    width = medium.width
    if width is not None:
        rule = rule_width(text)
        if rule > width:
            bars = max(BAR_WIDTH // 4, BAR_WIDTH - (rule - width))
            text = _render_text(table, medium, bars)
            if rule_width(text) > width:  # then the names go
                text = _render_text(table, medium, bars, names=False)
    return text


def _render_text(table: LoadTable, medium: Medium, bar_width: int, names: bool = True) -> str:
    color, width = medium.color, medium.width
    from raci.output.common import Cell, Column, grid, styled, wrapped

    columns = [Column("Function", style="bold")]
    columns += [Column("Name", shrink=True)] if names else []
    columns += [Column(header, justify="right") for _, header in table.headers()]
    columns += [
        Column("Load", justify="right"),
        Column(""),
        Column(f"Share {table.headers()[0][1]}", justify="right"),
        Column("Flags", style="yellow"),
    ]
    scale = _scale(table)
    rows: list[list[Cell]] = []
    for row in table.rows:
        over = row.capacity is not None and row.load > row.capacity + 1e-9
        rows.append(
            [
                row.id,
                *([row.name] if names else []),
                *_counts(table, row),
                (_load_cell(row), "bold red" if over else ""),
                tuple((text, _STYLES[kind]) for text, kind in bar(row, scale, bar_width)),
                percent(row.accountable_share),
                ", ".join(table.flags[row.id]),
            ]
        )
    lines = [styled(line, "bold", color) for line in wrapped([_title(table)], width, "  ")]
    lines += ["", *grid(columns, [rows], color=color, width=width, gap=2)]
    lines += ["", *wrapped(_summary(table), width, "  ")]
    if table.metrics.phases:
        from raci.output.load_phases import text_lines

        lines += ["", *text_lines(table.metrics.phases, table.model.scheme, color, width)]
    if table.metrics.people is not None:
        from raci.output import load_people

        count = table.metrics.activities
        lines += ["", *load_people.text_lines(table.metrics.people, count, color, width)]
    return "\n".join(lines) + "\n"


def render_markdown(table: LoadTable, medium: Medium = PLAIN) -> str:
    header = ["Function", "Name", *(md(label) for _, label in table.headers())]
    header += ["Load", "Bar", f"Share of {md(table.headers()[0][1])}", "Flags"]
    align = "ll" + "r" * len(table.headers()) + "rlrl"
    scale = _scale(table)
    rows = [
        [
            md(row.id),
            md(row.name),
            *_counts(table, row),
            md(_load_cell(row)),
            "".join(text for text, _ in bar(row, scale)),
            percent(row.accountable_share),
            ", ".join(table.flags[row.id]),
        ]
        for row in table.rows
    ]
    lines = [f"## {md(_title(table))}", "", md_table(header, align, rows)]
    lines.extend(f"- {md(line)}" for line in _summary(table))
    if table.metrics.phases:
        from raci.output.load_phases import markdown_lines

        lines += markdown_lines(table.metrics.phases, table.model.scheme)
    if table.metrics.people is not None:
        from raci.output import load_people

        lines += load_people.markdown_lines(table.metrics.people, table.metrics.activities)
    return "\n".join(lines) + "\n"


CSV_HEADER = (
    "function",
    "name",
    "accountable",
    "responsible",
    "consulted",
    "informed",
    "load",
    "capacity",
    "utilisation",
    "accountable_share",
    "betweenness",
    "flags",
)


PEOPLE_CSV_HEADER = ("kind", "member_of", "fte")
"""Added after :data:`CSV_HEADER` for a model with people: one table a spreadsheet
filters (``kind``) or sums per function (``member_of``), each function's people in the
rows right after it."""


def _value(number_: float | None) -> str:
    return "" if number_ is None else repr(round(number_, 6))


def render_csv(table: LoadTable, medium: Medium = PLAIN) -> str:
    """One row per function; flags separated by ``;``. Model-wide metrics are in JSON.
    A model with people adds a row per person after their function's."""
    if table.metrics.people is not None:
        return to_csv([*CSV_HEADER, *PEOPLE_CSV_HEADER], _people_csv_rows(table))
    value = _value
    return to_csv(
        CSV_HEADER,
        (
            [
                row.id,
                row.name,
                row.accountable,
                row.responsible,
                row.consulted,
                row.informed,
                value(row.load),
                value(row.capacity),
                value(row.utilisation),
                value(row.accountable_share),
                value(row.betweenness),
                ";".join(table.flags[row.id]),
            ]
            for row in table.rows
        ),
    )


def as_dict(table: LoadTable) -> dict[str, Any]:
    """Every metric :func:`raci.core.metrics.compute` gives, rows in display order, with flags."""
    data = table.metrics.as_dict()
    by_id = {entry["id"]: entry for entry in data["functions"]}
    functions = []
    for row in table.rows:
        entry = by_id[row.id]
        entry["flags"] = table.flags[row.id]
        functions.append(entry)
    data["functions"] = functions
    return {"model": table.model.title, "scheme": table.model.scheme.name, **data}


def render_json(table: LoadTable, medium: Medium = PLAIN) -> str:
    return to_json(as_dict(table))


def _people_csv_rows(table: LoadTable) -> list[list[Any]]:
    """Function rows (``kind`` function, their members' FTE), each followed by its
    people's rows: named A and R counts, their load against FTE times ``fte_unit``
    (C and I are not counted per person, and share and betweenness are the function's)."""
    assert table.metrics.people is not None
    by_function: dict[str, list[Any]] = {}
    for person in table.metrics.people.people:
        by_function.setdefault(person.function, []).append(person)
    rows: list[list[Any]] = []
    for row in table.rows:
        people = by_function.get(row.id, [])
        fte = _value(sum(person.fte for person in people)) if people else ""
        shares = [_value(row.accountable_share), _value(row.betweenness)]
        counts: list[Any] = [row.accountable, row.responsible, row.consulted, row.informed]
        loads = [_value(row.load), _value(row.capacity), _value(row.utilisation)]
        flags = ";".join(table.flags[row.id])
        rows.append([row.id, row.name, *counts, *loads, *shares, flags, "function", "", fte])
        for person in people:
            counts = [person.accountable, person.responsible, "", ""]
            loads = [_value(person.load), _value(person.capacity), _value(person.utilisation)]
            flags = ";".join(table.flags[person.id])
            tail = [flags, "person", row.id, _value(person.fte)]
            rows.append([person.id, person.name or "", *counts, *loads, "", "", *tail])
    return rows
