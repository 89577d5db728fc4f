"""navplan's output channels and environment behave as a good Unix tool's do
(issue 11, items 15 and 17): real processes, because closed and full streams,
encodings, COLUMNS and the time zone belong to a process.

- a reader that stops early (`| head -1`) ends the command quietly with 141;
- stdout on a full disk or closed: one message on stderr, exit 2;
- stderr closed: the message is lost, never printed to stdout;
- ``PYTHONIOENCODING=ascii``: unencodable characters are replaced;
- ``COLUMNS=0`` or nonsense is ignored;
- "today" is the date in Oslo, whatever the process's time zone.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES

pytestmark = pytest.mark.skipif(os.name != "posix", reason="closes and redirects file descriptors the POSIX way")

PLAN = EXAMPLES / "indre-ostfold" / "navplan.yaml"
AS_OF = ["--as-of", "10.12.2018"]
EXIT_BROKEN_PIPE = 141

#: One command for each way navplan prints to stdout: rich tables, rich text,
#: JSON and CSV written whole, the option parser's help and version, and help
#: for no arguments.
PRINTING = {
    "critical-path": ["critical-path", PLAN, *AS_OF],
    "critical-path json": ["critical-path", PLAN, *AS_OF, "-f", "json"],
    "calendar csv": ["calendar", PLAN, *AS_OF, "-f", "csv"],
    "portfolio": ["portfolio", EXAMPLES, *AS_OF],
    "handbook 7.4": ["handbook", "7.4"],
    "schema": ["schema"],
    "help": ["--help"],
    "command help": ["critical-path", "--help"],
    "version": ["--version"],
    "no arguments": [],
}


def navplan(*args, env: dict[str, str] | None = None, **popen) -> subprocess.CompletedProcess:
    environ = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "navplan", *map(str, args)], env=environ, timeout=120, **popen)


def with_stderr(*args, env=None, **popen) -> tuple[int, str]:
    result = navplan(*args, env=env, stderr=subprocess.PIPE, text=True, **popen)
    return result.returncode, result.stderr


@pytest.mark.parametrize("name", sorted(PRINTING))
def test_a_reader_that_stopped_ends_the_command_quietly(name: str) -> None:
    """A pipe whose reader is already gone: the first write fails; no traceback, exit 141."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        code, stderr = with_stderr(*PRINTING[name], stdout=write_end)
    finally:
        os.close(write_end)
    assert (code, stderr) == (EXIT_BROKEN_PIPE, "")


def test_head_dash_1_ends_quietly() -> None:
    """The shell's way: `navplan critical-path | head -1` prints one line and nothing else."""
    if shutil.which("head") is None:
        pytest.skip("no head")
    shell = f"{sys.executable} -m navplan critical-path {PLAN} --as-of 10.12.2018 | head -1; " \
            "echo exit ${PIPESTATUS[0]}"
    result = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "NO_COLOR": "1"})
    lines = result.stdout.splitlines()
    assert lines[0].startswith("NAV Indre Østfold: kritisk linje per 10.12.2018")
    assert lines[-1] in ("exit 141", "exit 0") and len(lines) == 2  # 0 if it all fitted the pipe first
    assert result.stderr == ""


@pytest.mark.parametrize("name", ["critical-path", "critical-path json", "help"])
def test_stdout_on_a_full_disk_is_one_message(name: str) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        code, stderr = with_stderr(*PRINTING[name], env={"NAVPLAN_LANG": "en"}, stdout=full)
    assert code == 2
    assert stderr == "navplan: cannot write to standard output: no space left on the disk\n"


@pytest.mark.parametrize("name", ["critical-path", "calendar csv", "schema"])
def test_stdout_closed_is_one_message(name: str) -> None:
    code, stderr = with_stderr(*PRINTING[name], env={"NAVPLAN_LANG": "en"}, preexec_fn=lambda: os.close(1))
    assert code == 2
    assert stderr == "navplan: cannot write to standard output: it is closed\n"


def test_a_command_that_prints_nothing_runs_with_stdout_closed() -> None:
    code, stderr = with_stderr("validate", PLAN, "--lang", "en", preexec_fn=lambda: os.close(1))
    assert code == 0 and " is valid: " in stderr and stderr.endswith("opening 2020-01-01 (merger).\n")


def test_with_stderr_closed_an_error_never_goes_to_stdout(tmp_path: Path) -> None:
    for args in (["critical-path", tmp_path / "nowhere.yaml"], ["critical-path", PLAN, "--weeks", "x"],
                 ["export", "json", PLAN, "-o", tmp_path]):
        result = navplan(*args, stdout=subprocess.PIPE, preexec_fn=lambda: os.close(2))
        assert (result.returncode, result.stdout) == (2, b"")


def test_characters_the_output_cannot_encode_are_replaced() -> None:
    result = navplan(*PRINTING["critical-path"], env={"PYTHONIOENCODING": "ascii"}, capture_output=True)
    assert result.returncode == 0 and result.stderr == b""
    assert result.stdout.startswith(b"NAV Indre ?stfold: kritisk linje per 10.12.2018")
    result = navplan("critical-path", "finnes-ikke.yaml", env={"PYTHONIOENCODING": "ascii"}, capture_output=True)
    assert result.returncode == 2 and result.stderr == b"navplan: finnes-ikke.yaml: fant ikke filen " \
                                                      b"(sjekk stien, eller lag en plan med `navplan init`)\n"


@pytest.fixture(scope="module")
def as_wide_as_its_content() -> str:
    """Piped output without COLUMNS (see tests/test_terminal_width.py)."""
    environ = {key: value for key, value in os.environ.items() if key != "COLUMNS"} | {"NO_COLOR": "1"}
    result = subprocess.run([sys.executable, "-m", "navplan", *map(str, PRINTING["critical-path"])], env=environ,
                            timeout=120, capture_output=True, text=True)
    assert result.returncode == 0
    return result.stdout


@pytest.mark.parametrize("columns", ["0", "abc", "-3", "99999999"])
def test_a_nonsensical_columns_is_ignored(columns: str, as_wide_as_its_content: str) -> None:
    """Piped output is as wide as its content unless COLUMNS says otherwise sensibly; COLUMNS=0
    used to blank every table."""
    got = navplan(*PRINTING["critical-path"], env={"COLUMNS": columns}, capture_output=True, text=True)
    assert got.returncode == 0 and got.stdout == as_wide_as_its_content
    assert "Kritisk linje" in got.stdout and "NAV-leder" in got.stdout, "the table is there, not blank"
    error = navplan("critical-path", "finnes-ikke.yaml", env={"COLUMNS": columns}, capture_output=True, text=True)
    assert error.returncode == 2 and error.stderr.startswith("navplan: finnes-ikke.yaml: fant ikke filen")


def test_today_is_the_date_in_oslo_whatever_the_time_zone(tmp_path: Path) -> None:
    """At any moment one of these zones is on another date than Oslo (UTC+1/+2):
    UTC-12 until 12:00 or 13:00 Oslo time, UTC+14 from then on."""
    from zoneinfo import ZoneInfo

    def oslo_today() -> dt.date:
        return dt.datetime.now(ZoneInfo("Europe/Oslo")).date()

    for zone in ("Etc/GMT+12", "Etc/GMT-14"):
        for _attempt in range(2):  # the date in Oslo may turn during the run: then once more
            plan = tmp_path / zone.replace("/", "-") / "navplan.yaml"
            plan.parent.mkdir(exist_ok=True)
            shutil.copyfile(PLAN, plan)
            before = oslo_today()
            code, stderr = with_stderr("done", "6.1", plan, env={"TZ": zone})
            if oslo_today() == before:
                break
        assert code == 0, stderr
        assert f"actual_finish: {before.isoformat()}" in plan.read_text("utf-8"), zone
