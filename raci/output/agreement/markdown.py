"""The agreement report as GitHub-flavoured markdown: what the workshop works through.

Sections: the verdict (views, alpha, agreement), contested accountability with who
named whom, the most contested activities, an activity x function heatmap (a coloured
square per cell: every view agrees, most do, or the cell is open), and each
function's perception gap as bars. All user text is escaped for a table cell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.core.words import plural
from raci.output.agreement.text import TIMES, ratio, share, shown
from raci.output.common import md, md_table
from raci.output.registry import PLAIN, Medium
from raci.views.summary import owners, perception

if TYPE_CHECKING:
    from raci.core.views import ActivityResult, CellResult, Merged
    from raci.engine import Report
    from raci.views import Outcome

AGREED, MOSTLY, SPLIT, OPEN = "🟩", "🟨", "🟧", "🟥"
BAR = 20
"""Characters of the longest perception bar."""


def heat(cell: CellResult) -> str:
    """A square for how much the views agree on a cell, then its consensus letter."""
    total = sum(cell.counts.values())
    if not total:
        return ""
    top = max(cell.counts.values())
    square = (
        OPEN if cell.open else AGREED if top == total else MOSTLY if 3 * top >= 2 * total else SPLIT
    )
    return f"{square} {md(cell.consensus or '')}".rstrip()


def votes(cell: CellResult) -> str:
    ranked = sorted(cell.counts.items(), key=lambda item: -item[1])
    return " ".join(f"{md(shown(label))}{TIMES}{count}" for label, count in ranked)


def render(outcome: Outcome, medium: Medium = PLAIN) -> str:
    merged, report = outcome.merged, outcome.report
    out = [f"# Whose view? {md(merged.title or 'Agreement report')}", ""]
    names = ", ".join(md(view.label) for view in merged.views)
    size = f"{plural(len(merged.activities), 'activity')} {TIMES} " + plural(
        len(merged.functions), "function"
    )
    out += [
        f"{plural(len(merged.views), 'view')} ({names}) on {size}. Krippendorff's alpha "
        f"**{ratio(merged.alpha)}**; {share(merged.agreement)} of answers agree.",
        "",
    ]
    out += _contested_accountable(merged)
    out += _most_contested(merged)
    out += _heatmap(merged)
    out += _perception(merged)
    out += _findings(report)
    return "\n".join(out).rstrip("\n") + "\n"


def _contested_accountable(merged: Merged) -> list[str]:
    rows = []
    for activity in merged.activities:
        if len(activity.owners) < 2:
            continue
        said = "; ".join(
            f"{md(entry['function'] or 'nobody')}: {md(', '.join(entry['by']))}"
            for entry in owners(merged, activity)
        )
        rows.append([f"`{md(activity.id)}` {md(activity.name)}", said])
    out = ["## Contested accountability", ""]
    if not rows:
        return [*out, "Every view names the same owner wherever one is named.", ""]
    header = ["activity", "named owner: by whom"]
    return [*out, md_table(header, "ll", rows).rstrip("\n"), ""]


def _most_contested(merged: Merged) -> list[str]:
    contested = merged.contested
    out = ["## Most contested activities", ""]
    if not contested:
        return [*out, "The views agree on every cell.", ""]
    rows = [
        [
            f"`{md(a.id)}` {md(a.name)}",
            ratio(a.alpha),
            share(a.agreement),
            "<br>".join(
                f"{md(c.function)}: {votes(c)}{' (open)' * c.open}" for c in a.disagreements
            ),
        ]
        for a in contested
    ]
    return [
        *out,
        md_table(["activity", "alpha", "agree", "disputed cells"], "lrrl", rows).rstrip("\n"),
        "",
    ]


def _heatmap(merged: Merged) -> list[str]:
    header = ["activity", *(md(fid) for fid in merged.functions), "alpha"]
    rows = [
        [f"`{md(a.id)}`", *(heat(cell) for cell in a.cells), ratio(a.alpha)]
        for a in merged.activities
    ]
    legend = (
        f"{AGREED} every view agrees · {MOSTLY} two thirds or more · {SPLIT} less · "
        f"{OPEN} open (no consensus); the letter is the consensus."
    )
    align = "l" + "c" * len(merged.functions) + "r"
    return ["## Agreement by cell", "", legend, "", md_table(header, align, rows).rstrip("\n"), ""]


def _perception(merged: Merged) -> list[str]:
    entries = [e for e in perception(merged) if e["own"] or e["others"]]
    most = max([1, *(max(e["own"] or 0, e["others"]) for e in entries)])
    rows = []
    for entry in entries:
        own = "no view" if entry["own"] is None else _bar(entry["own"], most)
        rows.append([md(entry["function"]), md(entry["words"]), own, _bar(entry["others"], most),
                     "" if entry["gap"] is None else f"{entry['gap']:+d}"])  # fmt: skip
    out = [
        "## Perception gaps",
        "",
        "On how many activities each function sees itself in a role, against how many the "
        "others see it there (roles nobody gives it are left out).",
        "",
    ]
    header = ["function", "role", "own view", "others' view", "gap"]
    return [*out, md_table(header, "llllr", rows).rstrip("\n"), ""]


def _bar(count: int, most: int) -> str:
    return f"`{'█' * round(BAR * count / most)}` {count}" if count else "0"


def _findings(report: Report) -> list[str]:
    out = ["## Findings", ""]
    if not report.findings:
        return [*out, "None.", ""]
    rows = [
        [f.severity, f"{f.code} `{f.rule}`", f"`{md(f.location)}`", md(f.message)]
        for f in report.findings
    ]
    return [*out, md_table(["severity", "rule", "where", "message"], "llll", rows).rstrip("\n"), ""]


def activity_label(activity: ActivityResult) -> str:
    return f"`{md(activity.id)}` {md(activity.name)}"
