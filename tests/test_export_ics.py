"""navplan export ics: the calendar read back by parsers that are not navplan's, and
checked against the schedule navplan prints as JSON."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from icalendar import Calendar

from conftest import EXAMPLES, run_navplan
from navplan.plan.handbook_files import load_handbook

AS_OF = "10.12.2018"
HOSTILE_TITLE = '=HYPERLINK("http://x"), møte; avtale: neste linje \\ slutt'
HOSTILE_OWNER = "Berg, Kari; IKT"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """Indre Østfold as of its first partnership meeting: done, started and open work, owners."""
    target = tmp_path / "kontor" / "navplan.yaml"
    target.parent.mkdir()
    shutil.copy(EXAMPLES / "indre-ostfold" / "navplan.yaml", target)
    return target


def export(plan: Path, output: Path, *options: str) -> Calendar:
    result = run_navplan("export", "ics", plan, "-o", output, "--as-of", AS_OF, *options)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    return Calendar.from_ical(output.read_bytes())


def document(plan: Path, as_of: str = AS_OF, lang: str = "nb") -> dict:
    result = run_navplan("critical-path", plan, "--as-of", as_of, "-f", "json", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def events(calendar: Calendar) -> dict[str, object]:
    found = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        assert uid not in found, f"UID {uid} twice"
        found[uid] = event
    return found


def kind_of(uid: str) -> tuple[str, str]:
    """navplan-<office hash>-<activity id>-<kind>@navplan → (activity id, kind)."""
    body = uid.removeprefix("navplan-").removesuffix("@navplan")
    _office, rest = body.split("-", 1)
    activity_id, kind = rest.rsplit("-", 1)
    return activity_id, kind


def day(event) -> dt.date:
    return event.decoded("DTSTART")


def open_leaves(doc: dict) -> list[dict]:
    return [a for a in doc["activities"]
            if a["kind"] != "summary" and a["id"] != "opening" and a["status"] != "done"]


# A reader that shares nothing with icalendar: unfold, split, unescape (RFC 5545 3.1, 3.3.11).

def raw_lines(data: bytes) -> list[str]:
    text = data.decode("utf-8")
    assert text.endswith("\r\n"), "every line ends with CRLF"
    physical = text[:-2].split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in physical), "no bare line breaks"
    assert all(len(line.encode("utf-8")) <= 75 for line in physical), "lines folded at 75 octets"
    logical: list[str] = []
    for line in physical:
        if line.startswith((" ", "\t")):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return logical


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out.append("\n" if following in "nN" else following)
        else:
            out.append(char)
    return "".join(out)


def plain_events(data: bytes) -> list[dict[str, str]]:
    """Each VEVENT's own properties (not its alarm's), name → raw value."""
    found, current, depth = [], None, []
    for line in raw_lines(data):
        name_params, _, value = line.partition(":")
        name = name_params.split(";")[0]
        if name == "BEGIN":
            depth.append(value)
            if value == "VEVENT":
                current = {}
        elif name == "END":
            assert depth.pop() == value, f"END:{value} closes what it did not open"
            if value == "VEVENT":
                found.append(current)
                current = None
        elif current is not None and depth[-1] == "VEVENT":
            current[name_params] = value
    assert depth == []
    return found


def test_by_default_each_event_is_on_the_planned_dates_with_the_latest_beside(plan, tmp_path):
    """Issue 19, item 8: the calendar file follows the plan (its planned dates, as the JSON
    gives them), titled so, with the latest dates in the description; the UIDs are those of
    the latest dates' events, so a calendar that imported either moves the events."""
    found = events(export(plan, tmp_path / "plan.ics", "--starts"))
    latest = events(export(plan, tmp_path / "senest.ics", "--starts", "--dates", "latest"))
    assert set(found) == set(latest)
    by_id = {a["id"]: a for a in document(plan)["activities"]}
    moved = 0
    for uid, event in found.items():
        activity_id, kind = kind_of(uid)
        if kind == "opening":
            continue
        record = by_id[activity_id]
        field = "planned_start" if kind == "start" else "planned_finish"
        assert day(event) == dt.date.fromisoformat(record[field]), uid
        moved += day(event) != day(latest[uid])
        if kind != "milestone":
            label = {"start": "Planlagt start", "deadline": "Planlagt ferdig"}[kind]
            assert str(event["SUMMARY"]).startswith(f"{label} (kritisk): " if record["critical"] else f"{label}: ")
            start, finish = (dt.date.fromisoformat(record[k]).strftime("%d.%m.%Y")
                             for k in ("latest_start", "latest_finish"))
            assert f"Start senest {start}, ferdig senest {finish}." in str(event["DESCRIPTION"]), uid
    # 1.1, agreeing the opening criteria, is planned at once (10.12.2018), due by 23.12.2019 at the latest.
    first = found[next(uid for uid in found if kind_of(uid) == ("1.1", "start"))]
    assert day(first) == dt.date(2018, 12, 10) and moved > 10


def test_one_event_per_open_deadline_and_milestone_and_the_opening_on_the_schedules_dates(plan, tmp_path):
    calendar = export(plan, tmp_path / "frister.ics", "--dates", "latest")
    doc = document(plan)
    found = events(calendar)
    expected = {("opening", "opening")} | {
        (a["id"], "milestone" if a["kind"] == "milestone" else "deadline") for a in open_leaves(doc)}
    assert {kind_of(uid) for uid in found} == expected
    by_id = {a["id"]: a for a in doc["activities"]}
    for uid, event in found.items():
        activity_id, kind = kind_of(uid)
        record = by_id[activity_id]
        assert day(event) == dt.date.fromisoformat(record["latest_finish"]), uid
        assert event.decoded("DTEND") == day(event) + dt.timedelta(days=1)  # all day, one day
        assert isinstance(day(event), dt.date) and not isinstance(day(event), dt.datetime)
    opening = found[next(uid for uid in found if kind_of(uid) == ("opening", "opening"))]
    assert day(opening) == dt.date.fromisoformat(doc["opening_date"])
    assert str(opening["SUMMARY"]) == "Åpning: NAV Indre Østfold"
    assert "Åpningsdatoen holder" in str(opening["DESCRIPTION"])
    # Done work (2.2, 3.1.x) has no event; the started 4.1 still has its deadline.
    ids = {kind_of(uid)[0] for uid in found}
    assert not ids & {"2.2", "3.1.1", "3.1.5", "3.2.1"} and "4.1" in ids
    assert str(calendar["X-WR-CALNAME"]) == "NAV Indre Østfold"


def test_summaries_descriptions_categories_and_reminders(plan, tmp_path):
    found = events(export(plan, tmp_path / "frister.ics", "--dates", "latest"))
    doc = document(plan)
    roles = {role.id: role for role in load_handbook().roles}
    purposes = {a.id: a.purpose for a in load_handbook().activities}
    for uid, event in found.items():
        activity_id, kind = kind_of(uid)
        alarms = event.walk("VALARM")
        assert len(alarms) == 1 and str(alarms[0]["ACTION"]) == "DISPLAY"
        # Relative to the start of the all-day event: 09:00, 7 days before a deadline, 1 before a milestone.
        fires = dt.datetime.combine(day(event), dt.time()) + alarms[0].decoded("TRIGGER")
        days = 7 if kind == "deadline" else 1
        assert fires == dt.datetime.combine(day(event) - dt.timedelta(days=days), dt.time(9)), uid
        assert str(event["TRANSP"]) == "TRANSPARENT"
        if kind == "opening":
            continue
        record = next(a for a in doc["activities"] if a["id"] == activity_id)
        label = {"deadline": "Frist", "milestone": "Milepæl"}[kind]
        marked = f"{label} (kritisk)" if record["critical"] else label
        assert str(event["SUMMARY"]) == f"{marked}: {activity_id} {record['title']}"
        description = str(event["DESCRIPTION"])
        assert "NAV Indre Østfold" in description and f"Slakk: {record['slack']} arbeidsdager" in description
        if record["role"]:
            role_title = roles[record["role"]].title.nb
            assert f"Ansvarlig: {role_title}" in description
            assert [str(c) for c in event["CATEGORIES"].cats] == [role_title]
        if record["owner"]:
            assert f"Eier: {record['owner']}" in description
        if purposes.get(activity_id):
            assert purposes[activity_id].nb.strip() in description
    assert str(found[next(u for u in found if kind_of(u)[0] == "9.3.2")]["SUMMARY"]).startswith("Frist (kritisk): 9.3.2 ")
    assert "Eier: Anna Lena Gaup" in str(found[next(u for u in found if kind_of(u)[0] == "4.1")]["DESCRIPTION"])


def test_english_and_latest_start_events(plan, tmp_path):
    found = events(export(plan, tmp_path / "deadlines.ics", "--lang", "en", "--starts", "--dates", "latest"))
    doc = document(plan, lang="en")
    starts = {kind_of(uid)[0]: event for uid, event in found.items() if kind_of(uid)[1] == "start"}
    not_started_tasks = {a["id"] for a in open_leaves(doc) if a["kind"] == "task" and a["status"] == "not_started"}
    assert set(starts) == not_started_tasks and "4.1" not in starts  # 4.1 has started already
    for activity_id, event in starts.items():
        record = next(a for a in doc["activities"] if a["id"] == activity_id)
        assert day(event) == dt.date.fromisoformat(record["latest_start"])
        assert str(event["SUMMARY"]).startswith("Start by")
    deadline = next(e for u, e in found.items() if kind_of(u) == ("9.2.1", "deadline"))
    assert str(deadline["SUMMARY"]).startswith("Deadline (critical): 9.2.1 ")
    assert "Responsible: Project manager (NAV office manager)" in str(deadline["DESCRIPTION"])


def test_role_and_owner_filters_give_each_person_their_own_deadlines(plan, tmp_path):
    doc = document(plan)
    by_role = events(export(plan, tmp_path / "leder.ics", "--role", "prosjektleder"))
    by_title = events(export(plan, tmp_path / "leder2.ics", "--role", "NAV-leder"))
    assert set(by_role) == set(by_title)
    expected = {a["id"] for a in open_leaves(doc) if a["role"] == "prosjektleder"}
    assert {kind_of(uid)[0] for uid in by_role} == expected | {"opening"}

    mine = events(export(plan, tmp_path / "anna.ics", "--owner", "Anna Lena Gaup"))
    assert {kind_of(uid)[0] for uid in mine} == {"opening", "4.1", "S1"}

    both = events(export(plan, tmp_path / "both.ics", "--owner", "Kommunens IKT", "--role", "radmann",
                         "--role", "fylkesdirektor"))
    wanted = {a["id"] for a in open_leaves(doc) if a["role"] in {"radmann", "fylkesdirektor"}} | {"M2", "opening"}
    assert {kind_of(uid)[0] for uid in both} == wanted


@pytest.mark.parametrize(("option", "value", "says"), [
    ("--role", "nav-ledr", "ukjent rolle 'nav-ledr'"),
    ("--owner", "Anna Gaup", "mente du 'Anna Lena Gaup'?"),
])
def test_an_unknown_role_or_owner_is_refused_and_nothing_written(plan, tmp_path, option, value, says):
    output = tmp_path / "x.ics"
    result = run_navplan("export", "ics", plan, "-o", output, option, value)
    assert result.exit_code == 2
    assert says in result.stderr and option in result.stderr
    assert not output.exists()


def test_uids_stay_and_dates_move_when_the_plan_changes(plan, tmp_path):
    first_file, second_file = tmp_path / "før.ics", tmp_path / "etter.ics"
    before = events(export(plan, first_file, "--starts", "--dates", "latest"))
    # 7.4 must end by its not-after date, so making it longer pulls everything before it earlier.
    changed = run_navplan("set", "7.4", plan, "--duration", "12w")
    assert changed.exit_code == 0, changed.stderr
    after = events(export(plan, second_file, "--starts", "--dates", "latest"))
    assert set(after) == set(before)
    doc = document(plan)
    by_id = {a["id"]: a for a in doc["activities"]}
    moved = []
    for uid, event in after.items():
        activity_id, kind = kind_of(uid)
        field = "latest_start" if kind == "start" else "latest_finish"
        assert day(event) == dt.date.fromisoformat(by_id[activity_id][field]), uid
        if day(event) != day(before[uid]):
            moved.append(uid)
    assert {kind_of(uid) for uid in moved} >= {("7.4", "start"), ("7.2", "deadline"), ("6.1", "deadline")}
    # The same day gives the same file; a later day a newer version of every event.
    assert export(plan, tmp_path / "igjen.ics", "--starts", "--dates", "latest").to_ical() == Calendar.from_ical(
        second_file.read_bytes()).to_ical()
    assert second_file.read_bytes() == (tmp_path / "igjen.ics").read_bytes()
    later = run_navplan("export", "ics", plan, "-o", tmp_path / "senere.ics", "--as-of", "11.12.2018")
    assert later.exit_code == 0
    newer = events(Calendar.from_ical((tmp_path / "senere.ics").read_bytes()))
    for uid, event in newer.items():
        assert event["SEQUENCE"] > after[uid]["SEQUENCE"]
        assert event.decoded("DTSTAMP") == dt.datetime(2018, 12, 11, tzinfo=dt.UTC)


def test_an_activity_marked_done_leaves_the_calendar(plan, tmp_path):
    before = events(export(plan, tmp_path / "før.ics"))
    assert any(kind_of(uid)[0] == "6.1" for uid in before)
    assert run_navplan("done", "6.1", plan, "--on", AS_OF).exit_code == 0
    after = events(export(plan, tmp_path / "etter.ics"))
    assert not any(kind_of(uid)[0] == "6.1" for uid in after)


def test_the_file_is_plain_rfc5545_and_hostile_text_round_trips(plan, tmp_path):
    with plan.open("a", encoding="utf-8") as stream:
        stream.write(f"""\
  - id: "L1"
    title: {json.dumps(HOSTILE_TITLE)}
    parent: "4"
    duration: 5d
    after: ["4.1"]
    owner: {json.dumps(HOSTILE_OWNER)}
""")
    output = tmp_path / "frister.ics"
    export(plan, output, "--dates", "latest")
    data = output.read_bytes()
    lines = raw_lines(data)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    assert "X-WR-CALNAME:NAV Indre Østfold" in lines
    plain = plain_events(data)
    assert len(plain) == len(events(Calendar.from_ical(data)))
    for event in plain:
        for required in ("UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY", "SEQUENCE"):
            assert required in event, f"{required} in {event.get('UID')}"
        assert event["DTSTAMP"] == "20181210T000000Z"
    hostile = next(e for e in plain if "-L1-deadline@" in e["UID"])
    assert unescape(hostile["SUMMARY"]) == f"Frist: L1 {HOSTILE_TITLE}"
    assert r"\, møte\; avtale: neste linje \\ slutt" in hostile["SUMMARY"]
    assert f"Eier: {HOSTILE_OWNER}\n" in unescape(hostile["DESCRIPTION"])
    parsed = next(e for u, e in events(Calendar.from_ical(data)).items() if kind_of(u) == ("L1", "deadline"))
    assert str(parsed["SUMMARY"]) == f"Frist: L1 {HOSTILE_TITLE}"
    assert f"Eier: {HOSTILE_OWNER}" in str(parsed["DESCRIPTION"])
