"""`navplan portfolio`: many plans, one line each, sorted by risk.

The small plans come from tests/gitplans.py: the handbook's chapters dropped,
opening Monday 04.03.2030, looked at as of Monday 07.01.2030, so the opening
is working-day point 40 and a single task of n days has 40 - n days of slack.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_navplan
from gitplans import AS_OF, block, plan_text
from navplan.features.portfolio import PortfolioLine, find_plans

BAD_PLAN = "navplan: 1\noffice: NAV Feil\nopening: 2030-02-30\n"


def _write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "navplan.yaml").write_text(text, encoding="utf-8")
    return folder / "navplan.yaml"


@pytest.fixture
def county(tmp_path: Path) -> Path:
    """Four small plans whose slack is worked out by hand, and a bad one, in a folder tree."""
    root = tmp_path / "fylke"
    # 30 days of work, 40 available: holds with 10 to spare.
    _write(root / "a" / "roomy", plan_text(block("L1", "Lokaler", "30d"), office="NAV Romslig"))
    # 50 days of work: 10 missing.
    _write(root / "b" / "late", plan_text(block("L1", "Lokaler", "50d"), office="NAV Sein"))
    # 20 + 20 days in a chain: holds with nothing to spare; L1 is the critical activity now.
    _write(root / "c" / "deep" / "tight", plan_text(
        block("L1", "Lokaler", "20d") + block("L2", "Flytting", "20d", after="[L1]"), office="NAV Stram"))
    # 60 days: 20 missing, the worst.
    _write(root / "d", plan_text(block("L1", "Lokaler", "60d"), office="NAV Verst"))
    _write(root / "e" / "broken", BAD_PLAN)
    # Never searched: a plan inside .git, .venv or node_modules is not an office.
    for skipped in (".git", ".venv", "node_modules"):
        _write(root / skipped / "x", plan_text(block("L1", "Lokaler", "90d"), office=f"NAV {skipped}"))
    return root


def _json(*args) -> tuple[int, list[dict]]:
    result = run_navplan("portfolio", *args, "--as-of", AS_OF, "--format", "json")
    document = json.loads(result.stdout)
    assert document["format_version"] == 3 and set(document) == {"format_version", "as_of", "samples", "offices"}
    return result.exit_code, document["offices"]


def test_sorted_by_risk_with_slack_worked_out_by_hand(county: Path) -> None:
    code, records = _json(county)
    assert code == 2  # the bad plan; the rest is all there
    assert [r["office"] for r in records] == ["NAV Verst", "NAV Sein", "NAV Stram", "NAV Romslig", None]
    assert [r["slack_to_opening"] for r in records[:4]] == [-20, -10, 0, 10]
    assert [r["missing_working_days"] for r in records[:4]] == [20, 10, 0, 0]
    assert [r["opening_holds"] for r in records[:4]] == [False, False, True, True]
    tight = records[2]
    assert (tight["critical_id"], tight["critical_title"]) == ("L1", "Lokaler")
    # L1 must finish by point 20: its last working day is point 19, Friday 01.02.2030.
    assert (tight["next_deadline"], tight["next_deadline_id"]) == ("2030-02-01", "L1")
    roomy = records[3]
    # A lone task's latest finish is the working day before the opening.
    assert (roomy["next_deadline"], roomy["next_deadline_id"]) == ("2030-03-01", "L1")
    # The late plans' single task should have started 20 and 10 working days ago: overdue.
    assert [r["overdue"] for r in records[:4]] == [1, 1, 0, 0]
    assert all(r["as_of"] == "2030-01-07" and r["status"] == "ok" for r in records[:4])


def test_a_bad_plan_is_listed_last_with_its_message_and_does_not_stop_the_rest(county: Path) -> None:
    code, records = _json(county)
    bad = records[-1]
    assert code == 2
    assert bad["status"] == "error" and bad["file"].endswith("e/broken/navplan.yaml")
    assert bad["error"].startswith(bad["file"] + ":3: opening:")
    assert "2030-02-30" in bad["error"]
    assert all(bad[f] is None for f in ("office", "opening_date", "opening_holds", "slack_to_opening", "overdue"))
    assert len(records) == 5

    table = run_navplan("portfolio", county, "--as-of", AS_OF, "--lang", "en")
    assert table.exit_code == 2
    assert "Traceback" not in table.stdout + table.stderr
    # The table folds long cells, so read it with the spaces taken out.
    compact = "".join(table.stdout.split())
    positions = [compact.index(text) for text in ("NAVVerst", "NAVSein", "NAVStram", "NAVRomslig", "2030-02-30")]
    assert positions == sorted(positions)
    assert "isnotarealdate" in compact
    assert "5 plans; 2 do not hold their opening date; 0 hold the opening but miss dates; 1 could not be read." in " ".join(table.stderr.split())  # wrapped at 80


def test_folders_are_searched_recursively_skipping_git_venv_and_node_modules(county: Path) -> None:
    found = find_plans([county])
    assert sorted(str(p.relative_to(county)) for p in found) == [
        "a/roomy/navplan.yaml", "b/late/navplan.yaml", "c/deep/tight/navplan.yaml", "d/navplan.yaml",
        "e/broken/navplan.yaml"]
    # A file and the folder holding it count once; a missing path and an empty folder are errors in their place.
    (county.parent / "empty").mkdir()
    again = find_plans([county / "d" / "navplan.yaml", county, county.parent / "nowhere", county.parent / "empty"])
    assert len([p for p in again if isinstance(p, Path)]) == 5
    code, records = _json(county / "d" / "navplan.yaml", county.parent / "nowhere", county.parent / "empty")
    assert code == 2
    assert [r["status"] for r in records] == ["ok", "error", "error"]  # errors by file name
    assert records[1]["error"].endswith("empty: ingen navplan.yaml i denne mappen eller under den")
    assert records[2]["error"].endswith("nowhere: fant ikke filen")


def test_every_plan_readable_exits_0(county: Path) -> None:
    shutil.rmtree(county / "e")
    code, records = _json(county)
    assert code == 0 and len(records) == 4


def test_the_examples_agree_with_critical_path() -> None:
    """As of 01.03.2019 Lillehammer-Gausdal has opened (02.01.2017): it comes after the offices
    still to open. Fjordby and Indre Østfold hold; the county ranks them by the one verdict first
    (issue 19): Fjordby holds with 19 days to spare but opens on time in under half of navplan
    risk's samples (red), Indre Østfold misses two dates (yellow). Every figure is critical-path's own."""
    result = run_navplan("portfolio", EXAMPLES, "--as-of", "01.03.2019", "--format", "json")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)["offices"]
    assert [r["office"] for r in records] == ["NAV Fjordby", "NAV Indre Østfold", "NAV Lillehammer-Gausdal"]
    for record in records:
        single = run_navplan("critical-path", record["file"], "--as-of", "01.03.2019", "--format", "json")
        document = json.loads(single.stdout)
        assert record["opening_holds"] == document["opening_holds"]
        assert record["opened"] == document["opened"]
        assert (record["verdict"], record["verdict_text"]) == (document["verdict"], document["verdict_text"])
        if not record["opened"]:
            assert record["slack_to_opening"] == document["slack_to_opening"]
            assert record["critical_id"] == document["critical_path"][0]
        assert record["opening_date"] == document["opening_date"]
        deadlines = [d["slack"] for d in document["deadlines"]]
        assert record["worst_deadline_slack"] == (min(deadlines) if deadlines else None)
        known = [s for s in (record["slack_to_opening"], record["worst_deadline_slack"]) if s is not None]
        assert record["risk_slack"] == (min(known) if known else None)
    assert records[2]["opened"] and records[2]["slack_to_opening"] is None
    assert [r["verdict"] for r in records[:2]] == ["red", "yellow"]  # by the verdict, not by risk_slack (2, -45)


def test_csv_has_the_json_fields_and_rows(county: Path) -> None:
    result = run_navplan("portfolio", county, "--as-of", AS_OF, "--format", "csv")
    assert result.exit_code == 2
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    _, records = _json(county)
    # Every field but the verdict's reasons, a list of records the JSON alone carries (README).
    assert list(rows[0]) == [name for name in records[0] if name != "verdict_reasons"]
    assert [r["office"] for r in rows] == ["NAV Verst", "NAV Sein", "NAV Stram", "NAV Romslig", ""]
    assert rows[0]["opening_holds"] == "false" and rows[0]["slack_to_opening"] == "-20"
    assert rows[-1]["status"] == "error" and "2030-02-30" in rows[-1]["error"]


def test_xlsx_one_sheet_frozen_filtered_and_safe_against_formulas(county: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _write(county / "f", plan_text(block("L1", "=HYPERLINK(\"http://x\")", "35d"), office="=1+1"))
    workbook = tmp_path / "fylke.xlsx"
    result = run_navplan("portfolio", county, "--as-of", AS_OF, "--format", "xlsx", "-o", workbook)
    assert result.exit_code == 2 and result.stdout == ""
    assert "fylke.xlsx" in result.stderr
    book = load_workbook(workbook)
    assert book.sheetnames == ["Portefølje"]
    ws = book.active
    # A title and the as-of date above the table, printed on every page with the header.
    assert ws["A1"].value == "Portefølje per 07.01.2030: 6 planer, sortert etter risiko"
    assert ws["A2"].value.startswith("Per 07.01.2030 · navplan ")
    assert ws.freeze_panes == "A5" and ws.print_title_rows == "$1:$4"
    assert ws.auto_filter.ref == "A4:P10"
    assert [c.value for c in ws[4]] == ["Kontor", "Planfil", "Åpning", "Holder", "Slakk", "Verste dato: slakk",
                                        "Verste dato: ID", "Kritisk nå: ID", "Kritisk nå: aktivitet", "Forsinket",
                                        "Neste frist", "Neste frist: ID", "Status", "I tide", "Buffer P50",
                                        "Buffer P85"]
    column = {c.value: c.column for c in ws[4]}
    offices = [ws.cell(row, 1).value for row in range(5, 11)]
    assert offices == ["NAV Verst", "NAV Sein", "NAV Stram", "=1+1", "NAV Romslig", None]
    formula = ws.cell(8, 1)
    assert formula.data_type == "s"  # text, not a formula
    critical = ws.cell(8, column["Kritisk nå: aktivitet"])
    assert (ws.cell(8, column["Kritisk nå: ID"]).value, critical.value) == ("L1", '=HYPERLINK("http://x")')
    assert critical.data_type == "s"
    assert ws.cell(5, 3).value.date() == dt.date(2030, 3, 4) and ws.cell(5, 3).number_format == "DD.MM.YYYY"
    assert ws.cell(5, column["Slakk"]).value == -20 and ws.cell(5, column["Slakk"]).number_format == "0"
    # The next deadline is a date that sorts, its id beside it.
    deadline = ws.cell(5, column["Neste frist"])
    assert isinstance(deadline.value, dt.datetime) and deadline.number_format == "DD.MM.YYYY"
    assert ws.cell(5, column["Neste frist: ID"]).value and " " not in ws.cell(5, column["Neste frist: ID"]).value
    assert "2030-02-30" in ws.cell(10, column["Status"]).value
    assert all(ws.column_dimensions[letter].width >= 7 for letter in "ABCDEFGHIJKLMN")
    # The probability of opening on time: a share shown as percent (`navplan risk`, 2,000 samples).
    on_time = ws.cell(5, column["I tide"])
    assert 0 <= on_time.value <= 1 and on_time.number_format == "0%"
    # Its buffer at P50 and P85 (issue 21): no duration has a range, so every sample is the schedule's own,
    # 20 working days missing.
    assert (ws.cell(5, column["Buffer P50"]).value, ws.cell(5, column["Buffer P85"]).value) == (-20, -20)

    again = run_navplan("portfolio", county, "--as-of", AS_OF, "--format", "xlsx", "-o", workbook)
    assert again.exit_code == 2 and "finnes allerede" in again.stderr
    assert run_navplan("portfolio", county, "--format", "xlsx").exit_code == 2
    assert run_navplan("portfolio", county, "-o", tmp_path / "x.csv").exit_code == 2
    assert not (tmp_path / "x.csv").exists()


def test_no_progress_bar_when_stderr_is_not_a_terminal(county: Path) -> None:
    for n in range(8):
        _write(county / "more" / str(n), plan_text(block("L1", "Lokaler", "10d"), office=f"NAV {n}"))
    result = run_navplan("portfolio", county, "--as-of", AS_OF, "--format", "csv")
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1 + 13


def test_progress_bar_on_a_terminal(county: Path) -> None:
    from navplan.cli.app import main
    from navplan.cli.environment import Environment

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for n in range(8):
        _write(county / "more" / str(n), plan_text(block("L1", "Lokaler", "10d"), office=f"NAV {n}"))
    stdout, stderr = io.StringIO(), Terminal()
    code = main(["portfolio", str(county), "--as-of", AS_OF, "--format", "json", "--lang", "en"],
                Environment(stdout=stdout, stderr=stderr, width=100))
    assert code == 2
    assert "Scheduling" in stderr.getvalue()
    assert len(json.loads(stdout.getvalue())["offices"]) == 13  # stdout stays clean


def test_risk_order_ties_go_to_the_earliest_opening() -> None:
    def line(file: str, slack: int | None, opening: dt.date | None, error: str | None = None) -> PortfolioLine:
        return PortfolioLine(file=file, slack_to_opening=slack, opening=opening, holds=None if slack is None
                             else slack >= 0, error=error)

    lines = [line("bad", None, None, "bad: x"), line("later", 5, dt.date(2031, 1, 1)),
             line("sooner", 5, dt.date(2030, 1, 1)), line("late", -1, dt.date(2032, 1, 1))]
    assert [x.file for x in sorted(lines, key=PortfolioLine.risk_key)] == ["late", "sooner", "later", "bad"]


def test_an_unreadable_plan_or_an_internal_error_stops_only_its_own_line(county: Path, monkeypatch) -> None:
    import navplan.plan.project

    real = navplan.plan.project.load_project

    def flaky(path):
        if "roomy" in str(path):
            raise PermissionError(13, "Permission denied")
        if "late" in str(path):
            raise ValueError("boom")
        return real(path)

    monkeypatch.setattr(navplan.plan.project, "load_project", flaky)
    code, records = _json(county)
    assert code == 2
    assert [r["office"] for r in records[:2]] == ["NAV Verst", "NAV Stram"]
    errors = {Path(r["file"]).parent.name: r["error"] for r in records[2:]}
    assert errors["roomy"].endswith("roomy/navplan.yaml: kan ikke leses: ingen tilgang")
    assert "intern feil i navplan (ValueError: boom)" in errors["late"]
    assert "2030-02-30" in errors["broken"]


def test_worker_processes_give_the_same_lines_in_the_same_order(county: Path) -> None:
    """Shared out to worker processes, every line (a bad plan's error included) and the order
    are what one process gives; the error still renders in either language."""
    from navplan.features.portfolio import portfolio

    for n in range(12):
        _write(county / "more" / f"{n:02}", plan_text(block("L1", "Lokaler", f"{n + 1}d"), office=f"NAV {n}"))
    _write(county / "more" / "bad", BAD_PLAN)
    as_of = dt.date(2030, 1, 7)
    alone = portfolio([county], as_of, "nb", workers=1)
    advanced = []
    shared = portfolio([county], as_of, "nb", advance=lambda: advanced.append(1), workers=2)
    assert len(advanced) == len(alone) == 18

    def view(line: PortfolioLine) -> tuple:
        return (line.file, line.office, line.opening, line.holds, line.slack_to_opening, line.critical_id,
                line.overdue, line.next_deadline, line.next_deadline_id,
                line.error.render("nb") if line.error else None, line.error.render("en") if line.error else None)

    assert [view(line) for line in shared] == [view(line) for line in alone]
    assert sum(1 for line in shared if line.error is not None) == 2


def test_an_office_that_opens_on_time_but_misses_a_date_says_so_everywhere(tmp_path: Path) -> None:
    """L1 (30 days) must be done by Friday 01.02.2030 (point 19) but finishes at the
    earliest on Friday 15.02 (point 29): that date is missed by 10 working days while
    the opening (point 40) holds with 10 to spare. The county director sees both."""
    from openpyxl import load_workbook

    plan = _write(tmp_path / "frist", plan_text(block("L1", "Lokaler", "30d", not_after="2030-02-01"),
                                                office="NAV Frist"))
    _, records = _json(plan)
    assert (records[0]["slack_to_opening"], records[0]["opening_holds"]) == (10, True)
    assert (records[0]["worst_deadline_id"], records[0]["worst_deadline_slack"]) == ("L1", -10)
    assert records[0]["missed_deadlines"] == 1 and records[0]["risk_slack"] == -10
    for lang, status in (("nb", "Gul: holder, men 1 dato holder ikke"), ("en", "Yellow: holds, but 1 date missed")):
        table = run_navplan("portfolio", plan, "--as-of", AS_OF, "--samples", "0", "--lang", lang, width=120)
        assert table.exit_code == 0
        row = next(line for line in table.stdout.splitlines() if line.startswith("NAV Frist"))
        assert " 10 " in row and " -10 " in row  # the opening's slack, then the worst date's
        lines = table.stdout.splitlines()
        start = lines[1].index("Status")  # the last column; its words may wrap onto the next lines
        body = lines[next(i for i, line in enumerate(lines) if line.startswith("─")) + 1:]
        assert " ".join(" ".join(line[start:].split()) for line in body).strip() == status
        assert ("Verste" if lang == "nb" else "Worst") in lines[1]
    assert "1 plan; 0 holder ikke åpningsdatoen; 1 holder åpningen, men ikke alle datoer; 0 kunne ikke leses." \
        in " ".join(run_navplan("portfolio", plan, "--as-of", AS_OF, "--samples", "0").stderr.split())
    workbook = tmp_path / "fylke.xlsx"
    assert run_navplan("portfolio", plan, "--as-of", AS_OF, "--format", "xlsx", "-o", workbook).exit_code == 0
    ws = load_workbook(workbook).active
    cells = {ws.cell(4, column).value: ws.cell(5, column).value for column in range(1, ws.max_column + 1)}
    assert (cells["Slakk"], cells["Verste dato: slakk"], cells["Verste dato: ID"]) == (10, -10, "L1")
    assert cells["Status"] == "Gul: holder, men 1 dato holder ikke"


def test_an_office_that_opened_with_a_date_missed_says_so_in_its_status_as_in_the_count(tmp_path: Path) -> None:
    """The same plan as of 01.04.2030, after the opening: L1 was never recorded
    done, so its not-after date 01.02.2030 is missed (as critical-path says). The
    count under the table names it among those that miss a date, the row is red,
    and the status says why instead of a bare "opened"."""
    plan = _write(tmp_path / "frist", plan_text(block("L1", "Lokaler", "30d", not_after="2030-02-01"),
                                                office="NAV Frist"))
    assert "✘ L1" in run_navplan("critical-path", plan, "--as-of", "01.04.2030").stdout
    for lang, status, count in (
            ("nb", "Gul: åpnet, men 1 dato holder ikke",
             "1 plan; 0 holder ikke åpningsdatoen; 1 holder åpningen, men ikke alle datoer; 0 kunne ikke leses."),
            ("en", "Yellow: opened, but 1 date missed",
             "1 plan; 0 do not hold their opening date; 1 holds the opening but misses dates; 0 could not be read.")):
        table = run_navplan("portfolio", plan, "--as-of", "01.04.2030", "--lang", lang, width=120)
        assert table.exit_code == 0 and count in " ".join(table.stderr.split())  # wrapped at 80
        lines = table.stdout.splitlines()
        start = lines[1].index("Status")
        body = lines[next(i for i, line in enumerate(lines) if line.startswith("─")) + 1:]
        assert " ".join(" ".join(line[start:].split()) for line in body).strip() == status


def test_an_office_that_has_opened_is_not_sampled() -> None:
    record = _json(EXAMPLES / "lillehammer-gausdal")[1][0]
    assert record["opened"] and record["probability_on_time"] is None
    table = run_navplan("portfolio", EXAMPLES / "lillehammer-gausdal", "--as-of", AS_OF, width=120)
    assert "åpnet" in table.stdout and "%" not in table.stdout


def test_when_the_opening_and_a_date_both_fail_the_status_says_and(tmp_path: Path) -> None:
    """L1 (50 days) cannot be done by the opening (point 40): 10 working days missing;
    its not-after date 01.02.2030 (point 20) is missed too. Both fail, so the status
    joins them with "og", not "men" (which would say the second is a surprise)."""
    plan = _write(tmp_path / "begge", plan_text(block("L1", "Lokaler", "50d", not_after="2030-02-01"),
                                                office="NAV Begge"))
    for lang, status in (("nb", "Rød: holder ikke: mangler 10 arbeidsdager, og 1 dato holder ikke"),
                         ("en", "Red: does not hold: 10 working days missing, and 1 date missed")):
        table = run_navplan("portfolio", plan, "--as-of", AS_OF, "--samples", "0", "--lang", lang, width=120)
        assert table.exit_code == 0
        lines = table.stdout.splitlines()
        start = lines[1].index("Status")  # the last column; its words may wrap onto the next lines
        body = lines[next(i for i, line in enumerate(lines) if line.startswith("─")) + 1:]
        assert " ".join(" ".join(line[start:].split()) for line in body).strip() == status


def _ranged_plan(folder: Path) -> Path:
    """One task of 10..30..41 working days before an opening 40 working days away:
    it is late only when its sampled duration rounds to 41, which the triangular
    distribution gives with probability (41 - 40.5)² / ((41 - 10)(41 - 30)) = 0.07 %,
    so the probability of opening on time is just under 100 %."""
    return _write(folder, plan_text(block("L1", "Lokaler", "{low: 10d, likely: 30d, high: 41d}"), office="NAV Nesten"))


def test_the_portfolio_probability_is_the_one_navplan_risk_gives(tmp_path: Path) -> None:
    plan = _ranged_plan(tmp_path / "nesten")
    risk = json.loads(run_navplan("risk", plan, "--as-of", AS_OF, "--format", "json").stdout)
    result = run_navplan("portfolio", plan, "--as-of", AS_OF, "--format", "json")
    document = json.loads(result.stdout)
    assert document["offices"][0]["probability_on_time"] == risk["probability_opening_holds"]
    assert 0.995 <= risk["probability_opening_holds"] < 1
    assert document["samples"] == risk["samples"] == 10_000


def test_fewer_samples_than_risk_are_said(tmp_path: Path) -> None:
    plan = _ranged_plan(tmp_path / "nesten")
    few = run_navplan("portfolio", plan, "--as-of", AS_OF, "--samples", "2000", width=120)
    assert "2 000 trekk per plan (navplan risk bruker 10 000)" in " ".join(few.stdout.split()) + " ".join(
        few.stderr.split())
    assert json.loads(run_navplan("portfolio", plan, "--as-of", AS_OF, "--samples", "2000",
                                  "--format", "json").stdout)["samples"] == 2000
    full = run_navplan("portfolio", plan, "--as-of", AS_OF, width=120)
    assert "trekk per plan" not in full.stdout + full.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed; CI installs it")
def test_the_workbook_shows_a_near_certain_opening_as_the_terminal_does(tmp_path: Path) -> None:
    """The terminal says "over 99 %" for a probability that rounds to 100 but is not
    certain; the workbook, opened in a spreadsheet, must say the same, not "100 %"."""
    import subprocess

    plan = _ranged_plan(tmp_path / "nesten")
    table = run_navplan("portfolio", plan, "--as-of", AS_OF, width=160)
    assert "over 99 %" in table.stdout
    for suffix in ("xlsx",):
        workbook = tmp_path / f"fylke.{suffix}"
        assert run_navplan("portfolio", plan, "--as-of", AS_OF, "--format", suffix, "-o", workbook).exit_code == 0
        subprocess.run([shutil.which("soffice"), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                        "--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
                        "--outdir", str(tmp_path / suffix), str(workbook)], capture_output=True, timeout=240)
        rows = list(csv.reader((tmp_path / suffix / "fylke.csv").read_text(encoding="utf-8").splitlines()))
        header = rows[3]
        office = next(row for row in rows if row and row[0] == "NAV Nesten")
        assert office[header.index("I tide")] == "over 99 %", office


def test_the_portfolio_samples_as_many_as_navplan_risk() -> None:
    from navplan.engine.risk_simulation import DEFAULT_SAMPLES
    from navplan.features.portfolio import PORTFOLIO_SAMPLES

    assert PORTFOLIO_SAMPLES == DEFAULT_SAMPLES


def test_symlinked_office_folders_are_searched_once_each(tmp_path: Path) -> None:
    """Issue 17, item 27: a county folder of links to the offices' own folders (a shared drive)
    lists every office; a folder reached twice (a link to a folder already searched, a link back
    up the tree) is searched once, by its real path, real folders before links."""
    root = tmp_path / "fylke"
    _write(root / "askim", plan_text(block("L1", "Lokaler", "30d"), office="NAV Askim"))
    _write(tmp_path / "delt" / "trogstad", plan_text(block("L1", "Lokaler", "20d"), office="NAV Trøgstad"))
    (root / "trogstad").symlink_to(tmp_path / "delt" / "trogstad", target_is_directory=True)
    (root / "a-askim-igjen").symlink_to(root / "askim", target_is_directory=True)  # met before the real folder
    (root / "askim" / "opp").symlink_to(root, target_is_directory=True)  # a loop
    (root / "borte").symlink_to(tmp_path / "finnes-ikke", target_is_directory=True)  # leads nowhere: not a folder
    found = find_plans([root])
    assert [str(p.relative_to(root)) for p in found] == ["askim/navplan.yaml", "trogstad/navplan.yaml"]
    code, records = _json(root)
    assert code == 0 and [r["office"] for r in records] == ["NAV Askim", "NAV Trøgstad"]
    # The same office named twice, by its link and by the file the link leads to: once.
    assert len(find_plans([root / "trogstad", tmp_path / "delt" / "trogstad" / "navplan.yaml"])) == 1
