"""The schedule as Microsoft Project XML (MSPDI), which MS Project,
ProjectLibre and GanttProject import.

The project is scheduled from its finish: the opening. Each task's Start and
Finish are navplan's planned dates (the schedule in each activity's mode,
levelled against the plan's capacity when it gives one); its latest dates are
its LateStart and LateFinish, its forecast its EarlyStart and EarlyFinish;
work already done keeps its actual dates. Elements
are written in the order of the MSPDI schema (MS Project rejects a file that
breaks it), checked in tests/test_mspdi_xml.py against the schema's sequence.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from navplan.engine.schedule import Schedule, ScheduledActivity
from navplan.messages import format_date, t
from navplan.plan.values import Status
from navplan.render.labels import role_title
from navplan.render.mspdi_links import HelperMilestone, TaskLink, task_links

NS = "http://schemas.microsoft.com/project"
CALENDAR_UID = 1
#: One working day: MS Project's standard day, 480 minutes.
DAY_START, DAY_END = dt.time(8), dt.time(17)
WORKING_TIMES = (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00"))
MINUTES_PER_DAY = 480
#: Link lags and slack are written in tenths of a minute.
TENTHS_PER_DAY = MINUTES_PER_DAY * 10
LINK_TYPES = {"FF": 0, "FS": 1, "SF": 2, "SS": 3}
#: MSPDI duration formats and constraint types used here.
FORMAT_DAYS = 7
ALAP, MUST_START_ON, FINISH_NO_LATER_THAN = 1, 2, 7

_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
Window = tuple[int, int]  # start and finish point, see navplan.engine.working_days


def mspdi_bytes(schedule: Schedule, lang: str) -> bytes:
    """The whole MSPDI document, UTF-8 with an XML declaration."""
    ET.register_namespace("", NS)
    windows = task_windows(schedule)
    calendar = schedule.calendar
    # The project's finish: the opening, or the last work placed after it (by its latest dates: what the
    # project is scheduled back from).
    latest = task_windows(schedule, "latest")
    opening_end = _finish_time(schedule, max([schedule.opening_point, *(f for _s, f in latest.values())]))
    start = min(_start_time(schedule, window) for window in windows.values())
    office = schedule.project.plan.office
    root = ET.Element(_tag("Project"))
    _fields(root, [
        ("Name", office), ("Title", office),
        # Always written: without it MS Project and MPXJ schedule from the finish.
        ("ScheduleFromStart", 0),
        ("StartDate", _stamp(start)), ("FinishDate", _stamp(opening_end)),
        ("CalendarUID", CALENDAR_UID), ("DefaultStartTime", "08:00:00"), ("DefaultFinishTime", "17:00:00"),
        ("MinutesPerDay", MINUTES_PER_DAY), ("MinutesPerWeek", MINUTES_PER_DAY * 5), ("DaysPerMonth", 20),
        ("DurationFormat", FORMAT_DAYS), ("WeekStartDay", 1),
        ("StatusDate", _stamp(dt.datetime.combine(schedule.as_of, DAY_START))),
    ])
    calendars = ET.SubElement(root, _tag("Calendars"))
    first_year = min(start.year, schedule.as_of.year) - 1
    last_year = schedule.project.opening_date.year + 1
    _calendar(calendars, schedule, lang, max(calendar.first, dt.date(first_year, 1, 1)),
              min(calendar.last, dt.date(last_year, 12, 31)))
    tasks = ET.SubElement(root, _tag("Tasks"))
    found = task_links(schedule.project)
    uids = {activity_id: uid for uid, activity_id in enumerate(
        [*schedule.activities, *(helper.id for helper in found.helpers)], start=1)}
    links = {activity_id: list(task_links_of) for activity_id, task_links_of in found.links.items()}
    for helper in found.helpers:
        links[helper.succ].append(TaskLink(helper.id, helper.onward, 0))
    numbers = outline_numbers(schedule)
    approved = baseline_windows(schedule)
    for activity_id, number in numbers.items():
        scheduled = schedule.activities[activity_id]
        _task(ET.SubElement(tasks, _tag("Task")), schedule, scheduled, uids, number, windows[activity_id],
              links[activity_id], lang, approved.get(activity_id))
    top_level = sum(1 for number in numbers.values() if "." not in number)
    for index, helper in enumerate(found.helpers, start=top_level + 1):
        _helper_task(ET.SubElement(tasks, _tag("Task")), schedule, helper, uids, str(index), windows, lang)
    ET.indent(root)
    # The declaration MS Project itself writes (ElementTree's uses single quotes).
    return (_DECLARATION + ET.tostring(root, encoding="unicode") + "\n").encode("utf-8")


def task_windows(schedule: Schedule, dates: str = "planned") -> dict[str, Window]:
    """Start and finish point of each task as written: the planned dates for
    open work (``dates="latest"``: the latest), the actual points for work done,
    from the actual start to the forecast finish for work under way (to the
    latest finish, with the latest dates); a summary spans its children."""
    windows: dict[str, Window] = {}
    for scheduled in reversed(schedule.activities.values()):  # children before parents
        activity = scheduled.activity
        start, finish = ((scheduled.planned_start, scheduled.planned_finish) if dates == "planned"
                         else (scheduled.latest_start, scheduled.latest_finish))
        if activity.is_summary:
            spans = [windows[c] for c in activity.children if c in windows]
            windows[scheduled.id] = (min(s for s, _f in spans), max(f for _s, f in spans))
        elif scheduled.status is Status.DONE:
            windows[scheduled.id] = (scheduled.earliest_start, scheduled.earliest_finish)
        elif scheduled.status is Status.STARTED:
            begun = scheduled.earliest_start
            windows[scheduled.id] = (begun, max(scheduled.earliest_finish if dates == "planned" else finish, begun + 1))
        elif activity.is_milestone and start == finish:
            windows[scheduled.id] = (finish, finish)
        else:
            windows[scheduled.id] = (start, finish)
    return {activity_id: windows[activity_id] for activity_id in schedule.activities}


def baseline_windows(schedule: Schedule) -> dict[str, tuple[dt.datetime, dt.datetime, int]]:
    """Each task's baseline (`navplan baseline`) as MS Project's Baseline fields hold it: its start
    (08:00 on its first day), finish (17:00 on its last; a milestone's start is its finish) and
    duration in working days; a summary spans its tasks in the baseline. Empty without a baseline."""
    baseline = schedule.project.plan.baseline
    if baseline is None:
        return {}
    from navplan.features.baseline import working_day_counter

    days = [day for dates in baseline.activities.values() for day in (dates.start, dates.finish)]
    count = working_day_counter(schedule, [*days, *(day + dt.timedelta(days=1) for day in days)])
    found: dict[str, tuple[dt.datetime, dt.datetime, int]] = {}
    for scheduled in reversed(schedule.activities.values()):  # children before parents
        activity = scheduled.activity
        if activity.is_summary:
            spans = [found[c] for c in activity.children if c in found]
            if spans:
                start, finish = min(s for s, _f, _d in spans), max(f for _s, f, _d in spans)
                found[scheduled.id] = (start, finish, count(start.date(), finish.date() + dt.timedelta(days=1)))
            continue
        dates = baseline.activities.get(scheduled.id)
        if dates is None:
            continue
        finish = dt.datetime.combine(dates.finish, DAY_END)
        if activity.is_milestone:
            found[scheduled.id] = (finish, finish, 0)
        else:
            found[scheduled.id] = (dt.datetime.combine(dates.start, DAY_START), finish,
                                   count(dates.start, dates.finish + dt.timedelta(days=1)))
    return found


def outline_numbers(schedule: Schedule) -> dict[str, str]:
    """'1', '1.2', '1.2.3' in outline order: MS Project's own numbering, not the handbook's ids."""
    numbers: dict[str, str] = {}
    counters: dict[str | None, int] = {}
    for activity_id, scheduled in schedule.activities.items():
        parent = scheduled.activity.parent
        counters[parent] = counters.get(parent, 0) + 1
        prefix = f"{numbers[parent]}." if parent is not None else ""
        numbers[activity_id] = f"{prefix}{counters[parent]}"
    return numbers


def _task(task: ET.Element, schedule: Schedule, scheduled: ScheduledActivity, uids: dict[str, int], number: str,
          window: Window, links, lang: str, baseline: tuple[dt.datetime, dt.datetime, int] | None = None) -> None:
    activity = scheduled.activity
    start, finish = _start_time(schedule, window), _finish_time(schedule, window[1])
    done, started = scheduled.status is Status.DONE, scheduled.status is Status.STARTED
    constraint, constraint_date = _constraint(schedule, scheduled, start)
    _fields(task, [
        ("UID", uids[activity.id]), ("ID", uids[activity.id]), ("Name", activity.title.get(lang)),
        ("OutlineNumber", number), ("OutlineLevel", scheduled.level + 1),
        ("Start", _stamp(start)), ("Finish", _stamp(finish)),
        ("Duration", _hours(window[1] - window[0])), ("DurationFormat", FORMAT_DAYS),
        # Without it MS Project marks every duration as an estimate ("?").
        ("Estimated", 0),
        ("Milestone", int(activity.is_milestone)), ("Summary", int(activity.is_summary)),
        ("Critical", int(scheduled.critical)),
        # The forecast (navplan's earliest dates) and the latest dates beside the planned dates the task is laid on.
        *_early_and_late(schedule, scheduled),
        ("TotalSlack", None if scheduled.slack is None else scheduled.slack * TENTHS_PER_DAY),
        ("PercentComplete", 100 if done else _percent(schedule, window) if started else None),
        ("ActualStart", _stamp(start) if done or started else None),
        ("ActualFinish", _stamp(finish) if done else None),
        ("ConstraintType", constraint), ("ConstraintDate", constraint_date),
        ("Notes", _notes(schedule, scheduled, lang) or None),
    ])
    for link in links:
        element = ET.SubElement(task, _tag("PredecessorLink"))
        _fields(element, [("PredecessorUID", uids[link.pred]), ("Type", LINK_TYPES[link.type]),
                          ("LinkLag", link.lag * TENTHS_PER_DAY), ("LagFormat", FORMAT_DAYS)])
    if baseline is not None:  # MS Project's baseline 0: the dates the steering group approved
        start, finish, days = baseline
        _fields(ET.SubElement(task, _tag("Baseline")), [
            ("Number", 0), ("Start", _stamp(start)), ("Finish", _stamp(finish)), ("Duration", _hours(days)),
            ("DurationFormat", FORMAT_DAYS)])


def _helper_task(task: ET.Element, schedule: Schedule, helper: HelperMilestone, uids: dict[str, int], number: str,
                 windows: dict[str, Window], lang: str) -> None:
    """A milestone that carries a second link between two tasks; it lies where
    the successor's bound end lies, as late as possible like every open task."""
    window = windows[helper.succ]
    point = window[0] if helper.onward == "FS" else window[1]
    moment = _finish_time(schedule, point) if helper.onward == "FF" else _start_time(schedule, (point, point + 1))
    _fields(task, [
        ("UID", uids[helper.id]), ("ID", uids[helper.id]),
        ("Name", t("mspdi.helper", lang, pred=helper.pred, succ=helper.succ, type=helper.link.type,
                   lag=helper.link.lag)),
        ("OutlineNumber", number), ("OutlineLevel", 1), ("Start", _stamp(moment)), ("Finish", _stamp(moment)),
        ("Duration", _hours(0)), ("DurationFormat", FORMAT_DAYS), ("Estimated", 0), ("Milestone", 1),
        ("Summary", 0), ("Critical", 0), ("ConstraintType", ALAP),
    ])
    element = ET.SubElement(task, _tag("PredecessorLink"))
    _fields(element, [("PredecessorUID", uids[helper.pred]), ("Type", LINK_TYPES[helper.link.type]),
                      ("LinkLag", helper.link.lag * TENTHS_PER_DAY), ("LagFormat", FORMAT_DAYS)])


def _early_and_late(schedule: Schedule, scheduled: ScheduledActivity) -> list[tuple[str, str | None]]:
    """EarlyStart ... LateFinish as the task's own Start and Finish are written: 08:00 on the
    first day of work, 17:00 on the last; a zero-length task is an instant."""
    if scheduled.status is Status.DONE or scheduled.id == schedule.project.opening_id:
        return []
    fields = []
    for prefix, window in (("Early", (scheduled.earliest_start, scheduled.earliest_finish)),
                           ("Late", (scheduled.latest_start, scheduled.latest_finish))):
        start = _start_time(schedule, window)
        finish = _finish_time(schedule, window[1]) if window[1] > window[0] else start
        fields += [(f"{prefix}Start", _stamp(start)), (f"{prefix}Finish", _stamp(finish))]
    return [fields[0], fields[1], fields[2], fields[3]]


def _constraint(schedule: Schedule, scheduled: ScheduledActivity, start: dt.datetime) -> tuple[int, str | None]:
    """The plan's fixed date and not-after date as MS Project constraints;
    otherwise as late as possible, like navplan's latest dates. A not-before
    date has no place here: it moves the earliest dates, not the latest."""
    activity = scheduled.activity
    if activity.is_summary or scheduled.status is Status.DONE:
        return ALAP, None
    if activity.fixed is not None:
        return MUST_START_ON, _stamp(start)
    if activity.not_after is not None:
        last_day = schedule.calendar.index_on_or_before(activity.not_after) + 1
        return FINISH_NO_LATER_THAN, _stamp(_finish_time(schedule, last_day))
    return ALAP, None


def _percent(schedule: Schedule, window: Window) -> int:
    """Work under way as MS Project's 'update as scheduled' would count it:
    the working days before the as-of date, never 0 (it has started) nor 100."""
    elapsed = schedule.as_of_point - window[0]
    return min(99, max(1, round(100 * elapsed / max(1, window[1] - window[0]))))


def _notes(schedule: Schedule, scheduled: ScheduledActivity, lang: str) -> str:
    activity = scheduled.activity
    lines = []
    if activity.definition is not None and activity.definition.purpose is not None:
        lines.append(f"{t('mspdi.purpose', lang)}: {activity.definition.purpose.get(lang)}")
    if activity.role:
        lines.append(f"{t('col.role', lang)}: {role_title(schedule, activity.role, lang)}")
    if activity.owner:
        lines.append(f"{t('col.owner', lang)}: {activity.owner}")
    if activity.notes:
        lines.append(f"{t('mspdi.notes', lang)}: {activity.notes}")
    if activity.id == schedule.project.opening_id:
        # The file shows the opening at the end of the last working day before it.
        lines.append(f"{t('xlsx.about.opening', lang)}: {format_date(schedule.project.opening_date, lang)}")
    return "\n".join(lines)


def _calendar(parent: ET.Element, schedule: Schedule, lang: str, first: dt.date, last: dt.date) -> None:
    """The base calendar: Monday to Friday 08-17 with lunch, and one exception
    per run of non-working weekdays with the same reason (a holiday, the
    fellesferie, the Christmas closure), named as navplan names it."""
    calendar = ET.SubElement(parent, _tag("Calendar"))
    _fields(calendar, [("UID", CALENDAR_UID), ("Name", t("mspdi.calendar", lang)), ("IsBaseCalendar", 1),
                       ("BaseCalendarUID", -1)])
    week = ET.SubElement(calendar, _tag("WeekDays"))
    for day_type in range(1, 8):  # 1 is Sunday
        working = 2 <= day_type <= 6
        day = ET.SubElement(week, _tag("WeekDay"))
        _fields(day, [("DayType", day_type), ("DayWorking", int(working))])
        if working:
            times = ET.SubElement(day, _tag("WorkingTimes"))
            for begin, end in WORKING_TIMES:
                _fields(ET.SubElement(times, _tag("WorkingTime")), [("FromTime", begin), ("ToTime", end)])
    exceptions = ET.SubElement(calendar, _tag("Exceptions"))
    for begin, end, name in closed_runs(schedule, lang, first, last):
        exception = ET.SubElement(exceptions, _tag("Exception"))
        _fields(exception, [("EnteredByOccurrences", 0)])
        period = ET.SubElement(exception, _tag("TimePeriod"))
        _fields(period, [("FromDate", f"{begin.isoformat()}T00:00:00"), ("ToDate", f"{end.isoformat()}T23:59:00")])
        _fields(exception, [("Occurrences", 1), ("Name", name), ("Type", 1), ("DayWorking", 0)])


def closed_runs(schedule: Schedule, lang: str, first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date, str]]:
    """Non-working weekdays from ``first`` to ``last`` as (first day, last day,
    reason); days with the same reason separated only by a weekend are one run."""
    runs: list[list] = []
    day, one = first, dt.timedelta(days=1)
    while day <= last:
        if day.weekday() < 5:
            day_off = schedule.calendar.day_off(day)
            if day_off is not None:
                reason = day_off.render(lang)
                previous = runs[-1] if runs else None
                weekend_between = previous is not None and all(
                    (previous[1] + dt.timedelta(days=n)).weekday() >= 5 for n in range(1, (day - previous[1]).days))
                if previous is not None and previous[2] == reason and weekend_between:
                    previous[1] = day
                else:
                    runs.append([day, day, reason])
        day += one
    return [(begin, end, reason) for begin, end, reason in runs]


def _start_time(schedule: Schedule, window: Window) -> dt.datetime:
    """Work starts at 08:00 on its first day; a zero-length task is an instant
    at the end of the day before its finish point."""
    if window[1] == window[0]:
        return _finish_time(schedule, window[1])
    return dt.datetime.combine(schedule.calendar.date_of(window[0]), DAY_START)


def _finish_time(schedule: Schedule, point: int) -> dt.datetime:
    """A finish point is the end (17:00) of the working day before it: a finish
    at 00:00 would mean the previous working day to MS Project and MPXJ."""
    return dt.datetime.combine(schedule.calendar.date_of(point - 1), DAY_END)


def _hours(working_days: int) -> str:
    return f"PT{working_days * MINUTES_PER_DAY // 60}H0M0S"


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def _tag(name: str) -> str:
    return f"{{{NS}}}{name}"


def _fields(parent: ET.Element, fields: list[tuple[str, object]]) -> None:
    """Append one element per field in the order given; None leaves it out."""
    for name, value in fields:
        if value is not None:
            ET.SubElement(parent, _tag(name)).text = xml_text(str(value))


def xml_text(text: str) -> str:
    r"""Text XML 1.0 can hold: a note's line breaks and tabs stay; any other
    control character (which no XML parser would read) is shown as a visible
    escape. Plan text is refused with these at validation; this keeps the file
    readable whatever text reaches it.

    >>> xml_text("Ring\x0bKari\nny\tlinje")
    'Ring\\x0bKari\nny\tlinje'
    """
    from navplan.errors import visible

    return visible(text, keep="\n\t")
