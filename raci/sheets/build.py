"""From a located matrix to the ownership file as data, and the summary of what was read."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from raci.core.scheme import DEFAULT_SCHEME, Scheme
from raci.sheets.cells import check_house, normal, read_letter
from raci.sheets.functions import parse_waivers, read_functions
from raci.sheets.layout import parse_function_header, slugify, unique, valid_id
from raci.sheets.locate import Layout, column_letter
from raci.sheets.people import PEOPLE_SHEETS
from raci.sheets.rows import Entry, Rows, read_rows
from raci.sheets.settings import add_people, model_settings
from raci.sheets.stages import merge_phases
from raci.sheets.summary import Column, Skipped, Summary

if TYPE_CHECKING:
    from raci.sheets.importer import Imported
    from raci.sheets.read import Sheet

Problems = list[tuple[int, int, str]]


def build(
    sheet: Sheet,
    layout: Layout,
    house: Mapping[str, str],
    scheme: Scheme | None,
    known: Mapping[str, str] | None,
    definitions: Sheet | None,
    name: str | None,
    sheets: list[Sheet],
) -> Imported:
    """Read the rows of ``sheet`` under ``layout`` into an ownership file."""
    from raci.sheets.detect import recognise
    from raci.sheets.importer import Imported, SheetProblems

    problems: Problems = []
    functions = _functions(sheet, layout, known, definitions, problems)
    rows = read_rows(sheet.rows, layout, house, sheet.place)
    problems.extend(rows.problems)
    guessed = scheme is None
    if scheme is None:
        cells = [
            normal(value) if is_text else None
            for entry in rows.entries
            for value, is_text in entry.cells.values()
        ]
        scheme = recognise(cells, sheet.scheme)
    check_house(house, scheme)
    columns = {column: fid for fid, (column, _) in functions["header"].items()}
    bad = _letters(rows, columns, scheme, house, problems)
    _fields(rows.entries, layout, problems)
    rows.entries = merge_phases(rows.entries, layout, sheet.place, problems)
    if problems:
        note = ""
        if guessed and bad and scheme.name != DEFAULT_SCHEME:
            note = (
                f" (read as {scheme.title}: its letters fit the most cells; --scheme sets another)"
            )
        elif bad:
            note = " (letters of your own? map them: --letter Lead=A)"
        placed = [(sheet.place(row, column), text) for row, column, text in sorted(problems)]
        raise SheetProblems(sheet.name, placed, note)
    data = _data(sheet, rows, functions, scheme, name)
    people = add_people(data, sheets, scheme)
    if people:
        raise SheetProblems(sheet.name, people)
    summary = _summary(sheet, layout, rows, data, scheme, sheets)
    carried = {kind for kind in layout.known if kind != "id"} | set(layout.metadata.values())
    if rows.phases_from == "sections":
        carried.add("phase")
    if definitions is not None:
        carried.add("functions")
    carried.update(key for key in ("phases", "fte_unit") if key in data)
    if any(_phases_of(activity) and "phase" not in activity for activity in data["activities"]):
        carried.add("raci-per-phase")
    named = {item.sheet for item in sheets}
    carried.update(
        key
        for key, title in zip(("members", "people"), PEOPLE_SHEETS, strict=True)
        if title in named
    )
    return Imported(data, summary, frozenset(carried), tuple(functions["header"]))


def _functions(
    sheet: Sheet,
    layout: Layout,
    known: Mapping[str, str] | None,
    definitions: Sheet | None,
    problems: Problems,
) -> dict[str, Any]:
    """{"defined": id -> entry (the Functions sheet), "header": id -> (column, name)}."""
    defined: dict[str, dict[str, Any]] = {}
    if definitions is not None:
        read = read_functions(definitions.rows)
        if read.problems:
            from raci.sheets.importer import SheetProblems

            placed = [(definitions.place(r, c), text) for r, c, text in read.problems]
            raise SheetProblems(sheet.name, placed)
        defined = read.functions
    by_name = {entry["name"].casefold(): fid for fid, entry in defined.items()}
    lookup = {**by_name, **{fid.casefold(): fid for fid in defined}, **(known or {})}
    header: dict[str, tuple[int, str]] = {}
    taken: set[str] = set()
    for column in layout.letters:
        text = layout.headers[column]
        fid, label, written = parse_function_header(text)
        match = lookup.get(text.casefold()) or lookup.get(fid.casefold() if written else "")
        if match is None and written is False:
            match = lookup.get(label.casefold())
        if match is not None:
            fid, written = match, True
        if written and fid in taken:
            at = sheet.place(layout.header, header[fid][0])
            problems.append(
                (layout.header, column, f"function '{fid}' is already the header at {at}")
            )
            continue
        fid = unique(fid, taken, "function")
        header[fid] = (column, label)
    for column, earlier in layout.duplicates:
        heading = layout.headers[column]
        message = (
            f"a second '{heading}' column (the first is at {sheet.place(layout.header, earlier)})"
        )
        problems.append((layout.header, column, message))
    for column in layout.nameless:
        problems.append(
            (layout.header, column, "this column has cells but no function in its header")
        )
    return {"defined": defined, "header": header}


def _letters(
    rows: Rows,
    columns: dict[int, str],
    scheme: Scheme,
    house: Mapping[str, str],
    problems: Problems,
) -> int:
    """Read every letter cell into ``entry.fields["raci"]``; a cell that is no letter of
    the scheme is a problem at its cell. Returns how many there are."""
    bad = 0
    allowed = ", ".join(scheme.spellings)
    kept: list[Entry] = []
    for entry in rows.entries:
        raci: dict[str, str] = {}
        for column, (shown, is_text) in entry.cells.items():
            if column not in columns:
                continue
            label = read_letter(shown, scheme, house) if is_text else None
            if label is None:
                message = f"'{shown}' is not a {scheme.title} letter: use one of {allowed}"
                problems.append((entry.row, column, message))
                bad += 1
            elif label:
                raci[columns[column]] = label
        if raci or bad:
            entry.fields["raci"] = raci
            kept.append(entry)
        else:  # every letter was a house letter read as none
            rows.skipped.append((entry.row, "no-letters", entry.name))
    rows.entries = kept
    return bad


def _fields(entries: list[Entry], layout: Layout, problems: Problems) -> None:
    for entry in entries:
        raw = entry.fields.get("waive")
        if isinstance(raw, str):
            waive, problem = parse_waivers(raw)
            if problem:
                problems.append((entry.row, layout.known["waive"], problem))
            entry.fields["waive"] = waive
        for fid in entry.fields.get("eligible", []):
            if not valid_id(fid):
                message = f"'{fid}' in eligible is not a function id"
                problems.append((entry.row, layout.known["eligible"], message))


_ORDER = ("phase", "effort", "depends_on", "raci", "eligible", "waive")


def _data(
    sheet: Sheet, rows: Rows, functions: dict[str, Any], scheme: Scheme, name: str | None
) -> dict[str, Any]:
    taken = {entry.id for entry in rows.entries if entry.id}
    activities = []
    for number, entry in enumerate(rows.entries, start=1):
        activity_id = entry.id or unique(slugify(entry.name), taken, f"activity-{number}")
        activity: dict[str, Any] = {"id": activity_id, "name": entry.name}
        activity.update((key, entry.fields[key]) for key in _ORDER if key in entry.fields)
        activity.update((key, value) for key, value in entry.fields.items() if key.startswith("x-"))
        activities.append(activity)
    data: dict[str, Any] = {"version": 1}
    if name or sheet.title:
        data["name"] = name or sheet.title
    if sheet.description:
        data["description"] = sheet.description
    if scheme.name != DEFAULT_SCHEME:
        data["scheme"] = scheme.name
    data.update(model_settings(sheet, activities, functions["defined"]))
    defined: dict[str, dict[str, Any]] = dict(functions["defined"])
    for fid, (_, label) in functions["header"].items():
        defined.setdefault(fid, {"name": label})
    data["functions"] = defined
    data["activities"] = activities
    return data


def _summary(
    sheet: Sheet,
    layout: Layout,
    rows: Rows,
    data: dict[str, Any],
    scheme: Scheme,
    sheets: list[Sheet],
) -> Summary:
    def number(row: int) -> int:
        return sheet.lines[row] if sheet.lines is not None else row + 1

    skipped = [
        Skipped(number(row), sheet.place(row, 0), reason, text)  # type: ignore[arg-type]
        for row, reason, text in sorted(rows.skipped)
    ]
    filed = [(c, key) for c, key in layout.metadata.items()] + [(c, None) for c in layout.ignored]
    columns = [
        Column(
            column_letter(c),
            sheet.place(layout.header, c),
            layout.headers.get(c, "") if key else "",
            key,
            _count(sheet, layout, c),
        )
        for c, key in sorted(filed)
    ]
    phases = list(dict.fromkeys(phase for a in data["activities"] for phase in _phases_of(a)))
    return Summary(
        source=sheet.name,
        sheet=sheet.sheet,
        header_row=number(layout.header),
        header=sheet.place(layout.header, 0),
        scheme=scheme.title,
        activities=len(data["activities"]),
        functions=list(data["functions"]),
        phases=phases,
        phases_from=rows.phases_from if phases else "none",  # type: ignore[arg-type]
        skipped=skipped,
        columns=columns,
        sheets=[item.sheet for item in sheets if item.sheet is not None],
        unit="row" if sheet.lines is None else "line",
    )


def _phases_of(activity: dict[str, Any]) -> list[str]:
    if "phase" in activity:
        return [activity["phase"]]
    return [key for key, value in activity["raci"].items() if isinstance(value, dict)]


def _count(sheet: Sheet, layout: Layout, column: int) -> int:
    from raci.sheets.locate import text

    return sum(
        1
        for values in sheet.rows[layout.header + 1 :]
        if column < len(values) and text(values[column])
    )
