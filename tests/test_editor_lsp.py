"""The JSON Schema as an editor uses it: yaml-language-server, driven over stdio, completes
the letters of the file's scheme inside ``raci:`` and says a bad letter in words.
Skipped when node or yaml-language-server is absent."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from raci.output.json_schema import json_schema
from tests.lsp_client import Client

NODE = shutil.which("node")
SERVER = Path("/work/npmtools/node_modules/yaml-language-server/bin/yaml-language-server")
pytestmark = pytest.mark.skipif(
    NODE is None or not SERVER.is_file(), reason="node / yaml-language-server absent"
)

MODEL = """\
# yaml-language-server: $schema={schema}
version: 1
{scheme}functions:
  IC: {{name: Internal Communications}}
  HR: {{name: Human Resources}}
activities:
  - id: launch
    name: Run the launch
    raci:
      IC: X
      HR:{space}
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Client, str]]:
    schema = tmp_path_factory.mktemp("schema") / "raci.schema.json"
    schema.write_text(json.dumps(json_schema()), encoding="utf-8")
    assert NODE is not None
    server = Client(NODE, str(SERVER))
    yield server, schema.as_uri()
    server.close()


@pytest.mark.parametrize(
    ("scheme", "letters"),
    [
        ("", ["R", "A", "C", "I", "A/R"]),
        ("scheme: rasci\n", ["R", "A", "S", "C", "I", "A/R"]),
        ("scheme: daci\n", ["D", "A", "C", "I", "A/D"]),
    ],
)
def test_letters_complete_and_a_bad_letter_reads_in_words(
    client: tuple[Client, str], tmp_path: Path, scheme: str, letters: list[str]
) -> None:
    server, schema = client
    uri = (tmp_path / "org.yaml").as_uri()
    text = MODEL.format(schema=schema, scheme=scheme, space=" ")
    server.open(uri, text)
    diagnostics = server.diagnostics(uri)
    line = text.splitlines().index("      IC: X")
    bad = [d for d in diagnostics if d["range"]["start"]["line"] == line]
    assert [d["message"] for d in bad] == [f"use one of {', '.join(letters)}"]
    assert bad[0]["range"]["start"]["character"] == len("      IC: ")
    empty = text.splitlines().index("      HR: ")
    assert server.completions(uri, empty, len("      HR: ")) == letters
