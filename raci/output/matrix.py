"""``raci matrix``: the RACI matrix, activities as rows grouped by phase, functions as
columns, with totals per activity (functions involved) and per function (each letter).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from raci.core.scheme import Assignment, Role, Scheme
from raci.output.common import md, md_table
from raci.output.matrix_data import PEOPLE_LEGEND, PersonColumn, person_cell
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.core.model import Activity, Function, Model
    from raci.phases.timeline import Timeline

NO_PHASE = "(no phase)"


@dataclass(frozen=True, slots=True)
class Matrix:
    """The selected part of a model's matrix, ready to render."""

    model: Model
    functions: list[Function]
    groups: list[tuple[str | None, list[Activity]]]
    """(phase, its activities in file order), phases in order of first appearance (in the
    order of ``phases:`` when the model declares it)."""
    timeline: Timeline | None = None
    """The phases side by side, shown under the matrix (phased models, or ``--by-phase``)."""
    names: bool = True
    """Show the activities' names (``--no-names`` hides them; a terminal too narrow for
    them hides them too)."""
    people: dict[str, list[PersonColumn]] = field(default_factory=dict)
    """Function id -> its members' columns, shown after its own (models with people,
    unless ``--no-people``)."""

    @property
    def columns(self) -> list[Function | PersonColumn]:
        """The letter columns in order: each function, then its people."""
        return _columns(self, self.functions)

    def held(self, activity: Activity, column: Function | PersonColumn) -> Assignment | None:
        """The letters shown in ``column``'s cell, for its style: a person's named ones."""
        if isinstance(column, PersonColumn):
            found = person_cell(activity, column, self)
            return found.named if found else None
        return self.cell(activity, column)

    def text(self, activity: Activity, column: Function | PersonColumn) -> str:
        if isinstance(column, PersonColumn):
            found = person_cell(activity, column, self)
            return found.text if found else ""
        held = self.cell(activity, column)
        return held.label if held else ""

    @property
    def activities(self) -> list[Activity]:
        return [activity for _, group in self.groups for activity in group]

    @property
    def phased(self) -> bool:
        return any(phase is not None for phase, _ in self.groups)

    @property
    def letters(self) -> list[str]:
        """The scheme's letters, in its own order (R, A, C, I for RACI)."""
        return [letter.code for letter in self.model.scheme.letters]

    def cell(self, activity: Activity, function: Function) -> Assignment | None:
        return activity.raci.get(function.id)

    def row_total(self, activity: Activity) -> int:
        return sum(1 for function in self.functions if function.id in activity.raci)

    def column_totals(self) -> dict[str, dict[str, int]]:
        """Function id -> {letter: count, ..., "total": assignments}; A/R counts for both."""
        totals = {
            function.id: {**dict.fromkeys(self.letters, 0), "total": 0}
            for function in self.functions
        }
        for activity in self.activities:
            for function in self.functions:
                held = activity.raci.get(function.id)
                if held is not None:
                    counts = totals[function.id]
                    counts["total"] += 1
                    for letter in held.letters:
                        counts[letter] += 1
        return totals


def phases(model: Model) -> list[str | None]:
    """The model's phases in order of first appearance (None for activities without one)."""
    return list(dict.fromkeys(activity.phase for activity in model.activities))


def build(
    model: Model,
    only_phases: list[str] | None = None,
    only_functions: list[str] | None = None,
    by_phase: bool | None = None,
    names: bool = True,
    people: bool = True,
) -> Matrix:
    """The matrix of ``model``, limited to some phases (rows) and functions (columns), with
    the phases side by side when ``by_phase`` (by default when the model is phased), and
    a column per member after each function that lists them, unless not ``people``.

    Filters are assumed valid (the command line checks them against the model).
    """
    wanted = set(only_phases) if only_phases else None
    groups: dict[str | None, list[Activity]] = {}
    for activity in model.activities:
        if wanted is None or activity.phase in wanted:
            groups.setdefault(activity.phase, []).append(activity)
    if only_functions:
        functions = [model.functions[fid] for fid in only_functions]
    else:
        functions = list(model.functions.values())
    ordered = list(groups.items())
    if model.declared_phases:
        rank = {phase: position for position, phase in enumerate(model.phases)}
        ordered.sort(key=lambda group: rank.get(group[0] or "", len(rank)))
    timeline = None
    if (model.phased if by_phase is None else by_phase) and model.phases:
        from raci.phases.timeline import build as build_timeline

        timeline = build_timeline(model, only_phases or None, [f.id for f in functions])
    columns = {
        function.id: [PersonColumn(function, member) for member in function.members.values()]
        for function in functions
        if people and function.members
    }
    return Matrix(model, functions, ordered, timeline, names, columns)


ROLE_STYLES: dict[Role, str] = {
    Role.OWNER: "bold reverse red",
    Role.WORKER: "bold green",
    Role.CONSULTED: "cyan",
    Role.INFORMED: "dim",
}
"""rich style per role, the same in every scheme: the owner strongest, then the work,
input and audience fading out (RAPID's D looks like RACI's A, not like DACI's D)."""


def _style(held: Assignment) -> str:
    """The style of the strongest role the cell holds."""
    if held.owner:
        return ROLE_STYLES[Role.OWNER]
    if held.worker:
        return ROLE_STYLES[Role.WORKER]
    if held.consulted:
        return ROLE_STYLES[Role.CONSULTED]
    return ROLE_STYLES[Role.INFORMED]


def _legend_segments(scheme: Scheme) -> list[tuple[str, str]]:
    """The line under the matrix, ``RAPID letters: R Recommend, ... (combined: D/P)``, as
    (text, style) pieces: each letter in its role's style, as in the cells."""
    parts: list[tuple[str, str]] = [(f"{scheme.title} letters: ", "")]
    for number, letter in enumerate(scheme.letters):
        parts += [(", " if number else "", ""), (letter.code, ROLE_STYLES[letter.role])]
        parts.append((f" {letter.word}", ""))
    for number, combined in enumerate(scheme.combined):
        parts += [(", " if number else " (combined: ", ""), (combined, ROLE_STYLES[Role.OWNER])]
    if scheme.combined:
        parts.append((")", ""))
    return parts


def _legend_lines(
    segments: list[tuple[str, str]], width: int | None
) -> list[list[tuple[str, str]]]:
    """The legend's (text, style) pieces as lines of at most ``width`` characters, broken
    only between its entries (after a comma, or before "(combined: ...)")."""
    entries: list[tuple[str, list[tuple[str, str]]]] = []  # (separator before, pieces)
    for part, look in segments:
        if not entries or part == ", " or part.startswith(" ("):
            separator = ", " if part == ", " else ""
            entries.append((separator, [] if part == ", " else [(part, look)]))
        else:
            entries[-1][1].append((part, look))
    lines: list[list[tuple[str, str]]] = []
    size = 0
    for separator, pieces in entries:
        length = sum(len(part) for part, _ in pieces)
        if lines and (width is None or size + len(separator) + length <= width):
            lines[-1] += [(separator, ""), *pieces] if separator else pieces
            size += len(separator) + length
            continue
        if lines and separator:
            lines[-1].append((separator.rstrip(), ""))
        first, look = pieces[0]
        lines.append([(first.lstrip(), look), *pieces[1:]])
        size = length - (len(first) - len(first.lstrip()))
    return lines


def render_text(matrix: Matrix, medium: Medium = PLAIN) -> str:
    """The matrix fitted to the terminal: names shrink (with an ellipsis), then go, then
    the function ids are abbreviated and the activity ids shrink; when the columns still
    do not fit, the functions are split into bands, one table under the other, each
    repeating the activities. Rows never wrap. Files get it whole."""
    from raci.output.common import rule_width

    width = medium.width
    names = matrix.names
    text = _render_text(matrix, medium, names=names, squeeze=False)
    if width is not None and rule_width(text) > width and names:
        names = False
        text = _render_text(matrix, medium, names=False, squeeze=False)
    if width is not None and rule_width(text) > width:
        text = _render_text(matrix, medium, names=names, squeeze=True)
    if width is not None and rule_width(text) > width:
        text = _render_text(matrix, medium, names=matrix.names, squeeze=True, bands=True)
    return text


_GAP = 1
_SHRUNK = 12
"""The narrowest a shrinking column (activity ids, phases) gets: the grid's minimum."""


def _render_text(
    matrix: Matrix, medium: Medium, *, names: bool, squeeze: bool, bands: bool = False
) -> str:
    from raci.output.common import styled, wrapped

    color, width = medium.color, medium.width
    shown = _abbreviations([f.id for f in matrix.functions]) if squeeze else {}
    totals = matrix.column_totals()
    split = [matrix.functions]
    if bands and width:
        split = _bands(matrix, shown, totals, width, names=False)
        if names:  # names, cut to fit, when they cost no extra band
            named = _bands(matrix, shown, totals, width, names=True)
            names = len(named) == len(split)
            split = named if names else split
    scheme = matrix.model.scheme
    title = wrapped([f"{matrix.model.title}: {scheme.title} matrix"], width, "  ")
    lines = [*(styled(line, "bold", color) for line in title), ""]
    start = 1
    for number, functions in enumerate(split):
        last = number == len(split) - 1
        if len(split) > 1:
            end = start + len(functions) - 1
            heading = f"Functions {start} to {end} of {len(matrix.functions)}"
            lines += [*([""] if number else []), styled(heading, "bold", color)]
            start = end + 1
        lines += _table(matrix, functions, shown, totals, names, squeeze, last, color, width)
    key = [
        "".join(styled(part, look, color) if look else part for part, look in line)
        for line in _legend_lines(_legend_segments(scheme), width)
    ]
    extra: list[str] = []
    if matrix.people:
        extra = wrapped([PEOPLE_LEGEND], width)
    if matrix.timeline is not None:
        from raci.output.timeline import text_lines

        extra = [*extra, "", *text_lines(matrix.timeline, scheme, color, width)]
    short = [f"{abbreviation} {fid}" for fid, abbreviation in shown.items() if abbreviation != fid]
    if short:
        extra = [*wrapped(["Columns: " + ", ".join(short)], width or 80), *extra]
    return "\n".join([*lines, "", *key, *extra]) + "\n"


def _table(
    matrix: Matrix,
    functions: list[Function],
    shown: dict[str, str],
    totals: dict[str, dict[str, int]],
    names: bool,
    squeeze: bool,
    last: bool,
    color: bool,
    width: int | None,
) -> list[str]:
    """The grid of ``functions``' columns, with the row totals (``#``) when ``last``."""
    from raci.output.common import Cell, Column, grid

    columns = [Column("Phase", style="bold", shrink=squeeze)] if matrix.phased else []
    columns.append(Column("Activity", shrink=squeeze))
    if names:
        columns.append(Column("Name", shrink=True))
    shown_columns = _columns(matrix, functions)
    columns += [
        Column(shown.get(column.id, column.id), justify="center") for column in shown_columns
    ]
    if last:
        columns.append(Column("#", justify="right", style="bold"))
    sections: list[list[list[Cell]]] = []
    for phase, activities in matrix.groups:
        rows: list[list[Cell]] = []
        for position, activity in enumerate(activities):
            cells: list[Cell] = []
            if matrix.phased:
                cells.append((phase or NO_PHASE) if not position else "")
            cells += [activity.id, activity.name] if names else [activity.id]
            raci = activity.raci
            for column in shown_columns:
                if isinstance(column, PersonColumn):
                    text, held = matrix.text(activity, column), matrix.held(activity, column)
                    cells.append((text, _style(held) if held else "dim") if text else "")
                else:  # the hot path: a function's own letters
                    held = raci.get(column.id)
                    cells.append((held.label, _style(held)) if held else "")
            if last:
                cells.append(str(matrix.row_total(activity)))
            rows.append(cells)
        sections.append(rows)
    lead = len(columns) - len(shown_columns) - last
    footer: list[list[Cell]] = []
    for key in [*matrix.letters, "total"]:
        row: list[Cell] = ["" for _ in range(lead - 1)]
        row.append((key if key != "total" else "#", "bold"))
        row += [str(totals[c.id][key]) if c.id in totals else "" for c in shown_columns]
        if last:
            row.append(str(sum(counts[key] for counts in totals.values())))
        footer.append(row)
    sections.append(footer)
    return grid(columns, sections, color=color, width=width, gap=_GAP, minimum=_SHRUNK)


def _bands(
    matrix: Matrix,
    shown: dict[str, str],
    totals: dict[str, dict[str, int]],
    width: int,
    *,
    names: bool,
) -> list[list[Function]]:
    """The functions in bands, each as many as fit ``width`` beside the activity ids (and
    ``names``), at their narrowest, and, on the last band, the row totals; every band
    holds one function at least."""
    from rich.cells import cell_len

    wanted = {
        function.id: cell_len(shown.get(function.id, function.id)) for function in matrix.functions
    }
    for activity in matrix.activities:
        for fid, held in activity.raci.items():
            if fid in wanted and len(held.label) > wanted[fid]:
                wanted[fid] = len(held.label)
    for fid, counts in totals.items():
        wanted[fid] = max(wanted[fid], *(len(str(count)) for count in counts.values()))
    for fid, people in matrix.people.items():  # a function's people stay in its band
        for person in people:
            texts = (matrix.text(activity, person) for activity in matrix.activities)
            wanted[fid] += _GAP + max([cell_len(person.id), *map(cell_len, texts)])
    lead = min(_SHRUNK, max([len("Activity"), *(cell_len(a.id) for a in matrix.activities)]))
    if matrix.phased:
        phases = [cell_len(phase or NO_PHASE) for phase, _ in matrix.groups]
        lead += _GAP + min(_SHRUNK, max([len("Phase"), *phases]))
    if names:
        lead += _GAP + _SHRUNK
    grand = sum(counts["total"] for counts in totals.values())
    tail = _GAP + len(str(grand))
    functions = matrix.functions

    def fits(band: list[Function], last: bool) -> bool:
        used = lead + sum(_GAP + wanted[function.id] for function in band)
        return len(band) == 1 or used + (tail if last else 0) <= width

    count = 1  # the fewest bands that fit, then the functions spread evenly over them
    while True:
        size = -(-len(functions) // count)
        split = [functions[start : start + size] for start in range(0, len(functions), size)]
        if all(fits(band, band is split[-1]) for band in split):
            return split
        count += 1


def _columns(matrix: Matrix, functions: list[Function]) -> list[Function | PersonColumn]:
    """The letter columns of ``functions``: each function, then its people."""
    return [
        column
        for function in functions
        for column in (function, *matrix.people.get(function.id, ()))
    ]


def _abbreviations(ids: list[str], most: int = 3) -> dict[str, str]:
    """Each id cut to ``most`` characters (longer only where two would be the same), so a
    column is as narrow as its letters; the legend under the matrix spells them out."""
    found: dict[str, str] = {}
    for fid in ids:
        size = most
        while size < len(fid) and any(other != fid and other[:size] == fid[:size] for other in ids):
            size += 1
        found[fid] = fid[:size]
    return found


def render_markdown(matrix: Matrix, medium: Medium = PLAIN) -> str:
    lead = ["Phase"] if matrix.phased else []
    header = [*lead, "Activity", "Name", *(md(column.id) for column in matrix.columns), "#"]
    align = "l" * (len(lead) + 2) + "c" * len(matrix.columns) + "r"
    rows: list[list[str]] = []
    for phase, activities in matrix.groups:
        for position, activity in enumerate(activities):
            row = [f"**{md(phase or NO_PHASE)}**" if not position else ""] if lead else []
            row += [f"`{activity.id}`", md(activity.name)]
            for column in matrix.columns:
                held, text = matrix.held(activity, column), md(matrix.text(activity, column))
                row.append(f"**{text}**" if held and held.owner else text)
            row.append(str(matrix.row_total(activity)))
            rows.append(row)
    totals = matrix.column_totals()
    for key in [*matrix.letters, "total"]:
        label = f"**{key if key != 'total' else '#'}**"
        row = [""] * len(lead) + [label, ""]
        row += [str(totals[c.id][key]) if c.id in totals else "" for c in matrix.columns]
        row.append(str(sum(counts[key] for counts in totals.values())))
        rows.append(row)
    title = f"## {md(matrix.model.title)}: {matrix.model.scheme.title} matrix"
    key = "".join(
        f"**{md(part)}**" if look == ROLE_STYLES[Role.OWNER] else md(part)
        for part, look in _legend_segments(matrix.model.scheme)
    )
    extra = f"\n{md(PEOPLE_LEGEND)}\n" if matrix.people else ""
    if matrix.timeline is not None:
        from raci.output.timeline import markdown_lines

        extra += "\n" + "\n".join(markdown_lines(matrix.timeline, matrix.model.scheme)) + "\n"
    return f"{title}\n\n{md_table(header, align, rows)}\n{key}\n{extra}"
