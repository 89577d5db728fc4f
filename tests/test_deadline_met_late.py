"""A deadline met late stays in the record (issue 17, item 2): once the real
date is recorded, past its not-after date, critical-path (table and JSON),
the workbook, the report and diff say by how much it was late.

The calendar is tests/gitplans.py's: Monday 07.01.2030 is point 0, no
holidays before the opening. A (10d) must be done by Friday 18.01.2030 and is
recorded done on Wednesday 23.01.2030: 21, 22 and 23.01 are 3 working days
after the date.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl

from conftest import run_navplan
from gitplans import block, commit_plan, new_repository, no_repository_above, plan_text  # noqa: F401

TODAY = dt.date(2030, 1, 28)
AS_OF = "28.01.2030"
PLAN = plan_text(block("A", "Arbeid", "10d", not_after="2030-01-18") + block("B", "Bygging", "5d", after="[A]"))
LINE_NB = "A Arbeid: ferdig 3 arbeidsdager etter fristen 18.01.2030 (ferdig 23.01.2030)."
LINE_EN = "A Arbeid: finished 3 working days after its deadline 2030-01-18 (finished 2030-01-23)."


def recorded_late(tmp_path: Path) -> Path:
    folder = new_repository(tmp_path / "kontor")
    commit_plan(folder, PLAN, "The plan before A was done", date="2030-01-14")
    done = run_navplan("done", "A", folder, "--on", "23.01.2030", today=TODAY)
    assert done.exit_code == 0, done.stderr
    return folder


def test_critical_path_keeps_a_deadline_met_late(tmp_path: Path) -> None:
    folder = recorded_late(tmp_path)
    table = run_navplan("critical-path", folder, "--as-of", AS_OF, today=TODAY)
    assert table.exit_code == 0 and LINE_NB in table.stdout
    assert LINE_EN in run_navplan("critical-path", folder, "--as-of", AS_OF, "--lang", "en", today=TODAY).stdout
    document = json.loads(run_navplan("critical-path", folder, "--as-of", AS_OF, "--format", "json",
                                      today=TODAY).stdout)
    assert document["finished_late"] == [{"id": "A", "date": "2030-01-18", "finished": "2030-01-23",
                                          "late_working_days": 3}]
    assert document["missed_dates"] == [] and document["deadlines"] == []  # nothing open is late
    # --check fails on what can still be saved, not on what is history.
    assert run_navplan("critical-path", folder, "--as-of", AS_OF, "--check", today=TODAY).exit_code == 0


def test_the_workbook_the_report_and_diff_keep_a_deadline_met_late(tmp_path: Path) -> None:
    folder = recorded_late(tmp_path)
    workbook = tmp_path / "plan.xlsx"
    assert run_navplan("export", "xlsx", folder, "-o", workbook, "--as-of", AS_OF, today=TODAY).exit_code == 0
    cells = [cell.value for sheet in openpyxl.load_workbook(workbook).worksheets
             for row in sheet.iter_rows() for cell in row]
    assert LINE_NB in cells
    report = tmp_path / "report.md"
    assert run_navplan("report", folder, "-o", report, "--as-of", AS_OF, today=TODAY).exit_code == 0
    assert report.read_text(encoding="utf-8").count(LINE_NB) >= 1
    diff = run_navplan("diff", folder, "--as-of", AS_OF, today=TODAY)
    assert diff.exit_code == 0 and LINE_NB in diff.stdout, diff.stdout


def test_the_python_api_keeps_a_deadline_met_late(tmp_path: Path) -> None:
    import navplan

    s = navplan.schedule(recorded_late(tmp_path), as_of=dt.date(2030, 1, 28))
    assert [(late.id, late.date, late.finished, late.working_days) for late in s.finished_late] == [
        ("A", dt.date(2030, 1, 18), dt.date(2030, 1, 23), 3)]
