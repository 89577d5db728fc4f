"""The county file read and checked, and what it says about each office.

``load_county`` reads ``fylke.yaml`` through the same safe YAML reader and
located messages as a plan file, and checks every reference it can without
the offices' plans: resource ids written once, periods that do not overlap,
activity ids the handbook or a template knows (a main activity with steps
under it, or a milestone that should hold a place at once, is refused), the
offices' plans found, their resources known. :meth:`CountyFile.check_office`
checks an office's own activity ids against its plan.

The API a levelling step uses (issue 20, item 2):

* :attr:`CountyFile.resources`: each shared resource with its ``unit`` (at
  once, or per week), ``capacity_on(day)``, ``capacity_in_week(day)``,
  ``capacity_changes()`` (half-open date ranges with another capacity) and
  ``held(start, finish)`` (the days an activity holds a place);
* :meth:`CountyFile.uses`: for an office's merged plan, every activity that
  uses a shared resource, as :class:`ResourceUse`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from navplan.errors import Message, NavplanError, os_reason
from navplan.plan.county_model import AT_ONCE, COUNTY_FILE_NAME, County, CountyOffice, CountyResource
from navplan.plan.loading import PLAN_FILE_NAME, closest, field_label, validate
from navplan.plan.safe_yaml import Path_, YamlDocument, parse_yaml, read_text

if TYPE_CHECKING:
    from collections.abc import Iterator

    from navplan.plan.handbook_model import HandbookActivity
    from navplan.plan.project import Project


@dataclass(frozen=True)
class ResourceUse:
    """One activity of one office that takes a place of a shared resource.

    ``demand`` is the places it takes (always 1 from a county file);
    ``office_entry`` says whether the office's own entry under ``offices:``
    named it (else the resource's list for every office did)."""

    resource: str
    activity: str
    demand: int = 1
    office_entry: bool = False


@dataclass
class CountyFile:
    """A county file read and checked: the model, where it is, and the line of every value."""

    county: County
    file: Path
    document: YamlDocument
    #: Each office entry's plan file (as found from the county's folder), in the file's order.
    office_plans: list[Path]

    @property
    def name(self) -> str:
        return self.county.county

    @property
    def language(self) -> str | None:
        return self.county.language

    @property
    def folder(self) -> Path:
        return self.file.parent

    @property
    def resources(self) -> list[CountyResource]:
        return self.county.resources

    def office_entry(self, plan_file: str | Path) -> tuple[int, CountyOffice] | None:
        """The entry under ``offices:`` naming ``plan_file`` (or its folder, however either is reached),
        with its index."""
        plan_file = Path(plan_file)
        if plan_file.is_dir():
            plan_file = plan_file / PLAN_FILE_NAME
        wanted = _same_file_key(plan_file)
        for index, path in enumerate(self.office_plans):
            if _same_file_key(path) == wanted:
                return index, self.county.offices[index]
        return None

    def uses(self, project: Project, plan_file: str | Path | None = None) -> list[ResourceUse]:
        """Every activity of ``project`` (an office's plan merged with the handbook) that
        takes a place of a shared resource: the resource's own ids, and the office's
        entry's, when ``plan_file`` has one. An activity the plan drops, or a summary,
        takes none; a milestone takes a place of a per-week resource only (at once it
        holds no day). In the resources' order, then the ids' as written."""
        entry = self.office_entry(plan_file) if plan_file is not None else None
        found: list[ResourceUse] = []
        for resource in self.resources:
            own = entry[1].resources.get(resource.id, []) if entry else []
            seen: set[str] = set()
            for activity_id, from_office in [*((i, False) for i in resource.activities), *((i, True) for i in own)]:
                activity = project.activities.get(activity_id)
                if activity_id in seen or activity is None or activity.dropped or activity.is_summary:
                    continue
                if activity.is_milestone and resource.unit == AT_ONCE:
                    continue
                seen.add(activity_id)
                found.append(ResourceUse(resource.id, activity_id, office_entry=from_office))
        return found

    def check_office(self, plan_file: str | Path, project: Project) -> None:
        """The office's own activity ids (its entry under ``offices:``) against its plan: each
        must be one of the plan's activities, not dropped, not a summary; a milestone only for a
        per-week resource. A problem is located in the county file."""
        entry = self.office_entry(plan_file)
        if entry is None:
            return
        index, office = entry
        known = [i for i, a in project.activities.items() if not a.dropped]
        for resource_id, ids in office.resources.items():
            resource = self.county.resource(resource_id)
            for position, activity_id in enumerate(ids):
                path = ("offices", index, "resources", resource_id, position)
                field = f"offices[{index + 1}].resources.{resource_id}"
                activity = project.activities.get(activity_id)
                if activity is None:
                    guess = closest(activity_id, known)
                    raise self._error("error.county.office_unknown_id", path, field,
                                      Message("hint.did_you_mean", guess=guess) if guess else "hint.county.office_ids",
                                      id=activity_id, plan=office.plan)
                if activity.dropped:
                    raise self._error("error.county.office_dropped", path, field, id=activity_id, plan=office.plan)
                _check_kind(self, activity_id, activity.is_summary, activity.is_milestone, activity.children,
                            resource, path, field)

    def _error(self, key: str, path: Path_, field: str, hint: str | Message | None = None,
               **params: Any) -> NavplanError:
        return NavplanError(key, file=self.file, line=self.document.line_of(path), field=field, hint=hint, **params)


def _same_file_key(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def resolve_county_path(path: str | Path) -> Path:
    """The county file ``path`` names: the file itself, or the fylke.yaml in a folder."""
    county_path = Path(path)
    try:
        if county_path.is_dir():
            inner = county_path / COUNTY_FILE_NAME
            if not inner.exists() and not inner.is_symlink():
                raise NavplanError("error.plan.folder_without_plan", file=county_path, hint="hint.county.write",
                                   name=COUNTY_FILE_NAME)
            return inner
    except OSError as exc:  # e.g. a name too long for the file system
        raise NavplanError("error.cannot_open", file=county_path, reason=os_reason(exc)) from None
    return county_path


def county_in(folder: Path) -> Path | None:
    """The county file beside a folder's offices, if the folder has one."""
    candidate = folder / COUNTY_FILE_NAME
    try:
        return candidate if candidate.exists() or candidate.is_symlink() else None
    except OSError:
        return None


def load_county(path: str | Path) -> CountyFile:
    """Read and check the county file ``path`` names (a file, or a folder holding fylke.yaml)."""
    county_path = resolve_county_path(path)
    try:
        text = read_text(county_path)
    except NavplanError as error:
        raise _as_county_error(error, county_path) from None
    document = parse_yaml(text, county_path)
    if document.content is None:
        raise NavplanError("error.county.empty", file=county_path, line=1, hint="hint.county.write")
    if not isinstance(document.content, dict):
        raise NavplanError("error.county.not_mapping", file=county_path, line=document.line_of(()) or 1)
    _english_keys(document)
    county = validate(County, document)
    checked = CountyFile(county=county, file=county_path, document=document, office_plans=[])
    _check_resources(checked)
    checked.office_plans = _check_offices(checked)
    return checked


#: Keys people may write in Norwegian, by where they stand, and the county file's (English) key for each.
_NORWEGIAN_KEYS = {
    "top": {"fylke": "county", "ressurser": "resources", "kontorer": "offices", "versjon": "navplan"},
    "resource": {"navn": "name", "kapasitet": "capacity", "enhet": "unit", "perioder": "periods",
                 "aktiviteter": "activities"},
    "period": {"fra": "from", "til": "to", "kapasitet": "capacity"},
    "office": {"ressurser": "resources"},
}


def _english_keys(document: YamlDocument) -> None:
    """A key written in Norwegian (``fylke:``, ``kapasitet:``) is named with the county file's own,
    before any other problem: it is the likeliest slip of a Norwegian user."""
    content = document.content

    def mappings(value: Any, kind: str, path: Path_) -> Iterator[tuple[dict[Any, Any], str, Path_]]:
        if isinstance(value, dict):
            yield value, kind, path

    places = list(mappings(content, "top", ()))
    resources = content.get("resources")
    for index, resource in enumerate(resources if isinstance(resources, list) else []):
        places += mappings(resource, "resource", ("resources", index))
        periods = resource.get("periods") if isinstance(resource, dict) else None
        for number, period in enumerate(periods if isinstance(periods, list) else []):
            places += mappings(period, "period", ("resources", index, "periods", number))
    offices = content.get("offices")
    for index, office in enumerate(offices if isinstance(offices, list) else []):
        places += mappings(office, "office", ("offices", index))
    for mapping, kind, path in places:
        for key in mapping:
            english = _NORWEGIAN_KEYS[kind].get(str(key).casefold())
            if english is not None and english not in mapping:
                raise NavplanError("error.county.english_key", file=document.file, line=document.line_of(path + (key,)),
                                   field=field_label(path + (key,), content), english=english)


def _as_county_error(error: NavplanError, path: Path) -> NavplanError:
    """A file problem said of a county file, not of a plan file."""
    key = error.message.key
    if key == "error.is_folder_not_plan":
        return NavplanError("error.county.is_folder", file=path)
    if key == "error.file_too_large":
        return NavplanError("error.county.too_large", file=path, **error.message.params)
    if key == "error.file_not_found":
        return NavplanError("error.file_not_found", file=path, hint="hint.county.write")
    return error


def _handbook_kinds() -> dict[str, HandbookActivity]:
    """Every activity id the handbook and the templates know, with its definition."""
    from navplan.plan.handbook_files import load_handbook, load_template

    known: dict[str, HandbookActivity] = {}
    for definition in [*load_handbook().activities, *load_template("new").activities,
                       *load_template("merger").activities]:
        known.setdefault(definition.id, definition)
    return known


def _check_resources(checked: CountyFile) -> None:
    county = checked.county
    known = _handbook_kinds()
    children: dict[str, list[str]] = {}
    for known_definition in known.values():
        if known_definition.parent is not None:
            children.setdefault(known_definition.parent, []).append(known_definition.id)
    first_seen: dict[str, int] = {}
    for index, resource in enumerate(county.resources):
        if resource.id in first_seen:
            raise checked._error("error.county.duplicate_resource", ("resources", index, "id"),
                                 f"resources[{resource.id}].id", "hint.county.one_resource", id=resource.id,
                                 first=first_seen[resource.id] + 1)
        first_seen[resource.id] = index
        for later, period in enumerate(resource.periods):
            for earlier in resource.periods[:later]:
                if period.first <= earlier.last and earlier.first <= period.last:
                    raise checked._error("error.county.periods_overlap", ("resources", index, "periods", later),
                                         f"resources[{resource.id}].periods", "hint.county.periods",
                                         first=period.first, last=period.last, other_first=earlier.first,
                                         other_last=earlier.last)
        listed: set[str] = set()
        for position, activity_id in enumerate(resource.activities):
            path = ("resources", index, "activities", position)
            field = f"resources[{resource.id}].activities"
            if activity_id in listed:
                raise checked._error("error.county.duplicate_activity", path, field, id=activity_id)
            listed.add(activity_id)
            definition = known.get(activity_id)
            if definition is None:
                guess = closest(activity_id, list(known))
                raise checked._error("error.plan.unknown_id", path, field,
                                     Message("hint.did_you_mean", guess=guess) if guess else "hint.county.handbook_ids",
                                     id=activity_id)
            summary = definition.kind != "milestone" and definition.duration is None
            _check_kind(checked, activity_id, summary, definition.kind == "milestone",
                        children.get(activity_id, []), resource, path, field)


def _check_kind(checked: CountyFile, activity_id: str, summary: bool, milestone: bool, children: list[str],
                resource: CountyResource, path: Path_, field: str) -> None:
    if summary:
        raise checked._error("error.county.summary", path, field, "hint.county.summary", id=activity_id,
                             children=children)
    if milestone and resource.unit == AT_ONCE:
        raise checked._error("error.county.milestone_at_once", path, field, "hint.county.milestone_at_once",
                             id=activity_id)


def _check_offices(checked: CountyFile) -> list[Path]:
    county = checked.county
    resource_ids = [resource.id for resource in county.resources]
    plans: list[Path] = []
    first_seen: dict[str, int] = {}
    for index, office in enumerate(county.offices):
        where = ("offices", index, "plan")
        field = f"offices[{index + 1}].plan"
        plan_file = _office_plan(checked, office.plan, where, field)
        key = _same_file_key(plan_file)
        if key in first_seen:
            raise checked._error("error.county.duplicate_office", where, field, plan=office.plan,
                                 first=first_seen[key] + 1)
        first_seen[key] = index
        plans.append(plan_file)
        for resource_id, ids in office.resources.items():
            path = ("offices", index, "resources", resource_id)
            label = f"offices[{index + 1}].resources.{resource_id}"
            if resource_id not in resource_ids:
                guess = closest(resource_id, resource_ids)
                raise checked._error("error.county.unknown_resource", path, label,
                                     Message("hint.did_you_mean", guess=guess) if guess else
                                     Message("hint.county.known_resources", ids=resource_ids or ["-"]),
                                     id=resource_id)
            listed: set[str] = set()
            for position, activity_id in enumerate(ids):
                if activity_id in listed:
                    raise checked._error("error.county.duplicate_activity", path + (position,), label, id=activity_id)
                listed.add(activity_id)
    return plans


def _office_plan(checked: CountyFile, named: str, where: Path_, field: str) -> Path:
    """An office entry's plan file: a path relative to the county file's folder (or absolute),
    a folder holding navplan.yaml or the plan file itself."""
    path = checked.folder / named
    try:
        if path.is_dir():
            path = path / PLAN_FILE_NAME
        if path.is_file():
            return path
    except OSError as exc:
        raise checked._error("error.county.plan_unreadable", where, field, plan=named, reason=os_reason(exc)) from None
    raise checked._error("error.county.plan_not_found", where, field, "hint.county.plan_path", plan=named,
                         name=PLAN_FILE_NAME, folder=str(checked.folder))


def check_county_offices(checked: CountyFile) -> list[NavplanError]:
    """Each office entry's own activity ids against its plan. A plan that cannot be read
    is the plan's problem (its own message, returned); an id it does not have is the county file's (raised)."""
    from navplan.plan.project import load_project

    unreadable: list[NavplanError] = []
    for plan_file in checked.office_plans:
        try:
            project = load_project(plan_file)
        except NavplanError as error:
            unreadable.append(error.located(plan_file))
            continue
        checked.check_office(plan_file, project)
    return unreadable

