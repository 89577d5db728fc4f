"""navplan's colours: one palette for every output that draws or tints, the
workbook (xlsx and ods alike), the HTML report's Gantt chart and its CSS.

RGB in hex without "#", as spreadsheets write it; :func:`css` adds the "#".
Imports nothing, so any renderer may use it.
"""

from __future__ import annotations

#: Gantt bars: red on the critical path, blue elsewhere, grey when done.
CRITICAL = "E06666"
OTHER = "6FA8DC"
DONE = "BFBFBF"
#: The line under a main activity's span, and headings.
SUMMARY = "1F3864"
#: The as-of period's fill, and the line that marks the as-of date.
AS_OF = "FFD966"
AS_OF_LINE = "BF9000"
#: The opening period's fill, and the line (and milestone) that marks the opening.
OPENING = "93C47D"
OPENING_LINE = "38761D"
#: Header cells; what went wrong or is late; the hairline between rows; the report's month grid.
HEADER = "D9E1F2"
WARNING = "C00000"
ROW_LINE = "BFBFBF"
GRID = "D9D9D9"
BORDER = "808080"
#: Periods with no working day (fellesferie, Christmas closure) and periods short of working days (holidays).
CLOSED = "D0CECE"
SHORT = "EDEDED"
#: Plain text, where a list of coloured lines needs a colour for it.
TEXT = "000000"
#: Text that matters less: subtitles, captions, done work's labels.
MUTED = "595959"
FADED = "7F7F7F"
#: The one verdict (navplan.features.verdict): a fill behind its words, and the words' own colour
#: where they stand on white (dark enough to read as text).
VERDICT_FILL = {"green": "B6D7A8", "yellow": "FFE599", "red": "EA9999"}
VERDICT_TEXT = {"green": "38761D", "yellow": "7F6000", "red": "C00000"}
#: The baseline's thin bar in the report's Gantt chart, and the slack's.
BASELINE = "7F7F7F"
SLACK = "9FC5E8"
#: A note, and a verdict row of work done in the report.
NOTE = "1F4E79"
DONE_ROW = "EAF1E4"


def css(colour: str) -> str:
    """A palette colour as CSS and SVG write it.

    >>> css(CRITICAL)
    '#E06666'
    """
    return "#" + colour
