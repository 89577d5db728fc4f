"""The one atomic write every file navplan produces goes through: plans,
exports, workbooks, reports."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from navplan.errors import Message, NavplanError, os_reason


def refuse_existing(path: Path, force: bool, reading: Iterable[Path] = ()) -> None:
    """Before any work is done: the target must be a file navplan may write.

    An existing file is only replaced with --force; never a folder, a device or
    a pipe, a read-only file, or a plan the command reads (``reading``).
    """
    target = write_target(Path(path))
    existing = _existing(Path(path), target)
    if existing is None:
        return
    for plan in reading:
        try:
            same = os.path.samefile(target, plan)
        except (OSError, ValueError):
            continue
        if same:
            raise NavplanError("error.write.is_the_plan", file=path, hint="hint.write.is_the_plan")
    _refuse_replacing(Path(path), existing, force)


def write_target(path: Path) -> Path:
    """The file a write to ``path`` changes: a symbolic link's target, so the
    link stays a link and what it leads to is updated."""
    try:
        if not path.is_symlink():
            return path
        info = os.stat(path)
    except FileNotFoundError:
        raise NavplanError("error.dangling_symlink", file=path) from None
    except OSError as exc:  # a loop, a name too long for the file system
        raise NavplanError("error.write.cannot_write_here", file=path, reason=os_reason(exc)) from None
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        # /dev/stdout and its kind: a link to a terminal or a pipe, never to be replaced by a file.
        raise NavplanError("error.not_regular_file", file=path)
    try:
        return Path(os.path.realpath(path, strict=True))
    except OSError as exc:
        raise NavplanError("error.write.cannot_write_here", file=path, reason=os_reason(exc)) from None


def _existing(path: Path, target: Path) -> os.stat_result | None:
    try:
        return os.stat(target)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise NavplanError("error.write.cannot_write_here", file=path, reason=os_reason(exc)) from None
    except ValueError:  # a NUL in the name
        raise NavplanError("error.write.cannot_write_here", file=path, reason=Message("os.other", code="EINVAL")) \
            from None


def _refuse_replacing(path: Path, existing: os.stat_result, force: bool) -> None:
    if stat.S_ISDIR(existing.st_mode):
        raise NavplanError("error.write.is_folder", file=path)
    if not stat.S_ISREG(existing.st_mode):
        raise NavplanError("error.not_regular_file", file=path)
    if not force:
        raise NavplanError("error.write.exists", file=path, hint="hint.use_force")
    if not existing.st_mode & 0o222:
        # Someone made it read-only on purpose; a rename would replace it anyway (even for root).
        raise NavplanError("error.write.read_only", file=path, hint="hint.write.read_only")


def write_atomic(path: Path, text: str | bytes, *, force: bool = False) -> None:
    """Write ``path`` whole or not at all: a temporary file in the same folder,
    flushed to disk, then moved into place. Refuses to replace an existing file
    unless ``force``, and never replaces a folder, a device, a pipe or a
    read-only file. A symbolic link is followed: its target gets the new text.

    Without ``force`` the new file is put in place with a hard link, which
    fails if the name exists: a file another process made meanwhile (two
    exports to one new name at once) is never overwritten.

    Killed at any moment, the target is the old file or the new one, whole.
    What a kill can leave is the temporary file, ``.<name>.<pid>.<random>.tmp``:
    hidden, never named like a plan, and removed by the next write to the same
    target once the process that made it is gone.
    """
    path = Path(path)
    target = write_target(path)
    existing = _existing(path, target)
    if existing is not None:
        _refuse_replacing(path, existing, force)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise NavplanError("error.write.no_folder", file=folder)
    data = text.encode("utf-8") if isinstance(text, str) else text
    remove_stale_temporaries(target)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f"{_temporary_prefix(target)}{os.getpid()}.", suffix=".tmp",
                                             dir=folder)
    except OSError as exc:
        raise NavplanError("error.write.cannot_write_here", file=path, reason=os_reason(exc)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(existing.st_mode) if existing is not None else 0o644)
        if force:
            os.replace(temporary, target)
        else:
            _create(Path(temporary), target, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):  # a full disk, a read-only target...: nothing was changed
            raise NavplanError("error.write.cannot_write", file=path, reason=os_reason(exc)) from None
        raise
    _sync_folder(folder)


def _create(temporary: Path, target: Path, shown: Path) -> None:
    """Move ``temporary`` to ``target``, which must not exist (and is not replaced if it appears)."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise NavplanError("error.write.exists", file=shown, hint="hint.use_force") from None
    except OSError:
        # A file system without hard links (FAT, some network shares): claim the
        # name with an exclusive create, then move the whole file onto it.
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        except FileExistsError:
            raise NavplanError("error.write.exists", file=shown, hint="hint.use_force") from None
        try:
            os.replace(temporary, target)
        except OSError:
            target.unlink(missing_ok=True)  # our own empty placeholder
            raise
        return
    with contextlib.suppress(OSError):  # a leftover temporary is removed by the next write
        temporary.unlink()  # the new file keeps its other name, the target's


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
