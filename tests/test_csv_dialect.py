"""`--format csv-excel`: CSV for a spreadsheet set to Norwegian.

`--format csv` stays RFC 4180 for machines (pinned by the golden outputs).
The spreadsheet dialect has semicolons, a UTF-8 byte order mark, CRLF line
ends and dd.mm.yyyy dates, and keeps ids such as 3.1.2 from being read as
dates. LibreOffice, headless with a Norwegian locale, opens it into columns.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_navplan

INDRE_OSTFOLD = EXAMPLES / "indre-ostfold"
AS_OF = "10.12.2018"
JOINER = "\u2060"


def _rows(text: str, delimiter: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def test_the_spreadsheet_dialect_says_what_rfc_4180_says_in_norwegian_spreadsheet_form() -> None:
    plain = run_navplan("critical-path", INDRE_OSTFOLD, "--as-of", AS_OF, "--format", "csv")
    excel = run_navplan("critical-path", INDRE_OSTFOLD, "--as-of", AS_OF, "--format", "csv-excel")
    assert plain.exit_code == excel.exit_code == 0
    assert not plain.stdout.startswith("\ufeff") and "\r\n" not in plain.stdout
    assert excel.stdout.startswith("\ufeffid;title;parent;") and excel.stdout.endswith("\r\n")
    assert excel.stdout.count("\r\n") == excel.stdout.count("\n")
    machine = _rows(plain.stdout, ",")
    people = _rows(excel.stdout.removeprefix("\ufeff"), ";")
    assert len(people) == len(machine) and list(people[0]) == list(machine[0])
    for mine, theirs in zip(people, machine, strict=True):
        for field, value in theirs.items():
            shown = mine[field].removeprefix(JOINER)
            if field.endswith(("_start", "_finish")) and value:
                assert shown == dt.date.fromisoformat(value).strftime("%d.%m.%Y")
            else:
                assert shown == value, field
    row = next(r for r in people if r["id"] == JOINER + "3.1.1")
    assert row["actual_start"] == "08.01.2018" and row["parent"] == JOINER + "3.1"
    assert next(r for r in people if r["id"] == "S1")["title"].startswith("Styringsgruppemøte")


def test_calendar_and_portfolio_speak_the_dialect_too() -> None:
    calendar = run_navplan("calendar", INDRE_OSTFOLD, "--as-of", AS_OF, "--by", "month", "--format", "csv-excel")
    assert calendar.exit_code == 0 and calendar.stdout.startswith("\ufeff") and ";" in calendar.stdout
    portfolio = run_navplan("portfolio", EXAMPLES, "--as-of", AS_OF, "--format", "csv-excel")
    assert portfolio.exit_code == 0 and portfolio.stdout.startswith("\ufeffoffice;file;opening_date;")
    assert "01.01.2020" in portfolio.stdout
    wrong = run_navplan("critical-path", INDRE_OSTFOLD, "--format", "csv-semikolon")
    assert wrong.exit_code == 2 and "csv-excel" in wrong.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_with_a_norwegian_locale_opens_it_into_columns(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "plan.csv"
    target.write_text(run_navplan("critical-path", INDRE_OSTFOLD, "--as-of", AS_OF, "--format", "csv-excel").stdout,
                      encoding="utf-8", newline="")
    fields = run_navplan("critical-path", INDRE_OSTFOLD, "--as-of", AS_OF, "--format", "csv").stdout.split("\n")[0]
    profile = tmp_path / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">'
        "<value>nb-NO</value></prop></item></oor:items>\n", encoding="utf-8")
    # What LibreOffice's text import offers a Norwegian user: semicolon, the Norwegian locale (1044), special
    # numbers (dates) detected. The character set given is Latin-1 on purpose: the byte order mark overrides it.
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--infilter=CSV:59,34,ISO-8859-1,1,,1044,false,true", "--convert-to", "xlsx", "--outdir",
                    str(tmp_path), str(target)], capture_output=True, text=True, timeout=240)
    converted = tmp_path / "plan.xlsx"
    assert converted.is_file(), "LibreOffice wrote nothing"
    ws = load_workbook(converted).active
    header = [cell.value for cell in ws[1]]
    assert header == fields.split(","), "one column per field"
    rows = {str(ws.cell(r, 1).value).removeprefix(JOINER): r for r in range(2, ws.max_row + 1)}
    assert {"3.1.1", "3.1.2", "1.1", "S1", "opening"} <= set(rows), "ids stay text, not dates"
    row = rows["1.2"]
    assert ws.cell(row, 2).value == "Kontrollere oppstartskriteriene før åpning", "ø and å intact"
    start = ws.cell(rows["3.1.1"], header.index("actual_start") + 1)
    assert start.is_date and start.value.date() == dt.date(2018, 1, 8), "dd.mm.yyyy is a date"
    # 1.2 closes the opening's chain: its slack is the opening's, 107 working days.
    assert ws.cell(row, header.index("slack") + 1).value == 107, "numbers are numbers"
