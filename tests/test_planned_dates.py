"""Planned dates (issue 19, items 1-3): each activity in its mode, as soon or as late as
possible, and levelled against the plan's capacity when it gives one.

The small plans are tests/gitplans.py's: the handbook's chapters dropped, the opening
Monday 04.03.2030 (point 40), as of Monday 07.01.2030 (point 0); January to March 2030
has no public holiday, so point 5k is the Monday of the k-th week after 07.01.2030 and a
task finishing at point p has p - 1 as its last working day. Every expected date below
is counted by hand from that.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, run_navplan
from gitplans import AS_OF, block, no_repository_above, plan_text  # noqa: F401


def write(folder: Path, activities: str, top: str = "") -> Path:
    """A small plan with ``top`` (YAML lines: capacity:, resources:) before its activities."""
    text = plan_text(activities).replace("activities:\n", top + "activities:\n", 1)
    path = folder / "navplan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def planned(path: Path, *options: str) -> dict:
    result = run_navplan("critical-path", path, "--as-of", AS_OF, "--format", "json", *options)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def dates(document: dict) -> dict[str, tuple[str, str]]:
    return {a["id"]: (a["planned_start"], a["planned_finish"]) for a in document["activities"]}


MODES = (block("A", "A", "10d") + block("B", "B", "5d", after='["A"]', schedule="alap")
         + block("C", "C", "5d", after='["A"]') + block("D", "D", "5d", after='["B"]'))


def test_work_as_late_as_possible_waits_for_its_latest_start_and_the_rest_follows_the_plan(tmp_path: Path) -> None:
    """A: points 0-10 (07.01-18.01). C follows A at once: 10-15 (21.01-25.01). B, as late as
    possible, waits for its latest start: D (5 days) must end by the opening (40), so D starts
    by 35 and B by 30: 30-35 (18.02-22.02); D follows B: 35-40 (25.02-01.03). Without the
    mode B would start at 10, as C does."""
    document = planned(write(tmp_path, MODES))
    assert dates(document) == {
        "A": ("2030-01-07", "2030-01-18"), "B": ("2030-02-18", "2030-02-22"), "C": ("2030-01-21", "2030-01-25"),
        "D": ("2030-02-25", "2030-03-01"), "opening": ("2030-03-04", "2030-03-04")}
    assert {a["id"]: a["schedule"] for a in document["activities"]} == {
        "A": "asap", "B": "alap", "C": "asap", "D": "asap", "opening": "asap"}
    assert document["planned_opening"] == "2030-03-04"
    assert document["levelling"] == {"applied": False, "status": None, "time_limit": None, "opening_pushed": 0,
                                     "pushed_by": None, "resources": []}


def test_a_late_plan_plans_work_as_late_as_possible_when_it_can_start(tmp_path: Path) -> None:
    """A of 33 days ends at 33, past B's latest start (30): B starts when A lets it, 33-38
    (Thursday 21.02 to Wednesday 27.02), D 38-43 (Thursday 28.02 to Wednesday 06.03): the
    opening, 43, is Thursday 07.03.2030, as the forecast has it."""
    late = MODES.replace('duration: 10d', 'duration: 33d', 1)
    document = planned(write(tmp_path, late))
    assert dates(document)["B"] == ("2030-02-21", "2030-02-27")
    assert dates(document)["D"] == ("2030-02-28", "2030-03-06")
    assert document["planned_opening"] == document["forecast_opening"] == "2030-03-07"


def test_work_done_keeps_its_dates_whatever_its_mode(tmp_path: Path) -> None:
    done = MODES.replace('    schedule: alap\n', '    schedule: alap\n    status: done\n'
                         '    actual_start: 2030-01-07\n    actual_finish: 2030-01-11\n', 1)
    assert dates(planned(write(tmp_path, done)))["B"] == ("2030-01-07", "2030-01-11")


def test_a_plan_overrides_the_handbooks_mode(tmp_path: Path) -> None:
    """1.2 (checking the opening criteria) is as late as possible in the handbook data; a
    plan may say asap, and the JSON says which applies."""
    path = tmp_path / "navplan.yaml"
    path.write_text('office: "NAV Test"\nopening: 2028-01-03\nactivities:\n  - id: "1.2"\n    schedule: asap\n',
                    encoding="utf-8")
    modes = {a["id"]: a["schedule"] for a in planned(path, "--as-of", "04.01.2027")["activities"]}
    assert modes["1.2"] == "asap" and modes["9.2.6"] == "alap"


def test_must_start_by_the_plan_still_lists_what_must_start_by_its_latest_date(tmp_path: Path) -> None:
    """A (31 days), then B (5), then C (16): 52 days before an opening 40 days away, 12 late.
    Latest: C by point 24, B by 19 (Friday 01.02.2030, within the four weeks to Sunday
    03.02.2030), A by -12 (overdue). Planned: A from the as-of day, B after it at point 31
    (Tuesday 19.02.2030). "Må starte" lists A (planned now) and B (its latest start is in
    the four weeks, though the plan starts it later), not C (24: Wednesday 06.02)."""
    late = (block("A", "A", "31d") + block("B", "B", "5d", after='["A"]') + block("C", "C", "16d", after='["B"]'))
    document = planned(write(tmp_path, late))
    assert dates(document)["B"][0] == "2030-02-19"
    assert document["planned_to_start"] == ["A", "B"]


def test_the_reports_must_start_keeps_what_must_start_and_the_plans_first_up_to_eight(tmp_path: Path) -> None:
    """Ten 5-day tasks T1-T10 waiting for nothing, all planned on the as-of day (07.01.2030)
    and due to start by point 35 (25.02.2030), and S, a meeting fixed on Tuesday 15.01.2030:
    all eleven start by the plan within four weeks. The report keeps S (its latest start is
    in those weeks) and the plan's first seven others, T1-T7 in outline order, and says
    three more."""
    work = "".join(block(f"T{n}", f"Task {n}", "5d") for n in range(1, 11)) + \
        block("S", "Meeting", milestone="true", fixed="2030-01-15")
    path = write(tmp_path, work)
    assert planned(path)["planned_to_start"] == [f"T{n}" for n in range(1, 11)] + ["S"]
    text = run_report(path, tmp_path / "r.md")
    section = text[text.index("## Må starte"):text.index("## Forsinket")]
    rows = [line.split("|")[1].strip(" *").removeprefix("◆ ") for line in section.splitlines()
            if line.startswith("| ") and "---" not in line]
    assert rows[1:] == [f"T{n}" for n in range(1, 8)] + ["S"] and "… og 3 til." in section


# --- levelled against capacity ------------------------------------------------------------------------------

THREE = block("A", "A", "10d", owner="Kari") + block("B", "B", "5d", owner="Kari") + block("C", "C", "5d", owner="Kari")


def test_one_person_carries_one_activity_at_a_time_and_the_short_ones_come_first(tmp_path: Path) -> None:
    """Kari (capacity 1) owns A (10 days), B and C (5 each), none waiting for another: they
    run one after another. As soon as possible means the least sum of starts: B and C first
    (0 and 5, in either order), A last at 10-20 (21.01-01.02): 15, where A first gives 25."""
    document = planned(write(tmp_path, THREE, "capacity:\n  Kari: 1\n"))
    found = dates(document)
    assert found["A"] == ("2030-01-21", "2030-02-01")
    assert sorted([found["B"], found["C"]]) == [("2030-01-07", "2030-01-11"), ("2030-01-14", "2030-01-18")]
    assert document["levelling"]["applied"] and document["levelling"]["status"] == "optimal"
    assert document["levelling"]["resources"] == [
        {"id": "Kari", "kind": "owner", "title": "Kari", "capacity": 1, "activities": ["A", "B", "C"]}]
    assert document["levelling"]["opening_pushed"] == 0 and document["planned_opening"] == "2030-03-04"


def test_half_loads_share_a_person(tmp_path: Path) -> None:
    """A and B at load 0.5 run together (0-10), C (load 1) after them (10-20): starts 0+0+10,
    where C first would give 0+10+10."""
    shared = (block("A", "A", "10d", owner="Kari", load="0.5") + block("B", "B", "10d", owner="Kari", load="0,5")
              + block("C", "C", "10d", owner="Kari"))
    found = dates(planned(write(tmp_path, shared, "capacity:\n  Kari: 1\n")))
    assert found["A"] == found["B"] == ("2030-01-07", "2030-01-18")
    assert found["C"] == ("2030-01-21", "2030-02-01")


def test_a_role_and_a_person_both_bind(tmp_path: Path) -> None:
    """Kari carries two at once, the rådmann one: A and B (both Kari's, both the rådmann's)
    one after the other, C (Kari's, the NAV leader's) beside the first of them."""
    work = (block("A", "A", "5d", owner="Kari", role="radmann") + block("B", "B", "5d", owner="Kari", role="radmann")
            + block("C", "C", "5d", owner="Kari", role="prosjektleder"))
    found = dates(planned(write(tmp_path, work, "capacity:\n  Kari: 2\n  Rådmann: 1\n")))
    assert sorted([found["A"], found["B"]]) == [("2030-01-07", "2030-01-11"), ("2030-01-14", "2030-01-18")]
    assert found["C"] == ("2030-01-07", "2030-01-11")


def test_an_extra_resource_is_used_by_the_activities_that_name_it(tmp_path: Path) -> None:
    work = block("A", "A", "5d", uses='["koordinator"]') + block("B", "B", "5d", uses="koordinator")
    top = "resources:\n  - id: koordinator\n    title: Prosjektkoordinator\n    capacity: 1\n"
    document = planned(write(tmp_path, work, top))
    found = dates(document)
    assert sorted([found["A"], found["B"]]) == [("2030-01-07", "2030-01-11"), ("2030-01-14", "2030-01-18")]
    assert document["levelling"]["resources"][0]["title"] == "Prosjektkoordinator"


PUSHED = (block("A", "A", "15d", role="prosjektleder") + block("B", "B", "15d", role="prosjektleder")
          + block("C", "C", "15d", role="prosjektleder"))


@pytest.mark.parametrize("key", ["nav-leder", "NAV-leder", "prosjektleder", "NAV manager"])
def test_levelling_that_pushes_the_opening_names_who_is_fully_booked(tmp_path: Path, key: str) -> None:
    """Three tasks of 15 days for a NAV leader who carries one at a time: 45 working days of
    work before an opening 40 days away. The forecast (no capacity) opens on time with 25 to
    spare; the planned opening is point 45, Monday 11.03.2030, five working days past both."""
    path = write(tmp_path, PUSHED, f'capacity:\n  "{key}": 1\n')
    document = planned(path)
    assert document["opening_holds"] and document["slack_to_opening"] == 25
    assert document["planned_opening"] == "2030-03-11"
    assert (document["levelling"]["opening_pushed"], document["levelling"]["pushed_by"]) == (5, "prosjektleder")
    table = run_navplan("critical-path", path, "--as-of", AS_OF)
    assert "Med kapasiteten i planen skyves åpningen 5 arbeidsdager, til 11.03.2030, fordi NAV-leder er fullt " \
           "belagt." in table.stdout.replace("\n", " ")
    english = run_navplan("critical-path", path, "--as-of", AS_OF, "--lang", "en")
    assert "the opening is pushed 5 working days, to 2030-03-11, because NAV manager is fully booked." in \
        english.stdout.replace("\n", " ")


def test_the_calendar_and_the_workload_show_the_planned_opening(tmp_path: Path) -> None:
    path = write(tmp_path, PUSHED, "capacity:\n  nav-leder: 1\n")
    calendar = run_navplan("calendar", path, "--as-of", AS_OF, width=None)
    assert "PLANLAGT ÅPNING 11.03.2030" in calendar.stdout
    workload = json.loads(run_navplan("workload", path, "--as-of", AS_OF, "--format", "json").stdout)
    (leader,) = workload["resources"]
    assert [week["planned"] for week in leader["weeks"]] == [1] * 9 + [0]  # W02-W10 busy, W11 (11.03) free
    assert leader["weeks"][0] == {"week": "2030-W02", "first_day": "2030-01-07", "last_day": "2030-01-13",
                                  "planned": 1, "over": False, "activities": [leader["weeks"][0]["activities"][0]]}


def test_the_workload_as_csv_a_workbook_sheet_and_a_report_section(tmp_path: Path) -> None:
    """PUSHED with a NAV leader for one: the three 15-day tasks run one after another from
    Monday 07.01.2030 (point 0) to point 45, so the leader carries one task in each of ISO
    weeks 2 to 10 (07.01-10.03.2030) and none in week 11 (the planned opening, 11.03)."""
    import csv
    import io

    import openpyxl

    path = write(tmp_path, PUSHED, "capacity:\n  nav-leder: 1\n")
    table = run_navplan("workload", path, "--as-of", AS_OF, "--format", "csv")
    assert table.exit_code == 0, table.stderr
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert [row["period"] for row in rows] == [f"2030-W{week:02d}" for week in range(2, 12)]
    assert [row["planned"] for row in rows] == ["1"] * 9 + ["0"]
    assert {(row["resource"], row["capacity"], row["over"]) for row in rows} == {("prosjektleder", "1", "false")}
    assert (rows[0]["first_day"], rows[-1]["last_day"]) == ("2030-01-07", "2030-03-17")

    book = tmp_path / "plan.xlsx"
    assert run_navplan("export", "xlsx", path, "-o", book, "--as-of", AS_OF).exit_code == 0
    sheet = openpyxl.load_workbook(book)["Arbeidsmengde"]
    values = list(sheet.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(values) if row[0] == "Ressurs")
    assert values[header][:6] == ("Ressurs", "Kapasitet", "Uke", "Fra", "Til", "Samtidig")
    body = values[header + 1:]
    assert [row[2] for row in body] == [f"uke {week}" for week in range(2, 11)]  # the weeks it carries anything
    assert [row[5] for row in body] == [1] * 9 and (body[0][0], body[0][1]) == ("NAV-leder", 1)
    assert any("fordi NAV-leder er fullt belagt" in str(row[0]) for row in values[:header])
    without = tmp_path / "uten.xlsx"
    (tmp_path / "plain").mkdir()
    plain = write(tmp_path / "plain", PUSHED)
    assert run_navplan("export", "xlsx", plain, "-o", without, "--as-of", AS_OF).exit_code == 0
    assert "Arbeidsmengde" not in openpyxl.load_workbook(without).sheetnames

    report = tmp_path / "r.md"
    assert run_navplan("report", path, "--as-of", AS_OF, "-o", report).exit_code == 0
    text = report.read_text(encoding="utf-8")
    section = text[text.index("## Arbeidsmengde"):text.index("## Forsinket")]
    # The weeks "must start" covers, to Sunday 03.02.2030: weeks 2 to 5.
    assert section.count("| NAV-leder | 1 | uke ") == 4 and "| NAV-leder | 1 | uke 5 | 1 |" in section
    assert "fordi NAV-leder er fullt belagt" in section
    assert "## Arbeidsmengde" not in run_report(plain, tmp_path / "uten.md")


def run_report(path: Path, output: Path) -> str:
    assert run_navplan("report", path, "--as-of", AS_OF, "-o", output).exit_code == 0
    return output.read_text(encoding="utf-8")


def test_work_under_way_beyond_a_capacity_shows_as_an_overload_in_red(tmp_path: Path) -> None:
    """Kari (capacity 1) has started A (10 days) and B (5) on 07.01.2030: facts are not
    replanned, so she carries both in week 2 (B to Friday 11.01) and A alone in week 3 (to
    18.01): week 2 is over her capacity, in the JSON and in red in the table."""
    work = (block("A", "A", "10d", owner="Kari", status="started", actual_start="2030-01-07")
            + block("B", "B", "5d", owner="Kari", status="started", actual_start="2030-01-07"))
    path = write(tmp_path, work, "capacity:\n  Kari: 1\n")
    (kari,) = json.loads(run_navplan("workload", path, "--as-of", AS_OF, "--format", "json").stdout)["resources"]
    assert kari["over"] and [(w["week"], w["planned"], w["over"]) for w in kari["weeks"][:3]] == [
        ("2030-W02", 2, True), ("2030-W03", 1, False), ("2030-W04", 0, False)]
    def table(**colour: str) -> str:
        env = {"PATH": "/usr/bin:/bin", "NAVPLAN_CACHE_DIR": str(tmp_path / "cache"), **colour}
        done = subprocess.run([sys.executable, "-m", "navplan", "workload", str(path), "--as-of", AS_OF],
                              capture_output=True, text=True, env=env, cwd=REPO)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "\x1b[1;31m2\x1b[0m" in table(FORCE_COLOR="1")  # week 2's 2, bold red
    assert not re.search(r"\x1b\[[0-9;]*3[0-9]m", table(FORCE_COLOR="1", NO_COLOR="1")), "NO_COLOR removes colour"


def test_the_same_plan_gives_the_same_dates_without_the_cache(tmp_path: Path, monkeypatch) -> None:
    """Deterministic: the solver's time is its deterministic time, its seed fixed."""
    path = write(tmp_path, THREE + block("D", "D", "7d", owner="Kari", after='["B"]'), "capacity:\n  Kari: 1\n")
    monkeypatch.setenv("NAVPLAN_CACHE_DIR", "")
    first, second = planned(path), planned(path)
    assert dates(first) == dates(second)


def test_a_second_command_reads_the_levelled_dates_from_the_cache(tmp_path: Path) -> None:
    """Solved once (the cache folder is this test's), then read back in a fresh process
    that never imports the solver (ortools) or the heuristic (numpy)."""
    path = write(tmp_path, PUSHED, "capacity:\n  nav-leder: 1\n")
    cache = tmp_path / "cache"
    script = (f"import json, sys\nfrom navplan.cli.app import main\n"
              f"code = main(['critical-path', {str(path)!r}, '--as-of', '{AS_OF}', '--format', 'json'])\n"
              f"print(json.dumps(sorted(m for m in ('ortools', 'numpy') if m in sys.modules)), file=sys.stderr)\n")
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO,
                           env={"NAVPLAN_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"})
            for _ in range(2)]
    assert [json.loads(run.stderr.strip().splitlines()[-1]) for run in runs] == [["numpy", "ortools"], []]
    assert json.loads(runs[0].stdout)["activities"] == json.loads(runs[1].stdout)["activities"]
    assert any(name.name.startswith("levelling-") for name in cache.iterdir())


def test_a_plan_without_capacity_never_imports_the_solver(tmp_path: Path) -> None:
    script = ("import sys\nfrom navplan.cli.app import main\n"
              f"main(['critical-path', {str(REPO / 'examples' / 'indre-ostfold')!r}, '--as-of', '10.12.2018'])\n"
              "print('ortools' in sys.modules, 'navplan.engine.levelling' in sys.modules, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO,
                          env={"NAVPLAN_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"})
    assert done.stderr.strip().splitlines()[-1] == "False False"


def test_level_time_zero_is_the_heuristic_and_a_bad_one_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, THREE, "capacity:\n  Kari: 1\n")
    assert planned(path, "--level-time", "0")["levelling"]["status"] == "heuristic"
    for bad in ("-1", "soon", "601"):
        refused = run_navplan("critical-path", path, "--as-of", AS_OF, "--level-time", bad, "--lang", "en")
        assert refused.exit_code == 2 and "--level-time" in refused.stderr and "is not a number of seconds" in \
            refused.stderr


# --- a fresh merger, 13 months ahead ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def merger(tmp_path_factory) -> Path:
    """`navplan init` of a merger opening 01.01.2028, 13 months after "today" (30.11.2026):
    the current layer on, as init writes it."""
    folder = tmp_path_factory.mktemp("merger")
    made = run_navplan("init", folder, "--office", "NAV Fjordby", "--opening", "01.01.2028", "--template", "merger",
                       "-m", "Nordvik", "-m", "Sørvik", today=dt.date(2026, 11, 30))
    assert made.exit_code == 0, made.stderr
    return folder / "navplan.yaml"


def merger_json(path: Path, *options: str) -> dict:
    result = run_navplan("critical-path", path, "--as-of", "30.11.2026", "--format", "json", *options)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_a_fresh_merger_spreads_its_work_over_the_months(merger: Path) -> None:
    """By planned start, no month holds more than a third of the work before the opening
    (the latest dates put 1.1, 4.2 and 9.1 with a dozen others in the last quarter)."""
    document = merger_json(merger)
    before = [a for a in document["activities"] if a["kind"] != "summary" and a["id"] != "opening"
              and not a["after_opening"]]
    months: dict[str, int] = {}
    for activity in before:
        months[activity["planned_start"][:7]] = months.get(activity["planned_start"][:7], 0) + 1
    assert max(months.values()) <= len(before) / 3, months


def test_a_fresh_merger_agrees_its_criteria_first_and_checks_them_moves_in_and_closes_archives_last(
        merger: Path) -> None:
    """The first third runs from 30.11.2026 to 11.04.2027 (132 of the 397 days to 01.01.2028);
    the last weeks before the opening, whose last working day is 23.12.2027 (the Christmas
    closure), start 01.12.2027. Agreeing the opening criteria (1.1) starts after the intention
    agreement (3.1.1), 20.01.2027; so does the cost-sharing (9.1, within the frames 3.1.1 agreed;
    the current layer takes away the handbook data's estimated wait for the lease), and the
    communication plan (4.2) starts on the first day, 30.11.2026 (the layer takes away its wait
    for the project organisation of 4.1, which waits for the NAV leader's notice period);
    checking them (1.2), moving in (9.2.6) and planning the end of the old archives (M5) are as
    late as possible, and start in December."""
    found = {a["id"]: a for a in merger_json(merger)["activities"]}
    assert found["1.1"]["planned_start"] == "2027-01-20" <= "2027-04-11"
    assert found["9.1"]["planned_start"] == "2027-01-20"
    assert found["4.2"]["planned_start"] == "2026-11-30"
    for late in ("1.2", "9.2.6", "M5"):
        assert found[late]["schedule"] == "alap" and "2027-12-01" <= found[late]["planned_start"] <= "2027-12-23", late


def test_a_fresh_merger_must_start_what_the_plan_starts_first(merger: Path) -> None:
    """The fellesnemnd's mandate (G3, three weeks from 30.11.2026 to 18.12.2026), the
    communication plan (4.2, from the same day), and the
    intention agreement after G3 (3.1.1, from 21.12.2026) start within four weeks (by Sunday
    27.12.2026). 3.1.2 waits for 3.1.1 into January (planned 20.01.2027), but the chain to
    the opening is late (the forecast opens 21.01.2028), and its latest start, 23.12.2026,
    falls in the four weeks: it is listed too, last, by its planned start."""
    document = merger_json(merger)
    assert document["planned_to_start"] == ["G3", "4.2", "3.1.1", "3.1.2"]
    table = run_navplan("critical-path", merger, "--as-of", "30.11.2026", width=None).stdout
    section = table[table.index("Må starte innen 4 uker"):]
    assert [line.replace("◆", "").split()[0] for line in section.splitlines()[3:7]] == ["G3", "4.2", "3.1.1", "3.1.2"]


def test_a_merger_with_a_nav_leader_for_two_is_levelled_and_says_so(merger: Path, tmp_path: Path) -> None:
    """capacity: {nav-leder: 2}. Checked from the JSON alone: on no day do more than two of
    the NAV leader's open tasks run by their planned dates; every finish-to-start link
    between two tasks holds (the successor starts after the predecessor's last day); the
    workload view's weeks say the same (counted on weekdays outside the plan's closures,
    fellesferie weeks 28-30 and 24-31 December); the opening moves, and the verdict names
    the leader."""
    path = tmp_path / "navplan.yaml"
    path.write_text(merger.read_text(encoding="utf-8").replace("drop: []", "capacity: {nav-leder: 2}\ndrop: []"),
                    encoding="utf-8")
    document = merger_json(path)
    tasks = {a["id"]: a for a in document["activities"] if a["kind"] == "task" and a["status"] != "done"}
    leader = [a for a in tasks.values() if a["role"] == "prosjektleder"]
    assert len(leader) >= 25
    first = min(dt.date.fromisoformat(a["planned_start"]) for a in leader)
    last = max(dt.date.fromisoformat(a["planned_finish"]) for a in leader)
    most, day = 0, first
    busiest_week: dict[str, int] = {}
    while day <= last:
        carried = sum(1 for a in leader if a["planned_start"] <= day.isoformat() <= a["planned_finish"])
        most = max(most, carried)
        closed = day.weekday() >= 5 or day.isocalendar()[1] in (28, 29, 30) or (day.month, day.day) >= (12, 24)
        if not closed:
            week = f"{day.isocalendar()[0]}-W{day.isocalendar()[1]:02d}"
            busiest_week[week] = max(busiest_week.get(week, 0), carried)
        day += dt.timedelta(days=1)
    assert most == 2
    from navplan.plan.project import load_project

    project = load_project(path)
    for activity in project.active():
        for link in activity.links:
            if activity.id in tasks and link.id in tasks and link.type.value == "FS" and not link.lag.amount:
                assert tasks[activity.id]["planned_start"] > tasks[link.id]["planned_finish"], (link.id, activity.id)
    workload = json.loads(run_navplan("workload", path, "--as-of", "30.11.2026", "--format", "json").stdout)
    weeks = {week["week"]: week["planned"] for resource in workload["resources"] if resource["id"] == "prosjektleder"
             for week in resource["weeks"]}
    assert max(weeks.values()) == 2 and not any(r["over"] for r in workload["resources"])
    assert {week: planned_ for week, planned_ in weeks.items() if planned_} == \
        {week: carried for week, carried in busiest_week.items() if carried}
    assert document["levelling"]["pushed_by"] == "prosjektleder" and document["levelling"]["opening_pushed"] > 0
    assert document["planned_opening"] > document["forecast_opening"]
    verdict = run_navplan("critical-path", path, "--as-of", "30.11.2026", width=None).stdout
    assert "fordi NAV-leder er fullt belagt" in verdict
