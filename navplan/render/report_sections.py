"""The report's sections as plain text in the reader's language: headings,
lines and tables of cells. Markdown and HTML lay out the same sections, so
the two files always say the same thing; escaping is each renderer's job.
"""

from __future__ import annotations

import navplan
from navplan.engine.schedule import ScheduledActivity
from navplan.errors import plan_words, render_value, shown_path, visible
from navplan.features.personal_view import shows
from navplan.features.plan_history import MOVED_DATES
from navplan.features.steering_report import DECISION_WEEKS, MAX_MOVED, MAX_MUST_START, MUST_START_WEEKS, Report
from navplan.messages import format_date, format_list, format_long_date, format_week, t
from navplan.render.diff_terminal import critical_lines, signed, slack_lines
from navplan.render.labels import (
    CRITICAL_MARK,
    audience_line,
    baseline_line,
    role_title,
    signed_variance,
    under_verdict,
    verdict_headline,
    verdict_lines,
)
from navplan.render.report_model import Cell, Grid, Section

#: Tones a renderer may colour: ok/fail/tight/note for verdicts, later/earlier for moves.
_VERDICT_MARKS = {"ok": "✔ ", "tight": "! ", "fail": "✘ ", "chain": "", "missed": "✘ ", "deadline": "• ",
                  "note": "ℹ ", "help": "", "lever": "• ", "command": ""}
_CHANGE_TONES = {"ok": "note", "worse": "fail", "better": "ok"}


#: Columns that hold ids, dates and numbers.
_NARROW = {"col.id", "col.number", "col.planned_start", "col.start_by", "col.finish_by", "col.forecast_finish",
           "col.slack", "col.week", "col.due", "col.statutory", "col.status", "col.met", "col.variance",
           "col.baseline_finish"}


def _grid(keys: list[str], rows: list[list[Cell]], lang: str, row_tones: list[str | None] | None = None) -> Grid:
    return Grid([t(k, lang) for k in keys], rows, row_tones=row_tones or [],
                right={i for i, k in enumerate(keys) if k in ("col.slack", "col.number", "col.variance")},
                narrow={i for i, k in enumerate(keys) if k in _NARROW})


def heading(report: Report, lang: str) -> tuple[str, str]:
    plan = report.schedule.project.plan
    return (t("report.title", lang, office=plan.office),
            t("report.subtitle", lang, as_of=format_date(report.as_of, lang), week=format_week(report.as_of, lang),
              plan=shown_path(report.plan_file), version=navplan.__version__))


def verdict_banner(report: Report, lang: str) -> tuple[str, str] | None:
    """The one verdict as the report's first line: (its colour, its words)."""
    if report.verdict is None:
        return None
    return report.verdict.colour, "● " + verdict_headline(report.verdict, lang)


def footer(report: Report, lang: str) -> str:
    return t("report.footer", lang, version=navplan.__version__, plan=shown_path(report.plan_file))


def sections(report: Report, lang: str) -> list[Section]:
    found = [_opening(report, lang), _criteria(report, lang), _critical(report, lang), _changes(report, lang),
             _must_start(report, lang), _overdue(report, lang), _decisions(report, lang)]
    if report.risk is not None:
        from navplan.render.risk_report import risk_sections

        found[3:3] = risk_sections(report.risk, lang)
    if report.baseline is not None:
        found.insert(found.index(next(f for f in found if f.key == "changes")), _against_baseline(report, lang))
    if report.schedule.project.resources:
        found.insert(found.index(next(s for s in found if s.key == "must_start")) + 1, _workload(report, lang))
    if report.schedule.project.plan.current is not None:
        found.append(_current_layer(report, lang))
    return found


def _workload(report: Report, lang: str) -> Section:
    """Only when the plan gives capacity: whether the planned dates were levelled (and, when that
    pushes the opening, who is fully booked), then per role, person or resource with a capacity
    what it carries at once in each of the next weeks "must start" covers, by the planned dates."""
    from navplan.features.workload import whole, workload
    from navplan.render.labels import levelling_reason
    from navplan.render.workload_terminal import amount, levelled_line

    schedule = report.schedule
    lines: list[tuple[str | None, str]] = [(None, levelled_line(schedule, lang))]
    reason = levelling_reason(schedule)
    if reason is not None:
        lines.append(("fail", "✘ " + reason.render(lang)))
    rows, tones = [], []
    for load in workload(schedule, "week", report.view):
        if load.capacity is None:
            continue
        for period in load.busy:
            if period.first_day > report.must_start_until:
                break
            rows.append([Cell(load.title.get(lang)), Cell(amount(load.capacity, lang)),
                         Cell(format_week(period.first_day, lang)),
                         Cell(amount(whole(period.planned), lang), "fail" if period.over else None),
                         Cell(", ".join(period.activities))])
            tones.append("critical" if period.over else None)
    grid = _grid(["col.resource", "col.capacity", "col.week", "col.carried", "col.activities"], rows, lang, tones)
    return Section("workload", t("report.section.workload", lang), lines, grid if rows else None)


def _current_layer(report: Report, lang: str) -> Section:
    """With the current layer: what it adds to the handbook and changes in it, each with its source."""
    from navplan.render.source_labels import layer_mark, source_text

    current = report.schedule.project.plan.current
    rows = []
    for scheduled in report.schedule.activities.values():
        definition = scheduled.activity.definition
        if definition is None or not (definition.origin == "current" or definition.change_source is not None):
            continue
        rows.append([Cell(scheduled.id), Cell(scheduled.activity.title.get(lang)),
                     Cell(layer_mark(definition, current, lang), "strong"),
                     Cell(source_text(definition.source or definition.change_source, lang))])
    grid = _grid(["col.id", "col.activity", "col.from", "col.source"], rows, lang)
    return Section("current", t("report.section.current", lang, current=current),
                   [(None, t("report.current.summary", lang, current=current))], grid)


def _opening(report: Report, lang: str) -> Section:
    schedule = report.schedule
    plan = schedule.project.plan
    key = "opening" if schedule.working_days_left >= 0 else "opening.past"
    lines: list[tuple[str | None, str]] = [("strong", t(key, lang, date=format_long_date(plan.opening, lang),
                                                       week=format_week(plan.opening, lang),
                                                       days=schedule.working_days_left))]
    # "The opening holds with N to spare" is the verdict's first reason, on the report's first
    # line already: said once, the page keeps within two A4 sheets.
    help_ = under_verdict(verdict_lines(schedule, lang, report.levers, plan_words(report.plan_file)), report.verdict)
    lines += [(kind, _VERDICT_MARKS[kind] + text) for kind, text in help_]
    if report.baseline is not None:
        lines.append(("later" if report.baseline.opening_variance > 0 else None, baseline_line(report.baseline, lang)))
    view = audience_line(schedule, report.view, lang)
    if view:
        lines.append(("note", view))
    return Section("opening", t("report.section.opening", lang), lines)


def _criteria(report: Report, lang: str) -> Section:
    statutory = [c for c in report.criteria if c.statutory]
    summary = t("report.criteria.summary", lang, met=sum(c.met for c in report.criteria), total=len(report.criteria),
                statutory_met=sum(c.met for c in statutory), statutory=len(statutory))
    rows, tones = [], []
    for criterion in report.criteria:
        names = []
        for activity in criterion.activities:
            state = t("report.dropped", lang) if activity.status is None else t(f"status.{activity.status.value}", lang)
            names.append(f"{activity.id} {activity.title.get(lang)} ({state})")
        met = t("report.criterion.met", lang) if criterion.met else \
            t("report.criterion.open", lang, done=criterion.done, total=criterion.total)
        rows.append([Cell(str(criterion.number)), Cell(criterion.text.get(lang)),
                     Cell(t("xlsx.yes", lang) if criterion.statutory else "", "strong"),
                     Cell("\n".join(names)), Cell(met, "ok" if criterion.met else None)])
        tones.append("done" if criterion.met else None)
    grid = _grid(["col.number", "col.criterion", "col.statutory", "col.activities", "col.met"], rows, lang, tones)
    return Section("criteria", t("report.section.criteria", lang), [(None, summary)], grid,
                   [t("report.criteria.legend", lang)])


def _activity_cells(report: Report, scheduled: ScheduledActivity, lang: str, marked: bool = False) -> list[Cell]:
    activity = scheduled.activity
    return [Cell(f"{CRITICAL_MARK} {scheduled.id}" if marked else scheduled.id), Cell(activity.title.get(lang)),
            Cell(role_title(report.schedule, activity.role, lang)), Cell(activity.owner or "")]


def _slack(scheduled: ScheduledActivity) -> Cell:
    if scheduled.slack is None:
        return Cell("–")
    return Cell(str(scheduled.slack), "fail" if scheduled.slack < 0 else None)


_WHO = ["col.id", "col.activity", "col.role", "col.owner"]


def _critical(report: Report, lang: str) -> Section:
    against = report.baseline
    rows = [_activity_cells(report, s, lang) + [
        Cell(format_date(s.dates["latest_start"], lang)), Cell(format_date(s.dates["latest_finish"], lang)),
        _slack(s), Cell(t(f"status.{s.status.value}", lang))] + ([_variance(report, s.id)] if against else [])
        for s in report.critical]
    keys = _WHO + ["col.start_by", "col.finish_by", "col.slack", "col.status"] + (["col.variance"] if against else [])
    grid = _grid(keys, rows, lang)
    notes = [t("legend.variance", lang, date=format_date(against.recorded, lang))] if against and rows else []
    return Section("critical", t("section.critical", lang), [] if rows else [(None, t("report.none", lang))],
                   grid if rows else None, notes)


def _variance(report: Report, activity_id: str) -> Cell:
    varied = report.baseline.activities.get(activity_id) if report.baseline is not None else None
    days = varied.variance if varied is not None else None
    return Cell(signed_variance(days), "later" if (days or 0) > 0 else ("earlier" if (days or 0) < 0 else None))


def _against_baseline(report: Report, lang: str) -> Section:
    """What moved against the baseline: the activities whose planned finish is furthest from it
    (later or earlier alike), the report's first :data:`MAX_MOVED`; `navplan diff` lists them all."""
    against = report.baseline
    moved = [v for v in against.moved if shows(report.view, report.schedule.activities[v.id].activity)]
    moved.sort(key=lambda v: (-abs(v.variance), -abs(v.start_variance)))
    section = Section("baseline", t("baseline.section", lang, date=format_date(against.recorded, lang)),
                      [(None, baseline_line(against, lang))])
    if not moved:
        return section
    rows = [[Cell(v.id), Cell(report.schedule.activities[v.id].activity.title.get(lang)),
             Cell(format_date(v.baseline_finish, lang)), Cell(format_date(v.finish, lang)), _variance(report, v.id)]
            for v in moved[:MAX_MOVED]]
    section.grid = _grid(["col.id", "col.activity", "col.baseline_finish", "col.forecast_finish", "col.variance"],
                         rows, lang)
    if len(moved) > MAX_MOVED:
        section.notes.append(t("report.more", lang, count=len(moved) - MAX_MOVED))
    return section


def _changes(report: Report, lang: str) -> Section:
    section = Section("changes", t("report.section.changes", lang))
    if report.changes is None:
        missing = report.no_history
        params = {k: render_value(v, lang) for k, v in missing.params.items()}
        section.lines.append(("note", t("report.no_history", lang,
                                        reason=t(f"report.no_history.{missing.reason}", lang, **params))))
        return section
    diff = report.changes
    revision = diff.revision
    section.lines.append((None, t("report.changes.since", lang, revision=revision.short,
                                  date=format_date(revision.date, lang) or "?", subject=visible(revision.subject),
                                  as_of=format_date(report.as_of, lang))))
    if diff.unchanged:
        section.lines.append(("note", t("diff.nothing", lang, revision=revision.short)))
        return section
    section.lines += [(_CHANGE_TONES[kind], text) for kind, text in slack_lines(diff, lang)]
    for key, items in (("diff.section.added", diff.added), ("diff.section.dropped", diff.dropped)):
        if items:
            section.lines.append((None, f"{t(key, lang)}: " + "; ".join(
                f"{s.id} {s.activity.title.get(lang)}" for s in items)))
    if diff.status_changed:
        section.lines.append((None, f"{t('diff.section.status', lang)}: " + "; ".join(
            f"{c.id} {c.after.activity.title.get(lang)}: {t(f'status.{c.before.status.value}', lang)} → "
            f"{t(f'status.{c.after.status.value}', lang)}" for c in diff.status_changed)))
    section.lines.append((None, f"{t('diff.section.critical', lang)}: " + " · ".join(critical_lines(diff, lang))))
    moved = report.moved
    if moved:
        section.lines.append(("strong", t("diff.section.moved", lang)))
        rows = []
        for move in moved[:MAX_MOVED]:
            shifts = [_shift(move.after.dates[key], getattr(move, key), lang) for key in MOVED_DATES]
            rows.append([Cell(move.id), Cell(move.after.activity.title.get(lang)), *shifts,
                         Cell(f"{_slack(move.before).text} → {_slack(move.after).text}")])
        section.grid = _grid(["col.id", "col.activity", "col.start_by", "col.finish_by", "col.forecast_finish",
                              "col.slack"], rows, lang)
        section.notes.append(t("diff.legend", lang))
        if len(moved) > MAX_MOVED:
            section.notes.append(t("report.more", lang, count=len(moved) - MAX_MOVED))
    return section


def _shift(day, days: int, lang: str) -> Cell:
    if not days:
        return Cell(format_date(day, lang), "muted")
    return Cell(f"{format_date(day, lang)} ({signed(days)})", "later" if days > 0 else "earlier")


def _must_start(report: Report, lang: str) -> Section:
    title = t("section.must_start", lang, weeks=MUST_START_WEEKS, until=format_date(report.must_start_until, lang))
    # A critical row carries the ◆ its legend explains, as critical-path's table does (and is bold besides).
    # What the plan starts in those weeks, by its planned start, with the latest start beside (as critical-path):
    # every one whose latest start falls in them, and the plan's first others up to MAX_MUST_START in all.
    due = [s.id for s in report.must_start if s.dates["latest_start"] <= report.must_start_until]
    others = [s.id for s in report.must_start if s.id not in due]
    kept = set(due + others[:max(0, MAX_MUST_START - len(due))])
    shown = [s for s in report.must_start if s.id in kept]
    rows = [_activity_cells(report, s, lang, marked=s.critical) + [
        Cell(format_date(s.dates["planned_start"], lang)), Cell(format_week(s.dates["planned_start"], lang)),
        Cell(format_date(s.dates["latest_start"], lang), "fail" if s.dates["latest_start"] < report.as_of else None),
        _slack(s)] for s in shown]
    grid = _grid(_WHO + ["col.planned_start", "col.week", "col.start_by", "col.slack"], rows, lang,
                 ["critical" if s.critical else None for s in shown])
    notes = [t("legend.critical", lang)] if any(s.critical for s in shown) else []
    if len(shown) < len(report.must_start):
        notes.append(t("report.more", lang, count=len(report.must_start) - len(shown)))
    return Section("must_start", title, [] if rows else [(None, t("report.none", lang))], grid if rows else None,
                   notes)


def _overdue(report: Report, lang: str) -> Section:
    rows = [_activity_cells(report, item.scheduled, lang) + [
        Cell(t(f"report.overdue.{item.kind}", lang, date=format_date(item.date, lang)), "fail"),
        _slack(item.scheduled)] for item in report.overdue]
    grid = _grid(_WHO + ["col.what", "col.slack"], rows, lang)
    return Section("overdue", t("report.section.overdue", lang), [] if rows else [(None, t("report.none", lang))],
                   grid if rows else None)


def _decisions(report: Report, lang: str) -> Section:
    rows = [_activity_cells(report, s, lang) + [
        Cell(format_date(s.dates["latest_start"], lang), "fail" if s.dates["latest_start"] < report.as_of else None),
        Cell(format_date(s.dates["latest_finish"], lang)), _slack(s), Cell(t(f"status.{s.status.value}", lang))]
        for s in report.decisions]
    grid = _grid(_WHO + ["col.start_by", "col.due", "col.slack", "col.status"], rows, lang)
    return Section("decisions", t("report.section.decisions", lang, weeks=DECISION_WEEKS),
                   [] if rows else [(None, t("report.none", lang))], grid if rows else None,
                   [_decisions_legend(report, lang)])


def _decisions_legend(report: Report, lang: str) -> str:
    """Whose work the decisions section lists, from the handbook data."""
    from navplan.features.steering_report import steering_decision_ids, steering_roles

    roles = sorted(steering_roles(report.schedule))
    titles = [role_title(report.schedule, role, lang) for role in roles]
    ids = steering_decision_ids(report.schedule)
    if not ids:  # the plan dropped the political consideration
        return t("report.decisions.legend.roles", lang, roles=format_list(titles, lang))
    return t("report.decisions.legend", lang, roles=format_list(titles, lang), ids=", ".join(ids))
