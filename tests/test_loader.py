from __future__ import annotations

import json
import resource
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from raci.core.documents import read_document
from raci.core.loader import Document, ParseProblem, YamlMap, parse


def problem(text: str | bytes) -> tuple[int, int, str]:
    with pytest.raises(ParseProblem) as caught:
        parse(text.encode() if isinstance(text, str) else text)
    return caught.value.line, caught.value.column, caught.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: 2\na: 3\n", (3, 1, "duplicate key 'a' (first defined on line 1)")),
        ("a:\n  x: 1\n  y: 2\n  x: 3\n", (4, 3, "duplicate key 'x' (first defined on line 2)")),
        ("- a\n- b\n", (1, 1, "the top level of an ownership file must be a mapping")),
        ("just text\n", (1, 1, "the top level of an ownership file must be a mapping")),
        ("", (1, 1, "the file is empty: an ownership file starts with 'version: 1'")),
        ("# only a comment\n", (1, 1, "the file is empty")),
        ("a: [1, 2\n", (1, 4, "the '[' that opens here is not closed")),
        ("a: b\n\tc: d\n", (2, 1, "a tab is used for indentation here; YAML needs spaces")),
        ("a: 1\n---\nb: 2\n", (2, 1, "the file holds more than one YAML document")),
        ("a: *nowhere\n", (1, 4, "alias '*nowhere' refers to no anchor defined before it")),
        ("? [a, b]\n: 1\n", (1, 3, "a mapping key must be plain text")),
        ("a: !!int twelve\n", (1, 4, "'twelve' is not a valid !!int")),
        ("<<: 3\n", (1, 5, "a merge key '<<' takes a mapping or a list of mappings")),
        ("a: \x01\n", (1, 4, "invalid YAML: control characters are not allowed")),
    ],
)
def test_unusable_yaml_is_refused_at_its_position(
    text: str, expected: tuple[int, int, str]
) -> None:
    line, column, message = problem(text)
    assert (line, column) == expected[:2]
    assert message.startswith(expected[2])


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['echo pwned']\n",
        "!!python/object/new:os.system [echo]\n",
        "a: !!python/name:os.system\n",
        "a: !custom thing\n",
        "a: !!binary aGVsbG8=\n",
        "a: !!set {x, y}\n",
        "a: !!omap [x: 1]\n",
    ],
)
def test_tags_that_could_build_objects_are_refused(text: str) -> None:
    line, _, message = problem(text)
    assert "is not allowed: ownership files hold plain data only" in message
    assert line == 1


def test_invalid_utf8_names_the_byte_and_its_place() -> None:
    assert problem(b"version: 1\nname: caf\xe9\n") == (
        2,
        10,
        "the file is not valid UTF-8 text (byte 0xe9)",
    )


def test_alias_bomb_is_refused_fast_and_small() -> None:
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for index in range(1, 10):
        name, previous = chr(ord("a") + index), chr(ord("a") + index - 1)
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    line, _, message = problem("\n".join(levels) + "\n")
    assert time.perf_counter() - started < 0.5
    assert (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) < 100 * 1024  # KiB
    assert "refusing what looks like an alias bomb" in message
    assert line <= 10


@pytest.mark.parametrize("nested", ["[" * 5000 + "]" * 5000, "{a: " * 5000 + "1" + "}" * 5000])
def test_pathological_nesting_is_refused_without_recursion(nested: str) -> None:
    _, _, message = problem("a: " + nested + "\n")
    assert "nests deeper than 100 levels" in message or "maximum nesting depth" in message


def test_bom_crlf_and_non_ascii_text_are_read() -> None:
    data = parse("\ufeffname: Café ☕\r\nitems:\r\n  - Ünïcode\r\n".encode())
    assert data == {"name": "Café ☕", "items": ["Ünïcode"]}


def test_anchors_aliases_and_merge_keys_work() -> None:
    data = parse(
        b"base: &base {name: Base, effort: 2}\n"
        b"one:\n  <<: *base\n  name: One\n"
        b"two:\n  <<: [*base, {phase: launch}]\n"
    )
    assert data["one"] == {"name": "One", "effort": 2}
    assert data["two"] == {"name": "Base", "effort": 2, "phase": "launch"}


def test_yaml_1_2_core_schema_keeps_norway_and_off_as_text() -> None:
    data = parse(
        b"a: off\nb: no\nc: NO\nd: yes\ne: true\nf: ~\ng: 0o17\nh: 0x1f\ni: 1.5e2\nj: '3'\n"
        b"k: .inf\nl: 2027-01-01\nm:\n"
    )
    assert data == {
        "a": "off", "b": "no", "c": "NO", "d": "yes", "e": True, "f": None, "g": 15,
        "h": 31, "i": 150.0, "j": "3", "k": float("inf"), "l": "2027-01-01", "m": None,
    }  # fmt: skip


def test_keys_are_the_text_the_user_wrote() -> None:
    assert list(parse(b"1: a\ntrue: b\nnull: c\n")) == ["1", "true", "null"]


def test_x_keys_are_kept_aside_as_metadata() -> None:
    data = parse(b"x-owner: pmo\nname: N\nitem: {x-note: hi, a: 1}\n")
    assert data == {"name": "N", "item": {"a": 1}}
    assert data.extensions == {"x-owner": "pmo"}
    assert data["item"].extensions == {"x-note": "hi"}


def test_keys_with_brackets_that_are_not_a_missing_colon_still_read() -> None:
    """Only a word followed by a whole ``{...}``/``[...]`` reads as a key without ':'."""
    data = parse(b"x-owner [tbc]: Alex\nnotes:\n  Budget {draft}: 3\n  '{quoted} [key]': 4\n")
    assert data == {"notes": {"Budget {draft}": 3, "{quoted} [key]": 4}}
    assert data.extensions == {"x-owner [tbc]": "Alex"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"HR {name: H}\n", "'HR {name: H}' has no ':' after its key: write it as 'HR: {name: H}'"),
        (b"version 1\n", "'version 1' has no ':' after its key: write it as 'version: 1'"),
        (b"hello\n", "the top level of an ownership file must be a mapping (version, "
         "functions, activities), not a single value"),
    ],
)  # fmt: skip
def test_a_key_yaml_reads_without_its_colon_is_refused(text: bytes, message: str) -> None:
    with pytest.raises(ParseProblem) as caught:
        parse(text)
    assert (caught.value.message, caught.value.line, caught.value.column) == (message, 1, 1)


def test_positions_of_keys_values_and_items() -> None:
    text = (
        "version: 1\n"
        "activities:\n"
        "  - id: launch\n"
        "    raci: {IC: A, HR: R}\n"
        "    depends_on:\n"
        "      - plan\n"
        "      - vision\n"
    )
    document = Document(Path("org.yaml"), "org.yaml", parse(text.encode()))
    assert document.locate(("activities", 0)) == (3, 5)
    assert document.locate(("activities", 0, "raci", "HR"), key=True) == (4, 19)
    assert document.locate(("activities", 0, "raci", "HR")) == (4, 23)
    assert document.locate(("activities", 0, "depends_on", 1)) == (7, 9)
    assert document.locate(("activities",), key=True) == (2, 1)
    assert document.locate(("activities", 0, "missing")) == (3, 5)


def test_flow_mapping_points_at_its_first_key() -> None:
    document = Document(Path("f"), "f", parse(b"items:\n  - {id: a, name: b}\n"))
    assert document.locate(("items", 0)) == (2, 6)


def test_read_document_reports_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ParseProblem, match="no such file or directory"):
        read_document(tmp_path / "nope.yaml", "nope.yaml")
    locked = tmp_path / "locked.yaml"
    locked.write_text("a: 1\n")
    locked.chmod(0)
    try:
        if locked.stat().st_mode and not _is_root():
            with pytest.raises(ParseProblem, match="cannot read the file"):
                read_document(locked, "locked.yaml")
    finally:
        locked.chmod(0o644)


def _is_root() -> bool:
    import os

    return os.geteuid() == 0


@given(st.binary(max_size=300))
def test_arbitrary_bytes_parse_or_fail_cleanly(data: bytes) -> None:
    result: YamlMap | ParseProblem
    try:
        result = parse(data)
    except ParseProblem as error:
        result = error
    if isinstance(result, ParseProblem):
        assert result.line >= 1
        assert result.column >= 1
        assert result.message
    else:
        assert isinstance(result, YamlMap)


_text = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=20)
_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | _text
)
_values = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_text, children, max_size=4),
    max_leaves=20,
)


@given(st.dictionaries(_text, _values))
def test_json_documents_read_back_equal(value: dict[str, object]) -> None:
    """JSON is YAML 1.2: every JSON document must read back as the same data."""
    text = json.dumps(value, ensure_ascii=False)
    if value == {}:
        assert parse(text.encode()) == {}
    else:
        assert _plain(parse(text.encode())) == _without_x_keys(value)


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _without_x_keys(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_x_keys(v) for k, v in value.items() if not k.startswith("x-")}
    if isinstance(value, list):
        return [_without_x_keys(item) for item in value]
    return value
