"""Norway's public holidays, from the holidays package, kept in a cache file.

The holidays package is the source of every holiday date and name, but
importing it loads every country it knows (about 0.09 s, more than scheduling
a plan takes). So the dates are computed once per holidays version and kept,
by year, in ``holidays-norway-<version>.json`` in the user's cache folder
(:mod:`navplan.io.cache_files`). A run whose years are all in the file never
imports the package. A new holidays version has a file of its own, so its
dates are computed afresh.

The file is read defensively: anything unexpected in it (another format,
another version, a day that does not exist or lies in another year) and it is
ignored and written again.
"""

from __future__ import annotations

import datetime as dt
import json

from navplan.io.cache_files import installed_version, read_cache, write_cache

#: Bumped when what is stored changes (e.g. how the package is asked): older files are then ignored.
CACHE_FORMAT = 1
#: Years kept in the file; a calendar reaching further is computed, not stored.
CACHED_YEARS = range(1900, 2201)
#: A cache file larger than this is not ours (three centuries of holidays take about 0.3 MB).
MAX_CACHE_BYTES = 2_000_000

Names = tuple[dict[dt.date, str], dict[dt.date, str]]  # bokmål, English

#: Holidays of each year already known in this process: date, bokmål name, English name.
_known: dict[int, list[tuple[dt.date, str, str]]] = {}
_file_read = False


def norway_holidays(years: range) -> Names:
    """Norway's public holidays (Sundays are not counted as holidays) in ``years``,
    with their bokmål and English names.

    >>> nb, en = norway_holidays(range(2019, 2020))
    >>> nb[dt.date(2019, 5, 17)], en[dt.date(2019, 5, 17)]
    ('Grunnlovsdag', 'Constitution Day')
    """
    global _file_read
    wanted = list(years)
    if any(year not in _known for year in wanted) and not _file_read:
        _file_read = True
        _known.update({year: days for year, days in _read_cache().items() if year not in _known})
    missing = [year for year in wanted if year not in _known]
    if missing:
        _known.update(computed_holidays(missing))
        if any(year in CACHED_YEARS for year in missing):
            _write_cache({year: days for year, days in _known.items() if year in CACHED_YEARS})
    nb: dict[dt.date, str] = {}
    en: dict[dt.date, str] = {}
    for year in wanted:
        for day, name_nb, name_en in _known[year]:
            nb[day] = name_nb
            en[day] = name_en
    return nb, en


def computed_holidays(years: list[int]) -> dict[int, list[tuple[dt.date, str, str]]]:
    """The holidays of ``years`` straight from the holidays package."""
    # the maintained source of Norway's public holidays (its module: the package's own names are made at run time)
    from holidays.countries.norway import Norway

    nb = Norway(years=years, include_sundays=False, language="no")
    en = Norway(years=years, include_sundays=False, language="en_US")
    by_year: dict[int, list[tuple[dt.date, str, str]]] = {year: [] for year in years}
    for day in sorted(nb):
        by_year[day.year].append((day, nb[day], en[day]))
    return by_year


def cache_file_name() -> str | None:
    """The cache file of the installed holidays version; None when the version is unknown."""
    version = holidays_version()
    return None if version is None else f"holidays-norway-{version}.json"


def holidays_version() -> str | None:
    """The installed holidays version, read without importing the package; None when unknown."""
    return installed_version("holidays")


def _read_cache() -> dict[int, list[tuple[dt.date, str, str]]]:
    """The years in the cache file, or nothing when it is missing, unreadable or not as written."""
    name = cache_file_name()
    data = None if name is None else read_cache(name, MAX_CACHE_BYTES)
    if data is None or name is None:
        return {}
    try:
        return _parsed(json.loads(data.decode("utf-8")), name)
    except (UnicodeDecodeError, ValueError, TypeError, KeyError):
        return {}


def _parsed(content: object, name: str) -> dict[int, list[tuple[dt.date, str, str]]]:
    """The cache file's content, checked field by field; ValueError when anything is off."""
    if not isinstance(content, dict) or content.get("format") != CACHE_FORMAT:
        raise ValueError("another format")
    if f"holidays-norway-{content.get('holidays_version')}.json" != name:
        raise ValueError("another holidays version")
    years = content["years"]
    if not isinstance(years, dict):
        raise ValueError("no years")
    result: dict[int, list[tuple[dt.date, str, str]]] = {}
    for key, days in years.items():
        year = int(key)
        if str(year) != key or year not in CACHED_YEARS or not isinstance(days, list):
            raise ValueError("a bad year")
        result[year] = []
        for entry in days:
            day_text, name_nb, name_en = entry
            day = dt.date.fromisoformat(day_text)
            if day.year != year or not all(isinstance(n, str) and 0 < len(n) <= 200 for n in (name_nb, name_en)):
                raise ValueError("a bad holiday")
            result[year].append((day, name_nb, name_en))
    return result


def _write_cache(years: dict[int, list[tuple[dt.date, str, str]]]) -> None:
    name = cache_file_name()
    if name is None:
        return
    content = {
        "format": CACHE_FORMAT,
        "holidays_version": name[len("holidays-norway-"):-len(".json")],
        "years": {str(year): [[day.isoformat(), nb, en] for day, nb, en in days]
                  for year, days in sorted(years.items())},
    }
    write_cache(name, json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def forget() -> None:
    """Forget what this process knows, so the next call reads the file again (for tests)."""
    global _file_read
    _known.clear()
    _file_read = False
