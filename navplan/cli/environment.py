"""What a command runs in: its output streams, the terminal width, today's
date and the language of messages. Tests inject their own (the httpie
pattern); the core never sees any of it."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

#: A plan's calendar is Norwegian, so "today" is the date in Oslo, whatever
#: time zone the machine or the process is set to.
PLAN_TIME_ZONE = "Europe/Oslo"
#: The variable a shell sets when it asks navplan to complete a command line.
COMPLETE_VAR = "_NAVPLAN_COMPLETE"
#: A COLUMNS outside these is a mistake (or a broken terminal), not a width to print at.
MIN_COLUMNS, MAX_COLUMNS = 20, 10_000


def oslo_today() -> dt.date:
    """The date in Norway now: navplan reads the clock here and nowhere else."""
    from zoneinfo import ZoneInfo

    return dt.datetime.now(ZoneInfo(PLAN_TIME_ZONE)).date()


@dataclass
class Environment:
    """Where output goes and what "today" is."""

    stdout: IO[str] = field(default_factory=lambda: _process_stream("stdout"))
    stderr: IO[str] = field(default_factory=lambda: _process_stream("stderr"))
    stdin: IO[str] = field(default_factory=lambda: sys.stdin)
    width: int | None = None
    today: dt.date | None = None
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    lang: str = "nb"  # of help and error messages, chosen before the options are parsed
    #: the language --lang or NAVPLAN_LANG asks for; None when neither does (then a plan's `språk:` may)
    lang_given: str | None = None

    def today_date(self) -> dt.date:
        return self.today or oslo_today()

    # rich is imported when something is printed through it: JSON and CSV output never are.
    def console(self) -> Console:
        """The console for output to people, laid out for :meth:`layout_width`."""
        from navplan.render.terminal_layout import TerminalConsole

        return _console(base=TerminalConsole, file=self.stdout, width=self.layout_width(), soft_wrap=False,
                        highlight=False)

    def error_console(self) -> Console:
        return _console(file=self.stderr, width=self.columns(self.stderr), highlight=False)

    def columns(self, stream: IO[str]) -> int | None:
        """The width to print at: the injected one, else COLUMNS if it makes sense, else the
        terminal's (or 80). ``COLUMNS=0`` or ``COLUMNS=abc`` is ignored; rich would print
        every table and message blank at width 0."""
        if self.width:
            return self.width
        value = self.environ.get("COLUMNS")
        if value is None:
            return None  # rich asks the terminal
        if value.strip().isdigit() and MIN_COLUMNS <= int(value) <= MAX_COLUMNS:
            return int(value)
        try:
            return os.get_terminal_size(stream.fileno()).columns or 80
        except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
            return 80

    def layout_width(self) -> int | None:
        """The width output for people is laid out for: the one given (tests), else a
        ``COLUMNS`` that makes sense, else the terminal's: stdout's, or, when stdout is a
        pipe, stderr's (`navplan calendar | head` is read in the terminal it runs in, and
        bash does not export COLUMNS). None for a file, or a pipe with no terminal on
        stderr, so that they get every column whole and every line unwrapped."""
        if self.width:
            return self.width
        value = self.environ.get("COLUMNS", "").strip()
        if value.isascii() and value.isdigit() and MIN_COLUMNS <= int(value) <= MAX_COLUMNS:
            return int(value)
        for stream, when in ((self.stdout, True), (self.stderr, _is_pipe(self.stdout))):
            try:
                if when and stream.isatty():
                    return os.get_terminal_size(stream.fileno()).columns or 80
            except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
                pass
        return None

    def say(self, text: str, *, wrap: bool = False) -> None:
        """A message for the user on stderr, as given (no markup or emoji) but for control
        characters, shown escaped as the console shows them (its lines and tabs kept), and
        wrapped at :data:`SAY_COLUMNS` (or a narrower terminal), piped too: it is read by people.
        Written directly, so that commands that only report a line never import rich. A path in
        a message is escaped whole before (:func:`navplan.errors.shown_path`), its line breaks too.
        An error (``wrap=False``) stays one line, file, line and field first, for grep and editors."""
        from navplan.api import visible

        width = min(SAY_COLUMNS, self.columns(self.stderr) or SAY_COLUMNS) if wrap else 0
        said = visible(text, keep=_LAYOUT)
        self.stderr.write((wrap_said(said, width) if wrap else said) + "\n")
        self.stderr.flush()


#: The widest a line on stderr is: the 80 columns every line people read keeps within.
SAY_COLUMNS = 80


def wrap_said(text: str, width: int) -> str:
    """Each line of ``text`` wrapped at ``width`` between words, a word (a path) never cut; a
    continued line keeps its line's indentation; a command to copy (``navplan ...``) stays whole.

    >>> print(wrap_said("Skrev kontor/plan.xlsx: nedtellingskalender for NAV Fjordby", 30))
    Skrev kontor/plan.xlsx:
    nedtellingskalender for NAV
    Fjordby
    """
    import textwrap

    lines = []
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        if len(line) <= width or stripped.startswith("navplan "):
            lines.append(line)
            continue
        indent = line[:len(line) - len(stripped)]
        hang = indent + "  " if stripped.startswith("• ") else indent  # a bullet's words under its words
        lines += textwrap.wrap(stripped, width, initial_indent=indent, subsequent_indent=hang,
                               break_long_words=False, break_on_hyphens=False, replace_whitespace=False) or [line]
    return "\n".join(lines)


def _is_pipe(stream: IO[str]) -> bool:
    """Whether ``stream`` is a pipe (a FIFO), not a file, a device or a terminal."""
    import stat

    try:
        return stat.S_ISFIFO(os.fstat(stream.fileno()).st_mode)
    except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
        return False


def _process_stream(name: str) -> IO[str]:
    from navplan.cli.output_channels import process_stderr, process_stdout

    return process_stdout() if name == "stdout" else process_stderr()


def _console(base: type | None = None, **settings) -> Console:
    """A rich console (of class ``base``: navplan's terminal layout for output to people)
    that shows control characters escaped and lets a closed pipe end the command."""
    from rich.console import Console
    from rich.segment import Segment

    from navplan.api import visible
    from navplan.cli.output_channels import ReaderGone

    class SafeConsole(base or Console):
        """Text that reaches the terminal never drives it: a control character from
        a file name or a commit subject (an escape sequence that sets the window
        title or clears the screen) is shown as a visible escape. Strings are
        escaped before rich measures them; every other segment as it is rendered."""

        def on_broken_pipe(self) -> None:
            raise ReaderGone  # rich would exit 1, the "check failed" code

        def render_str(self, text: str, **options):
            return super().render_str(visible(text, keep=_LAYOUT), **options)

        def render(self, renderable, options=None):
            for segment in super().render(renderable, options):
                if segment.control is None and _CONTROL.search(segment.text):
                    segment = Segment(visible(segment.text, keep=_LAYOUT), segment.style)
                yield segment

    return SafeConsole(**settings)


#: Line breaks and tabs lay text out; every other control character is shown escaped.
_LAYOUT = "\n\t"
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def language_of(argv: list[str], environ: Mapping[str, str]) -> str:
    """The language of help and error messages: ``--lang``, else ``NAVPLAN_LANG``, else bokmål.

    The machine's locale is deliberately not followed: many Norwegian users
    run an English locale, and navplan's promise is bokmål unless asked.

    >>> language_of(["critical-path", "--lang", "en"], {}), language_of(["--lang=nn"], {}), language_of([], {})
    ('en', 'nn', 'nb')
    """
    from navplan.messages import DEFAULT_LANGUAGE

    return given_language(argv, environ) or DEFAULT_LANGUAGE


def completion_words(environ: Mapping[str, str]) -> list[str]:
    """The command line a shell asks completions for: bash gives it in ``COMP_WORDS``, zsh,
    fish and PowerShell in ``_TYPER_COMPLETE_ARGS`` (argv is empty then); ``[]`` otherwise.

    >>> completion_words({"_TYPER_COMPLETE_ARGS": "navplan --lang nn ex"})
    ['navplan', '--lang', 'nn', 'ex']
    """
    from typer._click.shell_completion import split_arg_string  # typer carries its own copy of click

    text = environ.get("COMP_WORDS", environ.get("_TYPER_COMPLETE_ARGS"))
    return split_arg_string(text) if text else []


def given_language(argv: list[str], environ: Mapping[str, str]) -> str | None:
    """The language ``--lang`` names, else ``NAVPLAN_LANG``; None if neither names one
    navplan speaks (a wrong ``--lang`` is then refused by the command).

    >>> given_language(["--lang", "NN"], {}), given_language([], {"NAVPLAN_LANG": "en"}), given_language([], {})
    ('nn', 'en', None)
    """
    from navplan.messages import LANGUAGES

    for index, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif argument.startswith("--lang="):
            value = argument.split("=", 1)[1]
        else:
            continue
        value = value.strip().casefold()
        if value in LANGUAGES:
            return value
        break  # a --lang navplan does not speak is refused by the command, in the environment's language
    value = environ.get("NAVPLAN_LANG", "").strip().casefold()
    return value if value in LANGUAGES else None
