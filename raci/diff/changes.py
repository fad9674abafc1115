"""What a change does to ownership: ``raci diff OLD NEW`` and ``raci diff --git REV PATH``.

Both sides are loaded and linted with the same settings (those found for the new side,
plus each side's own ``rules:`` block), then compared:

* activities added, removed and renamed. An id that disappears while a new one appears
  is a rename when exactly one such pair has the same name (ignoring case and spacing)
  or, failing that, exactly the same assignments; ambiguous pairs stay added + removed;
* per matched activity: changed fields, assignments added, removed and changed, and
  accountability moved from one function to another. An activity given per phase is
  compared phase by phase (its parts share the id; each is matched by its phase), and a
  phase it gains or loses is reported as such, not as the activity added or removed;
* people: members added, removed, or with a new name or FTE, and the letters of each
  person (``people:``) that change, per activity and phase;
* per function: the change in A/R/C/I counts, effort load and share of accountability
  (:mod:`raci.core.metrics`), and the model's HHI;
* findings introduced and fixed, compared by (rule, activity, function, message), never
  by line; a finding about a renamed activity is compared under its new id. A finding
  that stays on the same subject with a new message (a count that moved) is *changed*.

With ``--git``, a path that did not exist at the revision is compared with an empty
model: everything in it is added.

The exit code is a "no new problems" gate: 1 when the change introduces an error-level
finding (or a warning, under strict), else 0.
"""

from __future__ import annotations

import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from raci.core.config import Layer
from raci.core.context import Context
from raci.core.errors import InputError, RaciError
from raci.core.findings import Finding
from raci.core.model import Model
from raci.core.scheme import DEFAULT_SCHEME, SCHEMES, Role

RenameReason = Literal["same name", "same assignments"]


@dataclass(frozen=True, slots=True)
class ActivityRef:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Rename:
    old: str
    new: str
    name: str
    reason: RenameReason


@dataclass(frozen=True, slots=True)
class PhaseRef:
    """A phase an activity given per phase gains or loses, with its letters there."""

    activity: str
    name: str
    phase: str | None
    letters: dict[str, str]


@dataclass(frozen=True, slots=True)
class MemberRef:
    person: str
    """``FUNCTION/member``."""
    name: str | None
    fte: float


@dataclass(frozen=True, slots=True)
class FieldChange:
    kind: Literal["activity", "function", "member"]
    id: str
    field: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class AssignmentChange:
    activity: str
    function: str
    old: str | None
    new: str | None
    phase: str | None = None
    """The phase of an activity given per phase; None otherwise."""

    @property
    def change(self) -> str:
        return "added" if self.old is None else "removed" if self.new is None else "changed"


@dataclass(frozen=True, slots=True)
class PersonChange:
    """The letters of one person (``people:``) on one activity (and phase) that change."""

    activity: str
    person: str
    old: str | None
    new: str | None
    phase: str | None = None

    @property
    def change(self) -> str:
        return "added" if self.old is None else "removed" if self.new is None else "changed"


@dataclass(frozen=True, slots=True)
class AccountabilityMove:
    activity: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    phase: str | None = None


@dataclass(frozen=True, slots=True)
class LoadDelta:
    function: str
    name: str
    status: Literal["added", "removed", "changed"]
    accountable: tuple[int, int]
    responsible: tuple[int, int]
    consulted: tuple[int, int]
    informed: tuple[int, int]
    load: tuple[float, float]
    accountable_share: tuple[float, float]

    def count(self, role: Role) -> tuple[int, int]:
        """(before, after) activities on which the function plays ``role``."""
        return {
            Role.OWNER: self.accountable,
            Role.WORKER: self.responsible,
            Role.CONSULTED: self.consulted,
            Role.INFORMED: self.informed,
        }[role]


@dataclass
class Side:
    """One linted version of the model."""

    name: str
    model: Model
    findings: list[Finding]
    strict: bool
    context: Context | None = None
    """The model's graph context from its check, shared with the load comparison."""


@dataclass
class Diff:
    old: str
    new: str
    functions_added: list[str] = field(default_factory=list)
    functions_removed: list[str] = field(default_factory=list)
    activities_added: list[ActivityRef] = field(default_factory=list)
    activities_removed: list[ActivityRef] = field(default_factory=list)
    renamed: list[Rename] = field(default_factory=list)
    phases_added: list[PhaseRef] = field(default_factory=list)
    phases_removed: list[PhaseRef] = field(default_factory=list)
    fields: list[FieldChange] = field(default_factory=list)
    assignments: list[AssignmentChange] = field(default_factory=list)
    accountability: list[AccountabilityMove] = field(default_factory=list)
    members_added: list[MemberRef] = field(default_factory=list)
    members_removed: list[MemberRef] = field(default_factory=list)
    people: list[PersonChange] = field(default_factory=list)
    load: list[LoadDelta] = field(default_factory=list)
    hhi: tuple[float, float] = (0.0, 0.0)
    introduced: list[Finding] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)
    changed_findings: list[tuple[Finding, Finding]] = field(default_factory=list)
    strict: bool = False
    scheme: str = DEFAULT_SCHEME
    """The new version's scheme: its letters head the load table."""
    detailed: bool = False
    """Either side has phases or people: the JSON carries the phase and people lists
    (left out otherwise, so the output of other models stays as it was)."""

    @property
    def ownership_changed(self) -> bool:
        return any(
            (self.functions_added, self.functions_removed, self.activities_added,
             self.activities_removed, self.renamed, self.fields, self.assignments,
             self.phases_added, self.phases_removed, self.members_added,
             self.members_removed, self.people)
        )  # fmt: skip

    @property
    def exit_code(self) -> int:
        """1 when the change introduces an error (or a warning, under strict), else 0."""
        failing = {"error", "warning"} if self.strict else {"error"}
        return 1 if any(finding.severity in failing for finding in self.introduced) else 0

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["introduced"] = [finding.as_dict() for finding in self.introduced]
        data["fixed"] = [finding.as_dict() for finding in self.fixed]
        data["changed_findings"] = [
            {"old": old.as_dict(), "new": new.as_dict()} for old, new in self.changed_findings
        ]
        for entry, change in zip(data["assignments"], self.assignments, strict=True):
            entry["change"] = change.change
        for entry, person in zip(data["people"], self.people, strict=True):
            entry["change"] = person.change
        for entry in (*data["assignments"], *data["accountability"], *data["people"]):
            if entry["phase"] is None:  # a phase only for one phase of an activity
                del entry["phase"]
        if not self.detailed:
            for key in ("phases_added", "phases_removed", "members_added", "members_removed",
                        "people"):  # fmt: skip
                del data[key]
        del data["detailed"]
        data["exit_code"] = self.exit_code
        return data


# -- reading and linting both sides ----------------------------------------------------


def lint_side(
    label: str,
    path: Path,
    display: str,
    *,
    settings_from: Path,
    config: Path | str | None,
    command_line: Layer | None,
) -> Side:
    """Load and lint one side through the check pipeline, with the settings found for
    ``settings_from``; an unusable side is a :class:`RaciError` (exit 2) naming it, and a
    broken settings file an :class:`InputError` as in every command."""
    from raci.engine import check_model

    result = check_model(
        path, display=display, config=config, command_line=command_line, settings_from=settings_from
    )
    if result.settings_broken:
        raise InputError(result.findings)
    if result.model is None or result.settings is None:
        first = result.findings[0]
        more = f" (and {len(result.findings) - 1} more)" if len(result.findings) > 1 else ""
        raise RaciError(
            f"the {label} version cannot be used: {first.location}: {first.message}{more}"
        )
    for document in result.model.documents:
        document.release()  # the findings are located: the other side needs the memory
    return Side(display, result.model, result.findings, result.settings.strict, result.context)


def diff_paths(
    old: Path | str,
    new: Path | str,
    *,
    config: Path | str | None = None,
    command_line: Layer | None = None,
) -> Diff:
    """Compare two files or directories, both with the settings found for ``new``."""
    old, new = Path(old), Path(new)
    before = lint_side(
        "old", old, old.as_posix(), settings_from=new, config=config, command_line=command_line
    )
    after = lint_side(
        "new", new, new.as_posix(), settings_from=new, config=config, command_line=command_line
    )
    from raci.diff.compare import compare

    return compare(before, after)


def diff_git(
    rev: str,
    path: Path | str,
    *,
    config: Path | str | None = None,
    command_line: Layer | None = None,
) -> Diff:
    """Compare ``path`` at git revision ``rev`` with ``path`` in the working tree."""
    from raci.diff.gitrev import materialize

    path = Path(path)
    shown = path.as_posix()
    with tempfile.TemporaryDirectory(prefix="raci-diff-") as folder:
        old = materialize(rev, path, Path(folder))
        if old is None:  # a new file or directory: everything in it is added
            empty = Model(None, None, SCHEMES[DEFAULT_SCHEME], {}, [], [])
            before = Side(f"{rev}:{shown} (absent)", empty, [], False)
        else:
            before = lint_side(
                "old", old, shown, settings_from=path, config=config, command_line=command_line
            )
            before.name = f"{rev}:{shown}"
    after = lint_side(
        "new", path, shown, settings_from=path, config=config, command_line=command_line
    )
    from raci.diff.compare import compare

    return compare(before, after)
