"""The baseline (navplan.features.baseline): `navplan baseline` records the planned dates in the
plan file, and every output measures the plan against it.

The small plans of tests/gitplans.py: the handbook's chapters dropped, as of Monday 07.01.2030
(point 0), opening Monday 04.03.2030 (point 40), no holiday between them, so every date below is
counted by hand. L1 (10 days) then L2 (10 days) then the milestone M1: L1 07.01-18.01, L2
21.01-01.02, M1 on Friday 01.02.2030 (its finish point 20); 20 working days to spare."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import run_navplan
from gitplans import AS_OF, block, commit_plan, git, new_repository, no_repository_above, plan_text  # noqa: F401

D = dt.date
CHAIN = (block("L1", "Lokaler", "10d") + block("L2", "Opplæring", "10d") + "    after: [L1]\n"
         + block("M1", "Klart", "0d") + "    after: [L2]\n")
BLOCK = """\

# Grunnlinjen: datoene styringsgruppen godkjente (navplan baseline). Erstatt den med
# navplan baseline --force; endre den ikke for hånd.
baseline:
  recorded: 2030-01-07
  opening: 2030-03-04
  activities:
    "L1": {start: 2030-01-07, finish: 2030-01-18}
    "L2": {start: 2030-01-21, finish: 2030-02-01}
    "M1": {start: 2030-02-01, finish: 2030-02-01}
"""


def _plan(folder: Path, text: str = plan_text(CHAIN)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "navplan.yaml").write_text(text, encoding="utf-8")
    return folder


def _json(plan: Path, *args: str) -> dict:
    run = run_navplan("critical-path", plan, "--as-of", AS_OF, "-f", "json", *args)
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


def test_planned_dates_is_the_one_stand_in_for_the_plan(tmp_path: Path) -> None:
    """The one function that says what the plan is: each task's and milestone's (start, finish),
    first and last working day, by id in outline order; no summary, no opening. Every activity as
    soon as possible: L1 07.01-18.01, L2 21.01-01.02, M1 01.02 (hand-counted)."""
    from navplan.engine.schedule import schedule
    from navplan.features.baseline import planned_dates
    from navplan.plan.project import load_project

    plan = _plan(tmp_path / "kontor")
    dates = planned_dates(schedule(load_project(plan / "navplan.yaml"), D(2030, 1, 7)))
    assert list(dates.items()) == [("L1", (D(2030, 1, 7), D(2030, 1, 18))),
                                   ("L2", (D(2030, 1, 21), D(2030, 2, 1))),
                                   ("M1", (D(2030, 2, 1), D(2030, 2, 1)))]


def test_the_baseline_records_the_planned_dates_not_the_earliest(tmp_path: Path) -> None:
    """L2 as late as possible: the last working day before the opening (Monday 04.03.2030) is
    Friday 01.03.2030, so L2 is planned over the ten working days 18.02-01.03 and M1, as soon as
    L2 allows, on 01.03; L1 stays 07.01-18.01 (hand-counted). The baseline records these, not
    the earliest dates 21.01-01.02 (the forecast stood in for the plan before issue 19's dates)."""
    chain = (block("L1", "Lokaler", "10d") + block("L2", "Opplæring", "10d", schedule="alap") + "    after: [L1]\n"
             + block("M1", "Klart", "0d") + "    after: [L2]\n")
    plan = _plan(tmp_path / "kontor", plan_text(chain))
    run = run_navplan("baseline", plan, "--as-of", AS_OF)
    assert run.exit_code == 0, run.stderr
    written = (plan / "navplan.yaml").read_text(encoding="utf-8")
    assert '"L1": {start: 2030-01-07, finish: 2030-01-18}' in written
    assert '"L2": {start: 2030-02-18, finish: 2030-03-01}' in written
    assert '"M1": {start: 2030-03-01, finish: 2030-03-01}' in written


def test_baseline_appends_only_its_own_lines_and_refuses_to_replace_without_force(tmp_path: Path) -> None:
    plan = _plan(tmp_path / "kontor")
    before = (plan / "navplan.yaml").read_bytes()
    run = run_navplan("baseline", plan, "--as-of", AS_OF)
    assert run.exit_code == 0, run.stderr
    assert "grunnlinjen per 07.01.2030 er lagret, 3 aktiviteter, åpning 04.03.2030." in run.stderr
    after = (plan / "navplan.yaml").read_bytes()
    assert after == before + BLOCK.encode("utf-8")  # every line it had keeps its bytes
    # Again: the baseline is there, and nothing is written without --force.
    again = run_navplan("baseline", plan, "--as-of", "14.01.2030")
    assert again.exit_code == 2
    assert "navplan.yaml" in again.stderr and "baseline" in again.stderr
    assert "planen har alt en grunnlinje, fra 07.01.2030 (3 aktiviteter)" in again.stderr
    assert "navplan baseline --force" in again.stderr
    assert (plan / "navplan.yaml").read_bytes() == after


def test_force_replaces_the_block_where_it_stands_and_says_what_it_replaced(tmp_path: Path) -> None:
    """Recorded a week later, as of 14.01 with nothing done, every date is 5 working days later;
    a line after the block (written by hand) keeps its place and its bytes, CRLF endings too."""
    plan = _plan(tmp_path / "kontor")
    assert run_navplan("baseline", plan, "--as-of", AS_OF).exit_code == 0
    text = (plan / "navplan.yaml").read_text(encoding="utf-8") + "# Sist endret av prosjektlederen.\n"
    (plan / "navplan.yaml").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    run = run_navplan("baseline", plan, "--as-of", "14.01.2030", "--force")
    assert run.exit_code == 0, run.stderr
    assert ("Den erstatter grunnlinjen fra 07.01.2030 (åpning 04.03.2030): 3 aktiviteter med nye datoer; "
            "lagt til: 0, tatt ut: 0.") in run.stderr
    new = BLOCK.replace("2030-01-07", "2030-01-14").replace(
        "{start: 2030-01-14, finish: 2030-01-18}", "{start: 2030-01-14, finish: 2030-01-25}").replace(
        "{start: 2030-01-21, finish: 2030-02-01}", "{start: 2030-01-28, finish: 2030-02-08}").replace(
        "{start: 2030-02-01, finish: 2030-02-01}", "{start: 2030-02-08, finish: 2030-02-08}")
    expected = plan_text(CHAIN) + new + "# Sist endret av prosjektlederen.\n"
    assert (plan / "navplan.yaml").read_bytes() == expected.replace("\n", "\r\n").encode("utf-8")


def test_the_variance_in_working_days_in_the_json_and_the_table(tmp_path: Path) -> None:
    """L1 lengthened from 10 to 15 days after the baseline: L1 finishes 25.01 (+5), L2 08.02 (+5),
    M1 08.02 (+5); the opening still holds (15 to spare), so its variance is 0."""
    plan = _plan(tmp_path / "kontor")
    assert run_navplan("baseline", plan, "--as-of", AS_OF).exit_code == 0
    assert run_navplan("set", "L1", plan, "--duration", "15d").exit_code == 0
    document = _json(plan)
    rows = {a["id"]: (a["baseline_start"], a["baseline_finish"], a["variance"]) for a in document["activities"]}
    assert rows == {"L1": ("2030-01-07", "2030-01-18", 5), "L2": ("2030-01-21", "2030-02-01", 5),
                    "M1": ("2030-02-01", "2030-02-01", 5), "opening": (None, None, None)}
    assert document["baseline"] == {"recorded": "2030-01-07", "opening": "2030-03-04", "opening_now": "2030-03-04",
                                    "opening_variance": 0, "activities": 3, "late": ["L1", "L2", "M1"],
                                    "added": [], "removed": []}
    shown = run_navplan("critical-path", plan, "--as-of", AS_OF, width=200).stdout
    assert "Mot grunnlinjen fra 07.01.2030: åpningen som planlagt; 3 aktiviteter etter planen." in shown
    assert "Mot plan" in shown
    row = next(line for line in shown.splitlines() if line.startswith("L2 "))
    assert row.split()[-3:] == ["+5", "ikke", "startet"]


def test_an_opening_that_slips_is_said_in_weeks_after_the_plan(tmp_path: Path) -> None:
    """L1 lengthened to 45 days: the work ends at point 55, past the opening (point 40) by 15
    working days, three weeks: the office can open 25.03.2030, three weeks after the baseline's."""
    plan = _plan(tmp_path / "kontor")
    assert run_navplan("baseline", plan, "--as-of", AS_OF).exit_code == 0
    assert run_navplan("set", "L1", plan, "--duration", "45d").exit_code == 0
    document = _json(plan)
    assert (document["baseline"]["opening_now"], document["baseline"]["opening_variance"]) == ("2030-03-25", 15)
    shown = run_navplan("critical-path", plan, "--as-of", AS_OF, width=200).stdout
    assert "Mot grunnlinjen fra 07.01.2030: åpningen 3 uker etter planen; 3 aktiviteter etter planen." in shown
    english = run_navplan("critical-path", plan, "--as-of", AS_OF, "--lang", "en", width=200).stdout
    assert "3 weeks" in english


def test_without_a_baseline_the_fields_are_null(tmp_path: Path) -> None:
    document = _json(_plan(tmp_path / "kontor"))
    assert document["baseline"] is None
    assert {(a["baseline_start"], a["baseline_finish"], a["variance"]) for a in document["activities"]} == {
        (None, None, None)}
    assert "grunnlinje" not in run_navplan("critical-path", tmp_path / "kontor", "--as-of", AS_OF).stdout


def test_a_hand_broken_baseline_is_bad_input_naming_the_field(tmp_path: Path) -> None:
    plan = _plan(tmp_path / "kontor", plan_text(CHAIN) + BLOCK.replace("finish: 2030-01-18", "finish: 2029-01-18"))
    run = run_navplan("critical-path", plan, "--as-of", AS_OF)
    assert run.exit_code == 2
    assert "navplan.yaml" in run.stderr and "baseline" in run.stderr and "Traceback" not in run.stderr
    assert "slutt før start" in run.stderr


def test_diff_names_what_moved_against_the_baseline(tmp_path: Path) -> None:
    """Committed with its baseline, then L2 lengthened from 10 to 20 days: against the baseline
    L2 and M1 move from 0 to +10 working days; L1 stays on it and is not named."""
    folder = new_repository(tmp_path / "kontor")
    _plan(folder)
    assert run_navplan("baseline", folder, "--as-of", AS_OF).exit_code == 0
    commit_plan(folder, (folder / "navplan.yaml").read_text(encoding="utf-8"), "grunnlinje", date="2030-01-07")
    assert run_navplan("set", "L2", folder, "--duration", "20d").exit_code == 0
    run = run_navplan("diff", folder, "--as-of", AS_OF, "-f", "json")
    assert run.exit_code == 0, run.stderr
    document = json.loads(run.stdout)
    assert document["baseline_recorded"] == "2030-01-07"
    assert [(m["id"], m["baseline_finish"], m["finish_after"], m["variance_before"], m["variance_after"])
            for m in document["against_baseline"]] == [
        ("L2", "2030-02-01", "2030-02-15", 0, 10), ("M1", "2030-02-01", "2030-02-15", 0, 10)]
    shown = run_navplan("diff", folder, "--as-of", AS_OF, width=200).stdout
    against = shown[shown.index("Mot grunnlinjen fra 07.01.2030"):].splitlines()
    assert "Mot grunnlinjen fra 07.01.2030: åpningen som planlagt; 2 aktiviteter etter planen." in against
    rows = [line.split() for line in against if line.startswith(("L1 ", "L2 ", "M1 "))]
    assert rows == [["L2", "Opplæring", "01.02.2030", "15.02.2030", "0", "→", "+10"],
                    ["M1", "Klart", "01.02.2030", "15.02.2030", "0", "→", "+10"]]


def test_the_report_says_the_variance_and_the_gantt_draws_the_baseline(tmp_path: Path) -> None:
    plan = _plan(tmp_path / "kontor")
    assert run_navplan("baseline", plan, "--as-of", AS_OF).exit_code == 0
    assert run_navplan("set", "L1", plan, "--duration", "45d").exit_code == 0
    markdown = tmp_path / "rapport.md"
    assert run_navplan("report", plan, "--as-of", AS_OF, "-o", markdown).exit_code == 0
    text = markdown.read_text(encoding="utf-8")
    assert "Mot grunnlinjen fra 07.01.2030: åpningen 3 uker etter planen; 3 aktiviteter etter planen." in text
    html = tmp_path / "rapport.html"
    assert run_navplan("report", plan, "--as-of", AS_OF, "-o", html).exit_code == 0
    page = html.read_text(encoding="utf-8")
    # One baseline bar per task and milestone, each titled with its baseline dates.
    assert page.count("grunnlinje 07.01.2030–18.01.2030") == 1
    assert page.count("grunnlinje 21.01.2030–01.02.2030") == 1


def test_the_workbook_gives_each_critical_activitys_baseline_and_variance(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    plan = _plan(tmp_path / "kontor")
    assert run_navplan("baseline", plan, "--as-of", AS_OF).exit_code == 0
    assert run_navplan("set", "L1", plan, "--duration", "45d").exit_code == 0
    target = tmp_path / "plan.xlsx"
    assert run_navplan("export", "xlsx", plan, "--as-of", AS_OF, "-o", target).exit_code == 0
    sheet = load_workbook(target)["Kritisk linje"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert any(row[0] == "Mot grunnlinjen fra 07.01.2030: åpningen 3 uker etter planen; 3 aktiviteter etter planen."
               for row in rows)
    header = next(row for row in rows if row[0] == "ID")
    variance, baseline_finish = header.index("Mot plan"), header.index("Grunnlinje ferdig")
    l1 = next(row for row in rows if row[0] == "L1")
    assert (l1[baseline_finish].date(), l1[variance]) == (D(2030, 1, 18), 35)


def test_the_portfolio_gives_the_openings_variance(tmp_path: Path) -> None:
    plan = _plan(tmp_path / "fylke" / "kontor")
    assert run_navplan("baseline", plan, "--as-of", AS_OF).exit_code == 0
    assert run_navplan("set", "L1", plan, "--duration", "45d").exit_code == 0
    run = run_navplan("portfolio", tmp_path / "fylke", "--as-of", AS_OF, "-f", "json", "--samples", "0")
    assert run.exit_code == 0, run.stderr
    (line,) = json.loads(run.stdout)["offices"]
    assert (line["baseline_recorded"], line["baseline_variance"]) == ("2030-01-07", 15)
    shown = run_navplan("portfolio", tmp_path / "fylke", "--as-of", AS_OF, "--samples", "0", width=200).stdout
    assert "3 uker etter planen" in shown


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_baseline_speaks_the_language_asked(tmp_path: Path, lang: str) -> None:
    plan = _plan(tmp_path / "kontor")
    run = run_navplan("baseline", plan, "--as-of", AS_OF, "--lang", lang)
    assert run.exit_code == 0
    said = {"nb": "grunnlinjen per 07.01.2030 er lagret", "nn": "grunnlinja per 07.01.2030",
            "en": "the baseline as of 2030-01-07 is recorded"}[lang]
    assert said in run.stderr


def test_ms_project_reads_the_baseline_in_its_baseline_fields(mpxj, tmp_path: Path) -> None:
    """Read back by MPXJ (independent of navplan): each task's Baseline Start and Finish are the
    baseline's days (08:00 and 17:00), its Baseline Duration in days; the summary-free plan's
    tasks keep their own start and finish beside them."""
    plan = _plan(tmp_path / "kontor")
    assert run_navplan("baseline", plan, "--as-of", AS_OF).exit_code == 0
    assert run_navplan("set", "L1", plan, "--duration", "15d").exit_code == 0
    target = tmp_path / "plan.xml"
    assert run_navplan("export", "mspdi", plan, "--as-of", AS_OF, "-o", target).exit_code == 0
    project = mpxj.reader.UniversalProjectReader().read(str(target))
    found = {}
    for task in project.getTasks():
        name = str(task.getName()) if task.getName() is not None else ""
        start, finish = task.getBaselineStart(), task.getBaselineFinish()
        if start is None:
            continue
        duration = task.getBaselineDuration()
        found[name] = (str(start), str(finish), round(float(duration.getDuration()), 3), str(duration.getUnits()))
    assert found == {"Lokaler": ("2030-01-07T08:00", "2030-01-18T17:00", 10.0, "d"),
                     "Opplæring": ("2030-01-21T08:00", "2030-02-01T17:00", 10.0, "d"),
                     "Klart": ("2030-02-01T17:00", "2030-02-01T17:00", 0.0, "d")}
