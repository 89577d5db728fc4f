"""navplan as a library: a plan read, scheduled and read back in dates.

The engine computes on working-day *points* (see
:mod:`navplan.engine.working_days`); a script wants dates. A
:class:`PlanSchedule` is the engine's :class:`~navplan.engine.schedule.Schedule`
read once into plain, frozen values: dates are ``datetime.date``, slack is
working days, ids are the plan's. Nothing is computed again, so a script
reads exactly what ``navplan critical-path --format json`` prints.

>>> import datetime as dt, pathlib, tempfile, navplan
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "navplan.yaml").write_text('''office: "NAV Eksempel"
... opening: 03.01.2028
... drop: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
... activities:
...   - {id: "A", title: "Flytte inn", duration: 10d}
... ''', encoding="utf-8")
>>> s = navplan.schedule(navplan.load_plan(folder), as_of=dt.date(2027, 1, 4))
>>> s.opening_holds, s.critical_path
(True, ('A',))

The opening is Monday 03.01.2028, so work ends Friday 31.12.2027; ten working
days back (no public holiday on a weekday: 25 and 26 December 2027 are a
weekend) the task starts Monday 20.12.2027:

>>> s.activities["A"].latest_start, s.activities["A"].latest_finish
(datetime.date(2027, 12, 20), datetime.date(2027, 12, 31))

Two kinds of names live here (``__all__`` lists both):

* **The library's public API** (``PUBLIC``; the same names as ``import navplan`` offers): read a
  plan (:func:`load_plan`), schedule it in dates (:func:`schedule`, :class:`PlanSchedule`), record
  progress (``record_done``, ``record_start``, ``set_fields``), sync a workbook
  (``sync_workbook``), read a county file (``load_county``), and the values they return. These
  keep their names and shapes between versions.
* **Names for the command line** (``FOR_THE_COMMAND_LINE``): the features, checks and constants
  ``navplan/cli`` calls. ``cli/`` imports the core only through this module (tests/test_thin_cli.py);
  the names may change with the command line and are not promised to scripts. Among them,
  ``schedule_project`` is the engine's schedule in working-day points (what :func:`schedule`
  reads into dates).

Every name not defined in this file is imported from its home module on first use (a module-level
``__getattr__`` over :data:`HOMES`), so importing ``navplan.api`` loads no more than the command
in hand needs: ``navplan critical-path`` starts as quickly as before.
"""

from __future__ import annotations

import datetime as dt
from os import PathLike
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the public API's types; at run time __getattr__ imports each name on first use
    # The command line's names are typed Any here (``__getattr__``): importing their modules here would
    # close import circles through the modules that read ``navplan.__version__``.
    from navplan.dated_schedule import ActivitySchedule, PlanSchedule
    from navplan.engine.schedule import DateCheck
    from navplan.errors import NavplanError
    from navplan.features.progress import FieldChange, PlanEdit, record_done, record_start, set_fields
    from navplan.features.workbook_sync import WorkbookSync, sync_workbook
    from navplan.plan.county_file import CountyFile, ResourceUse, load_county
    from navplan.plan.project import Project
    from navplan.plan.values import Status

#: The library's public API: the names ``import navplan`` offers, defined here or re-exported.
PUBLIC = (
    "load_plan", "schedule", "PlanSchedule", "ActivitySchedule", "DateCheck", "record_done", "record_start",
    "set_fields", "PlanEdit", "FieldChange", "sync_workbook", "WorkbookSync", "Project", "Status", "NavplanError",
    "load_county", "CountyFile", "ResourceUse",
)

#: Name → home module of every re-exported name: the public API's, then the command line's.
HOMES = {
    # the public API
    "PlanSchedule": "navplan.dated_schedule", "ActivitySchedule": "navplan.dated_schedule",
    "DateCheck": "navplan.engine.schedule",
    "record_done": "navplan.features.progress", "record_start": "navplan.features.progress",
    "set_fields": "navplan.features.progress", "PlanEdit": "navplan.features.progress",
    "FieldChange": "navplan.features.progress",
    "sync_workbook": "navplan.features.workbook_sync", "WorkbookSync": "navplan.features.workbook_sync",
    "Project": "navplan.plan.project", "Status": "navplan.plan.values", "NavplanError": "navplan.errors",
    "load_county": "navplan.plan.county_file", "CountyFile": "navplan.plan.county_file",
    "ResourceUse": "navplan.plan.county_file",
    # for the command line: the version, exit codes, messages and the values it checks
    "__version__": "navplan",
    "EXIT_OK": "navplan.errors", "EXIT_BAD_INPUT": "navplan.errors", "EXIT_CHECK_FAILED": "navplan.errors",
    "EXIT_BROKEN_PIPE": "navplan.errors", "Choices": "navplan.errors", "InvalidValue": "navplan.errors",
    "Message": "navplan.errors", "os_reason": "navplan.errors", "plan_words": "navplan.errors",
    "render_value": "navplan.errors", "shown_path": "navplan.errors", "visible": "navplan.errors",
    "parse_date": "navplan.plan.values", "check_one_line": "navplan.plan.values",
    "check_multiline": "navplan.plan.values",
    # ... finding and reading files
    "closest": "navplan.plan.loading", "plan_language": "navplan.plan.loading",
    "resolve_plan_path": "navplan.plan.loading", "load_project": "navplan.plan.project",
    "county_in": "navplan.plan.county_file",
    "check_county_offices": "navplan.plan.county_file", "NEWEST": "navplan.plan.current_layer",
    "handbook_entries": "navplan.plan.handbook_files", "layered": "navplan.plan.handbook_files",
    "DOCUMENTS": "navplan.schemas", "schema_text": "navplan.schemas",
    "write_atomic": "navplan.io.atomic_write", "refuse_existing": "navplan.io.atomic_write",
    "plan_lock": "navplan.io.plan_lock", "check_workbook_path": "navplan.features.workbook_file",
    # ... the engine in working-day points (the CLI's renderers read it)
    "schedule_project": "navplan.engine.schedule", "countdown_calendar": "navplan.engine.deadlines",
    "level_schedule": "navplan.engine.planned_levelling",
    "DEFAULT_LEVEL_TIME": "navplan.engine.planned_levelling", "MAX_LEVEL_TIME": "navplan.engine.planned_levelling",
    "DEFAULT_PERCENTILES": "navplan.engine.risk_sampling", "percentile_levels": "navplan.engine.risk_sampling",
    "DEFAULT_SAMPLES": "navplan.engine.risk_simulation", "DEFAULT_SEED": "navplan.engine.risk_simulation",
    "MAX_SAMPLES": "navplan.engine.risk_simulation", "MAX_SEED": "navplan.engine.risk_simulation",
    # ... the features the commands call
    "analyse_risk": "navplan.features.schedule_risk", "audience": "navplan.features.personal_view",
    "visible_ids": "navplan.features.personal_view", "build_report": "navplan.features.steering_report",
    "create_plan": "navplan.features.new_office", "diff_plan": "navplan.features.plan_history",
    "names_a_revision": "navplan.features.plan_history", "levers": "navplan.features.levers",
    "verdict": "navplan.features.verdict", "verdict_sampled": "navplan.features.verdict",
    "portfolio": "navplan.features.portfolio", "find_plans": "navplan.features.portfolio",
    "PORTFOLIO_SAMPLES": "navplan.features.portfolio", "level_county": "navplan.features.county_levelling",
    "DEFAULT_COUNTY_TIME": "navplan.features.county_levelling", "record_baseline": "navplan.features.baseline",
    "record_done_all": "navplan.features.progress", "record_start_all": "navplan.features.progress",
    "workload": "navplan.features.workload", "workbook_risk": "navplan.features.workbook_risk",
    "validate": "navplan.features.validation", "ValidPlan": "navplan.features.validation",
    "ValidCounty": "navplan.features.validation",
}

#: The names the command line uses that are not part of the public API.
FOR_THE_COMMAND_LINE = tuple(name for name in HOMES if name not in PUBLIC)

__all__ = [
    # the public API
    "load_plan", "schedule", "PlanSchedule", "ActivitySchedule", "DateCheck", "record_done", "record_start",
    "set_fields", "PlanEdit", "FieldChange", "sync_workbook", "WorkbookSync", "Project", "Status", "NavplanError",
    "load_county", "CountyFile", "ResourceUse",
    # for the command line (defined by __getattr__, hence noqa: F822)
    "__version__", "EXIT_OK", "EXIT_BAD_INPUT", "EXIT_CHECK_FAILED", "EXIT_BROKEN_PIPE", "Choices",  # noqa: F822
    "InvalidValue", "Message", "os_reason", "plan_words", "render_value", "shown_path", "visible",  # noqa: F822
    "parse_date", "check_one_line", "check_multiline", "closest", "plan_language",  # noqa: F822
    "resolve_plan_path", "load_project", "county_in",  # noqa: F822
    "check_county_offices", "NEWEST", "handbook_entries", "layered", "DOCUMENTS", "schema_text",  # noqa: F822
    "write_atomic", "refuse_existing", "plan_lock", "check_workbook_path", "schedule_project",  # noqa: F822
    "countdown_calendar", "level_schedule", "DEFAULT_LEVEL_TIME", "MAX_LEVEL_TIME",  # noqa: F822
    "DEFAULT_PERCENTILES", "percentile_levels", "DEFAULT_SAMPLES", "DEFAULT_SEED", "MAX_SAMPLES",  # noqa: F822
    "MAX_SEED", "analyse_risk", "audience", "visible_ids", "build_report", "create_plan",  # noqa: F822
    "diff_plan", "names_a_revision", "levers", "verdict", "verdict_sampled", "portfolio",  # noqa: F822
    "find_plans", "PORTFOLIO_SAMPLES", "level_county", "DEFAULT_COUNTY_TIME", "record_baseline",  # noqa: F822
    "record_done_all", "record_start_all", "workload", "workbook_risk", "validate", "ValidPlan", "ValidCounty",  # noqa: F822
]


def __getattr__(name: str) -> Any:
    """A re-exported name, imported from its home module on first use (then a plain attribute)."""
    home = HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'navplan.api' has no attribute {name!r}")
    module = __import__(home, fromlist=["_"])  # the import statement's path, so -X importtime shows it
    value = getattr(module, "schedule" if name == "schedule_project" else name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def load_plan(path: str | PathLike[str] | None = None) -> Project:
    """Read a plan (a ``navplan.yaml`` file, or a folder holding one) and merge it
    with the handbook and its template, every reference checked.

    Without ``path``: the ``navplan.yaml`` in the current folder or the nearest
    folder above it. A problem raises :class:`navplan.NavplanError`, whose
    ``render("nb" | "en")`` is the one located line the command line prints.
    """
    from navplan.plan.project import load_project

    return load_project(path)


def schedule(plan: Project | str | PathLike[str], *, as_of: dt.date) -> PlanSchedule:
    """Schedule ``plan`` back from its opening date, as of ``as_of``.

    ``plan`` is what :func:`load_plan` returns, or a path it would read.
    ``as_of`` is the day progress is reported on; navplan never reads the
    clock itself (the command line uses today's date in Oslo).
    """
    from navplan.dated_schedule import PlanSchedule
    from navplan.engine.schedule import schedule as schedule_project
    from navplan.plan.project import Project

    project = plan if isinstance(plan, Project) else load_plan(plan)
    return PlanSchedule.of(schedule_project(project, as_of))
