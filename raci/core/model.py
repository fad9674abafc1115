"""The merged, validated ownership model that rules, metrics and reports read.

:func:`raci.core.build.load` reads a file or a directory into a :class:`Model`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from raci.core.findings import Finding
from raci.core.loader import Document, LogicalPath
from raci.core.scheme import Assignment, Scheme


@dataclass(slots=True, eq=False)
class Member:
    """A person (or team) of a function: ``IC/alex`` is member ``alex`` of ``IC``."""

    id: str
    function: str
    name: str | None
    fte: float
    written: str = ""
    """The id as the file writes it (``--redact`` replaces ``id``): findings point there."""

    @property
    def key(self) -> str:
        return f"{self.function}/{self.id}"

    @property
    def path(self) -> LogicalPath:
        """Its key under ``members:``."""
        return ("functions", self.function, "members", self.written or self.id)


@dataclass(slots=True, eq=False)
class Function:
    id: str
    name: str
    capacity: float | None
    description: str | None
    waive: dict[str, str]
    document: Document
    phase_capacity: dict[str, float] = field(default_factory=dict)
    """Phase -> capacity, when ``capacity:`` is given per phase (``capacity`` is their sum)."""
    ends: str | None = None
    """The last phase the function is there for (``ends:``), if it leaves."""
    members: dict[str, Member] = field(default_factory=dict)
    capacity_from_members: bool = False
    """The capacity is the members' FTE times ``fte_unit`` (none was given)."""

    @property
    def path(self) -> LogicalPath:
        return ("functions", self.id)


@dataclass(slots=True, eq=False)
class Activity:
    id: str
    name: str
    phase: str | None
    effort: float
    depends_on: list[str]
    raci: dict[str, Assignment]
    waive: dict[str, str]
    document: Document
    index: int
    owners: list[str] = field(default_factory=list)
    workers: list[str] = field(default_factory=list)
    consulted: list[str] = field(default_factory=list)
    informed: list[str] = field(default_factory=list)
    eligible: list[str] = field(default_factory=list)
    """Functions listed under ``eligible:``: they may take the activity over (rebalance)."""
    stage: str | None = None
    """For an activity whose ``raci:`` is given per phase, the phase this part of it is
    (``phase`` is the same); each phase of such an activity is one :class:`Activity`."""
    people: dict[str, Assignment] = field(default_factory=dict)
    """``FUNCTION/member`` -> letters: who in a function holds its letters here."""

    @property
    def path(self) -> LogicalPath:
        return ("activities", self.index)

    @property
    def raci_path(self) -> LogicalPath:
        """Where this activity's letters are: ``raci:``, or its phase inside ``raci:``."""
        at: LogicalPath = (*self.path, "raci")
        return at if self.stage is None else (*at, self.stage)

    def with_raci(self, raci: dict[str, Assignment]) -> Activity:
        """A copy of this activity holding ``raci`` instead, its role lists rebuilt."""
        copy = Activity(
            self.id, self.name, self.phase, self.effort, self.depends_on, {}, self.waive,
            self.document, self.index, eligible=self.eligible, stage=self.stage,
            people=self.people,
        )  # fmt: skip
        for fid, held in raci.items():
            copy.assign(fid, held)
        return copy

    def assign(self, fid: str, held: Assignment) -> None:
        """Give ``fid`` the assignment ``held`` and file it under each role it plays."""
        self.raci[fid] = held
        if held.owner:
            self.owners.append(fid)
        if held.worker:
            self.workers.append(fid)
        if held.consulted:
            self.consulted.append(fid)
        if held.informed:
            self.informed.append(fid)


@dataclass(slots=True, eq=False)
class Model:
    name: str | None
    description: str | None
    scheme: Scheme
    functions: dict[str, Function]
    activities: list[Activity]
    documents: list[Document]
    rules: list[tuple[Document, BaseModel]] = field(default_factory=list)
    redefined: list[Function] = field(default_factory=list)
    """Functions defined again in a later file of a directory (``duplicate-id``)."""
    source: str = ""
    """The path the model was loaded from, as given: a file, or a directory."""
    phases: list[str] = field(default_factory=list)
    """The phases in order: ``phases:`` as declared, else in order of first appearance."""
    declared_phases: bool = False
    fte_unit: float = 1.0
    """Effort units one full-time member carries (``fte_unit:``)."""

    @property
    def has_people(self) -> bool:
        """Whether any function lists ``members:``: views then add per-person figures."""
        return any(function.members for function in self.functions.values())

    @property
    def phased(self) -> bool:
        """Whether the model uses phases beyond grouping (``phases:``, raci or capacity per
        phase, a function that ``ends:``): views then add per-phase figures; other models
        read exactly as before."""
        return (
            self.declared_phases
            or any(activity.stage is not None for activity in self.activities)
            or any(
                function.phase_capacity or function.ends is not None
                for function in self.functions.values()
            )
        )

    @property
    def title(self) -> str:
        return self.name or (self.documents[0].path.stem if self.documents else "ownership")


@dataclass(slots=True)
class Loaded:
    """What :func:`load` read: the files, and the model or the findings that stopped it."""

    files: list[str]
    model: Model | None
    findings: list[Finding]
