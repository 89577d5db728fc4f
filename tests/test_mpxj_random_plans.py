"""An independent scheduler on random plans: MPXJ reads navplan's MSPDI export
and schedules it with its own CPM (Primavera's), forward from the as-of date and
back from the opening. Every task's early and late dates must be navplan's.

The plans are drawn from a fixed seed: local tasks only (the handbook's
chapters dropped, since Primavera has no summary tasks to link to), durations
in working days and weeks, finish-to-start, start-to-start and finish-to-finish
links with lags, over Norway's holidays (Easter, Ascension, Whit Monday and
17 May fall inside the window). The four defects an earlier run of this
comparison found are tests/test_schedule_links.py's hand-worked cases.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from conftest import mpxj_schedule, run_navplan
from cpm_builders import day

AS_OF = "06.01.2025"
OPENING = "2025-04-01"
PLANS = 25
SEED = 2007
CHAPTERS = '["1", "2", "3", "4", "5", "6", "7", "8", "9"]'


def random_plan(rng: random.Random, index: int) -> str:
    """Between 4 and 14 tasks, each linked to up to three earlier ones."""
    lines = [f'office: "NAV Tilfeldig {index}"', f"opening: {OPENING}", f"drop: {CHAPTERS}",
             "calendar: {fellesferie: false}", "activities:"]
    count = rng.randint(4, 14)
    for number in range(1, count + 1):
        duration = f"{rng.randint(1, 15)}d" if rng.random() < 0.7 else f"{rng.randint(1, 4)}w"
        links = []
        for pred in rng.sample(range(1, number), min(number - 1, rng.randint(0, 3))):
            link_type = rng.choice(["FS", "FS", "SS", "FF"])
            links.append(f'{{id: "T{pred}", type: {link_type}, lag: {rng.choice([0, 0, 1, 3, 5])}d}}')
        lines.append(f'  - {{id: "T{number}", title: "T{number}", duration: {duration}, after: [{", ".join(links)}]}}')
    return "\n".join(lines) + "\n"


def plans() -> list[str]:
    rng = random.Random(SEED)
    return [random_plan(rng, index) for index in range(PLANS)]


def test_the_random_plans_cover_every_link_type_and_late_plans(tmp_path: Path) -> None:
    """The comparison means something: every link type with and without lags, and
    plans whose work cannot fit before the opening as well as plans that hold."""
    text = "".join(plans())
    assert all(f"type: {kind}, lag: 0d" in text and f"type: {kind}, lag: 5d" in text for kind in ("FS", "SS", "FF"))
    verdicts = set()
    for plan in plans():
        path = tmp_path / "navplan.yaml"
        path.write_text(plan, encoding="utf-8")
        verdicts.add(json.loads(run_navplan("critical-path", path, "--as-of", AS_OF, "--format", "json").stdout)
                     ["opening_holds"])
    assert verdicts == {True, False}


@pytest.mark.parametrize("index", range(PLANS))
def test_mpxj_schedules_a_random_plan_as_navplan_does(mpxj, tmp_path: Path, index: int) -> None:
    plan = tmp_path / "navplan.yaml"
    plan.write_text(plans()[index], encoding="utf-8")
    result = run_navplan("critical-path", plan, "--as-of", AS_OF, "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    ours = {a["id"]: a for a in json.loads(result.stdout)["activities"] if a["id"] != "opening"}
    target = tmp_path / "plan.xml"
    exported = run_navplan("export", "mspdi", plan, "--as-of", AS_OF, "-o", target, "--lang", "en")
    assert exported.exit_code == 0, exported.stderr
    theirs = mpxj_schedule(mpxj, target, day(AS_OF))
    assert len(ours) >= 4 and set(ours) <= set(theirs)
    for activity_id, activity in ours.items():
        early_start, early_finish, late_start, late_finish, slack = theirs[activity_id]
        assert (early_start.isoformat(), early_finish.isoformat()) == (
            activity["earliest_start"], activity["earliest_finish"]), activity_id
        assert (late_start.isoformat(), late_finish.isoformat()) == (
            activity["latest_start"], activity["latest_finish"]), activity_id
        assert slack == activity["slack"], activity_id  # total slack in working days, negative when late
