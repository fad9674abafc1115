"""Generate a synthetic ownership file of N activities for benchmarks.

The organisation has 50 functions (some with capacities), activities carry 4-6
assignments, phases, efforts and acyclic dependencies, and a small, realistic share of
them break rules (missing A, two A's, unknown functions, crowded consultations) so
that the linter has findings to report, as it would on a real file.

``--phased`` declares the phases, gives every third function its capacity per phase
(tight in launch) and a tenth of the activities their letters per phase (two phases
each), for ``raci rebalance --responsible`` and the phase views.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

FUNCTIONS = 50
PHASES = ("prepare", "pilot", "launch", "adopt", "sustain")


def function_ids(count: int = FUNCTIONS) -> list[str]:
    return [f"F{index:02d}" for index in range(count)]


def generate(
    activities: int,
    seed: int = 7,
    changed: float = 0.0,
    edit_seed: int = 0,
    known_only: bool = False,
    phased: bool = False,
) -> str:
    """Return the YAML text of a model with ``activities`` activities.

    ``changed`` is the share of activities whose letters a second random stream
    reshuffles: the same model after a review, for ``raci diff``.
    """
    rng = random.Random(seed)
    edits = random.Random(edit_seed or seed + 1)
    ids = function_ids()
    lines = [
        "version: 1",
        f"name: Generated organisation of {activities} activities",
        "functions:",
    ]
    if phased:
        lines.insert(2, f"phases: [{', '.join(PHASES)}]")
    for index, fid in enumerate(ids):
        capacity = f", capacity: {activities // 10 + 5}" if index % 3 == 0 else ""
        if phased and index % 3 == 0:
            capacity = f", capacity: {{{_per_phase(activities)}}}"
        lines.append(f"  {fid}: {{name: Function {index}{capacity}}}")
    lines.append("activities:")
    for index in range(activities):
        phase = PHASES[index * len(PHASES) // activities]
        lines.append(f"  - id: act-{index}")
        lines.append(f"    name: Activity number {index} of the programme")
        staged = phased and index % 10 == 5
        if not staged:
            lines.append(f"    phase: {phase}")
        lines.append(f"    effort: {rng.choice((0.5, 1, 1, 2, 3))}")
        if index and rng.random() < 0.6:
            deps = sorted(
                {rng.randrange(max(0, index - 50), index) for _ in range(rng.randint(1, 2))}
            )
            lines.append(f"    depends_on: [{', '.join(f'act-{d}' for d in deps)}]")
        holders = rng.sample(ids, rng.randint(4, 6))
        letters = ["A", "R"] + [rng.choice("RCCII") for _ in holders[2:]]
        roll = rng.random()
        if roll < 0.01:
            letters[0] = "C"  # missing accountable
        elif roll < 0.02:
            letters[1] = "A"  # two accountables
        elif roll < 0.025 and known_only:
            letters[-1] = "C"  # views name only the model's functions
        elif roll < 0.025:
            holders[-1] = "Comms"  # unknown function
        elif roll < 0.03:
            letters = ["A/R"] + ["C"] * (len(holders) - 1)  # crowded consultation
        if changed and edits.random() < changed:
            edits.shuffle(letters)
        lines.append("    raci:")
        pairs = list(zip(holders, letters, strict=True))
        if staged:  # in two phases; the first two holders swap roles in the second
            at = PHASES.index(phase)
            later = PHASES[at + 1] if at + 1 < len(PHASES) else phase
            first = phase if later != phase else PHASES[at - 1]
            swapped = [(pairs[0][0], pairs[1][1]), (pairs[1][0], pairs[0][1]), *pairs[2:]]
            for name, held in ((first, pairs), (later, swapped)):
                lines.append(f"      {name}:")
                lines.extend(f"        {fid}: {letter}" for fid, letter in held)
        else:
            lines.extend(f"      {fid}: {letter}" for fid, letter in pairs)
    return "\n".join(lines) + "\n"


def _per_phase(activities: int) -> str:
    """A capacity per phase: room for the work in every phase but launch."""
    roomy = activities // 40 + 5
    return ", ".join(
        f"{phase}: {activities // 150 + 2 if phase == 'launch' else roomy}" for phase in PHASES
    )


def views(activities: int, respondents: int) -> dict[str, str]:
    """``raci merge`` input: the model as each of the first ``respondents`` functions
    sees it (a twentieth of the activities' letters reshuffled, differently for each),
    as ownership files that say whose view they are (``x-respondent``)."""
    found = {}
    for index, fid in enumerate(function_ids()[:respondents]):
        text = generate(activities, changed=0.05, edit_seed=100 + index, known_only=True)
        found[fid] = text.replace("version: 1\n", f"version: 1\nx-respondent: {fid}\n", 1)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("activities", type=int, help="number of activities")
    parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--phased", action="store_true", help="capacity and raci per phase")
    args = parser.parse_args(argv)
    text = generate(args.activities, args.seed, phased=args.phased)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
