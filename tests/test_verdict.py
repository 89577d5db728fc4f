"""The one verdict (navplan.features.verdict): green, yellow or red, the same words and colour in
critical-path, the report, the workbook, diff and the portfolio.

The small plans of tests/gitplans.py: the handbook's chapters dropped, as of Monday 07.01.2030
(point 0), opening Monday 04.03.2030 (point 40), no holiday between them, so every date is
counted by hand. A sampled duration is rounded to whole working days, so a task before the
opening is late when its sample exceeds 40.5 days; for a triangle (low a, likely c, high b) with
c <= 40.5 that happens with probability (b - 40.5)² / ((b - a)(b - c))."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO, run_navplan
from gitplans import AS_OF, block, commit_plan, new_repository, no_repository_above, plan_text  # noqa: F401


def _plan(folder: Path, activities: str, *, office: str = "NAV Testby", extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "navplan.yaml").write_text(plan_text(activities, office=office) + extra, encoding="utf-8")
    return folder


def _json(plan: Path) -> dict:
    run = run_navplan("critical-path", plan, "--as-of", AS_OF, "-f", "json")
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


def _reasons(document: dict) -> list[tuple[str, dict]]:
    return [(r["key"], r["params"]) for r in document["verdict_reasons"]]


def _headline(plan: Path) -> str:
    """The verdict's line in critical-path's table: the third, after the title and the opening."""
    return run_navplan("critical-path", plan, "--as-of", AS_OF, width=200).stdout.splitlines()[2]


def test_green_when_the_opening_and_every_date_hold_and_nothing_is_uncertain(tmp_path: Path) -> None:
    """L1 takes 30 of the 40 working days: 10 to spare; plain durations, nothing to sample."""
    plan = _plan(tmp_path / "kontor", block("L1", "Lokaler", "30d"))
    document = _json(plan)
    assert document["verdict"] == "green"
    assert _reasons(document) == [("verdict.reason.opening_holds", {"slack": 10})]
    assert (document["probability_on_time"], document["probability_samples"]) == (None, 0)
    assert _headline(plan) == "● Status grønn: åpningen holder med 10 arbeidsdager å gå på."


def test_yellow_when_the_opening_holds_but_another_date_is_missed(tmp_path: Path) -> None:
    """L2 (20 days from point 0, finishing point 20) must be done by Friday 25.01.2030 (point 15):
    missed by 5; the opening holds with 20 to spare."""
    plan = _plan(tmp_path / "kontor", block("L1", "Lokaler", "20d") + block("L2", "Avtale", "20d")
                 + "    not_after: 2030-01-25\n")
    document = _json(plan)
    assert document["verdict"] == "yellow"
    assert _reasons(document) == [("verdict.reason.opening_holds", {"slack": 20}),
                                  ("verdict.reason.dates_missed", {"count": 1, "ids": ["L2"]})]
    assert _headline(plan) == ("● Status gul: åpningen holder med 20 arbeidsdager å gå på; "
                               "1 annen dato holder ikke (L2).")


def test_red_when_the_opening_does_not_hold(tmp_path: Path) -> None:
    plan = _plan(tmp_path / "kontor", block("L1", "Lokaler", "50d"))
    document = _json(plan)
    assert document["verdict"] == "red"
    assert _reasons(document) == [("verdict.reason.opening_misses", {"days": 10})]
    assert _headline(plan) == "● Status rød: åpningen holder ikke: det mangler 10 arbeidsdager."
    english = run_navplan("critical-path", plan, "--as-of", AS_OF, "--lang", "en", width=200).stdout
    assert english.splitlines()[2].startswith("● Status red: ")


@pytest.mark.parametrize("triangle, colour, key, expected", [
    # 1 - (41 - 40.5)² / ((41 - 10)(41 - 30)) = 0.9993: holds at P85.
    ("{low: 10d, likely: 30d, high: 41d}", "green", "verdict.reason.probability", 0.9993),
    # 1 - (60 - 40.5)² / ((60 - 20)(60 - 30)) = 0.683: below P85, above P50.
    ("{low: 20d, likely: 30d, high: 60d}", "yellow", "verdict.reason.probability_below_p85", 0.683),
    # 1 - (100 - 40.5)² / ((100 - 20)(100 - 38)) = 0.286: below P50 though the likely plan holds.
    ("{low: 20d, likely: 38d, high: 100d}", "red", "verdict.reason.probability_below_half", 0.286),
])
def test_the_probability_of_opening_on_time_sets_the_colour_at_p85_and_p50(
        tmp_path: Path, triangle: str, colour: str, key: str, expected: float) -> None:
    plan = _plan(tmp_path / "kontor", block("L1", "Lokaler", triangle))
    document = _json(plan)
    assert document["verdict"] == colour
    (opening, (found_key, params)) = _reasons(document)
    assert opening[0] == "verdict.reason.opening_holds"  # by the likely durations
    assert found_key == key
    assert abs(params["probability"] - expected) < 0.015  # 10,000 samples: a standard error under 0.005
    # The number is `navplan risk`'s own, from its default run.
    risk = json.loads(run_navplan("risk", plan, "--as-of", AS_OF, "-f", "json").stdout)
    assert document["probability_on_time"] == params["probability"] == risk["probability_opening_holds"]
    assert document["probability_samples"] == risk["samples"] == 10_000


def test_the_probability_is_sampled_once_then_read_without_numpy(tmp_path: Path) -> None:
    """critical-path on a plan with a range samples on its first run (numpy loaded) and keeps the
    number in the cache folder; the next run on the same plan and day reads it, without numpy.
    A plan without ranges is never sampled."""
    ranged = _plan(tmp_path / "usikker", block("L1", "Lokaler", "{low: 20d, likely: 30d, high: 60d}"))
    plain = _plan(tmp_path / "sikker", block("L1", "Lokaler", "30d"))
    cache = tmp_path / "cache"
    cache.mkdir()
    probe = ("import sys, io, contextlib; from navplan.cli.app import main\n"
             "with contextlib.redirect_stdout(io.StringIO()) as out: code = main(sys.argv[1:])\n"
             "print('numpy' in sys.modules, json.loads(out.getvalue())['verdict'])" )
    probe = "import json\n" + probe

    def run(plan: Path) -> str:
        done = subprocess.run([sys.executable, "-c", probe, "critical-path", str(plan), "--as-of", AS_OF, "-f", "json"],
                              capture_output=True, text=True, cwd=REPO,
                              env={**__import__("os").environ, "NAVPLAN_CACHE_DIR": str(cache)})
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert run(ranged) == "True yellow"
    assert run(ranged) == "False yellow"
    assert run(plain) == "False green"


def test_an_opening_the_law_sets_names_the_work_late_at_it_and_offers_no_later_opening(tmp_path: Path) -> None:
    """L1 (50 days) finishes Friday 15.03.2030, 10 working days past the opening; L2 (45 days)
    Friday 08.03.2030, 5 past. With opening_fixed_by_law the opening cannot move."""
    activities = block("L1", "Lokaler", "50d") + block("L2", "Opplæring", "45d")
    plan = _plan(tmp_path / "lov", activities, extra="opening_fixed_by_law: true\n")
    document = _json(plan)
    assert document["opening_fixed_by_law"] is True
    assert document["unfinished_at_opening"] == [
        {"id": "L1", "forecast_finish": "2030-03-15", "late_working_days": 10},
        {"id": "L2", "forecast_finish": "2030-03-08", "late_working_days": 5}]
    kinds = [lever["kind"] for group in document["levers"] for lever in group["levers"]]
    assert "move_opening" not in kinds
    shown = run_navplan("critical-path", plan, "--as-of", AS_OF, width=200).stdout
    assert "✘ L1 og L2 blir ikke ferdige før åpningen: opptil 10 arbeidsdager for sent." in shown
    assert "datoen er fastsatt ved lov og kan ikke flyttes" in shown
    assert "Flytt åpningen" not in shown and "tidligst mulig" not in shown.lower()
    report = tmp_path / "rapport.md"
    assert run_navplan("report", plan, "--as-of", AS_OF, "-o", report).exit_code == 0
    assert "L1 og L2 blir ikke ferdige før åpningen: opptil 10 arbeidsdager for sent." in report.read_text("utf-8")
    # The same plan without the field (a new office) may move its opening.
    free = _plan(tmp_path / "fri", activities)
    moved = _json(free)
    assert moved["opening_fixed_by_law"] is False and moved["unfinished_at_opening"] == [
        {"id": "L1", "forecast_finish": "2030-03-15", "late_working_days": 10},
        {"id": "L2", "forecast_finish": "2030-03-08", "late_working_days": 5}]
    assert "move_opening" in [lever["kind"] for group in moved["levers"] for lever in group["levers"]]


def test_a_mergers_opening_is_fixed_by_law_unless_the_plan_says_otherwise() -> None:
    def fixed(example: str) -> bool:
        run = run_navplan("critical-path", EXAMPLES / example, "--as-of", "01.03.2019", "-f", "json")
        return json.loads(run.stdout)["opening_fixed_by_law"]

    assert fixed("indre-ostfold") is True  # a merger: the new municipality's first day
    assert fixed("lillehammer-gausdal") is False  # no merger of municipalities; the plan says so


def test_the_report_opens_with_the_verdict_before_any_chart(tmp_path: Path) -> None:
    plan = _plan(tmp_path / "kontor", block("L1", "Lokaler", "20d") + block("L2", "Avtale", "20d")
                 + "    not_after: 2030-01-25\n")
    headline = "Status gul: åpningen holder med 20 arbeidsdager å gå på; 1 annen dato holder ikke (L2)."
    markdown = tmp_path / "rapport.md"
    assert run_navplan("report", plan, "--as-of", AS_OF, "-o", markdown).exit_code == 0
    lines = [line for line in markdown.read_text("utf-8").splitlines() if line.strip()]
    # The title, the line saying as of when and from which plan, then the verdict: before any section.
    assert lines[0].startswith("# ") and lines[1].startswith("Per 07.01.2030") and lines[2] == f"**● {headline}**"
    html = tmp_path / "rapport.html"
    assert run_navplan("report", plan, "--as-of", AS_OF, "-o", html).exit_code == 0
    page = html.read_text("utf-8")
    assert headline in page
    assert page.index(headline) < page.index("<svg")


def test_the_workbook_puts_the_verdict_on_top_of_the_countdown_and_the_critical_path(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    plan = _plan(tmp_path / "kontor", block("L1", "Lokaler", "50d"))
    target = tmp_path / "plan.xlsx"
    assert run_navplan("export", "xlsx", plan, "--as-of", AS_OF, "-o", target).exit_code == 0
    book = load_workbook(target)
    headline = "Status rød: åpningen holder ikke: det mangler 10 arbeidsdager."
    countdown, critical = book.worksheets[0], book["Kritisk linje"]
    assert countdown["A3"].value == headline
    assert critical["A2"].value == headline
    red = {countdown["A3"].fill.fgColor.rgb, critical["A2"].fill.fgColor.rgb}
    assert len(red) == 1 and red != {"00000000"}


def test_the_portfolio_sorts_and_colours_by_the_verdict(tmp_path: Path) -> None:
    """NAV Usikker holds by its likely durations (2 days to spare) but opens on time in only about
    29 % of the samples: red. NAV Frist opens with 20 to spare but misses a date by 5: yellow.
    By slack alone NAV Frist (-5) came first; by the verdict NAV Usikker does."""
    county = tmp_path / "fylke"
    _plan(county / "usikker", block("L1", "Lokaler", "{low: 20d, likely: 38d, high: 100d}"), office="NAV Usikker")
    _plan(county / "frist", block("L1", "Lokaler", "20d") + block("L2", "Avtale", "20d")
          + "    not_after: 2030-01-25\n", office="NAV Frist")
    _plan(county / "trygg", block("L1", "Lokaler", "30d"), office="NAV Trygg")
    run = run_navplan("portfolio", county, "--as-of", AS_OF, "-f", "json")
    assert run.exit_code == 0, run.stderr
    offices = json.loads(run.stdout)["offices"]
    assert [(o["office"], o["verdict"]) for o in offices] == [
        ("NAV Usikker", "red"), ("NAV Frist", "yellow"), ("NAV Trygg", "green")]
    assert offices[0]["verdict_text"].startswith("Status rød: åpningen holder med 2 arbeidsdager å gå på; bare ")
    shown = run_navplan("portfolio", county, "--as-of", AS_OF, width=200).stdout
    statuses = [line.split("  ")[-1].strip() for line in shown.splitlines() if line.startswith("NAV ")]
    assert [status.split(":")[0] for status in statuses] == ["Rød", "Gul", "Grønn"]


def test_diff_says_when_the_verdict_changed_colour(tmp_path: Path) -> None:
    folder = new_repository(tmp_path / "kontor")
    commit_plan(folder, plan_text(block("L1", "Lokaler", "30d")), "plan", date="2030-01-07")
    assert run_navplan("set", "L1", folder, "--duration", "50d").exit_code == 0
    shown = run_navplan("diff", folder, "--as-of", AS_OF, width=200).stdout.splitlines()
    assert shown[1] == "● Status rød: åpningen holder ikke: det mangler 10 arbeidsdager."
    assert shown[2] == "Status var grønn, nå rød."
    document = json.loads(run_navplan("diff", folder, "--as-of", AS_OF, "-f", "json").stdout)
    assert (document["verdict_before"], document["verdict_after"]) == ("green", "red")


def test_the_schema_documents_carry_the_verdict_and_the_baseline() -> None:
    schedule = json.loads(run_navplan("schema", "schedule").stdout)
    names = set(schedule["properties"])
    assert {"verdict", "verdict_reasons", "unfinished_at_opening", "opening_fixed_by_law", "baseline"} <= names
    plan = json.loads(run_navplan("schema", "plan").stdout)
    assert {"baseline", "opening_fixed_by_law"} <= set(plan["properties"])


def test_the_opening_that_holds_is_said_once_under_the_verdict(tmp_path: Path) -> None:
    """L1 takes 30 of the 40 working days: the verdict says the opening holds with 10 to spare,
    and the terminal said it again directly under it ('✔ Åpningsdatoen holder med 10 arbeidsdager
    å gå på.'), as the workbook's critical path sheet did; the report already said it once."""
    from openpyxl import load_workbook

    plan = _plan(tmp_path / "kontor", block("L1", "Lokaler", "30d"))
    lines = run_navplan("critical-path", plan, "--as-of", AS_OF, width=200).stdout.splitlines()
    assert lines[2] == "● Status grønn: åpningen holder med 10 arbeidsdager å gå på."
    assert not any("Åpningsdatoen holder" in line for line in lines), lines[:6]
    assert sum("med 10 arbeidsdager å gå på" in line for line in lines) == 1
    target = tmp_path / "plan.xlsx"
    assert run_navplan("export", "xlsx", plan, "--as-of", AS_OF, "-o", target).exit_code == 0
    cells = [cell.value for cell in load_workbook(target)["Kritisk linje"]["A"] if cell.value]
    assert not any("Åpningsdatoen holder" in str(value) for value in cells), cells[:5]


def test_an_opening_that_does_not_hold_keeps_its_line_and_chain_under_the_verdict(tmp_path: Path) -> None:
    """The ✘ line says what the verdict does not: the earliest possible opening, and the chain."""
    plan = _plan(tmp_path / "kontor", block("L1", "Lokaler", "50d"))
    lines = run_navplan("critical-path", plan, "--as-of", AS_OF, width=200).stdout.splitlines()
    assert lines[2] == "● Status rød: åpningen holder ikke: det mangler 10 arbeidsdager."
    assert lines[3].startswith("✘ Åpningsdatoen holder ikke: det mangler 10 arbeidsdager (tidligst mulig åpning ")
    assert lines[4] == "Kjeden som forsinker: L1"
