"""JSON Schema (draft 2020-12) of an ownership file, for editors (yaml-language-server).

Generated from the pydantic models of :mod:`raci.core.schema`, then adjusted where what raci
accepts is not what pydantic can describe:

* ``x-`` keys are user metadata in every mapping (the loader keeps them aside);
* function ids are keys that must look like ids, and an unknown key is an error;
* each cell's letter depends on the file's ``scheme``, in any case, with ``A/R`` also
  spelt ``AR`` or ``RA``; a cell may instead be a phase's letters (raci per phase);
* numbers are accepted where text is expected (``phase: 1``), as raci reads them;
* a rule is named by its name or its code, and takes ``off``/``on``, a severity, or a
  mapping of its settings;
* ``functions`` and ``activities`` may be missing from one file of a directory model.
"""

from __future__ import annotations

import re
from typing import Any

from raci.core.scheme import SCHEMES, Scheme
from raci.rules import CATALOGUE, REGISTRY

DIALECT = "https://json-schema.org/draft/2020-12/schema"
EXTENSION = "^x-"
IDENTIFIER_NAME = r"^[A-Za-z0-9_.\-]+$"
SHORTHANDS = ["off", "on", "error", "warning", "info"]


def _insensitive(text: str) -> str:
    """A regex for ``text`` in any letter case, without flags (ECMA-262 has none inline)."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in text)


def spellings(scheme: Scheme) -> list[str]:
    """Every way a cell may be written in ``scheme``: letters and owner/worker pairs."""
    found = [letter.code for letter in scheme.letters]
    for owner, worker in scheme.combinations:
        found += [f"{owner}/{worker}", f"{worker}/{owner}", owner + worker, worker + owner]
    return found


def letter_pattern(schemes: list[Scheme]) -> str:
    options = sorted({spelling for scheme in schemes for spelling in spellings(scheme)})
    options.sort(key=len, reverse=True)
    return r"^\s*(" + "|".join(_insensitive(option) for option in options) + r")\s*$"


def describe_letters(scheme: Scheme) -> str:
    letters = ", ".join(f"{item.code} ({item.word}: {item.meaning})" for item in scheme.letters)
    pairs = ", ".join(f"{owner}/{worker}" for owner, worker in scheme.combinations)
    return f"{scheme.title}: {letters}; or {pairs} for both (any letter case)"


def json_schema() -> dict[str, Any]:
    from raci.core.schema import file_models

    _, part = file_models(CATALOGUE)
    schema: dict[str, Any] = part.model_json_schema(mode="validation")
    defs = schema["$defs"]
    defs.pop("Rules", None)
    properties = schema["properties"]
    properties["functions"] = _functions()
    properties["activities"].update(
        description="the work, in order; required, except in one file of a directory model"
    )
    properties["rules"] = {
        "anyOf": [{"$ref": "#/$defs/Rules"}, {"type": "null"}],
        "description": "rule settings for this model (a rule by its name or its code)",
    }
    defs["Rules"] = _rules_block(defs)
    raci = defs["Activity"]["properties"]["raci"]
    raci.pop("patternProperties", None)
    # The letters themselves are checked per scheme (allOf below), so an editor shows one
    # message for a bad letter, in words, and completes the letters of the file's scheme.
    letter = {"type": "string", "description": "a letter of the file's scheme (see 'scheme')"}
    raci.update(_identifier_map(_cell(letter)))
    raci["description"] = (
        "function id -> letter, or phase -> (function id -> letter) for an activity that "
        "changes hands; the letters depend on 'scheme'"
    )
    _people(defs, _letter(list(SCHEMES.values()), "a letter of the file's scheme"))
    defs["Activity"]["properties"]["waive"] = defs["Function"]["properties"]["waive"] = _waivers()
    for model in ("Activity", "Function", "Member"):
        _accept_numbers_as_text(defs[model])
    _accept_numbers_as_text(schema, ("name", "description"))
    legends = "".join(f"\n- {name}: {scheme.legend()}" for name, scheme in SCHEMES.items())
    properties["scheme"]["description"] = f"which letters the file uses:{legends}"
    schema["required"] = ["version"]
    schema["allOf"] = [_scheme_letters(scheme) for scheme in SCHEMES.values()]
    schema.pop("title", None)
    return {
        "$schema": DIALECT,
        "title": "raci ownership file",
        "description": (
            "An ownership file of raci (one file, or one file of a directory model): "
            "functions, activities and who is Responsible, Accountable, Consulted and "
            "Informed for each. Keys beginning with 'x-' are user metadata."
        ),
        **schema,
    }


def _people(defs: dict[str, Any], letter: dict[str, Any]) -> None:
    """``members:`` keyed by ids and ``people:`` by ``FUNCTION/member``, each with ``x-``
    metadata and nothing else."""
    from raci.core.schema import PERSON

    members = defs["Function"]["properties"]["members"]
    members.pop("patternProperties", None)
    members.update(_identifier_map({"$ref": "#/$defs/Member"}))
    people = defs["Activity"]["properties"]["people"]
    people.update(patternProperties={EXTENSION: {}, PERSON: letter}, additionalProperties=False)


def _identifier_map(value: dict[str, Any]) -> dict[str, Any]:
    """A mapping keyed by ids, plus ``x-`` metadata; any other key is an error.

    The ids' values sit under ``additionalProperties`` (keys restricted by
    ``propertyNames``), not ``patternProperties``: yaml-language-server completes values
    from ``additionalProperties`` only."""
    return {
        "type": "object",
        "propertyNames": {"pattern": IDENTIFIER_NAME},
        "patternProperties": {EXTENSION: {}},
        "additionalProperties": value,
    }


def _functions() -> dict[str, Any]:
    return {
        **_identifier_map({"$ref": "#/$defs/Function"}),
        "description": (
            "function id -> function; ids are letters, digits, '-', '_' and '.'; required, "
            "except in one file of a directory model"
        ),
    }


def _cell(letter: dict[str, Any]) -> dict[str, Any]:
    """A letter, or (raci per phase) a mapping of function ids to letters; ``if``/``then``
    rather than ``anyOf``, so that an editor reports a bad letter as such. The letters'
    ``examples`` sit on the cell itself: an empty value (``IC:``) is not a string, and
    yaml-language-server completes from the schemas that match the value."""
    per_phase = {**_identifier_map(letter), "description": "this phase: function id -> letter"}
    cell: dict[str, Any] = {
        "description": letter["description"],
        "if": {"type": ["string", "number"]},
        "then": letter,
        "else": per_phase,
    }
    if "examples" in letter:
        cell["examples"] = letter["examples"]
    return cell


def use_one_of(scheme: Scheme) -> str:
    """``use one of R, A, C, I, A/R``: what an editor says of a bad letter."""
    pairs = [f"{owner}/{worker}" for owner, worker in scheme.combinations]
    return "use one of " + ", ".join([*(item.code for item in scheme.letters), *pairs])


def _letter(schemes: list[Scheme], description: str) -> dict[str, Any]:
    words = use_one_of(schemes[0]) if len(schemes) == 1 else "use a letter of the file's scheme"
    return {
        "type": "string",
        "pattern": letter_pattern(schemes),
        "patternErrorMessage": words,
        "description": description,
    }


def _scheme_letters(scheme: Scheme) -> dict[str, Any]:
    """Narrow the letters to the file's scheme (RACI when ``scheme`` is absent)."""
    condition: dict[str, Any] = {"properties": {"scheme": {"const": scheme.name}}}
    if scheme.name != "raci":
        condition["required"] = ["scheme"]
    letter = {**_letter([scheme], describe_letters(scheme)), "examples": scheme.spellings}
    raci = {"patternProperties": {EXTENSION: {}}, "additionalProperties": _cell(letter)}
    return {
        "if": condition,
        "then": {"properties": {"activities": {"items": {"properties": {"raci": raci}}}}},
    }


def _codes(*, any_case: bool) -> str:
    """Waivers take a code in any case; a ``rules:`` block in upper or lower case."""
    codes = "|".join(rule.code[4:] for rule in REGISTRY.values())
    return f"^{_insensitive('RACI') if any_case else '(?:RACI|raci)'}({codes})$"


def _waivers() -> dict[str, Any]:
    names, codes = list(REGISTRY), _codes(any_case=True)
    reason = {"type": ["string", "number"], "minLength": 1, "description": "why it is waived"}
    return {
        "type": "object",
        "description": "rule (name or code) -> why it does not apply here; the reason is required",
        "properties": {name: {**reason, "description": REGISTRY[name].summary()} for name in names},
        "patternProperties": {EXTENSION: {}, codes: reason},
        "additionalProperties": False,
    }


def _rules_block(defs: dict[str, Any]) -> dict[str, Any]:
    """Each rule by name, with its own settings; by code, any rule value (raci checks
    the settings of a rule named by its code)."""
    properties: dict[str, Any] = {}
    for rule in REGISTRY.values():
        settings = rule.Settings.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(settings.pop("$defs", {}))
        title = settings["title"]
        settings["patternProperties"] = {EXTENSION: {}}
        defs[title] = settings
        properties[rule.name] = {
            "anyOf": [*_shorthands(), {"$ref": f"#/$defs/{title}"}],
            "description": f"{rule.code} ({rule.severity}): {rule.summary()}",
        }
    codes = _codes(any_case=False)
    any_settings = {"type": "object", "patternProperties": {EXTENSION: {}}}
    return {
        "type": "object",
        "description": "rule name or code -> off, on, a severity, or its settings",
        "properties": properties,
        "patternProperties": {EXTENSION: {}, codes: {"anyOf": [*_shorthands(), any_settings]}},
        "additionalProperties": False,
    }


def _shorthands() -> list[dict[str, Any]]:
    return [{"type": "boolean"}, {"enum": SHORTHANDS}, {"type": "null"}]


def _accept_numbers_as_text(model: dict[str, Any], only: tuple[str, ...] | None = None) -> None:
    """raci reads ``phase: 1`` as the text "1"; so must the schema."""
    for name, field in model.get("properties", {}).items():
        if only is not None and name not in only:
            continue
        for option in [field, *field.get("anyOf", []), field.get("items", {})]:
            if option.get("type") == "string" and "enum" not in option and "const" not in option:
                option["type"] = ["string", "number"]
