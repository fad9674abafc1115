"""Small known models shared by tests (plain functions, imported by test modules)."""

from __future__ import annotations

from pathlib import Path

from raci.core.context import Context
from raci.core.model import Model
from raci.engine import load

DATA = Path(__file__).resolve().parent / "data"
SMALL = DATA / "small.yaml"


def model_of(path: Path) -> Model:
    loaded = load(path)
    assert loaded.model is not None, loaded.findings
    return loaded.model


def context_of(path: Path) -> Context:
    return Context(model_of(path))


def wide_model(functions: int = 25, activities: int = 12) -> str:
    """A model of many functions with ids of different lengths, for matrix layout tests."""
    ids = [f"F{index:02d}" if index % 3 else f"Func{index}" for index in range(functions)]
    lines = ["version: 1", "name: Wide organisation", "functions:"]
    lines += [f"  {fid}: {{name: Function number {index}}}" for index, fid in enumerate(ids)]
    lines.append("activities:")
    letters = ("A", "R", "C", "I", "C")
    for number in range(activities):
        lines.append(f"  - id: activity-{number}")
        lines.append(f"    name: A deliberately long activity name number {number} that would wrap")
        lines.append(f"    phase: {('prepare', 'launch', 'adopt')[number % 3]}")
        cells = ", ".join(
            f"{ids[(number + offset) % functions]}: {letters[offset]}" for offset in range(5)
        )
        lines.append(f"    raci: {{{cells}}}")
    return "\n".join(lines) + "\n"
