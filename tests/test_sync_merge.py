"""`navplan sync` merges three ways (issue 17, items 1 and 25).

Two people get the same export; one marks 2.1 done in their copy, the other
2.2 in theirs; both sync. The second sync used to put 2.1 back to "ikke
startet" (`2.1 …: status ferdig → ikke startet`), in order or at once. Now the
workbook records what the plan said when it was exported (a hidden sheet,
`navplan`), and a cell that still says that is no change; a cell changed in
the workbook and, differently, in the plan since is a conflict: refused with
both values named, even with --yes (exit 1), nothing written.

And the office a workbook was made for is read from that record, so an office
named with a comma ("NAV Fjordby, åpning i 2028") is not misread from the
title row (its own workbook was refused, another office's accepted).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

import conftest
from conftest import EXAMPLES, run_navplan
from navplan.features.workbook_file import WorkbookFile
from navplan.plan.project import load_project
from navplan.plan.values import Status

TODAY = dt.date(2027, 3, 1)
AS_OF = "01.02.2027"
RECORD = "navplan"


@pytest.fixture(autouse=True)
def _today(monkeypatch) -> None:
    monkeypatch.setattr(conftest, "TODAY", TODAY)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "kontor" / "navplan.yaml"
    path.parent.mkdir()
    shutil.copy(EXAMPLES / "nytt-kontor" / "navplan.yaml", path)
    return path


def export(plan: Path, target: Path, *args: str) -> Path:
    result = run_navplan("export", target.suffix[1:], plan, "-o", target, "--as-of", AS_OF, *args)
    assert result.exit_code == 0, result.stderr
    return target


def edit(path: Path, edits: dict[str, dict[str, object]]) -> None:
    """Set cells of the countdown sheet by activity id and column header, as a person would."""
    if path.suffix == ".ods":
        from test_ods import edit_ods

        edit_ods(path, edits)
        return
    from openpyxl import load_workbook

    from workbooks import HEADER_ROW, put_date

    book = load_workbook(path)
    sheet = book.worksheets[0]
    header = {cell.value: cell.column for cell in sheet[HEADER_ROW] if cell.value}
    rows = {sheet.cell(row, 1).value: row for row in range(HEADER_ROW + 1, sheet.max_row + 1)}
    for activity_id, cells in edits.items():
        for name, value in cells.items():
            cell = sheet.cell(rows[activity_id], header[name])
            if isinstance(value, dt.date) or value is None:
                put_date(cell, value)
            else:
                cell.value = value
    book.save(path)


def done(day: int) -> dict[str, object]:
    return {"Status": "ferdig", "Faktisk ferdig": dt.date(2027, 2, day)}


def state(plan: Path, activity_id: str) -> tuple[Status, dt.date | None]:
    activity = load_project(plan).activities[activity_id]
    return activity.status, activity.actual_finish


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_two_copies_of_one_export_synced_one_after_the_other_keep_both_edits(plan: Path, tmp_path: Path,
                                                                              kind: str) -> None:
    first = export(plan, tmp_path / f"kari.{kind}")
    second = tmp_path / f"per.{kind}"
    shutil.copy(first, second)
    edit(first, {"2.1": done(10)})
    edit(second, {"2.2": done(12)})
    one = run_navplan("sync", first, plan, "--yes")
    assert one.exit_code == 0, one.stderr
    two = run_navplan("sync", second, plan, "--yes", width=None)
    assert two.exit_code == 0, two.stderr
    assert "ferdig → ikke startet" not in two.stdout, two.stdout
    assert not [line for line in two.stdout.splitlines() if line.startswith("2.1 ")], two.stdout
    assert two.stdout.splitlines()[1:] == [
        "2.2 Kartlegge lokale forhold: status ikke startet → ferdig, faktisk ferdig – → 12.02.2027"]
    assert state(plan, "2.1") == (Status.DONE, dt.date(2027, 2, 10))
    assert state(plan, "2.2") == (Status.DONE, dt.date(2027, 2, 12))
    again = run_navplan("sync", first, plan)
    assert again.exit_code == 0 and again.stdout.startswith("Ingenting å endre"), again.stdout


def test_two_copies_synced_at_the_same_moment_keep_both_edits(plan: Path, tmp_path: Path) -> None:
    from test_concurrent_edits import race

    template = export(plan, tmp_path / "export.xlsx")
    original = plan.read_bytes()
    lost = []
    for attempt in range(10):
        plan.write_bytes(original)
        first, second = tmp_path / f"kari-{attempt}.xlsx", tmp_path / f"per-{attempt}.xlsx"
        shutil.copy(template, first)
        shutil.copy(template, second)
        edit(first, {"2.1": done(10)})
        edit(second, {"2.2": done(12)})
        outcomes = race(["sync", first, plan, "--yes"], ["sync", second, plan, "--yes"])
        assert [code for _, code, _ in outcomes] == [0, 0], outcomes
        if [state(plan, "2.1")[0], state(plan, "2.2")[0]] != [Status.DONE, Status.DONE]:
            lost.append(attempt)
    assert lost == [], f"an edit was lost in {len(lost)} of 10 races"


def test_a_change_the_plan_made_since_the_export_stays_when_the_cell_was_not_touched(plan: Path,
                                                                                     tmp_path: Path) -> None:
    workbook = export(plan, tmp_path / "kari.xlsx")
    assert run_navplan("done", "2.1", plan, "--on", "10.02.2027").exit_code == 0
    assert run_navplan("start", "2.3", plan, "--on", "11.02.2027").exit_code == 0
    result = run_navplan("sync", workbook, plan, "--yes")
    assert result.exit_code == 0 and result.stdout.startswith("Ingenting å endre"), result.stdout
    assert state(plan, "2.1") == (Status.DONE, dt.date(2027, 2, 10))
    assert load_project(plan).activities["2.3"].status is Status.STARTED


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_cell_changed_in_both_to_different_values_is_a_conflict(plan: Path, tmp_path: Path, kind: str) -> None:
    workbook = export(plan, tmp_path / f"kari.{kind}")
    assert run_navplan("done", "2.1", plan, "--on", "10.02.2027").exit_code == 0
    edit(workbook, {"2.1": {"Status": "pågår", "Faktisk start": dt.date(2027, 2, 8)},
                    "2.2": done(12)})
    before = plan.read_bytes()
    result = run_navplan("sync", workbook, plan, "--yes")
    assert result.exit_code == 1, result.stderr
    assert plan.read_bytes() == before, "nothing is written, not even 2.2"
    lines = result.stderr.splitlines()
    assert lines[0] == (f"navplan: {workbook}: Nedtellingskalender!J9: konflikt for 2.1 status: planen sier ferdig, "
                        "arbeidsboken sier pågår (begge er endret siden eksporten, da sto det ikke startet)")
    assert lines[-1].startswith("Ingenting er skrevet: ")
    english = run_navplan("sync", workbook, plan, "--yes", "--lang", "en")
    assert english.exit_code == 1
    assert ("Nedtellingskalender!J9: conflict for 2.1 status: the plan says done, the workbook says started (both "
            "changed since the export, which said not started)") in english.stderr


def test_the_same_change_on_both_sides_is_no_conflict_and_different_dates_are(plan: Path, tmp_path: Path) -> None:
    workbook = export(plan, tmp_path / "kari.xlsx")
    assert run_navplan("done", "2.1", plan, "--on", "10.02.2027").exit_code == 0
    edit(workbook, {"2.1": done(10)})
    same = run_navplan("sync", workbook, plan, "--yes")
    assert same.exit_code == 0 and same.stdout.startswith("Ingenting å endre"), same.stdout + same.stderr
    edit(workbook, {"2.1": done(11)})
    other = run_navplan("sync", workbook, plan, "--yes")
    assert other.exit_code == 1
    assert ("Nedtellingskalender!L9: konflikt for 2.1 faktisk ferdig: planen sier 10.02.2027, arbeidsboken sier "
            "11.02.2027 (begge er endret siden eksporten, da sto det –)") in other.stderr
    assert state(plan, "2.1") == (Status.DONE, dt.date(2027, 2, 10))


def _without_record(path: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path)
    del book[RECORD]
    book.save(path)


def test_a_workbook_exported_before_the_record_syncs_as_before_and_says_so(plan: Path, tmp_path: Path) -> None:
    workbook = export(plan, tmp_path / "old.xlsx")
    _without_record(workbook)
    assert run_navplan("done", "2.1", plan, "--on", "10.02.2027").exit_code == 0
    edit(workbook, {"2.2": done(12)})
    result = run_navplan("sync", workbook, plan)
    assert result.exit_code == 0
    assert "2.1 Skape felles forståelse for målene med reformen: status ferdig → ikke startet" in result.stdout
    assert (f"{workbook} har ingen kopi av planen fra da den ble laget (en eldre navplan laget den): arbeidsboken "
            "gjelder for status og faktiske datoer") in result.stderr


def test_the_record_is_a_hidden_sheet_in_both_formats(plan: Path, tmp_path: Path) -> None:
    import zipfile

    from openpyxl import load_workbook

    xlsx = export(plan, tmp_path / "a.xlsx")
    assert load_workbook(xlsx)[RECORD].sheet_state == "hidden"
    ods = export(plan, tmp_path / "a.ods")
    with WorkbookFile(ods) as book:
        assert RECORD in book.sheet_names
    content = zipfile.ZipFile(ods).read("content.xml").decode("utf-8")
    name = content.split(f'table:name="{RECORD}" table:style-name="')[1].split('"')[0]
    assert f'style:name="{name}"' in content and 'table:display="false"' in content.split(f'style:name="{name}"')[1][:300]


@pytest.mark.parametrize(("row", "column", "value", "message"), [
    (7, 2, "ferdi", "navplan!B7: 'ferdi' er ikke en status i navplans kopi av planen"),
    (7, 4, "2027-02-30", "navplan!D7: '2027-02-30' er ikke en dato i navplans kopi av planen"),
])
def test_a_damaged_record_is_refused_and_nothing_is_written(plan: Path, tmp_path: Path, row: int, column: int,
                                                            value: str, message: str) -> None:
    from openpyxl import load_workbook

    workbook = export(plan, tmp_path / "kari.xlsx")
    edit(workbook, {"2.2": done(12)})
    book = load_workbook(workbook)
    assert book[RECORD].cell(row, 1).value == "1.2"
    book[RECORD].cell(row, column).value = value
    book.save(workbook)
    before = plan.read_bytes()
    result = run_navplan("sync", workbook, plan, "--yes")
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and plan.read_bytes() == before


# Item 25: an office named with a comma.

COMMA = "NAV Fjordby, åpning i 2028"


def _office(plan: Path, name: str) -> Path:
    plan.write_text(plan.read_text(encoding="utf-8").replace('office: "NAV Fjordby"', f'office: "{name}"'),
                    encoding="utf-8")
    return plan


@pytest.mark.parametrize("record", [True, False])
def test_an_office_with_a_comma_syncs_its_own_workbook(plan: Path, tmp_path: Path, record: bool) -> None:
    _office(plan, COMMA)
    workbook = export(plan, tmp_path / "kari.xlsx")
    if not record:
        _without_record(workbook)
    edit(workbook, {"2.2": done(12)})
    result = run_navplan("sync", workbook, plan, "--yes")
    assert result.exit_code == 0, result.stderr
    assert state(plan, "2.2") == (Status.DONE, dt.date(2027, 2, 12))


@pytest.mark.parametrize("record", [True, False])
@pytest.mark.parametrize(("made_for", "synced_to"), [(COMMA, "NAV Fjordby"), ("NAV Fjordby", COMMA)])
def test_another_office_s_workbook_is_refused_whatever_its_comma(plan: Path, tmp_path: Path, record: bool,
                                                                 made_for: str, synced_to: str) -> None:
    _office(plan, made_for)
    workbook = export(plan, tmp_path / "other.xlsx")
    if not record:
        _without_record(workbook)
    edit(workbook, {"2.2": done(12)})
    _office(plan, synced_to) if made_for == "NAV Fjordby" else plan.write_text(
        plan.read_text(encoding="utf-8").replace(f'office: "{made_for}"', f'office: "{synced_to}"'), encoding="utf-8")
    before = plan.read_bytes()
    result = run_navplan("sync", workbook, plan, "--yes", "--lang", "en")
    assert result.exit_code == 2, result.stderr
    assert f"the workbook was made for {made_for}, but the plan is for {synced_to}" in result.stderr
    assert plan.read_bytes() == before


def test_the_python_api_names_the_conflicts_and_will_not_write_them(plan: Path, tmp_path: Path) -> None:
    import navplan
    from navplan.errors import NavplanError

    workbook = export(plan, tmp_path / "kari.xlsx")
    assert run_navplan("done", "2.1", plan, "--on", "10.02.2027").exit_code == 0
    edit(workbook, {"2.1": {"Status": "pågår", "Faktisk start": dt.date(2027, 2, 8)}})
    found = navplan.sync_workbook(workbook, plan, today=TODAY)
    assert [(c.activity_id, c.field, c.cell) for c in found.conflicts] == [("2.1", "status", "Nedtellingskalender!J9")]
    before = plan.read_bytes()
    with pytest.raises(NavplanError) as caught:
        found.write()
    assert caught.value.exit_code == 1 and plan.read_bytes() == before
