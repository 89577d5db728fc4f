"""One writer of a plan at a time.

`done`, `start`, `set` and `sync --yes` each read the plan, check their edit
against it and replace it. Two of them at once would both read the same file
and the second rename would throw the first edit away, with both saying they
wrote. So each holds the plan's lock from before it reads to after it has
replaced the file: the second waits, then reads the file the first wrote and
applies its own edit to that. One that cannot get the lock within
:data:`LOCK_WAIT_SECONDS` stops with a message and writes nothing.

The lock is the operating system's lock (``flock`` on Linux and macOS,
``LockFileEx`` on Windows, through the filelock package) on a small file
beside the plan's real file, symbolic links followed, so every name for one
plan shares one lock: ``.navplan.yaml.lock``. The system releases it when the
process ends, however it ends, so a killed navplan never leaves a plan locked
(only, then, the empty file).

The file is removed while the lock is still held, so the plan's folder (and
`git status`) stays as it was. That is safe because filelock opens the file
afresh on every try and gives up a lock it won on a file that no longer has a
name (``st_nlink == 0``): a writer that was waiting on the removed file tries
again on the new one, and by then the first writer's work is done.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from navplan.errors import Message, NavplanError, os_reason

#: How long a writer waits for another to finish. An edit holds the lock well
#: under a second; this is for a slow disk or a busy machine, not for a person.
LOCK_WAIT_SECONDS = 15.0
#: Why a lock file may not be creatable where no writer could write the plan
#: either (the atomic write needs a new file in the same folder): then there
#: is nobody to exclude, and the write itself says what is wrong.
_NOBODY_CAN_WRITE = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT, errno.ENOTDIR, errno.ENAMETOOLONG,
                     errno.ELOOP}

#: Plans this process holds the lock of, with how deeply: `sync --yes` holds it
#: around reading and writing, and the write takes it again.
_held: dict[str, int] = {}


def real_file(path: str | Path) -> Path:
    """The file a plan's name leads to: symbolic links followed, so that an
    edit updates the target and every link to it shares its lock."""
    return Path(os.path.realpath(path))


def lock_file_of(plan: str | Path) -> Path:
    real = real_file(plan)
    return real.with_name(f".{real.name}.lock")


@contextmanager
def plan_lock(plan: str | Path) -> Iterator[None]:
    """Hold ``plan``'s lock for the ``with`` block (re-entrant within the process)."""
    key = str(real_file(plan))
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    # A plan that is not a file cannot be edited; reading it says why, with no lock file left behind.
    lock = _acquire(Path(plan)) if os.path.isfile(key) else None
    _held[key] = 1
    try:
        yield
    finally:
        del _held[key]
        if lock is not None:
            _release(lock)


def _acquire(plan: Path):
    from filelock import FileLock, Timeout

    path = lock_file_of(plan)
    lock = FileLock(path, timeout=LOCK_WAIT_SECONDS, mode=_mode_for(plan))
    try:
        lock.acquire()
    except Timeout:
        raise NavplanError("error.plan.locked", file=plan, seconds=round(LOCK_WAIT_SECONDS),
                           hint="hint.plan.locked") from None
    except OSError as error:
        if error.errno in _NOBODY_CAN_WRITE and not os.path.lexists(path):
            return None
        what = _not_a_lock_file(path)
        if what is not None:  # something else holds the lock file's name: say what, and where
            raise NavplanError("error.plan.lock_not_a_file", file=plan, hint="hint.plan.remove_lock", lock=path,
                               what=Message(what)) from None
        raise NavplanError("error.plan.cannot_lock", file=plan, reason=os_reason(error)) from None
    return lock


def _not_a_lock_file(path: Path) -> str | None:
    """What stands where the lock file goes, if it is not a file navplan can lock: a folder,
    a symbolic link (filelock opens the lock file without following links) or a device or pipe."""
    import stat

    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    if stat.S_ISLNK(mode):
        return "lock.is_link"
    if stat.S_ISDIR(mode):
        return "lock.is_folder"
    return None if stat.S_ISREG(mode) else "lock.is_special"


def _release(lock) -> None:
    """Remove the lock file, then let go of the lock (Windows removes it itself on release)."""
    if os.name == "posix":
        with suppress(OSError):
            os.unlink(lock.lock_file)
    lock.release()


def _mode_for(plan: Path) -> int:
    """Whoever may write the plan may take its lock: the plan's read and write bits."""
    try:
        return (os.stat(plan).st_mode & 0o666) | 0o600
    except (OSError, ValueError):
        return 0o644
