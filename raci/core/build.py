"""Read, validate and merge ownership files into one :class:`~raci.core.model.Model`.

:func:`load` takes a file or a directory, validates every file against the schema and
merges them into one model. Anything that makes the input unusable comes back as
problems (``parse-error`` / ``schema-error``), never as an exception.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from raci.core.catalogue import Catalogue
from raci.core.documents import UnreadableEntry, ownership_files, read_document
from raci.core.findings import PARSE_ERROR, SCHEMA_ERROR, Finding, Problem, input_finding
from raci.core.loader import Document, LogicalPath, ParseProblem
from raci.core.model import Activity, Function, Loaded, Member, Model
from raci.core.people import RawPeople, redact, redacting, settle_people
from raci.core.phases import set_capacity, settle_phases, stages
from raci.core.scheme import DEFAULT_SCHEME, SCHEMES, Scheme
from raci.core.suggest import suggest
from raci.core.validation import model_keys, schema_problems, where

T = TypeVar("T")


def load(path: Path, display: str | None = None, *, catalogue: Catalogue) -> Loaded:
    """Read, validate and merge the ownership file or directory at ``path``; waivers and
    ``rules:`` blocks are checked against the rules of ``catalogue``."""
    from raci.core.schema import file_models

    name = display if display is not None else path.as_posix()
    is_dir = path.is_dir()
    if is_dir:
        try:
            listed = ownership_files(path)
        except UnreadableEntry as error:
            shown = (
                _join(name, error.path.relative_to(path).as_posix()) if error.path != path else name
            )
            return Loaded([], None, [input_finding(PARSE_ERROR, error.message, shown)])
        files = [(file, _join(name, file.relative_to(path).as_posix())) for file in listed]
        if not files:
            message = "the directory holds no .yaml or .yml files"
            return Loaded([], None, [input_finding(PARSE_ERROR, message, name)])
    else:
        files = [(path, name)]
    schema = file_models(catalogue)[1 if is_dir else 0]
    documents: list[Document] = []
    validated: list[Any] = []
    problems: list[Problem] = []
    findings: list[Finding] = []
    for file, shown in files:
        try:
            document = read_document(file, shown)
        except ParseProblem as error:
            findings.append(
                input_finding(PARSE_ERROR, error.message, shown, error.line, error.column)
            )
            continue
        try:
            validated.append(schema.model_validate(document.data))
            documents.append(document)
        except ValidationError as error:
            allowed = partial(_allowed_keys, schema, catalogue)
            problems.extend(schema_problems(document, error, allowed))
    shown_files = [shown for _, shown in files]
    usable = not findings and not problems
    model = _merge(documents, validated, problems, catalogue) if usable else None
    if model is not None:
        model.source = name
    findings.extend(problem.finding(*SCHEMA_ERROR, "error") for problem in problems)
    if model is not None and not findings and redacting():
        redact(model)
    return Loaded(shown_files, None if findings else model, findings)


def _join(base: str, relative: str) -> str:
    return relative if base in {"", "."} else f"{base.rstrip('/')}/{relative}"


def _allowed_keys(schema: type[BaseModel], catalogue: Catalogue, path: LogicalPath) -> list[str]:
    """The keys the mapping at ``path`` accepts, for "did you mean" hints."""
    from raci.core.schema import Activity as ActivitySchema
    from raci.core.schema import Function as FunctionSchema
    from raci.core.schema import rules_block

    if not path:
        return model_keys(schema)
    if path[0] == "functions" and len(path) == 2:
        return model_keys(FunctionSchema)
    if path[0] == "activities" and len(path) == 2:
        return model_keys(ActivitySchema)
    if path == ("rules",):
        return model_keys(rules_block(catalogue))
    if path[0] == "rules" and len(path) == 2:
        rule = catalogue.resolve(str(path[1]))
        return model_keys(rule.Settings) if rule else []
    return []


def _merge(
    documents: list[Document], validated: list[Any], errors: list[Problem], catalogue: Catalogue
) -> Model:
    """One model from the validated files, with letters checked against the scheme.

    The first file that declares ``scheme:`` sets it for the model (``raci`` if none
    does); a file without the key uses it, a file declaring another one is an error.
    """
    declared = [
        (document, data.scheme)
        for document, data in zip(documents, validated, strict=True)
        if "scheme" in document.data
    ]
    name = declared[0][1] if declared else DEFAULT_SCHEME
    for document, other in declared[1:]:
        if other != name:
            message = (
                f"scheme '{other}' differs from '{name}' in {declared[0][0].name}: "
                "every file of a directory uses one scheme"
            )
            errors.append(Problem(message, document, ("scheme",)))
    scheme = SCHEMES[name]
    model = Model(
        name=next((data.name for data in validated if data.name), None),
        description=next((data.description for data in validated if data.description), None),
        scheme=scheme,
        functions={},
        activities=[],
        documents=documents,
    )
    raw_people: RawPeople = []
    for document, data in zip(documents, validated, strict=True):
        for fid, raw in data.functions.items():
            function = Function(fid, raw.name, None, raw.description, {}, document)
            set_capacity(function, raw.capacity)
            function.ends = raw.ends
            function.members = {
                mid: Member(mid, fid, member.name, member.fte, mid)
                for mid, member in raw.members.items()
            }
            function.waive = _waivers(raw.waive, document, function.path, errors, catalogue)
            if fid in model.functions:
                model.redefined.append(function)
            else:
                model.functions[fid] = function
        own = SCHEMES[data.scheme] if "scheme" in document.data else scheme
        _add_activities(model, own, document, data.activities, errors, catalogue, raw_people)
        if data.rules is not None:
            model.rules.append((document, data.rules))
    settle_phases(model, documents, validated, errors)
    settle_people(model, documents, validated, raw_people, errors)
    for key, found, kind in (
        ("functions", model.functions, "function"),
        ("activities", model.activities, "activity"),
    ):
        if not found:
            at = next((doc for doc in documents if key in doc.data), documents[0])
            place = (key,) if key in at.data else ()
            errors.append(Problem(f"the model needs at least one {kind}", at, place, bool(place)))
    return model


def _add_activities(
    model: Model,
    scheme: Scheme,
    document: Document,
    raws: list[Any],
    errors: list[Problem],
    catalogue: Catalogue,
    people: RawPeople,
) -> None:
    """Add the activities of one file, its letters read in the scheme that file declares
    (a file at odds with the model's scheme is already an error; its letters are not).
    ``people:`` letters wait in ``people`` until every function is known."""
    for index, raw in enumerate(_drain(raws)):
        activity = Activity(
            raw.id, raw.name, raw.phase, raw.effort, raw.depends_on, {}, {}, document, index
        )
        if raw.eligible:
            activity.eligible = raw.eligible
        if raw.waive:
            activity.waive = _waivers(raw.waive, document, activity.path, errors, catalogue)
        for part, letters in stages(activity, raw.raci, errors):
            _assign_letters(part, scheme, letters, errors)
            model.activities.append(part)
            if raw.people:
                people.append((part, raw.people, scheme))


def _assign_letters(
    activity: Activity, scheme: Scheme, raci: Mapping[str, Any], errors: list[Problem]
) -> None:
    """Read each letter of ``raci`` in ``scheme`` and assign it; a bad one is an error."""
    document = activity.document
    for fid, text in raci.items():
        held = scheme.parse(text)
        if held is None:
            place = (*activity.raci_path, fid)
            cell = where(document.data, place)
            letters = ", ".join(scheme.spellings)
            message = f"'{text}' is not a {scheme.title} letter ({cell}): use one of {letters}"
            errors.append(Problem(message, document, place))
            continue
        activity.assign(fid, held)


def _drain(items: list[T]) -> Iterator[T]:
    """Yield the items in order, letting go of each once it is yielded.

    The validated copy of each activity is dropped as soon as its model activity is
    built, so the two copies never coexist whole (130 MiB less at the peak of a
    100,000-activity check).
    """
    items.reverse()
    while items:
        yield items.pop()


def _waivers(
    raw: dict[str, str],
    document: Document,
    owner: LogicalPath,
    errors: list[Problem],
    catalogue: Catalogue,
) -> dict[str, str]:
    """Waivers keyed by rule name; a rule that does not exist is a schema error."""
    waivers: dict[str, str] = {}
    for name, reason in raw.items():
        rule = catalogue.resolve(name)
        if rule is None:
            hint = suggest(name, catalogue.by_name)
            message = f"'waive' of {where(document.data, owner)} names no rule '{name}'{hint}"
            errors.append(Problem(message, document, (*owner, "waive", name), True))
        else:
            waivers[rule.name] = reason
    return waivers
