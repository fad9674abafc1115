"""A mutational fuzzer over the examples, the reference models and the sheet corpus.

Each case takes a corpus file, mutates it (byte flips, hostile strings, duplicated or
dropped lines, broken XML parts in a workbook...) and runs raci commands on it
in-process. What must hold for every input, whatever it is:

* the exit code is 0, 1 or 2 (never 3, never a traceback);
* every JSON, XML (SARIF is JSON; JUnit, GraphML) and CSV output parses;
* no output carries a raw escape character, and no stdout line starts ``::``;
* for a model that loads, ``export`` -> ``import`` gives back the same matrix.

``tests/test_fuzz.py`` runs a fixed set of cases (derandomized, a few seconds);
``python -m tests.fuzz.run --minutes N`` runs random ones for as long as you like.
"""

from __future__ import annotations

import csv
import io
import json
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from typer.testing import CliRunner

from raci.cli import build_app

ROOT = Path(__file__).resolve().parents[2]
YAML_CORPUS = sorted(
    [
        *ROOT.glob("examples/*.yaml"),
        *ROOT.glob("examples/schemes/*.yaml"),
        *ROOT.glob("models/*.yaml"),
        *ROOT.glob("tests/data/*.yaml"),
    ]
)
SHEET_CORPUS = sorted(
    [
        *ROOT.glob("examples/*.csv"),
        *ROOT.glob("examples/*.xlsx"),
        *ROOT.glob("tests/data/sheets/*.*"),
    ]
)
SHEET_CORPUS = [path for path in SHEET_CORPUS if path.suffix in {".csv", ".xlsx"}]

HOSTILE = [
    "\x1b]0;title\x07",
    "\x1b[2J",
    "\n::error::injected",
    "::warning file=x::y",
    "<img src=x onerror=alert(1)>",
    '=HYPERLINK("http://h/?"&A1)',
    "+1",
    "-1+2",
    "@SUM(A1)",
    "=cmd|' /C calc'!A0",
    "\x00",
    "\ufffe",
    "\u202e",
    "[/x]",
    "|",
    "`",
    "\r",
    "\t",
    "9" * 5000,
    "1e309",
    ".inf",
    ".nan",
    "-1",
    "1e-300",
    "true",
    "0o17",
    "1e5",
    "&a",
    "*a",
    "!!python/object:os.system",
    "{",
    "[",
    "'",
    '"',
    "\\",
    "_x0000_",
    "~",
]


@dataclass(frozen=True)
class Case:
    name: str
    suffix: str
    data: bytes


def mutate_text(rng: random.Random, text: str) -> str:
    """A few random edits of a YAML or CSV text."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(6)
        index = rng.randrange(len(lines)) if lines else 0
        if not lines:
            lines.append("")
        line = lines[index]
        if kind == 0:  # a hostile string inside a line
            at = rng.randint(0, len(line))
            lines[index] = line[:at] + rng.choice(HOSTILE) + line[at:]
        elif kind == 1:  # replace a scalar after a colon
            if ": " in line:
                head = line.split(": ", 1)[0]
                lines[index] = f"{head}: {json.dumps(rng.choice(HOSTILE))}"
        elif kind == 2:  # duplicate a line
            lines.insert(index, line)
        elif kind == 3:  # drop a line
            del lines[index]
        elif kind == 4:  # flip a character
            if line:
                at = rng.randrange(len(line))
                lines[index] = line[:at] + chr(rng.randrange(0x20, 0x7F)) + line[at + 1 :]
        else:  # swap two lines
            other = rng.randrange(len(lines))
            lines[index], lines[other] = lines[other], lines[index]
    return "\n".join(lines)


def mutate_xlsx(rng: random.Random, data: bytes) -> bytes:
    """The workbook with one XML part edited, truncated or garbled."""
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    name = rng.choice(sorted(parts))
    part = parts[name]
    kind = rng.randrange(4)
    if kind == 0 and part:
        parts[name] = part[: rng.randrange(len(part))]
    elif kind == 1:
        text = part.decode("utf-8", "replace")
        parts[name] = mutate_text(rng, text.replace(">", ">\n")).replace(">\n", ">").encode()
    elif kind == 2:
        at = rng.randint(0, len(part))
        parts[name] = part[:at] + rng.choice(HOSTILE).encode("utf-8", "replace") + part[at:]
    else:
        text = part.decode("utf-8", "replace")
        text = text.replace('ref="', 'ref="A1:XFD1048576" x="', 1) if 'ref="' in text else text
        parts[name] = text.replace("<v>", f"<v>{rng.choice(HOSTILE)}", 1).encode("utf-8", "replace")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for filename, content in parts.items():
            target.writestr(filename, content)
    return out.getvalue()


def make_case(rng: random.Random) -> Case:
    if rng.random() < 0.7:
        source = rng.choice(YAML_CORPUS)
        text = mutate_text(rng, source.read_text("utf-8"))
        return Case(source.name, ".yaml", text.encode("utf-8", "surrogatepass"))
    source = rng.choice(SHEET_CORPUS)
    if source.suffix == ".xlsx":
        return Case(source.name, ".xlsx", mutate_xlsx(rng, source.read_bytes()))
    text = mutate_text(rng, source.read_bytes().decode("utf-8", "replace"))
    return Case(source.name, ".csv", text.encode("utf-8", "surrogatepass"))


class Failure(AssertionError):
    pass


def _parses(kind: str, text: str) -> None:
    if kind == "json":
        json.loads(text)
    elif kind == "xml":
        ET.fromstring(text.encode("utf-8"))
    elif kind == "csv":
        list(csv.reader(io.StringIO(text, newline="")))


def _clean(args: list[str], text: str) -> None:
    if "\x1b" in text or "\x07" in text:
        raise Failure(f"raci {' '.join(args)}: a raw control character in the output")
    if any(line.lstrip().startswith("::") for line in text.splitlines()):
        raise Failure(f"raci {' '.join(args)}: a line starts a workflow command")


YAML_RUNS: list[tuple[list[str], str | None]] = [
    (["check", "{p}", "--format", "json"], "json"),
    (["check", "{p}", "--format", "sarif"], "json"),
    (["check", "{p}", "--format", "junit"], "xml"),
    (["check", "{p}"], None),
    (["load", "{p}", "--format", "json"], "json"),
    (["matrix", "{p}", "--format", "csv"], "csv"),
    (["graph", "{p}", "--format", "graphml"], "xml"),
    (["graph", "{p}", "--format", "dot"], None),
    (["report", "{p}", "--format", "json"], "json"),
    (["report", "{p}"], None),
    (["whatif", "{p}", "--without", "IC", "--format", "json"], "json"),
    (["rebalance", "{p}", "--format", "json"], "json"),
]


class Runner:
    """Runs raci in-process, the way the CLI tests do."""

    def __init__(self) -> None:
        self.app = build_app()
        self.cli = CliRunner()

    def run(self, args: list[str], expect: str | None = None) -> tuple[int, str]:
        result = self.cli.invoke(self.app, args, catch_exceptions=True)
        output = result.stdout + result.stderr
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise Failure(
                f"raci {' '.join(args)}: {type(result.exception).__name__}: {result.exception}"
            )
        if result.exit_code not in {0, 1, 2}:
            raise Failure(f"raci {' '.join(args)} exited {result.exit_code}: {output[-500:]}")
        if "Traceback" in output:
            raise Failure(f"raci {' '.join(args)}: a traceback")
        if expect != "csv":  # CSV keeps data exact off a terminal (escaped on one)
            _clean(args, result.stdout)
        _clean(args, result.stderr)
        if expect is not None and result.exit_code != 2:
            try:
                _parses(expect, result.stdout)
            except Exception as error:
                raise Failure(
                    f"raci {' '.join(args)}: the {expect} does not parse: {error}"
                ) from None
        return result.exit_code, result.stdout


def check_case(
    case: Case, folder: Path, runner: Runner, rng: random.Random, runs: int, trip: bool = True
) -> None:
    """Run ``check`` and ``runs`` more commands on ``case`` in ``folder`` (and the round
    trip when ``trip``); raise :class:`Failure`."""
    path = folder / f"case{case.suffix}"
    path.write_bytes(case.data)
    if case.suffix != ".yaml":
        code, out = runner.run(["import", str(path)])
        if code == 2:
            return
        path = folder / "imported.yaml"
        path.write_text(out, encoding="utf-8")
    chosen = [YAML_RUNS[0], *rng.sample(YAML_RUNS[1:], min(runs, len(YAML_RUNS) - 1))]
    code = 2
    for template, expect in chosen:
        args = [part.format(p=path) for part in template]
        result, _ = runner.run(args, expect)
        if template == YAML_RUNS[0][0]:
            code = result
    if code == 0 and trip:  # a valid model (no error findings): it must survive a round trip
        round_trip(path, folder, runner)


def _matrix(runner: Runner, path: Path) -> list[list[str]]:
    code, out = runner.run(["matrix", str(path), "--format", "csv"], "csv")
    if code == 2:
        raise Failure(f"the re-imported model does not load: {path.read_text('utf-8')[:300]}")
    return list(csv.reader(io.StringIO(out, newline="")))


def round_trip(path: Path, folder: Path, runner: Runner) -> None:
    """export -> import gives back the same matrix (ids, names, letters) of a model
    without error findings."""
    sheet = folder / "round.xlsx"
    code, _ = runner.run(["export", str(path), "-o", str(sheet)])
    if code == 2:
        raise Failure("export refused a model that loads")
    back = folder / "back.yaml"
    code, _ = runner.run(["import", str(sheet), "-o", str(back)])
    if code == 2:
        raise Failure("import refused raci's own export")
    before, after = _matrix(runner, path), _matrix(runner, back)
    if before[1:] != after[1:]:
        raise Failure("export -> import changed the matrix")


def run_cases(
    seed: int,
    count: int,
    folder: Path,
    runs: int = 2,
    trips: int = 1,
    on_case: Callable[[int], None] | None = None,
) -> list[tuple[int, Case, str]]:
    """Run ``count`` cases from ``seed`` (the round trip on every ``trips``-th); the
    failures as (case number, case, why)."""
    runner = Runner()
    failures = []
    for number in range(count):
        rng = random.Random(seed * 1_000_003 + number)
        case = make_case(rng)
        where = folder / f"c{number}"
        where.mkdir(parents=True, exist_ok=True)
        try:
            check_case(case, where, runner, rng, runs, number % trips == 0)
        except Failure as error:
            failures.append((number, case, str(error)))
        if on_case is not None:
            on_case(number)
    return failures
