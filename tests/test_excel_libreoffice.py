"""The workbook opened by a real spreadsheet: LibreOffice, headless.

soffice exits 0 even when it cannot load a file, so every check is on what
it wrote. CI installs LibreOffice (.ci/run); elsewhere these tests skip.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_navplan

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; CI installs it")

HOSTILE_TITLE = '=HYPERLINK("http://evil","x")'
#: Comma-separated, double-quoted, UTF-8 (LibreOffice's code 76), first sheet only.
CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1'


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, Path]:
    """Indre Østfold with one hostile local activity, exported and converted
    once to PDF and once to CSV, with a fresh LibreOffice profile."""
    folder = tmp_path_factory.mktemp("libreoffice")
    plan = folder / "navplan.yaml"
    plan.write_text(
        (EXAMPLES / "indre-ostfold" / "navplan.yaml").read_text(encoding="utf-8")
        + '  - id: "X1"\n    title: "=HYPERLINK(\\"http://evil\\",\\"x\\")"\n    parent: "4"\n'
          '    duration: 2w\n    owner: "@SUM(A1)"\n', encoding="utf-8")
    workbook = folder / "plan.xlsx"
    result = run_navplan("export", "xlsx", plan, "-o", workbook, "--as-of", "10.12.2018", "--by", "month")
    assert result.exit_code == 0, result.stderr
    profile = (folder / "profile").as_uri()
    outputs = {}
    for target, suffix in (("pdf", "pdf"), (CSV_FILTER, "csv")):
        done = subprocess.run(
            [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", target,
             "--outdir", str(folder), str(workbook)],
            capture_output=True, text=True, timeout=240)
        output = folder / f"plan.{suffix}"
        assert output.is_file(), f"soffice wrote no {suffix} (exit {done.returncode}): {done.stdout} {done.stderr}"
        outputs[suffix] = output
    return outputs


def test_libreoffice_loads_the_workbook_and_prints_it(converted) -> None:
    pdf = converted["pdf"].read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(converted["pdf"]), "-"], capture_output=True,
                              text=True, check=True).stdout
        # The title wraps within ID and activity, on two lines (test_workbook_print.py checks where it prints).
        assert "Nedtellingskalender: NAV Indre Østfold," in text and "åpning 01.01.2020" in text
        assert "lovpålagt" in text and "Kritisk linje" in text and "Om planen" in text, "every sheet is printed"
        assert "side 1 av" in text


def test_libreoffice_reads_the_rows_and_keeps_formulas_as_text(converted) -> None:
    rows = list(csv.reader(converted["csv"].read_text(encoding="utf-8").splitlines()))
    assert rows[0][0] == "Nedtellingskalender: NAV Indre Østfold, åpning 01.01.2020"
    assert rows[3][:12] == ["ID", "Aktivitet", "Ansvarlig", "Eier", "Start senest", "Ferdig senest",
                            "Prognose start", "Prognose ferdig", "Slakk", "Status", "Faktisk start", "Faktisk ferdig"]
    by_id = {row[0]: row for row in rows[4:]}
    assert by_id["6.1"][1] == "Beskrive arbeidsprosesser i NAV-kontoret"
    assert by_id["6.1"][4:6] + by_id["6.1"][8:10] == ["31.01.2019", "06.03.2019", "30", "ikke startet"]
    assert by_id["4.1"][10] == "10.12.2018"
    assert list(by_id)[-1] == "opening"
    hostile = by_id["X1"]
    assert hostile[1] == HOSTILE_TITLE, "the title is shown as written, not run as a formula"
    assert hostile[3] == "@SUM(A1)"
