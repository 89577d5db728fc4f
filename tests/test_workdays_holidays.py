"""navplan's own table of Norwegian public holidays (navplan.workdays) against
the ``holidays`` package it replaces at run time: same days, same names, in
both languages, over four centuries."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest

from navplan.workdays import WorkCalendar, norwegian_holidays

YEARS = range(1850, 2151)  # beyond both ends of the range the package covers


@pytest.mark.parametrize(("lang", "package_language"), [("nb", "no"), ("en", "en_US")])
def test_table_matches_the_holidays_package(lang, package_language):
    package = holidays.Norway(years=YEARS, include_sundays=False, language=package_language)
    assert norwegian_holidays(YEARS, lang) == dict(package.items())


def test_calendar_reasons_match_the_package():
    calendar = WorkCalendar(dt.date(2006, 1, 1), dt.date(2013, 12, 31))
    for lang, package_language in (("nb", "no"), ("en", "en_US")):
        package = holidays.Norway(years=range(2006, 2014), include_sundays=False, language=package_language)
        for day, name in package.items():
            assert calendar.non_working_reason(day, lang) == name
