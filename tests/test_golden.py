"""Golden outputs: every command's output for the three examples at fixed as-of dates.

They pin what navplan prints and writes, byte for byte, so that a change of
layout or a refactoring cannot change behaviour unnoticed. They are a net, not
a proof: the values in them were read and checked once by a person (what to
check in each is in tests/golden/NOTES.md, which names every file), while the
expected values of hand-counted cases and the MPXJ read-back are derived
independently in their own tests.

A failure lists every output that differs, each with its diff, not only the
first. A deliberate change of output regenerates them, as a step of its own:

    make golden

writes the new outputs, then fails on purpose, naming what changed, so an
update can never pass unnoticed (in CI or anywhere); review `git diff
tests/golden` line by line and say in the commit message what changed and why.

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


#: Of each differing output, at most this much of its diff is shown (every output is named).
MAX_DIFF = 4000


class Outputs:
    """The outputs of one test compared with their golden files; :meth:`check` fails
    once, naming every one that differs (or, when updating, every one rewritten)."""

    def __init__(self) -> None:
        self.differing: list[str] = []
        self.updated: list[str] = []

    def compare(self, name: str, actual: str) -> None:
        golden = GOLDEN / name
        expected = golden.read_text(encoding="utf-8") if golden.exists() else None
        if actual == expected:
            return
        if UPDATE:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(actual, encoding="utf-8")
            self.updated.append(name)
            return
        if expected is None:
            self.differing.append(f"{name}: no golden output yet (make golden writes it)")
            return
        import difflib

        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "golden", "now", n=1))
        cut = "" if len(diff) <= MAX_DIFF else f"\n… ({len(diff) - MAX_DIFF} more characters of diff)"
        self.differing.append(f"{name} differs from its golden output:\n{diff[:MAX_DIFF]}{cut}")

    def check(self) -> None:
        if self.updated:
            pytest.fail("golden outputs rewritten, review them with git diff tests/golden: "
                        + ", ".join(self.updated))
        if self.differing:
            pytest.fail(f"{len(self.differing)} golden outputs differ:\n\n" + "\n\n".join(self.differing))


@pytest.fixture
def outputs():
    """Compare as the test goes, fail at its end with every difference."""
    compared = Outputs()
    yield compared
    compared.check()


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
def test_printed_outputs_are_unchanged(example: str, examples_outside_git: Path, outputs: Outputs) -> None:
    for name, arguments in PRINTED.items():
        result = run_navplan(*arguments, example, "--as-of", AS_OF[example])
        assert result.exit_code == 0, result.stderr
        outputs.compare(f"{example}/{name}", result.stdout)


@pytest.mark.parametrize("example", sorted(AS_OF))
def test_written_files_are_unchanged(example: str, examples_outside_git: Path, outputs: Outputs) -> None:
    for name, arguments in WRITTEN.items():
        target = examples_outside_git / ("out-" + name.removesuffix(".txt"))
        result = run_navplan(*arguments, example, "--as-of", AS_OF[example], "-o", target.name)
        assert result.exit_code == 0, result.stderr
        if name.endswith(".xlsx.txt"):
            outputs.compare(f"{example}/{name}", workbook_text(target))
        else:
            outputs.compare(f"{example}/{name}", target.read_text(encoding="utf-8"))


def test_portfolio_and_handbook_outputs_are_unchanged(examples_outside_git: Path, outputs: Outputs) -> None:
    for output in ("table", "json", "csv"):
        result = run_navplan("portfolio", *sorted(AS_OF), "--as-of", "01.06.2016", "--format", output)
        assert result.exit_code == 0, result.stderr
        outputs.compare(f"portfolio.{'txt' if output == 'table' else output}", result.stdout)
    for name, arguments in STANDALONE.items():
        result = run_navplan(*arguments)
        assert result.exit_code == 0, result.stderr
        outputs.compare(name, result.stdout)


def test_every_golden_output_says_what_to_check_in_it() -> None:
    """tests/golden/NOTES.md has a line for every golden file (``*`` for every example), and
    names no file that does not exist: a golden output nobody knows how to read earns no place."""
    import fnmatch
    import re

    notes = (GOLDEN / "NOTES.md").read_text(encoding="utf-8")
    patterns = re.findall(r"^- (.+?): ", notes, flags=re.M)
    named = [name for item in patterns for name in re.findall(r"`([^`]+)`", item)]
    files = sorted(path.relative_to(GOLDEN).as_posix() for path in GOLDEN.rglob("*")
                   if path.is_file() and path.name != "NOTES.md")
    unexplained = [name for name in files if not any(fnmatch.fnmatchcase(name, pattern) for pattern in named)]
    assert not unexplained, f"golden outputs without a note in tests/golden/NOTES.md: {unexplained}"
    stale = [pattern for pattern in named if not any(fnmatch.fnmatchcase(name, pattern) for name in files)]
    assert not stale, f"notes for golden outputs that do not exist: {stale}"
