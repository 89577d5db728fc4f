r"""Text that would break a file format or drive a terminal (issue 11, items 10–12).

Control characters are refused where text enters a plan: at validation (one-
line fields: office, municipalities, title, role, owner; notes may hold line
breaks and tabs only) and at the options that write text into a plan, with
the option named. What may remain, a note's line breaks and tabs, every writer
handles; and text navplan does not control (a file name, a git commit subject)
is shown on the terminal, in reports and in a plan's comments as visible
escapes (``\x1b``), never raw.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import EXAMPLES, copy_of_indre_ostfold, run_navplan
from gitplans import AS_OF, block, commit_plan, new_repository, no_repository_above, plan_text  # noqa: F401
from navplan.plan.new_plan import new_plan_text
from navplan.plan.safe_yaml import parse_yaml

INDRE_OSTFOLD = EXAMPLES / "indre-ostfold" / "navplan.yaml"
ESCAPE = "\x1b]0;TITLE\x07\x1b[2J"  # sets the window's title, then clears the screen
SHOWN = r"\x1b]0;TITLE\x07\x1b[2J"
CONTROL = set(range(0x20)) - {0x0A} | set(range(0x7F, 0xA0))


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return copy_of_indre_ostfold(tmp_path)


def raw_controls(text: str, allowed: str = "\n") -> list[str]:
    return [repr(c) for c in text if ord(c) in CONTROL and c not in allowed]


# Where text enters a plan: the option is named, nothing is written.

@pytest.mark.parametrize(("option", "value", "wanted"), [
    ("--notes", "Ring\x0bKari", "--notes: the text holds a control character (U+000B) at position 5: a note may hold "
                                "line breaks and tabs, no other control character"),
    ("--notes", "Ring\x1b[2JKari", "--notes: the text holds a control character (U+001B) at position 5"),
    ("--notes", "Ring\uffffKari", "--notes: the text holds a control character (U+FFFF) at position 5"),
    ("--owner", "Kari\x1b[2J", "--owner: the text holds a control character (U+001B) at position 5: write it on one "
                               "line without it"),
    ("--owner", "Kari\nNordmann", "--owner: the text holds a control character (U+000A) at position 5"),
])
def test_set_names_the_option_that_holds_a_control_character(plan: Path, option: str, value: str,
                                                             wanted: str) -> None:
    before = plan.read_bytes()
    result = run_navplan("set", "7.4", plan, option, value, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"navplan: {wanted}") and result.stderr.count("\n") == 1, result.stderr
    assert plan.read_bytes() == before


@pytest.mark.parametrize("office", ["NAV X\nstart: 2020-01-01 #", "NAV X\u2028start: 2020-01-01 #",
                                    "NAV X\x85start: 2020-01-01 #", "NAV X\rstart: 2020-01-01 #"])
def test_init_names_the_option_and_writes_nothing(office: str, tmp_path: Path) -> None:
    result = run_navplan("init", tmp_path / "kontor", "--office", office, "--opening", "03.01.2028", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith("navplan: --office: the text holds a control character"), \
        "the message names the option, not a file that does not exist"
    assert not (tmp_path / "kontor").exists()


@pytest.mark.parametrize(("option", "value", "wanted"), [
    ("--office", "N" * 201, "--office: is longer than 200 characters"),
    ("--municipality", "M" * 101, "--municipality: is longer than 100 characters"),
])
def test_init_names_the_option_of_a_value_too_long(option: str, value: str, wanted: str, tmp_path: Path) -> None:
    """Issue 17, item 30: not 'kontor/navplan.yaml:7: office: …', a line of a file never written."""
    options = {"--office": "NAV X", "--opening": "03.01.2028", "--lang": "en"} | {option: value}
    result = run_navplan("init", tmp_path / "kontor", *[word for pair in options.items() for word in pair])
    assert result.exit_code == 2 and result.stderr == f"navplan: {wanted}\n", result.stderr
    assert not (tmp_path / "kontor").exists()


@pytest.mark.parametrize("office", ["NAV X\nstart: 2020-01-01 #", "NAV X\u2028start: 2020-01-01 #",
                                    "NAV X\x85start: 2020-01-01 #", "NAV X\u2029start: 2020-01-01 #"])
def test_a_new_plan_escapes_every_value_comments_included(office: str) -> None:
    """Were such an office ever to reach the text of a new plan, it could not
    start a key of its own: in the header comment it is escaped, in the value quoted."""
    import datetime as dt

    for lang in ("nb", "en"):
        text = new_plan_text(office=office, opening=dt.date(2028, 1, 3), template="new", municipalities=[office],
                             lang=lang)
        document = parse_yaml(text, "navplan.yaml").content
        assert "start" not in document
        assert document["office"] == office and document["municipalities"] == [office]
        for line in text.splitlines():
            assert line.startswith(("#", " ", "-")) or line == "" or ":" in line.split("#")[0], line


# What remains in a plan (a note's line breaks and tabs), every writer handles.

def test_mspdi_keeps_a_note_with_line_breaks_and_tabs(plan: Path, tmp_path: Path) -> None:
    assert run_navplan("set", "7.4", plan, "--notes", "Ring Kari\nså Per\tkl. 9").exit_code == 0
    output = tmp_path / "plan.xml"
    assert run_navplan("export", "mspdi", plan, "-o", output, "--as-of", "10.12.2018").exit_code == 0
    notes = [element.text for element in ET.parse(output).iter() if element.tag.endswith("}Notes")]
    assert any(text.endswith("Merknad: Ring Kari\nså Per\tkl. 9") for text in notes if text)


def test_ics_escapes_the_calendar_name_and_holds_nothing_rfc_5545_forbids(plan: Path, tmp_path: Path) -> None:
    from icalendar import Calendar

    office = "NAV Nord, Sør; Øst\\Vest"
    text = plan.read_text("utf-8").replace('office: "NAV Indre Østfold"', 'office: "NAV Nord, Sør; Øst\\\\Vest"')
    plan.write_text(text, "utf-8")
    assert run_navplan("set", "7.4", plan, "--owner", "Kari Nordmann", "--notes", "Ring\nKari\tnå").exit_code == 0
    output = tmp_path / "frister.ics"
    assert run_navplan("export", "ics", plan, "-o", output, "--as-of", "10.12.2018").exit_code == 0
    raw = output.read_bytes().decode("utf-8")
    assert "\r\nNAME:NAV Nord\\, Sør\\; Øst\\\\Vest\r\n" in raw
    assert "\r\nX-WR-CALNAME:NAV Nord\\, Sør\\; Øst\\\\Vest\r\n" in raw
    # RFC 5545 3.3.11: TEXT holds no CONTROL character but HTAB; lines end in CRLF.
    for line in raw.split("\r\n"):
        assert raw_controls(line, allowed="\t") == [], line
    for name in ("NAME", "X-WR-CALNAME"):  # icalendar reads these as raw text: unescaped as RFC 5545 says
        assert re.sub(r"\\(.)", r"\1", str(Calendar.from_ical(raw)[name])) == office


# Terminals and reports: text navplan does not control is shown, never obeyed.

def test_plan_text_with_an_escape_sequence_is_refused_and_never_echoed(plan: Path) -> None:
    text = plan.read_text("utf-8").replace('office: "NAV Indre Østfold"', 'office: "NAV \\e]0;TITLE\\a\\e[2J"')
    plan.write_text(text, "utf-8")
    for command in (["critical-path"], ["calendar"], ["portfolio"]):
        result = run_navplan(*command, plan, "--as-of", "10.12.2018", "--lang", "en")
        assert result.exit_code == 2
        said = " ".join((result.stdout + result.stderr).split())  # portfolio says it in a table cell
        assert "office: the text holds a control character (U+001B) at position 5" in said
        assert raw_controls(result.stdout + result.stderr) == []


def test_a_folder_name_with_an_escape_sequence_is_shown_in_the_portfolio(tmp_path: Path) -> None:
    folder = tmp_path / f"kontor{ESCAPE}"
    folder.mkdir()
    shutil.copyfile(INDRE_OSTFOLD, folder / "navplan.yaml")
    # Written to a file (width=None): the path is never wrapped, however long the temporary folder's name
    # (a worker of pytest-xdist adds popen-gw1/ to it, which wrapped it at 200 columns).
    result = run_navplan("portfolio", tmp_path, "--as-of", "10.12.2018", width=None)
    assert result.exit_code == 0, result.stderr
    assert raw_controls(result.stdout + result.stderr) == []
    assert f"kontor{SHOWN}/navplan.yaml" in result.stdout


def test_a_note_with_a_line_break_is_one_line_in_sets_message(plan: Path) -> None:
    result = run_navplan("set", "7.4", plan, "--notes", "Ring Kari\nså Per\tkl. 9", "--lang", "en")
    assert result.exit_code == 0 and result.stderr.count("\n") == 1
    assert result.stderr.endswith(r"» → Ring Kari\nså Per\tkl. 9" + "\n")


def test_a_plan_file_named_with_an_escape_sequence_in_sets_message(tmp_path: Path) -> None:
    folder = tmp_path / f"kontor{ESCAPE}"
    folder.mkdir()
    shutil.copyfile(INDRE_OSTFOLD, folder / "navplan.yaml")
    result = run_navplan("set", "7.4", folder, "--owner", "Kari")
    assert result.exit_code == 0 and raw_controls(result.stderr) == []
    assert f"kontor{SHOWN}/navplan.yaml: 7.4" in result.stderr


@pytest.fixture
def repository_with_hostile_subject(tmp_path: Path) -> Path:
    folder = new_repository(tmp_path / "repo")
    commit_plan(folder, plan_text(block("A", "Forankre", "10d", parent='"1"')), f"Møte {ESCAPE}slutt",
                date="2030-01-02")
    return folder / "navplan.yaml"


def test_a_commit_subject_with_an_escape_sequence_in_diff_and_report(repository_with_hostile_subject: Path,
                                                                     tmp_path: Path) -> None:
    plan = repository_with_hostile_subject
    result = run_navplan("diff", plan, "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert f"«Møte {SHOWN}slutt»" in first and raw_controls(result.stdout) == []
    for name in ("rapport.md", "rapport.html"):
        assert run_navplan("report", plan, "-o", tmp_path / name, "--as-of", AS_OF).exit_code == 0
        written = (tmp_path / name).read_text("utf-8")
        assert raw_controls(written) == [], name
        undone = re.sub(r"\\(.)", r"\1", written) if name.endswith(".md") else written  # Markdown's escapes
        assert f"«Møte {SHOWN}slutt»" in undone, name


def test_the_console_shows_any_control_character_it_is_given() -> None:
    """The last guard: whatever a renderer hands the console, a terminal never receives a raw control."""
    import io

    from rich.table import Table
    from rich.text import Text

    from navplan.cli.environment import Environment

    stream = io.StringIO()
    console = Environment(stdout=stream, width=60).console()
    console.print(Text(f"title {ESCAPE}", style="bold"))
    table = Table()
    table.add_column("a")
    table.add_row(f"x{ESCAPE}y")
    console.print(table)
    console.print(f"plain {ESCAPE}\x9b1m", markup=False)
    assert raw_controls(stream.getvalue()) == []
    # rich's Text drops BEL itself; what it keeps is shown.
    assert "title \\x1b]0;TITLE" in stream.getvalue() and "\\x9b1m" in stream.getvalue()
    assert f"x{SHOWN}y" in stream.getvalue()


# A folder name that would drive a terminal, wherever a path is shown (issue 17, items 24 and 30).

#: Sets the window's title, clears the screen, turns the text after it right to left, breaks the line.
HOSTILE_FOLDER = f"kontor{ESCAPE}\u202e\nx"
HOSTILE_SHOWN = rf"kontor{SHOWN}\u202e\nx"
BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def raw_or_bidi(text: str) -> list[str]:
    return raw_controls(text) + [repr(c) for c in text if ord(c) in BIDI]


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / HOSTILE_FOLDER
    folder.mkdir()
    shutil.copyfile(INDRE_OSTFOLD, folder / "navplan.yaml")
    return folder


AS_OF_1812 = ["--as-of", "10.12.2018"]
SHOWS_A_PATH = {
    "init": (["init", "{f}/ny", "--office", "NAV Fjordby", "--opening", "03.01.2028"], "ny/navplan.yaml"),
    "validate": (["validate", "{f}"], "navplan.yaml"),
    "export xlsx": (["export", "xlsx", "{f}", "-o", "{f}/ut.xlsx", *AS_OF_1812], "ut.xlsx"),
    "export ods": (["export", "ods", "{f}", "-o", "{f}/ut.ods", *AS_OF_1812], "ut.ods"),
    "export ics": (["export", "ics", "{f}", "-o", "{f}/ut.ics", *AS_OF_1812], "ut.ics"),
    "export csv": (["export", "csv", "{f}", "-o", "{f}/ut.csv", *AS_OF_1812], "ut.csv"),
    "export json": (["export", "json", "{f}", "-o", "{f}/ut.json", *AS_OF_1812], "ut.json"),
    "export mspdi": (["export", "mspdi", "{f}", "-o", "{f}/ut.xml", *AS_OF_1812], "ut.xml"),
    "calendar xlsx": (["calendar", "{f}", "--format", "xlsx", "-o", "{f}/k.xlsx", *AS_OF_1812], "k.xlsx"),
    "portfolio xlsx": (["portfolio", "{f}", "--format", "xlsx", "-o", "{f}/p.xlsx", "--samples", "0", *AS_OF_1812],
                       "p.xlsx"),
    "report md": (["report", "{f}", "-o", "{f}/r.md", *AS_OF_1812], "r.md"),
    "report html": (["report", "{f}", "-o", "{f}/r.html", *AS_OF_1812], "r.html"),
}


@pytest.mark.parametrize("name", sorted(SHOWS_A_PATH))
def test_a_folder_name_that_would_drive_a_terminal_is_shown_escaped(name: str, hostile_folder: Path) -> None:
    args, written = SHOWS_A_PATH[name]
    result = run_navplan(*[arg.replace("{f}", str(hostile_folder)) for arg in args])
    assert result.exit_code == 0, result.stderr
    said = result.stdout + result.stderr
    assert raw_or_bidi(said) == [], said
    assert f"{HOSTILE_SHOWN}/{written}" in said, said


@pytest.mark.parametrize("name", ["r.md", "r.html"])
def test_a_reports_subtitle_and_footer_show_the_folder_escaped(name: str, hostile_folder: Path) -> None:
    assert run_navplan("report", hostile_folder, "-o", hostile_folder / name, *AS_OF_1812).exit_code == 0
    written = (hostile_folder / name).read_text("utf-8")
    assert raw_or_bidi(written.replace("\n", "")) == [], name
    undone = re.sub(r"\\(.)", r"\1", written) if name.endswith(".md") else written  # Markdown's escapes
    assert undone.count(f"{HOSTILE_SHOWN}/navplan.yaml") == 2, undone[-800:]


def test_syncs_messages_and_hint_show_the_folder_escaped(hostile_folder: Path) -> None:
    from openpyxl import load_workbook

    from workbooks import mark

    workbook = hostile_folder / "kontor.xlsx"
    assert run_navplan("export", "xlsx", hostile_folder, "-o", workbook, *AS_OF_1812).exit_code == 0
    unchanged = run_navplan("sync", workbook, hostile_folder, width=None)  # piped: a long path is not wrapped
    assert unchanged.exit_code == 0 and raw_or_bidi(unchanged.stdout + unchanged.stderr) == []
    assert f"{HOSTILE_SHOWN}/kontor.xlsx" in unchanged.stdout + unchanged.stderr
    sheet = load_workbook(workbook).worksheets[0]
    mark(workbook, next(cell.row for cell in sheet["A"] if cell.value == "4.2"), status="ferdig")
    for args in ([], ["--yes"]):
        result = run_navplan("sync", workbook, hostile_folder, *args, width=None)
        assert result.exit_code == 0, result.stderr
        assert raw_or_bidi(result.stdout + result.stderr) == [], result.stdout + result.stderr
        assert f"{HOSTILE_SHOWN}/navplan.yaml" in result.stderr, result.stderr  # the hint, then the written plan



def test_workbooks_name_the_plan_file_escaped(hostile_folder: Path, tmp_path: Path) -> None:
    """The countdown's About sheet and the portfolio's file column show the path as every path is shown."""
    from openpyxl import load_workbook

    def texts(path: Path) -> list[str]:
        return [value for sheet in load_workbook(path) for row in sheet.iter_rows(values_only=True)
                for value in row if isinstance(value, str)]

    assert run_navplan("export", "xlsx", hostile_folder, "-o", tmp_path / "ut.xlsx", *AS_OF_1812).exit_code == 0
    assert f"{HOSTILE_SHOWN}/navplan.yaml" in texts(tmp_path / "ut.xlsx")
    assert run_navplan("portfolio", hostile_folder, "--format", "xlsx", "-o", tmp_path / "p.xlsx", "--samples", "0",
                       *AS_OF_1812).exit_code == 0
    assert f"{hostile_folder.parent}/{HOSTILE_SHOWN}/navplan.yaml" in texts(tmp_path / "p.xlsx")


def test_set_refuses_an_owner_too_long_for_a_plan(plan: Path) -> None:
    """Issue 17, item 30: an owner of 40,000 characters was cut in the workbook (a cell holds
    32,767) and then named by sync as changed; no name needs more than 200."""
    before = plan.read_bytes()
    result = run_navplan("set", "7.4", plan, "--owner", "K" * 40_000, "--lang", "en")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.endswith(": activities[7.4].owner: is longer than 200 characters (nothing was written)\n")
    assert plan.read_bytes() == before
    assert run_navplan("set", "7.4", plan, "--owner", "K" * 200).exit_code == 0
