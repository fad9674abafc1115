"""Write an imported model as an ownership file people read: block style, one line per
function, each activity's ``raci:`` as a flow mapping, a blank line between activities."""

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


_Dumper.add_representer(_Flow, _flow)
_Dumper.add_representer(_FlowList, _flow_list)


def ownership_yaml(data: dict[str, Any], header: list[str]) -> str:
    """``data`` (an ownership file as plain values) as YAML text under ``header`` comments.

    ``activities`` must be the last key: its items are indented under it, as people
    write them (the emitter writes them flush with the key).
    """
    shaped = dict(data)
    shaped["functions"] = {fid: _Flow(entry) for fid, entry in data["functions"].items()}
    shaped["activities"] = [_activity(activity) for activity in data["activities"]]
    text = yaml.dump(
        shaped, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=4096, indent=2
    )
    lines: list[str] = [f"# {line}".rstrip() for line in header]
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


def _activity(activity: dict[str, Any]) -> dict[str, Any]:
    shaped = {**activity, "raci": _Flow(activity["raci"])}
    if "depends_on" in activity:
        shaped["depends_on"] = _FlowList(activity["depends_on"])
    return shaped
