"""The working-day calendar, and every conversion between dates and the
points the passes compute on: weekends, Norwegian public holidays,
fellesferie and an optional Christmas closure.

Schedules are computed on *points*: point ``i`` is the start of working day
``i`` (equally, the end of working day ``i - 1``). An activity that starts at
point ``s`` and lasts ``n`` working days finishes at point ``s + n``; its last
working day is ``date_of(s + n - 1)``. A lag of ``n`` working days is ``n``
points, so it skips holidays and closures as work does. Calendar months are
the one unit that needs dates: :meth:`WorkCalendar.add_months` and its
inverses, each with a version over arrays of points for the Monte Carlo.

:func:`plan_calendar` sizes the one calendar a plan is scheduled on.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from dateutil.relativedelta import relativedelta

from navplan.errors import Message

if TYPE_CHECKING:
    from navplan.plan.plan_model import CalendarSettings

#: ISO weeks of the Norwegian fellesferie when a plan just says ``true``.
DEFAULT_FELLESFERIE_WEEKS = frozenset({28, 29, 30})
#: No month has more working days: what a calendar must reach for each month of work.
MAX_WORKING_DAYS_PER_MONTH = 23
#: Calendar days per working day when sizing a calendar (weekends, holidays, up to
#: three weeks of fellesferie a year), with room to spare.
CALENDAR_DAYS_PER_WORKING_DAY = 1.6
#: Extra calendar days on each side of what a calendar must reach.
CALENDAR_MARGIN_DAYS = 120
#: The days a calendar can hold: Python's dates, 01.01.0001 to 31.12.9999.
FIRST_DAY, LAST_DAY = dt.date.min, dt.date.max


def fellesferie_weeks(setting: bool | list[int]) -> frozenset[int]:
    """The ISO weeks a plan's ``fellesferie:`` closes: ``true`` is weeks 28-30.

    >>> sorted(fellesferie_weeks(True)), sorted(fellesferie_weeks([27, 28])), fellesferie_weeks(False)
    ([28, 29, 30], [27, 28], frozenset())
    """
    if setting is True:
        return DEFAULT_FELLESFERIE_WEEKS
    return frozenset(setting or ())


class HolidayName(NamedTuple):
    """A public holiday's own name in each language, as the holidays package gives it: data, like a title."""

    nb: str
    en: str

    def render(self, lang: str) -> str:
        # Rendered where a message is (navplan.errors.render_value); nynorsk from navplan's own table.
        from navplan.messages import holiday_name

        return holiday_name(self.nb, self.en, lang)


class BeyondCalendar(ValueError):
    """A calendar would have to reach past 31.12.9999 (or before 01.01.0001)."""


def plan_calendar(settings: CalendarSettings, anchors: Iterable[dt.date], *, before: int, after: int,
                  within: Iterable[dt.date] = (), last: dt.date | None = None) -> WorkCalendar:
    """The calendar a plan is scheduled on: its working days over
    :func:`calendar_span`. The one sizing rule: the deterministic schedule and
    the Monte Carlo both call it."""
    first, last = calendar_span(anchors, before=before, after=after, within=within, last=last)
    return WorkCalendar(first, last, fellesferie_weeks=fellesferie_weeks(settings.fellesferie),
                        christmas_closure=settings.christmas_closure, closed=settings.closed)


def calendar_span(anchors: Iterable[dt.date], *, before: int, after: int, within: Iterable[dt.date] = (),
                  last: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The first and last day of a calendar reaching ``before`` working days
    before the earliest of ``anchors`` and ``after`` working days past the
    latest (at :data:`CALENDAR_DAYS_PER_WORKING_DAY`, with a margin), covering
    ``within`` too. ``last`` caps the end (a Monte Carlo bound by the highest
    durations may reach further than any sample does); without it, a span
    past 31.12.9999 (or before 01.01.0001) raises :class:`BeyondCalendar`.

    Ten working days are 16 calendar days, and 120 more: 136 days before
    1 January 2020 is 18 August 2019 (31 + 30 + 31 + 30 in December back to
    September, 13 in August); 120 days after it, 30 April.

    >>> calendar_span([dt.date(2020, 1, 1)], before=10, after=0)
    (datetime.date(2019, 8, 18), datetime.date(2020, 4, 30))
    """
    anchors, within = list(anchors), list(within)
    first_ordinal = min(anchors).toordinal() - _calendar_days(before)
    last_ordinal = max(anchors).toordinal() + _calendar_days(after)
    if within:
        first_ordinal = min(first_ordinal, min(within).toordinal())
        last_ordinal = max(last_ordinal, max(within).toordinal())
    if last is not None:
        last_ordinal = min(last_ordinal, last.toordinal())
    if first_ordinal < FIRST_DAY.toordinal() or last_ordinal > LAST_DAY.toordinal():
        raise BeyondCalendar(first_ordinal, last_ordinal)
    return dt.date.fromordinal(first_ordinal), dt.date.fromordinal(last_ordinal)


def _calendar_days(working_days: int) -> int:
    return int(working_days * CALENDAR_DAYS_PER_WORKING_DAY) + CALENDAR_MARGIN_DAYS


class WorkCalendar:
    """Working days between ``first`` and ``last`` (inclusive).

    >>> cal = WorkCalendar(dt.date(2019, 12, 20), dt.date(2020, 1, 10))
    >>> cal.date_of(cal.index_on_or_after(dt.date(2019, 12, 25)))  # Christmas -> 27th
    datetime.date(2019, 12, 27)
    >>> cal.working_days_between(dt.date(2019, 12, 23), dt.date(2020, 1, 2))  # 23, 24, 27, 30, 31
    5
    """

    def __init__(
        self,
        first: dt.date,
        last: dt.date,
        *,
        fellesferie_weeks: Iterable[int] = (),
        christmas_closure: bool = False,
        closed: Iterable[dt.date] = (),
    ) -> None:
        if last < first:
            raise ValueError("last is before first")
        self.first = first
        self.last = last
        self.fellesferie_weeks = frozenset(fellesferie_weeks)
        self.christmas_closure = christmas_closure
        self.closed = frozenset(closed)
        years = range(first.year, last.year + 1)
        from navplan.engine.holiday_cache import norway_holidays  # the holidays package's dates, cached

        self._holidays, self._holidays_en = norway_holidays(years)
        self._days = self._working_days()
        if not self._days:
            raise ValueError("the calendar range holds no working day")
        #: Month arithmetic worked out once per (point, months): thousands of samples share a few pairs.
        self._months_after: dict[tuple[int, int], int] = {}
        self._months_before: dict[tuple[int, int], int] = {}

    def _working_days(self) -> list[dt.date]:
        """Every day of the range for which :meth:`day_off` is None:
        the open days of each year (computed once per process, since the plans
        of a portfolio share their years), cut to the range, less closed days."""
        days: list[dt.date] = []
        for year in range(self.first.year, self.last.year + 1):
            days.extend(_open_days(year, self.fellesferie_weeks, self.christmas_closure))
        days = days[bisect.bisect_left(days, self.first):bisect.bisect_right(days, self.last)]
        if self.closed:
            days = [day for day in days if day not in self.closed]
        return days

    def day_off(self, day: dt.date) -> Message | None:
        """Why ``day`` is not a working day, as a message key (``day_off.sunday``;
        a public holiday's carries the holidays package's names, written with a small
        letter in bokmål and nynorsk when rendered), or None when it is one.

        >>> cal = WorkCalendar(dt.date(2019, 5, 1), dt.date(2019, 5, 31))
        >>> cal.day_off(dt.date(2019, 5, 17)).render("nb"), cal.day_off(dt.date(2019, 5, 18)).render("en")
        ('grunnlovsdag', 'Saturday')
        """
        if day in self._holidays:
            return Message("day_off.holiday", name=HolidayName(self._holidays[day], self._holidays_en[day]))
        if day.weekday() >= 5:
            return Message("day_off.saturday" if day.weekday() == 5 else "day_off.sunday")
        if day.isocalendar().week in self.fellesferie_weeks:
            return Message("day_off.fellesferie")
        if self.christmas_closure and day.month == 12 and day.day >= 24:
            return Message("day_off.christmas_closure")
        if day in self.closed:
            return Message("day_off.closed")
        return None

    def is_working_day(self, day: dt.date) -> bool:
        return self.day_off(day) is None

    def _check_range(self, day: dt.date) -> None:
        if not self.first <= day <= self.last:
            raise ValueError(f"{day} is outside the calendar range {self.first}..{self.last}")

    def index_on_or_after(self, day: dt.date) -> int:
        """Point of the first working day on or after ``day``."""
        self._check_range(day)
        return bisect.bisect_left(self._days, day)

    def index_on_or_before(self, day: dt.date) -> int:
        """Index of the last working day on or before ``day``."""
        self._check_range(day)
        return bisect.bisect_right(self._days, day) - 1

    def start_point(self, day: dt.date) -> int:
        """The point work begun on ``day`` starts at (the next working day's, if ``day`` is not one)."""
        return self.index_on_or_after(day)

    def finish_point(self, day: dt.date) -> int:
        """The point work finished on ``day`` ends at: the end of the last working day on or before it."""
        return self.index_on_or_before(day) + 1

    def date_of(self, index: int) -> dt.date:
        """The working day with this index."""
        if not 0 <= index < len(self._days):
            raise ValueError(f"working day {index} is outside the calendar range {self.first}..{self.last}")
        return self._days[index]

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in ``[start, end)``; negative when ``end`` is before ``start``."""
        return self.index_on_or_after(end) - self.index_on_or_after(start)

    def covers(self, anchors: Iterable[dt.date], before: int, after: int) -> bool:
        """Whether every point within ``before`` working days before and ``after``
        past each of ``anchors`` lies inside this calendar."""
        anchors = list(anchors)
        if not (self.first <= min(anchors) and max(anchors) <= self.last):
            return False
        points = [self.index_on_or_after(day) for day in anchors]
        return min(points) - before >= 0 and max(points) + after < len(self)

    # --- Durations: working days are points; calendar months need dates ---------------------------------------

    def add_months(self, start: int, months: int) -> int:
        """Finish point of ``months`` calendar months begun at point ``start``.

        A three-month notice period begun on 1 March ends with 31 May, so the
        next working day on or after 1 June is the finish point. Past the
        calendar's end the answer is its length (a point no schedule reaches).
        """
        if not months:
            return start
        key = (start, months)
        found = self._months_after.get(key)
        if found is None:
            try:
                found = self.index_on_or_after(self.date_of(start) + relativedelta(months=months))
            except (ValueError, OverflowError):
                found = len(self._days) + MAX_WORKING_DAYS_PER_MONTH * months
            self._months_after[key] = found
        return found

    def latest_start_for_months(self, finish: int, months: int) -> int:
        """The latest start point from which ``months`` months end by ``finish``."""
        if not months:
            return finish
        target = self.date_of(finish) - relativedelta(months=months)
        start = self.index_on_or_after(target)
        while self.add_months(start, months) > finish:
            start -= 1
        while self.add_months(start + 1, months) <= finish:
            start += 1
        return start

    def earliest_start_for_months(self, finish: int, months: int) -> int:
        """The earliest start point from which ``months`` months end at or after ``finish``."""
        if not months:
            return finish
        key = (finish, months)
        found = self._months_before.get(key)
        if found is None:
            start = self.latest_start_for_months(finish, months)
            while self.add_months(start, months) < finish:
                start += 1
            while start > 0 and self.add_months(start - 1, months) >= finish:
                start -= 1
            found = self._months_before[key] = start
        return found

    def add_months_each(self, start: Any, months: Any) -> Any:
        """:meth:`add_months` over an array of points (and of months, or one count)."""
        return _each(start, months, self.add_months)

    def earliest_start_for_months_each(self, finish: Any, months: Any) -> Any:
        """:meth:`earliest_start_for_months` over an array of points."""
        return _each(finish, months, self.earliest_start_for_months)

    def latest_start_for_months_each(self, finish: Any, months: Any) -> Any:
        """:meth:`latest_start_for_months` over an array of points."""
        return _each(finish, months, self.latest_start_for_months)

    def __len__(self) -> int:
        return len(self._days)


def _each(points: Any, months: Any, one: Callable[[int, int], int]) -> Any:
    """``one(point, months)`` over numpy arrays, each distinct pair worked out once."""
    import numpy as np

    months = np.broadcast_to(np.asarray(months, dtype=np.int64), points.shape)
    keys = points.astype(np.int64) * 1024 + months  # months are at most 120
    unique, inverse = np.unique(keys, return_inverse=True)
    values = np.fromiter((one(int(key) >> 10, int(key) & 1023) for key in unique), dtype=points.dtype,
                         count=len(unique))
    return values[inverse.reshape(points.shape)]


@lru_cache(maxsize=1024)
def _open_days(year: int, fellesferie_weeks: frozenset[int], christmas_closure: bool) -> tuple[dt.date, ...]:
    """The weekdays of ``year`` that are neither public holidays nor closed for
    fellesferie or Christmas, tested in a cheap order (weekends by ordinal, the
    ISO week only when there is a fellesferie)."""
    from navplan.engine.holiday_cache import norway_holidays

    holidays = norway_holidays(range(year, year + 1))[0]
    days: list[dt.date] = []
    for ordinal in range(dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal() + 1):
        if ordinal % 7 in (0, 6):  # Sunday, Saturday (ordinal 1 is a Monday)
            continue
        day = dt.date.fromordinal(ordinal)
        if day in holidays:
            continue
        if fellesferie_weeks and day.isocalendar()[1] in fellesferie_weeks:
            continue
        if christmas_closure and day.month == 12 and day.day >= 24:
            continue
        days.append(day)
    return tuple(days)
