"""`navplan sync`: progress marked in the workbook, read back into the plan file."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import EXAMPLES, run_navplan
from navplan.cli.app import main
from navplan.cli.environment import Environment
from navplan.features.workbook_sync import Change, workbook_changes
from navplan.plan.project import load_project
from navplan.plan.values import Status
from plandiff import changed_lines, touched_blocks
from workbooks import ACTUAL_FINISH, ACTUAL_START, HEADER_ROW, STATUS, build_workbook, mark

INDRE_OSTFOLD = EXAMPLES / "indre-ostfold" / "navplan.yaml"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """Indre Østfold's plan, with the post-opening move dropped, so that sync meets a dropped id."""
    copy = tmp_path / "navplan.yaml"
    text = INDRE_OSTFOLD.read_text(encoding="utf-8")
    assert "drop: []" in text
    copy.write_text(text.replace("drop: []", 'drop: ["9.2.6"]'), encoding="utf-8")
    return copy


@pytest.fixture
def workbook(tmp_path: Path, plan: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "plan.xlsx"
    return path, build_workbook(path, load_project(plan))


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_an_unedited_workbook_has_nothing_to_change_and_the_plan_is_untouched(plan, workbook) -> None:
    before = snapshot(plan)
    result = run_navplan("sync", workbook[0], plan, "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Ingenting å endre:")
    assert snapshot(plan) == before


def test_the_changes_are_listed_per_activity_in_either_language(plan, workbook) -> None:
    path, rows = workbook
    mark(path, rows["4.1"], status="ferdig", finish=dt.date(2019, 3, 5))
    mark(path, rows["7.4"], status="pågår", start="04.03.2019", as_text=True)
    assert workbook_changes(path, load_project(plan)) == [
        Change("4.1", "status", Status.STARTED, Status.DONE),
        Change("4.1", "actual_finish", None, dt.date(2019, 3, 5)),
        Change("7.4", "status", Status.NOT_STARTED, Status.STARTED),
        Change("7.4", "actual_start", None, dt.date(2019, 3, 4)),
    ]
    nb = run_navplan("sync", path, plan, width=None)  # piped: one line per activity
    assert nb.stdout.splitlines()[1:] == [
        "4.1 Etablere prosjektorganisasjon: status pågår → ferdig, faktisk ferdig – → 05.03.2019",
        "7.4 Personelløpet: Innplassere medarbeidere med roller og fullmakter: "
        "status ikke startet → pågår, faktisk start – → 04.03.2019",
    ]
    en = run_navplan("sync", path, plan, "--lang", "en", width=None)
    assert en.stdout.splitlines()[1] == (
        "4.1 Set up the project organisation: status started → done, actual finish – → 05.03.2019")


def test_without_yes_nothing_is_written_and_stderr_says_how(plan, workbook) -> None:
    path, rows = workbook
    mark(path, rows["4.1"], status="ferdig", finish=dt.date(2019, 3, 5))
    before = snapshot(plan)
    result = run_navplan("sync", path, plan)
    assert result.exit_code == 0
    assert "4.1" in result.stdout
    assert "Ingenting er skrevet" in result.stderr and "--yes" in result.stderr
    assert snapshot(plan) == before
    english = run_navplan("sync", path, plan, "--lang", "en")
    # A workbook built as before the export's record (tests/workbooks.py): the note that it wins comes first.
    assert english.stderr.splitlines()[0].endswith("holds no copy of the plan from when it was made (an older "
                                                   "navplan made it): the workbook wins for status and actual "
                                                   "dates, also where the plan changed since. Export a new "
                                                   "workbook to merge.")
    assert english.stderr.splitlines()[1].startswith("Nothing was written. To write the changes: navplan sync")


def test_yes_writes_only_the_lines_of_the_edited_activities(plan, workbook) -> None:
    path, rows = workbook
    original = plan.read_text(encoding="utf-8")
    mark(path, rows["4.1"], status="ferdig", finish=dt.date(2019, 3, 5))  # has a block
    mark(path, rows["7.4"], status="started", start=dt.date(2019, 3, 4))  # English word, has a block
    mark(path, rows["6.1"], status="pågår", start=dt.date(2019, 1, 7))  # no block yet
    mark(path, rows["3.1.1"], status="pågår", finish=None)  # back from done: the finish goes
    result = run_navplan("sync", path, plan, "--yes", width=None)  # piped: one line per activity
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == f"Skrev {plan} (endrede aktiviteter: 4)."
    new = plan.read_text(encoding="utf-8")
    assert touched_blocks(original, new) == {"4.1", "7.4", "6.1", "3.1.1"}
    removed, added = changed_lines(original, new)
    assert sorted(removed) == sorted(["    status: started", "    status: done", "    actual_finish: 2018-03-13"])
    assert sorted(added) == sorted([
        "    status: done", "    actual_finish: 2019-03-05",
        "    status: started", "    actual_start: 2019-03-04",
        '  - id: "6.1"', "    status: started", "    actual_start: 2019-01-07",
        "    status: started"])
    project = load_project(plan)
    assert project.activities["6.1"].actual_start == dt.date(2019, 1, 7)
    assert project.activities["3.1.1"].actual_finish is None
    again = run_navplan("sync", path, plan, "--yes")
    assert again.exit_code == 0 and again.stdout.startswith("Ingenting å endre")


def test_an_english_workbook_and_a_sheet_that_is_not_first(tmp_path: Path, plan: Path) -> None:
    path = tmp_path / "plan.xlsx"
    rows = build_workbook(path, load_project(plan), "en", extra_sheets_first=True, dates_as_text=True)
    mark(path, rows["4.1"], status="done", finish="05.03.2019", sheet=1)
    assert [c.field for c in workbook_changes(path, load_project(plan), "en")] == ["status", "actual_finish"]


def test_the_first_sheet_is_read_when_no_sheet_has_the_countdown_name(tmp_path: Path, plan: Path) -> None:
    path = tmp_path / "plan.xlsx"
    rows = build_workbook(path, load_project(plan), sheet_title="Min kopi")
    mark(path, rows["4.1"], status="ferdig")
    assert workbook_changes(path, load_project(plan)) == [Change("4.1", "status", Status.STARTED, Status.DONE)]


def test_summary_and_opening_rows_are_not_read(plan, workbook) -> None:
    path, rows = workbook
    for summary in ("3", "3.1", "opening"):
        mark(path, rows[summary], status="whatever", start="not a date")
    assert workbook_changes(path, load_project(plan)) == []


def test_an_id_excel_turned_into_a_number_is_still_found(plan, workbook) -> None:
    path, rows = workbook
    book = load_workbook(path)
    book.active.cell(rows["7.4"], 1).value = 7.4
    book.active.cell(rows["7.4"], STATUS).value = "pågår"
    book.save(path)
    assert workbook_changes(path, load_project(plan))[0] == Change("7.4", "status", Status.NOT_STARTED,
                                                                   Status.STARTED)


def _cell(column: int, row: int) -> str:
    return f"{'ABCDEFGHIJ'[column - 1]}{row}"


@pytest.mark.parametrize("lang, status, start, finish, column, message", [
    ("en", "ferdi", "keep", "keep", STATUS, "'ferdi' is not a status (ikke startet, pågår, ferdig)"),
    ("nb", "ferdi", "keep", "keep", STATUS, "'ferdi' er ikke en status (ikke startet, pågår, ferdig)"),
    ("en", "", "keep", "keep", STATUS, "the status is empty; write ikke startet, pågår, ferdig"),
    ("en", "pågår", "snart", "keep", ACTUAL_START, "'snart' is not a date; write dd.mm.yyyy"),
    ("en", "pågår", "31.02.2019", "keep", ACTUAL_START, "'31.02.2019' is not a date; write dd.mm.yyyy"),
    ("en", "ferdig", "keep", 43000, ACTUAL_FINISH, "'43000' is not a date; write dd.mm.yyyy"),
    ("en", "pågår", "keep", dt.date(2019, 3, 5), ACTUAL_FINISH,
     "actual finish 05.03.2019, but the status is pågår: set the status to ferdig or clear the date"),
    ("en", "ikke startet", dt.date(2019, 3, 5), None, ACTUAL_START,
     "actual start 05.03.2019, but the status is ikke startet: change the status or clear the date"),
    ("en", "ferdig", dt.date(2019, 3, 5), dt.date(2019, 3, 1), ACTUAL_FINISH,
     "actual finish 01.03.2019 is before actual start 05.03.2019"),
])
def test_a_bad_cell_is_named_with_workbook_sheet_and_cell(plan, workbook, lang, status, start, finish, column,
                                                          message) -> None:
    path, rows = workbook
    row = rows["4.1"]
    mark(path, row, status=status, start=start, finish=finish)
    before = snapshot(plan)
    result = run_navplan("sync", path, plan, "--yes", "--lang", lang)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"navplan: {path}: Nedtellingskalender!{_cell(column, row)}: {message}"
    assert snapshot(plan) == before


@pytest.mark.parametrize("value, message", [
    ("7.99", "'7.99' is not an activity in the plan"),
    ("9.2.6", "9.2.6 is dropped from the plan (drop), but the workbook has progress on it "
              "(delete the row in the workbook, or take 9.2.6 out of drop: in the plan file)"),
    ("4.1", "4.1 is also on row {row}"),
])
def test_an_id_the_plan_does_not_have_is_named(plan, workbook, value, message) -> None:
    path, rows = workbook
    book = load_workbook(path)
    last = book.active.max_row + 1
    book.active.cell(last, 1).value = value
    book.active.cell(last, STATUS).value = "pågår"
    book.save(path)
    result = run_navplan("sync", path, plan, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"navplan: {path}: Nedtellingskalender!A{last}: "
                                     + message.format(row=rows["4.1"]))


def test_a_workbook_without_the_layout_is_refused(tmp_path: Path, plan: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "other.xlsx"
    book = Workbook()
    book.active.append(["Noe", "annet"])
    book.save(path)
    # No sheet by the countdown's name, and none with its header: the message says what was looked for.
    assert run_navplan("sync", path, plan, "--lang", "en").stderr.strip() == (
        f"navplan: {path}: no sheet Nedtellingskalender / Nedteljingskalender / Countdown, nor another sheet with the columns ID, Status "
        "and Actual start/finish; the workbook has Sheet")
    book.active.title = "Nedtellingskalender"
    book.save(path)
    assert "Nedtellingskalender: no header row" in run_navplan("sync", path, plan, "--lang", "en").stderr
    book.active.append(["ID", "Aktivitet"])
    book.save(path)
    result = run_navplan("sync", path, plan, "--lang", "en")
    assert result.exit_code == 2 and "Nedtellingskalender!A2: the header row has no Status column" in result.stderr
    text = tmp_path / "plan.xlsx"
    text.write_text("not a workbook", encoding="utf-8")
    assert run_navplan("sync", text, plan).stderr.strip() == f"navplan: {text}: er ikke en arbeidsbok (.xlsx eller .ods)"
    missing = run_navplan("sync", tmp_path / "missing.xlsx", plan, "--lang", "en")
    assert missing.exit_code == 2 and "file not found" in missing.stderr


def test_an_edit_that_would_make_the_plan_invalid_writes_nothing(tmp_path: Path, plan: Path) -> None:
    path = tmp_path / "plan.xlsx"
    rows = build_workbook(path, load_project(plan))
    book = load_workbook(path)
    book.active.delete_cols(ACTUAL_START, 2)  # a sheet without the actual dates
    book.active.cell(rows["4.1"], STATUS).value = "ikke startet"  # but 4.1 has an actual start in the plan
    book.save(path)
    before = snapshot(plan)
    result = run_navplan("sync", path, plan, "--yes", "--lang", "en")
    assert result.exit_code == 2
    assert "actual_start is set but status is not_started" in result.stderr
    assert "4.1" in result.stdout  # what it would have changed is still shown
    assert snapshot(plan) == before


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("answer, written", [("y\n", True), ("n\n", False), ("\n", False)])
def test_a_person_at_a_terminal_is_asked(plan, workbook, monkeypatch, answer, written) -> None:
    path, rows = workbook
    mark(path, rows["4.1"], status="ferdig")
    monkeypatch.setattr("sys.stdin", _Terminal(answer))
    stdout, stderr = _Terminal(), io.StringIO()
    monkeypatch.setattr("sys.stdout", stdout)
    before = snapshot(plan)
    code = main(["sync", str(path), str(plan)], Environment(stdout=stdout, stderr=stderr, width=100))
    assert code == 0
    assert "Skrive endringene til" in stdout.getvalue()
    assert (snapshot(plan) != before) is written
    assert ("Skrev" in stderr.getvalue()) is written
    assert (stderr.getvalue().strip().splitlines()[-1] == "Ingenting er skrevet.") is not written


def test_a_new_plan_s_block_is_filled_in_under_its_id(tmp_path: Path) -> None:
    made = run_navplan("init", tmp_path, "--office", "NAV Ny", "--opening", "01.01.2030", "--start", "07.01.2029")
    assert made.exit_code == 0, made.stderr
    plan = tmp_path / "navplan.yaml"
    original = plan.read_text(encoding="utf-8")
    path = tmp_path / "plan.xlsx"
    rows = build_workbook(path, load_project(plan))
    mark(path, rows["2.1"], status="ferdig", start=dt.date(2029, 1, 8), finish=dt.date(2029, 1, 31))
    assert run_navplan("sync", path, plan, "--yes", today=dt.date(2029, 2, 1)).exit_code == 0
    new = plan.read_text(encoding="utf-8")
    assert changed_lines(original, new) == (
        [], ["    status: done", "    actual_start: 2029-01-08", "    actual_finish: 2029-01-31"])
    assert '  - id: "2.1"       # Skape felles forståelse for målene med det nye NAV-kontoret\n    status: done\n' in new


def test_round_trip_through_the_exported_workbook(tmp_path: Path, plan: Path) -> None:
    """export → mark two activities in Excel → sync --yes: exactly those change."""
    path = tmp_path / "plan.xlsx"
    exported = run_navplan("export", "xlsx", plan, "-o", path, "--as-of", "10.12.2018")
    assert exported.exit_code == 0, exported.stderr
    assert run_navplan("sync", path, plan).stdout.startswith("Ingenting å endre")
    sheet = load_workbook(path).worksheets[0]
    header = [cell.value for cell in sheet[HEADER_ROW]]
    assert header[0] == "ID" and "Status" in header and "Faktisk start" in header
    rows = {sheet.cell(row, 1).value: row for row in range(HEADER_ROW + 1, sheet.max_row + 1)}
    original = plan.read_text(encoding="utf-8")
    mark(path, rows["4.1"], status="ferdig", finish=dt.date(2019, 1, 15))
    mark(path, rows["5.2"], status="pågår", start=dt.date(2019, 1, 7))
    result = run_navplan("sync", path, plan, "--yes", width=None)  # piped: one line per activity
    assert result.exit_code == 0, result.stderr
    assert [line.split(" ")[0] for line in result.stdout.splitlines()[1:]] == ["4.1", "5.2"]
    assert touched_blocks(original, plan.read_text(encoding="utf-8")) == {"4.1", "5.2"}
    project = load_project(plan)
    assert project.activities["4.1"].status is Status.DONE
    assert project.activities["5.2"].actual_start == dt.date(2019, 1, 7)
    assert run_navplan("sync", path, plan).stdout.startswith("Ingenting å endre")


def test_a_plan_saved_by_someone_else_meanwhile_is_not_overwritten(plan, workbook, monkeypatch) -> None:
    from navplan.plan.editing import PlanEditor

    path, rows = workbook
    mark(path, rows["4.1"], status="ferdig")
    opened = PlanEditor.open

    def open_then_someone_saves(cls, plan_path, outline=()):
        editor = opened(plan_path, outline)
        Path(plan_path).write_text(Path(plan_path).read_text(encoding="utf-8") + "# saved meanwhile\n",
                                   encoding="utf-8")
        return editor

    monkeypatch.setattr(PlanEditor, "open", classmethod(open_then_someone_saves))
    result = run_navplan("sync", path, plan, "--yes", "--lang", "en")
    assert result.exit_code == 2 and "changed while navplan was working" in result.stderr
    assert plan.read_text(encoding="utf-8").endswith("# saved meanwhile\n")


def _exported(tmp_path: Path, plan: Path) -> tuple[Path, dict[str, int]]:
    """The real export as of 10.12.2018, and each activity's row in it."""
    path = tmp_path / "plan.xlsx"
    exported = run_navplan("export", "xlsx", plan, "-o", path, "--as-of", "10.12.2018")
    assert exported.exit_code == 0, exported.stderr
    sheet = load_workbook(path).worksheets[0]
    return path, {sheet.cell(row, 1).value: row for row in range(HEADER_ROW + 1, sheet.max_row + 1)}


def test_a_workbook_made_for_another_office_is_refused_unless_meant(tmp_path: Path, plan: Path) -> None:
    path, rows = _exported(tmp_path, plan)
    mark(path, rows["4.1"], status="ferdig", finish=dt.date(2019, 1, 15))
    other = tmp_path / "other.yaml"
    text = plan.read_text(encoding="utf-8")
    other.write_text(text.replace('office: "NAV Indre Østfold"', 'office: "NAV Fjordby"'), encoding="utf-8")
    before = snapshot(other)
    refused = run_navplan("sync", path, other, "--yes", "--lang", "en")
    assert refused.exit_code == 2
    assert refused.stderr.strip() == (f"navplan: {path}: the workbook was made for NAV Indre Østfold, but the plan "
                                      "is for NAV Fjordby (use --other-office if that is meant)")
    assert "arbeidsboken er laget for NAV Indre Østfold" in run_navplan("sync", path, other).stderr
    assert snapshot(other) == before
    meant = run_navplan("sync", path, other, "--yes", "--other-office")
    assert meant.exit_code == 0, meant.stderr
    assert load_project(other).activities["4.1"].status is Status.DONE
    # The office's name written with other spaces or case is the same office.
    book = load_workbook(path)
    book.worksheets[0]["A1"] = book.worksheets[0]["A1"].value.replace("NAV Indre Østfold", "nav\u00a0indre  østfold")
    book.save(path)
    assert run_navplan("sync", path, plan, "--lang", "en").exit_code == 0


def test_an_actual_date_after_today_is_refused(plan, workbook) -> None:
    path, rows = workbook
    mark(path, rows["4.1"], status="ferdig", finish=dt.date(2019, 3, 5))
    before = snapshot(plan)
    result = run_navplan("sync", path, plan, "--yes", today=dt.date(2019, 3, 4))
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"navplan: {path}: Nedtellingskalender!J{rows['4.1']}: 05.03.2019 er etter i dag "
                                     "(04.03.2019): før inn fremdrift når den har skjedd")
    assert snapshot(plan) == before
    assert run_navplan("sync", path, plan, "--yes", today=dt.date(2019, 3, 5)).exit_code == 0


def test_cells_sync_does_not_read_are_named_when_someone_wrote_in_them(tmp_path: Path, plan: Path) -> None:
    """An owner typed into the workbook, a date overwritten: sync says it does not carry them over."""
    path, rows = _exported(tmp_path, plan)
    book = load_workbook(path)
    sheet = book.worksheets[0]
    sheet.cell(rows["4.1"], 4).value = "Kari Nordmann"  # Eier
    sheet.cell(rows["7.4"], 6).value = "01.02.2019"  # Ferdig senest
    sheet.cell(rows["5.2"], 3).value = None  # a cleared cell says nothing
    book.save(path)
    mark(path, rows["5.2"], status="pågår", start=dt.date(2019, 1, 7))
    result = run_navplan("sync", path, plan, "--yes", today=dt.date(2019, 2, 1))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        "Disse cellene sier noe annet enn planen, men leses ikke (bare status og faktiske datoer leses): "
        f"Nedtellingskalender!D{rows['4.1']}, Nedtellingskalender!F{rows['7.4']}")
    assert load_project(plan).activities["4.1"].owner != "Kari Nordmann"
    assert load_project(plan).activities["5.2"].status is Status.STARTED


@pytest.mark.parametrize("typed", ["ferdig\u00a0", "FERDIG", "fer\u200bdig", "  ferdig", "Done"])
@pytest.mark.parametrize("started", ["ikke\u00a0startet", "pa\u030agår", "ikke  startet"])
def test_status_words_typed_with_other_spaces_or_letters_are_read(plan, workbook, typed, started) -> None:
    path, rows = workbook
    mark(path, rows["4.1"], status=typed, finish=dt.date(2019, 3, 5))
    mark(path, rows["7.4"], status=started)
    statuses = {change.activity_id: change.new for change in workbook_changes(path, load_project(plan))
                if change.field == "status"}
    assert statuses["4.1"] is Status.DONE
    assert statuses.get("7.4", Status.STARTED if "g" in started else Status.NOT_STARTED) is (
        Status.STARTED if "g" in started else Status.NOT_STARTED)


def test_a_workbook_made_before_an_activity_was_dropped_still_syncs(tmp_path: Path) -> None:
    # The steering group marks 4.1 done in last month's workbook; meanwhile the plan dropped
    # 9.2 (and with it 9.2.1 ... 9.2.6, rows the workbook still has, unmarked). Those rows
    # say what the plan said of them, so nothing is lost by leaving them: 4.1 is synced.
    plan = tmp_path / "navplan.yaml"
    shutil.copy(INDRE_OSTFOLD, plan)
    path = tmp_path / "plan.xlsx"
    rows = build_workbook(path, load_project(plan))
    mark(path, rows["4.1"], status="ferdig", finish=dt.date(2019, 1, 15))
    plan.write_text(plan.read_text(encoding="utf-8").replace("drop: []", 'drop: ["9.2"]'), encoding="utf-8")
    result = run_navplan("sync", path, plan, "--yes")
    assert result.exit_code == 0, result.stderr
    assert load_project(plan).activities["4.1"].status is Status.DONE
    # Progress marked on a row the plan has dropped since is not dropped without a word.
    mark(path, rows["9.2.3"], status="pågår", start=dt.date(2019, 1, 14))
    before = snapshot(plan)
    refused = run_navplan("sync", path, plan, "--yes")
    assert refused.exit_code == 2
    assert refused.stderr.strip() == (
        f"navplan: {path}: Nedtellingskalender!A{rows['9.2.3']}: 9.2.3 er tatt ut av planen (drop), men arbeidsboken "
        "har fremdrift på den (slett raden i arbeidsboken, eller ta 9.2.3 ut av drop: i planfilen)")
    assert snapshot(plan) == before
