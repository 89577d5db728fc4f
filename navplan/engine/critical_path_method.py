"""The forward and backward passes of the critical path method, written once,
and the driving chains traced once: the deterministic schedule and the
Monte Carlo both run them.

The passes compute on points (working-day indices, see
:mod:`navplan.engine.working_days`) over a :class:`~navplan.engine.dependency_graph.Network`'s
rows. Each value is a *column*, one value per sample: a plain int for one
schedule (:class:`OneSample`: the deterministic schedule is one sample,
every duration at its likely value), a numpy array over the samples for the
Monte Carlo (:class:`Samples`). Every rule (links and their lags, summaries,
dropped pass-throughs, fixed, not-before and not-after dates, calendar
months, done and started work) is written once, here.

The forward pass places each activity as early as its predecessors, its
constraints and the progress already made allow (the forecast); the backward
pass places it as late as the opening date, its deadlines and its successors
allow. Work after the opening is placed forward from the opening date and
backward from the last of it, so it never moves the opening.

:func:`precedence_bounds` hands another scheduler (resource levelling) the
network, the calendar and every activity's earliest and latest dates.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from navplan.engine.dependency_graph import (
    FS,
    SS,
    Network,
    SummaryPoint,
    beyond_calendar,
    build_network,
    plan_dates,
)
from navplan.engine.working_days import BeyondCalendar, WorkCalendar, plan_calendar
from navplan.plan.project import Project
from navplan.plan.values import Status

Column = Any  # an int (one sample) or a numpy array over the samples


class OneSample:
    """Columns of one sample: plain ints (and bools), so the deterministic
    schedule never imports numpy."""

    # The builtins for one sample, numpy's ufuncs over samples (Samples).
    maximum: Callable[[Column, Column], Column] = staticmethod(max)
    minimum: Callable[[Column, Column], Column] = staticmethod(min)

    def __init__(self, calendar: WorkCalendar) -> None:
        self.calendar = calendar

    def full(self, value: int) -> Column:
        return value

    def true(self) -> Column:
        return True

    def where(self, condition: Column, yes: Column, no: Column) -> Column:
        return yes if condition else no

    def any(self, mask: Column) -> bool:
        return bool(mask)

    def rounded(self, value: Any) -> Column:
        """Half up to a whole number, as a sampled duration is rounded."""
        return math.floor(value + 0.5)

    def advance(self, start: Column, amount: Column, in_months: bool) -> Column:
        """The finish of ``amount`` working days (or months) begun at ``start``."""
        return self.calendar.add_months(start, amount) if in_months else start + amount

    def latest_start(self, finish: Column, amount: Column, in_months: bool) -> Column:
        """The latest start from which the work finishes by ``finish``."""
        return self.calendar.latest_start_for_months(finish, amount) if in_months else finish - amount

    def earliest_start(self, finish: Column, amount: Column, in_months: bool) -> Column:
        """The earliest start from which the work finishes no earlier than ``finish``."""
        return self.calendar.earliest_start_for_months(finish, amount) if in_months else finish - amount


class Samples(OneSample):
    """Columns over ``count`` samples: numpy arrays of points, one operation for all of them."""

    def __init__(self, calendar: WorkCalendar, count: int) -> None:
        import numpy as np

        super().__init__(calendar)
        self.np = np
        self.count = count
        self.maximum = np.maximum
        self.minimum = np.minimum
        self._full: dict[int, Column] = {}

    def full(self, value: int) -> Column:
        """One point in every sample. The passes never change an array in place,
        so each value's array is made once and shared."""
        column = self._full.get(value)
        if column is None:
            column = self._full[value] = self.np.full(self.count, value, dtype=POINT)
            column.flags.writeable = False
        return column

    def true(self) -> Column:
        return self.np.ones(self.count, dtype=bool)

    def where(self, condition: Column, yes: Column, no: Column) -> Column:
        return self.np.where(condition, yes, no)

    def any(self, mask: Column) -> bool:
        return bool(mask.any())

    def rounded(self, value: Any) -> Column:
        return self.np.floor(value + 0.5).astype(POINT)

    def advance(self, start: Column, amount: Column, in_months: bool) -> Column:
        if in_months:
            return self.calendar.add_months_each(start, amount)
        return start if isinstance(amount, int) and not amount else start + amount

    def latest_start(self, finish: Column, amount: Column, in_months: bool) -> Column:
        return self.calendar.latest_start_for_months_each(finish, amount) if in_months else finish - amount

    def earliest_start(self, finish: Column, amount: Column, in_months: bool) -> Column:
        return self.calendar.earliest_start_for_months_each(finish, amount) if in_months else finish - amount


#: The dtype of a point in the Monte Carlo's arrays (a calendar of 01.01.0001-31.12.9999 has 2.6 million).
POINT = "int32"


@dataclass
class Anchors:
    """The points a run is anchored to: the as-of day, where work may begin
    (the as-of day or the plan start, whichever is later), the opening, and
    per row the dates of its live activity (None where it has none)."""

    as_of: int
    start: int
    opening: int
    opened: bool  # the as-of date is after the opening: the office has opened
    fixed: list[int | None]  # start point of a fixed date
    not_before: list[int | None]  # start point (a summary's at its start: it binds every step's start)
    not_after: list[int | None]  # finish point (a summary's at its finish: it binds every step's finish)
    actual_start: list[int | None]  # start point
    actual_finish: list[int | None]  # finish point


def anchors(network: Network, calendar: WorkCalendar, as_of: dt.date) -> Anchors:
    """The run's anchors in ``calendar``'s points."""
    project = network.project
    as_of_point = calendar.start_point(as_of)
    start = as_of_point
    if project.plan.start is not None:
        start = max(start, calendar.start_point(project.plan.start))

    def points(name: str, convert: Callable[[dt.date], int], summary_point: str | None = None) -> list[int | None]:
        """Each row's date ``name`` as a point: its activity's; at a summary's
        ``summary_point``, the summary's (so it binds every step)."""
        found: list[int | None] = []
        for node, activity in zip(network.nodes, network.activity, strict=True):
            if activity is None and isinstance(node, SummaryPoint) and node.kind == summary_point:
                summary = project.activities[node.summary]
                activity = None if summary.dropped else summary
            day = None if activity is None else getattr(activity, name)
            found.append(None if day is None else convert(day))
        return found

    return Anchors(
        as_of=as_of_point, start=start, opening=calendar.start_point(project.opening_date),
        opened=as_of > project.opening_date,
        fixed=points("fixed", calendar.start_point),
        not_before=points("not_before", calendar.start_point, "start"),
        not_after=points("not_after", calendar.finish_point, "finish"),
        actual_start=points("actual_start", calendar.start_point),
        actual_finish=points("actual_finish", calendar.finish_point),
    )


@dataclass
class Forward:
    """The forward pass: per row its earliest start and finish (the forecast),
    and its earliest start from links and the plan start alone, before a
    fixed or not-before date moved it (``linked_start``)."""

    es: list[Column]
    ef: list[Column]
    linked_start: list[Column]
    project_finish: Column = 0  # the last point of any work, the opening's included
    #: Work under way whose remainder was sampled: the working days that remain
    #: after the as-of day at its likely duration (the same in every sample, as
    #: its start is: its actual start or the as-of day, never a forecast), as
    #: sampled (``remaining``), and the working days it lasts from its start.
    likely_remaining: dict[int, Column] = field(default_factory=dict)
    remaining: dict[int, Column] = field(default_factory=dict)
    lasts: dict[int, Column] = field(default_factory=dict)


@dataclass
class Backward:
    """The backward pass: per row its latest start and finish; the latest
    finish what follows allows, before a start bound (``finish_bound``); and
    for a fixed activity its latest start were it not fixed (``free_start``)."""

    ls: list[Column]
    lf: list[Column]
    finish_bound: list[Column]
    free_start: dict[int, Column]


def link_bound(network: Network, columns: OneSample, es: list[Column], ef: list[Column], row: int, pred: int,
               link_type: int, lag: int, amount: Column) -> Column:
    """The earliest start one link allows ``row``: the one rule the forward
    pass and the driving chains share."""
    if link_type == FS:
        return ef[pred] + lag
    if link_type == SS:
        return es[pred] + lag
    return columns.earliest_start(ef[pred] + lag, amount, network.in_months[row])


def forward(network: Network, at: Anchors, columns: OneSample, amount: list[Column] | None = None,
            remaining: dict[int, Column] | None = None, release: list[Column | None] | None = None, *,
            base: Forward | None = None, changed: set[int] | frozenset[int] = frozenset()) -> Forward:
    """The forward pass. ``amount`` is each row's duration (working days, or
    months), the planned one by default; ``remaining`` gives, for work under
    way, the working days that remain after the as-of day (the sampler's draw),
    in place of what its duration leaves; ``release`` holds back a row's start
    to its point where not None (as a not-before date does: the planned dates
    hold work to be done as late as possible at its latest start, see
    :func:`planned_release`).

    With ``base`` (a pass over the same samples), only the rows ``changed``
    and those they lead to are worked out again; every other row keeps
    ``base``'s dates. What a change can move is what follows it, so the result
    is the whole pass's (the tornado holds one activity at a time).
    """
    amount = network.amount if amount is None else amount
    remaining = remaining or {}
    count = len(network)
    es: list[Column] = [0] * count
    ef: list[Column] = [0] * count
    linked: list[Column] = [0] * count
    result = Forward(es, ef, linked)
    maximum = columns.maximum
    opening = network.opening
    dirty = [False] * count
    for row in range(count):
        incoming = network.links_in[row]
        if base is not None:
            dirty[row] = row in changed or any(dirty[pred] for pred, _type, _lag in incoming)
            if not dirty[row]:
                es[row], ef[row], linked[row] = base.es[row], base.ef[row], base.linked_start[row]
                if row in base.remaining:
                    result.likely_remaining[row] = base.likely_remaining[row]
                    result.remaining[row], result.lasts[row] = base.remaining[row], base.lasts[row]
                continue
        if network.is_first[row]:
            # A summary starts when its first step starts.
            first = columns.full(at.start) if not incoming else es[incoming[0][0]]
            for pred, _type, _lag in incoming[1:]:
                first = columns.minimum(first, es[pred])
            linked[row] = es[row] = ef[row] = first
            continue
        earliest = columns.full(at.start)
        for pred, link_type, lag in incoming:
            earliest = maximum(earliest, link_bound(network, columns, es, ef, row, pred, link_type, lag, amount[row]))
        linked[row] = earliest
        if row == opening:
            if at.opened:  # the office opened on its date; what was not recorded done did not stop it
                earliest = columns.full(at.opening)
            es[row] = earliest
            # What comes after the opening waits for the opening date itself, not an earlier forecast.
            ef[row] = maximum(earliest, at.opening)
            continue
        activity = network.activity[row]
        if at.not_before[row] is not None:
            earliest = maximum(earliest, at.not_before[row])
        if release is not None and release[row] is not None:
            earliest = maximum(earliest, release[row])
        if at.fixed[row] is not None:
            # On its date when the work before it allows; a date that cannot hold
            # is forecast when it can, and what follows waits for that.
            earliest = maximum(earliest, at.fixed[row])
        es[row] = earliest
        ef[row] = columns.advance(earliest, amount[row], network.in_months[row])
        if activity is not None and activity.status is Status.DONE:
            _done(network, at, columns, result, row, amount[row])
        elif activity is not None and activity.status is Status.STARTED:
            _started(network, at, columns, result, row, amount[row], remaining.get(row))
    result.project_finish = columns.full(at.opening)
    for row in range(count):
        if network.after_opening[row]:
            result.project_finish = maximum(result.project_finish, ef[row])
    return result


def _done(network: Network, at: Anchors, columns: OneSample, result: Forward, row: int, amount: Column) -> None:
    """Done work keeps its actual dates; without them, it ended by the as-of day."""
    activity = network.activity[row]
    assert activity is not None  # done work is an activity's
    if (actual_finish := at.actual_finish[row]) is not None:
        finish = columns.full(actual_finish)
    else:
        finish = columns.minimum(result.ef[row], at.as_of)
    if activity.is_milestone:
        start = finish
    elif (actual_start := at.actual_start[row]) is not None:
        start = columns.full(actual_start)
    else:
        start = columns.minimum(columns.earliest_start(finish, amount, network.in_months[row]), finish)
    result.es[row], result.ef[row] = columns.minimum(start, finish), finish


def _started(network: Network, at: Anchors, columns: OneSample, result: Forward, row: int, amount: Column,
             remains: Column | None) -> None:
    """Work under way: its actual start stays, and it ends no earlier than the
    end of the as-of day, nor before its finish-to-start and finish-to-finish
    predecessors have finished. Sampled, ``remains`` is what is left after the
    as-of day, in working days (0: it ends on the as-of day)."""
    if (actual_start := at.actual_start[row]) is not None:
        start = columns.full(actual_start)
    else:
        start = columns.minimum(result.es[row], at.as_of)
    finish = columns.maximum(columns.advance(start, amount, network.in_months[row]), at.as_of + 1)
    if remains is not None:
        base = columns.maximum(start, at.as_of)
        result.likely_remaining[row] = finish - base
        finish = columns.maximum(base + remains, at.as_of + 1)
        result.remaining[row] = remains
        result.lasts[row] = base + remains - start
    for pred, link_type, lag in network.links_in[row]:
        if link_type != SS:
            finish = columns.maximum(finish, result.ef[pred] + lag)
    result.es[row], result.ef[row] = start, finish


def backward(network: Network, at: Anchors, columns: OneSample, ahead: Forward,
             amount: list[Column] | None = None, *, deadlines: bool = True) -> Backward:
    """The backward pass over the forward pass ``ahead``. Without ``deadlines``,
    only the opening binds (no fixed or not-after date): what tells a row bound
    by a deadline from one bound by the opening."""
    amount = network.amount if amount is None else amount
    count = len(network)
    opening = network.opening
    ls: list[Column] = [0] * count
    lf: list[Column] = [0] * count
    bound: list[Column] = [0] * count
    free_start: dict[int, Column] = {}
    ls[opening] = lf[opening] = bound[opening] = columns.full(at.opening)
    minimum = columns.minimum
    for row in range(count - 1, -1, -1):
        if row == opening:
            continue
        latest = latest_start = None
        for succ, link_type, lag in network.links_out[row]:
            successor = network.activity[succ]
            status = successor.status if successor is not None else Status.NOT_STARTED
            if link_type == SS and status is Status.NOT_STARTED:
                # A start-to-start link to work not begun bounds the start itself.
                start_bound = ls[succ] - lag
                latest_start = start_bound if latest_start is None else minimum(latest_start, start_bound)
                continue
            # Work already done no longer waits for anything; work already started
            # still needs its finish-to-start predecessors finished before it can
            # finish, so those links bind as finish-to-finish.
            if status is Status.DONE or (status is Status.STARTED and link_type == SS):
                finish_bound = ahead.project_finish if network.after_opening[succ] else lf[opening]
            elif link_type == FS and status is Status.NOT_STARTED:
                finish_bound = ls[succ] - lag
            else:
                finish_bound = lf[succ] - lag
            latest = finish_bound if latest is None else minimum(latest, finish_bound)
        if latest is None:
            # Nothing follows: the last work after the opening, or a summary's
            # start point (which leads only start-to-start to its steps).
            latest = ahead.project_finish if network.after_opening[row] else columns.full(at.opening)
        if deadlines and at.not_after[row] is not None:
            latest = minimum(latest, at.not_after[row])
        activity = network.activity[row] if deadlines else None
        bound[row] = latest
        in_months = network.in_months[row]
        # The latest start from the bounds on each. A start-to-start link bounds the
        # start itself: with months, several starts share one finish.
        start = columns.latest_start(latest, amount[row], in_months)
        finish = latest
        if latest_start is not None:
            earlier = latest_start < start
            finish = columns.where(earlier, minimum(latest, columns.advance(latest_start, amount[row], in_months)),
                                   latest)
            start = minimum(start, latest_start)
        if activity is not None and (fixed := at.fixed[row]) is not None:
            # Slack is measured against what follows; predecessors must meet the fixed date.
            free_start[row] = start
            start = columns.full(fixed)
            finish = columns.advance(start, amount[row], in_months)
        ls[row], lf[row] = start, finish
    return Backward(ls, lf, bound, free_start)


def slack(network: Network, columns: OneSample, ahead: Forward, behind: Backward, row: int) -> Column:
    """Total slack: the smaller of start slack and finish slack, as MS Project
    measures it, so that a duration in calendar months (which spans a
    different number of working days depending on when it starts) neither
    hides a delay nor breaks a chain. Work under way has only its finish left
    to slip. A fixed activity's slack is measured as if it were not fixed:
    against what follows it; but when its fixed date cannot hold, it is the
    working days missing, if fewer. A finish placed only by a start-to-start
    bound on the start does not limit the finish: that bound is measured on
    the start.
    """
    finish_slack = behind.finish_bound[row] - ahead.ef[row]
    activity = network.activity[row]
    if activity is not None and activity.status is Status.STARTED:
        return finish_slack
    start_slack = behind.free_start.get(row, behind.ls[row]) - ahead.es[row]
    total = columns.minimum(start_slack, finish_slack)
    if row in behind.free_start:
        # A fixed date that cannot hold shows on the row: the working days missing.
        missed = behind.ls[row] - ahead.linked_start[row]
        total = columns.where(missed < 0, columns.minimum(total, missed), total)
    return total


def driving(network: Network, columns: OneSample, ahead: Forward, target: int, *,
            amount: list[Column] | None = None, unconstrained: bool = False) -> list[Column | None]:
    """Which rows drive ``target`` (itself included), per sample; None for a
    row that never does. The one rule for driving chains, deterministic and
    sampled alike.

    From ``target`` back through every link that leaves no slack: a link
    drives when the start it allows is the successor's start from its links;
    for work under way, when the finish it allows (not start-to-start) is the
    work's finish. Every tied link drives, so parallel chains of equal length
    all count. The walk stops at work already done, at a fixed date and at a
    not-before date that moved the work (an anchor of its own), at the actual
    start of work under way, and at an opening already passed; it passes
    through summaries' points and dropped activities. With ``unconstrained``,
    what drives the start ``target`` would have without its own fixed or
    not-before date.
    """
    amount = network.amount if amount is None else amount
    es, ef, linked = ahead.es, ahead.ef, ahead.linked_start
    drives: list[Column | None] = [None] * len(network)
    drives[target] = columns.true()
    for row in range(target, -1, -1):
        mask = drives[row]
        if mask is None:
            continue
        activity = network.activity[row]
        status = activity.status if activity is not None else None
        if status is Status.DONE:
            continue
        if status is not Status.STARTED and not (unconstrained and row == target):
            mask = mask & (es[row] == linked[row])  # else set by a date of its own, or the office has opened
        if not columns.any(mask):
            continue
        for pred, link_type, lag in network.links_in[row]:
            if status is Status.STARTED:
                if link_type == SS:
                    continue
                binds = ef[pred] + lag == ef[row]
            else:
                binds = link_bound(network, columns, es, ef, row, pred, link_type, lag, amount[row]) == linked[row]
            hit = mask & binds
            drives[pred] = hit if drives[pred] is None else drives[pred] | hit
    return drives


def planned_release(network: Network, behind: Backward) -> list[Column | None] | None:
    """What holds each row back in the planned dates: work to be done as late as
    possible (its schedule mode ``alap``) and not yet begun starts no earlier than
    its latest start; None where nothing does, and None for the whole when no row
    is planned so (the planned dates are then the forecast).

    The forward pass with this release is the planned schedule: work as soon as
    possible starts when the planned dates of what it waits for allow, work as
    late as possible at its latest start or, when what it waits for is planned
    later, then. Since a latest start leaves room for the latest dates of what
    follows, nothing planned so is pushed past its own latest start while the
    plan holds, and the opening is never planned later than its forecast."""
    release: list[Column | None] = [None] * len(network)
    found = False
    for row, activity in enumerate(network.activity):
        if activity is not None and activity.schedule == "alap" and activity.status is Status.NOT_STARTED \
                and row != network.opening:
            release[row] = behind.ls[row]
            found = True
    return release if found else None


@dataclass
class PrecedenceBounds:
    """What the links, dates and progress of a plan allow each row of its
    network, in points of ``calendar``: the earliest start and finish (the
    forecast) and the latest start and finish (as late as the opening and the
    deadlines allow). Rows are ``network``'s; ``network.activity[row]`` is
    the live task or milestone (None for a summary's point or a dropped
    activity). ``calendar.date_of(point)`` is the day a start point begins
    (a finish point ``f`` ends with day ``f - 1``)."""

    network: Network
    calendar: WorkCalendar
    anchors: Anchors
    earliest_start: list[int]
    earliest_finish: list[int]
    latest_start: list[int]
    latest_finish: list[int]


def precedence_bounds(project: Project, as_of: dt.date) -> PrecedenceBounds:
    """The network, the calendar and the precedence bounds of ``project`` as
    of ``as_of``: what a resource-levelling scheduler starts from. The same
    network, calendar and passes as :func:`navplan.engine.schedule.schedule`."""
    network = build_network(project)
    calendar = schedule_calendar(network, as_of)
    at = anchors(network, calendar, as_of)
    columns = OneSample(calendar)
    ahead = forward(network, at, columns)
    behind = backward(network, at, columns, ahead)
    return PrecedenceBounds(network, calendar, at, ahead.es, ahead.ef, behind.ls, behind.lf)


def schedule_calendar(network: Network, as_of: dt.date) -> WorkCalendar:
    """The calendar one schedule runs on: the longest chain of work and lags
    (at the planned durations) on either side of every date the plan gives
    and the as-of date. A plan whose dates would fall outside the years 1 to
    9999 is refused, naming the chain (as `navplan validate` refuses it)."""
    project = network.project
    longest, chain = network.longest_chain(network.reach_lengths())
    try:
        return plan_calendar(project.plan.calendar, [*plan_dates(project), as_of], before=longest, after=longest)
    except BeyondCalendar:
        raise beyond_calendar(project, chain, longest) from None
