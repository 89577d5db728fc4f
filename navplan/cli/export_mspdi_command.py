"""`navplan export mspdi`: the schedule as Microsoft Project XML (MSPDI)."""

from __future__ import annotations

import typer

from navplan.cli.app import AsOfOption, Lang, LangOption, PlanArgument, _env, _load_schedule
from navplan.cli.export_commands import ForceOption, OutputFileOption, export_app, refuse_existing
from navplan.errors import EXIT_OK


@export_app.command("mspdi")
def export_mspdi(
    ctx: typer.Context,
    plan: PlanArgument = None,
    output: OutputFileOption = ...,
    as_of: AsOfOption = None,
    lang: LangOption = Lang.nb,
    force: ForceOption = False,
) -> int:
    """Microsoft Project XML for MS Project, ProjectLibre or GanttProject: scheduled back from the opening."""
    from navplan.messages import format_date, t
    from navplan.io.atomic_write import write_atomic
    from navplan.render.mspdi import mspdi_bytes

    refuse_existing(output, force)
    result = _load_schedule(plan, as_of)
    write_atomic(output, mspdi_bytes(result, lang.value), force=force)
    _env(ctx).error_console().print(t(
        "export.written.mspdi", lang.value, file=str(output), office=result.project.plan.office,
        as_of=format_date(result.as_of, lang.value), tasks=len(result.activities),
        date=format_date(result.project.opening_date, lang.value)), markup=False, soft_wrap=True)
    return EXIT_OK
