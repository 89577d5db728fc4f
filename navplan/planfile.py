"""Writing plan files: a new plan's text, and the one atomic write every
file navplan produces goes through."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

from navplan.errors import NavplanError

_HEADER = {
    "nb": """\
# navplan-plan for {office}.
# Bare det som er lokalt står her; aktivitetene og avhengighetene kommer fra
# Håndbok for etablering av NAV-kontor (v2.0) og malen «{template}».
# Datoer skrives dd.mm.yyyy eller yyyy-mm-dd. Se `navplan handbook` for aktivitetene
# og `navplan schema` for alle feltene. Filen er laget for git: én blokk per aktivitet.
""",
    "en": """\
# navplan plan for {office}.
# Only what is local lives here; activities and dependencies come from the
# Håndbok for etablering av NAV-kontor (v2.0) and the template "{template}".
# Dates are written dd.mm.yyyy or yyyy-mm-dd. See `navplan handbook` for the activities
# and `navplan schema` for every field. Made for git: one block per activity.
""",
}

_ACTIVITIES_HELP = {
    "nb": """\
# Lokale endringer, én blokk per aktivitet (samme id som i håndboken), eller nye
# aktiviteter med tittel. Eksempel:
#   - id: "3.2.2"
#     owner: Rådmannen
#     fixed: 19.06.2019        # kommunestyremøtet som vedtar avtalen
#   - id: "9.2.5"
#     duration: 12w
#     status: started
#     actual_start: 01.03.2019
""",
    "en": """\
# Local changes, one block per activity (same id as in the handbook), or new
# activities with a title. Example:
#   - id: "3.2.2"
#     owner: Chief municipal executive
#     fixed: 19.06.2019        # the council meeting that adopts the agreement
#   - id: "9.2.5"
#     duration: 12w
#     status: started
#     actual_start: 01.03.2019
""",
}


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar; JSON strings are valid YAML."""
    return json.dumps(text, ensure_ascii=False)


def new_plan_text(
    *,
    office: str,
    opening: dt.date,
    template: str,
    municipalities: list[str],
    start: dt.date | None = None,
    lang: str = "nb",
) -> str:
    """The text of a new plan file, keys in their stable order."""
    lines = [_HEADER[lang].format(office=office, template=template).rstrip("\n"), "navplan: 1"]
    lines.append(f"office: {yaml_string(office)}")
    if municipalities:
        lines.append("municipalities:")
        lines.extend(f"  - {yaml_string(name)}" for name in municipalities)
    else:
        lines.append("municipalities: []")
    lines.append(f"opening: {opening.isoformat()}")
    if start is not None:
        lines.append(f"start: {start.isoformat()}")
    lines.append(f"template: {template}")
    lines.append('handbook: "2.0"')
    lines.append("calendar:")
    lines.append("  fellesferie: true")
    lines.append("  christmas_closure: false")
    lines.append("drop: []")
    lines.append(_ACTIVITIES_HELP[lang].rstrip("\n"))
    lines.append("activities: []")
    return "\n".join(lines) + "\n"


def write_atomic(path: Path, text: str | bytes, *, force: bool = False) -> None:
    """Write ``path`` whole or not at all: a temporary file in the same folder,
    flushed to disk, then renamed over the target. Refuses to replace an
    existing file unless ``force``."""
    path = Path(path)
    if path.exists() and not force:
        raise NavplanError("already exists", file=path, hint="use --force to replace it")
    if path.exists() and path.is_dir():
        raise NavplanError("is a folder", file=path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise NavplanError("the folder does not exist", file=folder)
    data = text.encode("utf-8") if isinstance(text, str) else text
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
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
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
