"""The HTML report's stylesheet: inline, so the page needs nothing from the network.

``@media print`` keeps colours, repeats table headers and avoids splitting figures, so
the page prints as a sponsor-ready A4 landscape document.
"""

from __future__ import annotations

from raci.output.palette import ROLE_COLOURS, SEVERITY_COLOURS

_CSS = """
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5d6d7e; --rule: #d5d8dc;
        --navy: #1f3a5f; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
       margin: 0; background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px; }
h1 { margin: 0 0 4px; font-size: 28px; color: var(--navy); }
h2 { margin: 36px 0 10px; font-size: 20px; color: var(--navy);
     border-bottom: 2px solid var(--navy); padding-bottom: 4px; }
h3 { margin: 18px 0 6px; font-size: 15px; }
h3 .count { color: var(--muted); font-weight: normal; font-size: 13px; }
.meta { color: var(--muted); margin: 0 0 10px; }
.description { margin: 0 0 14px; max-width: 80ch; }
.note { color: #34495e; max-width: 95ch; }
code { font: 12px ui-monospace, Menlo, Consolas, monospace; background: #f4f4f4;
       padding: 1px 4px; border-radius: 3px; }
.verdict { padding: 12px 16px; border-left: 8px solid; border-radius: 4px; margin: 12px 0; }
.verdict .lead { font-size: 19px; font-weight: 600; margin: 0 0 6px; line-height: 1.35; }
.verdict .lint { margin: 0; color: #34495e; }
.verdict.pass { border-color: #1e8449; background: #e9f7ef; }
.verdict.warn { border-color: #d68910; background: #fef5e7; }
.verdict.fail { border-color: #b03a2e; background: #fdedec; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr));
         gap: 10px; margin: 14px 0; }
.tile { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; }
.tile .value { font-size: 26px; font-weight: 700; color: var(--navy); }
.tile .label { font-weight: 600; font-size: 13px; }
.tile .meaning { color: var(--muted); font-size: 12.5px; line-height: 1.35; margin-top: 2px; }
h2.points { margin-top: 18px; }
ul.points { margin: 6px 0 0; padding-left: 22px; }
ul.points li { margin: 3px 0; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid var(--rule); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eef1f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.matrix { table-layout: fixed; width: 100%; margin: 4px 0 10px; }
table.matrix col.activity { width: 34%; }
table.matrix col.effort { width: 4.5em; }
table.matrix td.name { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
table.matrix td.cell { text-align: center; font-weight: 600; padding: 4px 2px; }
table.matrix th.fn { text-align: center; padding: 4px 2px; overflow: hidden;
                     text-overflow: ellipsis; white-space: nowrap; font-size: 12px; }
table.matrix.dense td, table.matrix.dense th { font-size: 11px; padding: 3px 1px; }
table.findings { width: 100%; }
table.findings td:nth-child(2) { width: 30%; }
table.findings td:nth-child(3) { text-align: right; width: 3.5em; }
section#what-if table { width: 100%; }
section#what-if td:first-child { width: 38%; }
section#what-if td:nth-child(2) { width: 24%; }
table.locations td:first-child { white-space: nowrap; }
.legend span { display: inline-block; margin: 0 12px 4px 0; }
.key { color: var(--muted); font-size: 12.5px; margin: 0 0 6px; }
.swatch { display: inline-block; width: 1.8em; text-align: center; border-radius: 3px;
          font-weight: 600; }
.badge { padding: 1px 6px; border-radius: 3px; font-size: 12px; font-weight: 600; }
figure { margin: 12px 0; }
.charts { display: flex; flex-wrap: wrap; gap: 12px 40px; }
.charts figure { margin: 6px 0; }
figcaption { font-weight: 600; color: var(--navy); margin-bottom: 2px; }
figure.chart svg { max-width: 100%; height: auto; }
svg .figure { fill: #34495e; font-variant-numeric: tabular-nums; }
svg .bridge { fill: #c0392b; font-weight: 700; }
section.appendix h2 { font-size: 17px; }
section.appendix table { font-size: 12.5px; }
footer { margin-top: 40px; color: #777; font-size: 12px; }
@page { size: A4 landscape; margin: 11mm 12mm; }
@media print {
  body { font-size: 10.5px; line-height: 1.35; }
  th, td { padding: 2px 5px; }
  table.matrix td, table.matrix th { padding: 1px 4px; }
  table.matrix td.cell, table.matrix th.fn { padding: 1px; }
  .legend, .key { font-size: 9.5px; margin: 2px 0; }
  .note { margin: 4px 0; }
  .charts { flex-wrap: nowrap; gap: 16px; }
  .charts figure { flex: 1 1 50%; }
  .tiles { grid-template-columns: repeat(5, 1fr); }
  .tile { padding: 6px 8px; }
  .tile .meaning { font-size: 10px; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1 { font-size: 24px; }
  h2 { margin: 14px 0 6px; font-size: 16px; }
  h3 { margin: 8px 0 4px; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .verdict .lead { font-size: 16px; }
  .tile .value { font-size: 21px; }
  table, figure, .verdict, .tiles, ul.points, .phase, .lead-in { break-inside: avoid; }
  .phase h3 { margin-top: 8px; }
  table.matrix, table.findings, table.locations, section.extra table { break-inside: auto; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  table.matrix td.name { white-space: normal; }
  section#appendix { font-size: 9.5px; }
  section#appendix table { font-size: 9.5px; }
  section#what-if table, section.extra table { font-size: 9.5px; }
  footer { margin-top: 12px; }
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
