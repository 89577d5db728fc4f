"""What a command runs in: its output streams, the terminal width, today's
date and the language of messages. Tests inject their own (the httpie
pattern); the core never sees any of it."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

#: A plan's calendar is Norwegian, so "today" is the date in Oslo, whatever
#: time zone the machine or the process is set to.
PLAN_TIME_ZONE = "Europe/Oslo"


def oslo_today() -> dt.date:
    """The date in Norway now: navplan reads the clock here and nowhere else."""
    from zoneinfo import ZoneInfo

    return dt.datetime.now(ZoneInfo(PLAN_TIME_ZONE)).date()


@dataclass
class Environment:
    """Where output goes and what "today" is."""

    stdout: IO[str] = field(default_factory=lambda: sys.stdout)
    stderr: IO[str] = field(default_factory=lambda: sys.stderr)
    stdin: IO[str] = field(default_factory=lambda: sys.stdin)
    width: int | None = None
    today: dt.date | None = None
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    lang: str = "nb"  # of help and error messages, chosen before the options are parsed

    def today_date(self) -> dt.date:
        return self.today or oslo_today()

    # rich is imported when something is printed through it: JSON and CSV output never are.
    def console(self) -> Console:
        """The console for output to people, laid out for :meth:`layout_width`."""
        from navplan.render.terminal_layout import TerminalConsole

        return TerminalConsole(file=self.stdout, width=self.layout_width(), soft_wrap=False, highlight=False)

    def error_console(self) -> Console:
        return _console(file=self.stderr, width=self.width, highlight=False)

    def layout_width(self) -> int | None:
        """The width output is laid out for: the one given (tests), else ``COLUMNS``, else
        the terminal's; None when stdout is not a terminal, so that a file or a pipe gets
        every column whole and every line unwrapped."""
        return self.width or _terminal_width(self.stdout, self.environ)

    def say(self, text: str) -> None:
        """A message for the user on stderr, exactly as given (no markup, emoji or wrapping)."""
        self.error_console().print(text, markup=False, emoji=False, soft_wrap=True, highlight=False)


def _console(**settings) -> Console:
    """A rich console that lets a closed pipe end the command (rich would exit 1, the "check failed" code)."""
    from rich.console import Console

    class PipeAwareConsole(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    return PipeAwareConsole(**settings)


def _terminal_width(stream: IO[str], environ: Mapping[str, str]) -> int | None:
    """``COLUMNS`` when set (as for ls and git), else the width of the terminal ``stream``
    is, else None."""
    columns = environ.get("COLUMNS", "").strip()
    if columns.isascii() and columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if stream.isatty():
            return os.get_terminal_size(stream.fileno()).columns or None
    except (AttributeError, OSError, ValueError):
        pass
    return None


def language_of(argv: list[str], environ: Mapping[str, str]) -> str:
    """The language of help and error messages: ``--lang``, else ``NAVPLAN_LANG``, else bokmål.

    The machine's locale is deliberately not followed: many Norwegian users
    run an English locale, and navplan's promise is bokmål unless asked.

    >>> language_of(["critical-path", "--lang", "en"], {}), language_of(["--lang=en"], {}), language_of([], {})
    ('en', 'en', 'nb')
    """
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif argument.startswith("--lang="):
            value = argument.split("=", 1)[1]
        else:
            continue
        return "en" if value.strip().casefold() == "en" else "nb"
    return "en" if environ.get("NAVPLAN_LANG", "").strip().casefold() == "en" else "nb"
