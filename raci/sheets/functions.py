"""The Functions sheet ``raci export`` writes (ID, Name, Capacity, a ``Capacity (phase)``
column per phase and Ends when the model uses them, Description, Waivers), read back so
capacities, descriptions and waivers survive a round trip; and the
``Waivers`` cell format shared with the activity column: one ``rule: reason`` a line."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from raci.sheets.layout import FUNCTION_HEADERS, FUNCTIONS_SHEET, valid_id
from raci.sheets.locate import text

if TYPE_CHECKING:
    from raci.core.model import Function, Model

_WAIVER = re.compile(r"^\s*([A-Za-z0-9-]+)\s*:\s?(.*)$", re.DOTALL)
_PHASE_CAPACITY = re.compile(r"^capacity \((.+)\)$", re.IGNORECASE)


def waivers_cell(waive: dict[str, str]) -> str:
    """``{rule: reason}`` as the text of one cell."""
    return "\n".join(f"{rule}: {reason}" for rule, reason in waive.items())


def parse_waivers(cell: str) -> tuple[dict[str, str], str | None]:
    """(waivers, problem) from a Waivers cell: a line starting ``rule-name:`` starts a
    waiver; other lines continue the reason above (a reason may span lines)."""
    from raci.rules import resolve_rule

    found: dict[str, str] = {}
    last: str | None = None
    for line in cell.split("\n"):  # a CR stays in its reason: what was written comes back
        match = _WAIVER.match(line)
        rule = resolve_rule(match.group(1)) if match else None
        if match and rule is not None:
            if rule.name in found:
                return {}, f"rule '{rule.name}' is waived twice"
            found[rule.name] = match.group(2)
            last = rule.name
        elif last is not None:
            found[last] += "\n" + line
        elif line.strip():
            return {}, f"a waiver is 'rule: reason' (one a line), not '{line.strip()}'"
    for waived, reason in found.items():
        if not reason.strip():
            return {}, f"the waiver of '{waived}' needs a reason"
    return found, None


@dataclass
class Definitions:
    functions: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[tuple[int, int, str]] = field(default_factory=list)


def phase_capacity_header(phase: str) -> str:
    return f"Capacity ({phase})"


def function_headers(model: Model) -> tuple[list[str], list[str], bool]:
    """(headers, the phases with a capacity column, whether there is an Ends column):
    a ``Capacity (phase)`` column per phase when a function gives capacity per phase, an
    Ends column when one ``ends:``."""
    functions = model.functions.values()
    phases: list[str] = []
    if any(function.phase_capacity for function in functions):
        named = [phase for function in functions for phase in function.phase_capacity]
        phases = list(dict.fromkeys([*model.phases, *named]))
    ends = any(function.ends is not None for function in functions)
    headers = [*FUNCTION_HEADERS[:3], *map(phase_capacity_header, phases)]
    headers += ["Ends"] * ends + FUNCTION_HEADERS[3:]
    return headers, phases, ends


def function_row(function: Function, phases: list[str], ends: bool) -> list[Any]:
    """A function's cells under :func:`function_headers` (a capacity its members give
    is left blank: it follows from them)."""
    capacity = (
        None if function.phase_capacity or function.capacity_from_members else function.capacity
    )
    cells: list[Any] = [function.id, function.name, _number(capacity)]
    cells += [_number(function.phase_capacity.get(phase)) for phase in phases]
    cells += [function.ends] * ends
    return [*cells, function.description, waivers_cell(function.waive) or None]


def _number(value: float | None) -> float | int | None:
    return int(value) if value is not None and value.is_integer() else value


def read_functions(rows: list[list[Any]]) -> Definitions:
    """The function definitions of a Functions sheet (its first row is the header)."""
    found = Definitions()
    if not rows:
        return found
    heads = [text(value).casefold() for value in rows[0]]
    columns = {name: heads.index(name.casefold()) for name in ("ID", "Name", "Capacity",
               "Ends", "Description", "Waivers") if name.casefold() in heads}  # fmt: skip
    phases = {
        column: match.group(1)
        for column, value in enumerate(rows[0])
        if (match := _PHASE_CAPACITY.match(text(value)))
    }
    if "ID" not in columns:
        found.problems.append((0, 0, f"the {FUNCTIONS_SHEET} sheet needs an ID column"))
        return found
    for row, values in enumerate(rows[1:], start=1):
        cell = _cells(columns, list(values))
        fid = text(cell("ID"))
        if not fid:
            continue
        if not valid_id(fid) or fid in found.functions:
            why = "is used twice" if fid in found.functions else "is not a valid id"
            found.problems.append((row, columns["ID"], f"function id '{fid}' {why}"))
            continue
        name = cell("Name")
        entry: dict[str, Any] = {"name": name if isinstance(name, str) and name.strip() else fid}
        _capacity(found, row, cell("Capacity"), columns.get("Capacity", 0), entry)
        _per_phase(found, row, list(values), phases, columns.get("Capacity"), entry)
        ends = cell("Ends")
        if text(ends):
            entry["ends"] = ends if isinstance(ends, str) else text(ends)
        description = cell("Description")
        if isinstance(description, str) and description != "":
            entry["description"] = description
        waivers = cell("Waivers")
        if text(waivers):
            waive, problem = parse_waivers(str(waivers))
            if problem:
                found.problems.append((row, columns["Waivers"], problem))
            else:
                entry["waive"] = waive
        found.functions[fid] = entry
    return found


def _cells(columns: dict[str, int], values: list[Any]) -> Callable[[str], Any]:
    def cell(name: str) -> Any:
        column = columns.get(name)
        return values[column] if column is not None and column < len(values) else None

    return cell


def _per_phase(
    found: Definitions,
    row: int,
    values: list[Any],
    phases: dict[int, str],
    single: int | None,
    entry: dict[str, Any],
) -> None:
    """The ``Capacity (phase)`` cells of a row: capacity per phase, unless it has one
    number for the whole programme too (a problem at the first phase's cell)."""
    given = {c: p for c, p in phases.items() if c < len(values) and text(values[c])}
    if not given:
        return
    if "capacity" in entry and single is not None:
        message = "give capacity as one number (Capacity) or per phase, not both"
        found.problems.append((row, next(iter(given)), message))
        return
    per_phase: dict[str, Any] = {}
    for column, phase in given.items():
        if _capacity(found, row, values[column], column, per_phase):
            per_phase[phase] = per_phase.pop("capacity")
    entry["capacity"] = per_phase


def _capacity(found: Definitions, row: int, value: Any, column: int, entry: dict[str, Any]) -> bool:
    shown = text(value)
    if not shown:
        return False
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        try:
            number = float(shown)
        except ValueError:
            number = None
    if number is None or not math.isfinite(number) or number <= 0:
        found.problems.append((row, column, f"capacity must be a number above 0, not '{shown}'"))
        return False
    entry["capacity"] = int(number) if number.is_integer() else number
    return True
