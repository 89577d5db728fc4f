"""stdout and stderr as a good Unix tool treats them.

- A reader that stops early (`navplan critical-path | head -1`) ends the
  command quietly with 141, as git and coreutils do: :func:`navplan.cli.app.main`.
- stdout that cannot take the output (a full disk, a closed descriptor, an
  I/O error) is one message on stderr and exit 2, never a traceback.
- A character the output's encoding cannot hold (``PYTHONIOENCODING=ascii``,
  an old Windows console) is replaced, not fatal.
- With stderr closed, messages are dropped; they never go to stdout, where
  they would pass for data. The exit code still tells.
"""

from __future__ import annotations

import contextlib
import errno
import io
import sys
from typing import IO

from navplan.api import NavplanError, os_reason


class ReaderGone(Exception):
    """stdout's reader stopped reading (a closed pipe). Not an OSError on
    purpose: the option parser catches a broken pipe itself and exits 1, the
    code that means "a check failed"."""


class OutputFailed(NavplanError):
    """stdout could not take the output."""

    def __init__(self, error: OSError) -> None:
        super().__init__("error.output.cannot_write", reason=os_reason(error))


class OutputChannel(io.TextIOBase):
    """A text stream whose failures are navplan's own: :class:`ReaderGone` or :class:`OutputFailed`."""

    def __init__(self, stream: IO[str] | None) -> None:
        super().__init__()
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is None:
            raise OutputFailed(OSError(errno.EBADF, "closed"))
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise ReaderGone from None
        except OSError as error:
            raise OutputFailed(error) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise ReaderGone from None
        except OSError as error:
            raise OutputFailed(error) from None

    def isatty(self) -> bool:
        try:
            return bool(self._stream is not None and self._stream.isatty())
        except (OSError, ValueError):
            return False

    def fileno(self) -> int:
        if self._stream is None:
            raise OSError(errno.EBADF, "closed")
        return self._stream.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str:
        return getattr(self._stream, "errors", None) or "replace"


class DroppedOutput(io.TextIOBase):
    """Where messages go when stderr is closed: nowhere."""

    def write(self, text: str) -> int:
        return len(text)

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False


def process_stdout() -> OutputChannel:
    _replace_unencodable(sys.stdout)
    return OutputChannel(sys.stdout)


def process_stderr() -> IO[str]:
    if sys.stderr is None:
        return DroppedOutput()
    _replace_unencodable(sys.stderr)
    return sys.stderr


def _replace_unencodable(stream: IO[str] | None) -> None:
    """``ø`` on an ASCII stdout becomes ``?`` rather than a UnicodeEncodeError."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError, io.UnsupportedOperation):
            reconfigure(errors="replace")
