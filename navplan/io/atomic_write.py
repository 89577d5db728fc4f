"""The one atomic write every file navplan produces goes through: plans,
exports, workbooks, reports."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from navplan.errors import NavplanError, os_reason


def refuse_existing(path: Path, force: bool) -> None:
    """Before any work is done: an existing file is only replaced with --force."""
    if Path(path).exists() and not force:
        raise NavplanError("error.write.exists", file=path, hint="hint.use_force")


def write_atomic(path: Path, text: str | bytes, *, force: bool = False) -> None:
    """Write ``path`` whole or not at all: a temporary file in the same folder,
    flushed to disk, then renamed over the target. Refuses to replace an
    existing file unless ``force``.

    Killed at any moment, the target is the old file or the new one, whole.
    What a kill can leave is the temporary file, ``.<name>.<pid>.<random>.tmp``:
    hidden, never named like a plan, and removed by the next write to the same
    target once the process that made it is gone.
    """
    path = Path(path)
    if path.exists() and not force:
        raise NavplanError("error.write.exists", file=path, hint="hint.use_force")
    if path.exists() and path.is_dir():
        raise NavplanError("error.write.is_folder", file=path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise NavplanError("error.write.no_folder", file=folder)
    data = text.encode("utf-8") if isinstance(text, str) else text
    remove_stale_temporaries(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f"{_temporary_prefix(path)}{os.getpid()}.", suffix=".tmp",
                                             dir=folder)
    except OSError as exc:
        raise NavplanError("error.write.cannot_write_here", file=path, reason=os_reason(exc)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):  # a full disk, a read-only target...: nothing was changed
            raise NavplanError("error.write.cannot_write", file=path, reason=os_reason(exc)) from None
        raise
    _sync_folder(folder)


def _temporary_prefix(path: Path) -> str:
    return f".{path.name}."


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a power cut after it keeps the new file); best effort."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Delete temporary files a killed write to ``path`` left behind: those
    whose writing process no longer runs. A live writer's file is left alone
    (so two navplan processes never disturb each other), as is anything whose
    name does not parse. Returns what was removed."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    prefix = _temporary_prefix(path)
    removed = []
    try:
        candidates = [entry for entry in os.scandir(folder) if entry.name.startswith(prefix)
                      and entry.name.endswith(".tmp")]
    except OSError:
        return removed
    for entry in candidates:
        pid_text = entry.name[len(prefix):].split(".", 1)[0]
        if not pid_text.isdigit() or not entry.is_file(follow_symlinks=False):
            continue
        if _process_alive(int(pid_text)):
            continue
        try:
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            pass
    return removed


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError, OSError):
        return True  # someone else's process, or cannot tell: keep the file
    return True
