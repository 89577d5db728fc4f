"""`navplan diff` against real git repositories, with every expectation worked
out by hand (the calendar is in tests/gitplans.py: point 0 = Mon 07.01.2030,
opening = point 40 = Mon 04.03.2030, no holidays in between)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import run_navplan
from gitplans import AS_OF, block, commit_plan, git, new_repository, no_repository_above, plan_text  # noqa: F401

# The committed plan: A (10d) then B (5d); C (3d) and D (2d) on their own.
#   A: es 0, ef 10 (last day 18.01); B: es 10, ef 15 (last day 25.01).
#   Backward from point 40: B ls 35 (25.02), lf 40 (01.03); A ls 25 (11.02), lf 35 (22.02).
#   Slack: A and B 25, C 37, D 38, so the critical path is A -> B; 40 - 15 = 25 to the opening.
A10 = block("A", "Alpha", "10d")
B5 = block("B", "Beta", "5d", after="[A]")
C3 = block("C", "Gamma", "3d")
D2 = block("D", "Delta", "2d")
BEFORE = plan_text(A10 + B5 + C3 + D2)




@pytest.fixture
def repo(tmp_path: Path) -> Path:
    folder = new_repository(tmp_path / "kontor")
    commit_plan(folder, BEFORE, "Plan as of the last steering meeting", date="2030-01-02")
    return folder


def working_copy(folder: Path, text: str) -> None:
    (folder / "navplan.yaml").write_text(text, encoding="utf-8")


def diff_json(*args) -> dict:
    result = run_navplan("diff", *args, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_a_longer_duration_moves_the_chain_by_the_same_working_days(repo: Path) -> None:
    # A 10d -> 15d: A's earliest finish 18.01 -> 25.01 (+5) and B's 25.01 -> 01.02 (+5);
    # A must now start by point 35 - 15 = 20 (04.02, 5 days earlier); latest finishes stay;
    # A and B keep the critical path with slack 20, and 25 -> 20 to the opening.
    working_copy(repo, plan_text(block("A", "Alpha", "15d") + B5 + C3 + D2))
    document = diff_json(repo)
    assert document["revision"] == git(repo, "rev-parse", "HEAD")
    assert document["revision_date"] == "2030-01-02"
    assert document["revision_subject"] == "Plan as of the last steering meeting"
    assert (document["slack_to_opening_before"], document["slack_to_opening_after"],
            document["slack_to_opening_change"]) == (25, 20, -5)
    assert document["opening_holds_before"] and document["opening_holds_after"]
    assert (document["critical_slack_before"], document["critical_slack_after"]) == (25, 20)
    assert document["critical_path_before"] == document["critical_path_after"] == ["A", "B"]
    assert document["critical_path_joined"] == document["critical_path_left"] == []
    assert document["added"] == document["dropped"] == document["status_changed"] == []
    moved = {m["id"]: m for m in document["moved"]}
    assert list(moved) == ["A", "B"]
    assert moved["A"] == {
        "id": "A", "title": "Alpha", "status": "not_started",
        "latest_start_before": "2030-02-11", "latest_start_after": "2030-02-04", "latest_start_moved": -5,
        "latest_finish_before": "2030-02-22", "latest_finish_after": "2030-02-22", "latest_finish_moved": 0,
        "earliest_finish_before": "2030-01-18", "earliest_finish_after": "2030-01-25", "earliest_finish_moved": 5,
        "slack_before": 25, "slack_after": 20, "critical_before": True, "critical_after": True,
    }
    assert (moved["B"]["earliest_finish_before"], moved["B"]["earliest_finish_after"]) == ("2030-01-25", "2030-02-01")
    assert (moved["B"]["latest_start_moved"], moved["B"]["latest_finish_moved"],
            moved["B"]["earliest_finish_moved"]) == (0, 0, 5)


def test_the_table_says_the_same_for_people(repo: Path) -> None:
    working_copy(repo, plan_text(block("A", "Alpha", "15d") + B5 + C3 + D2))
    result = run_navplan("diff", repo / "navplan.yaml", "--as-of", AS_OF, width=None)  # piped: nothing wraps
    assert result.exit_code == 0, result.stderr
    short = git(repo, "rev-parse", "--short=7", "HEAD")
    lines = result.stdout.splitlines()
    assert lines[0] == (f"NAV Testby: endringer siden {short} (02.01.2030, «Plan as of the last steering meeting»), "
                        "per 07.01.2030")
    assert lines[1] == "● Status grønn: åpningen holder med 20 arbeidsdager å gå på."  # the one verdict now (issue 19)
    assert lines[2] == "Slakk til åpning: 25 → 20 arbeidsdager (-5)."
    rows = [line.split() for line in lines if line.startswith(("A ", "B "))]
    assert rows == [["A", "Alpha", "04.02.2030", "(-5)", "22.02.2030", "25.01.2030", "(+5)", "25", "→", "20"],
                    ["B", "Beta", "25.02.2030", "01.03.2030", "01.02.2030", "(+5)", "25", "→", "20"]]
    assert "Som før: A → B" in lines


def test_added_dropped_status_and_a_new_critical_path(repo: Path) -> None:
    # D removed, E (30d after C) added, C started on the as-of date:
    #   C then E take 3 + 30 = 33 working days: slack to the opening 40 - 33 = 7 (was 25, so -18).
    #   Backward: E ls 10 (21.01), lf 40 (01.03); C lf 10 (last day 18.01), ls 7 (16.01).
    #   C moved from ls 37 (27.02) and lf 40 (01.03): both 30 working days earlier; its earliest
    #   finish stays point 3 (09.01). C and E (slack 7) are now the critical path; A and B (25) left it.
    working_copy(repo, plan_text(A10 + B5 + block("C", "Gamma", "3d", status="started", actual_start="2030-01-07")
                                 + block("E", "Epsilon", "30d", after="[C]")))
    document = diff_json(repo)
    assert (document["slack_to_opening_before"], document["slack_to_opening_after"],
            document["slack_to_opening_change"]) == (25, 7, -18)
    assert document["critical_path_before"] == ["A", "B"]
    assert document["critical_path_after"] == ["C", "E"]
    assert document["critical_path_joined"] == ["C", "E"] and document["critical_path_left"] == ["A", "B"]
    assert document["added"] == [{"id": "E", "title": "Epsilon", "status": "not_started", "latest_start": "2030-01-21",
                                  "latest_finish": "2030-03-01", "slack": 7, "critical": True}]
    # D: es 0, ef 2 (last day 08.01); ls 38 (28.02), lf 40 (01.03); slack 38.
    assert document["dropped"] == [{"id": "D", "title": "Delta", "status": "not_started",
                                    "latest_start": "2030-02-28", "latest_finish": "2030-03-01", "slack": 38,
                                    "critical": False}]
    assert document["status_changed"] == [{"id": "C", "title": "Gamma", "status_before": "not_started",
                                           "status_after": "started"}]
    [moved] = document["moved"]
    assert (moved["id"], moved["latest_start_before"], moved["latest_start_after"], moved["latest_start_moved"]) == \
        ("C", "2030-02-27", "2030-01-16", -30)
    assert (moved["latest_finish_before"], moved["latest_finish_after"], moved["latest_finish_moved"]) == \
        ("2030-03-01", "2030-01-18", -30)
    assert (moved["earliest_finish_before"], moved["earliest_finish_after"], moved["earliest_finish_moved"]) == \
        ("2030-01-09", "2030-01-09", 0)
    assert (moved["slack_before"], moved["slack_after"], moved["critical_before"], moved["critical_after"]) == \
        (37, 7, False, True)


def test_csv_has_one_row_per_activity_that_changed(repo: Path) -> None:
    working_copy(repo, plan_text(A10 + B5 + block("C", "Gamma", "3d", status="started", actual_start="2030-01-07")
                                 + block("E", "Epsilon", "30d", after="[C]")))
    result = run_navplan("diff", repo, "--as-of", AS_OF, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["id"], r["change"]) for r in rows] == [
        ("A", "critical_left"), ("B", "critical_left"), ("C", "moved status critical_joined"),
        ("E", "added critical_joined"), ("D", "dropped")]
    c = rows[2]
    assert (c["latest_start_before"], c["latest_start_after"], c["latest_start_moved"]) == \
        ("2030-02-27", "2030-01-16", "-30")
    assert (c["status_before"], c["status_after"], c["critical_before"], c["critical_after"]) == \
        ("not_started", "started", "false", "true")
    assert rows[3]["status_before"] == "" and rows[3]["latest_start_after"] == "2030-01-21"
    assert rows[4]["status_after"] == "" and rows[4]["slack_before"] == "38"


def test_the_opening_stops_holding(repo: Path) -> None:
    # A 10d -> 40d: A then B take 45 working days, 5 more than the 40 to the opening.
    #   A must start by 35 - 40 = point -5: five working days before 07.01.2030, skipping
    #   New Year's Day: 04.01, 03.01, 02.01, 31.12, 28.12.2029. Forecast finishes: A point 40
    #   (last day 01.03), B 45 (08.03): 30 working days later each.
    working_copy(repo, plan_text(block("A", "Alpha", "40d") + B5 + C3 + D2))
    document = diff_json(repo)
    assert document["opening_holds_before"] is True and document["opening_holds_after"] is False
    assert (document["slack_to_opening_before"], document["slack_to_opening_after"]) == (25, -5)
    moved = {m["id"]: m for m in document["moved"]}
    assert (moved["A"]["latest_start_after"], moved["A"]["latest_start_moved"]) == ("2029-12-28", -30)
    assert (moved["A"]["earliest_finish_after"], moved["A"]["earliest_finish_moved"]) == ("2030-03-01", 30)
    assert (moved["B"]["earliest_finish_after"], moved["B"]["earliest_finish_moved"]) == ("2030-03-08", 30)
    table = run_navplan("diff", repo, "--as-of", AS_OF)
    assert "Slakk til åpning: 25 → -5 arbeidsdager (-30)." in table.stdout
    assert "Åpningsdatoen holdt, men holder ikke lenger: det mangler 5 arbeidsdager." in table.stdout
    english = run_navplan("diff", repo, "--as-of", AS_OF, "--lang", "en")
    assert "The opening date held, but no longer does: 5 working days are missing." in english.stdout
    assert "2029-12-28 (-30)" in english.stdout


def test_default_since_and_a_named_revision(repo: Path) -> None:
    # History: BEFORE on 02.01.2030, then A 15d on 20.01.2030; the working copy has A 20d.
    first = git(repo, "rev-parse", "HEAD")
    commit_plan(repo, plan_text(block("A", "Alpha", "15d") + B5 + C3 + D2), "A takes longer", date="2030-01-20")
    working_copy(repo, plan_text(block("A", "Alpha", "20d") + B5 + C3 + D2))
    # Default: the last commit touching the plan (A 15d -> 20d: slack 20 -> 15).
    assert diff_json(repo)["slack_to_opening_change"] == -5
    # --since a date between the commits: the 02.01 commit (A 10d -> 20d: 25 -> 15).
    since = diff_json(repo, "--since", "10.01.2030")
    assert since["revision"] == first and since["slack_to_opening_change"] == -10
    assert diff_json(repo, "--since", "2030-01-20")["revision_subject"] == "A takes longer"
    # A named revision, with the plan as second argument, and a folder alone as the plan.
    assert diff_json(repo, "-r", "HEAD~1")["revision"] == first
    assert diff_json(repo / "navplan.yaml", "--revision", first[:10])["slack_to_opening_change"] == -10


def test_a_commit_that_did_not_touch_the_plan_is_not_the_default(repo: Path) -> None:
    (repo / "notes.txt").write_text("minutes\n", encoding="utf-8")
    git(repo, "add", "notes.txt")
    git(repo, "commit", "-q", "-m", "Minutes", date="2030-01-25")
    assert diff_json(repo)["revision_subject"] == "Plan as of the last steering meeting"


def test_nothing_changed(repo: Path) -> None:
    result = run_navplan("diff", repo, "--as-of", AS_OF)
    assert result.exit_code == 0
    assert f"Ingenting i planen er endret siden {git(repo, 'rev-parse', '--short=7', 'HEAD')}." in result.stdout
    assert diff_json(repo)["moved"] == []


def test_outside_a_repository_it_says_so_plainly(tmp_path: Path) -> None:
    plan = tmp_path / "navplan.yaml"
    plan.write_text(BEFORE, encoding="utf-8")
    result = run_navplan("diff", plan, "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == (f"navplan: {plan}: is not in a git repository, so there is no history to "
                                     "compare with (keep the plan in git: git init, then commit it)")


def test_without_git_it_says_so(repo: Path, tmp_path: Path, monkeypatch) -> None:
    empty = tmp_path / "no-git-here"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = run_navplan("diff", repo, "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "git er ikke installert, så planens historikk kan ikke leses (installer git)" in result.stderr


def test_a_plan_never_committed_and_a_revision_without_it(tmp_path: Path) -> None:
    folder = new_repository(tmp_path / "kontor")
    (folder / "README").write_text("x\n", encoding="utf-8")
    git(folder, "add", "README")
    git(folder, "commit", "-q", "-m", "Start")
    working_copy(folder, BEFORE)
    never = run_navplan("diff", folder, "--as-of", AS_OF, "--lang", "en")
    assert never.exit_code == 2
    assert "no commit has touched the plan yet, so there is no history to compare with" in never.stderr
    missing = run_navplan("diff", folder, "-r", "HEAD", "--as-of", AS_OF, "--lang", "en")
    assert missing.exit_code == 2
    assert f"the plan did not exist at revision {git(folder, 'rev-parse', '--short=7', 'HEAD')}" in missing.stderr


def test_bad_revisions_and_options(repo: Path) -> None:
    unknown = run_navplan("diff", repo, "-r", "no-such-branch", "--as-of", AS_OF)
    assert unknown.exit_code == 2 and "REV: ukjent revisjon 'no-such-branch'" in unknown.stderr
    dashed = run_navplan("diff", repo, "--revision=--output=x", "--as-of", AS_OF, "--lang", "en")
    assert dashed.exit_code == 2 and "unknown revision '--output=x'" in dashed.stderr
    both = run_navplan("diff", repo, "-r", "HEAD", "--since", "10.01.2030", "--as-of", AS_OF)
    assert both.exit_code == 2 and "oppgi en revisjon eller --since, ikke begge" in both.stderr
    early = run_navplan("diff", repo, "--since", "01.01.2030", "--as-of", AS_OF)
    assert early.exit_code == 2 and "ingen commit endret planen til og med 01.01.2030" in early.stderr
    bad_date = run_navplan("diff", repo, "--since", "32.01.2030", "--as-of", AS_OF)
    assert bad_date.exit_code == 2 and "--since" in bad_date.stderr


def test_a_plan_in_a_subfolder_of_the_repository(tmp_path: Path) -> None:
    root = new_repository(tmp_path / "repo")
    (root / "kontor").mkdir()
    commit_plan(root, BEFORE, "Plan", name="kontor/navplan.yaml")
    working_copy(root / "kontor", plan_text(block("A", "Alpha", "15d") + B5 + C3 + D2))
    assert diff_json(root / "kontor")["slack_to_opening_change"] == -5


def test_an_old_plan_that_no_longer_loads_is_located_in_the_revision(repo: Path) -> None:
    commit_plan(repo, BEFORE.replace("duration: 10d", "duration: ten days"), "Broken")
    working_copy(repo, BEFORE)
    result = run_navplan("diff", repo, "--as-of", AS_OF)
    assert result.exit_code == 2
    short = git(repo, "rev-parse", "--short=7", "HEAD")
    assert f"navplan: {short}:navplan.yaml:" in result.stderr and "activities[A].duration" in result.stderr


def test_a_not_after_date_can_cost_the_critical_path_slack_the_opening_keeps(repo: Path) -> None:
    # C must finish by Wednesday 09.01.2030 (point 3): with 3 days from the as-of date it has
    # no slack (0) while the opening keeps 25 and its chain stays A → B.
    # C 3d -> 4d: C finishes at point 4, one day late: slack -1; the opening still has 25.
    commit_plan(repo, plan_text(A10 + B5 + block("C", "Gamma", "3d", not_after="09.01.2030") + D2), "C by 09.01")
    working_copy(repo, plan_text(A10 + B5 + block("C", "Gamma", "4d", not_after="09.01.2030") + D2))
    document = diff_json(repo)
    assert (document["slack_to_opening_before"], document["slack_to_opening_after"]) == (25, 25)
    assert (document["critical_slack_before"], document["critical_slack_after"]) == (0, -1)
    assert document["critical_path_before"] == document["critical_path_after"] == ["A", "B"]
    table = run_navplan("diff", repo, "--as-of", AS_OF).stdout
    assert ("Slakk til åpning: 25 arbeidsdager, som før.\n"
            "C Gamma, ferdig senest 09.01.2030: slakk 0 → -1 arbeidsdag (-1).\n") in table  # one day: singular


def test_once_the_office_has_opened_it_says_so_instead_of_a_slack(repo: Path) -> None:
    # As of Monday 11.03.2030 the opening of 04.03.2030 has passed in both versions: there is
    # no slack to the opening left to compare, whatever the plan says of work after it (E).
    working_copy(repo, plan_text(A10 + B5 + C3 + D2 + block("E", "Epsilon", "5d", after='["opening"]')))
    lines = run_navplan("diff", repo, "--as-of", "11.03.2030", width=None).stdout.splitlines()
    assert lines[1].startswith("● Status gul: kontoret åpnet 04.03.2030; ")  # the one verdict now (issue 19)
    assert lines[2] == "Kontoret åpnet 04.03.2030."
    assert not [line for line in lines if "Slakk til åpning" in line]
    english = run_navplan("diff", repo, "--as-of", "11.03.2030", "--lang", "en").stdout
    assert "The office opened on 2030-03-04." in english and "Slack to the opening" not in english
    # The opening moved from 04.03 to Monday 25.03.2030 (point 55): the office had opened as
    # of 11.03 (point 45) in the committed plan, and now has A then B, 15 days, to do in 10.
    working_copy(repo, BEFORE.replace("opening: 2030-03-04", "opening: 2030-03-25"))
    lines = run_navplan("diff", repo, "--as-of", "11.03.2030", width=None).stdout.splitlines()
    assert lines[1] == "● Status rød: åpningen holder ikke: det mangler 5 arbeidsdager."  # the one verdict now
    assert lines[2] == "Status var gul, nå rød."
    assert lines[3:6] == ["Åpningsdatoen er flyttet fra 04.03.2030 til 25.03.2030.",
                          "Slakk til åpning: -5 arbeidsdager (kontoret hadde åpnet 04.03.2030).",
                          "Åpningsdatoen holdt, men holder ikke lenger: det mangler 5 arbeidsdager."]
