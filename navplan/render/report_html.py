"""The steering group's report as one self-contained HTML page that prints on A4.

Everything is inline (CSS, the SVG Gantt chart); nothing is fetched, so the
file can be mailed, archived and opened offline. Every text from the plan
(office, titles, owners, commit subjects) is HTML-escaped.
"""

from __future__ import annotations

from html import escape

from navplan.messages import t
from navplan.render.report_sections import Grid, Section, footer, heading, sections
from navplan.render.report_gantt_svg import gantt_svg
from navplan.features.steering_report import Report

STYLE = """
@page { size: A4; margin: 12mm 11mm 13mm 11mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 8pt; line-height: 1.2;
       color: #000; margin: 0 auto; max-width: 188mm; padding: 6mm 0; }
h1 { font-size: 15pt; margin: 0 0 1mm; color: #1F3864; }
h2 { font-size: 11pt; margin: 3mm 0 1.2mm; color: #1F3864; border-bottom: 0.6pt solid #1F3864;
     break-after: avoid; page-break-after: avoid; }
p { margin: 0.8mm 0; }
.subtitle { color: #595959; margin-bottom: 2mm; }
section { break-inside: auto; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0; }
table.keep { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { background: #D9E1F2; text-align: left; font-weight: bold; }
th, td { border-bottom: 0.5pt solid #BFBFBF; padding: 0.6mm 1.2mm; vertical-align: top; }
td.right, th.right { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
#criteria td:nth-child(2) { width: 40%; }
#criteria td:nth-child(4) { width: 38%; }
.note, .muted { color: #595959; }
.notes { color: #595959; font-style: italic; }
.strong { font-weight: bold; }
.ok { color: #38761D; font-weight: bold; }
.tight { color: #BF9000; font-weight: bold; }
.fail, .missed, .chain { color: #C00000; }
.fail { font-weight: bold; }
.later { color: #C00000; font-weight: bold; }
.earlier { color: #38761D; font-weight: bold; }
tr.critical td { font-weight: bold; }
tr.done td { background: #EAF1E4; }
figure { margin: 1mm 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { color: #595959; font-size: 8pt; }
svg.gantt, svg.scurve { display: block; font-family: "Liberation Sans", Arial, Helvetica, sans-serif; }
@media screen {
  /* On a screen the page may be wider than A4, so the chart's labels read without zooming. */
  body { max-width: 270mm; font-size: 11pt; padding: 8mm 6mm; }
}
footer { margin-top: 4mm; color: #7F7F7F; font-size: 7.5pt; border-top: 0.5pt solid #BFBFBF; padding-top: 1mm; }
"""

KEEP_ROWS = 6


def _grid(grid: Grid) -> list[str]:
    header = "".join(f"<th{_classes(['right'] if i in grid.right else [])}>{escape(h)}</th>"
                     for i, h in enumerate(grid.headers))
    # A short table stays on one page; a long one may break, but only between rows.
    keep = ' class="keep"' if len(grid.rows) <= KEEP_ROWS else ""
    out = [f"<table{keep}>", f"<thead><tr>{header}</tr></thead>", "<tbody>"]
    for index, row in enumerate(grid.rows):
        tone = grid.row_tones[index] if index < len(grid.row_tones) else None
        cells = []
        for column, cell in enumerate(row):
            classes = [c for c in (cell.tone, "right" if column in grid.right else None,
                                   "nowrap" if column in grid.narrow else None) if c]
            lines = "<br>".join(escape(line) for line in cell.text.split("\n"))
            cells.append(f"<td{_classes(classes)}>{lines}</td>")
        out.append(f"<tr{_classes([tone] if tone else [])}>" + "".join(cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return out


def _classes(names: list[str]) -> str:
    return f' class="{" ".join(names)}"' if names else ""


def _section(section: Section, report: Report, lang: str) -> list[str]:
    out = [f'<section id="{section.key}">', f"<h2>{escape(section.title)}</h2>"]
    split = len(section.lines) if section.figure_after is None else section.figure_after
    for tone, text in section.lines[:split]:
        out.append(f"<p{_classes([tone] if tone else [])}>{escape(text)}</p>")
    if section.key == "opening":
        out += ["<figure>", gantt_svg(report.schedule, lang),
                f"<figcaption>{escape(t('report.gantt.caption', lang))}</figcaption>", "</figure>"]
    if section.key == "risk" and report.risk is not None:
        from navplan.render.risk_report import risk_figure

        out += risk_figure(report.risk, lang)
    for tone, text in section.lines[split:]:
        out.append(f"<p{_classes([tone] if tone else [])}>{escape(text)}</p>")
    if section.grid is not None:
        out += _grid(section.grid)
    for note in section.notes:
        out.append(f'<p class="notes">{escape(note)}</p>')
    out.append("</section>")
    return out


def report_html(report: Report, lang: str) -> str:
    title, subtitle = heading(report, lang)
    out = ["<!DOCTYPE html>", f'<html lang="{"en" if lang == "en" else "nb"}">', "<head>", '<meta charset="utf-8">',
           f"<title>{escape(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
           f"<header><h1>{escape(title)}</h1>", f'<p class="subtitle">{escape(subtitle)}</p></header>']
    for section in sections(report, lang):
        out += _section(section, report, lang)
    out += [f"<footer>{escape(footer(report, lang))}</footer>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
