"""The one exception type the core raises for anything the user can fix."""

from __future__ import annotations

from pathlib import Path

#: Longest piece of a message (a value quoted from the file, a field path) shown whole.
MAX_PART = 200
#: Control characters would break the one-line message (or drive the terminal): shown escaped.
_ESCAPES = {code: f"\\x{code:02x}" for code in [*range(0x20), 0x7F]} | {0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}


def one_line(text: str, limit: int = MAX_PART) -> str:
    """``text`` with control characters escaped, cut in the middle when longer than ``limit``.

    >>> one_line("a\\nb")
    'a\\\\nb'
    >>> len(one_line("x" * 10_000))
    201
    """
    text = text.translate(_ESCAPES)
    if len(text) > limit:
        head = limit * 3 // 4
        text = text[:head] + "…" + text[len(text) - (limit - head):]
    return text

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2


class NavplanError(Exception):
    """Bad input or usage, located as precisely as the input allows.

    The CLI's error boundary turns it into one line on stderr and exit code
    :data:`EXIT_BAD_INPUT`.

    >>> str(NavplanError("not a date", file="navplan.yaml", line=4, field="opening"))
    'navplan.yaml:4: opening: not a date'
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
        hint: str | None = None,
        exit_code: int = EXIT_BAD_INPUT,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.field = field
        self.hint = hint
        self.exit_code = exit_code

    def located(self, file: str | Path | None = None) -> "NavplanError":
        """Fill in the file if the raiser did not know it."""
        if self.file is None and file is not None:
            self.file = str(file)
        return self

    def __str__(self) -> str:
        # One line whatever the input held: values quoted from a hostile file
        # (a 1 MB name, a newline in a role) are escaped and shortened.
        where = ""
        if self.file:
            where = one_line(self.file, 2 * MAX_PART) + (f":{self.line}" if self.line else "") + ": "
        elif self.line:
            where = f"line {self.line}: "
        field = f"{one_line(self.field)}: " if self.field else ""
        hint = f" ({one_line(self.hint, 5 * MAX_PART)})" if self.hint else ""
        return f"{where}{field}{one_line(self.message, 5 * MAX_PART)}{hint}"
