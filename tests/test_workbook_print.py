"""The workbooks as LibreOffice (headless) opens, prints and saves them.

- Print: each workbook is rendered to PDF and its text measured with
  ``pdftotext -bbox``: on every page of the countdown sheet the words are
  tall enough to read and the sheet fills the page's width, rather than a
  strip of four-point type across half of it.
- OpenDocument: LibreOffice opens the .ods, renders it, and saved back as
  .xlsx it has the export's values, groups, filter, dropdown, print titles,
  fit to pages, bold and Gantt colours, cell by cell.
- Sync: an .ods saved again by LibreOffice, and an .xlsx saved again by
  LibreOffice, still sync exactly the edited activities.

soffice exits 0 even when it cannot load a file, so every check is on what
it wrote. Skipped where LibreOffice or poppler are not installed.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import statistics
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_navplan
from test_ods import edit_ods
from workbooks import mark

SOFFICE, PDFTOTEXT = shutil.which("soffice"), shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None,
                                reason="LibreOffice (soffice) and poppler (pdftotext) are needed")
AS_OF = "10.12.2018"
#: LibreOffice sets 11-point Carlito (Calibri's metrics) in word boxes 14.3 points tall (1.3 times the size):
#: measured on a sheet printed at 100 %.
BOX_PER_POINT = 1.3
#: The smallest printed text we call readable, in points.
READABLE = 7.3
EDITED = "7.4 Personelløpet: Innplassere medarbeidere med roller og fullmakter: status ikke startet → pågår, " \
         "faktisk start – → 04.03.2019"


def soffice(target: str, outdir: Path, *files: Path, profile: Path) -> None:
    outdir.mkdir(exist_ok=True)
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", target, "--outdir", str(outdir), *map(str, files)],
                   capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """Workbooks exported (and some edited), then converted by LibreOffice in three runs."""
    folder = tmp_path_factory.mktemp("print")
    plan = folder / "navplan.yaml"
    shutil.copy(EXAMPLES / "indre-ostfold" / "navplan.yaml", plan)
    files: dict[str, Path] = {"plan": plan}
    for kind in ("xlsx", "ods"):
        for by in ("week", "month"):
            path = files[f"{by}.{kind}"] = folder / f"{by}-{kind}.{kind}"
            assert run_navplan("export", kind, plan, "-o", path, "--as-of", AS_OF, "--by", by).exit_code == 0
    files["portfolio.xlsx"] = folder / "portfolio-xlsx.xlsx"
    assert run_navplan("portfolio", EXAMPLES, "--as-of", AS_OF, "--format", "xlsx", "-o",
                       files["portfolio.xlsx"]).exit_code == 0
    # Edited as people do: the .ods in a spreadsheet (odfpy here), the .xlsx in Excel (openpyxl here).
    files["edited.ods"] = folder / "edited-ods.ods"
    shutil.copy(files["week.ods"], files["edited.ods"])
    edit_ods(files["edited.ods"], {"7.4": {"Status": "pågår", "Faktisk start": dt.date(2019, 3, 4)}})
    files["edited.xlsx"] = folder / "edited-xlsx.xlsx"
    shutil.copy(files["week.xlsx"], files["edited.xlsx"])
    from openpyxl import load_workbook

    ws = load_workbook(files["edited.xlsx"]).worksheets[0]
    row = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "7.4")
    mark(files["edited.xlsx"], row, status="pågår", start=dt.date(2019, 3, 4))

    profile = folder / "profile"
    soffice("pdf", folder / "pdf", files["week.xlsx"], files["month.xlsx"], files["week.ods"], files["month.ods"],
            files["portfolio.xlsx"], profile=profile)
    soffice("xlsx:Calc MS Excel 2007 XML", folder / "resaved", files["month.ods"], files["edited.xlsx"],
            profile=profile)
    soffice("ods", folder / "resaved", files["edited.ods"], profile=profile)
    for name, path in list(files.items()):
        if name != "plan":
            files[f"{name}.pdf"] = folder / "pdf" / (path.stem + ".pdf")
    files["month.ods.xlsx"] = folder / "resaved" / "month-ods.xlsx"
    files["edited.xlsx.resaved"] = folder / "resaved" / "edited-xlsx.xlsx"
    files["edited.ods.resaved"] = folder / "resaved" / "edited-ods.ods"
    return files


def pages(pdf: Path) -> list[dict]:
    """Per page: its width, the words with their boxes, and the text."""
    assert pdf.is_file(), f"LibreOffice wrote no {pdf.name}"
    xml = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for page in re.findall(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', xml, flags=re.S):
        words = [(float(x0), float(y0), float(x1), float(y1), text) for x0, y0, x1, y1, text in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page[1])]
        found.append({"width": float(page[0]), "words": words, "text": " ".join(w[4] for w in words)})
    return found


def countdown_pages(pdf: Path) -> list[dict]:
    chosen = [page for page in pages(pdf) if "NAV Indre Østfold: Nedtellingskalender" in page["text"]]
    assert chosen, f"no page of the countdown sheet in {pdf.name}"
    return chosen


def text_points(page: dict) -> float:
    """The printed size of the page's body text: the median word box, in points of type."""
    return statistics.median(y1 - y0 for _x0, y0, _x1, y1, _text in page["words"]) / BOX_PER_POINT


@pytest.mark.parametrize("name", ["week.xlsx", "month.xlsx", "week.ods", "month.ods"])
def test_the_countdown_prints_readable_and_fills_its_pages(rendered, name: str) -> None:
    printed = countdown_pages(rendered[f"{name}.pdf"])
    for number, page in enumerate(printed, start=1):
        assert text_points(page) >= READABLE, f"page {number}: {text_points(page):.1f}-point text"
        right = max(x1 for _x0, _y0, x1, _y1, text in page["words"] if not text.startswith(("side", "NAV")))
        if number < len(printed):
            assert right > 0.6 * page["width"], f"page {number} is mostly empty"
        assert "ID" in page["text"] and "Aktivitet" in page["text"], "ID and activity on every page"
    weekly = name.startswith("week")
    # 56 weeks at a readable size take three pages across (two rows of them), 15 months two.
    assert len(printed) == (6 if weekly else 4)
    everything = " ".join(page["text"] for page in printed)
    assert "uke 50" in everything and "uke 1" in everything if weekly else "jan 2020" in everything
    assert "fridager" in everything and "før" in everything


def test_before_the_fix_one_page_wide_was_four_point_type() -> None:
    """The measure itself: fitted to one A4 page, 56 weeks print at about 11 * 0.3 points."""
    from navplan.render.workbook.print_fit import A4_LANDSCAPE_WIDTH, width_points
    from navplan.render.workbook.sheet_model import Sheet

    old_widths = {1: 8, 2: 61, 3: 17, 4: 26, 5: 12.5, 6: 12.5, 7: 7, 8: 13, 9: 12.5, 10: 12.5}
    old_widths.update({10 + week: 4.6 for week in range(1, 57)})
    scale = A4_LANDSCAPE_WIDTH / width_points(Sheet("old", widths=old_widths), 1, 66)
    assert 11 * scale < 3.5


def test_every_sheet_has_its_title_on_every_page(rendered) -> None:
    for page in pages(rendered["week.xlsx.pdf"]):
        assert re.search(r"NAV Indre Østfold: (Nedtellingskalender|Kritisk linje|Risiko|Oppstartskriterier|Roller|"
                         r"Om planen)", page["text"]), page["text"][:200]
        assert re.search(r"side \d+ av \d+", page["text"])


@pytest.mark.parametrize("name", ["week.xlsx", "week.ods"])
def test_page_numbers_run_through_the_whole_document(rendered, name: str) -> None:
    """Page 8 of 17 says "side 8 av 17", whichever sheet it belongs to (the .ods said "side 1 av 17" at the
    top of every sheet)."""
    printed = pages(rendered[f"{name}.pdf"])
    numbers = [re.search(r"side (\d+) av (\d+)", page["text"]).groups() for page in printed]
    assert numbers == [(str(number), str(len(printed))) for number in range(1, len(printed) + 1)]


def test_the_portfolio_prints_with_its_title_and_as_of_date(rendered) -> None:
    printed = pages(rendered["portfolio.xlsx.pdf"])
    assert "Per 10.12.2018 · navplan" in printed[0]["text"] and "Neste" in " ".join(p["text"] for p in printed)
    for page in printed:
        assert "Portefølje per 10.12.2018: 3 planer, sortert etter risiko" in page["text"]
        assert text_points(page) >= READABLE


def test_libreoffice_reads_the_ods_as_the_export_made_it(rendered) -> None:
    from openpyxl import load_workbook

    mine = load_workbook(rendered["month.xlsx"])
    theirs = load_workbook(rendered["month.ods.xlsx"])
    assert theirs.sheetnames == mine.sheetnames
    ws, original = theirs.worksheets[0], mine.worksheets[0]
    # (Frozen panes are view settings, which a headless conversion neither reads nor writes, even from
    # LibreOffice's own files: test_ods.py checks the .ods says them as LibreOffice writes them.)
    assert ws.auto_filter.ref == original.auto_filter.ref
    assert ws.print_title_rows == "$1:$4" and ws.print_title_cols == "$A:$B"
    assert int(ws.page_setup.fitToWidth) == int(original.page_setup.fitToWidth) == 2
    assert ws.page_setup.orientation == "landscape"
    [validation] = ws.data_validations.dataValidation
    assert validation.type == "list" and validation.formula1 == '"ikke startet,pågår,ferdig"'
    for row in range(1, original.max_row + 1):
        assert ws.row_dimensions[row].outline_level == original.row_dimensions[row].outline_level, row
        for column in range(1, original.max_column + 1):
            mine_cell, their_cell = original.cell(row, column), ws.cell(row, column)
            assert (their_cell.value or None) == (mine_cell.value or None), (row, column)
            assert _fill(their_cell) == _fill(mine_cell), (row, column)
            assert bool(their_cell.font.b) == bool(mine_cell.font.b), (row, column)


def _fill(cell) -> str | None:
    return cell.fill.fgColor.rgb[-6:].upper() if cell.fill and cell.fill.fill_type == "solid" else None


@pytest.mark.parametrize("name", ["edited.ods.resaved", "edited.xlsx.resaved"])
def test_a_workbook_saved_again_by_libreoffice_still_syncs(rendered, name: str) -> None:
    path = rendered[name]
    assert path.is_file(), f"LibreOffice wrote no {path.name}"
    before = rendered["plan"].read_bytes()
    result = run_navplan("sync", path, rendered["plan"], width=None)  # piped: one line per activity
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [EDITED], "exactly the edited activity"
    assert rendered["plan"].read_bytes() == before
