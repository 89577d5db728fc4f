"""A county's offices levelled together against the county's shared resources (issue 20, items 2-3).

The generated county: 20 offices, each opening Monday 04.03.2030 and looked at as of Monday
07.01.2030 (no public holiday in January to March 2030: working-day point 0 is 07.01.2030, point
5k the Monday of the k-th week after it, the opening point 40). Each office's IT cut-over (L2) is
one week of work (5 working days) that may not start before Monday 04.02.2030 (point 20): it can
only happen in the last four weeks before the opening (weeks 6, 7, 8 and 9 of 2030). The county's
IT team takes 2 offices per week. Counted by hand:

- at most 2 x 4 = 8 cut-overs fit before the opening: 8 offices hold, 12 are late;
- the late ones go two a week after the opening: 2 late by one week (5 working days), 2 by
  two, ... 2 by six: total lateness 2 x 5 x (1 + 2 + ... + 6) = 210 working days;
- every office opens with 20 / 4 = 5 per week (4 weeks x 5 = 20), not with 4 (16 < 20).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

AS_OF = dt.date(2030, 1, 7)
OPENING = dt.date(2030, 3, 4)


def office_plan(number: int) -> str:
    return f"""\
navplan: 1
office: NAV Kontor {number:02d}
opening: 2030-03-04
template: new
calendar:
  fellesferie: false
  christmas_closure: false
drop: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
activities:
  - id: "L1"
    title: Lokaler
    duration: 20d
  - id: "L2"
    title: IT-overgang
    duration: 5d
    not_before: 2030-02-04
"""


def county_text(capacity: int, offices: int = 20) -> str:
    lines = ["county: Testfylke", "resources:",
             f"  - {{id: it-utrulling, name: IT-utrulling, capacity: {capacity}, unit: per uke}}", "offices:"]
    lines += [f"  - {{plan: k{number:02d}/, resources: {{it-utrulling: [L2]}}}}" for number in range(1, offices + 1)]
    return "\n".join(lines) + "\n"


def write_county(root: Path, capacity: int = 2, offices: int = 20) -> Path:
    for number in range(1, offices + 1):
        folder = root / f"k{number:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "navplan.yaml").write_text(office_plan(number), encoding="utf-8")
    (root / "fylke.yaml").write_text(county_text(capacity, offices), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def county20(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_county(tmp_path_factory.mktemp("fylke") / "testfylke")


def test_twenty_offices_two_cut_overs_a_week_eight_hold_twelve_late_and_five_a_week_let_all_open(
        county20: Path) -> None:
    from navplan.features.county_levelling import level_county, with_capacity
    from navplan.features.portfolio import find_plans
    from navplan.plan.county_file import load_county

    county = load_county(county20 / "fylke.yaml")
    plans = find_plans([county20])
    result = level_county(county, plans, AS_OF, time_limit=10)
    starts = [use.start for office in result.offices for use in office.uses]
    assert len(starts) == 20
    per_week = Counter(day.isocalendar()[:2] for day in starts)
    assert max(per_week.values()) <= 2
    late = sorted(office.late_days for office in result.late)
    assert late == [5, 5, 10, 10, 15, 15, 20, 20, 25, 25, 30, 30]
    for office in result.offices:  # late exactly when its cut-over finishes after the opening's eve
        (use,) = office.uses
        assert (office.late_days > 0) == (use.finish >= OPENING)
        assert office.binding == ("it-utrulling" if office.late_days else None)
    assert result.proposal.capacities == {"it-utrulling": 5}
    again = level_county(with_capacity(county, {"it-utrulling": 5}), plans, AS_OF, time_limit=10, propose=False)
    assert again.late == []
    assert max(Counter(use.start.isocalendar()[:2] for o in again.offices for use in o.uses).values()) <= 5
