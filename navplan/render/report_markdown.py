"""The steering group's report as Markdown that a git host's viewer renders:
plain GFM tables and lists, no HTML, every text from the plan escaped."""

from __future__ import annotations

import re

from navplan.features.steering_report import Report
from navplan.render.report_sections import Grid, footer, heading, sections, verdict_banner

#: Characters Markdown would read as markup or raw HTML inside running text and table cells,
#: and an '&' that starts an entity reference ('&amp;' would show as '&'); a lone '&' shows as itself.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?[0-9A-Za-z]+;))")


def md_text(text: str) -> str:
    """Plan text as literal Markdown: markup characters backslash-escaped, line breaks as spaces.

    >>> md_text("<script>alert(1)</script> | *x*")
    '\\\\<script\\\\>alert(1)\\\\</script\\\\> \\\\| \\\\*x\\\\*'
    """
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _strong(text: str) -> str:
    return f"**{md_text(text)}**" if text else ""


def _code(text: str) -> str:
    """Inline code, fenced by one backtick more than the longest run inside it (CommonMark)."""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}"


def _grid(grid: Grid) -> list[str]:
    lines = ["| " + " | ".join(md_text(h) for h in grid.headers) + " |",
             "| " + " | ".join("---:" if i in grid.right else "---" for i in range(len(grid.headers))) + " |"]
    for index, row in enumerate(grid.rows):
        bold_row = index < len(grid.row_tones) and grid.row_tones[index] == "critical"
        texts = [(c.text.replace("\n", "; "), c.tone) for c in row]
        cells = [_strong(text) if bold_row or tone in ("later", "fail") else md_text(text) for text, tone in texts]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def report_markdown(report: Report, lang: str) -> str:
    title, subtitle = heading(report, lang)
    lines = [f"# {md_text(title)}", "", md_text(subtitle), ""]
    banner = verdict_banner(report, lang)
    if banner is not None:  # the one verdict, first: its colour is in its words
        lines += [_strong(banner[1]), ""]
    for section in sections(report, lang):
        if section.title:  # a section without a title continues the one above
            lines += [f"## {md_text(section.title)}", ""]
        for tone, text in section.lines:
            if tone == "command":  # a command to copy: as code, which Markdown shows as it is
                lines += [_code(text), ""]
            else:
                lines += [_strong(text) if tone in ("strong", "fail", "help") else md_text(text), ""]
        if section.grid is not None:
            lines += _grid(section.grid) + [""]
        for note in section.notes:
            lines += [f"*{md_text(note)}*", ""]
    lines += ["---", "", md_text(footer(report, lang))]
    return "\n".join(lines) + "\n"
