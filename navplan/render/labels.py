"""Words and labels every output shares (terminal, workbook, report, calendar,
MS Project): the verdict on the opening, role names, the critical mark.
Imports no rich, so writers of files never load it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from navplan.engine.schedule import FinishedLate, Schedule
from navplan.errors import render_value, shown_path
from navplan.messages import format_date, t
from navplan.plan.values import Status

if TYPE_CHECKING:
    import datetime as dt

    from navplan.errors import Message
    from navplan.features.baseline import BaselineComparison
    from navplan.features.levers import Levers
    from navplan.features.portfolio import PortfolioLine
    from navplan.features.verdict import Reason, Verdict

CRITICAL_MARK = "◆"


def verdict_lines(schedule: Schedule, lang: str, help: list[Levers] | None = None,
                  plan: str = "") -> list[tuple[str, str]]:
    """The verdict as (kind, text) pairs, the same in every output: first the
    opening (holds with N working days to spare, or misses by N with the chain
    that decides it; once opened, what was never recorded done), then one line
    per fixed or not-after date (a missed one with the chain that breaks it),
    then notes. Kinds: ok, tight, fail, chain, missed, deadline, note; one per
    not-after date met late (done after it); with ``help`` (see
    :mod:`navplan.features.levers`), what can help follows each date that does not
    hold (kinds help and lever), its commands naming the plan as ``plan`` (see
    :func:`navplan.errors.plan_words`)."""
    by_target = {(found.target, found.kind): found for found in help or []}

    def levers_of(target: str | None, kind: str) -> list[tuple[str, str]]:
        found = by_target.get((target, kind))
        return lever_lines(schedule, found, lang, plan) if found else []

    lines: list[tuple[str, str]] = []
    reason = levelling_reason(schedule)
    pushed = [("missed", reason.render(lang))] if reason is not None else []
    if schedule.opened:
        lines.append(("ok", t("opened", lang, date=format_date(schedule.project.opening_date, lang))))
        never = schedule.not_done_before_opening
        if never:
            lines.append(("missed", t("opened.not_done", lang, count=len(never),
                                      ids=", ".join(s.id for s in never))))
        after = [s for s in schedule.after_opening if s.status is not Status.DONE]
        if after:
            lines.append(("note", t("opened.after", lang, count=len(after), ids=", ".join(s.id for s in after))))
    elif not schedule.opening_holds:
        if schedule.project.opening_fixed_by_law:
            # A date the law sets cannot move: no later opening is offered, but what will not be done by it.
            lines.append(("fail", t("fails.legal", lang, days=schedule.missing_working_days)))
        else:
            lines.append(("fail", t("fails", lang, days=schedule.missing_working_days,
                                    forecast=format_date(schedule.forecast_opening, lang))))
        if schedule.critical_path:
            lines.append(("chain", t("fails.chain", lang, chain=" → ".join(schedule.critical_path))))
        if schedule.project.opening_fixed_by_law:
            unfinished = unfinished_line(schedule, lang)
            if unfinished:
                lines.append(("missed", unfinished))
        lines += pushed  # the capacity's share of the delay, before what can help the opening
        lines += levers_of(None, "opening")
    elif schedule.slack_to_opening == 0:
        lines.append(("tight", t("holds.tight", lang)))
        lines += pushed
    else:
        lines.append(("ok", t("holds", lang, slack=schedule.slack_to_opening)))
        lines += pushed
    # Once opened, work before the opening that was never recorded done is history: its date is
    # said once, as not recorded, not as a count of missing days that grows every day.
    history = {s.id for s in schedule.not_done_before_opening}
    for check in schedule.deadlines:
        title = schedule.project.activities[check.id].title.get(lang)
        if check.id in history and not check.holds:
            lines.append(("missed", t(f"missed.{check.kind}.unrecorded", lang, id=check.id, title=title,
                                      date=format_date(check.date, lang))))
        elif check.holds:
            lines.append(("deadline", t(f"deadline.{check.kind}.holds", lang, id=check.id, title=title,
                                        date=format_date(check.date, lang), days=check.slack)))
        else:
            lines.append(("missed", t(f"missed.{check.kind}", lang, id=check.id, title=title,
                                      date=format_date(check.date, lang), days=check.missing_working_days)))
            if check.chain:
                lines.append(("chain", t("deadline.chain", lang, chain=" → ".join(check.chain))))
            lines += levers_of(check.id, check.kind)
    for late in schedule.finished_late:
        lines.append(("missed", finished_late_line(schedule, late, lang)))
    for note in schedule.notes:
        params = {name: render_value(value, lang) for name, value in note.params.items()}
        lines.append(("note", t(f"note.{note.key}", lang, **params)))
    return lines


def under_verdict(lines: list[tuple[str, str]], verdict: Verdict | None) -> list[tuple[str, str]]:
    """:func:`verdict_lines` to print under the one verdict: "the opening holds with N to spare"
    (or "the office opened") is the verdict's first reason already, so it is said once. A line
    that says more (a tight opening's warning, a missed opening's earliest date and chain) stays."""
    if verdict is not None and lines and lines[0][0] == "ok":
        return lines[1:]
    return lines


def verdict_headline(verdict: Verdict, lang: str) -> str:
    """The one verdict in words: 'Status gul: åpningen holder med 9 arbeidsdager å gå på; bare 32 %
    sannsynlighet for å åpne i tide (under 85 %).' The same in every output."""
    reasons = "; ".join(reason_text(reason, lang) for reason in verdict.reasons)
    return t("verdict.headline", lang, colour=t(f"verdict.colour.{verdict.colour}", lang), reasons=reasons)


def verdict_word(verdict: Verdict, lang: str) -> str:
    """The verdict's colour as a word with a capital, for a column or a cell: 'Gul'."""
    word = t(f"verdict.colour.{verdict.colour}", lang)
    return word[:1].upper() + word[1:]


def reason_text(reason: Reason, lang: str) -> str:
    """One reason of the verdict in words (its parameters as people read them)."""
    return t(reason.key, lang, **reason_params(reason, lang))


def reason_params(reason: Reason, lang: str) -> dict[str, object]:
    from navplan.render.risk_labels import percent

    params: dict[str, object] = {}
    for name, value in reason.params.items():
        if name == "probability":
            params["percent"] = percent(float(value), lang)
        elif isinstance(value, list):
            params[name] = ", ".join(str(item) for item in value)
        else:
            params[name] = render_value(value, lang)
    return params


def unfinished_line(schedule: Schedule, lang: str) -> str | None:
    """'1.2, 8.2 og 8.3 blir ikke ferdige før åpningen: 16 arbeidsdager for sent.' (opptil N when
    they are late by different counts); None when nothing is late at the opening."""
    from navplan.features.verdict import unfinished_at_opening
    from navplan.messages import format_list

    late = unfinished_at_opening(schedule)
    if not late:
        return None
    days = [item.late_working_days for item in late]
    how_late = t("verdict.unfinished.late" if len(set(days)) == 1 else "verdict.unfinished.up_to", lang,
                 days=max(days))
    return t("verdict.unfinished", lang, count=len(late), ids=format_list([item.id for item in late], lang),
             late=how_late)


def variance_words(days: int, lang: str) -> str:
    """The variance against the baseline as people say it: '3 uker etter planen' (whole weeks of
    five working days), '7 arbeidsdager før planen', 'som planlagt'."""
    if days == 0:
        return t("baseline.variance.on_plan", lang)
    way = "later" if days > 0 else "earlier"
    size = abs(days)
    if size % 5 == 0:
        return t(f"baseline.variance.{way}.weeks", lang, weeks=size // 5)
    return t(f"baseline.variance.{way}.days", lang, days=size)


def signed_variance(days: int | None) -> str:
    """A variance in a table cell: +15, -3, 0; empty when the activity is not in the baseline.

    >>> signed_variance(15), signed_variance(-3), signed_variance(0), signed_variance(None)
    ('+15', '-3', '0', '')
    """
    if days is None:
        return ""
    return f"+{days}" if days > 0 else str(days)


def baseline_line(comparison: BaselineComparison, lang: str) -> str:
    """'Mot grunnlinjen fra 15.01.2027: åpningen 3 uker etter planen; 4 aktiviteter er etter planen.'"""
    late = comparison.late
    activities = t("baseline.line.late", lang, count=len(late)) if late else t("baseline.line.none_late", lang)
    return t("baseline.line", lang, date=format_date(comparison.recorded, lang),
             opening=variance_words(comparison.opening_variance, lang), activities=activities)


def levelling_reason(schedule: Schedule) -> Message | None:
    """Why the planned opening lies later than both the opening date and the forecast, when
    levelling against the plan's capacity puts it there: 'Med kapasiteten i planen skyves
    åpningen 6 arbeidsdager, til 11.01.2028, fordi NAV-leder er fullt belagt.' (key
    ``levelling.pushes_opening``, params ``days``, ``date`` and ``resource``, the fully booked
    role, person or resource as people name it); None when levelling does not push it."""
    from navplan.errors import Message

    levelled = schedule.levelling
    resource = levelled.pushing_resource if levelled is not None else None
    if resource is None or schedule.opened:
        return None
    return Message("levelling.pushes_opening", days=levelled.opening_pushed, date=schedule.planned_opening,
                   resource=resource.title)


def lever_lines(schedule: Schedule, found: Levers, lang: str, plan: str = "") -> list[tuple[str, str]]:
    """What can help one date hold: a line per lever (kind ``lever``), followed by
    the command that makes the change (kind ``command``, a line of its own so it
    can be copied whole); what no command does names the line of the plan file."""
    from navplan.messages import format_duration

    project = schedule.project
    file = shown_path(project.file or "navplan.yaml")
    lines = [("help", t("levers.heading", lang))]
    for lever in found.levers:
        activity = project.activities[lever.activity_id] if lever.activity_id else None
        params = {"id": lever.activity_id, "title": activity.title.get(lang) if activity else "", "file": file}
        command = None
        if lever.kind == "done":
            text = t("levers.done" if lever.enough else "levers.done.not_enough", lang, **params)
            command = f"navplan done {lever.activity_id}{plan}"
        elif lever.kind == "shorten":
            scheduled = schedule.activities[lever.activity_id]
            old = format_duration(activity.duration, lang) if activity.duration.unit != "m" else \
                t("duration.d", lang, amount=scheduled.earliest_finish - scheduled.earliest_start)
            text = t("levers.shorten", lang, **params, old=old, new=format_duration(lever.duration, lang))
            command = f"navplan set {lever.activity_id}{plan} --duration {lever.duration}"
        elif lever.kind == "shorten_several":
            text = t("levers.shorten_several", lang, **params)
            command = f"navplan set {lever.activity_id}{plan} --duration {t('levers.duration_word', lang)}"
        elif lever.kind == "drop":
            text = t("levers.drop", lang, **params)
        elif lever.kind == "move_opening":
            text = t("levers.move_opening", lang, **params, date=format_date(lever.date, lang))
        else:
            text = t(f"levers.move_date.{found.kind}", lang, **params, date=format_date(lever.date, lang))
            option = "--fixed" if found.kind == "fixed" else "--not-after"
            command = f"navplan set {lever.activity_id}{plan} {option} {format_date(lever.date, lang)}"
        lines.append(("lever", text))
        if command:
            lines.append(("command", command))
    return lines


def finished_late_line(schedule: Schedule, late: FinishedLate, lang: str) -> str:
    """'7.4 …: ferdig 3 arbeidsdager etter fristen 21.06.2019 (ferdig 26.06.2019).': a deadline met
    late stays in the record."""
    return t("finished_late", lang, id=late.id, title=schedule.project.activities[late.id].title.get(lang),
             days=late.working_days, date=format_date(late.date, lang), finished=format_date(late.finished, lang))


def portfolio_status(line: PortfolioLine, lang: str) -> str:
    """One office's verdict in the portfolio, the same in the table and the workbook:
    opened; or the opening missing N working days; or holding, with how many
    fixed and not-after dates will be missed (a county director must not read
    "holds" for an office about to miss its agreement's adoption); or holding.
    An office that opened with dates missed says so too, as the count under the
    table and the row's colour do."""
    if line.error is not None:
        return line.error.render(lang)
    if line.opened:
        status = t("portfolio.opened", lang)
    elif not line.holds:
        status = t("portfolio.missing", lang, days=line.missing_working_days)
    elif line.slack_to_opening == 0:
        status = t("portfolio.tight", lang)
    else:
        status = t("portfolio.ok", lang)
    if line.missed_deadlines:
        # "holds, but a date is missed" is a surprise; "does not hold, and a date is missed" is not.
        key = "portfolio.dates_missed" if line.opened or line.holds else "portfolio.dates_missed.too"
        status += t(key, lang, count=line.missed_deadlines)
    chance = line.probability_on_time
    if line.holds and not line.opened and chance is not None and line.verdict is not None \
            and line.verdict.colour != "green" and chance < 0.85:
        from navplan.render.risk_labels import percent

        status += t("portfolio.on_time", lang, percent=percent(chance, lang))
    if line.baseline_variance is not None:
        status += t("portfolio.baseline", lang, variance=variance_words(line.baseline_variance, lang))
    if line.verdict is not None:
        # The one verdict first, in words: its colour is in the row's, and in the word for NO_COLOR and print.
        status = t("portfolio.verdict", lang, verdict=verdict_word(line.verdict, lang), status=status)
    return status


def portfolio_tone(line: PortfolioLine) -> str | None:
    """The colour of an office's row: its verdict's (red, yellow, green); red when it cannot be read."""
    if line.error is not None:
        return "red"
    return line.verdict.colour if line.verdict is not None else ("red" if portfolio_warns(line) else None)


def portfolio_warns(line: PortfolioLine) -> bool:
    """An office shown in red: unreadable, the opening does not hold, or a date is missed."""
    return line.error is not None or line.holds is False or bool(line.missed_deadlines)


def fewer_samples_note(lines: list[PortfolioLine], samples: int, lang: str) -> str | None:
    """When the probabilities shown come from fewer samples than `navplan risk` takes, say so."""
    from navplan.features.portfolio import PORTFOLIO_SAMPLES
    from navplan.render.risk_labels import count

    if samples >= PORTFOLIO_SAMPLES or not any(line.probability_on_time is not None for line in lines):
        return None
    return t("portfolio.fewer_samples", lang, samples=count(samples, lang), risk=count(PORTFOLIO_SAMPLES, lang))


def countdown_label(countdown: int, by: str, lang: str) -> str:
    """T-3u before the opening's period, T in it, T+2u after it (u, v or w for weeks, m for months).

    >>> countdown_label(3, "week", "nb"), countdown_label(0, "month", "nb"), countdown_label(-2, "week", "en")
    ('T-3u', 'T', 'T+2w')
    """
    unit = t("countdown.unit.week" if by == "week" else "countdown.unit.month", lang)  # u(ker) / w(eeks), m
    if countdown == 0:
        return "T"
    return f"T-{countdown}{unit}" if countdown > 0 else f"T+{-countdown}{unit}"


def role_title(schedule: Schedule, role_id: str | None, lang: str) -> str:
    """The role's name as people say it ('Rådmann'), not its id."""
    return schedule.project.role_title(role_id, lang)


def audience_line(schedule: Schedule, view, lang: str) -> str | None:
    """'Viser bare aktivitetene til Prosjektleder og Anna Lena Gaup.' for a personal view, else None."""
    if view is None:
        return None
    names = [role_title(schedule, role, lang) for role in sorted(view.roles)] + sorted(view.owners)
    who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {t('view.and', lang)} {names[-1]}"
    return t("view.audience", lang, who=who)


def portfolio_title(lines: list[PortfolioLine], as_of: dt.date, lang: str, county: str | None = None) -> str:
    """The portfolio's title: the county's name first when a county file names it."""
    if county is None:
        return t("portfolio.title", lang, as_of=format_date(as_of, lang), count=len(lines))
    return t("county.portfolio.title", lang, county=county, as_of=format_date(as_of, lang), count=len(lines))
