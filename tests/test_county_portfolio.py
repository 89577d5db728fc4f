"""`navplan portfolio` with a county file, and `navplan portfolio --since`: what moved in
each office since the last county meeting, from each office's git history.

The small plans come from tests/gitplans.py: the handbook's chapters dropped, opening
Monday 04.03.2030, looked at as of Monday 07.01.2030 (working-day point 0); the
opening is point 40, and point p is the p-th working day after 07.01.2030 (no public
holiday before Easter 2030), so Friday 15.02.2030 is point 29 and a task that must be
done by it finishes at point 30.

The county of the --since tests, as of 07.01.2030, since Saturday 05.01.2030:

- NAV Alfa (the county's repository), committed 02.01.2030: L1 20 days, then L2 10 days,
  L2 not after Friday 15.02.2030. Chain 30 days: slack to the opening 10, L2 finishes at
  point 30 and just holds. Now L1 takes 25 days and has started today: chain 35, slack 5
  (change -5); L1's status not started → started; L2 finishes at 35 and misses 15.02 by 5.
  L1's forecast finish moved 20 → 25 (+5) and its latest start 0 → -5 (-5): as much, the
  forecast names it; L2's forecast finish 30 → 35 (+5). Two moves.
- NAV Beta (the county's repository), committed 02.01.2030 with L1 50 days: slack -10;
  committed again on 08.01.2030 (after the meeting) with the opening a week later,
  11.03.2030 (point 45): slack -5 (change +5). L1's dates: its latest finish 40 → 45 and
  latest start -10 → -5, +5 each; its forecast did not move: the latest finish names it.
- NAV Gamma (a repository of its own), committed 03.01.2030 with L1 10 days; now L1 has
  started today: the same dates (slack 30, change 0), one status change, no move.
- NAV Delta (in the county's repository, never committed): no commit on or before 05.01.2030.
- NAV Epsilon (outside any repository): not in a git repository.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from conftest import run_navplan
from gitplans import AS_OF, block, commit_plan, git, new_repository, no_repository_above, plan_text  # noqa: F401

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="the county's history is in git")

COUNTY = "county: Innlandet\nresources:\n  - {id: it-utrulling, capacity: 2, unit: per uke, activities: [\"M4\"]}\n"


def _write(folder: Path, text: str, name: str = "navplan.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


# --- a county file beside the offices --------------------------------------------------------------------------------


@pytest.fixture
def county(tmp_path: Path) -> Path:
    """Two offices whose slack is counted by hand (see tests/test_portfolio.py) and a county file."""
    root = tmp_path / "innlandet"
    _write(root / "romslig", plan_text(block("L1", "Lokaler", "30d"), office="NAV Romslig"))  # slack 10
    _write(root / "sein", plan_text(block("L1", "Lokaler", "50d"), office="NAV Sein"))  # slack -10
    _write(root, COUNTY, "fylke.yaml")
    return root


def test_the_portfolio_names_the_county_of_the_folder_it_is_given(county: Path) -> None:
    table = run_navplan("portfolio", county, "--as-of", AS_OF, "--samples", "0", "--lang", "en")
    assert table.exit_code == 0, table.stderr
    assert table.stdout.splitlines()[0] == "Innlandet: portfolio as of 2030-01-07: 2 plans, sorted by risk"
    assert f"County file {county / 'fylke.yaml'}: Innlandet, 1 shared resource." in " ".join(table.stderr.split())
    document = json.loads(run_navplan("portfolio", county, "--as-of", AS_OF, "--format", "json").stdout)
    assert document["county"] == "Innlandet" and "since" not in document
    assert [o["slack_to_opening"] for o in document["offices"]] == [-10, 10]


@pytest.mark.parametrize("since", ["", "  "])
def test_an_empty_since_is_refused(county: Path, since: str) -> None:
    """`--since ""` (a variable that was never set) ran the whole portfolio and said of every
    office "the revision  is not in the plan's repository"; as diff and report refuse an empty
    revision, it is refused at once, exit 2, with nothing printed."""
    result = run_navplan("portfolio", county, "--since", since, "--as-of", AS_OF, "--samples", "0")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "navplan: --since: kan ikke være tom\n", result.stderr


def test_without_a_county_file_the_document_has_no_county(county: Path) -> None:
    (county / "fylke.yaml").unlink()
    document = json.loads(run_navplan("portfolio", county, "--as-of", AS_OF, "--format", "json").stdout)
    assert set(document) == {"format_version", "as_of", "samples", "offices"}
    table = run_navplan("portfolio", county, "--as-of", AS_OF, "--samples", "0")
    assert table.stdout.startswith("Portefølje per 07.01.2030: 2 planer") and "Fylkesfil" not in table.stderr


def test_county_option_alone_lists_the_offices_under_the_county_file(county: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    moved = county.rename(tmp_path / "elsewhere")
    (moved / "fylke.yaml").rename(moved / "innlandet.yaml")
    alone = run_navplan("portfolio", "--county", moved / "innlandet.yaml", "--as-of", AS_OF, "--format", "json")
    assert alone.exit_code == 0, alone.stderr
    assert [o["office"] for o in json.loads(alone.stdout)["offices"]] == ["NAV Sein", "NAV Romslig"]
    # With paths, only those: the county file may lie anywhere.
    one = run_navplan("portfolio", moved / "romslig", "--county", moved / "innlandet.yaml", "--as-of", AS_OF,
                      "--format", "json")
    assert [o["office"] for o in json.loads(one.stdout)["offices"]] == ["NAV Romslig"]
    assert json.loads(one.stdout)["county"] == "Innlandet"
    # Neither paths nor a county file: the usage error it always was.
    monkeypatch.chdir(tmp_path)
    nothing = run_navplan("portfolio", "--lang", "en")
    assert nothing.exit_code == 2 and nothing.stderr == "navplan: missing PATHS... (see `navplan portfolio --help`)\n"


def test_two_county_files_ask_which(county: Path, tmp_path: Path) -> None:
    other = tmp_path / "viken"
    _write(other / "a", plan_text(block("L1", "Lokaler", "30d"), office="NAV A"))
    _write(other, COUNTY.replace("Innlandet", "Viken"), "fylke.yaml")
    result = run_navplan("portfolio", county, other, "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("navplan: PATHS: found several county files: ")
    assert result.stderr.rstrip().endswith("(choose one with --county FILE)")
    chosen = run_navplan("portfolio", county, other, "--county", other, "--as-of", AS_OF, "--format", "json")
    assert json.loads(chosen.stdout)["county"] == "Viken" and len(json.loads(chosen.stdout)["offices"]) == 3


@pytest.mark.parametrize("written,environ,lang,first", [
    ("språk: en\n", {}, None, "Innlandet: portfolio as of 2030-01-07"),
    ("språk: en\n", {}, "nb", "Innlandet: portefølje per 07.01.2030"),
    ("språk: en\n", {"NAVPLAN_LANG": "nb"}, None, "Innlandet: portefølje per 07.01.2030"),
    ("language: nb\n", {}, None, "Innlandet: portefølje per 07.01.2030"),
    ("språk: nn\n", {}, None, "Innlandet: portefølje per 07.01.2030"),  # bokmål until navplan speaks nynorsk
    ("", {}, "en", "Innlandet: portfolio as of 2030-01-07"),
])
def test_the_county_language_speaks_when_nothing_else_chose(county: Path, written: str, environ: dict,
                                                           lang: str | None, first: str) -> None:
    _write(county, COUNTY + written, "fylke.yaml")
    result = run_navplan("portfolio", county, "--as-of", AS_OF, "--samples", "0",
                         *(["--lang", lang] if lang else []), environ=environ)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(first)


def test_a_bad_county_file_stops_the_portfolio_with_its_one_line(county: Path) -> None:
    _write(county, COUNTY.replace("per uke", "per måned"), "fylke.yaml")
    result = run_navplan("portfolio", county, "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"navplan: {county / 'fylke.yaml'}:3: resources[it-utrulling].unit: 'per måned'")


def test_the_workbook_title_names_the_county(county: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "fylket.xlsx"
    assert run_navplan("portfolio", county, "--as-of", AS_OF, "-f", "xlsx", "-o", target).exit_code == 0
    book = load_workbook(target)
    assert book.sheetnames == ["Portefølje"]  # no changes sheet without --since
    assert book.active["A1"].value == "Innlandet: portefølje per 07.01.2030: 2 planer, sortert etter risiko"


# --- --since: what moved in each office --------------------------------------------------------------------------


@pytest.fixture
def history(tmp_path: Path) -> dict[str, object]:
    """The county of the module's docstring, in git."""
    root = new_repository(tmp_path / "fylket")
    alpha = root / "alfa"
    alpha.mkdir()
    l2 = block("L2", "Flytting", "10d", after="[L1]", not_after="2030-02-15")
    alpha_commit = commit_plan(alpha, plan_text(block("L1", "Lokaler", "20d") + l2, office="NAV Alfa"),
                               "Alfa før møtet", date="2030-01-02")
    _write(alpha, plan_text(block("L1", "Lokaler", "25d", status="started", actual_start="2030-01-07") + l2,
                            office="NAV Alfa"))
    beta = root / "beta"
    beta.mkdir()
    beta_text = plan_text(block("L1", "Lokaler", "50d"), office="NAV Beta")
    beta_commit = commit_plan(beta, beta_text, "Beta før møtet", date="2030-01-02")
    git(root, "tag", "fylkesmote")  # the meeting's revision: Alfa and Beta as they were
    commit_plan(beta, beta_text.replace("opening: 2030-03-04", "opening: 2030-03-11"), "Beta: åpning en uke senere",
                date="2030-01-08")
    gamma = new_repository(root / "gamma")
    gamma_commit = commit_plan(gamma, plan_text(block("L1", "Lokaler", "10d"), office="NAV Gamma"), "Gamma",
                               date="2030-01-03")
    _write(gamma, plan_text(block("L1", "Lokaler", "10d", status="started", actual_start="2030-01-07"),
                            office="NAV Gamma"))
    _write(root / "delta", plan_text(block("L1", "Lokaler", "20d"), office="NAV Delta"))
    epsilon = _write(tmp_path / "utenfor" / "epsilon", plan_text(block("L1", "Lokaler", "15d"), office="NAV Epsilon"))
    return {"root": root, "epsilon": epsilon.parent, "alfa": alpha_commit, "beta": beta_commit, "gamma": gamma_commit}


def _changes(history, *args) -> dict[str, dict]:
    result = run_navplan("portfolio", history["root"], history["epsilon"], "--as-of", AS_OF, "--samples", "0",
                         "--format", "json", "--lang", "en", *args)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    return document, {o["office"]: o["changes"] for o in document["offices"]}


def test_since_a_date_each_office_against_its_last_commit_on_or_before_it(history) -> None:
    document, changes = _changes(history, "--since", "05.01.2030")
    assert document["since"] == "2030-01-05"
    alpha = changes["NAV Alfa"]
    assert (alpha["history"], alpha["revision"], alpha["revision_date"]) == (True, history["alfa"], "2030-01-02")
    assert alpha["revision_subject"] == "Alfa før møtet"
    assert (alpha["slack_to_opening_before"], alpha["slack_to_opening_after"], alpha["slack_to_opening_change"]) == \
        (10, 5, -5)
    assert (alpha["opening_holds_before"], alpha["opening_holds_after"]) == (True, True)
    assert alpha["status_changed"] == [{"id": "L1", "title": "Lokaler", "status_before": "not_started",
                                        "status_after": "started"}]
    assert alpha["moved_count"] == 2
    assert [(m["id"], m["date"], m["moved"], m["latest_start_moved"], m["latest_finish_moved"],
             m["earliest_finish_moved"]) for m in alpha["moved_most"]] == [
        ("L1", "earliest_finish", 5, -5, 0, 5), ("L2", "earliest_finish", 5, 0, 0, 5)]
    assert alpha["newly_missed_dates"] == [{"id": "L2", "title": "Flytting", "date": "2030-02-15",
                                            "kind": "not_after", "missing_working_days": 5}]

    beta = changes["NAV Beta"]  # the commit of 08.01 is after the meeting: the one of 02.01 is compared
    assert (beta["revision"], beta["revision_date"]) == (history["beta"], "2030-01-02")
    assert (beta["opening_date_before"], beta["opening_date_after"]) == ("2030-03-04", "2030-03-11")
    assert (beta["slack_to_opening_before"], beta["slack_to_opening_after"], beta["slack_to_opening_change"]) == \
        (-10, -5, 5)
    assert (beta["opening_holds_before"], beta["opening_holds_after"]) == (False, False)
    assert [(m["id"], m["date"], m["moved"], m["latest_start_moved"], m["latest_finish_moved"],
             m["earliest_finish_moved"]) for m in beta["moved_most"]] == [("L1", "latest_finish", 5, 5, 5, 0)]
    assert beta["status_changed"] == [] and beta["newly_missed_dates"] == []

    gamma = changes["NAV Gamma"]  # its own repository
    assert (gamma["revision"], gamma["slack_to_opening_change"], gamma["moved_count"]) == (history["gamma"], 0, 0)
    assert [c["id"] for c in gamma["status_changed"]] == ["L1"]

    assert (changes["NAV Delta"]["history"], changes["NAV Delta"]["no_history_reason"]) == (False, "none_before")
    assert changes["NAV Delta"]["no_history"] == "No history: no commit of the plan on or before 2030-01-05."
    assert changes["NAV Delta"]["slack_to_opening_before"] is None and changes["NAV Delta"]["moved_count"] is None
    assert changes["NAV Epsilon"]["no_history"] == "No history: the plan is not in a git repository."


def test_since_a_revision_each_repository_that_knows_it(history) -> None:
    document, changes = _changes(history, "--since", "fylkesmote")
    assert document["since"] == "fylkesmote"
    # The tag is Beta's first commit, which holds Alfa's plan as it was too: both compare with it.
    assert changes["NAV Alfa"]["revision"] == history["beta"] and changes["NAV Alfa"]["slack_to_opening_change"] == -5
    assert changes["NAV Beta"]["revision"] == history["beta"] and changes["NAV Beta"]["slack_to_opening_change"] == 5
    assert changes["NAV Gamma"]["no_history"] == \
        "No history: the revision fylkesmote is not in the plan's repository."
    assert changes["NAV Delta"]["no_history_reason"] == "not_at_revision"
    assert changes["NAV Delta"]["no_history"].startswith("No history: the plan did not exist at ")
    assert changes["NAV Epsilon"]["no_history_reason"] == "outside_git"


def test_a_date_that_does_not_exist_is_a_mistake_not_a_revision(history) -> None:
    result = run_navplan("portfolio", history["root"], "--since", "30.02.2030", "--lang", "en")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("navplan: --since: '30.02.2030' is not a real date")


def test_the_changes_table_for_people(history) -> None:
    result = run_navplan("portfolio", history["root"], history["epsilon"], "--as-of", AS_OF, "--samples", "0",
                         "--since", "05.01.2030", width=None)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    start = lines.index("Endringer siden 05.01.2030, per 07.01.2030")
    assert lines[start + 1] == "Hvert kontor er sammenlignet med siste commit av planen til og med 05.01.2030."
    table = "\n".join(lines[start:])
    # Piped: one line per item, every cell whole. The offices in the portfolio's (risk) order: Alfa
    # and Beta are both 5 days short, Beta of its opening (red), Alfa of 15.02 (yellow): the one
    # verdict sorts first (issue 19).
    assert table.index("NAV Beta") < table.index("NAV Alfa") < table.index("NAV Delta") < table.index("NAV Gamma")
    alpha = next(i for i, line in enumerate(lines) if i > start and line.startswith("NAV Alfa"))
    assert "10 → 5 (-5)" in lines[alpha] and "L1 ikke startet → pågår" in lines[alpha]
    assert "L1 +5 prognose ferdig" in lines[alpha] and "L2 15.02.2030: mangler 5 arbeidsdager" in lines[alpha]
    assert lines[alpha + 1].startswith(history["alfa"][:7] + " 02.01.2030")
    assert "L2 +5 prognose ferdig" in lines[alpha + 1]
    beta = next(i for i, line in enumerate(lines) if i > start and line.startswith("NAV Beta"))
    assert "-10 → -5 (+5)" in lines[beta] and "åpning 04.03.2030 → 11.03.2030" in lines[beta]
    assert "L1 +5 ferdig senest" in lines[beta + 1]
    assert "Ingen historikk: planen ligger ikke i et git-repository." in table
    assert "Ingen historikk: ingen commit av planen til og med 05.01.2030." in table
    assert " ".join(result.stderr.split()).endswith(  # the summary's last line, wrapped at 80
        "5 kontorer sammenlignet: 1 med mindre slakk enn før, 1 med mer, 2 uten historikk.")


def test_the_changes_table_keeps_every_word_at_every_width(history, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_terminal_width import check_widths, headers

    monkeypatch.chdir(history["root"].parent)
    keys = ["portfolio.col.office", "changes.col.compared", "changes.col.slack", "changes.col.status",
            "changes.col.moved", "changes.col.missed"]
    for lang in ("nb", "en"):
        check_widths(["portfolio", "fylket", "utenfor", "--as-of", AS_OF, "--samples", "0", "--since", "05.01.2030",
                      "--lang", lang], headers(*keys, lang=lang), ["L1", "L2", history["alfa"][:7]])


def test_csv_adds_the_changes_as_columns(history) -> None:
    result = run_navplan("portfolio", history["root"], "--as-of", AS_OF, "--samples", "0", "--since", "05.01.2030",
                         "--format", "csv")
    rows = {row["office"]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    plain = run_navplan("portfolio", history["root"], "--as-of", AS_OF, "--format", "csv", "--samples", "0")
    first = plain.stdout.splitlines()[0].split(",")
    assert list(rows["NAV Alfa"])[:len(first)] == first  # the columns it always had, then the changes
    alpha = rows["NAV Alfa"]
    assert (alpha["since"], alpha["history"], alpha["revision"], alpha["slack_to_opening_before"],
            alpha["slack_to_opening_change"]) == ("2030-01-05", "true", history["alfa"], "10", "-5")
    assert (alpha["status_changed"], alpha["moved_count"], alpha["moved_most"], alpha["newly_missed_dates"]) == \
        ("L1", "2", "L1 L2", "L2")
    assert (rows["NAV Delta"]["history"], rows["NAV Delta"]["no_history_reason"]) == ("false", "none_before")


def test_the_workbook_gets_a_sheet_of_changes(history, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "fylket.xlsx"
    result = run_navplan("portfolio", history["root"], "--as-of", AS_OF, "--samples", "0", "--since", "05.01.2030",
                         "-f", "xlsx", "-o", target)
    assert result.exit_code == 0, result.stderr
    book = load_workbook(target)
    assert book.sheetnames == ["Portefølje", "Endringer"]
    sheet = book["Endringer"]
    assert sheet["A1"].value == "Endringer siden 05.01.2030, per 07.01.2030"
    header = [cell.value for cell in sheet[4]]
    assert header == ["Kontor", "Planfil", "Sammenlignet med", "Commit-dato", "Åpning før", "Åpning", "Slakk før",
                      "Slakk nå", "Endring", "Endret status", "Flyttet mest (arbeidsdager)", "Holder ikke lenger"]
    rows = {sheet.cell(row, 1).value: [cell.value for cell in sheet[row]] for row in range(5, sheet.max_row + 1)}
    alpha = dict(zip(header, rows["NAV Alfa"], strict=True))
    assert (alpha["Slakk før"], alpha["Slakk nå"], alpha["Endring"]) == (10, 5, -5)
    assert alpha["Commit-dato"].date().isoformat() == "2030-01-02"
    assert alpha["Endret status"] == "L1 ikke startet → pågår"
    assert alpha["Flyttet mest (arbeidsdager)"] == "L1 +5 prognose ferdig\nL2 +5 prognose ferdig"
    assert alpha["Holder ikke lenger"] == "L2 15.02.2030: mangler 5 arbeidsdager"
    assert dict(zip(header, rows["NAV Delta"], strict=True))["Sammenlignet med"] == \
        "Ingen historikk: ingen commit av planen til og med 05.01.2030."
    assert sheet.freeze_panes == "A5" and sheet.auto_filter.ref == f"A4:L{sheet.max_row}"


def test_json_with_since_matches_the_schema(history) -> None:
    from test_schemas import check

    result = run_navplan("portfolio", history["root"], history["epsilon"], "--as-of", AS_OF, "--samples", "0",
                         "--since", "05.01.2030", "--format", "json")
    check("portfolio", json.loads(result.stdout))


def test_without_since_git_is_never_asked(history, monkeypatch: pytest.MonkeyPatch) -> None:
    """History costs a git call or four per office: a portfolio of a thousand plans reads none unless asked."""
    import navplan.features.plan_history

    def no_git(*args, **kwargs):
        raise AssertionError("git was asked")

    monkeypatch.setattr(navplan.features.plan_history, "_git", no_git)
    result = run_navplan("portfolio", history["root"], "--as-of", AS_OF, "--samples", "0", "--format", "json")
    assert result.exit_code == 0 and "changes" not in result.stdout


def test_worker_processes_give_the_same_changes(history) -> None:
    import datetime as dt

    from navplan.features.portfolio import portfolio

    for n in range(4):
        _write(history["root"] / "mer" / str(n), plan_text(block("L1", "Lokaler", f"{n + 1}d"), office=f"NAV {n}"))
    since = dt.date(2030, 1, 5)
    alone = portfolio([history["root"]], dt.date(2030, 1, 7), "nb", workers=1, samples=0, since=since)
    shared = portfolio([history["root"]], dt.date(2030, 1, 7), "nb", workers=2, samples=0, since=since)
    assert [line.changes for line in shared] == [line.changes for line in alone]
    assert sum(1 for line in alone if line.changes.has_history) == 3

