"""`navplan validate`'s checks, for one path: a plan (read, merged with the handbook, its network
free of circles) or a county file (the offices' plans and each office's own activity ids). The
command line says what was checked; a problem raises the NavplanError it prints."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from navplan.plan.county_file import CountyFile
    from navplan.plan.project import Project


@dataclass(frozen=True)
class ValidPlan:
    """A plan that passed: the file read and the project it holds."""

    file: Path
    project: Project


@dataclass(frozen=True)
class ValidCounty:
    """A county file that passed, with every plan it names."""

    county: CountyFile


def validate(plan: Path | None) -> ValidPlan | ValidCounty:
    """Check the plan ``plan`` names (a file, a folder holding navplan.yaml, or None: the nearest
    one), or the county file it names (fylke.yaml, a folder holding one and no plan, or a file that
    is no plan but reads as a county file)."""
    from navplan.engine.dependency_graph import check_network
    from navplan.errors import NavplanError
    from navplan.plan.loading import resolve_plan_path
    from navplan.plan.project import load_project

    county = county_file_named(plan)
    if county is not None:
        return _validate_county(county)
    path = resolve_plan_path(plan)
    try:
        project = load_project(path)
    except NavplanError:
        if not reads_as_county(path):
            raise
        return _validate_county(path)
    check_network(project)
    return ValidPlan(path, project)


def county_file_named(plan: Path | None) -> Path | None:
    """The county file ``plan`` names by its name: fylke.yaml, or a folder holding one and no plan."""
    from navplan.plan.county_file import county_in
    from navplan.plan.county_model import COUNTY_FILE_NAME
    from navplan.plan.loading import PLAN_FILE_NAME

    if plan is None:
        return None
    if plan.name == COUNTY_FILE_NAME:
        return plan
    try:
        if plan.is_dir() and not (plan / PLAN_FILE_NAME).exists():
            return county_in(plan)
    except OSError:
        return None
    return None


def reads_as_county(path: Path) -> bool:
    """Whether a file that is no plan is a county file under another name: a mapping
    with ``county:`` and no ``office:``."""
    from navplan.errors import NavplanError
    from navplan.plan.safe_yaml import load_yaml_file

    try:
        content = load_yaml_file(path).content
    except (NavplanError, RecursionError):
        return False
    return isinstance(content, dict) and "county" in content and "office" not in content


def _validate_county(path: Path) -> ValidCounty:
    """The county file, the plans it names, and each office's own activity ids against its plan."""
    from navplan.plan.county_file import check_county_offices, load_county

    county = load_county(path)
    unreadable = check_county_offices(county)
    if unreadable:
        raise unreadable[0]
    return ValidCounty(county)
