"""navplan export mspdi read back by an independent reader: MPXJ (the `mpxj`
package, on the machine's Java through JPype), whose MSPDI reader ProjectLibre
and GanttProject use too. What it sees must be navplan's schedule: the task
tree, every link with its type and lag, each task's dates, milestones,
critical flags and the Norwegian holidays. On a small plain plan MPXJ's own
CPM scheduler must also find navplan's early and late dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from dateutil.easter import easter

from conftest import EXAMPLES, mpxj_schedule, run_navplan
from cpm_builders import day, milestone, run, summary, task
from navplan.engine.schedule import schedule
from navplan.plan.project import load_project
from navplan.render.mspdi import mspdi_bytes

EXAMPLE_RUNS = [("indre-ostfold", "10.12.2018"), ("lillehammer-gausdal", "01.06.2016"), ("nytt-kontor", "04.01.2027")]
#: Links from dropped activities, drawn from the live ones before them (worked out
#: in tests/test_mspdi_xml.py): the dropped premises chains start after 3.1.1.
BRIDGED = {
    "indre-ostfold": set(),
    "lillehammer-gausdal": {("9.1", "3.1.1", "FS", 0), ("1.2", "3.1.1", "FS", 0), ("M4", "3.1.1", "FS", 0)},
    "nytt-kontor": set(),
}
RELATION_TYPES = {"FINISH_START": "FS", "START_START": "SS", "FINISH_FINISH": "FF", "START_FINISH": "SF"}


def read(mpxj, path: Path):
    return mpxj.reader.UniversalProjectReader().read(str(path))


def as_date(value) -> dt.date:
    return dt.date(value.getYear(), value.getMonthValue(), value.getDayOfMonth())


def expected_dates(result, scheduled) -> tuple[dt.date, dt.date]:
    """The dates the file must hold as the task's Start and Finish: navplan's planned dates
    for open work (issue 19: what MS Project shows is the plan), its recorded dates for
    work done, the actual start to the forecast finish for work under way. The opening is
    the end of the last working day before it, as navplan's own note says ("everything
    must finish by ...")."""
    dates = scheduled.dates
    if scheduled.id == result.project.opening_id:
        last = result.calendar.date_of(result.opening_point - 1)
        return last, last
    if scheduled.status.value == "done":
        return dates["earliest_start"], dates["earliest_finish"]
    if scheduled.status.value == "started":
        return dates["earliest_start"], max(dates["earliest_finish"], dates["earliest_start"])
    return dates["planned_start"], dates["planned_finish"]


@pytest.mark.parametrize(("example", "as_of"), EXAMPLE_RUNS)
def test_mpxj_reads_navplans_schedule(mpxj, tmp_path: Path, example: str, as_of: str) -> None:
    target = tmp_path / "plan.xml"
    assert run_navplan("export", "mspdi", EXAMPLES / example, "-o", target, "--as-of", as_of).exit_code == 0
    project = read(mpxj, target)
    plan = load_project(EXAMPLES / example)
    result = schedule(plan, day(as_of))
    tasks = [t for t in project.getTasks() if t.getUniqueID().intValue() != 0]
    assert len(tasks) == len(result.activities)  # no project summary task is written
    by_uid = {t.getUniqueID().intValue(): activity_id for t, activity_id in zip(tasks, result.activities, strict=True)}

    spans = {}
    for mpxj_task, scheduled in zip(tasks, result.activities.values(), strict=True):
        activity = scheduled.activity
        assert str(mpxj_task.getName()) == activity.title.nb
        assert mpxj_task.getOutlineLevel().intValue() == scheduled.level + 1
        assert bool(mpxj_task.getMilestone()) == activity.is_milestone, activity.id
        assert bool(mpxj_task.getSummary()) == activity.is_summary, activity.id
        assert bool(mpxj_task.getCritical()) == scheduled.critical, activity.id
        start, finish = mpxj_task.getStart(), mpxj_task.getFinish()
        assert finish.getHour() == 17 and start.getHour() in (8, 17)
        spans[activity.id] = (as_date(start), as_date(finish))
        if not activity.is_summary:
            assert spans[activity.id] == expected_dates(result, scheduled), activity.id
        if not activity.is_summary and scheduled.status.value != "done" and activity.id != result.project.opening_id:
            # The forecast and the latest dates beside the planned ones (issue 10 §3, issue 19).
            early = (as_date(mpxj_task.getEarlyStart()), as_date(mpxj_task.getEarlyFinish()))
            assert early == (scheduled.dates["earliest_start"], scheduled.dates["earliest_finish"]), activity.id
            late = (as_date(mpxj_task.getLateStart()), as_date(mpxj_task.getLateFinish()))
            assert late == (scheduled.dates["latest_start"], scheduled.dates["latest_finish"]), activity.id
    for scheduled in result.activities.values():
        children = scheduled.activity.children
        if scheduled.activity.is_summary:
            live = [spans[c] for c in children if c in spans]
            assert spans[scheduled.id] == (min(s for s, _ in live), max(f for _, f in live))
            if all(result.activities[c].status.value == "not_started" for c in children if c in spans):
                assert spans[scheduled.id] == (scheduled.dates["planned_start"], scheduled.dates["planned_finish"])

    found = set()
    for mpxj_task in tasks:
        for relation in mpxj_task.getPredecessors():
            lag = relation.getLag()
            assert str(lag.getUnits()) == "d"
            found.add((by_uid[mpxj_task.getUniqueID().intValue()],
                       by_uid[relation.getPredecessorTask().getUniqueID().intValue()],
                       RELATION_TYPES[str(relation.getType().name())], lag.getDuration()))
    planned = {(a.id, link.id, link.type.value, link.lag.working_days) for a in plan.active() for link in a.links
               if not plan.activities[link.id].dropped}
    assert found == planned | BRIDGED[example]

    properties = project.getProjectProperties()
    assert properties.getScheduleFrom() == mpxj.ScheduleFrom.FINISH
    last = max([result.opening_point, *(s.latest_finish for s in result.after_opening)])
    assert as_date(properties.getFinishDate()) == result.calendar.date_of(last - 1)
    calendar = project.getDefaultCalendar()
    closed = {as_date(e.getFromDate()) for e in calendar.getCalendarExceptions()}
    from java.time import LocalDate  # importable once the JVM runs

    for year in range(min(s for s, _ in spans.values()).year, plan.opening_date.year + 1):
        holidays = [dt.date(year, 5, 17), easter(year) - dt.timedelta(days=3), easter(year) - dt.timedelta(days=2),
                    easter(year) + dt.timedelta(days=1)]  # Grunnlovsdag, Skjærtorsdag, Langfredag, 2. påskedag
        for holiday in holidays:
            if holiday.weekday() < 5:
                assert holiday in closed, holiday
            assert not calendar.isWorkingDate(LocalDate.of(holiday.year, holiday.month, holiday.day)), holiday


def small_plan():
    """Plain finish-to-start links and working-day durations: where navplan's
    model and MPXJ's Primavera scheduler agree."""
    activities = [summary("S"), task("A", "5d", parent="S"), task("B", "2w", after=[("A", "FS", "2d")], parent="S"),
                  task("C", "3d", after=["B"], parent="S"), milestone("M", after=["C"], parent="S"),
                  task("D", "4d", after=["A"]), task("E", "1w", after=[("D", "FS", "10d")])]
    return run(activities, day("02.06.2025"), day("02.01.2025"))


def test_mpxj_reads_link_types_and_lags_in_days(mpxj, tmp_path: Path) -> None:
    activities = [task("A", "2w"), task("B", "5d", after=[("A", "SS", "2d")]),
                  task("C", "3d", after=[("B", "FF", "1w")]), task("D", "4d", after=[("C", "FS", "10d")])]
    target = tmp_path / "links.xml"
    target.write_bytes(mspdi_bytes(run(activities, day("02.06.2025"), day("02.01.2025")), "en"))
    tasks = {str(t.getName()): t for t in read(mpxj, target).getTasks()}
    seen = {}
    for name in "BCD":
        (relation,) = tasks[name].getPredecessors()
        seen[name] = (str(relation.getPredecessorTask().getName()), RELATION_TYPES[str(relation.getType().name())],
                      relation.getLag().getDuration(), str(relation.getLag().getUnits()))
    assert seen == {"B": ("A", "SS", 2.0, "d"), "C": ("B", "FF", 5.0, "d"), "D": ("C", "FS", 10.0, "d")}
    assert tasks["A"].getDuration().getDuration() == 10.0


def test_mpxjs_primavera_scheduler_finds_navplans_dates(mpxj, tmp_path: Path) -> None:
    """MPXJ schedules the file itself, back from the opening's finish date:
    its early dates, late dates and total float are navplan's."""
    result = small_plan()
    target = tmp_path / "small.xml"
    target.write_bytes(mspdi_bytes(result, "en"))
    scheduled = mpxj_schedule(mpxj, target, dt.date(2025, 1, 2))
    checked = 0
    for activity_id, (early_start, early_finish, late_start, late_finish, slack) in scheduled.items():
        if activity_id == "opening":
            continue  # the opening has no links in the file: in MS Project the project's finish stands for them
        dates = result.activities[activity_id].dates
        assert (early_start, early_finish) == (dates["earliest_start"], dates["earliest_finish"]), activity_id
        assert (late_start, late_finish) == (dates["latest_start"], dates["latest_finish"]), activity_id
        assert slack == result.activities[activity_id].slack, activity_id
        checked += 1
    assert checked == 6
