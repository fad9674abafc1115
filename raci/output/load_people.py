"""The per-person part of ``raci load``, for models whose functions list ``members:``.

One row per person, by load: FTE, named A and R counts, load against the capacity the
person gives (FTE times ``fte_unit``), and the activities they alone do the work on;
then the truck factor counted in people.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.core.words import plural
from raci.output.common import md, md_table, number, percent

if TYPE_CHECKING:
    from raci.core.people_metrics import PeopleMetrics, PersonLoad

HEADERS = ("Person", "Name", "FTE", "A", "R", "Load", "Use", "Only R on")


def _rows(people: PeopleMetrics) -> list[PersonLoad]:
    return sorted(people.people, key=lambda person: -person.load)


def _cells(person: PersonLoad) -> list[str]:
    return [
        person.id,
        person.name or "",
        number(person.fte),
        str(person.accountable),
        str(person.responsible),
        f"{number(person.load)} / {number(person.capacity)}",
        percent(person.utilisation),
        ", ".join(person.only_worker),
    ]


def truck_line(people: PeopleMetrics, activities: int) -> str:
    truck = people.truck_factor
    of = f"{truck.orphaned} of {plural(activities, 'activity')}"
    if not truck.count:
        return f"Truck factor in people: 0: {of} already have nobody doing or owning them"
    return (
        f"Truck factor in people: {truck.count} ({', '.join(truck.people)}): without them, "
        f"{of} have nobody doing or owning them"
    )


def text_lines(people: PeopleMetrics, activities: int, color: bool, width: int | None) -> list[str]:
    from raci.output.common import Cell, Column, grid, styled, wrapped

    columns = [Column("Person", style="bold"), Column("Name", shrink=True)]
    columns += [Column(header, justify="right") for header in HEADERS[2:7]]
    columns.append(Column("Only R on", style="yellow", shrink=True))
    rows: list[list[Cell]] = []
    for person in _rows(people):
        cells: list[Cell] = list(_cells(person))
        if person.load > person.capacity + 1e-9:
            cells[5] = (str(cells[5]), "bold red")
        rows.append(cells)
    lines = [styled("Load per person", "bold", color), ""]
    lines += grid(columns, [rows], color=color, width=width, gap=2)
    return [*lines, "", *wrapped([truck_line(people, activities)], width, "  ")]


def markdown_lines(people: PeopleMetrics, activities: int) -> list[str]:
    rows = [[md(cell) for cell in _cells(person)] for person in _rows(people)]
    table = md_table(list(HEADERS), "llrrrrrl", rows).rstrip("\n")
    return ["", "### Load per person", "", table, "", f"- {md(truck_line(people, activities))}"]
