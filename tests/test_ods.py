"""`navplan export ods`: the same workbook as `export xlsx`, as OpenDocument.

Both files are written from one description of the sheets, so here they are
read back, both with the reader `navplan sync` uses, and compared cell by
cell; the styles are compared where odfpy can see them. LibreOffice's view
of the file is in test_workbook_print.py.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_navplan
from navplan.features.workbook_file import WorkbookFile
from navplan.features.workbook_sync import Change, workbook_changes
from navplan.plan.project import load_project
from navplan.plan.values import Status

AS_OF = "10.12.2018"
HOSTILE_TITLE = '=HYPERLINK("http://evil","x")'


def _cells(path: Path) -> dict[str, dict[tuple[int, int], object]]:
    with WorkbookFile(path) as book:
        return {name: {(row, column): _same(value) for row, values in book.rows(name)
                       for column, value in enumerate(values, start=1) if value not in (None, "")}
                for name in book.sheet_names}


def _same(value):
    """openpyxl reads a date cell as a datetime and a whole number as an int; OpenDocument says date and float."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@pytest.fixture(scope="module")
def both(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("ods")
    plan = folder / "navplan.yaml"
    plan.write_text((EXAMPLES / "indre-ostfold" / "navplan.yaml").read_text(encoding="utf-8")
                    + '  - id: "X1"\n    title: "=HYPERLINK(\\"http://evil\\",\\"x\\")"\n    parent: "4"\n'
                      '    duration: 2w\n    owner: "@SUM(A1)"\n', encoding="utf-8")
    files = {"plan": plan}
    for kind in ("xlsx", "ods"):
        for by in ("week", "month"):
            files[f"{by}.{kind}"] = folder / f"{by}.{kind}"
            result = run_navplan("export", kind, plan, "-o", files[f"{by}.{kind}"], "--as-of", AS_OF, "--by", by)
            assert result.exit_code == 0, result.stderr
    return files


@pytest.mark.parametrize("by", ["week", "month"])
def test_every_sheet_holds_the_same_cells_as_the_xlsx(both, by: str) -> None:
    xlsx, ods = _cells(both[f"{by}.xlsx"]), _cells(both[f"{by}.ods"])
    assert list(ods) == ["Nedtellingskalender", "Kritisk linje", "Risiko", "Oppstartskriterier", "Roller", "Om planen",
                         "navplan"]
    assert list(ods) == list(xlsx)
    for sheet in xlsx:
        assert ods[sheet] == xlsx[sheet], sheet
    countdown = ods["Nedtellingskalender"]
    assert countdown[(1, 1)] == "Nedtellingskalender: NAV Indre Østfold, åpning 01.01.2020"
    assert countdown[(4, 14)] == ("uke 50" if by == "week" else "des 2018")  # M: før, N: the as-of period


def test_a_plan_s_text_is_a_string_cell_never_a_formula(both) -> None:
    with zipfile.ZipFile(both["week.ods"]) as archive:
        content = archive.read("content.xml").decode("utf-8")
    assert "table:formula" not in content
    assert '<text:p>=HYPERLINK("http://evil","x")</text:p>' in content
    cells = _cells(both["week.ods"])["Nedtellingskalender"]
    assert HOSTILE_TITLE in cells.values() and "@SUM(A1)" in cells.values()


def test_the_looks_groups_validation_and_print_setup_are_in_the_file(both) -> None:
    """What LibreOffice reads back is checked in test_workbook_print.py; here, that the file says it."""
    with zipfile.ZipFile(both["month.ods"]) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
        assert archive.infolist()[0].filename == "mimetype"
        content = archive.read("content.xml").decode("utf-8")
        styles = archive.read("styles.xml").decode("utf-8")
        settings = archive.read("settings.xml").decode("utf-8")
        names = archive.namelist()
    for colour in ("#E06666", "#6FA8DC", "#BFBFBF", "#FFD966", "#93C47D", "#D0CECE", "#D9E1F2"):
        assert f'fo:background-color="{colour}"' in content, colour
    assert "<table:table-row-group>" in content and "<table:table-header-rows>" in content
    assert "<table:table-header-columns>" in content
    assert 'of:cell-content-is-in-list("ikke startet";"pågår";"ferdig")' in content
    assert 'table:target-range-address="\'Nedtellingskalender\'.A4:\'Nedtellingskalender\'.L62"' in content
    # The countdown at 68 %, the chart's months on a page of their own after the table's (test_excel.py counts it):
    # its first column, M, breaks the page; the other sheets fitted one page wide.
    assert 'style:print-orientation="landscape"' in styles and 'style:scale-to="68%"' in styles
    assert 'style:scale-to-X="1"' in styles and 'fo:break-before="page"' in content
    assert "<table:covered-table-cell/>" in content, "the title merged over ID and activity"
    assert "<draw:object" in content and any(name.startswith("Object 1/") for name in names), "the S-curve"
    assert "<text:page-number" in styles and "<text:page-count" in styles
    assert "NAV Indre Østfold: Nedtellingskalender" in styles
    assert '"VerticalSplitPosition" config:type="int">4<' in settings
    assert '"HorizontalSplitPosition" config:type="int">12<' in settings


def test_export_ods_refuses_an_existing_file_without_force(both, tmp_path: Path) -> None:
    # A copy: overwriting the module's week.ods in English failed the tests that read it after this one.
    target = tmp_path / "week.ods"
    shutil.copyfile(both["week.ods"], target)
    before = target.read_bytes()
    result = run_navplan("export", "ods", both["plan"], "-o", target, "--as-of", AS_OF)
    assert result.exit_code == 2 and "finnes allerede" in result.stderr and target.read_bytes() == before
    english = run_navplan("export", "ods", both["plan"], "-o", target, "--as-of", AS_OF, "--lang", "en", "--force")
    assert english.exit_code == 0 and english.stderr.startswith(f"Wrote {target}: countdown for NAV Indre Østfold")
    assert list(_cells(target)) == ["Countdown", "Critical path", "Risk", "Opening criteria", "Roles",
                                    "About the plan", "navplan"]


def edit_ods(path: Path, edits: dict[str, dict[str, object]]) -> None:
    """Set cells of the countdown sheet by activity id and column header ("Status"), as a
    person would in a spreadsheet."""
    from odf.namespaces import OFFICENS
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = load(str(path))
    table = next(t for t in document.spreadsheet.getElementsByType(Table)
                 if t.getAttribute("name") == "Nedtellingskalender")
    header: dict[str, int] = {}
    for row in table.getElementsByType(TableRow):
        cells = row.getElementsByType(TableCell)
        activity_id = str(cells[0]) if cells else ""
        if activity_id == "ID" and not header:
            header = {str(cell): index for index, cell in enumerate(cells)}
        for column, value in edits.get(activity_id, {}).items():
            cell = cells[header[column]]
            for child in list(cell.childNodes):
                cell.removeChild(child)
            if isinstance(value, dt.date):
                cell.setAttrNS(OFFICENS, "value-type", "date")
                cell.setAttrNS(OFFICENS, "date-value", value.isoformat())
                cell.addElement(P(text=value.strftime("%d.%m.%Y")))
            else:
                cell.setAttrNS(OFFICENS, "value-type", "string")
                cell.addElement(P(text=value))
    document.save(str(path))


def test_round_trip_export_edit_sync_changes_exactly_the_edited_activities(tmp_path: Path) -> None:
    plan = tmp_path / "navplan.yaml"
    shutil.copy(EXAMPLES / "indre-ostfold" / "navplan.yaml", plan)
    workbook = tmp_path / "nedtelling.ods"
    assert run_navplan("export", "ods", plan, "-o", workbook, "--as-of", AS_OF).exit_code == 0
    edit_ods(workbook, {"4.1": {"Status": "ferdig", "Faktisk ferdig": dt.date(2019, 3, 5)},
                        "7.4": {"Status": "pågår", "Faktisk start": dt.date(2019, 3, 4)}})
    assert workbook_changes(workbook, load_project(plan)) == [
        Change("4.1", "status", Status.STARTED, Status.DONE),
        Change("4.1", "actual_finish", None, dt.date(2019, 3, 5)),
        Change("7.4", "status", Status.NOT_STARTED, Status.STARTED),
        Change("7.4", "actual_start", None, dt.date(2019, 3, 4)),
    ]
    written = run_navplan("sync", workbook, plan, "--yes")
    assert written.exit_code == 0 and written.stderr.strip() == f"Skrev {plan} (endrede aktiviteter: 2)."
    again = run_navplan("sync", workbook, plan)
    assert again.exit_code == 0 and again.stdout.startswith("Ingenting å endre")
