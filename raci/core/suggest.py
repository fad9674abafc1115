""" "Did you mean" hints for misspelt keys, rules, functions and activities."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping

_CUTOFF = 0.6


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``word``: same letters in another case, else the most similar."""
    options = list(choices)
    lowered = {choice.lower(): choice for choice in options}
    if word.lower() in lowered:
        return lowered[word.lower()]
    found = difflib.get_close_matches(word, options, n=1, cutoff=_CUTOFF)
    return found[0] if found else None


def hint(suggestion: str | None) -> str:
    return f" (did you mean '{suggestion}'?)" if suggestion else ""


def suggest(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` when a choice is close to ``word``, else ``""``."""
    return hint(closest(word, choices))


def closest_function(unknown: str, names: Mapping[str, str]) -> str | None:
    """The function id an unknown id most likely meant, from ids and display names.

    Users write ``Comms`` for Internal Communications or ``Security`` for InfoSec, so
    besides the ids we compare with each word of a function's name and its initials;
    a shared prefix of four letters or more counts as a strong match.
    """
    exact = closest(unknown, names)
    if exact is not None:
        return exact
    word = unknown.lower()
    best: tuple[float, str] | None = None
    for fid, name in names.items():
        words = [part for part in re.split(r"[^0-9A-Za-z]+", name.lower()) if part]
        tokens = [fid.lower(), name.lower(), *words, "".join(part[0] for part in words)]
        score = max(_similarity(word, token) for token in tokens)
        if score >= _CUTOFF and (best is None or score > best[0]):
            best = (score, fid)
    return best[1] if best else None


def function_hint(unknown: str, names: Mapping[str, str]) -> str:
    """`` (did you mean 'IC' (Internal Communications)?)``: the closest function, by id or
    name, shown with its name, since people write the name where the id belongs."""
    fid = closest_function(unknown.strip(), names)
    if fid is None:
        return ""
    name = names.get(fid)
    return f" (did you mean '{fid}' ({name})?)" if name and name != fid else hint(fid)


def activity_hint(unknown: str, names: Mapping[str, str]) -> str:
    """`` (did you mean 'plan' (Plan the launch)?)``: the closest activity, by id or by
    name, matched as functions are, since people write the name where the id belongs."""
    return function_hint(unknown, names)


def function_named(value: str, names: Mapping[str, str]) -> str | None:
    """The id of the function whose display name ``value`` is (in any case), if any."""
    wanted = " ".join(value.split()).casefold()
    for fid, name in names.items():
        if " ".join(name.split()).casefold() == wanted:
            return fid
    return None


def _similarity(word: str, token: str) -> float:
    if word == token:
        return 1.0
    prefix = len(_common_prefix(word, token))
    if prefix >= 4 and prefix >= 0.75 * min(len(word), len(token)):
        return 0.9
    return difflib.SequenceMatcher(None, word, token).ratio()


def _common_prefix(first: str, second: str) -> str:
    for index, (left, right) in enumerate(zip(first, second, strict=False)):
        if left != right:
            return first[:index]
    return first[: min(len(first), len(second))]
