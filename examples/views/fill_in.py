"""How the sample views in this folder were made: ``raci survey``, then filled in.

    raci survey examples/ic-goes-it-alone.yaml -o examples/views \
      --respondent "Chris Lee=IC" --respondent "Dana Reyes=HR" ... (see PEOPLE)
    python examples/views/fill_in.py

Each respondent answers as the model stands, except where they see it differently:
IC thinks HR owns the community guidelines and OD owns adoption, and does less itself;
IT thinks IC owns adoption (as the model says); HR thinks nobody asked it (its own
column is blank) and names nobody for the guidelines; most think HR owns onboarding,
which HR does not claim.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from openpyxl import load_workbook

HERE = Path(__file__).resolve().parent
MODEL = HERE.parent / "ic-goes-it-alone.yaml"
PEOPLE = {
    "Chris Lee": "IC",
    "Dana Reyes": "HR",
    "Omar Haddad": "OD",
    "Ines Silva": "IT",
    "Sam Ko": "InfoSec",
    "Mia Park": "Marketing",
    "Ben Adler": "Brand",
}
CHANGES: dict[str, dict[str, dict[str, str] | None]] = {
    "IC": {
        "usage-policy-guidelines": {"HR": "A", "IC": "C", "InfoSec": "R"},
        "champions-network": {"OD": "A", "IC": "R", "HR": "C"},
        "success-measurement": {"OD": "A", "IT": "R", "IC": "C"},
        "onboarding-new-joiners": {"HR": "A/R", "IC": "C"},
        "launch-campaign": {"Marketing": "A/R", "IC": "C", "Brand": "I"},
        "network-branding": {"Brand": "A/R", "IC": "C"},
    },
    "HR": {
        "usage-policy-guidelines": {"InfoSec": "R"},
        "onboarding-new-joiners": {"IC": "R"},
    },
    "OD": {
        "onboarding-new-joiners": {"HR": "A", "IC": "R"},
        "champions-network": {"IC": "A/R", "OD": "C"},
    },
    "IT": {"onboarding-new-joiners": {"HR": "A", "IC": "R"}},
    "InfoSec": {"onboarding-new-joiners": None},
    "Marketing": {"onboarding-new-joiners": None},
    "Brand": {"onboarding-new-joiners": None},
}


def main() -> None:
    model = yaml.safe_load(MODEL.read_text("utf-8"))
    functions = list(model["functions"])
    for path in sorted(HERE.glob("*.xlsx")):
        book = load_workbook(path)
        sheet = book["RACI"]
        function = sheet["D1"].value
        for row, activity in enumerate(model["activities"], start=5):
            raci = dict(activity["raci"])
            changed = CHANGES[function].get(activity["id"], raci)
            raci = {} if changed is None else dict(changed)
            if function == "HR":  # nobody asked HR: it sees no part for itself
                raci.pop("HR", None)
            for column, fid in enumerate(functions, start=5):
                sheet.cell(row, column, raci.get(fid))
        book.save(path)
        sys.stdout.write(f"filled in {path.name} ({function})\n")


if __name__ == "__main__":
    main()
