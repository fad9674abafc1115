"""Views made from a known model, with known disagreements injected, in every format."""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from raci.sheets.layout import function_header

LETTERS = ("R", "A", "C", "I", "A/R")


@dataclass
class Known:
    """A model as plain data: functions, and per activity a function -> letter mapping."""

    functions: list[str]
    activities: list[tuple[str, str, dict[str, str]]]
    """(id, name, raci)."""

    def yaml(self) -> str:
        data = {
            "version": 1,
            "name": "Known model",
            "functions": {fid: {"name": f"Function {fid}"} for fid in self.functions},
            "activities": [
                {"id": aid, "name": name, "phase": "run", "raci": dict(raci)}
                for aid, name, raci in self.activities
            ],
        }
        return yaml.safe_dump(data, sort_keys=False)


def known_model(functions: int = 5, activities: int = 10, seed: int = 7) -> Known:
    """Each activity: one A (or A/R), one or two R, a C and an I where there is room."""
    rng = random.Random(seed)
    fids = [f"F{number}" for number in range(functions)]
    found = []
    for number in range(activities):
        chosen = rng.sample(fids, min(4, functions))
        raci = {chosen[0]: rng.choice(["A", "A/R"])}
        for fid, letter in zip(chosen[1:], ("R", "C", "I"), strict=False):
            raci[fid] = letter
        found.append((f"act-{number}", f"Activity number {number}", raci))
    return Known(fids, found)


@dataclass
class Survey:
    """Respondents (name, function) and each one's answers: activity -> function -> letter."""

    known: Known
    respondents: list[tuple[str, str]]
    answers: list[dict[str, dict[str, str]]] = field(default_factory=list)

    @classmethod
    def agreeing(cls, known: Known, respondents: list[tuple[str, str]]) -> Survey:
        answers = [{aid: dict(raci) for aid, _, raci in known.activities} for _ in respondents]
        return cls(known, respondents, answers)

    def inject(self, respondent: int, activity: str, function: str, letter: str | None) -> None:
        row = self.answers[respondent][activity]
        if letter is None:
            row.pop(function, None)
        else:
            row[function] = letter

    def write(self, folder: Path, kind: str) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for number, (name, function) in enumerate(self.respondents):
            path = folder / f"view-{number}.{kind}"
            if kind == "yaml":
                path.write_text(self._yaml(number, name, function), encoding="utf-8")
            elif kind == "csv":
                path.write_text(self._csv(number, name, function), encoding="utf-8")
            else:
                path.write_bytes(self._xlsx(number, name, function))
            paths.append(path)
        return paths

    def _yaml(self, number: int, name: str, function: str) -> str:
        data = {
            "version": 1,
            "x-respondent": {"name": name, "function": function},
            "functions": {fid: {"name": f"Function {fid}"} for fid in self.known.functions},
            "activities": [
                {"id": aid, "name": title, "phase": "run", "raci": self.answers[number][aid]}
                for aid, title, _ in self.known.activities
            ],
        }
        return yaml.safe_dump(data, sort_keys=False)

    def _csv(self, number: int, name: str, function: str) -> str:
        buffer = io.StringIO()
        out = csv.writer(buffer, lineterminator="\n")
        out.writerow(["Respondent", name, "Function", function])
        out.writerow([])
        headers = [function_header(fid, f"Function {fid}") for fid in self.known.functions]
        out.writerow(["ID", "Activity", "Phase", "Description", *headers])
        for aid, title, _ in self.known.activities:
            row = self.answers[number][aid]
            cells = [row.get(fid, "") for fid in self.known.functions]
            out.writerow([aid, title, "run", "", *cells])
        return buffer.getvalue()

    def _xlsx(self, number: int, name: str, function: str) -> bytes:
        """The workbook ``raci survey`` writes, filled in as a respondent would."""
        from openpyxl import load_workbook

        from raci.core.model import Model
        from raci.views.survey import FIRST_FUNCTION, HEADER_ROW, Respondent, workbook

        model = _model_of(self.known)
        assert isinstance(model, Model)
        book = load_workbook(io.BytesIO(workbook(model, Respondent(name, function))))
        sheet = book["RACI"]
        for row, (aid, _, _) in enumerate(self.known.activities, start=HEADER_ROW + 1):
            for column, fid in enumerate(self.known.functions, start=FIRST_FUNCTION):
                sheet.cell(row, column, self.answers[number][aid].get(fid))
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()


def _model_of(known: Known) -> object:
    import tempfile

    from raci.engine import load

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.yaml"
        path.write_text(known.yaml(), encoding="utf-8")
        loaded = load(path)
    assert loaded.model is not None, loaded.findings
    return loaded.model
