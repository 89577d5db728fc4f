"""The working-day calendar: weekends, Norwegian public holidays, fellesferie
and an optional Christmas closure.

Schedules are computed on *points*: point ``i`` is the start of working day
``i`` (equally, the end of working day ``i - 1``). An activity that starts at
point ``s`` and lasts ``n`` working days finishes at point ``s + n``; its last
working day is ``date_of(s + n - 1)``.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from dateutil.relativedelta import relativedelta

#: ISO weeks of the Norwegian fellesferie when a plan just says ``true``.
DEFAULT_FELLESFERIE_WEEKS = frozenset({28, 29, 30})


@dataclass(frozen=True)
class DayOff:
    """Why a day is not a working day: its kind, and a holiday's own name in
    each language (the holidays package's). :meth:`render` says it in the
    reader's language, so the engine holds no words of its own."""

    kind: str  # holiday, saturday, sunday, fellesferie, christmas_closure or closed
    holiday_nb: str | None = None
    holiday_en: str | None = None

    def render(self, lang: str) -> str:
        if self.kind == "holiday":
            from navplan.messages import holiday_name

            return holiday_name(self.holiday_nb or "", self.holiday_en or "", lang)
        from navplan.messages import t

        return t(f"day_off.{self.kind}", lang)


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

    def day_off(self, day: dt.date) -> DayOff | None:
        """Why ``day`` is not a working day, or None when it is one.

        >>> cal = WorkCalendar(dt.date(2019, 5, 1), dt.date(2019, 5, 31))
        >>> cal.day_off(dt.date(2019, 5, 17)).render("nb"), cal.day_off(dt.date(2019, 5, 18)).render("en")
        ('Grunnlovsdag', 'Saturday')
        """
        if day in self._holidays:
            return DayOff("holiday", self._holidays[day], self._holidays_en[day])
        if day.weekday() >= 5:
            return DayOff(("saturday", "sunday")[day.weekday() - 5])
        if day.isocalendar().week in self.fellesferie_weeks:
            return DayOff("fellesferie")
        if self.christmas_closure and day.month == 12 and day.day >= 24:
            return DayOff("christmas_closure")
        if day in self.closed:
            return DayOff("closed")
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

    def date_of(self, index: int) -> dt.date:
        """The working day with this index."""
        if not 0 <= index < len(self._days):
            raise ValueError(f"working day {index} is outside the calendar range {self.first}..{self.last}")
        return self._days[index]

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in ``[start, end)``; negative when ``end`` is before ``start``."""
        return self.index_on_or_after(end) - self.index_on_or_after(start)

    def add_months(self, start: int, months: int) -> int:
        """Finish point of ``months`` calendar months begun at point ``start``.

        A three-month notice period begun on 1 March ends with 31 May, so the
        next working day on or after 1 June is the finish point.
        """
        return self.index_on_or_after(self.date_of(start) + relativedelta(months=months))

    def latest_start_for_months(self, finish: int, months: int) -> int:
        """The latest start point from which ``months`` months end by ``finish``."""
        target = self.date_of(finish) - relativedelta(months=months)
        start = self.index_on_or_after(target)
        while self.add_months(start, months) > finish:
            start -= 1
        while self.add_months(start + 1, months) <= finish:
            start += 1
        return start

    def earliest_start_for_months(self, finish: int, months: int) -> int:
        """The earliest start point from which ``months`` months end at or after ``finish``."""
        start = self.latest_start_for_months(finish, months)
        while self.add_months(start, months) < finish:
            start += 1
        while start > 0 and self.add_months(start - 1, months) >= finish:
            start -= 1
        return start

    def __len__(self) -> int:
        return len(self._days)


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
