"""Personal views: the activities of some roles or some people.

`--role` and `--owner` narrow what a command shows to one person's own work
(`critical-path`, `calendar`, `report`, `export xlsx`, `export ics`); the
opening and its verdict always stay, since they are everyone's. A role is
named by its id or its title; an owner exactly as the plan writes the name,
and a name that is nowhere in the plan is refused rather than giving an empty
view.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from navplan.errors import Message, NavplanError
from navplan.plan.project import NetworkActivity, Project


@dataclass(frozen=True)
class Audience:
    """Whose activities to show: any of these roles, or any of these owners."""

    roles: frozenset[str] = field(default_factory=frozenset)
    owners: frozenset[str] = field(default_factory=frozenset)

    def includes(self, activity: NetworkActivity) -> bool:
        return activity.role in self.roles or activity.owner in self.owners


def shows(view: Audience | None, activity: NetworkActivity) -> bool:
    """Whether a view shows ``activity``: everything without an audience."""
    return view is None or view.includes(activity)


def visible_ids(project: Project, view: Audience | None) -> set[str] | None:
    """What a list of the whole plan (the workbook's rows) keeps for an audience: its
    activities, the main activities above them (so the rows keep their groups) and the
    opening; None without an audience."""
    if view is None:
        return None
    kept = {project.opening_id}
    for activity in project.active():
        if view.includes(activity):
            kept.add(activity.id)
            parent = activity.parent
            while parent is not None and parent not in kept:
                kept.add(parent)
                parent = project.activities[parent].parent
    return kept


def audience(project: Project, roles: list[str] | None = None, owners: list[str] | None = None) -> Audience | None:
    """The audience ``--role`` and ``--owner`` name, or None when neither is given."""
    from navplan.features.progress import role_ids

    if not roles and not owners:
        return None
    return Audience(frozenset(role for name in roles or () for role in role_ids(name)),
                    frozenset(_known_owner(project, name) for name in owners or ()))


def _known_owner(project: Project, name: str) -> str:
    from unicodedata import normalize

    from navplan.plan.loading import closest

    known = sorted({a.owner for a in project.active() if a.owner})
    # The name as the plan writes it, however its letters were typed ("å" composed or as a + ring).
    name = next((owner for owner in known if normalize("NFC", owner) == normalize("NFC", name)), name)
    if name not in known:
        guess = closest(name, known)
        raise NavplanError("export.unknown_owner", field="--owner", owner=name,
                           hint=Message("hint.did_you_mean", guess=guess) if guess
                           else Message("export.owners", owners=known or ["–"]))
    return name
