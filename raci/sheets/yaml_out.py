"""Write an imported model as an ownership file people read: block style, one line per
function, each activity's ``raci:`` as a flow mapping, a blank line between activities.

PyYAML's emitter resolves plain scalars by YAML 1.1, our reader by 1.2's core schema:
a text the 1.2 reader would read as something else (``1e5``, ``0o17``, ``.inf``) is
quoted, so every value reads back as it was written. Comments are never built from raw
data: a file name is shown with its control characters escaped.
"""

from __future__ import annotations

from typing import Any

import yaml

_Base: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter when built


class _Flow(dict[str, Any]):
    """A mapping written on one line: ``{IC: A, HR: R}``."""


class _FlowList(list[Any]):
    """A list written on one line: ``[a, b]``."""


class _Dumper(_Base):  # type: ignore[misc]
    pass


def _flow(dumper: Any, data: _Flow) -> yaml.Node:
    node: yaml.Node = dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)
    return node


def _flow_list(dumper: Any, data: _FlowList) -> yaml.Node:
    node: yaml.Node = dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)
    return node


def _text(dumper: Any, data: str) -> yaml.Node:
    from raci.core.scalars import TooLong
    from raci.core.scalars import plain as _plain

    try:  # a 5,000-digit id is text that must be quoted, not a number to convert
        plain = isinstance(_plain(data), str) and _plain(data) == data
    except TooLong:
        plain = False
    style = None if plain and data.isprintable() else '"'
    node: yaml.Node = dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)
    return node


_Dumper.add_representer(str, _text)
_Dumper.add_representer(_Flow, _flow)
_Dumper.add_representer(_FlowList, _flow_list)


def dumper() -> Any:
    """The YAML dumper import writes with (1.2-safe text, flow ``raci:`` mappings)."""
    return _Dumper


def ownership_yaml(data: dict[str, Any], header: list[str]) -> str:
    """``data`` (an ownership file as plain values) as YAML text under ``header`` comments.

    ``activities`` must be the last key: its items are indented under it, as people
    write them (the emitter writes them flush with the key).
    """
    shaped = dict(data)
    if "phases" in data:
        shaped["phases"] = _FlowList(data["phases"])
    shaped["functions"] = {fid: _function(entry) for fid, entry in data["functions"].items()}
    shaped["activities"] = [_activity(activity) for activity in data["activities"]]
    text = yaml.dump(
        shaped, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=4096, indent=2
    )
    lines: list[str] = [f"# {comment_text(line)}".rstrip() for line in header]
    in_activities = False
    for line in text.splitlines():
        if line in {"functions:", "activities:"}:
            lines.append("")
            in_activities = line == "activities:"
        elif in_activities:
            if line.startswith("- ") and lines[-1] != "activities:":
                lines.append("")
            line = "  " + line
        lines.append(line)
    return "\n".join(lines) + "\n"


def _function(entry: dict[str, Any]) -> dict[str, Any]:
    """One line (``{name: IC, capacity: 4}``), or a block when it lists members."""
    shaped = dict(entry)
    if isinstance(entry.get("capacity"), dict):
        shaped["capacity"] = _Flow(entry["capacity"])
    if "members" not in entry:
        return _Flow(shaped)
    shaped["members"] = {mid: _Flow(member) for mid, member in entry["members"].items()}
    return shaped


def _activity(activity: dict[str, Any]) -> dict[str, Any]:
    raci = activity["raci"]
    per_phase = any(isinstance(value, dict) for value in raci.values())
    shaped = {
        **activity,
        "raci": {k: _Flow(v) for k, v in raci.items()} if per_phase else _Flow(raci),
    }
    if "people" in activity:
        shaped["people"] = _Flow(activity["people"])
    if "depends_on" in activity:
        shaped["depends_on"] = _FlowList(activity["depends_on"])
    return shaped


def comment_text(text: str) -> str:
    """``text`` safe inside a ``#`` comment: line breaks and control characters escaped."""
    return "".join(
        character
        if character.isprintable() or character == " "
        else character.encode("unicode_escape").decode("ascii")
        for character in text
    )


def checked_yaml(data: dict[str, Any], header: list[str]) -> str:
    """:func:`ownership_yaml`, read back with raci's own loader and schema: the text
    must give back ``data`` exactly, or nothing is written."""
    from pydantic import ValidationError

    from raci.core.errors import RaciError
    from raci.core.loader import ParseProblem, parse
    from raci.core.schema import file_models
    from raci.rules import CATALOGUE

    text = ownership_yaml(data, header)
    try:
        parsed = parse(text.encode("utf-8"))
        file_models(CATALOGUE)[0].model_validate(parsed)
    except (ParseProblem, ValidationError) as error:
        raise RaciError(f"the sheet does not make a valid ownership file: {error}") from None
    if plain(parsed) != data:
        raise RaciError("the sheet's values do not survive as YAML; nothing written")
    return text


def plain(value: Any) -> Any:
    """Parsed YAML as plain values, ``x-`` keys put back in their mappings."""
    if isinstance(value, dict):
        merged = {key: plain(item) for key, item in value.items()}
        merged.update(
            {key: plain(item) for key, item in (getattr(value, "extensions", None) or {}).items()}
        )
        return merged
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def activity_block(activity: dict[str, Any], indent: int) -> str:
    """One activity as a block list item (``- id: ...``), its lines indented by ``indent``."""
    text = yaml.dump(
        [_activity(activity)],
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=4096,
        indent=2,
    )
    return "\n".join(" " * indent + line for line in text.splitlines())
