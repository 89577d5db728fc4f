"""The current layer: what a merger, split or new office needs today, laid over the 2007 handbook.

``handbook/current/<id>.yaml`` holds activities the handbook could not know
(the municipal election, the fellesnemnd, the budget, the DPIA, the archive
deposit, NORG2, Digisos ...) and changes to the handbook's own activities
(a title fitted to today, a shorter duration, an owner, a dependency). Every
item carries its source: a law and section, a public guide with its address,
or an estimate with its reason. A plan uses the layer when it says
``current: "2027"``; without the line it is the handbook alone, as before.

The handbook's own text is never rewritten: a changed title keeps the
handbook's title beside it (``handbook_title``), which every view shows as
where the activity comes from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from navplan.plan.handbook_model import ActivityChange, CurrentLayer, Handbook, HandbookActivity, Template
from navplan.plan.values import Text

#: The layers shipped with navplan, by the value a plan's ``current:`` takes.
LAYERS = ("2027",)
#: The newest layer, which `navplan init` writes into new plans.
NEWEST = LAYERS[-1]

#: A year of municipal elections ("Valgdagen blir 11. september 2023", regjeringen.no);
#: they come every fourth year (kommunestyrene velges for fire år).
_ELECTION_YEAR = 2023


def municipal_election_day(year: int) -> dt.date | None:
    """The municipal election day of ``year``, or None when ``year`` has no municipal election.

    The King fixes the day as a Monday (valgloven § 9-2 (1)); in practice it is the
    second Monday of September: 14.09.2015, 09.09.2019, 11.09.2023.

    >>> municipal_election_day(2027), municipal_election_day(2023), municipal_election_day(2019)
    (datetime.date(2027, 9, 13), datetime.date(2023, 9, 11), datetime.date(2019, 9, 9))
    >>> municipal_election_day(2028) is None
    True
    """
    if (year - _ELECTION_YEAR) % 4 != 0:
        return None
    first = dt.date(year, 9, 1)
    first_monday = first + dt.timedelta(days=(7 - first.weekday()) % 7)
    return first_monday + dt.timedelta(days=7)


def rule_date(rule: str, opening: dt.date) -> dt.date | None:
    """The date ``rule`` gives for a plan opening on ``opening``; None when it does not apply.

    The election and the new council's constitution apply when the opening's year
    follows an election year: a merger or split takes effect with the council
    elected the autumn before. The budget for the first year of operation is
    adopted by 31 December of the year before the opening's year.

    >>> rule_date("election_day", dt.date(2028, 1, 1)), rule_date("constitution_deadline", dt.date(2028, 1, 1))
    (datetime.date(2027, 9, 13), datetime.date(2027, 10, 31))
    >>> rule_date("election_day", dt.date(2029, 1, 1)) is None, rule_date("budget_deadline", dt.date(2029, 1, 1))
    (True, datetime.date(2028, 12, 31))
    """
    election_year = opening.year - 1
    if rule == "budget_deadline":
        return dt.date(election_year, 12, 31)
    if municipal_election_day(election_year) is None:
        return None
    if rule == "election_day":
        return municipal_election_day(election_year)
    if rule == "constitution_deadline":
        return dt.date(election_year, 10, 31)
    raise ValueError(f"unknown date rule {rule!r}")


def for_template(templates: Sequence[str], template: str) -> bool:
    return not templates or template in templates


def apply_layer(handbook: Handbook, template: Template, layer: CurrentLayer, template_name: str
                ) -> tuple[Handbook, Template]:
    """The handbook and template with ``layer`` laid over them, for a plan of ``template_name``."""
    changes: dict[str, list[ActivityChange]] = {}
    for change in layer.changes:
        if for_template(change.templates, template_name):
            changes.setdefault(change.id, []).append(change)

    def changed(activity: HandbookActivity) -> HandbookActivity:
        for change in changes.get(activity.id, []):
            activity = _changed(activity, change)
        return activity

    added = [changed(a) for a in layer.activities if for_template(a.templates, template_name)]
    book = handbook.model_copy(update={
        "roles": [*handbook.roles, *layer.roles],
        "activities": [changed(a) for a in handbook.activities],
    })
    shaped = template.model_copy(update={"activities": [*map(changed, template.activities), *added]})
    return book, shaped


def _changed(activity: HandbookActivity, change: ActivityChange) -> HandbookActivity:
    update: dict[str, Any] = {"change_source": change.source or change.duration_source or change.role_source
                    or (change.after_add[0].source if change.after_add else None)
                    or (change.after_remove[0].source if change.after_remove else None)}
    if change.title is not None:
        update["handbook_title"] = activity.handbook_title or activity.title
        update["title"] = change.title
    if change.counted_title is not None:
        update["counted_title"] = change.counted_title
    if change.purpose is not None:
        update["purpose"] = change.purpose
    if change.note is not None:
        update["note"] = change.note
    if change.duration is not None:
        update.update(duration=change.duration, duration_source=change.duration_source,
                      duration_range=change.duration_range)
    if change.role is not None:
        update.update(role=change.role, role_source=change.role_source)
    if change.after_add or change.after_remove:
        removed = {link.id for link in change.after_remove}
        update["after"] = [*(link for link in activity.after if link.id not in removed), *change.after_add]
    return activity.model_copy(update=update)


def counted(title: Text, count: int) -> Text:
    """A title naming the plan's number of municipalities."""
    return Text(nb=title.nb.replace("{count}", str(count)), en=title.en.replace("{count}", str(count)))
