"""Time raci as whole processes against a floor, at 100 ... 100,000 activities.

For each size it generates a model (``bench/generate.py``), then runs ``raci check``,
``raci load``, ``raci report`` and a floor process several times each, and prints the
median wall time, the peak memory (max RSS) and the ratio to the floor. The floor is a
process that only imports raci's dependencies (yaml, pydantic, networkx, rich) and
parses the same file with PyYAML's libyaml loader, with the garbage collector off (with
it on, the floor is three times slower at 100,000 activities; we compare against the
harder floor). ``raci --version``, ``raci --help`` and ``raci check`` on the bundled
example are timed against a process that only imports the dependencies.

    python bench/run.py                       # 100, 1,000, 10,000 and 100,000
    python bench/run.py --sizes 100 10000 --runs 3
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

IMPORTS = "import yaml, pydantic, networkx, rich"
FLOOR = (
    "import gc, sys; gc.disable(); " + IMPORTS + "\n"
    "with open(sys.argv[1], 'rb') as f: yaml.load(f, Loader=yaml.CSafeLoader)"
)
EXAMPLE = ROOT / "examples" / "ic-goes-it-alone.yaml"


def measure(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall seconds and the largest peak RSS (MiB) over ``runs`` runs."""
    times, peaks = [], []
    for _ in range(runs):
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - started)
        peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(times), max(peaks)


def raci(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "raci", *arguments]


def row(label: str, timing: tuple[float, float], floor: float | None) -> str:
    seconds, peak = timing
    ratio = f"{seconds / floor:5.2f}x" if floor else "     "
    return f"| {label:<38} | {seconds:8.3f} s | {peak:7.0f} MiB | {ratio} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    args = parser.parse_args(argv)

    print("| what | median wall | peak memory | ratio to floor |")
    print("| --- | ---: | ---: | ---: |")
    imports = measure([sys.executable, "-c", IMPORTS], args.runs)
    print(row("floor: import yaml, pydantic, networkx, rich", imports, None))
    print(row("raci --version", measure(raci("--version"), args.runs), imports[0]))
    print(row("raci --help", measure(raci("--help"), args.runs), imports[0]))
    if EXAMPLE.exists():
        example = measure(raci("check", str(EXAMPLE)), args.runs)
        print(row(f"raci check {EXAMPLE.relative_to(ROOT)}", example, imports[0]))

    timings: dict[int, float] = {}
    others: dict[tuple[str, int], float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = Path(folder) / f"org-{size}.yaml"
            path.write_text(generate(size), encoding="utf-8")
            runs = args.runs if size < 100_000 else max(1, min(args.runs, 3))
            floor = measure([sys.executable, "-c", FLOOR, str(path)], runs)
            print(row(f"{size:,} activities: floor (libyaml parse)", floor, None))
            check = measure(raci("check", str(path), "-o", os.devnull), runs)
            timings[size] = check[0]
            print(row(f"{size:,} activities: raci check", check, floor[0]))
            for name in ("load", "report"):
                command = raci(name, str(path), "-o", str(Path(folder) / f"{name}.out"))
                timing = measure(command, runs)
                others[name, size] = timing[0]
                print(row(f"{size:,} activities: raci {name}", timing, floor[0]))
    sizes = sorted(timings)
    for small, large in itertools.pairwise(sizes):
        growth = timings[large] / timings[small]
        print(f"\nraci check {large:,} / {small:,} activities: {growth:.1f}x the time", end="")
    print()
    for (name, size), seconds in others.items():
        print(f"raci {name} / raci check at {size:,} activities: {seconds / timings[size]:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
