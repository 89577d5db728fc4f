"""The steering group's report as one self-contained HTML page that prints on A4.

Everything is inline (CSS, the SVG Gantt chart); nothing is fetched, so the
file can be mailed, archived and opened offline. Every text from the plan
(office, titles, owners, commit subjects) is HTML-escaped.
"""

from __future__ import annotations

from html import escape
from string import Template

from navplan.features.steering_report import Report
from navplan.messages import t
from navplan.render import palette
from navplan.render.palette import css
from navplan.render.report_gantt_svg import gantt_svg
from navplan.render.report_sections import Grid, Section, footer, heading, sections, verdict_banner

_STYLE = Template("""
@page { size: A4; margin: 12mm 11mm 13mm 11mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 8pt; line-height: 1.15;
       color: #000; margin: 0 auto; max-width: 188mm; padding: 6mm 0 0; }
h1 { font-size: 15pt; margin: 0 0 1mm; color: $summary; }
h2 { font-size: 11pt; margin: 2.5mm 0 1mm; color: $summary; border-bottom: 0.6pt solid $summary;
     break-after: avoid; page-break-after: avoid; }
p { margin: 0.6mm 0; }
.subtitle { color: $muted; margin-bottom: 2mm; }
section { break-inside: auto; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0; }
table.keep { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { background: $header; text-align: left; font-weight: bold; }
th, td { border-bottom: 0.5pt solid $row_line; padding: 0.5mm 1.2mm; vertical-align: top; }
td.right, th.right { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
#criteria td:nth-child(2) { width: 40%; }
#criteria td:nth-child(4) { width: 38%; }
.note, .muted { color: $muted; }
.notes { color: $muted; font-style: italic; }
.strong { font-weight: bold; }
.ok { color: $opening_line; font-weight: bold; }
.tight { color: $as_of_line; font-weight: bold; }
.fail, .missed, .chain { color: $warning; }
.fail, .help { font-weight: bold; }
.lever { margin-left: 1em; }
.command { margin-left: 2em; }
.later { color: $warning; font-weight: bold; }
.earlier { color: $opening_line; font-weight: bold; }
tr.critical td { font-weight: bold; }
tr.done td { background: $done_row; }
figure { margin: 0.5mm 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { color: $muted; font-size: 8pt; }
figcaption .opening { color: $opening_line; font-weight: bold; }
figcaption .frame { color: $warning; font-weight: bold; }
p.assumptions { margin: 1mm 0 0; font-size: 7.5pt; line-height: 1.15; }
.beside > div.charts { flex: 1 1 auto; }
.beside { display: flex; gap: 3mm; align-items: center; break-inside: avoid; page-break-inside: avoid; }
.beside > div { flex: 0 0 50%; }
.beside > figure { flex: 1 1 auto; margin: 0.5mm 0; }
svg.gantt, svg.scurve, svg.tornado { display: block; font-family: "Liberation Sans", Arial, Helvetica, sans-serif; }
@media screen {
  /* On a screen the page may be wider than A4, so the chart's labels read without zooming. */
  body { max-width: 270mm; font-size: 11pt; padding: 8mm 6mm; }
}
.verdict { font-weight: bold; font-size: 8.5pt; padding: 0.5mm 1.5mm; margin: -1mm 0 1mm; border-radius: 1mm; }
.verdict-green { background: $verdict_green; }
.verdict-yellow { background: $verdict_yellow; }
.verdict-red { background: $verdict_red; }
footer { margin-top: 2.5mm; color: $faded; font-size: 7.5pt; border-top: 0.5pt solid $row_line; padding-top: 1mm; }
""")
#: The page's CSS, coloured from the one palette every output shares.
STYLE = _STYLE.substitute(
    summary=css(palette.SUMMARY), header=css(palette.HEADER), row_line=css(palette.ROW_LINE),
    opening_line=css(palette.OPENING_LINE), as_of_line=css(palette.AS_OF_LINE), warning=css(palette.WARNING),
    done_row=css(palette.DONE_ROW), muted=css(palette.MUTED), faded=css(palette.FADED),
    **{f"verdict_{colour}": css(fill) for colour, fill in palette.VERDICT_FILL.items()})

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


def _code(text: str) -> str:
    return f"<code>{escape(text)}</code>"


def _section(section: Section, report: Report, lang: str, dates: str = "latest") -> list[str]:
    # A section without a title continues the one above it.
    out = [f'<section id="{section.key}">'] + ([f"<h2>{escape(section.title)}</h2>"] if section.title else [])
    paragraphs = [f"<p{_classes([tone] if tone else [])}>{_code(text) if tone == 'command' else escape(text)}</p>"
                  for tone, text in section.lines]
    if section.key in ("risk_assumptions", "risk_tornado") and report.risk is not None:
        return []  # drawn with the risk lines
    if section.key == "risk" and report.risk is not None:
        from navplan.render.risk_report import assumptions_section, risk_figure, tornado_figure

        # The lines and what the numbers assume beside the S-curve and the tornado, so the page keeps to
        # two A4 pages.
        # What the numbers assume, one paragraph run in after its heading (the Markdown report lists them).
        title, *lines = [text for _tone, text in assumptions_section(report.risk, lang).lines]
        assumptions = [f'<p class="assumptions"><strong>{escape(title)}:</strong> '
                       + " ".join(escape(line.removeprefix("• ")) for line in lines) + "</p>"]
        out += ['<div class="beside">', "<div>", *paragraphs, *assumptions, "</div>",
                '<div class="charts">', *risk_figure(report.risk, lang), *tornado_figure(report.risk, lang), "</div>",
                "</div>"]
    else:
        out += paragraphs
    if section.key == "opening":
        caption = t("report.gantt.caption.forecast" if dates == "forecast" else "report.gantt.caption", lang)
        out += ["<figure>", gantt_svg(report.schedule, lang, dates, report.view),
                f"<figcaption>{escape(caption)}</figcaption>", "</figure>"]
    if section.grid is not None:
        out += _grid(section.grid)
    for note in section.notes:
        out.append(f'<p class="notes">{escape(note)}</p>')
    out.append("</section>")
    return out


def report_html(report: Report, lang: str, dates: str = "latest") -> str:
    """The report as one page of HTML that prints on A4; its chart on the latest dates or the forecast."""
    title, subtitle = heading(report, lang)
    out = ["<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
           f"<title>{escape(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
           f"<header><h1>{escape(title)}</h1>", f'<p class="subtitle">{escape(subtitle)}</p></header>']
    banner = verdict_banner(report, lang)
    if banner is not None:  # the one verdict: the first line, before any chart
        out.append(f'<p class="verdict verdict-{banner[0]}">{escape(banner[1])}</p>')
    for section in sections(report, lang):
        out += _section(section, report, lang, dates)
    out += [f"<footer>{escape(footer(report, lang))}</footer>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
