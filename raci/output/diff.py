"""``raci diff`` output: plain text for a terminal or a log, markdown for a pull request,
JSON for scripts (:meth:`raci.diff.changes.Diff.as_dict`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from raci.core.scheme import SCHEMES
from raci.core.words import labelled, number, percent
from raci.output.escape import json_text, terminal
from raci.output.registry import PLAIN, Medium

if TYPE_CHECKING:
    from raci.core.findings import Finding
    from raci.diff.changes import Diff, LoadDelta, MemberRef, PhaseRef

NOBODY = "(nobody)"
NONE = "—"


def _pair(pair: tuple[Any, Any], show: Callable[[Any], str] = str) -> str:
    before, after = pair
    if before == after:
        return show(after)
    return f"{show(before)} → {show(after)}"


def _owners(owners: tuple[str, ...]) -> str:
    return ", ".join(owners) or NOBODY


def _value(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    if isinstance(value, dict):  # capacity per phase
        return "{" + ", ".join(f"{key}: {_value(item)}" for key, item in value.items()) + "}"
    if isinstance(value, float):
        return number(value)
    return str(value)


def load_header(diff: Diff) -> list[str]:
    """The load table's heading: counts headed by the scheme's letters (RAPID: D, R/P, A/I)."""
    headings = SCHEMES[diff.scheme].headings()
    return ["function", *(h for _, h in headings), "load", f"share of {headings[0][1]}"]


def load_cells(diff: Diff, delta: LoadDelta) -> list[str]:
    return [
        *(_pair(delta.count(role)) for role, _ in SCHEMES[diff.scheme].headings()),
        _pair(delta.load, number),
        _pair(delta.accountable_share, percent),
    ]


def headline(diff: Diff) -> str:
    """The verdict: what the change introduces, and whether the gate passes."""
    errors = sum(1 for finding in diff.introduced if finding.severity == "error")
    warnings = sum(1 for finding in diff.introduced if finding.severity == "warning")
    parts = [f"{errors} error{'s' * (errors != 1)}", f"{warnings} warning{'s' * (warnings != 1)}"]
    fixed = f", {len(diff.fixed)} fixed" if diff.fixed else ""
    mark = "✗" if diff.exit_code else "✓"
    strict = " (strict: warnings fail)" if diff.strict else ""
    return f"{mark} introduces {' and '.join(parts)}{fixed}{strict}"


def _changes(count: int, what: str) -> str:
    return f"{count} {what} change{'s' * (count != 1)}"


def counts(diff: Diff) -> str:
    parts = []
    for label, items in (
        ("added", diff.activities_added),
        ("removed", diff.activities_removed),
        ("renamed", diff.renamed),
    ):
        if items:
            parts.append(f"{len(items)} {label}")
    for label, refs in (("added", diff.phases_added), ("removed", diff.phases_removed)):
        if refs:
            parts.append(f"{len(refs)} phase{'s' * (len(refs) != 1)} {label}")
    text = f"activities: {', '.join(parts)}" if parts else "no activity added or removed"
    text += f"; {_changes(len(diff.assignments), 'assignment')}"
    if diff.accountability:
        text += f"; accountability moved on {len(diff.accountability)}"
    if diff.people:
        text += f"; {_changes(len(diff.people), 'person letter')}"
    members = len(diff.members_added) + len(diff.members_removed)
    members += sum(1 for change in diff.fields if change.kind == "member")
    if members:
        text += f"; {_changes(members, 'member')}"
    return text


def _at(activity: str, phase: str | None) -> str:
    """``champions``, or ``champions: run`` for one phase of an activity given per phase."""
    return activity if phase is None else f"{activity}: {terminal(phase)}"


def _phase_row(sign: str, ref: PhaseRef) -> str:
    letters = ", ".join(f"{fid} {label}" for fid, label in ref.letters.items())
    return f"  {sign} {ref.activity}: phase {terminal(str(ref.phase))} ({letters or NOBODY})"


def _member(ref: MemberRef) -> str:
    name = f"{terminal(ref.name)} " if ref.name else ""
    return f"{name}(FTE {number(ref.fte)})"


def _finding_line(finding: Finding) -> str:
    return (
        f"{terminal(finding.location)}: {finding.severity} {finding.code} {finding.rule}: "
        f"{terminal(finding.message)}"
    )


def _field_rows(diff: Diff, kind: str) -> list[str]:
    return [
        f"  ~ {c.id}: {c.field} {terminal(_value(c.old))} → {terminal(_value(c.new))}"
        for c in diff.fields
        if c.kind == kind
    ]


def render_text(diff: Diff, medium: Medium = PLAIN) -> str:
    """Every name, phase, value and message goes through :func:`terminal`: a newline in
    an activity's name never opens a line of its own."""
    out = [f"raci diff {terminal(diff.old)} → {terminal(diff.new)}", ""]
    rows = [f"  + {ref.id}  {terminal(ref.name)}" for ref in diff.activities_added]
    rows += [f"  - {ref.id}  {terminal(ref.name)}" for ref in diff.activities_removed]
    rows += [f"  ~ {r.old} → {r.new}  (renamed: {r.reason})" for r in diff.renamed]
    rows += [_phase_row("+", ref) for ref in diff.phases_added]
    rows += [_phase_row("-", ref) for ref in diff.phases_removed]
    _section(out, "Activities", rows + _field_rows(diff, "activity"))
    _section(
        out,
        "Assignments",
        [
            f"  {_at(c.activity, c.phase)}: {c.function} {c.old or NONE} → {c.new or NONE}"
            for c in diff.assignments
        ],
    )
    _section(
        out,
        "Accountability moved",
        [
            f"  {_at(move.activity, move.phase)}: {_owners(move.old)} → {_owners(move.new)}"
            for move in diff.accountability
        ],
    )
    rows = [f"  + {fid}" for fid in diff.functions_added]
    rows += [f"  - {fid}" for fid in diff.functions_removed]
    _section(out, "Functions", rows + _field_rows(diff, "function"))
    rows = [f"  + {ref.person}  {_member(ref)}" for ref in diff.members_added]
    rows += [f"  - {ref.person}  {_member(ref)}" for ref in diff.members_removed]
    _section(out, "Members", rows + _field_rows(diff, "member"))
    _section(
        out,
        "Person letters",
        [
            f"  {_at(c.activity, c.phase)}: {c.person} {c.old or NONE} → {c.new or NONE}"
            for c in diff.people
        ],
    )
    if diff.load:
        table = [load_header(diff)]
        table += [[delta.function, *load_cells(diff, delta)] for delta in diff.load]
        widths = [max(len(row[column]) for row in table) for column in range(len(table[0]))]
        lines = ["  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                 for r in table]  # fmt: skip
        _section(out, "Load per function", lines)
    if diff.hhi[0] != diff.hhi[1]:
        out += [f"Accountability concentration (HHI): {_pair(diff.hhi, number)}", ""]
    _section(out, f"Findings introduced ({len(diff.introduced)})", _lines(diff.introduced))
    _section(out, f"Findings fixed ({len(diff.fixed)})", _lines(diff.fixed))
    changed = [
        line
        for old, new in diff.changed_findings
        for line in (f"  {_finding_line(new)}", f"      was: {old.message}")
    ]
    _section(out, f"Findings changed ({len(diff.changed_findings)})", changed)
    if not diff.ownership_changed:
        out += ["No ownership changes.", ""]
    out += [counts(diff), headline(diff)]
    return "\n".join(out) + "\n"


def _lines(findings: list[Finding]) -> list[str]:
    return [f"  {_finding_line(finding)}" for finding in findings]


def _section(out: list[str], title: str, rows: list[str]) -> None:
    if rows:
        out += [title, *rows, ""]


def _cell(text: str) -> str:
    from raci.output.check.markdown import cell

    return cell(text)


def _md_at(activity: str, phase: str | None) -> str:
    return f"`{activity}`" if phase is None else f"`{activity}`: {_cell(phase)}"


def _function_label(fid: str, name: str) -> str:
    """``IC (Internal Communications)``; only the name when it already shows the id
    (:func:`raci.core.words.labelled`: never ``IT (Digital Workplace (IT))``)."""
    if labelled(name, fid) == name:
        return _cell(name)
    return f"{fid} ({_cell(name)})"


def render_markdown(diff: Diff, medium: Medium = PLAIN) -> str:
    out = [f"## Ownership changes: `{diff.old}` → `{diff.new}`", "", f"**{headline(diff)}**"]
    out += ["", counts(diff)]
    rows = [f"| added | `{r.id}` | {_cell(r.name)} |" for r in diff.activities_added]
    rows += [f"| removed | `{r.id}` | {_cell(r.name)} |" for r in diff.activities_removed]
    rows += [
        f"| renamed ({r.reason}) | `{r.old}` → `{r.new}` | {_cell(r.name)} |" for r in diff.renamed
    ]
    for change, refs in (("added", diff.phases_added), ("removed", diff.phases_removed)):
        rows += [
            f"| phase {change}: {_cell(str(r.phase))} | `{r.activity}` | {_cell(r.name)} |"
            for r in refs
        ]
    rows += [
        f"| {c.field} changed | `{c.id}` | {_cell(_value(c.old))} → {_cell(_value(c.new))} |"
        for c in diff.fields
        if c.kind == "activity"
    ]
    _table(out, "Activities", ["change", "activity", "name"], rows)
    rows = [
        f"| {_md_at(c.activity, c.phase)} | {c.function} | {c.old or NONE} | {c.new or NONE} |"
        for c in diff.assignments
    ]
    _table(out, "Assignments", ["activity", "function", "before", "after"], rows)
    rows = [
        f"| {_md_at(m.activity, m.phase)} | {_owners(m.old)} | {_owners(m.new)} |"
        for m in diff.accountability
    ]
    _table(out, "Accountability moved", ["activity", "from", "to"], rows)
    rows = [f"| added | {fid} |" for fid in diff.functions_added]
    rows += [f"| removed | {fid} |" for fid in diff.functions_removed]
    rows += [
        f"| {c.field}: {_cell(_value(c.old))} → {_cell(_value(c.new))} | {c.id} |"
        for c in diff.fields
        if c.kind == "function"
    ]
    _table(out, "Functions", ["change", "function"], rows)
    rows = [f"| added | {r.person} | {_cell(_member(r))} |" for r in diff.members_added]
    rows += [f"| removed | {r.person} | {_cell(_member(r))} |" for r in diff.members_removed]
    rows += [
        f"| {c.field} changed | {c.id} | {_cell(_value(c.old))} → {_cell(_value(c.new))} |"
        for c in diff.fields
        if c.kind == "member"
    ]
    _table(out, "Members", ["change", "member", "detail"], rows)
    rows = [
        f"| {_md_at(c.activity, c.phase)} | {c.person} | {c.old or NONE} | {c.new or NONE} |"
        for c in diff.people
    ]
    _table(out, "Person letters", ["activity", "person", "before", "after"], rows)
    rows = [
        f"| {_function_label(d.function, d.name)} | " + " | ".join(load_cells(diff, d)) + " |"
        for d in diff.load
    ]
    header = load_header(diff)
    _table(out, "Load per function", header, rows)
    if diff.hhi[0] != diff.hhi[1]:
        out += ["", f"Accountability concentration (HHI): {_pair(diff.hhi, number)}"]
    for title, findings in (("introduced", diff.introduced), ("fixed", diff.fixed)):
        rows = [
            f"| {f.severity} | `{_cell(f.location)}` | {f.code} `{f.rule}` | {_cell(f.message)} |"
            for f in findings
        ]
        _table(
            out, f"Findings {title} ({len(findings)})", ["severity", "at", "rule", "message"], rows
        )
    rows = [
        f"| {new.severity} | {new.code} `{new.rule}` | {_cell(old.message)} | "
        f"{_cell(new.message)} |"
        for old, new in diff.changed_findings
    ]
    _table(out, "Findings changed", ["severity", "rule", "before", "after"], rows)
    return "\n".join(out) + "\n"


def _table(out: list[str], title: str, header: list[str], rows: list[str]) -> None:
    if rows:
        out += ["", f"### {title}", "", "| " + " | ".join(header) + " |"]
        out += ["| " + " | ".join("---" for _ in header) + " |", *rows]


def render_json(diff: Diff, medium: Medium = PLAIN) -> str:
    return json_text(diff.as_dict())
