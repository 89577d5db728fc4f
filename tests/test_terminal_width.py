"""Tables never lose a column or split a word, at any terminal width from 60
columns, and output to a file or a pipe is as wide as its content.

Each command's output is compared with itself laid out for a pipe (no width:
nothing wraps): at 60, 80 and 120 columns it must hold exactly the same words,
as many times each, so no column is lost, no cell shortened and no word cut.
A line may end a word only at a space, or after a slash or a dash ("examples/",
"01.12.2018–"), so the words are counted as the pieces between those.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from rich.cells import cell_len

from conftest import EXAMPLES, REPO, run_navplan
from gitplans import commit_plan, new_repository, no_repository_above  # noqa: F401
from navplan.messages import t

WIDTHS = (60, 80, 120)
AS_OF = {"indre-ostfold": "10.12.2018", "lillehammer-gausdal": "04.11.2016", "nytt-kontor": "04.01.2027"}
#: Box drawing: rows and header lines are as long as the table is wide.
_NOT_WORDS = re.compile(r"[\u2500-\u257f]+")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def words(text: str) -> Counter:
    """Every word of ``text``, split where a line may end (spaces, after / and –)."""
    text = _NOT_WORDS.sub(" ", text)
    # A lone "/" joins the headers of a column moved under another ("Aktivitet / Ansvarlig").
    return Counter(piece for word in text.split() for piece in re.split(r"(?<=[/–])", word) if piece not in ("", "/"))


def headers(*keys: str, lang: str = "nb") -> list[str]:
    return [t(key, lang) for key in keys]


ACTIVITY_TABLE = headers("col.id", "col.activity", "col.role", "col.start_by", "col.finish_by", "col.slack",
                         "col.status")
MUST_START = headers("col.owner", "col.week")
#: The calendar follows the planned dates by default (issue 19).
CALENDAR = headers("col.period", "col.countdown", "col.starts.planned", "col.finishes.planned")


def schedule_ids(plan: Path, as_of: str) -> list[str]:
    """The ids critical-path shows: the critical path and what must start within 4 weeks."""
    document = json.loads(run_navplan("critical-path", plan, "--as-of", as_of, "--format", "json").stdout)
    return document["critical_path"] + document["must_start"]


def calendar_ids(plan: Path, as_of: str, by: str) -> list[str]:
    document = json.loads(run_navplan("calendar", plan, "--as-of", as_of, "--by", by, "--format", "json").stdout)
    return [i for period in document["periods"] for i in period["must_start"] + period["must_finish"]]


def check_widths(args: list, expected_headers: list[str], expected_ids: list[str]) -> None:
    piped = run_navplan(*args, width=None)
    assert piped.exit_code == 0, piped.stderr
    check_piped(piped.stdout)
    whole = words(piped.stdout)
    for header in expected_headers:
        assert header in piped.stdout, header
    for activity_id in expected_ids:
        assert activity_id in whole, activity_id
    for width in WIDTHS:
        shown = run_navplan(*args, width=width)
        assert shown.exit_code == 0, shown.stderr
        too_wide = [line for line in shown.stdout.splitlines() if cell_len(line) > width]
        assert not too_wide, f"{width} columns: {too_wide[:3]}"
        assert words(shown.stdout) == whole, f"{width} columns: {_difference(words(shown.stdout), whole)}"
        assert not [line for line in shown.stdout.splitlines() if line != line.rstrip()]


def check_piped(text: str) -> None:
    lines = text.splitlines()
    assert lines and not [line for line in lines if line != line.rstrip()], "trailing spaces"
    assert "…" not in text


def _difference(shown: Counter, whole: Counter) -> str:
    return f"only at this width: {dict(shown - whole)}; missing: {dict(whole - shown)}"


@pytest.mark.parametrize("example", sorted(AS_OF))
def test_critical_path(example: str) -> None:
    plan = EXAMPLES / example
    check_widths(["critical-path", plan, "--as-of", AS_OF[example]], ACTIVITY_TABLE, schedule_ids(plan, AS_OF[example]))


def test_critical_path_in_english() -> None:
    plan = EXAMPLES / "indre-ostfold"
    check_widths(["critical-path", plan, "--as-of", "10.12.2018", "--lang", "en"],
                 headers("col.activity", "col.role", "col.start_by", "col.finish_by", lang="en"),
                 schedule_ids(plan, "10.12.2018"))


@pytest.mark.parametrize("by", ["week", "month"])
@pytest.mark.parametrize("example", ["indre-ostfold", "nytt-kontor"])
def test_calendar(example: str, by: str) -> None:
    plan = EXAMPLES / example
    label = t("col.week" if by == "week" else "col.month", "nb")
    check_widths(["calendar", plan, "--as-of", AS_OF[example], "--by", by], [label, *CALENDAR],
                 calendar_ids(plan, AS_OF[example], by))


def test_portfolio(monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    keys = ["portfolio.col.office", "portfolio.col.file", "portfolio.col.opening", "portfolio.col.slack",
            "portfolio.col.critical", "portfolio.col.overdue", "portfolio.col.next_deadline", "portfolio.col.status"]
    offices = json.loads(run_navplan("portfolio", "examples", "--as-of", "01.03.2019", "--format", "json").stdout)
    ids = [o[key] for o in offices["offices"] for key in ("critical_id", "next_deadline_id") if o[key]]
    check_widths(["portfolio", "examples", "--as-of", "01.03.2019"], headers(*keys), ids)
    piped = run_navplan("portfolio", "examples", "--as-of", "01.03.2019", width=None).stdout
    assert "examples/indre-ostfold/navplan.yaml" in piped  # a path is never cut when nothing limits the width


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_portfolio_s_summary_on_stderr_keeps_within_80_columns(lang: str, monkeypatch) -> None:
    """The summary line under the portfolio ('3 planer; 0 holder ikke åpningsdatoen; 1 holder
    åpningen, men ikke alle datoer; 0 kunne ikke leses.') was 99 characters on one line, in a
    terminal and piped: people read it, so it keeps within 80 columns (or a narrower terminal),
    every word kept."""
    monkeypatch.chdir(REPO)
    args = ["portfolio", "examples", "--as-of", "01.03.2019", "--lang", lang]
    said = {width: run_navplan(*args, width=width).stderr for width in (None, 60, 80, 100)}
    words = {width: text.split() for width, text in said.items()}
    assert len(words[None]) > 10, said[None]
    for width, text in said.items():
        limit = min(width or 80, 80)
        assert all(cell_len(line) <= limit for line in text.splitlines()), f"{width}: {text}"
        assert words[width] == words[None]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_risk(lang: str, monkeypatch) -> None:
    """The distribution's bars are as long as the room allows; every other word is kept."""
    monkeypatch.setattr(sys.modules[__name__], "_NOT_WORDS", re.compile(r"[\u2500-\u259f]+"))
    keys = ["risk.col.period", "risk.col.share", "risk.col.cumulative", "risk.col.date", "risk.col.probability",
            "risk.col.correlation"]
    check_widths(["risk", EXAMPLES / "indre-ostfold", "--as-of", "10.12.2018", "--samples", "2000", "--lang", lang],
                 headers(*keys, lang=lang), ["S1", "7.4", "9.3.2", "P85"])


def test_handbook() -> None:
    check_widths(["handbook"], headers("col.id", "col.activity", "col.role", "col.duration", "col.source"),
                 ["opening", "1.1", "3.1.4", "9.2.5"])
    check_widths(["handbook", "7.4"], [t("handbook.purpose", "nb"), t("handbook.depends", "nb")], ["7.4", "7.2"])


def test_diff(tmp_path: Path) -> None:
    folder = new_repository(tmp_path / "kontor")
    text = (EXAMPLES / "indre-ostfold" / "navplan.yaml").read_text(encoding="utf-8")
    commit_plan(folder, text, "Partnerskapsmøte 10.12.2018", date="2018-12-10")
    for args in (["set", "3.2.2", "--duration", "10w"], ["done", "4.1", "--on", "15.01.2019"],
                 ["set", "2.3", "--duration", "3d"]):
        assert run_navplan(*args, folder).exit_code == 0
    check_widths(["diff", folder, "--as-of", "21.01.2019"],
                 headers("col.id", "col.activity", "col.start_by", "col.finish_by", "col.forecast_finish", "col.slack"),
                 ["3.2.2", "3.2.3", "2.3", "4.1"])


def test_sync(tmp_path: Path, monkeypatch) -> None:
    import datetime as dt

    from navplan.plan.project import load_project
    from workbooks import build_workbook, mark

    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "indre-ostfold" / "navplan.yaml", "navplan.yaml")
    rows = build_workbook(Path("plan.xlsx"), load_project(Path("navplan.yaml")))
    mark(Path("plan.xlsx"), rows["7.4"], status="ferdig", start=dt.date(2019, 3, 4), finish=dt.date(2019, 6, 14))
    check_widths(["sync", "plan.xlsx", "navplan.yaml"], [], ["7.4"])


# --- The same through a real process: a pipe, COLUMNS, and a terminal ---------------------------------------------


def _environment(**settings: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES", "NO_COLOR")}
    return env | settings


def _navplan(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "navplan", *args], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=120)


CRITICAL_PATH = ["critical-path", "examples/indre-ostfold", "--as-of", "10.12.2018"]


def test_piped_output_fits_its_content() -> None:
    done = _navplan(*CRITICAL_PATH, env=_environment())
    assert done.returncode == 0, done.stderr
    check_piped(done.stdout)
    lines = done.stdout.splitlines()
    # Every critical activity whole on one line: id, title, role, six dates, slack and status.
    document = json.loads(run_navplan(*CRITICAL_PATH, "--format", "json").stdout)
    activities = {a["id"]: a for a in document["activities"]}
    for activity_id in document["critical_path"]:
        a = activities[activity_id]
        row = [activity_id, *a["title"].split(), "*", *[iso_to_nb(a[key]) for key in (
            "latest_start", "latest_finish", "earliest_start", "earliest_finish", "planned_start", "planned_finish")],
            str(a["slack"]), "ikke", "startet"]
        assert any(_matches(line.split(), row) for line in lines), row
    assert words(done.stdout) == words(run_navplan(*CRITICAL_PATH, width=None).stdout)


def iso_to_nb(day: str) -> str:
    year, month, date = day.split("-")
    return f"{date}.{month}.{year}"


def _matches(found: list[str], row: list[str]) -> bool:
    """``row`` with "*" standing for the role (one or more words)."""
    star = row.index("*")
    head, tail = row[:star], row[star + 1:]
    return found[:len(head)] == head and found[len(found) - len(tail):] == tail and len(found) > len(row) - 1


@pytest.mark.parametrize("columns", WIDTHS)
def test_columns_sets_the_width_of_piped_output(columns: int) -> None:
    done = _navplan(*CRITICAL_PATH, env=_environment(COLUMNS=str(columns)))
    assert done.returncode == 0, done.stderr
    assert max(cell_len(line) for line in done.stdout.splitlines()) <= columns
    assert words(done.stdout) == words(run_navplan(*CRITICAL_PATH, width=None).stdout)
    assert done.stdout == run_navplan(*CRITICAL_PATH, width=columns).stdout


def _in_a_terminal(args: list[str], columns: int, env: dict[str, str]) -> str:
    """Run navplan with its stdout on a pseudo-terminal ``columns`` wide; what it printed."""
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    process = subprocess.Popen([sys.executable, "-m", "navplan", *args], stdout=follower, stderr=subprocess.PIPE,
                               env=env, cwd=REPO)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal is closed once the process has ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(leader)
    assert process.returncode == 0, process.stderr.read()
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_terminal_gets_its_own_width_and_no_colour_with_no_color() -> None:
    shown = _in_a_terminal(CRITICAL_PATH, 70, _environment(NO_COLOR="1", TERM="xterm-256color"))
    plain = _ANSI.sub("", shown)
    assert max(cell_len(line) for line in plain.splitlines()) <= 70
    assert words(plain) == words(run_navplan(*CRITICAL_PATH, width=None).stdout)
    # NO_COLOR: bold and dim may stay, colours may not (SGR 30-38, 40-48, 90-107).
    codes = {int(code) for sgr in re.findall(r"\x1b\[([0-9;]*)m", shown) for code in sgr.split(";") if code}
    assert not codes & {*range(30, 39), *range(40, 49), *range(90, 108)}, codes
    coloured = _in_a_terminal(CRITICAL_PATH, 70, _environment(TERM="xterm-256color"))
    assert re.search(r"\x1b\[[0-9;]*3[0-7]", coloured), "without NO_COLOR a terminal gets colours"


def _with_a_terminal_on_stderr(args: list[str], columns: int, stdout) -> str | None:
    """Run navplan with stdout to ``stdout`` (a pipe or a file) and stderr on a pseudo-terminal
    ``columns`` wide, as `navplan calendar | head` in a terminal; no COLUMNS (bash does not export it)."""
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    try:
        process = subprocess.Popen([sys.executable, "-m", "navplan", *args], stdout=stdout, stderr=follower,
                                   env=_environment(), cwd=REPO)
        output = process.communicate(timeout=120)[0]
    finally:
        os.close(follower)
        os.close(leader)
    assert process.returncode == 0
    return output.decode("utf-8") if output is not None else None


CALENDAR_ARGS = ["calendar", "examples/indre-ostfold", "--as-of", "10.12.2018"]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("args", [CALENDAR_ARGS, CRITICAL_PATH], ids=["calendar", "critical-path"])
def test_a_pipe_read_in_a_terminal_gets_the_terminals_width(args: list[str], tmp_path: Path) -> None:
    """Issue 17, item 32: `navplan calendar | head` in a 70-column terminal is laid out for 70
    columns (the width of the terminal on stderr), not at the full width of its content; to a
    file (`> status.txt`) it keeps the content's width, for grep and diff."""
    piped = _with_a_terminal_on_stderr(args, 70, subprocess.PIPE)
    assert max(cell_len(line) for line in piped.splitlines()) <= 70
    assert piped == run_navplan(*args, width=70).stdout
    with open(tmp_path / "status.txt", "wb") as file:
        _with_a_terminal_on_stderr(args, 70, file)
    assert (tmp_path / "status.txt").read_text("utf-8") == run_navplan(*args, width=None).stdout


# --- The layout itself ----------------------------------------------------------------------------------------------


def test_narrower_than_the_words_it_still_shows_everything() -> None:
    """Below 60 columns the longest words may not fit side by side: then, and only then,
    a word in wrapping text is cut; ids, dates and numbers still are whole."""
    shown = run_navplan(*CRITICAL_PATH, width=30)
    assert shown.exit_code == 0, shown.stderr
    document = json.loads(run_navplan(*CRITICAL_PATH, "--format", "json").stdout)
    activities = {a["id"]: a for a in document["activities"]}
    for activity_id in document["critical_path"]:
        assert activity_id in words(shown.stdout)
        assert iso_to_nb(activities[activity_id]["latest_finish"]) in shown.stdout


def test_styles_follow_the_text_they_belong_to(monkeypatch) -> None:
    import io

    monkeypatch.delenv("NO_COLOR")  # the tests' default; here the colours are the point
    from rich.text import Text

    from navplan.render.terminal_layout import Column, TerminalConsole, print_table

    # 26 columns: ID 5, the title its longest word (12), slack 5, and two gaps of 2.
    console = TerminalConsole(file=io.StringIO(), width=26, force_terminal=True, color_system="standard")
    columns = [Column("id", "ID", wraps=False), Column("title", "Aktivitet"),
               Column("slack", "Slakk", wraps=False, justify="right")]
    late = Text("◆ 7.4", style="red")
    print_table(console, columns, [[late, "Innplassere medarbeidere med roller", Text("-22", style="bold red")]])
    lines = console.file.getvalue().splitlines()
    assert lines[0] == "\x1b[1mID     Aktivitet     Slakk\x1b[0m"
    assert lines[2] == "\x1b[31m◆ 7.4\x1b[0m  Innplassere     \x1b[1;31m-22\x1b[0m"
    assert lines[3:] == ["       medarbeidere", "       med roller"]
