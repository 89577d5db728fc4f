"""Words and labels every output shares (terminal, workbook, report, calendar,
MS Project): the verdict on the opening, role names, the critical mark.
Imports no rich, so writers of files never load it."""

from __future__ import annotations

from navplan.engine.schedule import Schedule
from navplan.messages import format_date, t

CRITICAL_MARK = "◆"


def critical_slack(schedule: Schedule) -> int:
    """How far the critical path can slip before the opening moves."""
    return schedule.slack_to_opening if schedule.critical_slack is None else schedule.critical_slack


def verdict_lines(schedule: Schedule, lang: str) -> list[tuple[str, str]]:
    """Whether the opening holds (and if not, why), missed dates and notes, as
    (kind, text) pairs: kind is ok, tight, fail, chain, missed or note. The
    terminal and the workbook say the same thing in their own styles."""
    lines: list[tuple[str, str]] = []
    if not schedule.opening_holds:
        forecast = schedule.activities[schedule.project.opening_id].dates["earliest_start"]
        lines.append(("fail", t("fails", lang, days=schedule.missing_working_days,
                                forecast=format_date(forecast, lang))))
        chain = " → ".join(schedule.driving_chain)
        if chain:
            lines.append(("chain", t("fails.chain", lang, chain=chain)))
    elif critical_slack(schedule) <= 0:
        lines.append(("tight", t("holds.tight", lang)))
    else:
        lines.append(("ok", t("holds", lang, slack=critical_slack(schedule))))
    for missed in schedule.missed:
        if missed.kind == "opening":
            continue
        activity = schedule.project.activities[missed.id]
        lines.append(("missed", t(f"missed.{missed.kind}", lang, id=missed.id, title=activity.title.get(lang),
                                  date=format_date(missed.date, lang), days=missed.missing_days)))
    for note in schedule.notes:
        params = {k: format_date(v, lang) if hasattr(v, "isoformat") else v for k, v in note.params.items()}
        if lang == "en" and "reason_en" in params:
            params["reason"] = params["reason_en"]
        lines.append(("note", t(f"note.{note.key}", lang, **params)))
    return lines


def role_title(schedule: Schedule, role_id: str | None, lang: str) -> str:
    """The role's name as people say it ('Rådmann'), not its id."""
    if role_id is None:
        return ""
    for role in schedule.project.handbook.roles:
        if role.id == role_id:
            return (role.short or role.title).get(lang)
    return role_id


def audience_line(schedule: Schedule, view, lang: str) -> str | None:
    """'Viser bare aktivitetene til Prosjektleder og Anna Lena Gaup.' for a personal view, else None."""
    if view is None:
        return None
    names = [role_title(schedule, role, lang) for role in sorted(view.roles)] + sorted(view.owners)
    who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {t('view.and', lang)} {names[-1]}"
    return t("view.audience", lang, who=who)
