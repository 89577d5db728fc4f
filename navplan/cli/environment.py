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
        return _console(file=self.stdout, width=self.width, soft_wrap=False, highlight=False)

    def error_console(self) -> Console:
        return _console(file=self.stderr, width=self.width, highlight=False)

    def say(self, text: str) -> None:
        """A message for the user on stderr, exactly as given (no markup, emoji or wrapping):
        written directly, so that commands that only report a line never import rich."""
        self.stderr.write(text + "\n")
        self.stderr.flush()


def _console(**settings) -> Console:
    """A rich console that lets a closed pipe end the command (rich would exit 1, the "check failed" code)."""
    from rich.console import Console

    class PipeAwareConsole(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    return PipeAwareConsole(**settings)


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
