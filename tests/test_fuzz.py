"""The mutational fuzzer (tests/fuzz/engine.py) on a fixed set of cases."""

from __future__ import annotations

from pathlib import Path

from tests.fuzz.engine import run_cases

SEED = 12
CASES = 100
"""About 3 s of CPU: one command besides check per case, a round trip on every fifth.
``python -m tests.fuzz.run --minutes 10`` runs the fuzzer for real."""


def test_mutated_inputs_never_break_the_promises(tmp_path: Path) -> None:
    failures = run_cases(SEED, CASES, tmp_path, runs=1, trips=5)
    assert not failures, "\n".join(
        f"case {number} ({case.name}): {why}" for number, case, why in failures[:10]
    )
