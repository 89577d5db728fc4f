"""Every word a user sees: bokmål by default, English with ``--lang en``.

The catalogues live beside this module (output words, error words); this
module looks them up and formats dates, weeks and months the Norwegian way.
Nothing here imports rich or any other part of navplan."""

from __future__ import annotations

import datetime as dt

LANGUAGES = ("nb", "en")


def _catalogue() -> dict[str, tuple[str, str]]:
    """Every ``*_words.py`` module beside this one holds one ``*_WORDS`` dict; a
    key may be defined once only, so two features cannot silently overwrite a word."""
    import importlib
    import pkgutil

    merged: dict[str, tuple[str, str]] = {}
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.endswith("_words")):
        words = getattr(importlib.import_module(f"{__name__}.{module}"), module.upper())
        clash = merged.keys() & words.keys()
        if clash:
            raise RuntimeError(f"message keys defined twice: {sorted(clash)}")
        merged.update(words)
    return merged


#: Every message navplan shows: key → (bokmål, English).
MESSAGES: dict[str, tuple[str, str]] = _catalogue()

WEEKDAYS = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


MONTHS_SHORT = {
    "nb": ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


class Count(int):
    """A number in a message that chooses the word after it: ``{count:plan|planer}``
    is "plan" for 1 (and -1) and "planer" otherwise, in bokmål as in English.

    >>> "{n} {n:plan|planer}, {m} {m:plan|planer}".format(n=Count(1), m=Count(0))
    '1 plan, 0 planer'
    """

    def __format__(self, spec: str) -> str:
        if "|" in spec:
            one, other = spec.split("|", 1)
            return one if abs(self) == 1 else other
        return super().__format__(spec)


def t(key: str, lang: str = "nb", /, **params: object) -> str:
    """The message ``key`` in ``lang``, filled in; a whole number can choose its word's
    singular or plural (see :class:`Count`).

    >>> t("week", "nb", week=51)
    'uke 51'
    """
    nb, en = MESSAGES[key]
    counted = {name: Count(value) if isinstance(value, int) and not isinstance(value, bool) else value
               for name, value in params.items()}
    return (en if lang == "en" else nb).format(**counted)


def format_duration(duration, lang: str = "nb") -> str:
    """A duration of the plan (``amount`` and ``unit``: d, w or m) in words.

    >>> from types import SimpleNamespace as D
    >>> format_duration(D(amount=5, unit="w")), format_duration(D(amount=1, unit="m"), "en")
    ('5 uker', '1 month')
    >>> format_duration(D(amount=10, unit="d")), format_duration(D(amount=1, unit="d"), "en")
    ('10 arbeidsdager', '1 working day')
    """
    return t(f"duration.{duration.unit}", lang, amount=duration.amount)


def format_duration_range(low, high, lang: str = "nb", likely=None) -> str:
    """Low, likely (when given) and high of an uncertain duration, in words; one unit said once.

    >>> from types import SimpleNamespace as D
    >>> format_duration_range(D(amount=3, unit="w"), D(amount=10, unit="w"), "nb", D(amount=5, unit="w"))
    '3–5–10 uker'
    >>> format_duration_range(D(amount=2, unit="d"), D(amount=2, unit="w"), "en")
    '2 working days – 2 weeks'
    """
    values = [d for d in (low, likely, high) if d is not None]
    if len({d.unit for d in values}) == 1:
        return "–".join(str(d.amount) for d in values[:-1]) + "–" + format_duration(values[-1], lang)
    return " – ".join(format_duration(d, lang) for d in values)


def format_date(day: dt.date | None, lang: str = "nb") -> str:
    """dd.mm.yyyy in bokmål, ISO 8601 in English; the year always in four digits
    (``strftime("%Y")`` writes the year 1 as ``1``).

    >>> format_date(dt.date(2020, 1, 1)), format_date(dt.date(2020, 1, 1), "en"), format_date(dt.date(1, 1, 1))
    ('01.01.2020', '2020-01-01', '01.01.0001')
    """
    if day is None:
        return ""
    return day.isoformat() if lang == "en" else f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def format_week(day: dt.date, lang: str = "nb") -> str:
    """The ISO week of ``day``: 'uke 51'."""
    return t("week", lang, week=day.isocalendar().week)


def format_long_date(day: dt.date, lang: str = "nb") -> str:
    """'onsdag 01.01.2020'."""
    return f"{WEEKDAYS[lang][day.weekday()]} {format_date(day, lang)}"


def format_month(day: dt.date, lang: str = "nb") -> str:
    return f"{MONTHS[lang][day.month - 1]} {day.year}"


def format_short_month(day: dt.date, lang: str = "nb") -> str:
    """'jan 2019': a month as a column header.

    >>> format_short_month(dt.date(2019, 5, 17)), format_short_month(dt.date(2019, 5, 17), "en")
    ('mai 2019', 'May 2019')
    """
    return f"{MONTHS_SHORT[lang][day.month - 1]} {day.year}"
