"""The HTML report's stylesheet: inline, so the page needs nothing from the network.

``@media print`` keeps colours, repeats table headers and avoids splitting figures, so
the page prints as a sponsor-ready A4 landscape document.
"""

from __future__ import annotations

from raci.output.palette import ROLE_COLOURS, SEVERITY_COLOURS

_CSS = """
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b;
       margin: 0; background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { margin: 0 0 4px; font-size: 26px; }
h2 { margin: 32px 0 8px; font-size: 19px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { margin: 18px 0 6px; font-size: 15px; }
.meta { color: #555; margin: 0 0 16px; }
code { font: 12px ui-monospace, Menlo, Consolas, monospace; background: #f4f4f4;
       padding: 1px 4px; border-radius: 3px; }
.verdict { padding: 10px 14px; border-left: 6px solid; border-radius: 4px; }
.verdict.pass { border-color: #1e8449; background: #e9f7ef; }
.verdict.warn { border-color: #d68910; background: #fef5e7; }
.verdict.fail { border-color: #b03a2e; background: #fdedec; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #d5d8dc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f2f4f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.matrix td.cell { text-align: center; min-width: 2.4em; font-weight: 600; }
table.matrix th.fn { text-align: center; }
.legend span { display: inline-block; margin: 0 10px 4px 0; }
.swatch { display: inline-block; width: 1.6em; text-align: center; border-radius: 3px;
          font-weight: 600; }
.badge { padding: 1px 5px; border-radius: 3px; font-size: 12px; font-weight: 600; }
figure { margin: 12px 0; }
svg .edge-label { font-size: 11px; fill: #1b1b1b; paint-order: stroke; stroke: #fff;
                  stroke-width: 3px; }
footer { margin-top: 40px; color: #777; font-size: 12px; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  table, figure, .verdict { break-inside: avoid; }
  table.matrix { break-inside: auto; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
"""


def stylesheet() -> str:
    """The page's CSS: layout, print rules, and one class per role and severity."""
    rules = [
        f".role-{role} {{ background: #{fill}; color: #{text}; }}"
        for role, (fill, text) in ROLE_COLOURS.items()
    ]
    rules += [
        f".sev-{level} {{ background: #{fill}; color: #{text}; }}"
        for level, (fill, text) in SEVERITY_COLOURS.items()
    ]
    return _CSS + "\n".join(rules) + "\n"
