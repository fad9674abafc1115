"""``raci import SHEET --into MODEL``: apply an edited workbook to an existing model.

Only what the sheet changed is edited, in the YAML text itself (:mod:`raci.sheets.yamledit`),
so comments and layout stay: letters, and the fields the sheet has a column for (a sheet
without a Phase column never clears a phase). Rows match activities by id, then by name;
a new row becomes a new activity in the file that holds its phase (or the last file). An
activity the sheet does not have is kept, and said so. The edited files are read back
and compared with the plan before anything is written, then written all or nothing.
An activity given per phase is edited phase by phase (:mod:`raci.sheets.into_state`
compares it whole); a change in the phases it is given in is refused, as a whole, with
the other changes the plan cannot make.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from raci.core.errors import RaciError
from raci.core.loader import Document
from raci.core.model import Activity, Model
from raci.engine import load
from raci.sheets.importer import Imported
from raci.sheets.into_state import (
    activity_fields,
    declared,
    entry_fields,
    floats,
    function_fields,
    groups,
    member_fields,
    state,
)
from raci.sheets.layout import function_header, unique
from raci.sheets.yaml_out import activity_block
from raci.sheets.yamledit import Editor

_FIELDS: dict[str, Any] = {
    "phase": None,
    "effort": 1.0,
    "depends_on": [],
    "eligible": [],
    "waive": {},
}
_BEFORE_RACI = {"name", "phase", "effort", "depends_on"}
_FUNCTION_KEYS = ("name", "capacity", "ends", "description", "waive")


@dataclass
class Applied:
    text: str
    """What changed, as ``raci diff`` prints it."""
    data: dict[str, Any]
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Activities of the model the sheet does not have (kept as they are)."""


def known_functions(model: Model) -> dict[str, str]:
    """Header texts that name the model's functions: id, name, ``Name (id)`` (casefolded)."""
    found: dict[str, str] = {}
    for fid, function in model.functions.items():
        for spelling in (function.name, fid, function_header(fid, function.name)):
            found.setdefault(spelling.casefold(), fid)
    return found


def _phases_of(activity: dict[str, Any]) -> list[str]:
    if "phase" in activity:
        return [activity["phase"]]
    return [key for key, value in activity["raci"].items() if isinstance(value, dict)]


def _staged(raci: dict[str, Any]) -> bool:
    return any(isinstance(value, dict) for value in raci.values())


class _Plan:
    def __init__(self, model: Model, imported: Imported) -> None:
        self.model = model
        self.imported = imported
        self.editors: dict[int, Editor] = {}
        self.expected = state(model)
        self.kept: list[str] = []
        self.refused: list[str] = []
        """What the sheet changes that --into does not edit (refused all at once)."""

    def editor(self, document: Document) -> Editor:
        key = id(document)
        if key not in self.editors:
            text = document.path.read_bytes().decode("utf-8")
            self.editors[key] = Editor(document, text)
        return self.editors[key]

    def run(self) -> None:
        self._settings()
        self._functions()
        by_id = {aid: parts[0] for aid, parts in groups(self.model).items()}
        by_name: dict[str, list[Activity]] = {}
        for activity in by_id.values():
            by_name.setdefault(_normal(activity.name), []).append(activity)
        used: set[str] = set()
        taken = set(by_id)
        for row in self.imported.data["activities"]:
            match = by_id.get(row["id"])
            if match is None or match.id in used:
                named = [a for a in by_name.get(_normal(row["name"]), []) if a.id not in used]
                match = named[0] if len(named) == 1 else None
            if match is None:
                self._new(row, taken)
            else:
                used.add(match.id)
                self._update(match, row)
        self.kept = [aid for aid in by_id if aid not in used]
        if self.refused:
            shown = "; ".join(self.refused[:5])
            more = f" and {len(self.refused) - 5} more" if len(self.refused) > 5 else ""
            raise RaciError(
                f"cannot apply {self.imported.summary.source} with --into: {shown}{more}; "
                "nothing was written: edit those in the YAML, or import without --into"
            )

    def _settings(self) -> None:
        """``phases:`` and ``fte_unit:``, where the workbook declares them."""
        old = declared(self.model)
        data = dict(self.imported.data)
        carried = set(self.imported.carried)
        if old["phases"] is not None and "phases" not in carried:
            named = [phase for a in data["activities"] for phase in _phases_of(a)]
            data["phases"] = list(dict.fromkeys([*old["phases"], *named]))
            carried.add("phases")  # a new phase of the sheet joins the declared ones
        for key in ("phases", "fte_unit"):
            if key not in carried or floats(data[key]) == floats(old[key]):
                continue
            holders = [d for d in self.model.documents if key in d.data]
            for document in holders or self.model.documents[:1]:
                before = "functions" if "functions" in document.data else None
                self._change(self.editor(document), (), key, old[key], data[key], before)
            self.expected["model"][key] = floats(data[key])

    def _functions(self) -> None:
        data = self.imported.data["functions"]
        functions = self.model.functions
        for fid, entry in data.items():
            if fid in functions:
                if "functions" in self.imported.carried:
                    self._function(fid, entry)
                continue
            holder = next(d for d in self.model.documents if "functions" in d.data)
            self.editor(holder).add(("functions",), fid, entry)
            self.expected["functions"][fid] = floats(entry_fields(entry))

    def _function(self, fid: str, entry: dict[str, Any]) -> None:
        function = self.model.functions[fid]
        old, new = function_fields(function), entry_fields(entry)
        if "members" not in self.imported.carried:
            new["members"] = old["members"]
        if floats(new) == floats(old):
            return
        editor = self.editor(function.document)
        path = ("functions", fid)
        for key in _FUNCTION_KEYS:
            if floats(old[key]) != floats(new[key]):
                self._change(editor, path, key, old[key], new[key], before=None)
        if new["members"] != old["members"]:
            self._members(editor, path, old["members"], entry.get("members", {}))
        self.expected["functions"][fid] = floats(new)

    def _members(
        self, editor: Editor, path: tuple[str, ...], old: dict[str, Any], new: dict[str, Any]
    ) -> None:
        if not old or not new:
            self._change(editor, path, "members", old or None, new or None, before="waive")
            return
        at = (*path, "members")
        for mid in old:
            if mid not in new:
                editor.remove(at, mid)
        for mid, member in new.items():
            if mid not in old:
                editor.add(at, mid, member)
            elif member_fields(member.get("name"), member.get("fte", 1)) != old[mid]:
                editor.set(at, mid, member)

    def _update(self, activity: Activity, row: dict[str, Any]) -> None:
        editor = self.editor(activity.document)
        path: tuple[str | int, ...] = ("activities", activity.index)
        old = activity_fields(groups(self.model)[activity.id])
        expected = dict(old)
        staged = _staged(old["raci"]) or _staged(row["raci"])
        wanted = {"name": row["name"]}
        for key in sorted(self.imported.carried):
            if (key in _FIELDS and not (staged and key == "phase")) or key[:2] == "x-":
                wanted[key] = row.get(key, _FIELDS.get(key))
        for key, value in wanted.items():
            before = "raci" if key in _BEFORE_RACI else None
            self._change(editor, path, key, old.get(key), value, before)
            expected[key] = value if value is not None or key in _FIELDS else None
            if value is None and key[:2] == "x-":
                expected.pop(key, None)
        if staged:
            expected["raci"] = self._phases(editor, activity, old["raci"], row["raci"])
        else:
            expected["raci"] = self._letters(editor, (*path, "raci"), old["raci"], row["raci"])
        if "people" in self.imported.carried and row.get("people", {}) != old["people"]:
            new = row.get("people", {})
            if not old["people"] or not new:
                self._change(editor, path, "people", old["people"] or None, new or None, None)
            else:
                self._letters(editor, (*path, "people"), old["people"], new, list(new))
            expected["people"] = new
        self.expected["activities"][activity.id] = floats(expected)

    def _letters(
        self,
        editor: Editor,
        path: tuple[str | int, ...],
        old: dict[str, str],
        new: dict[str, str],
        keys: list[str] | None = None,
    ) -> dict[str, str]:
        """Edit letter by letter (``keys``: the ones the sheet has, default its columns)."""
        letters = dict(old)
        for key in dict.fromkeys([*(keys if keys is not None else self.imported.columns), *old]):
            was, now = old.get(key), new.get(key)
            if was == now or (keys is None and key not in self.imported.columns):
                continue
            self._change(editor, path, key, was, now, before=None)
            if now is None:
                letters.pop(key, None)
            else:
                letters[key] = now
        return letters

    def _phases(
        self, editor: Editor, activity: Activity, old: dict[str, Any], new: dict[str, Any]
    ) -> dict[str, Any]:
        """Letters per phase, phase by phase; a change of phases is refused."""
        if not (_staged(old) and _staged(new)) or list(old) != list(new):
            shape = " -> ".join(", ".join(raci) if _staged(raci) else "one set of letters"
                                for raci in (old, new))  # fmt: skip
            self.refused.append(f"'{activity.id}' changes the phases it is given in ({shape})")
            return old
        raci_path = (*activity.path, "raci")
        return {
            phase: self._letters(editor, (*raci_path, phase), letters, new[phase])
            for phase, letters in old.items()
        }

    def _change(
        self, editor: Editor, path: Any, key: str, old: Any, new: Any, before: str | None
    ) -> None:
        if old == new or (key in _FIELDS and new == _FIELDS[key] and old == _FIELDS[key]):
            return
        parent = editor.mapping(path)
        present = key in parent.marks
        if new is None or (key in _FIELDS and new == _FIELDS[key]):
            if present:
                editor.remove(path, key)
        elif present:
            editor.set(path, key, new)
        else:
            editor.add(path, key, new, before)

    def _new(self, row: dict[str, Any], taken: set[str]) -> None:
        activity = dict(row)
        activity["id"] = unique(row["id"], taken, "activity")
        phase = row.get("phase")
        if phase is None and _staged(row["raci"]):
            phase = next(iter(row["raci"]))
        holders = [a.document for a in self.model.activities if phase and a.phase == phase]
        document = holders[-1] if holders else self.model.documents[-1]
        editor = self.editor(document)
        items = document.data.get("activities")
        if items:
            line, column = document.locate(("activities", len(items) - 1))
            at = editor.offset(line, column)
            dash = editor.text.rfind("-", editor.line_start(at), at)  # before `id:` or `{`
            indent = dash - editor.line_start(at) if dash >= 0 else max(0, column - 3)
            end = editor.block_end(editor.line_start(at), indent)
            editor.append(end, "\n\n" + activity_block(activity, indent))
        elif "activities" in document.data:
            raise editor.refuse(("activities",))
        else:
            text = editor.text
            glue = "" if text.endswith("\n") else "\n"
            editor.append(len(text), f"{glue}\nactivities:\n{activity_block(activity, 2)}\n")
        expected = {key: activity.get(key, default) for key, default in _FIELDS.items()}
        expected.update(
            name=activity["name"], raci=activity["raci"], effort=float(expected["effort"] or 1),
            people=activity.get("people", {}),
        )  # fmt: skip
        expected.update((k, v) for k, v in activity.items() if k[:2] == "x-")
        self.expected["activities"][activity["id"]] = floats(expected)


def _normal(name: str) -> str:
    return " ".join(name.casefold().split())


def apply_into(path: Path, model: Model, imported: Imported, source: str) -> Applied:
    """Edit the model at ``path`` to match the sheet; write it; say what changed."""
    from raci.core.atomic import write_all

    plan = _Plan(model, imported)
    plan.run()
    texts = [(editor.document, editor.result()) for editor in plan.editors.values()]
    texts = [(document, text) for document, text in texts if text != _read(document)]
    with tempfile.TemporaryDirectory(prefix="raci-into-") as folder:
        copy = _stage(path, model, texts, Path(folder))
        loaded = load(copy, path.as_posix())
        if loaded.model is None or state(loaded.model) != plan.expected:
            raise RaciError(
                f"cannot apply {source} to {path} safely: the edited files would not read as "
                "planned (values written in a form this does not edit, such as anchors or "
                "block scalars); nothing was written"
            )
        diff_text, diff_data = _diff(path, copy, source)
    write_all([(document.path, text) for document, text in texts])
    return Applied(diff_text, diff_data, [d.name for d, _ in texts], plan.kept)


def _read(document: Document) -> str:
    return document.path.read_bytes().decode("utf-8")


def _stage(path: Path, model: Model, texts: list[tuple[Document, str]], folder: Path) -> Path:
    """A copy of the model with the edited texts, for reading back and diffing."""
    edited = {id(document): text for document, text in texts}
    if not path.is_dir():
        target = folder / path.name
        document = model.documents[0]
        target.write_text(edited.get(id(document), _read(document)), encoding="utf-8")
        return target
    root = folder / "model"
    for document in model.documents:
        target = root / document.path.relative_to(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(edited.get(id(document), _read(document)), encoding="utf-8")
    return root


def _diff(path: Path, copy: Path, source: str) -> tuple[str, dict[str, Any]]:
    from raci.diff.changes import lint_side
    from raci.diff.compare import compare
    from raci.output.diff import render_text

    options: dict[str, Any] = {"settings_from": path, "config": None, "command_line": None}
    before = lint_side("old", path, path.as_posix(), **options)
    after = lint_side("new", copy, path.as_posix(), **options)
    after.name = f"{path.as_posix()} + {source}"
    result = compare(before, after)
    return render_text(result), result.as_dict()
