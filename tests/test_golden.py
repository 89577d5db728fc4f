"""Golden outputs: every command's output for the three examples at fixed as-of dates.

They pin what navplan prints and writes, byte for byte, so that a change of
layout or a refactoring cannot change behaviour unnoticed. A deliberate change
of output regenerates them and shows up in review as a diff of tests/golden/:

    NAVPLAN_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py

Each example is copied into a temporary folder outside git (so the report's
"changes since the last meeting" does not depend on this repository's history)
and named by a relative path, so no machine's folder appears in an output.
Workbooks are compared as a text dump of their cells, since the zip holds
timestamps.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_navplan

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("NAVPLAN_UPDATE_GOLDEN") == "1"
AS_OF = {"indre-ostfold": "10.12.2018", "lillehammer-gausdal": "04.11.2016", "nytt-kontor": "04.01.2027"}

#: name → (arguments after the plan, output file suffix or None for stdout)
PRINTED = {
    "critical-path.txt": ["critical-path"],
    "critical-path.en.txt": ["critical-path", "--lang", "en"],
    "critical-path.json": ["critical-path", "--format", "json"],
    "critical-path.csv": ["critical-path", "--format", "csv"],
    "calendar.txt": ["calendar"],
    "calendar-month.txt": ["calendar", "--by", "month"],
    "calendar.json": ["calendar", "--format", "json"],
    "calendar-month.csv": ["calendar", "--by", "month", "--format", "csv"],
    "risk.txt": ["risk"],
    "risk.en.txt": ["risk", "--lang", "en"],
    "risk.json": ["risk", "--format", "json"],
    "risk.csv": ["risk", "--format", "csv"],
}
WRITTEN = {
    "export.ics": ["export", "ics"],
    "export-critical-starts.ics": ["export", "ics", "--role", "prosjektleder", "--starts"],
    "export.mspdi.xml": ["export", "mspdi"],
    "export.csv": ["export", "csv"],
    "export.json": ["export", "json"],
    "report.md": ["report"],
    "report.html": ["report"],
    "report.en.html": ["report", "--lang", "en"],
    "export.xlsx.txt": ["export", "xlsx"],
    "export-month.xlsx.txt": ["export", "xlsx", "--by", "month"],
}
STANDALONE = {
    "handbook.txt": ["handbook"],
    "handbook.json": ["handbook", "--format", "json"],
    "handbook.csv": ["handbook", "--format", "csv", "--lang", "en"],
    "handbook-7.4.txt": ["handbook", "7.4"],
    "handbook-9.2.5.en.txt": ["handbook", "9.2.5", "--lang", "en"],
    "schema-json.json": ["schema", "schedule"],
    "schema-risk.json": ["schema", "risk"],
}


def compare(name: str, actual: str) -> None:
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    assert golden.exists(), f"no golden output {name}: run with NAVPLAN_UPDATE_GOLDEN=1"
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        import difflib

        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "golden", "now", n=1))
        pytest.fail(f"{name} differs from its golden output:\n{diff[:6000]}")


def workbook_text(path: Path) -> str:
    """Every sheet's print setup and every non-empty cell with its value, number format, fill and boldness."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    lines = []
    for sheet in book.worksheets:
        setup = sheet.page_setup
        lines.append(f"== {sheet.title} freeze={sheet.freeze_panes} orientation={setup.orientation} "
                     f"paper={setup.paperSize} fit={sheet.sheet_properties.pageSetUpPr and sheet.sheet_properties.pageSetUpPr.fitToPage} "
                     f"print_titles={sheet.print_title_rows} filter={sheet.auto_filter.ref}")
        for row in sheet.iter_rows():
            for cell in row:
                fill = cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type else None
                if cell.value is None and fill is None:
                    continue
                lines.append(f"{cell.coordinate}\t{cell.value!r}\t{cell.number_format}\t{fill}\t"
                             f"{'b' if cell.font and cell.font.b else ''}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def examples_outside_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for example in AS_OF:
        shutil.copytree(EXAMPLES / example, tmp_path / example)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("example", sorted(AS_OF))
def test_printed_outputs_are_unchanged(example: str, examples_outside_git: Path) -> None:
    for name, arguments in PRINTED.items():
        result = run_navplan(*arguments, example, "--as-of", AS_OF[example])
        assert result.exit_code == 0, result.stderr
        compare(f"{example}/{name}", result.stdout)


@pytest.mark.parametrize("example", sorted(AS_OF))
def test_written_files_are_unchanged(example: str, examples_outside_git: Path) -> None:
    for name, arguments in WRITTEN.items():
        target = examples_outside_git / ("out-" + name.removesuffix(".txt"))
        result = run_navplan(*arguments, example, "--as-of", AS_OF[example], "-o", target.name)
        assert result.exit_code == 0, result.stderr
        if name.endswith(".xlsx.txt"):
            compare(f"{example}/{name}", workbook_text(target))
        else:
            compare(f"{example}/{name}", target.read_text(encoding="utf-8"))


def test_portfolio_and_handbook_outputs_are_unchanged(examples_outside_git: Path) -> None:
    for output in ("table", "json", "csv"):
        result = run_navplan("portfolio", *sorted(AS_OF), "--as-of", "01.06.2016", "--format", output)
        assert result.exit_code == 0, result.stderr
        compare(f"portfolio.{'txt' if output == 'table' else output}", result.stdout)
    for name, arguments in STANDALONE.items():
        result = run_navplan(*arguments)
        assert result.exit_code == 0, result.stderr
        compare(name, result.stdout)
