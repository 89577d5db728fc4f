"""One Gantt-bar rule for the workbook and the HTML report (navplan/render/gantt_bars.py).

Before, the two disagreed on NAV Indre Østfold as of 10.12.2018: 4.1 (started
10.12.2018) ran from 10.12.2018 in the workbook and from 10.09.2019 in the
report; 3.1.2-3.1.4 (done, no dates) had bars in one and not the other.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest

from conftest import EXAMPLES, run_navplan
from navplan.engine.schedule import schedule
from navplan.plan.project import load_project
from navplan.render import palette
from navplan.render.gantt_bars import bar_colour, bar_span, bar_spans

AS_OF = dt.date(2018, 12, 10)


@pytest.fixture(scope="module")
def indre_ostfold():
    return schedule(load_project(EXAMPLES / "indre-ostfold" / "navplan.yaml"), AS_OF)


def test_the_rule_worked_out_by_hand(indre_ostfold) -> None:
    bars = indre_ostfold.activities
    # 4.1 started Mon 10.12.2018 and takes 2w = 10 working days: 10-14 and 17-21 December, so its
    # forecast finish is Fri 21.12.2018 (its latest dates, 10.09-23.09.2019, are not where it runs).
    assert bar_span(bars["4.1"]) == (dt.date(2018, 12, 10), dt.date(2018, 12, 21))
    # 3.1.1 is done over its actual dates; 3.1.5 and 2.2 have only an actual finish: a bar on that day.
    assert bar_span(bars["3.1.1"]) == (dt.date(2018, 1, 8), dt.date(2018, 3, 13))
    assert bar_span(bars["2.2"]) == (dt.date(2018, 12, 10), dt.date(2018, 12, 10))
    # Done without dates: no bar (the engine's guess would draw them where they never were).
    assert [bar_span(bars[i]) for i in ("3.1.2", "3.1.3", "3.1.4")] == [None, None, None]
    # Not started: latest start to latest finish; 6.1 by 31.01.2019-06.03.2019.
    assert bar_span(bars["6.1"]) == (dt.date(2019, 1, 31), dt.date(2019, 3, 6))
    assert bar_span(bars["6.1"], "forecast") == (bars["6.1"].dates["earliest_start"],
                                                 bars["6.1"].dates["earliest_finish"])
    # 9.2.2 is on the opening's chain (the premises track decides it), 6.1 is not.
    assert bar_colour(bars["9.2.2"]) == palette.CRITICAL and bar_colour(bars["6.1"]) == palette.OTHER
    assert bar_colour(bars["3.1.1"]) == palette.DONE
    # A summary spans its children's bars: 3.1 from 3.1.1's start to 3.1.5's finish (10.12.2018).
    assert bar_spans(indre_ostfold)["3.1"] == (dt.date(2018, 1, 8), dt.date(2018, 12, 10))


def test_the_workbook_and_the_report_draw_the_same_bars(tmp_path: Path) -> None:
    plan = EXAMPLES / "indre-ostfold"
    workbook, report = tmp_path / "plan.xlsx", tmp_path / "rapport.html"
    assert run_navplan("export", "xlsx", plan, "--as-of", "10.12.2018", "-o", workbook).exit_code == 0
    assert run_navplan("report", plan, "--as-of", "10.12.2018", "-o", report).exit_code == 0
    html = report.read_text(encoding="utf-8")
    assert "<title>4.1 Etablere prosjektorganisasjon: 10.12.2018–21.12.2018</title>" in html
    for done_without_dates in ("3.1.2", "3.1.3", "3.1.4"):
        assert f"<title>{done_without_dates} " not in html
    ws = openpyxl.load_workbook(workbook).worksheets[0]
    weeks: dict[str, int] = {}
    for cell in ws[4]:  # the first of each week number: December 2018, not 2019
        if isinstance(cell.value, str) and cell.value.startswith("uke"):
            weeks.setdefault(cell.value, cell.column)
    rows = {ws.cell(r, 1).value: r for r in range(5, ws.max_row + 1)}

    def filled(activity: str) -> list[str]:
        return [label for label, column in weeks.items()
                if ws.cell(rows[activity], column).fill.fgColor.rgb[-6:] in (palette.OTHER, palette.CRITICAL,
                                                                              palette.DONE)]
    # 10.12-21.12.2018 are ISO weeks 50 and 51.
    assert filled("4.1") == ["uke 50", "uke 51"]
    assert re.search(r"4\.1 Etablere prosjektorganisasjon: 10\.12\.2018–21\.12\.2018", html)
    for done_without_dates in ("3.1.2", "3.1.3", "3.1.4"):
        row = rows[done_without_dates]
        assert all(ws.cell(row, c).fill.fgColor.rgb[-6:] not in (palette.DONE, palette.OTHER, palette.CRITICAL)
                   for c in range(11, ws.max_column + 1))
