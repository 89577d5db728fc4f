"""Every word a user sees: bokmål by default, nynorsk with ``--lang nn``, English
with ``--lang en``.

The words live in gettext catalogues, navplan/locale/<lang>/LC_MESSAGES/navplan.po
(see :mod:`navplan.messages.catalogue`); this module looks them up, and formats
dates, weeks, months, numbers and lists in each language with Babel's CLDR data.
Nothing here imports rich or any other part of navplan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from functools import cache

from navplan.messages.catalogue import Catalogue

#: The languages navplan speaks, bokmål first (the base language every key is written in).
#: A new language is a catalogue navplan/locale/<code>/LC_MESSAGES/navplan.po and its code here.
LANGUAGES = ("nb", "nn", "en")
#: The language when nothing chooses one.
DEFAULT_LANGUAGE = "nb"


def N_(key: str) -> str:
    """Marks a message key that is looked up later (pybabel extract finds it): the key itself."""
    return key


@cache
def translations(lang: str) -> Catalogue:
    """The catalogue of ``lang``, falling back to bokmål for a message it lacks."""
    if lang not in LANGUAGES:
        raise KeyError(f"no catalogue for language {lang!r}")
    catalogue = Catalogue(lang)
    if lang != DEFAULT_LANGUAGE:
        catalogue.add_fallback(translations(DEFAULT_LANGUAGE))
    return catalogue


class _Messages(Mapping):
    """Every message key → its text in each of :data:`LANGUAGES` (in that order): for
    reading back a word that may have been written in any of them (a workbook's
    column). A counted message gives its plural form."""

    def __getitem__(self, key: str) -> tuple[str, ...]:
        if key not in self:
            raise KeyError(key)
        texts = []
        for lang in LANGUAGES:
            catalogue = translations(lang)
            count = catalogue.count_of(key)
            texts.append(catalogue.ngettext(key, f"{{{count}}}", 2) if count else catalogue.gettext(key))
        return tuple(texts)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (None, key) in translations(DEFAULT_LANGUAGE).texts

    def __iter__(self) -> Iterator[str]:
        return iter(translations(DEFAULT_LANGUAGE).keys())

    def __len__(self) -> int:
        return len(translations(DEFAULT_LANGUAGE).texts)


#: Every message navplan shows: key → (bokmål, nynorsk, English).
MESSAGES: Mapping[str, tuple[str, ...]] = _Messages()


def t(key: str, lang: str = "nb", /, **params: object) -> str:
    """The message ``key`` in ``lang``, filled in. A message that counts something
    takes its singular or plural form (gettext's ``ngettext``, by the catalogue's
    Plural-Forms) from the number its ``msgid_plural`` names.

    >>> t("week", "nb", week=51), t("week", "nn", week=51), t("week", "en", week=51)
    ('uke 51', 'veke 51', 'week 51')
    >>> t("duration.d", "nb", amount=1), t("duration.d", "nb", amount=2)
    ('1 arbeidsdag', '2 arbeidsdager')
    """
    catalogue = translations(lang)
    count = catalogue.count_of(key)
    if count is None:
        text = catalogue.gettext(key)
    else:
        number = params[count]
        text = catalogue.ngettext(key, f"{{{count}}}", abs(int(number)))  # type: ignore[call-overload]
    if text is key and key not in MESSAGES:
        raise KeyError(key)
    return text.format(**params)


def format_duration(duration, lang: str = "nb") -> str:
    """A duration of the plan (``amount`` and ``unit``: d, w or m) in words.

    >>> from types import SimpleNamespace as D
    >>> format_duration(D(amount=5, unit="w")), format_duration(D(amount=5, unit="w"), "nn")
    ('5 uker', '5 veker')
    >>> format_duration(D(amount=1, unit="m"), "en")
    '1 month'
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
    """dd.mm.yyyy in bokmål and nynorsk (and any further language), ISO 8601 in English; the
    year always in four digits (``strftime("%Y")`` writes the year 1 as ``1``).

    >>> format_date(dt.date(2020, 1, 1)), format_date(dt.date(2020, 1, 1), "nn"), format_date(dt.date(2020, 1, 1), "en")
    ('01.01.2020', '01.01.2020', '2020-01-01')
    >>> format_date(dt.date(1, 1, 1))
    '01.01.0001'
    """
    if day is None:
        return ""
    return day.isoformat() if lang == "en" else f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def format_week(day: dt.date, lang: str = "nb") -> str:
    """The ISO week of ``day``: 'uke 51', 'veke 51', 'week 51'."""
    return t("week", lang, week=day.isocalendar().week)


def holiday_name(nb: str, en: str, lang: str) -> str:
    """A public holiday's name in ``lang``, from the holidays package's bokmål and English
    names; bokmål and nynorsk as navplan/locale/holidays.yaml writes them (the package has no nynorsk).

    Norwegian writes them with a small letter, as the closures ("juleferie"); a day that is
    two holidays is both, joined with "og".

    >>> holiday_name("Arbeidernes dag", "Labor Day", "nn"), holiday_name("Langfredag", "Good Friday", "en")
    ('arbeidarane sin dag', 'Good Friday')
    >>> holiday_name("Andre pinsedag; Grunnlovsdag", "Whit Monday; Constitution Day", "nb")
    'andre pinsedag og grunnlovsdag'
    """
    if lang == "en":
        return en
    names = _holiday_names(lang)
    return f" {t('view.and', lang)} ".join(names.get(name.strip(), name.strip()) for name in nb.split(";"))


@cache
def _holiday_names(lang: str) -> dict[str, str]:
    """The package's bokmål name → the name in ``lang`` (nb, nn), from navplan/locale/holidays.yaml."""
    import yaml

    from navplan.messages.catalogue import LOCALE_DIR

    return yaml.safe_load((LOCALE_DIR / "holidays.yaml").read_text(encoding="utf-8")).get(lang) or {}


@cache
def _cldr(lang: str, what: str) -> tuple[str, ...]:
    """CLDR's names for ``lang``: weekdays (Monday first), months, and months as a column
    header (stand-alone, abbreviated: 'jan', 'mai'). tools/cldr_names.py copies them from
    Babel into each catalogue (context "cldr"), as reading Babel's locale data costs a start
    tens of milliseconds; a catalogue without them has them read from Babel here."""
    ids = {"weekdays": [f"weekday.{index}" for index in range(7)],
           "months": [f"month.{index}" for index in range(1, 13)],
           "short_months": [f"month.short.{index}" for index in range(1, 13)]}[what]
    texts = translations(lang).texts
    copied = [texts.get(("cldr", msgid)) for msgid in ids]
    if all(isinstance(name, str) for name in copied):
        return tuple(copied)  # type: ignore[arg-type]
    from babel import dates

    if what == "weekdays":
        names = dates.get_day_names("wide", locale=lang)
        return tuple(names[index] for index in range(7))
    if what == "months":
        names = dates.get_month_names("wide", locale=lang)
    else:
        names = dates.get_month_names("abbreviated", context="stand-alone", locale=lang)
    return tuple(names[index] for index in range(1, 13))


def weekday_name(day: dt.date, lang: str = "nb") -> str:
    """'onsdag', 'onsdag', 'Wednesday'."""
    return _cldr(lang, "weekdays")[day.weekday()]


def month_name(month: int, lang: str = "nb") -> str:
    """'januar', 'januar', 'January'.

    >>> month_name(5, "nb"), month_name(5, "en")
    ('mai', 'May')
    """
    return _cldr(lang, "months")[month - 1]


def short_month_name(month: int, lang: str = "nb") -> str:
    """A month as a column header or an axis label: 'jan', 'mai', 'Jan'."""
    return _cldr(lang, "short_months")[month - 1]


def format_long_date(day: dt.date, lang: str = "nb") -> str:
    """The weekday and the date.

    >>> format_long_date(dt.date(2020, 1, 7)), format_long_date(dt.date(2020, 1, 7), "nn")
    ('tirsdag 07.01.2020', 'tysdag 07.01.2020')
    >>> format_long_date(dt.date(2020, 1, 4), "en")
    'Saturday 2020-01-04'
    """
    return f"{weekday_name(day, lang)} {format_date(day, lang)}"


def format_month(day: dt.date, lang: str = "nb") -> str:
    """'januar 2019'."""
    return f"{month_name(day.month, lang)} {day.year}"


def format_short_month(day: dt.date, lang: str = "nb") -> str:
    """'jan 2019': a month as a column header.

    >>> format_short_month(dt.date(2019, 5, 17)), format_short_month(dt.date(2019, 5, 17), "en")
    ('mai 2019', 'May 2019')
    """
    return f"{short_month_name(day.month, lang)} {day.year}"


def format_list(items: list[str], lang: str = "nb") -> str:
    """Items joined as the language joins them (CLDR's standard list).

    >>> format_list(["A", "B", "C"], "nb"), format_list(["A", "B"], "nn"), format_list(["A", "B", "C"], "en")
    ('A, B og C', 'A og B', 'A, B, and C')
    """
    from babel.lists import format_list as join

    return join(list(items), locale=lang) if items else ""


def format_number(value: float, lang: str = "nb", pattern: str = "#,##0") -> str:
    """A number as the language writes it (CLDR): '10 000' with a no-break space and '0,43'
    in bokmål and nynorsk, '10,000' and '0.43' in English. A minus is the hyphen-minus
    in every language, as navplan's tables and CSV have always had it.

    >>> format_number(10000, "nb"), format_number(10000, "en"), format_number(-0.4321, "nn", "0.00")
    ('10\xa0000', '10,000', '-0,43')
    """
    from babel.numbers import format_decimal

    return format_decimal(value, pattern, locale=lang).replace("\u2212", "-")


def __getattr__(name: str) -> object:
    """``WEEKDAYS``, ``MONTHS`` and ``MONTHS_SHORT`` (lang → names), as code written before the
    names came from CLDR reads them: the same names, from :func:`_cldr`, for every language."""
    what = {"WEEKDAYS": "weekdays", "MONTHS": "months", "MONTHS_SHORT": "short_months"}.get(name)
    if what is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

    class _ByLanguage(dict):
        def __missing__(self, lang: str) -> tuple[str, ...]:
            return self.setdefault(lang, _cldr(lang, what))

    return _ByLanguage()
