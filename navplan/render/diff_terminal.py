"""`navplan diff` for people: a table, later in red and earlier in green.
The report reuses its sentences about the opening and the critical path."""

from __future__ import annotations

import datetime as dt

from rich.console import Console
from rich.text import Text

from navplan.engine.schedule import ScheduledActivity
from navplan.errors import visible
from navplan.features.plan_history import MOVED_DATES, PlanDiff
from navplan.messages import format_date, t
from navplan.render.labels import finished_late_line
from navplan.render.terminal_layout import Column, keep_together, print_table


def _title(scheduled: ScheduledActivity, lang: str) -> str:
    return scheduled.activity.title.get(lang)


def signed(days: int) -> str:
    """'+5', '-3', '0': working days moved, with the direction spelled out.

    >>> signed(5), signed(-3), signed(0)
    ('+5', '-3', '0')
    """
    return f"+{days}" if days > 0 else str(days)


def _shift(day: dt.date, days: int, lang: str) -> Text:
    """The new date and how far it moved: later in red, earlier in green."""
    if not days:
        return Text(format_date(day, lang), style="dim")
    return Text(f"{format_date(day, lang)} ({signed(days)})", style="red" if days > 0 else "green")


def slack_lines(diff: PlanDiff, lang: str) -> list[tuple[str, str]]:
    """The opening's story as (kind, text): kind is ok, worse or better.
    The terminal and the report say the same words."""
    before, after = diff.before, diff.after
    lines: list[tuple[str, str]] = []
    if before.project.opening_date != after.project.opening_date:
        lines.append(("worse" if after.project.opening_date > before.project.opening_date else "better",
                      t("diff.opening_moved", lang, before=format_date(before.project.opening_date, lang),
                        after=format_date(after.project.opening_date, lang))))
    change = diff.slack_change
    if after.opened:
        # No slack to the opening is left to compare once it has passed.
        lines.append(("ok", t("opened", lang, date=format_date(after.project.opening_date, lang))))
    elif before.opened:
        lines.append(("worse" if after.slack_to_opening < 0 else "ok",
                      t("diff.slack.had_opened", lang, after=after.slack_to_opening,
                        date=format_date(before.project.opening_date, lang))))
    elif change:
        lines.append(("worse" if change < 0 else "better",
                      t("diff.slack", lang, before=before.slack_to_opening, after=after.slack_to_opening,
                        change=signed(change))))
    else:
        lines.append(("ok", t("diff.slack.same", lang, after=after.slack_to_opening)))
    for old, new in diff.deadline_changes:
        title = after.project.activities[new.id].title.get(lang)
        date = format_date(new.date, lang)
        if old is None:
            lines.append(("worse" if not new.holds else "ok",
                          t(f"diff.deadline.new.{new.kind}", lang, id=new.id, title=title, date=date, after=new.slack)))
        else:
            lines.append(("worse" if new.slack < old.slack else "better",
                          t(f"diff.deadline.{new.kind}", lang, id=new.id, title=title, date=date, before=old.slack,
                            after=new.slack, change=signed(new.slack - old.slack))))
    lines += [("worse", finished_late_line(after, late, lang)) for late in diff.finished_late]
    if before.opening_holds and not after.opening_holds:
        lines.append(("worse", t("diff.holds.lost", lang, days=after.missing_working_days)))
    elif not before.opening_holds and after.opening_holds:
        lines.append(("better", t("diff.holds.regained", lang, days=before.missing_working_days)))
    elif not after.opening_holds:
        lines.append(("worse", t("diff.holds.still_fails", lang, days=after.missing_working_days,
                                 before=before.missing_working_days)))
    return lines




def critical_lines(diff: PlanDiff, lang: str) -> list[str]:
    before, after = diff.before.critical_path, diff.after.critical_path
    if before == after:
        return [t("diff.critical.same", lang, ids=" → ".join(after) or "–")]
    lines = [t("diff.critical.before", lang, ids=" → ".join(before) or "–"),
             t("diff.critical.after", lang, ids=" → ".join(after) or "–")]
    if diff.critical_joined:
        lines.append(t("diff.critical.joined", lang, ids=", ".join(diff.critical_joined)))
    if diff.critical_left:
        lines.append(t("diff.critical.left", lang, ids=", ".join(diff.critical_left)))
    return lines


_STYLES = {"ok": "", "worse": "bold red", "better": "bold green"}


def render_diff(console: Console, diff: PlanDiff, lang: str) -> None:
    after = diff.after
    revision = diff.revision
    console.print(Text(t("diff.title", lang, office=after.project.plan.office, revision=revision.short,
                         date=format_date(revision.date, lang) or "?", subject=visible(revision.subject),
                         as_of=format_date(after.as_of, lang)), style="bold"))
    if diff.unchanged:
        console.print(t("diff.nothing", lang, revision=revision.short), markup=False)
        return
    for kind, text in verdict_change_lines(diff, lang):
        console.print(Text(text, style=_STYLES[kind]))
    for kind, text in slack_lines(diff, lang):
        console.print(Text(text, style=_STYLES[kind]))
    if diff.moved:
        console.print()
        columns = _columns(lang, ["col.id", "col.activity", "col.start_by", "col.finish_by", "col.forecast_finish",
                                  "col.slack"])
        rows = [[move.id, _title(move.after, lang),
                 *[_shift(move.after.dates[key], getattr(move, key), lang) for key in MOVED_DATES],
                 keep_together(f"{_slack(move.before)} → {_slack(move.after)}")] for move in diff.moved]
        print_table(console, columns, rows, title=t("diff.section.moved", lang))
        console.print(Text(t("diff.legend", lang), style="dim"))
    for key, items in (("diff.section.added", diff.added), ("diff.section.dropped", diff.dropped)):
        if items:
            console.print()
            columns = _columns(lang, ["col.id", "col.activity", "col.start_by", "col.finish_by", "col.slack",
                                      "col.status"])
            rows = [[scheduled.id, _title(scheduled, lang), format_date(scheduled.dates["latest_start"], lang),
                     format_date(scheduled.dates["latest_finish"], lang), _slack(scheduled),
                     t(f"status.{scheduled.status.value}", lang)] for scheduled in items]
            print_table(console, columns, rows, title=t(key, lang))
    if diff.status_changed:
        console.print()
        console.print(Text(t("diff.section.status", lang), style="bold"))
        for change in diff.status_changed:
            console.print(Text(f"{change.id} {_title(change.after, lang)}: "
                               f"{t(f'status.{change.before.status.value}', lang)} → "
                               f"{t(f'status.{change.after.status.value}', lang)}"))
    console.print()
    console.print(Text(t("diff.section.critical", lang), style="bold"))
    for line in critical_lines(diff, lang):
        console.print(Text(line))
    render_against_baseline(console, diff, lang)


def verdict_change_lines(diff: PlanDiff, lang: str) -> list[tuple[str, str]]:
    """The one verdict now, and what it was at the revision when that was another colour."""
    from navplan.render.labels import verdict_headline

    after, before = diff.verdict_after, diff.verdict_before
    if after is None:
        return []
    lines = [("ok", "● " + verdict_headline(after, lang))]
    if diff.verdict_changed:
        worse = after.rank < before.rank
        lines.append(("worse" if worse else "better", t("diff.verdict.changed", lang,
                                                        before=t(f"verdict.colour.{before.colour}", lang),
                                                        after=t(f"verdict.colour.{after.colour}", lang))))
    return lines


def render_against_baseline(console: Console, diff: PlanDiff, lang: str) -> None:
    """What moved against the baseline: the working copy's baseline, both versions measured against it."""
    from navplan.render.labels import baseline_line, signed_variance

    then, now = diff.baseline_then_and_now
    if now is None:
        return
    console.print()
    # The section's heading is the line itself ("Mot grunnlinjen fra 07.01.2030: åpningen ..."), said once.
    line = baseline_line(now, lang)
    if then is not None and then.opening_variance != now.opening_variance:
        line += " " + t("diff.baseline.opening_was", lang, variance=signed_variance(then.opening_variance))
    console.print(Text(line, style="bold red" if now.opening_variance > 0 else "bold"))
    moves = diff.against_baseline
    if not moves:
        return
    columns = _columns(lang, ["col.id", "col.activity", "col.baseline_finish", "col.forecast_finish",
                              "col.variance"])
    rows = []
    for move in moves:
        before = "–" if move.variance_before is None else signed_variance(move.variance_before)
        style = "red" if move.variance_after > (move.variance_before or 0) else (
            "green" if move.variance_after < (move.variance_before or 0) else "")
        rows.append([move.id, _title(move.after, lang), format_date(move.baseline_finish, lang),
                     format_date(move.finish_after, lang),
                     Text(keep_together(f"{before} → {signed_variance(move.variance_after)}"), style=style)])
    print_table(console, columns, rows)
    console.print(Text(t("diff.baseline.legend", lang), style="dim"))


def _slack(scheduled: ScheduledActivity) -> str:
    return "–" if scheduled.slack is None else str(scheduled.slack)


#: When the table is too narrow: the finish under the start, then the earliest finish under them.
_UNDER = {"col.finish_by": ("col.start_by", 0), "col.forecast_finish": ("col.start_by", 1)}


def _columns(lang: str, keys: list[str]) -> list[Column]:
    """Ids, dates and slack never wrap; a moved date's shift may go under the date."""
    return [Column(key, t(key, lang), wraps=key in ("col.activity", "col.status", *MOVED_DATE_COLUMNS),
                   justify="right" if key in ("col.slack", "col.variance") else "left",
                   under=_UNDER.get(key, (None, 0))[0],
                   fold_rank=_UNDER.get(key, (None, 0))[1]) for key in keys]


MOVED_DATE_COLUMNS = ("col.start_by", "col.finish_by", "col.forecast_finish")
