"""Time every raci command as whole processes at 1,000, 10,000 and 100,000 activities.

For each size it generates a model (``bench/generate.py``) and runs each command several
times, then prints one markdown table: the median wall time, its ratio to ``raci check``
on the same file, the growth from 10,000 to 100,000 activities, and the peak memory
(max RSS). Two floors frame the figures: a process that only imports raci's
dependencies (yaml, pydantic, typer, networkx, rich.console), and one that also parses
the file with PyYAML's libyaml loader, garbage collector off. A second table times
``raci --version``, ``raci --help`` and ``raci check`` on the bundled example against
the import floor.

    python bench/run.py                              # 1,000, 10,000 and 100,000
    python bench/run.py --sizes 1000 10000 --runs 3
    python bench/run.py --only check report-html     # some commands only

A command that fails (exit 2 or 3) is shown as ``exit N`` instead of a time, so a
broken command can never pass for a fast one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import FUNCTIONS, generate, views  # noqa: E402

IMPORTS = "import yaml, pydantic, typer, networkx, rich.console"
PARSE_FLOOR = (
    "import gc, sys; gc.disable(); " + IMPORTS + "\n"
    "with open(sys.argv[1], 'rb') as f: yaml.load(f, Loader=yaml.CSafeLoader)"
)
EXAMPLE = ROOT / "examples" / "ic-goes-it-alone.yaml"
RESPONDENTS = 7
"""Views per ``raci merge`` run: one per function of a workshop-sized group, each of
``size / RESPONDENTS`` activities, so that merge reads as much as check does."""


@dataclass(frozen=True)
class Timing:
    seconds: float
    peak_mib: float
    exit_code: int

    def ok(self) -> bool:
        return self.exit_code in (0, 1)


def measure(command: list[str], runs: int) -> Timing:
    """Median wall seconds and the largest peak RSS (MiB) over ``runs`` runs."""
    times, peaks, code = [], [], 0
    for _ in range(runs):
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - started)
        peaks.append(usage.ru_maxrss / 1024)
        code = max(code, os.waitstatus_to_exitcode(status))
    return Timing(statistics.median(times), max(peaks), code)


def raci(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "raci", *arguments]


def commands(
    model: Path, other: Path, views_dir: Path, out: Path, size: int
) -> dict[str, list[str]]:
    """The command line of every benchmarked command on a model of ``size`` activities."""
    # A limit a plan can meet with moves: the generator gives each of its 50 functions
    # about size/50 A's, the busiest about size/43.
    limit = str(max(10, size // 45))
    return {
        "check": raci("check", str(model), "-o", str(out / "check.txt")),
        "load": raci("load", str(model), "-o", str(out / "load.txt")),
        "matrix": raci("matrix", str(model), "-o", str(out / "matrix.txt")),
        "report-md": raci("report", str(model), "-o", str(out / "report.md")),
        "report-html": raci("report", str(model), "--format", "html", "-o", str(out / "r.html")),
        "export-xlsx": raci("export", str(model), "--format", "xlsx", "-o", str(out / "m.xlsx")),
        "export-csv": raci("export", str(model), "--format", "csv", "-o", str(out / "m.csv")),
        "graph": raci("graph", str(model), "--format", "json", "-o", str(out / "graph.json")),
        "whatif": raci("whatif", str(model), "--without", "F00", "-o", str(out / "whatif.txt")),
        "rebalance": raci(
            "rebalance", str(model), "--max-accountable", limit, "-o", str(out / "plan.txt")
        ),
        "diff": raci("diff", str(model), str(other), "-o", str(out / "diff.txt")),
        "merge": raci("merge", str(views_dir), "-o", str(out / "consensus.yaml")),
        "deck": raci("deck", str(model), "-o", str(out / "deck.pptx")),
    }


def cell(timing: Timing | None, check: Timing | None) -> str:
    if timing is None:
        return "-"
    if not timing.ok():
        return f"exit {timing.exit_code}"
    ratio = f" ({timing.seconds / check.seconds:.2f}x)" if check and check.ok() else ""
    return f"{timing.seconds:.3f} s{ratio}"


def startup_table(runs: int) -> list[str]:
    floor = measure([sys.executable, "-c", IMPORTS], runs)
    rows = [
        "| start-up | median wall | ratio to the import floor |",
        "| --- | ---: | ---: |",
        f"| floor: `{IMPORTS}` | {floor.seconds:.3f} s | 1.00x |",
    ]
    probes = [("raci --version", raci("--version")), ("raci --help", raci("--help"))]
    if EXAMPLE.exists():
        probes.append((f"raci check {EXAMPLE.relative_to(ROOT)}", raci("check", str(EXAMPLE))))
    for label, command in probes:
        timing = measure(command, runs)
        rows.append(f"| `{label}` | {cell(timing, None)} | {timing.seconds / floor.seconds:.2f}x |")
    return rows


def scale_table(sizes: list[int], runs: int, only: set[str] | None) -> list[str]:
    results: dict[tuple[str, int], Timing] = {}
    floors: dict[int, Timing] = {}
    names: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        for size in sizes:
            model, other = base / f"org-{size}.yaml", base / f"org-{size}-changed.yaml"
            model.write_text(generate(size), encoding="utf-8")
            other.write_text(generate(size, changed=0.01), encoding="utf-8")
            views_dir = base / f"views-{size}"
            views_dir.mkdir()
            for name, text in views(size // RESPONDENTS, RESPONDENTS).items():
                (views_dir / f"{name}.yaml").write_text(text, encoding="utf-8")
            out = base / f"out-{size}"
            out.mkdir()
            each = runs if size < 100_000 else max(1, min(runs, 2))
            floors[size] = measure([sys.executable, "-c", PARSE_FLOOR, str(model)], each)
            table = commands(model, other, views_dir, out, size)
            names = [name for name in table if only is None or name in only or name == "check"]
            for name in names:
                results[name, size] = measure(table[name], each)
                print(f"  {name} at {size:,}: {cell(results[name, size], None)}", file=sys.stderr)
    header = " | ".join(f"{size:,} activities" for size in sizes)
    rows = [
        f"| command | {header} | 100k / 10k | peak memory at {sizes[-1]:,} |",
        "| --- |" + " ---: |" * (len(sizes) + 2),
    ]
    floor_cells = " | ".join(cell(floors[size], results.get(("check", size))) for size in sizes)
    rows.append(
        f"| floor: libyaml parse, gc off | {floor_cells} | | {floors[sizes[-1]].peak_mib:.0f} MiB |"
    )
    for name in names:
        cells = " | ".join(
            cell(results.get((name, size)), results.get(("check", size))) for size in sizes
        )
        small, large = results.get((name, 10_000)), results.get((name, 100_000))
        growth = (
            f"{large.seconds / small.seconds:.1f}"
            if small and large and small.ok() and large.ok()
            else ""
        )
        peak = results[name, sizes[-1]].peak_mib
        rows.append(f"| `raci {name}` | {cells} | {growth} | {peak:.0f} MiB |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--only", nargs="+", help="benchmark only these commands (and check)")
    args = parser.parse_args(argv)
    print("\n".join(startup_table(max(args.runs, 5))))
    print()
    only = set(args.only) if args.only else None
    print("\n".join(scale_table(sorted(args.sizes), args.runs, only)))
    print(
        f"\n({FUNCTIONS} functions. merge reads {RESPONDENTS} views of a seventh of the "
        "activities each; rebalance plans with --max-accountable at size/45, which takes moves.)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
