"""The text of a new plan file, as `navplan init` writes it."""

from __future__ import annotations

import datetime as dt
import json

from navplan.errors import visible

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
# Én blokk per aktivitet i håndboken og malen, med tittelen som kommentar.
# `navplan done`, `navplan start` og `navplan set` fyller dem ut; du kan også skrive
# lokale endringer under id-en selv, eller legge til nye aktiviteter med tittel. Eksempel:
#   - id: "3.2.2"              # Politisk behandling
#     owner: Rådmannen
#     fixed: 19.06.2019        # kommunestyremøtet som vedtar avtalen
#     status: started
#     actual_start: 01.03.2019
# Blokkene står her fra starten av, så to som markerer hver sin aktivitet på hver
# sin git-gren endrer hver sine linjer, og grenene flettes uten konflikt.
""",
    "en": """\
# One block per activity of the handbook and the template, with its title as a comment.
# `navplan done`, `navplan start` and `navplan set` fill them in; you can also write
# local changes under the id yourself, or add new activities with a title. Example:
#   - id: "3.2.2"              # Political processing
#     owner: Chief municipal executive
#     fixed: 19.06.2019        # the council meeting that adopts the agreement
#     status: started
#     actual_start: 01.03.2019
# The blocks are here from the start, so two people who mark different activities on
# different git branches change different lines, and the branches merge without conflict.
""",
}

#: The column the titles' comments start in: after the longest id line navplan writes.
_TITLE_COLUMN = 20

def yaml_string(text: str) -> str:
    r"""A double-quoted YAML scalar; JSON strings are valid YAML. Line breaks that
    JSON leaves as they are but YAML would read as one (U+0085, U+2028, U+2029) are escaped too.

    >>> print(yaml_string("NAV X\u2028start: 2020-01-01"))
    "NAV X\u2028start: 2020-01-01"
    """
    quoted = json.dumps(text, ensure_ascii=False)
    return quoted.replace("\x85", "\\x85").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


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
    # The office stands in a comment too: escaped, a line break in it could never start a key of its own.
    header = _HEADER[lang].format(office=visible(office), template=template)
    lines = [header.rstrip("\n"), "navplan: 1"]
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
    lines.append("activities:")
    lines.extend(_activity_blocks(template, lang))
    return "\n".join(lines) + "\n"


def _activity_blocks(template: str, lang: str) -> list[str]:
    """An id-only block for every task and milestone, under a comment per main activity.

    git merges two branches cleanly only if their edits are separated by
    unchanged lines. Were the blocks written only when someone first marks an
    activity, two people marking two activities would both insert at the same
    spot and conflict; with every block already here, each edit lands under
    its own `- id:` line.
    """
    from navplan.plan.plan_model import Plan
    from navplan.plan.project import build_project

    # Which activities a plan has depends only on its template; the office and
    # dates are checked by `navplan init` on the whole text, with located errors.
    project = build_project(Plan(office="-", opening=dt.date(2030, 1, 1), template=template))
    lines: list[str] = []
    for activity in project.active():
        title = activity.title.get(lang)
        if activity.id == project.opening_id:
            continue  # the opening's date is the plan's `opening:`, not something to mark
        if activity.is_summary:
            # Only main activities get a heading: a template's steps under a main
            # activity come after its sub-activities' steps, where a sub-activity's
            # heading would claim them. The ids show the sub-activity.
            if activity.parent is None:
                if lines:
                    lines.append("")
                lines.append(f"  # {activity.id} {title}")
            continue
        block = f"  - id: {yaml_string(activity.id)}"
        lines.append(f"{block.ljust(_TITLE_COLUMN - 1)} # {title}")
    return lines
