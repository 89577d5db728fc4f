"""`navplan sync` on malformed and hostile workbooks (issue 11, items 5-7 and 18).

The promise: one located message on stderr, exit 2, no traceback, nothing
written; and a valid workbook that other tools write oddly (a stale
<dimension>, a cell in the far corner, a billion repeated empty rows, no
styles) is read as it is. The cases are made by tests/bad_workbooks.py from
a workbook navplan exported.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bad_workbooks import ODS_CASES, OTHER_CASES, XLSX_CASES, rewrite
from conftest import EXAMPLES, run_navplan

AS_OF = "10.12.2018"


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> dict[str, Path]:
    """Indre Østfold's plan and its exported workbooks; 7.4 marked started on 04.03.2019 in the edited ones."""
    from openpyxl import load_workbook

    folder = tmp_path_factory.mktemp("good")
    plan = folder / "navplan.yaml"
    shutil.copy(EXAMPLES / "indre-ostfold" / "navplan.yaml", plan)
    files = {"plan": plan}
    for kind in ("xlsx", "ods"):
        files[kind] = folder / f"plan.{kind}"
        assert run_navplan("export", kind, plan, "-o", files[kind], "--as-of", AS_OF).exit_code == 0
    book = load_workbook(files["xlsx"])
    ws = book.worksheets[0]
    row = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "7.4")
    column = {cell.value: cell.column for cell in ws[4]}
    ws.cell(row, column["Status"]).value = "pågår"
    ws.cell(row, column["Faktisk start"]).value = ws.cell(5, 5).value.replace(year=2019, month=3, day=4)
    files["edited"] = folder / "edited.xlsx"
    book.save(files["edited"])
    return files


def refused(result, path: Path, fragment: str, plan: Path, before: bytes) -> None:
    assert result.exit_code == 2, result.stdout + result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"navplan: {path}: ") and fragment in lines[0], lines[0]
    assert plan.read_bytes() == before, "nothing written"


def read(result, plan: Path, before: bytes, change: str | None) -> None:
    assert result.exit_code == 0, result.stderr
    assert "Warning" not in result.stderr and "warn" not in result.stderr.casefold()
    if change is None:
        assert result.stdout.startswith("Ingenting å endre") and result.stderr == ""
    else:
        assert change in result.stdout and result.stderr.startswith("Ingenting er skrevet")
    assert plan.read_bytes() == before


def synced(good, path: Path, fragment: str | None, change: str | None = None, **options) -> None:
    """Sync ``path`` into the good plan: read (with ``change`` in the preview, or nothing
    to change) when ``fragment`` is None, else refused with ``fragment`` in the message."""
    before = good["plan"].read_bytes()
    result = run_navplan("sync", path, good["plan"], **options)
    if fragment is None:
        read(result, good["plan"], before, change)
    else:
        refused(result, path, fragment, good["plan"], before)


@pytest.mark.parametrize("case", sorted(XLSX_CASES))
def test_xlsx(case: str, good, tmp_path: Path) -> None:
    member, change, fragment = XLSX_CASES[case]
    path = tmp_path / f"{case}.xlsx"
    rewrite(good["edited"], path, member, change)
    # Rows past the recorded dimension are read: 7.4 is on row 44 (piped: one line per activity).
    synced(good, path, fragment, "7.4 Personelløpet: Innplassere medarbeidere med roller og fullmakter: "
                                 "status ikke startet → pågår, faktisk start – → 04.03.2019", width=None)


@pytest.mark.parametrize("case", sorted(OTHER_CASES))
def test_other(case: str, good, tmp_path: Path) -> None:
    make, fragment = OTHER_CASES[case]
    path = tmp_path / f"{case}.xlsx"
    make(good["xlsx"], path)
    synced(good, path, fragment)


@pytest.mark.parametrize("case", sorted(ODS_CASES))
def test_ods(case: str, good, tmp_path: Path) -> None:
    member, change, fragment = ODS_CASES[case]
    path = tmp_path / f"{case}.ods"
    rewrite(good["ods"], path, member, change)
    synced(good, path, fragment)


def test_the_exported_workbooks_read_back_unchanged(good) -> None:
    for kind in ("xlsx", "ods"):
        before = good["plan"].read_bytes()
        read(run_navplan("sync", good[kind], good["plan"]), good["plan"], before, None)


def test_without_the_countdown_sheet_no_other_sheet_is_blamed(good, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(good["xlsx"])
    book.remove(book.worksheets[0])
    path = tmp_path / "uten-nedtelling.xlsx"
    book.save(path)
    result = run_navplan("sync", path, good["plan"])
    refused(result, path, "fant ikke arket Nedtellingskalender / Nedteljingskalender / Countdown, og ikke noe annet ark med kolonnene ID, "
            "Status og Faktisk start/ferdig; arbeidsboken har Kritisk linje, Risiko, Oppstartskriterier, Roller, "
            "Om planen",  # and the hidden record, navplan, which no one sees: not named
            good["plan"], good["plan"].read_bytes())
    assert "Kritisk linje!" not in result.stderr


def test_a_folder_a_fifo_and_an_unreadable_file_are_named_for_what_they_are(good, tmp_path: Path,
                                                                             monkeypatch) -> None:
    before = good["plan"].read_bytes()
    folder = tmp_path / "mappe.xlsx"
    folder.mkdir()
    refused(run_navplan("sync", folder, good["plan"]), folder, "er en mappe, ikke en arbeidsbok", good["plan"],
            before)
    fifo = tmp_path / "fifo.xlsx"
    os.mkfifo(fifo)
    refused(run_navplan("sync", fifo, good["plan"]), fifo, "er ikke en vanlig fil", good["plan"], before)
    missing = tmp_path / "borte.xlsx"
    refused(run_navplan("sync", missing, good["plan"]), missing, "fant ikke filen", good["plan"], before)

    # As root every file is readable, so the refusal is made to happen where the file is opened.
    import navplan.features.workbook_file as workbook_file

    def denied(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(workbook_file.os, "open", denied)
    locked = good["xlsx"]
    refused(run_navplan("sync", locked, good["plan"]), locked, "kan ikke leses: ingen tilgang", good["plan"], before)
    english = run_navplan("sync", locked, good["plan"], "--lang", "en")
    assert english.exit_code == 2 and english.stderr.strip().endswith("cannot be read: permission denied")


def test_an_ods_is_parsed_once(good, monkeypatch) -> None:
    """Its content.xml is streamed once for the sheets' names and rows together (it was parsed
    twice: once for the names, again for the countdown's rows)."""
    import zipfile

    opened = []
    real_open = zipfile.ZipFile.open

    def counting(self, name, *args, **kwargs):
        opened.append(getattr(name, "filename", name))
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", counting)
    before = good["plan"].read_bytes()
    read(run_navplan("sync", good["ods"], good["plan"]), good["plan"], before, None)
    assert opened.count("content.xml") == 1, opened


#: Reads an .ods whose content.xml holds 60,000 elements outside its tables, each with a 600-character
#: attribute (37 MB of XML), and prints the most memory Python held meanwhile, in MB.
_PEAK = """
import sys, tracemalloc
from navplan.features.workbook_file import WorkbookFile
tracemalloc.start()
with WorkbookFile(sys.argv[1]) as book:
    for name in book.sheet_names:
        for _row in book.rows(name):
            pass
print(tracemalloc.get_traced_memory()[1] / 1e6)
"""


def test_elements_outside_the_tables_are_let_go_as_they_are_read(good, tmp_path: Path) -> None:
    """Kept, 60,000 styles of 600 characters took some 100 MB (3.9 million of them, 1 GB); let go
    as soon as each is read, the reading stays within a few megabytes besides the file itself."""
    import subprocess
    import sys

    def padding(text: str) -> str:
        styles = "".join(f'<style:style style:name="p{n:032x}{(n * 2654435761) % 2**32:032x}" '
                         f'style:display-name="{"x" * 536}" style:family="table-cell"/>' for n in range(60_000))
        return text.replace("</office:automatic-styles>", styles + "</office:automatic-styles>", 1)

    path = tmp_path / "styles.ods"
    rewrite(good["ods"], path, "content.xml", padding)
    done = subprocess.run([sys.executable, "-c", _PEAK, str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) < 30, f"{float(done.stdout):.0f} MB"


def test_the_workbook_is_checked_before_the_plan_is_looked_for(tmp_path: Path, monkeypatch) -> None:
    """`navplan sync kontor/` (the office folder, the workbook forgotten) or a workbook name
    mistyped, run outside the office folder, was answered "fant ingen navplan.yaml i denne
    mappen": the plan, the optional argument, was looked for before the workbook was."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kontor").mkdir()
    for yes in ([], ["--yes"]):
        folder = run_navplan("sync", "kontor", *yes)
        assert folder.exit_code == 2 and folder.stderr == "navplan: kontor: er en mappe, ikke en arbeidsbok\n"
        missing = run_navplan("sync", "borte.xlsx", *yes)
        assert missing.exit_code == 2 and missing.stderr.startswith("navplan: borte.xlsx: fant ikke filen")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kontor"]
