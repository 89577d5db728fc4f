"""The schedule as an iCalendar file (RFC 5545): the deadlines people subscribe to.

Which events there are, and what they say, is decided here without the
icalendar package (:func:`calendar_events`); only :func:`calendar_bytes`
imports it, so the rest of navplan never pays for it.

A calendar only updates an imported event when it recognises it, so every
UID is made of what does not move (the office, the activity id and the kind
of event), never of a date. Whether the newer copy wins is decided by
SEQUENCE and DTSTAMP: both come from the as-of date, so the same plan on the
same day gives the same file, and a later export supersedes an earlier one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Literal

from navplan import __version__
from navplan.engine.schedule import Schedule, ScheduledActivity
from navplan.features.personal_view import Audience
from navplan.messages import format_date, t
from navplan.plan.values import Status

EventKind = Literal["deadline", "milestone", "start", "opening"]

#: Days before the event that its reminder shows: a week to finish a task,
#: a day's notice of a milestone or of the opening.
REMINDER_DAYS: dict[str, int] = {"deadline": 7, "start": 7, "milestone": 1, "opening": 1}
#: Reminders show at 09:00 rather than at the midnight that starts an all-day event.
REMINDER_HOUR = 9
#: SEQUENCE counts days from here to the as-of date, so a later export always has the higher one.
SEQUENCE_EPOCH = dt.date(2000, 1, 1)


@dataclass
class CalendarEvent:
    """One all-day event, in the user's language, before it is written as iCalendar."""

    uid: str
    kind: EventKind
    day: dt.date
    summary: str
    description: str
    categories: list[str] = field(default_factory=list)
    reminder_days: int = 1
    activity_id: str | None = None


def event_uid(office: str, activity_id: str, kind: str) -> str:
    """Stable across exports: the office, the activity and the kind of event, never a date.

    The office is hashed because it is free text; a UID should be plain.

    >>> event_uid("NAV Fjordby", "7.4", "deadline")
    'navplan-1baf8b0dc77d-7.4-deadline@navplan'
    """
    digest = hashlib.sha256(office.encode("utf-8")).hexdigest()[:12]
    return f"navplan-{digest}-{activity_id}-{kind}@navplan"


def calendar_events(schedule: Schedule, lang: str, *, audience: Audience | None = None,
                    starts: bool = False, dates: str = "latest") -> list[CalendarEvent]:
    """The opening, then per open task its deadline (and with ``starts`` its start-by
    date, if not yet started), per open milestone its date; in outline order. Each on
    the ``dates`` it follows: the planned dates (where the plan puts the finish and the
    start, the latest dates beside them in the description), the latest or the forecast.
    An event's UID is the same whichever dates it follows, so a calendar moves it.

    With an ``audience`` only its activities are kept (see
    :mod:`navplan.features.personal_view`); the opening, which concerns
    everyone, always is.
    """
    project = schedule.project
    office = project.plan.office
    opening = schedule.activities[project.opening_id]
    events = [CalendarEvent(
        uid=event_uid(office, project.opening_id, "opening"), kind="opening", day=project.opening_date,
        summary=t("ics.summary.opening", lang, office=office),
        description="\n".join([t("ics.opening.description", lang, office=office), *_verdict(schedule, lang),
                               _plan_line(schedule, lang)]),
        categories=[t("ics.category.opening", lang)], reminder_days=REMINDER_DAYS["opening"],
        activity_id=opening.id,
    )]
    for scheduled in schedule.leaves():
        activity = scheduled.activity
        if scheduled.status is Status.DONE:
            continue  # nobody needs reminding of finished work
        if audience is not None and not audience.includes(activity):
            continue
        kinds: list[EventKind] = ["milestone"] if activity.is_milestone else ["deadline"]
        if starts and not activity.is_milestone and scheduled.status is Status.NOT_STARTED:
            kinds.insert(0, "start")
        for kind in kinds:
            events.append(_activity_event(schedule, scheduled, kind, lang, dates))
    return events


#: Each kind of dates' keys of ScheduledActivity.dates, and the words its events' titles begin with.
_FOLLOWS = {"latest": ("latest_start", "latest_finish", ""), "planned": ("planned_start", "planned_finish", ".planned"),
            "forecast": ("earliest_start", "earliest_finish", ".forecast")}


def _activity_event(schedule: Schedule, scheduled: ScheduledActivity, kind: EventKind, lang: str,
                    dates: str = "latest") -> CalendarEvent:
    activity = scheduled.activity
    roles = {role.id: role for role in schedule.project.handbook.roles}
    role = roles.get(activity.role) if activity.role else None
    start_key, finish_key, words = _FOLLOWS[dates]
    day = scheduled.dates[start_key if kind == "start" else finish_key]
    marked = ".critical" if scheduled.critical else ""
    lines = []
    if role is not None:
        lines.append(t("ics.role", lang, role=role.title.get(lang)))
    if activity.owner:
        lines.append(t("ics.owner", lang, owner=activity.owner))
    purpose = activity.definition.purpose if activity.definition else None
    if purpose is not None:
        lines.append(t("ics.purpose", lang, purpose=purpose.get(lang).strip()))
    if activity.is_milestone:
        lines.append(t("ics.dates.milestone", lang, date=format_date(day, lang)))
    else:
        lines.append(t("ics.dates", lang, start=format_date(scheduled.dates["latest_start"], lang),
                       finish=format_date(scheduled.dates["latest_finish"], lang)))
    if scheduled.status is not Status.DONE:
        if dates == "planned":
            lines.append(t("ics.planned", lang, start=format_date(scheduled.dates["planned_start"], lang),
                           finish=format_date(scheduled.dates["planned_finish"], lang)))
        lines.append(t("ics.forecast", lang, start=format_date(scheduled.dates["earliest_start"], lang),
                       finish=format_date(scheduled.dates["earliest_finish"], lang)))
    lines.append(t("ics.slack" + marked, lang, slack=scheduled.slack))
    lines.append(t("ics.status", lang, status=t(f"status.{scheduled.status.value}", lang)))
    lines.append(_plan_line(schedule, lang))
    return CalendarEvent(
        uid=event_uid(schedule.project.plan.office, activity.id, kind), kind=kind, day=day,
        summary=t(f"ics.summary.{kind}{words if kind != 'milestone' else ''}{marked}", lang, id=activity.id,
                  title=activity.title.get(lang)),
        description="\n".join(lines),
        categories=[role.title.get(lang)] if role is not None else [],
        reminder_days=REMINDER_DAYS[kind], activity_id=activity.id,
    )


def _verdict(schedule: Schedule, lang: str) -> list[str]:
    """Whether the opening holds, in the words of the terminal and the workbook."""
    from navplan.render.labels import verdict_lines

    return [text for _kind, text in verdict_lines(schedule, lang)]


def _plan_line(schedule: Schedule, lang: str) -> str:
    return t("ics.plan", lang, office=schedule.project.plan.office,
             date=format_date(schedule.project.opening_date, lang), as_of=format_date(schedule.as_of, lang),
             version=__version__)


def ics_text(text: str) -> str:
    r"""Text as RFC 5545 allows it in a TEXT value: a line break is escaped by
    icalendar, a tab may stand; any other control character (NUL, VT, ESC, DEL
    and the C1 range are forbidden) is shown as a visible escape. Plan text is
    refused with these at validation; this keeps a calendar valid whatever text
    reaches it.

    >>> ics_text("Ring\x0bKari\tny\nlinje\x1b[2J")
    'Ring\\x0bKari\tny\nlinje\\x1b[2J'
    """
    from navplan.errors import visible

    return visible(text, keep="\n\t")


def calendar_bytes(schedule: Schedule, events: list[CalendarEvent]) -> bytes:
    """The events as one VCALENDAR, named after the office; text escaped and lines folded by icalendar."""
    from icalendar import Alarm, Calendar, Event, vText

    office = vText(ics_text(schedule.project.plan.office))
    # Deterministic: the as-of date stands in for "now", as everywhere in navplan.
    stamp = dt.datetime.combine(schedule.as_of, dt.time(0, 0), tzinfo=dt.UTC)
    sequence = max(0, schedule.as_of.toordinal() - SEQUENCE_EPOCH.toordinal())
    calendar = Calendar()
    calendar.add("prodid", f"-//navplan//navplan {__version__}//NO")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # Typed as TEXT, so their commas, semicolons and backslashes are escaped as in SUMMARY
    # (icalendar writes names it does not know raw).
    calendar.add("x-wr-calname", office)
    calendar.add("name", office)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("sequence", sequence)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + dt.timedelta(days=1))
        event.add("summary", ics_text(item.summary))
        event.add("description", ics_text(item.description))
        if item.categories:
            event.add("categories", item.categories)
        # A deadline is not an appointment: it should not make the day look busy.
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", ics_text(item.summary))
        alarm.add("trigger", dt.timedelta(days=-item.reminder_days, hours=REMINDER_HOUR))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
