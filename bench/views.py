"""Time ``raci merge`` on generated survey views, as a whole process.

Generates a model of F functions and A activities (one owner, one or two doers, a
consulted and an informed function per activity, as real matrices are sparse) and one
CSV view per respondent: the model's letters, with a share of rows changed (a letter
moved to another function, or a cell blanked). Then runs ``raci merge DIR --model
MODEL -o consensus.yaml --report agreement.json`` and prints the median wall time and
the peak memory (max RSS of the process).

    python bench/views.py                                   # 50 x 2,000 x 200 and 7 x 40 x 7
    python bench/views.py --sizes 50x2000x200 --runs 3
    python bench/views.py --format xlsx --sizes 7x40x7      # survey workbooks instead

CSV is the default because it is what a spreadsheet saves fastest; ``--format xlsx``
writes the ``raci survey`` workbooks (reading them is bounded by openpyxl).
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LETTERS = ("R", "C", "I")


def model(functions: int, activities: int, rng: random.Random) -> tuple[list[str], list[dict]]:
    fids = [f"F{number:02d}" for number in range(functions)]
    rows = []
    for number in range(activities):
        chosen = rng.sample(fids, min(5, functions))
        raci = {chosen[0]: rng.choice(["A", "A/R"])}
        for fid, letter in zip(chosen[1:], ("R", "R", "C", "I"), strict=False):
            raci[fid] = letter
        rows.append({"id": f"act-{number:05d}", "name": f"Activity {number}", "raci": raci})
    return fids, rows


def write_model(path: Path, fids: list[str], rows: list[dict]) -> None:
    lines = ["version: 1", "name: Bench survey", "functions:"]
    lines += [f"  {fid}: {{name: Function {fid}}}" for fid in fids]
    lines.append("activities:")
    for row in rows:
        cells = ", ".join(f"{fid}: {letter}" for fid, letter in row["raci"].items())
        lines += [f"  - id: {row['id']}", f"    name: {row['name']}", f"    raci: {{{cells}}}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_views(folder: Path, fids: list[str], rows: list[dict], respondents: int,
                changed: float, rng: random.Random, kind: str) -> None:  # fmt: skip
    folder.mkdir()
    for number in range(respondents):
        function = fids[number % len(fids)]
        answers = []
        for row in rows:
            raci = dict(row["raci"])
            if rng.random() < changed:
                fid = rng.choice(fids)
                if fid in raci and rng.random() < 0.5:
                    del raci[fid]
                else:
                    raci[fid] = rng.choice(LETTERS)
            answers.append([row["id"], row["name"], "", "", *(raci.get(f, "") for f in fids)])
        name, respondent = f"view-{number:03d}", ["Respondent", f"Person {number}",
                                                  "Function", function]  # fmt: skip
        if kind == "csv":
            with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as stream:
                out = csv.writer(stream)
                out.writerows([respondent, [], ["ID", "Activity", "Phase", "Description", *fids]])
                out.writerows(answers)
        else:
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            sheet = book.create_sheet("RACI")
            for line in [respondent, [], ["ID", "Activity", "Phase", "Description", *fids]]:
                sheet.append(line)
            for line in answers:
                sheet.append([cell or None for cell in line])
            book.save(folder / f"{name}.xlsx")


def run(size: str, runs: int, kind: str, changed: float) -> str:
    functions, activities, respondents = (int(part) for part in size.split("x"))
    rng = random.Random(1)
    with tempfile.TemporaryDirectory(prefix="raci-views-") as folder:
        root = Path(folder)
        fids, rows = model(functions, activities, rng)
        write_model(root / "model.yaml", fids, rows)
        write_views(root / "views", fids, rows, respondents, changed, rng, kind)
        command = [sys.executable, "-m", "raci", "merge", str(root / "views"), "--model",
                   str(root / "model.yaml"), "-o", str(root / "consensus.yaml"),
                   "--report", str(root / "agreement.json")]  # fmt: skip
        times, peak = [], 0
        for _ in range(runs):
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True, check=False)
            times.append(time.perf_counter() - start)
            if done.returncode not in (0, 1):
                return f"| {size} | {kind} | exit {done.returncode}: {done.stderr[-300:]!r} | |"
            peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        cells = functions * activities * respondents
        return (
            f"| {functions} x {activities} x {respondents} ({cells:,} cells) | {kind} | "
            f"{statistics.median(times):.2f} s | {peak / 1024:.0f} MB |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", nargs="+", default=["7x40x7", "50x2000x200"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    parser.add_argument("--changed", type=float, default=0.05, help="share of rows changed")
    options = parser.parse_args()
    print("| functions x activities x respondents | views | median wall time | peak RSS |")
    print("| --- | --- | ---: | ---: |")
    for size in options.sizes:
        print(run(size, options.runs, options.format, options.changed), flush=True)


if __name__ == "__main__":
    main()
