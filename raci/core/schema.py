"""The file format (SPEC section 2) as strict pydantic models.

``x-`` keys never reach these models: the loader keeps them aside as user metadata.
Letters in ``raci:`` are checked against the file's scheme after validation (see
:mod:`raci.core.model`), so the error names the scheme's own letters.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    create_model,
    field_validator,
)
from pydantic_core import PydanticCustomError

from raci.core.scheme import SCHEMES

if TYPE_CHECKING:
    from raci.core.catalogue import Catalogue

IDENTIFIER = r"^[A-Za-z0-9_.\-]+$"

MAX_QUANTITY = 1_000_000.0
"""The largest ``effort`` or ``capacity``: sums and ratios of such numbers stay finite
and print in a bounded width (``effort: 1e309`` is infinity, which no report can show)."""

Identifier = Annotated[str, StringConstraints(pattern=IDENTIFIER)]
Text = Annotated[str, StringConstraints(min_length=1)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
if TYPE_CHECKING:
    SchemeName = str
else:
    SchemeName = Literal[tuple(SCHEMES)]  # the names of the one table of schemes


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        json_schema_extra={"patternProperties": {"^x-": {}}},
    )


Waivers = Annotated[
    dict[str, Reason],
    Field(description="rule (name or code) -> why it does not apply here; the reason is required"),
]


def _shape(value: Any) -> str:
    """Which form a value takes where a field accepts one of two (letter or per phase)."""
    return "[per phase]" if isinstance(value, dict) else "[single]"


Capacity = Annotated[float, Field(gt=0, le=MAX_QUANTITY, allow_inf_nan=False, strict=True)]
PhaseCapacity = Annotated[
    Annotated[Capacity, Tag("[single]")] | Annotated[dict[Text, Capacity], Tag("[per phase]")],
    Discriminator(_shape),
]


PERSON = r"^[A-Za-z0-9_.\-]+/[A-Za-z0-9_.\-]+$"

Person = Annotated[str, StringConstraints(pattern=PERSON)]


class Member(_Strict):
    """A person (or a team) of a function; an id suffices, the name is optional."""

    name: str | None = Field(None, description="display name (optional; see --redact)")
    fte: float = Field(
        1.0,
        gt=0,
        le=MAX_QUANTITY,
        allow_inf_nan=False,
        strict=True,
        description="full-time equivalents the member gives the programme (default 1)",
    )


class Function(_Strict):
    """An organisational function that can hold assignments."""

    name: Text = Field(description="display name, e.g. Internal Communications")
    capacity: PhaseCapacity | None = Field(
        None,
        description=(
            "effort units the function can carry (capacity-overload): one number for the "
            "whole programme, or phase -> number"
        ),
    )
    description: str | None = None
    ends: Text | None = Field(
        None,
        description=(
            "the last phase the function is there for (a project team that disbands); it "
            "should hold no R or A after it (orphaned-after-phase)"
        ),
    )
    members: dict[Identifier, Member] = Field(
        default_factory=dict,
        description=(
            "member id -> member: the people behind the function; without a capacity, the "
            "function's is the sum of their FTE times 'fte_unit'"
        ),
    )
    waive: Waivers = Field(default_factory=dict)


Cell = Annotated[
    Annotated[str, Tag("[single]")] | Annotated[dict[Identifier, str], Tag("[per phase]")],
    Discriminator(_shape),
]


class Activity(_Strict):
    """A piece of work and who holds which letter on it."""

    id: Identifier = Field(description="unique; letters, digits, '-', '_' and '.'")
    name: Text
    phase: str | None = Field(None, description="free text; groups matrices and reports")
    effort: float = Field(
        1.0,
        ge=0,
        le=MAX_QUANTITY,
        allow_inf_nan=False,
        strict=True,
        description="effort units, shared among the R holders",
    )
    depends_on: list[str] = Field(
        default_factory=list, description="ids of activities this one needs first"
    )
    raci: dict[Identifier, Cell] = Field(
        description=(
            "function id -> letter (R, A, C, I or A/R in RACI; see 'scheme'), or, for an "
            "activity that changes hands, phase -> (function id -> letter)"
        )
    )
    eligible: list[Identifier] = Field(
        default_factory=list,
        description=(
            "function ids that may take this activity over although they hold no R, A or C "
            "on it (raci rebalance)"
        ),
    )
    people: dict[Person, str] = Field(
        default_factory=dict,
        description=(
            "FUNCTION/member -> letter: who in a function holds its letters here (each "
            "person's letters are among the function's)"
        ),
    )
    waive: Waivers = Field(default_factory=dict)


@cache
def rules_block(catalogue: Catalogue) -> type[BaseModel]:
    """A model with one optional field per rule of ``catalogue``, accepting its name or
    its code."""
    fields: dict[str, Any] = {
        rule.name.replace("-", "_"): (
            rule.Settings | None,
            Field(
                None,
                validation_alias=AliasChoices(rule.name, rule.code, rule.code.lower()),
                serialization_alias=rule.name,
                description=f"{rule.code}: {rule.summary()}",
            ),
        )
        for rule in catalogue
    }
    return create_model("Rules", __config__=ConfigDict(extra="forbid"), **fields)


class _FileBase(_Strict):
    version: Literal[1] = Field(description="the format version; only 1 exists")

    @field_validator("version", mode="before")
    @classmethod
    def _exactly_one(cls, value: Any) -> Any:
        """``true`` and ``1.0`` equal 1 in Python; the version is the integer 1 only."""
        if type(value) is not int:
            raise PydanticCustomError("literal_error", "Input should be 1", {"expected": "1"})
        return value

    name: str | None = Field(None, description="the model's title in reports")
    description: str | None = None
    scheme: SchemeName = Field("raci", description="which letters the file uses")
    phases: list[Text] | None = Field(
        None,
        description=(
            "the phases in order (default: the order in which activities first name them); "
            "every phase an activity or a capacity names must be one of them"
        ),
    )
    fte_unit: float | None = Field(
        None,
        gt=0,
        le=MAX_QUANTITY,
        allow_inf_nan=False,
        strict=True,
        description="effort units one full-time member carries (default 1): member capacity",
    )


@cache
def file_models(catalogue: Catalogue) -> tuple[type[_FileBase], type[_FileBase]]:
    """(whole file, one file of a directory): the second may omit functions/activities."""
    rules: Any = rules_block(catalogue) | None
    whole = create_model(
        "OwnershipFile",
        __base__=_FileBase,
        functions=(dict[Identifier, Function], Field(description="function id -> function")),
        activities=(list[Activity], Field(description="the work, in order")),
        rules=(rules, Field(None, description="rule settings for this model")),
    )
    part = create_model(
        "OwnershipPart",
        __base__=_FileBase,
        functions=(dict[Identifier, Function], {}),
        activities=(list[Activity], []),
        rules=(rules, None),
    )
    return whole, part
