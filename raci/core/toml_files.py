"""Settings files on disk: where the nearest one is, reading its TOML safely, and the
line of a key (tomllib keeps no positions)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from raci.core.findings import SCHEMA_ERROR, Finding, input_finding

CONFIG_NAMES = (".raci.toml", "pyproject.toml")


class TomlProblem(Exception):
    """A settings file cannot be read as TOML; ``finding`` says where and why."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def find_config(start: Path) -> Path | None:
    """The nearest ``.raci.toml``, or ``pyproject.toml`` with ``[tool.raci]``, upward."""
    start = Path(os.path.realpath(start))  # Path.resolve raises on a symlink loop
    directory = start if start.is_dir() else start.parent
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_raci(candidate)):
                return candidate
    return None


def _has_tool_raci(path: Path) -> bool:
    import tomllib

    from raci.core.files import FileProblem, read_limited

    try:
        return "raci" in tomllib.loads(read_limited(path).decode("utf-8")).get("tool", {})
    except (OSError, FileProblem, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return True  # let read_config report the problem where it is


def read_toml(path: Path, name: str) -> tuple[str, dict[str, Any]]:
    """The text and the parsed data of the TOML file at ``path`` (shown as ``name``)."""
    import tomllib

    from raci.core.files import FileProblem, read_limited

    try:
        text = read_limited(path).decode("utf-8")
    except FileNotFoundError:
        raise TomlProblem(input_finding(SCHEMA_ERROR, "no such configuration file", name)) from None
    except (OSError, FileProblem, UnicodeDecodeError) as error:
        message = f"cannot read the configuration file: {error}"
        raise TomlProblem(input_finding(SCHEMA_ERROR, message, name)) from None
    try:
        return text, tomllib.loads(text)
    except RecursionError:
        message = "invalid TOML: the tables or arrays nest too deeply to read"
        raise TomlProblem(input_finding(SCHEMA_ERROR, message, name)) from None
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        line, column = (int(found[1]), int(found[2])) if found else (1, 1)
        message = f"invalid TOML: {str(error).split(' (at line')[0]}"
        raise TomlProblem(input_finding(SCHEMA_ERROR, message, name, line, column)) from None


def toml_line(text: str, keys: tuple[str, ...]) -> int:
    """Best-effort line of a dotted key in TOML text (tomllib keeps no positions)."""
    lines = text.splitlines()
    for depth in range(len(keys), 0, -1):
        last = re.escape(keys[depth - 1])
        header = r"\.".join(rf'\s*"?{re.escape(key)}"?\s*' for key in keys[:depth])
        patterns = (rf"^\s*\[{header}\]", rf'^\s*"?{last}"?\s*=', rf'[{{,]\s*"?{last}"?\s*=')
        for number, line in enumerate(lines, 1):
            if any(re.search(pattern, line) for pattern in patterns):
                return number
    return 1


def unconfined(entry: str) -> bool:
    """A ``paths`` entry that names something outside the settings file's folder, or
    that no file system can hold (a NUL byte)."""
    from pathlib import PurePath

    if not entry or any(ord(char) < 0x20 or ord(char) == 0x7F for char in entry):
        return True
    pure = PurePath(entry)
    return pure.is_absolute() or ".." in pure.parts or bool(pure.drive)
