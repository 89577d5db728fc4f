"""WorkCalendar against an independent day-by-day count with the holidays
package, plus hand-checked Norwegian calendar facts and month arithmetic."""

import datetime as dt

import holidays
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings, strategies as st

from navplan.engine.working_days import WorkCalendar

FIRST, LAST = dt.date(2018, 1, 1), dt.date(2032, 3, 31)
NORWAY = holidays.Norway(years=range(FIRST.year, LAST.year + 1), include_sundays=False)
ONE = dt.timedelta(days=1)
SETTINGS = settings(max_examples=200, deadline=None, derandomize=True, database=None)

VARIANTS = {
    "plain": {},
    "fellesferie": {"fellesferie_weeks": {28, 29, 30}},
    "christmas": {"christmas_closure": True},
    "all": {"fellesferie_weeks": {27, 28, 29, 30}, "christmas_closure": True,
            "closed": {dt.date(2019, 5, 31), dt.date(2024, 11, 15)}},
}
CALENDARS = {name: WorkCalendar(FIRST, LAST, **kw) for name, kw in VARIANTS.items()}


def reference_working(day: dt.date, fellesferie_weeks=(), christmas_closure=False, closed=()) -> bool:
    return (day.weekday() < 5 and day not in NORWAY and day.isocalendar()[1] not in fellesferie_weeks
            and not (christmas_closure and day.month == 12 and day.day >= 24) and day not in closed)


def reference_count(start: dt.date, end: dt.date, **kw) -> int:
    """Working days in [start, end), negative when end is before start."""
    sign = 1
    if end < start:
        start, end, sign = end, start, -1
    count, day = 0, start
    while day < end:
        count += reference_working(day, **kw)
        day += ONE
    return sign * count


def first_working_on_or_after(day: dt.date, **kw) -> dt.date:
    while not reference_working(day, **kw):
        day += ONE
    return day


dates = st.dates(dt.date(2019, 1, 1), dt.date(2030, 12, 31))
variants = st.sampled_from(sorted(VARIANTS))


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_every_day_2019_to_2030_matches_reference(name):
    cal, kw = CALENDARS[name], VARIANTS[name]
    day = dt.date(2019, 1, 1)
    while day <= dt.date(2030, 12, 31):
        assert cal.is_working_day(day) == reference_working(day, **kw), day
        day += ONE


@SETTINGS
@given(variants, dates, dates)
def test_working_days_between_matches_a_plain_loop(name, a, b):
    assert CALENDARS[name].working_days_between(a, b) == reference_count(a, b, **VARIANTS[name])


@SETTINGS
@given(variants, dates)
def test_index_round_trip(name, day):
    cal, kw = CALENDARS[name], VARIANTS[name]
    after = cal.date_of(cal.index_on_or_after(day))
    before = cal.date_of(cal.index_on_or_before(day))
    assert after == first_working_on_or_after(day, **kw)
    assert before <= day <= after
    assert reference_count(before, after, **kw) == (0 if before == after else 1)


@pytest.mark.parametrize("day", ["2019-04-18", "2019-04-19", "2019-04-22", "2019-05-01", "2019-05-17",
                                 "2019-05-30", "2019-06-10", "2019-12-25", "2019-12-26", "2020-01-01",
                                 "2020-04-09", "2020-05-21", "2020-06-01", "2019-04-20", "2019-04-21"])
def test_public_holidays_and_weekends_are_closed(day):
    assert not CALENDARS["plain"].is_working_day(dt.date.fromisoformat(day))


@pytest.mark.parametrize("day", ["2019-04-17", "2019-04-23", "2019-05-31", "2019-06-11", "2019-12-24",
                                 "2019-12-27", "2019-12-31", "2020-01-02"])
def test_days_around_holidays_are_open(day):
    assert CALENDARS["plain"].is_working_day(dt.date.fromisoformat(day))


def test_easter_week_2019():
    # 15-26 April 2019: ten weekdays minus Maundy Thursday, Good Friday, Easter Monday.
    assert CALENDARS["plain"].working_days_between(dt.date(2019, 4, 15), dt.date(2019, 4, 27)) == 7


@pytest.mark.parametrize("first_closed, last_closed, before, after", [
    ("2019-07-08", "2019-07-26", "2019-07-05", "2019-07-29"),  # ISO weeks 28-30 of 2019
    ("2020-07-06", "2020-07-24", "2020-07-03", "2020-07-27"),  # ... and of 2020
])
def test_fellesferie_weeks(first_closed, last_closed, before, after):
    plain, ferie = CALENDARS["plain"], CALENDARS["fellesferie"]
    first, last = dt.date.fromisoformat(first_closed), dt.date.fromisoformat(last_closed)
    assert ferie.working_days_between(first, last + ONE) == 0
    assert plain.working_days_between(first, last + ONE) == 15
    assert ferie.is_working_day(dt.date.fromisoformat(before))
    assert ferie.is_working_day(dt.date.fromisoformat(after))
    assert ferie.date_of(ferie.index_on_or_after(first)) == dt.date.fromisoformat(after)
    assert ferie.date_of(ferie.index_on_or_before(last)) == dt.date.fromisoformat(before)


def test_july_2019_with_fellesferie():
    # 23 weekdays in July 2019, 15 of them in weeks 28-30.
    assert CALENDARS["fellesferie"].working_days_between(dt.date(2019, 7, 1), dt.date(2019, 8, 1)) == 8
    assert CALENDARS["plain"].working_days_between(dt.date(2019, 7, 1), dt.date(2019, 8, 1)) == 23


def test_christmas_closure():
    plain, closed = CALENDARS["plain"], CALENDARS["christmas"]
    start, end = dt.date(2019, 12, 20), dt.date(2020, 1, 3)
    assert plain.working_days_between(start, end) == 7  # 20, 23, 24, 27, 30, 31.12, 02.01
    assert closed.working_days_between(start, end) == 3  # 20, 23.12, 02.01
    assert closed.date_of(closed.index_on_or_after(dt.date(2019, 12, 24))) == dt.date(2020, 1, 2)
    assert closed.date_of(closed.index_on_or_before(dt.date(2020, 1, 1))) == dt.date(2019, 12, 23)
    assert plain.date_of(plain.index_on_or_before(dt.date(2020, 1, 1))) == dt.date(2019, 12, 31)
    assert closed.day_off(dt.date(2019, 12, 27)).render("en") == "Christmas closure"


def point(cal: WorkCalendar, iso: str) -> int:
    day = dt.date.fromisoformat(iso)
    assert cal.is_working_day(day), iso
    return cal.index_on_or_after(day)


def test_months_by_hand():
    cal = CALENDARS["plain"]
    # Three months begun Fri 01.03.2019 end with 31.05: finish point = Mon 03.06 (01.06 is a Saturday).
    assert cal.add_months(point(cal, "2019-03-01"), 3) == point(cal, "2019-06-03")
    # One month from 31 January ends on 28 February (no 31 February).
    assert cal.add_months(point(cal, "2019-01-31"), 1) == point(cal, "2019-02-28")
    # To be over by Mon 02.09.2019, a 3-month notice starts Fri 31.05 at the latest
    # (30.05 is Ascension Day; from 03.06 it would end with 02.09).
    assert cal.latest_start_for_months(point(cal, "2019-09-02"), 3) == point(cal, "2019-05-31")
    # A month from Tue 11.06 ends with 10.07, inside fellesferie: finish point Mon 29.07.
    ferie = CALENDARS["fellesferie"]
    assert ferie.add_months(point(ferie, "2019-06-11"), 1) == point(ferie, "2019-07-29")


@SETTINGS
@given(variants, dates, st.integers(1, 12))
def test_add_months_is_the_first_working_day_after_the_period(name, day, months):
    cal, kw = CALENDARS[name], VARIANTS[name]
    start = cal.index_on_or_after(day)
    expected = first_working_on_or_after(cal.date_of(start) + relativedelta(months=months), **kw)
    assert cal.date_of(cal.add_months(start, months)) == expected
    assert cal.add_months(start, months) <= cal.add_months(start + 1, months)  # monotone


@SETTINGS
@given(variants, st.dates(dt.date(2019, 6, 1), dt.date(2030, 6, 1)), st.integers(1, 12))
def test_latest_and_earliest_start_for_months(name, day, months):
    cal = CALENDARS[name]
    finish = cal.index_on_or_after(day)
    latest = cal.latest_start_for_months(finish, months)
    assert cal.add_months(latest, months) <= finish
    assert cal.add_months(latest + 1, months) > finish
    earliest = cal.earliest_start_for_months(finish, months)
    assert cal.add_months(earliest, months) >= finish
    assert cal.add_months(earliest - 1, months) < finish
    assert earliest <= latest + 1


@pytest.mark.parametrize("day, nb, en", [
    ("2019-05-17", "grunnlovsdag", "Constitution Day"),  # a small letter, as Norwegian writes it (Språkrådet)
    ("2019-05-18", "lørdag", "Saturday"),
    ("2019-05-19", "søndag", "Sunday"),
    ("2019-07-10", "fellesferie", "summer holiday (fellesferie)"),  # ISO week 28
    ("2019-12-27", "juleferie", "Christmas closure"),
    ("2019-05-31", "stengt", "closed"),  # a closed day of the plan
])
def test_why_a_day_is_off_is_said_in_the_reader_s_language(day: str, nb: str, en: str) -> None:
    off = CALENDARS["all"].day_off(dt.date.fromisoformat(day))
    assert (off.render("nb"), off.render("en")) == (nb, en)
    assert CALENDARS["all"].day_off(dt.date(2019, 5, 16)) is None


@pytest.mark.parametrize("day, nb, nn", [
    ("2020-01-01", "første nyttårsdag", "første nyttårsdag"),
    ("2019-04-18", "skjærtorsdag", "skjærtorsdag"),
    ("2019-04-19", "langfredag", "langfredag"),
    ("2019-04-22", "andre påskedag", "andre påskedag"),
    ("2019-05-01", "arbeidernes dag", "arbeidarane sin dag"),
    ("2019-05-30", "Kristi himmelfartsdag", "Kristi himmelfartsdag"),  # Kristi is a name: its capital stays
    ("2019-06-10", "andre pinsedag", "andre pinsedag"),
    ("2027-05-17", "andre pinsedag og grunnlovsdag", "andre pinsedag og grunnlovsdag"),  # the same day in 2027
    ("2019-12-25", "første juledag", "første juledag"),
])
def test_holiday_names_are_written_with_a_small_letter_as_the_closures_are(day: str, nb: str, nn: str) -> None:
    """Språkrådet: the names of holidays take a small letter ('andre påskedag', 'første
    nyttårsdag'); they stood capitalised mid-sentence, '(Andre påskedag)', beside '(juleferie)'."""
    off = CALENDARS["plain"].day_off(dt.date.fromisoformat(day))
    assert (off.render("nb"), off.render("nn")) == (nb, nn)
