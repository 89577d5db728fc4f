"""The text of a new plan file, as `navplan init` writes it."""

from __future__ import annotations

import datetime as dt
import json

from navplan.errors import visible
from navplan.messages import t
from navplan.plan.current_layer import NEWEST

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
    current: str | None = NEWEST,
) -> str:
    """The text of a new plan file, keys in their stable order.

    New plans use the newest current layer (``current: "2027"``), with a comment
    saying what it is and that removing the line gives the handbook alone; and the
    Christmas closure, as NAV offices and most workplaces keep 24-31 December
    (README, "The handbook as data")."""
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
    if current is not None:
        lines.append(t("plan_file.current_help", lang, current=current).rstrip("\n"))
        lines.append(f"current: {yaml_string(current)}")
    lines.append("calendar:")
    lines.append("  fellesferie: true")
    lines.append(f"  christmas_closure: {'true' if current is not None else 'false'}")
    lines.append("drop: []")
    lines.append(t("plan_file.activities_help", lang).rstrip("\n"))
    lines.append("activities:")
    lines.extend(_activity_blocks(template, lang, municipalities, current, opening))
    return "\n".join(lines) + "\n"


def _activity_blocks(template: str, lang: str, municipalities: list[str], current: str | None,
                     opening: dt.date) -> list[str]:
    """An id-only block for every task and milestone, under a comment per main activity.

    git merges two branches cleanly only if their edits are separated by
    unchanged lines. Were the blocks written only when someone first marks an
    activity, two people marking two activities would both insert at the same
    spot and conflict; with every block already here, each edit lands under
    its own `- id:` line.
    """
    from navplan.plan.plan_model import Plan
    from navplan.plan.project import build_project

    # The office and the dates are checked by `navplan init` on the whole text, with located errors.
    # The opening decides whether the election and the constitution apply (the year
    # after an election year), and the municipalities the merger's titles.
    project = build_project(Plan(office="-", opening=opening, template=template,
                                 municipalities=[str(n) for n in range(len(municipalities))], current=current))
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
