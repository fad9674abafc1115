"""A plan as text, markdown or JSON. Plain text throughout, so nothing wraps or needs a
terminal; ``raci report`` reuses :func:`markdown` for its Recommendations section."""

from __future__ import annotations

from collections.abc import Sequence

from raci import __version__
from raci.core.findings import Finding
from raci.core.scheme import Role
from raci.output.escape import json_text, terminal
from raci.output.registry import PLAIN, Medium
from raci.rebalance.plan import Plan


def render_json(plan: Plan, medium: Medium = PLAIN) -> str:
    document = {"tool": {"name": "raci", "version": __version__}, **plan.as_dict()}
    return json_text(document)


def render_markdown(plan: Plan, medium: Medium = PLAIN) -> str:
    return markdown(plan)


def headline(plan: Plan) -> str:
    """One sentence: the verdict."""
    count = len(plan.moves)
    if not plan.feasible and not count:
        return "No plan: " + "; ".join(plan.problems or plan.remaining)
    if not plan.feasible:
        letters = sum(len(new) for new in plan.changes.values())
        moves = "1 move" if count == 1 else f"{count} moves"
        left = len(plan.remaining)
        limits = "1 limit stays exceeded" if left == 1 else f"{left} limits stay exceeded"
        return f"{moves} ({letters} letters change), the best plan there is; {limits}"
    if not count:
        owner, _ = _words(plan)
        if plan.options.responsible:
            return "No moves needed: no function is over its limits"
        return f"No moves needed: no function is {owner} beyond its limit"
    letters = sum(len(new) for new in plan.changes.values())
    moves = "1 move" if count == 1 else f"{count} moves"
    owner, _ = _words(plan)
    if plan.options.responsible:
        return f"{moves} ({letters} letters change); no function is left over its limits"
    return f"{moves} ({letters} letters change); no function is left {owner} beyond its limit"


def _words(plan: Plan) -> tuple[str, str]:
    scheme = plan.model.scheme
    return scheme.role_words(Role.OWNER), scheme.role_words(Role.WORKER)


def _move_rows(plan: Plan) -> list[list[str]]:
    owner, worker = _words(plan)
    return [
        [
            move.label,
            f"{move.file}:{move.line}",
            owner if move.role == "accountable" else worker,
            f"{', '.join(move.source) or '(none)'} → {move.target}",
            move.reason,
        ]
        for move in plan.moves
    ]


def _load_rows(plan: Plan) -> tuple[list[str], list[list[str]]]:
    owner, worker = _words(plan)
    head = ["function", f"{owner} before", "after", "limit"]
    if plan.options.responsible:
        head += [f"{worker} before", "after", "limit", "effort before", "after", "capacity"]
    rows = []
    for load in plan.loads:
        row = [
            load.id,
            str(load.accountable[0]),
            str(load.accountable[1]),
            _maybe(load.accountable_limit),
        ]
        if plan.options.responsible:
            row += [
                str(load.responsible[0]),
                str(load.responsible[1]),
                _maybe(load.responsible_limit),
                f"{load.effort[0]:g}",
                f"{load.effort[1]:g}",
                "per phase" if load.phases else _maybe(load.capacity),
            ]
        rows.append(row)
    return head, rows


def _phase_rows(plan: Plan) -> tuple[list[str], list[list[str]]]:
    """Effort per phase of the functions whose capacity is held per phase (empty if none)."""
    rows = []
    if plan.options.responsible:
        for load in plan.loads:
            for phase in load.phases:
                over = "over" if phase.effort[1] > phase.capacity + 1e-9 else ""
                before, after = (f"{effort:g}" for effort in phase.effort)
                rows.append([load.id, phase.phase, before, after, f"{phase.capacity:g}", over])
    head = ["function", "phase", "effort before", "after", "capacity", ""]
    if not any(row[-1] for row in rows):  # a flag column only when one stays over
        return head[:-1], [row[:-1] for row in rows]
    return head, rows


def _maybe(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def _concentration(plan: Plan) -> list[list[str]]:
    return [
        ["HHI", f"{plan.hhi[0]:.3f}", f"{plan.hhi[1]:.3f}"],
        [
            "effective owners",
            f"{plan.effective_owners[0]:.1f}",
            f"{plan.effective_owners[1]:.1f}",
        ],
    ]


def _finding(finding: Finding) -> str:
    return (
        f"{finding.location}: {finding.severity} {finding.code} {finding.rule}: {finding.message}"
    )


def text(plan: Plan, medium: Medium = PLAIN) -> str:
    files = ", ".join(document.name for document in plan.model.documents)
    lines = [f"Rebalance of {terminal(plan.model.title)} ({terminal(files)})", headline(plan)]
    if plan.feasible or plan.moves:
        if plan.moves:
            lines += ["", "Moves", *_table(None, _move_rows(plan), right=())]
        head, rows = _load_rows(plan)
        lines += ["", "Load per function", *_table(head, rows, right=range(1, len(head)))]
        head, rows = _phase_rows(plan)
        if rows:
            lines += ["", "Effort per phase", *_table(head, rows, right=(2, 3, 4))]
        lines += [
            "",
            "Concentration",
            *_table(["", "before", "after"], _concentration(plan), right=(1, 2)),
        ]
        lines += _findings("Findings that disappear", plan.fixed, "  ")
        lines += _findings("Findings that appear", plan.introduced, "  ")
        if plan.changed:
            lines += ["", f"Findings that change ({len(plan.changed)})"]
            for before, after in plan.changed:
                lines += [f"  {_finding(before)}", f"    now: {after.message}"]
    if not plan.feasible and plan.remaining:
        lines += ["", "What remains", *(f"  {line}" for line in _remains(plan))]
    if plan.notes:
        lines += ["", "Notes", *(f"  {note}" for note in plan.notes)]
    return "\n".join(lines) + "\n"


def _remains(plan: Plan) -> list[str]:
    """What stays over its limit, then the constraint that binds."""
    if not plan.moves:  # the headline says why
        return list(plan.remaining)
    return [*plan.remaining, *(f"why: {problem}" for problem in plan.problems)]


def _findings(title: str, findings: list[Finding], indent: str) -> list[str]:
    if not findings:
        return []
    return ["", f"{title} ({len(findings)})", *(indent + _finding(item) for item in findings)]


def _table(head: list[str] | None, rows: list[list[str]], right: Sequence[int]) -> list[str]:
    everything = ([head] if head else []) + rows
    widths = [max(len(row[column]) for row in everything) for column in range(len(everything[0]))]
    lines = []
    for row in everything:
        cells = [
            cell.rjust(width) if column in right else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append(("  " + "  ".join(cells)).rstrip())
    return lines


def markdown(plan: Plan, level: int = 2) -> str:
    """The plan as GitHub-flavoured markdown; ``level`` is the heading level of its title."""
    hashes = "#" * level
    lines = [f"{hashes} Rebalance of {_cell(plan.model.title)}", "", _cell(headline(plan)), ""]
    if plan.feasible or plan.moves:
        owner, _ = _words(plan)
        if plan.moves:
            lines += _md_table(["activity", "where", "role", "move", "why"], _move_rows(plan))
        head, rows = _load_rows(plan)
        lines += [f"{hashes}# Load per function", "", *_md_table(head, rows)]
        head, rows = _phase_rows(plan)
        if rows:
            lines += [f"{hashes}# Effort per phase", "", *_md_table(head, rows)]
        lines += [f"{hashes}# Concentration of {owner}", ""]
        lines += _md_table(["", "before", "after"], _concentration(plan))
        for title, findings in (
            ("Findings that disappear", plan.fixed),
            ("Findings that appear", plan.introduced),
        ):
            if findings:
                lines += [f"{hashes}# {title} ({len(findings)})", ""]
                lines += [
                    f"- `{item.location}` {_cell(_finding(item).split(': ', 1)[1])}"
                    for item in findings
                ]
                lines.append("")
        if plan.changed:
            lines += [f"{hashes}# Findings that change ({len(plan.changed)})", ""]
            lines += [
                f"- `{before.location}` {_cell(_finding(before).split(': ', 1)[1])}  \n"
                f"  now: {_cell(after.message)}"
                for before, after in plan.changed
            ]
            lines.append("")
    if not plan.feasible and plan.remaining:
        lines += [f"{hashes}# What remains", "", *(f"- {_cell(line)}" for line in _remains(plan))]
        lines.append("")
    if plan.notes:
        lines += [f"{hashes}# Notes", "", *(f"- {_cell(note)}" for note in plan.notes), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(cell) for cell in head) + " |"]
    lines.append("|" + "|".join(" --- " for _ in head) + "|")
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return [*lines, ""]


def _cell(value: str) -> str:
    from raci.output.escape import markdown_cell

    return markdown_cell(value)
