"""Write CLDR's weekday and month names into each catalogue (msgctxt "cldr"), from Babel.

navplan says "tysdag 07.01.2020" and "mai 2019" with the names Unicode's CLDR gives each
language. Reading them from Babel's locale data costs a command tens of milliseconds at
start (Babel unpickles and merges several locale files), so `make messages` copies them
from Babel into the catalogue navplan reads anyway, as entries with the context "cldr"
(never typed by hand, never translated: tests/test_catalogues.py checks they are Babel's).
A language whose catalogue lacks them reads them from Babel at run time.

    python tools/cldr_names.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import import_words

COMMENT = "CLDR's name, copied from Babel by tools/cldr_names.py (make messages): not to translate"


def cldr_names(lang: str) -> dict[str, str]:
    """msgid → name: weekday.0 (Monday) … 6, month.1 … 12, month.short.1 … 12 (a column header)."""
    from babel import dates

    days = dates.get_day_names("wide", locale=lang)
    months = dates.get_month_names("wide", locale=lang)
    short = dates.get_month_names("abbreviated", context="stand-alone", locale=lang)
    return {**{f"weekday.{index}": days[index] for index in range(7)},
            **{f"month.{index}": months[index] for index in range(1, 13)},
            **{f"month.short.{index}": short[index] for index in range(1, 13)}}


def main() -> int:
    for lang in import_words.LANGUAGES:
        catalogue = import_words.load(lang)
        for msgid, name in cldr_names(lang).items():
            catalogue.delete(msgid, context="cldr")
            catalogue.add(msgid, name, context="cldr", auto_comments=[COMMENT])
        import_words.save(catalogue, lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
