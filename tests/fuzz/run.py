"""Run the mutational fuzzer for N minutes: ``python -m tests.fuzz.run --minutes 10``.

Random seeds (printed, so a failure can be replayed with ``--seed``), every command of
the engine on each case, a hang limit per case and a memory limit for the process.
Failing inputs are saved under ``--keep`` (default ``fuzz-failures/``).
"""

from __future__ import annotations

import argparse
import random
import resource
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from tests.fuzz.engine import YAML_RUNS, Failure, Runner, check_case, make_case


class Hang(Exception):
    pass


def _alarm(*_: Any) -> None:
    raise Hang


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=None, help="default: random")
    parser.add_argument("--hang", type=int, default=30, help="seconds before a case is a hang")
    parser.add_argument("--memory", type=int, default=3072, help="MiB the process may use")
    parser.add_argument("--keep", type=Path, default=Path("fuzz-failures"))
    options = parser.parse_args(argv)
    limit = options.memory * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.signal(signal.SIGALRM, _alarm)
    seed = options.seed if options.seed is not None else random.randrange(1 << 30)
    print(f"seed {seed}; {options.minutes:g} minutes; hang limit {options.hang}s", flush=True)
    runner = Runner()
    end = time.monotonic() + options.minutes * 60
    cases, failures, kinds = 0, 0, Counter[str]()
    with tempfile.TemporaryDirectory() as scratch:
        while time.monotonic() < end:
            rng = random.Random(seed * 1_000_003 + cases)
            case = make_case(rng)
            kinds[case.suffix] += 1
            folder = Path(scratch) / f"c{cases}"
            folder.mkdir()
            signal.alarm(options.hang)
            try:
                check_case(case, folder, runner, rng, len(YAML_RUNS))
                why = None
            except Failure as error:
                why = str(error)
            except Hang:
                why = f"hang: more than {options.hang}s"
            except MemoryError:
                why = f"memory: more than {options.memory} MiB"
            finally:
                signal.alarm(0)
            if why is not None:
                failures += 1
                options.keep.mkdir(parents=True, exist_ok=True)
                kept = options.keep / f"seed{seed}-case{cases}{case.suffix}"
                kept.write_bytes(case.data)
                print(f"FAIL case {cases} ({case.name} -> {kept}): {why[:300]}", flush=True)
            cases += 1
            if cases % 500 == 0:
                print(f"{cases} cases, {failures} failures", flush=True)
    shown = ", ".join(f"{count} {suffix}" for suffix, count in sorted(kinds.items()))
    print(f"done: {cases} cases ({shown}), {failures} failures, seed {seed}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
