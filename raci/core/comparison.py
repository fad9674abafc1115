"""Which findings a change fixed, introduced or changed: one comparison for what-if,
rebalance and diff."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from raci.core.findings import Finding


@dataclass
class Comparison:
    """Which findings a change fixed, introduced, or kept about the same subject but with
    another message (a count moved): ``changed`` pairs (before, after)."""

    fixed: list[Finding] = field(default_factory=list)
    introduced: list[Finding] = field(default_factory=list)
    changed: list[tuple[Finding, Finding]] = field(default_factory=list)


def _finding_key(finding: Finding, renames: Mapping[str, str]) -> tuple[str | None, ...]:
    """(rule, activity, function, message), a renamed activity read as its new id."""
    activity, message = finding.activity, finding.message
    if activity is not None and activity in renames:
        message = message.replace(f"'{activity}'", f"'{renames[activity]}'")
        activity = renames[activity]
    return (finding.rule, activity, finding.function, message)


def compare(
    before: Sequence[Finding], after: Sequence[Finding], renames: Mapping[str, str] | None = None
) -> Comparison:
    """The findings of ``after`` against those of ``before``, as one multiset each.

    A finding is the same when its rule, subject (activity, function) and message are;
    ``renames`` maps old activity ids to new ones. What is left on both sides about the
    same rule and subject is ``changed``. Every list is in finding order.
    """
    renames = renames or {}
    old = Counter(_finding_key(finding, renames) for finding in before)
    new = Counter(_finding_key(finding, {}) for finding in after)
    gone = _unmatched(before, old, new, renames)
    came = _unmatched(after, new, old, {})
    waiting: dict[tuple[str | None, ...], list[Finding]] = {}
    for finding in gone:
        waiting.setdefault(_finding_key(finding, renames)[:3], []).append(finding)
    result = Comparison()
    for finding in came:
        candidates = waiting.get(_finding_key(finding, {})[:3])
        if candidates:
            result.changed.append((candidates.pop(0), finding))
        else:
            result.introduced.append(finding)
    paired = {id(old_finding) for old_finding, _ in result.changed}
    result.fixed = [finding for finding in gone if id(finding) not in paired]
    result.fixed.sort(key=Finding.sort_key)
    result.introduced.sort(key=Finding.sort_key)
    result.changed.sort(key=lambda pair: pair[1].sort_key())
    return result


def _unmatched(
    findings: Sequence[Finding],
    mine: Counter[tuple[str | None, ...]],
    theirs: Counter[tuple[str | None, ...]],
    renames: Mapping[str, str],
) -> list[Finding]:
    """The findings of one side beyond what the other side has of the same key (the
    last ones of a kind are the unmatched ones)."""
    spare = {key: count - theirs[key] for key, count in mine.items() if count > theirs[key]}
    left: list[Finding] = []
    for finding in reversed(findings):
        key = _finding_key(finding, renames)
        if spare.get(key, 0) > 0:
            spare[key] -= 1
            left.append(finding)
    return left[::-1]
