"""The one exception type the core raises for anything the user can fix."""

from __future__ import annotations

from pathlib import Path

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
        where = ""
        if self.file:
            where = self.file + (f":{self.line}" if self.line else "") + ": "
        elif self.line:
            where = f"line {self.line}: "
        field = f"{self.field}: " if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{field}{self.message}{hint}"
