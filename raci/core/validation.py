"""pydantic validation errors, rewritten for people and placed on the YAML node."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from raci.core.findings import Problem
from raci.core.loader import Document, LogicalPath
from raci.core.suggest import function_hint, suggest

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

_KINDS = {
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "list_type": "a list",
    "string_type": "text",
    "float_type": "a number",
    "float_parsing": "a number",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
}


def yaml_kind(value: Any) -> str:
    """How a value reads in YAML terms, for 'must be X, not Y' messages."""
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    return f"'{value}'"


def schema_problems(document: Document, error: ValidationError, allowed: Any) -> list[Problem]:
    """One :class:`Problem` per pydantic error, at the offending node.

    ``allowed(path)`` returns the keys a mapping at ``path`` accepts (for "did you
    mean"). A missing key points at the mapping that lacks it; an unknown key or a bad
    id at the key itself; anything else at the value.
    """
    problems: dict[tuple[LogicalPath, bool, str], Problem] = {}
    for detail in error.errors(include_url=False):
        path, key = error_path(document.data, detail["loc"])
        message = describe_error(document.data, path, detail, allowed)
        if detail["type"] == "extra_forbidden":
            key = True
        problems.setdefault((path, key, message), Problem(message, document, path, key))
    return list(problems.values())


def error_path(data: Any, loc: tuple[int | str, ...]) -> tuple[LogicalPath, bool]:
    """Keep the segments that name nodes; a trailing ``[key]`` means the key itself."""
    path: list[str | int] = []
    node: Any = data
    key = False
    for segment in loc:
        if segment == "[key]":
            key = True
            break
        in_map = isinstance(node, dict) and segment in node
        if in_map or (isinstance(node, list) and isinstance(segment, int) and segment < len(node)):
            node = node[segment]
            path.append(segment)
        elif isinstance(node, dict) and isinstance(segment, str) and not path_is_tag(segment):
            path.append(segment)  # a missing or unknown key: named, but not in the data
            node = None
    return tuple(path), key


def path_is_tag(segment: str) -> bool:
    """pydantic adds type tags (``function-after[...]``, ``float``) to some locations."""
    return "[" in segment or segment in {"str", "int", "float", "bool", "dict", "list", "none"}


def where(data: Any, path: LogicalPath) -> str:
    """``'effort' of activity 'launch'``, ``function 'IC'``, ``the top level``."""
    if not path:
        return "the top level"
    head, rest = path[0], list(path[1:])
    subject = ""
    if head == "functions" and rest:
        subject = f"function '{rest.pop(0)}'"
    elif head == "activities" and rest and isinstance(rest[0], int):
        index = rest.pop(0)
        assert isinstance(index, int)
        items = data.get("activities")
        item = items[index] if isinstance(items, list) and index < len(items) else None
        ident = item.get("id") if isinstance(item, dict) else None
        subject = f"activity '{ident}'" if isinstance(ident, str) else f"activity #{index + 1}"
    elif head == "rules" and rest:
        subject = f"rule '{rest.pop(0)}'"
    else:
        rest.insert(0, head)
    if not rest:
        return subject
    dotted = "".join(f"[{seg}]" if isinstance(seg, int) else f".{seg}" for seg in rest)[1:]
    if isinstance(rest[0], int):  # pragma: no cover - no top-level lists in the format
        dotted = dotted[1:]
    return f"'{dotted}' of {subject}" if subject else f"'{dotted}'"


def describe_error(data: Any, path: LogicalPath, detail: ErrorDetails, allowed: Any) -> str:
    kind = detail["type"]
    value = detail["input"]
    context = detail.get("ctx") or {}
    if kind == "missing":
        return f"{where(data, path[:-1])} is missing the required key '{path[-1]}'"
    if kind == "extra_forbidden":
        name = str(path[-1])
        hint = suggest(name, allowed(path[:-1]))
        return f"unknown key '{name}' in {where(data, path[:-1])}{hint}"
    subject = where(data, path)
    if len(path) == 2 and path[0] == "rules" and kind in _KINDS:
        return (
            f"{subject} takes off, on, a severity (error, warning, info) or a mapping of "
            f"settings, not {yaml_kind(value)}"
        )
    if kind in _KINDS:
        return f"{subject} must be {_KINDS[kind]}, not {yaml_kind(value)}"
    if kind == "string_pattern_mismatch" and "/" in str(context.get("pattern", "")):
        return f"'{value}' is not FUNCTION/member ({subject}), e.g. IC/alex"
    if kind == "string_pattern_mismatch":
        hint = _function_hint(data, path, value)
        if hint:  # a name where the id belongs: say which id
            return f"'{value}' is not a function id ({subject}): {hint.strip()[1:-1]}"
        return f"'{value}' is not a valid id ({subject}): use letters, digits, '-', '_' and '.'"
    if kind == "string_too_short":
        return f"{subject} must not be empty"
    if kind in {"greater_than", "greater_than_equal"}:
        sign = ">" if kind == "greater_than" else ">="
        bound = context.get("gt", context.get("ge"))
        return f"{subject} must be a number {sign} {yaml_kind(bound)}, not {yaml_kind(value)}"
    if kind in {"less_than", "less_than_equal"}:
        sign = "<" if kind == "less_than" else "<="
        bound = context.get("lt", context.get("le"))
        return f"{subject} must be a number {sign} {yaml_kind(bound)}, not {yaml_kind(value)}"
    if kind == "literal_error":
        expected = str(context.get("expected", "")).replace("'", "")
        if path == ("version",):
            return f"unsupported version {yaml_kind(value)}: the only version is 1"
        options = [option.strip() for option in expected.replace(" or ", ",").split(",")]
        hint = suggest(str(value), options) if isinstance(value, str) else ""
        return f"{subject} must be one of {expected}, not {yaml_kind(value)}{hint}"
    return f"{subject}: {detail['msg']}"


def _function_hint(data: Any, path: LogicalPath, value: Any) -> str:
    """Where a function id belongs (a ``raci:`` key, an ``eligible`` item), the function
    a name such as ``Internal Communications`` most likely means."""
    wants_id = len(path) == 4 and path[0] == "activities" and path[2] in ("raci", "eligible")
    functions = data.get("functions") if isinstance(data, dict) else None
    if not wants_id or not isinstance(functions, dict) or not isinstance(value, str):
        return ""
    names = {
        str(fid): str(entry["name"]) if isinstance(entry, dict) and "name" in entry else str(fid)
        for fid, entry in functions.items()
    }
    return function_hint(value, names)


def model_keys(model: type[BaseModel]) -> list[str]:
    """The keys a mapping validated by ``model`` accepts, aliases included."""
    keys: list[str] = []
    for name, field in model.model_fields.items():
        alias = field.validation_alias
        choices = getattr(alias, "choices", None)
        if choices:
            keys.extend(str(choice) for choice in choices)
        else:
            keys.append(field.alias or name)
    return keys
