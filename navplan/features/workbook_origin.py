"""Where a workbook came from, and what in it sync does not read.

The countdown sheet's first rows say which office the workbook was made for
and as of which day ("Nedtellingskalender: NAV Fjordby, åpning 03.01.2028" /
"Per 10.12.2018 · navplan …", in either language). A workbook made from
another office's plan is refused unless the user says it is meant; cells
people edited that sync does not read (an owner, a date it computes) are
named, so an edit is never lost without a word.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from navplan.messages import MESSAGES

#: Characters a spreadsheet or a keyboard slips into words that look like spaces, or nothing.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


def normal_words(text: str) -> str:
    """Text as a person means it: NFC, invisible characters gone, any run of
    spaces (a non-breaking one too) one space, case folded.

    >>> normal_words("Ikke\\u00a0startet"), normal_words("pa\\u030agår\\u200b") == normal_words("pågår")
    ('ikke startet', True)
    """
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class WorkbookOrigin:
    """The office and as-of date a workbook's title rows name (None where they do not)."""

    office: str | None = None
    as_of: dt.date | None = None


def origin(title: Any, subtitle: Any) -> WorkbookOrigin:
    """Read the office from the title and the as-of date from the subtitle, in either language.

    >>> origin("Nedtellingskalender: NAV Fjordby, åpning i 2028, åpning 03.01.2028", None).office
    'NAV Fjordby, åpning i 2028'
    """
    office = None
    if isinstance(title, str):
        for template in MESSAGES["xlsx.title"]:
            # The office is all of the title up to its last ", åpning <date>": the date has no
            # space in it, and an office's name may hold a comma ("NAV Fjordby, åpning i 2028").
            match = re.fullmatch(_pattern(template, "office", ".+", others=r"\S+"), title.strip())
            if match:
                office = match.group("office")
                break
    as_of = None
    if isinstance(subtitle, str):
        for template in MESSAGES["xlsx.subtitle"]:
            # Only the words before the date are matched: the rest (version, template) may differ.
            match = re.match(_pattern(template.split(" · ")[0], "as_of", r"\S+"), subtitle.strip())
            if match:
                as_of = _date(match.group("as_of"))
                break
    return WorkbookOrigin(office, as_of)


def _pattern(template: str, wanted: str, captured: str = ".+?", others: str = ".+?") -> str:
    """A message template as a regular expression capturing ``wanted``; other fields match ``others``."""
    parts = re.split(r"\{(\w+)\}", template)
    pattern = ""
    for index, part in enumerate(parts):
        if index % 2 == 0:
            pattern += re.escape(part)
        else:
            pattern += f"(?P<{wanted}>{captured})" if part == wanted else others
    return pattern


def _date(text: str) -> dt.date | None:
    from navplan.errors import InvalidValue
    from navplan.plan.values import parse_date

    try:
        return parse_date(text)
    except InvalidValue:
        return None
