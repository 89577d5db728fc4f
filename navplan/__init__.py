"""navplan: a countdown planner for establishing NAV offices, built on NAV's
"Håndbok for etablering av NAV-kontor" (v2.0, 2007).

The public API (see the README's "Python API"): read a plan, schedule it,
record progress, sync a workbook, read a county file; each name is imported when first used, so
``import navplan`` (which every command-line run does) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = [
    "__version__", "load_plan", "schedule", "record_done", "record_start", "set_fields", "sync_workbook",
    "Project", "PlanSchedule", "ActivitySchedule", "DateCheck", "PlanEdit", "FieldChange", "WorkbookSync",
    "Status", "NavplanError", "load_county", "CountyFile", "ResourceUse",
]

if TYPE_CHECKING:  # what type checkers and editors see; at run time __getattr__ imports on first use
    from navplan.api import ActivitySchedule, PlanSchedule, load_plan, schedule
    from navplan.engine.schedule import DateCheck
    from navplan.errors import NavplanError
    from navplan.features.progress import FieldChange, PlanEdit, record_done, record_start, set_fields
    from navplan.features.workbook_sync import WorkbookSync, sync_workbook
    from navplan.plan.county_file import CountyFile, ResourceUse, load_county
    from navplan.plan.project import Project
    from navplan.plan.values import Status


def __getattr__(name: str) -> object:
    """A public name, from :mod:`navplan.api` (whose table ``HOMES`` says where each is defined)."""
    if name not in __all__:
        raise AttributeError(f"module 'navplan' has no attribute {name!r}")
    from navplan import api

    value = getattr(api, name)
    globals()[name] = value  # the next access is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
