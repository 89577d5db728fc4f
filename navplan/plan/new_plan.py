"""The text of a new plan file, as `navplan init` writes it."""

from __future__ import annotations

import datetime as dt
import json

from navplan.errors import visible
from navplan.messages import t

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
    header = t("plan_file.header", lang, office=visible(office), template=template)
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
    if lang != "nb":  # a plan made in another language speaks it to every command from now on
        lines.append(f"språk: {lang}")
    lines.append('handbook: "2.0"')
    lines.append("calendar:")
    lines.append("  fellesferie: true")
    lines.append("  christmas_closure: false")
    lines.append("drop: []")
    lines.append(t("plan_file.activities_help", lang).rstrip("\n"))
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
