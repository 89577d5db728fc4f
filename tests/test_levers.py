"""What can help when the opening or a date does not hold (navplan.features.levers).

The small plans of tests/gitplans.py: the handbook's chapters dropped, as of Monday
07.01.2030 (point 0), opening Monday 04.03.2030 (point 40), no holiday between
them, so every expected date is counted by hand. Each lever's command is also run:
pasted as it stands, it makes the date hold."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

from conftest import run_navplan
from gitplans import AS_OF, block, no_repository_above, plan_text  # noqa: F401  (a fixture)


def _plan(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "navplan.yaml").write_text(text, encoding="utf-8")
    return folder


def _levers(plan: Path) -> list[dict]:
    document = json.loads(run_navplan("critical-path", plan, "--as-of", AS_OF, "-f", "json").stdout)
    return document["levers"]


def _run_printed(line: str) -> None:
    """Run a command as the terminal printed it (``navplan …``), with the test's as-of date where it matters."""
    words = shlex.split(line)
    assert words[0] == "navplan"
    assert run_navplan(*words[1:]).exit_code == 0


def test_a_late_opening_with_one_task_worked_out_by_hand(tmp_path: Path) -> None:
    """L1 takes 50 working days from point 0, 10 more than the 40 to the opening:
    recorded done today it would be over (enough); shortened to 40 days it just fits;
    left out, nothing is late; and the earliest opening is point 50, Monday 18.03.2030."""
    plan = _plan(tmp_path / "kontor", plan_text(block("L1", "Lokaler", "50d")))
    assert _levers(plan) == [{"target": None, "kind": "opening", "missing_working_days": 10, "levers": [
        {"kind": "done", "id": "L1", "duration": None, "date": None, "enough": True},
        {"kind": "shorten", "id": "L1", "duration": "40d", "date": None, "enough": True},
        {"kind": "drop", "id": "L1", "duration": None, "date": None, "enough": True},
        {"kind": "move_opening", "id": None, "duration": None, "date": "2030-03-18", "enough": True}]}]
    shown = run_navplan("critical-path", plan, "--as-of", AS_OF, width=200).stdout
    named = shlex.quote(str(plan))
    expected = f"""\
Det som kan hjelpe:
  • Er L1 Lokaler alt gjort? Marker det:
      navplan done L1 {named}
  • Kort ned L1 Lokaler fra 50 arbeidsdager til 40 arbeidsdager:
      navplan set L1 {named} --duration 40d
  • Gjelder ikke L1 Lokaler for dette kontoret? Ta den ut: legg "L1" til under drop: i {plan / "navplan.yaml"}.
  • Flytt åpningen til 18.03.2030: skriv opening: 18.03.2030 i {plan / "navplan.yaml"}.
"""
    assert expected in shown
    # The shortening, run as printed, makes the opening hold with nothing to spare.
    _run_printed(f"navplan set L1 {named} --duration 40d")
    after = json.loads(run_navplan("critical-path", plan, "--as-of", AS_OF, "-f", "json").stdout)
    assert (after["opening_holds"], after["slack_to_opening"], after["levers"]) == (True, 0, [])


def test_the_longest_activity_on_the_chain_is_offered_first(tmp_path: Path) -> None:
    """L1 30 days then L2 20 days: 50 for 40. Shortening either by 10 days is enough:
    L1 to 20 days is offered before L2 to 10 days."""
    plan = _plan(tmp_path / "kontor", plan_text(block("L1", "Lokaler", "30d") + block("L2", "Flytting", "20d",
                                                                                    after="[L1]")))
    shorten = [(lever["id"], lever["duration"]) for lever in _levers(plan)[0]["levers"] if lever["kind"] == "shorten"]
    assert shorten == [("L1", "20d"), ("L2", "10d")]


def test_a_shortening_that_is_not_enough_alone_is_not_offered(tmp_path: Path) -> None:
    """Two chains of 50 days each: shortening one of them by 10 leaves the other
    late, so no shortening is offered; recording done is offered but said not to be enough."""
    plan = _plan(tmp_path / "kontor", plan_text(block("L1", "Lokaler", "50d") + block("L2", "Flytting", "50d")))
    found = _levers(plan)[0]["levers"]
    assert [lever["kind"] for lever in found if lever["kind"] in ("shorten", "drop")] == []
    assert [lever["enough"] for lever in found if lever["kind"] == "done"] == [False]
    assert [(lever["id"], lever["enough"]) for lever in found if lever["kind"] == "shorten_several"] == [
        ("L1", False)]
    shown = run_navplan("critical-path", plan, "--as-of", AS_OF, width=200).stdout
    assert "Marker det (det hjelper, men er ikke nok alene):" in shown


def test_a_missed_not_after_date_can_be_moved_to_its_forecast(tmp_path: Path) -> None:
    """L1 (30 days, from point 0) must be done by Friday 01.02.2030 (point 19): it
    finishes at the earliest on Friday 15.02.2030 (its last day, point 29). The
    opening holds; the date is missed by 10. Moving the deadline to 15.02.2030, as
    printed, makes it hold."""
    plan = _plan(tmp_path / "kontor", plan_text(block("L1", "Lokaler", "30d", not_after="2030-02-01")))
    found = _levers(plan)
    assert [(f["target"], f["kind"], f["missing_working_days"]) for f in found] == [("L1", "not_after", 10)]
    assert found[0]["levers"][-1] == {"kind": "move_date", "id": "L1", "duration": None, "date": "2030-02-15",
                                      "enough": True}
    shown = run_navplan("critical-path", plan, "--as-of", AS_OF, width=200).stdout
    command = f"navplan set L1 {shlex.quote(str(plan))} --not-after 15.02.2030"
    assert f"  • Flytt fristen til 15.02.2030:\n      {command}\n" in shown
    _run_printed(command)
    assert _levers(plan) == []


def test_what_the_law_requires_is_never_offered_to_drop(tmp_path: Path) -> None:
    """3.2.2, the political consideration of the cooperation agreement, holds up
    criterion 1, which the law requires: given 50 days it makes the opening late,
    and it may be shortened, but navplan never suggests leaving it out."""
    drop = '["1", "2", "4", "5", "6", "7", "8", "9", "3.1", "3.2.1"]'
    plan = _plan(tmp_path / "kontor", plan_text('  - id: "3.2.2"\n    duration: 50d\n', drop=drop))
    kinds = {(lever["kind"], lever["id"]) for lever in _levers(plan)[0]["levers"]}
    assert ("shorten", "3.2.2") in kinds and ("drop", "3.2.2") not in kinds


def test_nothing_to_help_once_the_office_has_opened_or_when_everything_holds(tmp_path: Path) -> None:
    plan = _plan(tmp_path / "kontor", plan_text(block("L1", "Lokaler", "30d")))
    assert _levers(plan) == []
    late = _plan(tmp_path / "sent", plan_text(block("L1", "Lokaler", "50d")))
    opened = json.loads(run_navplan("critical-path", late, "--as-of", "01.04.2030", "-f", "json").stdout)
    assert opened["levers"] == []
    assert "Det som kan hjelpe" not in run_navplan("critical-path", late, "--as-of", "01.04.2030").stdout


def test_english(tmp_path: Path) -> None:
    plan = _plan(tmp_path / "kontor", plan_text(block("L1", "Lokaler", "50d")))
    shown = run_navplan("critical-path", plan, "--as-of", AS_OF, "--lang", "en", width=200).stdout
    assert "What can help:\n  • Is L1 Lokaler done already? Record it:\n" in shown
    assert "  • Move the opening to 2030-03-18: write opening: 2030-03-18 in" in shown


def test_init_of_an_opening_too_close_names_what_can_help(tmp_path: Path) -> None:
    """A new office opening in four months cannot fit the handbook's chain: init says
    so at once, and what can help, with commands naming the folder it was given."""
    import datetime as dt

    result = run_navplan("init", tmp_path / "nytt", "--office", "NAV Hast", "--opening", "03.05.2027",
                         today=dt.date(2027, 1, 4))
    assert result.exit_code == 0, result.stderr
    said = result.stdout + result.stderr
    assert "Det som kan hjelpe:" in said and "Flytt åpningen til" in said
    assert f"navplan done 3.1.1 {shlex.quote(str(tmp_path / 'nytt'))}" in said


def test_the_report_says_what_can_help(tmp_path: Path) -> None:
    plan = _plan(tmp_path / "kontor", plan_text(block("L1", "Lokaler", "50d")))
    result = run_navplan("report", plan, "-o", tmp_path / "møte.md", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "møte.md").read_text(encoding="utf-8")
    assert "**Det som kan hjelpe:**" in text
    assert f"` navplan set L1 {shlex.quote(str(plan / 'navplan.yaml'))} --duration 40d `" in text
