"""The deck's people slide, for a model whose functions list ``members:``: load per person
against what each can carry (FTE times ``fte_unit``), the people who alone do the work
on something, and the truck factor counted in people."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pptx.util import Inches

from raci.output.deck.base import BODY_TOP, INK, MARGIN, NAVY, clip, new_slide, text_box
from raci.output.deck.charts import MOST, Bar, band_legend, load_chart
from raci.output.load_people import truck_line
from raci.output.report.fmt import number
from raci.report.bands import band

if TYPE_CHECKING:
    from pptx.dml.color import RGBColor
    from pptx.presentation import Presentation

    from raci.core.people_metrics import PeopleMetrics, PersonLoad

ALONE = 8
"""People listed as the only one doing something, at most (the notes list them all)."""


def _who(person: PersonLoad) -> str:
    return f"{person.name} ({person.id})" if person.name else person.id


def person_bars(people: PeopleMetrics) -> list[Bar]:
    """One column per person, most loaded first (as ``raci load`` lists them)."""
    ranked = sorted(people.people, key=lambda person: -person.load)
    return [Bar(p.id, p.load, p.capacity, band(p)) for p in ranked]


def people_slide(
    deck: Presentation,
    people: PeopleMetrics,
    activities: int,
    fte_unit: float,
    names: dict[str, str],
) -> None:
    ranked = sorted(people.people, key=lambda person: -person.load)
    over = [person for person in ranked if band(person) == "over"]
    alone = [person for person in ranked if person.only_worker]
    title = "Load per person"
    if len(over) == 1:
        title = f"{clip(_who(over[0]), 40)} is over capacity"
    elif over:
        title = f"{len(over)} people are over capacity"
    slide = new_slide(deck, title, _notes(people, activities, fte_unit, names))
    bars = person_bars(people)
    load_chart(slide, (MARGIN, BODY_TOP, Inches(7.9), Inches(5.2)), bars)
    band_legend(slide, bars[:MOST])
    lines: list[tuple[str, float, bool, RGBColor]] = [
        ("The only one doing the work", 16, True, NAVY)
    ]
    for person in alone[:ALONE]:
        what = ", ".join(names.get(a, a) for a in person.only_worker)
        lines.append((clip(f"{_who(person)}: {what}", 110), 13, False, INK))
    if len(alone) > ALONE:
        lines.append((f"and {len(alone) - ALONE} more people", 13, False, INK))
    if not alone:
        lines.append(("Nobody: every activity has more than one person doing it.", 13, False, INK))
    truck = people.truck_factor
    lines += [
        (f"Truck factor in people: {truck.count}", 16, True, NAVY),
        (clip(_truck_words(people, activities), 300), 13, False, INK),
    ]
    text_box(slide, (Inches(8.75), BODY_TOP, Inches(4.0), Inches(5.4)), lines)


def _truck_words(people: PeopleMetrics, activities: int) -> str:
    truck = people.truck_factor
    of = f"{truck.orphaned} of {activities}"
    if not truck.count:
        return f"{of} activities already have nobody doing or owning them."
    return (
        f"Without {', '.join(truck.people)}, {of} activities would have nobody doing or "
        "owning them (a function without members counts as one holder)."
    )


def _notes(people: PeopleMetrics, activities: int, fte_unit: float, names: dict[str, str]) -> str:
    ranked = sorted(people.people, key=lambda person: -person.load)
    figures = "; ".join(
        f"{_who(p)}: {number(p.load)} of {number(p.capacity)} ({p.utilisation:.0%})"
        for p in ranked[:MOST]
    )
    if len(ranked) > MOST:
        figures += f"; and {len(ranked) - MOST} more people"
    text = (
        "Each column is what one person carries: a function's share of an activity goes "
        "to the people named R for it, or else to all its members by FTE, so each "
        "function's people add up to the function. The black dash is what the person can "
        f"carry: their FTE times {number(fte_unit)} effort units. Figures: {figures}. "
    )
    over = [p for p in ranked if band(p) == "over"]
    if over:
        text += (
            f"Over capacity: {', '.join(_who(p) for p in over)}. Tell the sponsor the "
            "function's total can look fine while one person is overloaded: ask the "
            "function's lead to share that work out. "
        )
    elif ranked:
        most = ranked[0]
        text += (
            f"Tell the sponsor nobody is over their own capacity; the most loaded is "
            f"{_who(most)} at {most.utilisation:.0%}, so keep an eye on who is added to "
            "their work. "
        )
    alone = [p for p in ranked if p.only_worker]
    if alone:
        text += (
            ("One person alone does" if len(alone) == 1 else f"{len(alone)} people alone do")
            + " the work on something: "
            + "; ".join(
                f"{_who(p)} on {', '.join(names.get(a, a) for a in p.only_worker)}" for p in alone
            )
            + ". If one of them is ill or leaves, that work stops: ask for a named back-up. "
        )
    return (
        text
        + truck_line(people, activities)
        + ". Functions without members count as one holder each in the truck factor."
    )
