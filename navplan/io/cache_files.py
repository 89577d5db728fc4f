"""Files navplan keeps in the user's cache folder to start faster.

What is kept there can always be computed again (Norway's holidays from the
holidays package, the shipped handbook from its YAML), so a cache file that is
missing, unreadable, too large or not as expected is simply not used, and a
folder that cannot be written just means no cache. Files are written through
the same atomic write as everything else, so a reader sees a whole file or none.

The folder is ``$NAVPLAN_CACHE_DIR`` when set (empty: no cache), else
``platformdirs.user_cache_dir("navplan")`` (``$XDG_CACHE_HOME/navplan`` or
``~/.cache/navplan`` on Linux).
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

CACHE_DIR_VARIABLE = "NAVPLAN_CACHE_DIR"


def cache_folder() -> Path | None:
    """The folder cache files go in; None when caching is turned off."""
    folder = os.environ.get(CACHE_DIR_VARIABLE)
    if folder is None:
        import platformdirs

        folder = platformdirs.user_cache_dir("navplan", appauthor=False)
    return Path(folder) if folder else None


def read_cache(name: str, max_bytes: int) -> bytes | None:
    """The bytes of cache file ``name``, or None when there is none (or it is larger than ``max_bytes``)."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        with (folder / name).open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError:
        return None
    return data if len(data) <= max_bytes else None


def write_cache(name: str, data: bytes) -> None:
    """Write cache file ``name`` whole, or not at all when the folder refuses."""
    from navplan.errors import NavplanError
    from navplan.io.atomic_write import write_atomic

    folder = cache_folder()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / name, data, force=True)
    except (OSError, NavplanError):
        pass


@cache
def installed_version(distribution: str) -> str | None:
    """The installed version of ``distribution`` (a top-level package of the same name), read
    from its metadata folder's name (``holidays-0.109.dist-info``) without importing the package:
    what names or keys a cache file of what the package computes. None when unknown."""
    from importlib.util import find_spec

    spec = find_spec(distribution)
    if spec is None or not spec.origin:
        return None
    site = Path(spec.origin).parent.parent
    try:
        found = [path.name for path in site.iterdir() if path.name.startswith(f"{distribution}-")
                 and path.name.endswith(".dist-info")]
    except OSError:
        found = []
    if len(found) == 1:
        version = found[0][len(distribution) + 1:-len(".dist-info")]
    else:  # an unusual installation: ask the metadata machinery, which costs more
        from importlib.metadata import PackageNotFoundError, version as metadata_version

        try:
            version = metadata_version(distribution)
        except PackageNotFoundError:
            return None
    return version if re.fullmatch(r"[0-9A-Za-z.+_-]{1,40}", version) else None
