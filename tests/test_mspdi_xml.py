"""navplan export mspdi, read with the standard library: the schema's element
order, the numbering, the raw values of links, durations and constraints, the
calendar's exceptions, and the command's file handling. tests/test_mspdi.py
reads the same files with MPXJ."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_navplan
from cpm_builders import TEMPLATE, day, handbook, milestone, run, summary, task
from navplan.plan.plan_model import Plan
from navplan.plan.project import build_project, load_project
from navplan.render.mspdi import mspdi_bytes
from navplan.render.mspdi_links import TaskLink, task_links

NS = {"p": "http://schemas.microsoft.com/project"}

# The sequences of the MSPDI schema, as MPXJ's JAXB bindings of Microsoft's
# schema (Project 2010 and later) declare them; for the elements navplan writes
# they agree with Microsoft's published schema for Project 2007 (mspdi_pj12.xsd).
SCHEMA = {
    "Project": [
        "SaveVersion", "UID", "Name", "GUID", "Title", "Subject", "Category", "Company", "Manager", "Author",
        "CreationDate", "Revision", "LastSaved", "ScheduleFromStart", "StartDate", "FinishDate", "FYStartDate",
        "CriticalSlackLimit", "CurrencyDigits", "CurrencySymbol", "CurrencyCode", "CurrencySymbolPosition",
        "CalendarUID", "DefaultStartTime", "DefaultFinishTime", "MinutesPerDay", "MinutesPerWeek", "DaysPerMonth",
        "DefaultTaskType", "DefaultFixedCostAccrual", "DefaultStandardRate", "DefaultOvertimeRate", "DurationFormat",
        "WorkFormat", "EditableActualCosts", "HonorConstraints", "EarnedValueMethod", "InsertedProjectsLikeSummary",
        "MultipleCriticalPaths", "NewTasksEffortDriven", "NewTasksEstimated", "SplitsInProgressTasks",
        "SpreadActualCost", "SpreadPercentComplete", "TaskUpdatesResource", "FiscalYearStart", "WeekStartDay",
        "MoveCompletedEndsBack", "MoveRemainingStartsBack", "MoveRemainingStartsForward", "MoveCompletedEndsForward",
        "BaselineForEarnedValue", "AutoAddNewResourcesAndTasks", "StatusDate", "CurrentDate",
        "MicrosoftProjectServerURL", "Autolink", "NewTaskStartDate", "NewTasksAreManual", "DefaultTaskEVMethod",
        "ProjectExternallyEdited", "ExtendedCreationDate", "ActualsInSync", "RemoveFileProperties", "AdminProject",
        "BaselineCalendar", "UpdateManuallyScheduledTasksWhenEditingLinks",
        "KeepTaskOnNearestWorkingTimeWhenMadeAutoScheduled", "OutlineCodes", "WBSMasks", "ExtendedAttributes",
        "Calendars", "Tasks", "Resources", "Assignments"],
    "Task": [
        "UID", "GUID", "ID", "Name", "Active", "Manual", "Type", "IsNull", "CreateDate", "Contact", "WBS", "WBSLevel",
        "OutlineNumber", "OutlineLevel", "Priority", "Start", "Finish", "Duration", "DurationFormat", "Work", "Stop",
        "Resume", "ResumeValid", "EffortDriven", "Recurring", "OverAllocated", "Estimated", "Milestone", "Summary",
        "DisplayAsSummary", "Critical", "IsSubproject", "IsSubprojectReadOnly", "SubprojectName", "ExternalTask",
        "ExternalTaskProject", "EarlyStart", "EarlyFinish", "LateStart", "LateFinish", "StartVariance",
        "FinishVariance", "WorkVariance", "FreeSlack", "TotalSlack", "StartSlack", "FinishSlack", "FixedCost",
        "FixedCostAccrual", "PercentComplete", "PercentWorkComplete", "Cost", "OvertimeCost", "OvertimeWork",
        "ActualStart", "ActualFinish", "ActualDuration", "ActualCost", "ActualOvertimeCost", "ActualWork",
        "ActualOvertimeWork", "RegularWork", "RemainingDuration", "RemainingCost", "RemainingWork",
        "RemainingOvertimeCost", "RemainingOvertimeWork", "ACWP", "CV", "ConstraintType", "CalendarUID",
        "ConstraintDate", "Deadline", "LevelAssignments", "LevelingCanSplit", "LevelingDelay", "LevelingDelayFormat",
        "PreLeveledStart", "PreLeveledFinish", "Hyperlink", "HyperlinkAddress", "HyperlinkSubAddress",
        "IgnoreResourceCalendar", "Notes", "HideBar", "Rollup", "BCWS", "BCWP", "PhysicalPercentComplete",
        "EarnedValueMethod", "PredecessorLink", "ActualWorkProtected", "ActualOvertimeWorkProtected",
        "ExtendedAttribute", "Baseline", "OutlineCode", "IsPublished", "StatusManager", "CommitmentStart",
        "CommitmentFinish", "CommitmentType", "StartText", "FinishText", "DurationText", "ManualStart", "ManualFinish",
        "ManualDuration", "TimephasedData", "Project"],
    "PredecessorLink": ["PredecessorUID", "Type", "CrossProject", "CrossProjectName", "LinkLag", "LagFormat"],
    "Calendar": ["UID", "GUID", "Name", "IsBaseCalendar", "IsBaselineCalendar", "BaseCalendarUID", "WeekDays",
                 "Exceptions", "WorkWeeks"],
    "WeekDay": ["DayType", "DayWorking", "TimePeriod", "WorkingTimes"],
    "WorkingTime": ["FromTime", "ToTime"],
    "Exception": ["EnteredByOccurrences", "TimePeriod", "Occurrences", "Name", "Type", "Period", "DaysOfWeek",
                  "MonthItem", "MonthPosition", "Month", "MonthDay", "DayWorking", "WorkingTimes"],
    "TimePeriod": ["FromDate", "ToDate"],
}
#: Elements that may repeat where they stand.
REPEATED = {"PredecessorLink", "WeekDay", "WorkingTime", "Exception", "Task", "Calendar"}

EXAMPLE_RUNS = [("indre-ostfold", "10.12.2018"), ("lillehammer-gausdal", "01.06.2016"), ("nytt-kontor", "04.01.2027")]


def local(element: ET.Element) -> str:
    return element.tag.split("}")[1]


def export(tmp_path: Path, example: str, as_of: str, *extra: str) -> ET.Element:
    target = tmp_path / f"{example}.xml"
    result = run_navplan("export", "mspdi", EXAMPLES / example, "-o", target, "--as-of", as_of, *extra)
    assert result.exit_code == 0, result.stderr
    return ET.parse(target).getroot()


def values(task: ET.Element) -> dict[str, str]:
    return {local(child): child.text for child in task if len(child) == 0}


@pytest.mark.parametrize(("example", "as_of"), EXAMPLE_RUNS)
def test_every_element_comes_in_the_schema_order(tmp_path: Path, example: str, as_of: str) -> None:
    root = export(tmp_path, example, as_of)
    checked = 0
    for element in root.iter():
        if local(element) not in SCHEMA or len(element) == 0:
            continue
        order = SCHEMA[local(element)]
        names = [local(child) for child in element]
        assert all(name in order for name in names), f"{local(element)}: unknown {set(names) - set(order)}"
        positions = [order.index(name) for name in names]
        assert positions == sorted(positions), f"{local(element)} out of order: {names}"
        repeated = [n for n in names if names.count(n) > 1]
        assert set(repeated) <= REPEATED, f"{local(element)} repeats {set(repeated)}"
        checked += 1
    assert checked > 100


@pytest.mark.parametrize(("example", "as_of"), EXAMPLE_RUNS)
def test_tasks_are_numbered_in_outline_order(tmp_path: Path, example: str, as_of: str) -> None:
    root = export(tmp_path, example, as_of)
    tasks = [values(t) for t in root.find("p:Tasks", NS)]
    project = load_project(EXAMPLES / example)
    live = list(project.active())
    assert [t["Name"] for t in tasks] == [a.title.nb for a in live]
    assert [int(t["UID"]) for t in tasks] == list(range(1, len(live) + 1))
    assert [t["ID"] for t in tasks] == [t["UID"] for t in tasks]
    numbers = {}
    for task_values, activity in zip(tasks, live, strict=True):
        number = task_values["OutlineNumber"]
        assert int(task_values["OutlineLevel"]) == number.count(".") + 1
        numbers[activity.id] = number
        if activity.parent is None:
            assert "." not in number  # main activities on level 1
        else:
            assert number.rsplit(".", 1)[0] == numbers[activity.parent]
        assert task_values["Summary"] == str(int(activity.is_summary))
        assert task_values["Milestone"] == str(int(activity.is_milestone))
    dropped = [a.title.nb for a in project.activities.values() if a.dropped]
    assert not set(dropped) & {t["Name"] for t in tasks}


def test_the_project_is_scheduled_from_the_opening(tmp_path: Path) -> None:
    project = values(export(tmp_path, "indre-ostfold", "10.12.2018"))
    # Opening 01.01.2020 is a holiday and 24.-31.12 the Christmas closure: everything before the
    # opening ends 23.12.2019; the move after it (9.2.6, 1w from Thu 02.01.2020: 2, 3, 6, 7, 8
    # January) is the project's last work, so the file's finish is 08.01.2020.
    assert project["ScheduleFromStart"] == "0"
    assert project["FinishDate"] == "2020-01-08T17:00:00"
    assert project["StartDate"] == "2018-01-08T08:00:00"  # 3.1.1's actual start
    assert (project["MinutesPerDay"], project["MinutesPerWeek"], project["DaysPerMonth"]) == ("480", "2400", "20")
    assert project["Name"] == project["Title"] == "NAV Indre Østfold"


def small_plan():
    activities = [
        summary("S"), task("A", "2w", parent="S"), task("B", "5d", after=[("A", "SS", "2d")], parent="S"),
        task("C", "3d", after=[("B", "FF", "1w")], parent="S"), task("D", "4d", after=[("C", "FS", "10d")]),
        milestone("M", after=["D"]), task("E", "2m", after=["M"]),
        milestone("F", after=["A"]), task("G", "3d", after=["A"]),
    ]
    plan_activities = [{"id": "F", "fixed": "03.03.2025"}, {"id": "G", "not_after": "30.04.2025"}]
    return run(activities, day("02.06.2025"), day("02.01.2025"), plan_activities=plan_activities)


def small_tasks() -> dict[str, ET.Element]:
    root = ET.fromstring(mspdi_bytes(small_plan(), "en"))
    return {values(t)["Name"]: t for t in root.find("p:Tasks", NS)}


def links(task_element: ET.Element) -> list[tuple[str, str, str, str]]:
    return [tuple(values(link)[name] for name in ("PredecessorUID", "Type", "LinkLag", "LagFormat"))
            for link in task_element.findall("p:PredecessorLink", NS)]


def test_links_carry_type_and_lag_in_tenths_of_a_minute() -> None:
    tasks = small_tasks()
    uid = {name: values(t)["UID"] for name, t in tasks.items()}
    # Type 0=FF, 1=FS, 3=SS; LagFormat 7 = working days; a working day is 4800 tenths of a minute.
    assert links(tasks["B"]) == [(uid["A"], "3", "9600", "7")]
    assert links(tasks["C"]) == [(uid["B"], "0", "24000", "7")]
    assert links(tasks["D"]) == [(uid["C"], "1", "48000", "7")]
    assert links(tasks["A"]) == [] and links(tasks["S"]) == []


def test_durations_dates_and_constraints() -> None:
    result = small_plan()
    tasks = {name: values(t) for name, t in small_tasks().items()}
    assert tasks["A"]["Duration"] == "PT80H0M0S" and tasks["A"]["DurationFormat"] == "7"
    e = result.activities["E"]
    # Two months are written as the working days they span in the planned schedule (the task's
    # Start and Finish), which differ from those they span in the latest (LateStart, LateFinish).
    assert e.planned_finish - e.planned_start != e.latest_finish - e.latest_start
    assert tasks["E"]["Duration"] == f"PT{(e.planned_finish - e.planned_start) * 8}H0M0S"
    assert tasks["E"]["Start"] == f"{e.dates['planned_start'].isoformat()}T08:00:00"
    assert tasks["E"]["Finish"] == f"{e.dates['planned_finish'].isoformat()}T17:00:00"
    assert tasks["E"]["LateStart"] == f"{e.dates['latest_start'].isoformat()}T08:00:00"
    assert tasks["E"]["LateFinish"] == f"{e.dates['latest_finish'].isoformat()}T17:00:00"
    assert tasks["M"]["Duration"] == "PT0H0M0S" and tasks["M"]["Start"] == tasks["M"]["Finish"]
    assert tasks["M"]["Finish"].endswith("T17:00:00")
    # A fixed milestone is a one-day meeting on its date, and must start on it.
    assert (tasks["F"]["Start"], tasks["F"]["Finish"]) == ("2025-03-03T08:00:00", "2025-03-03T17:00:00")
    assert (tasks["F"]["Milestone"], tasks["F"]["ConstraintType"]) == ("1", "2")
    assert tasks["F"]["ConstraintDate"] == "2025-03-03T08:00:00"
    assert (tasks["G"]["ConstraintType"], tasks["G"]["ConstraintDate"]) == ("7", "2025-04-30T17:00:00")
    assert tasks["D"]["ConstraintType"] == "1" and "ConstraintDate" not in tasks["D"]
    slack = result.activities["D"].slack
    assert tasks["D"]["TotalSlack"] == str(slack * 4800)


def test_a_link_from_a_dropped_activity_is_drawn_from_the_live_ones_before_it() -> None:
    activities = [task("X", "5d"), task("Y", "2d"), task("D", "3d", after=[("X", "SS", "2d"), "Y"]),
                  task("S", "4d", after=[("D", "FS", "3d"), ("Y", "FS", "1d")])]
    plan = Plan(office="NAV Test", opening=day("02.06.2025"), drop=["D"])
    project = build_project(plan, handbook=handbook(activities), template=TEMPLATE)
    found = task_links(project).links
    # D is zero-length once dropped: X's start + 2 + 3 binds S's start (SS 5), and Y's
    # finish + 0 + 3 binds it (FS 3), which is more than S's own link from Y (FS 1):
    # MS Project holds one link between two tasks, so the one that binds stays.
    assert set(found["S"]) == {TaskLink("X", "SS", 5), TaskLink("Y", "FS", 3)}
    assert "D" not in found


def test_a_finish_to_finish_link_into_a_summary_binds_its_tasks() -> None:
    activities = [task("Z", "1d"), summary("P", after=[("Z", "FF", "1d")]), task("P1", "2d", parent="P"),
                  milestone("P2", parent="P")]
    plan = Plan(office="NAV Test", opening=day("02.06.2025"))
    found = task_links(build_project(plan, handbook=handbook(activities), template=TEMPLATE)).links
    assert found["P"] == []
    assert found["P1"] == found["P2"] == [TaskLink("Z", "FF", 1)]


def test_the_examples_dropped_premises_are_bridged() -> None:
    # Lillehammer-Gausdal drops 9.2 and 9.3 (premises, ICT); 9.2.1 followed 3.1.1 and
    # 9.2.2-9.2.4 followed in a plain chain, so 9.1's link from 9.2.4 becomes one from 3.1.1.
    found = task_links(load_project(EXAMPLES / "lillehammer-gausdal")).links
    assert found["9.1"] == [TaskLink("3.1.1", "FS", 0)]


def test_the_calendar_names_each_closed_run(tmp_path: Path) -> None:
    calendar = export(tmp_path, "indre-ostfold", "10.12.2018").find("p:Calendars/p:Calendar", NS)
    assert values(calendar)["Name"] == "navplan: Norge"
    week = [values(d) for d in calendar.find("p:WeekDays", NS)]
    assert [d["DayWorking"] for d in week] == ["0", "1", "1", "1", "1", "1", "0"]  # Sunday first
    runs = []
    for exception in calendar.find("p:Exceptions", NS):
        period = values(exception.find("p:TimePeriod", NS))
        runs.append((period["FromDate"][:10], period["ToDate"][:10], values(exception)["Name"]))
    assert ("2019-05-17", "2019-05-17", "grunnlovsdag") in runs
    assert ("2019-04-18", "2019-04-18", "skjærtorsdag") in runs
    assert ("2019-07-08", "2019-07-26", "fellesferie") in runs  # weeks 28-30, one exception
    # The Christmas closure around the holidays: 24.12, then 27.-31.12 across the weekend.
    assert [r for r in runs if "2018-12-24" <= r[0] <= "2018-12-31"] == [
        ("2018-12-24", "2018-12-24", "juleferie"), ("2018-12-25", "2018-12-25", "første juledag"),
        ("2018-12-26", "2018-12-26", "andre juledag"), ("2018-12-27", "2018-12-31", "juleferie")]
    starts = [dt.date.fromisoformat(r[0]) for r in runs]
    assert starts == sorted(starts) and all(r[0] <= r[1] for r in runs)
    assert min(starts).year == 2017 and max(starts).year == 2021  # a year either side of 2018-2020


def test_english_names_with_lang_en(tmp_path: Path) -> None:
    root = export(tmp_path, "nytt-kontor", "04.01.2027", "--lang", "en")
    names = [values(t)["Name"] for t in root.find("p:Tasks", NS)]
    assert names[-1] == load_project(EXAMPLES / "nytt-kontor").activities["opening"].title.en
    exceptions = [values(e)["Name"] for e in root.iter(f"{{{NS['p']}}}Exception")]
    assert "Constitution Day" in exceptions
    assert values(root.find("p:Calendars/p:Calendar", NS))["Name"] == "navplan: Norway"


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "plan.xml"
    target.write_text("keep", encoding="utf-8")
    refused = run_navplan("export", "mspdi", EXAMPLES / "nytt-kontor", "-o", target, "--as-of", "04.01.2027")
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "keep"
    written = run_navplan("export", "mspdi", EXAMPLES / "nytt-kontor", "-o", target, "--as-of", "04.01.2027",
                          "--force")
    assert written.exit_code == 0 and written.stdout == ""
    assert "Skrev" in written.stderr and "NAV Fjordby" in written.stderr
    assert target.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')
