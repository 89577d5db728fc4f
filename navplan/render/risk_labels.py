"""What every output of `navplan risk` says the same way (terminal, report,
workbook): percentages, the headline lines, duration ranges and the
distribution by week or month. Imports no rich, so file writers never load it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from navplan.features.schedule_risk import ActivityRisk, RiskAnalysis
from navplan.messages import (
    format_date,
    format_duration,
    format_duration_range,
    format_list,
    format_number,
    format_short_month,
    format_week,
    t,
)

#: The distribution is shown by ISO week when it spans no more weeks than this, else by month.
MAX_WEEK_ROWS = 16


def percent(probability: float, lang: str) -> str:
    """A probability as people read it: whole percent, never a rounded 0 or 100 that is not exact.

    >>> percent(0.8437, "nb"), percent(0.9996, "nb"), percent(1.0, "en"), percent(0.0004, "en")
    ('84 %', 'over 99 %', '100%', 'below 1%')
    """
    if 0 < probability < 0.005:
        return t("risk.percent.below", lang, value=1)
    if 0.995 <= probability < 1:
        return t("risk.percent.above", lang, value=99)
    return t("risk.percent", lang, value=round(probability * 100))


def count(samples: int, lang: str) -> str:
    """10 000 in bokmål and nynorsk (a no-break space between thousands), 10,000 in English.

    >>> count(10000, "nb"), count(10000, "en")
    ('10\xa0000', '10,000')
    """
    return format_number(samples, lang)


def decimal(value: float, lang: str, places: int = 2) -> str:
    """A correlation with two decimals: 0,43 in bokmål and nynorsk, 0.43 in English.

    >>> decimal(0.5, "nb", places=1), decimal(0.4271, "en")
    ('0,5', '0.43')
    """
    return format_number(round(value, places), lang, "0." + "0" * places)  # rounded as the binary value is


def by_text(by, lang: str) -> str:
    """How much a risk delays: '6 uker', or '6–10 uker' for a range (any value between as likely),
    '2–3–6 uker' with a likely value."""
    from navplan.plan.values import DurationRange

    if isinstance(by, DurationRange):
        return format_duration_range(by.low, by.high, lang, by.likely)
    return format_duration(by, lang)


def range_text(activity: ActivityRisk, lang: str) -> str:
    """'3–5–10 uker': low, likely and high, in words; a fixed duration as itself."""
    spread = activity.spread
    if spread is None:
        duration = activity.scheduled.activity.duration
        return "" if activity.scheduled.activity.is_milestone else format_duration(duration, lang)
    return format_duration_range(spread.low, spread.high, lang, spread.likely)


def share(percent_value: int, lang: str) -> str:
    """A percentile's level as a share: '85 %' in bokmål and nynorsk, '85%' in English."""
    return t("risk.percent", lang, value=percent_value)


def buffer_sentence(analysis: RiskAnalysis, lang: str) -> str:
    """The buffer at the frame percentile, never a promise of another opening day (the date may
    be fixed by law): done by a date, so many working days before the opening; or at most so
    many working days missing."""
    frame = analysis.buffer
    level = share(frame.percent, lang)
    if frame.slack > 0:
        return t("risk.buffer.before", lang, percent=level, date=format_date(frame.date, lang), days=frame.slack)
    if frame.slack == 0:
        return t("risk.buffer.on", lang, percent=level, date=format_date(analysis.opening_date, lang))
    return t("risk.buffer.late", lang, percent=level, days=-frame.slack)


def headline(analysis: RiskAnalysis, lang: str, deterministic: bool = True) -> list[tuple[str, str]]:
    """The verdict as (kind, text): kind is ok, tight or fail for the probability, then plain lines;
    with ``deterministic``, what `critical-path` says beside it (the report says that already);
    then the percentiles of the earliest opening and the buffer sentence (strong).
    Once the office has opened, only that: there is no opening left to promise."""
    schedule = analysis.schedule
    if schedule.opened:
        lines = [("ok", t("opened", lang, date=format_date(schedule.project.opening_date, lang)))]
        if not any(a.sampled for a in analysis.activities):
            lines.append(("note", t("risk.nothing_sampled", lang)))
        return lines
    probability = analysis.probability_holds
    kind = "ok" if probability >= 0.8 else ("tight" if probability >= 0.5 else "fail")
    lines = [(kind, t("risk.holds", lang, percent=percent(probability, lang)))]
    if deterministic and schedule.opening_holds:
        lines.append(("plain", t("risk.deterministic.holds", lang, slack=schedule.slack_to_opening)))
    elif deterministic:
        lines.append(("plain", t("risk.deterministic.fails", lang, days=schedule.missing_working_days)))
    forecasts = " · ".join(f"P{f.percent} {format_date(f.date, lang)}" for f in analysis.forecasts)
    lines.append(("plain", t("risk.forecasts", lang, forecasts=forecasts)))
    lines.append(("strong", buffer_sentence(analysis, lang)))
    if not any(a.sampled for a in analysis.activities):
        lines.append(("note", t("risk.nothing_sampled", lang)))
    return lines


def assumption_lines(analysis: RiskAnalysis, lang: str) -> list[str]:
    """The box headed "Forutsetninger": whose ranges, which causes are shared, which risks are in,
    what may not be needed, how what remains of work under way is drawn, that capacity is not
    levelled, and the notes on the inputs (a correlation moved, work past its high value)."""
    found = analysis.assumptions
    if found is None:
        return []
    activities = analysis.schedule.project.activities
    lines = []
    sources = []
    if found.handbook_ranges:
        sources.append(t("risk.assumptions.ranges.handbook", lang, count=len(found.handbook_ranges)))
    if found.plan_ranges:
        sources.append(t("risk.assumptions.ranges.plan", lang, count=len(found.plan_ranges),
                         ids=", ".join(found.plan_ranges)))
    lines.append(t("risk.assumptions.ranges", lang, sources=format_list(sources, lang)) if sources
                 else t("risk.assumptions.ranges.none", lang))
    if found.causes:
        causes = [t("risk.assumptions.cause", lang, reason=cause.reason.get(lang), ids=", ".join(cause.members),
                    rank=decimal(cause.rank, lang, places=1)) for cause in found.causes]
        lines.append(t("risk.assumptions.causes", lang, causes="; ".join(causes)))
    else:
        lines.append(t("risk.assumptions.causes.none", lang))
    if analysis.events:
        risks = [t("risk.assumptions.risk", lang, id=event.id, title=event.risk.title,
                   percent=_unbroken(percent(event.risk.probability, lang))) for event in analysis.events]
        lines.append(t("risk.assumptions.risks", lang, risks="; ".join(risks)))
    else:
        lines.append(t("risk.assumptions.risks.none", lang))
    if found.happens_or_not:
        items = [t("risk.assumptions.risk", lang, id=name, title=activities[name].title.get(lang),
                   percent=_unbroken(percent(probability, lang))) for name, probability in found.happens_or_not]
        lines.append(t("risk.assumptions.maybe", lang, items="; ".join(items)))
    if found.remaining_rule:
        lines.append(t("risk.assumptions.remaining.rule", lang, ids=", ".join(found.remaining_rule)))
    if found.remaining_plan:
        lines.append(t("risk.assumptions.remaining.plan", lang, ids=", ".join(found.remaining_plan)))
    if not found.levelling:
        lines.append(t("risk.assumptions.levelling", lang))
    for note in found.notes:
        text = note.render(lang)
        lines.append(text[0].upper() + text[1:] + ("" if text.endswith(".") else "."))
    return lines


def _unbroken(text: str) -> str:
    """'30 %' kept on one line when a sentence wraps (a no-break space)."""
    return text.replace(" ", "\u00a0")


def shift(days: int | None) -> str:
    """Working days a percentile moves: '+12', '−4', '0' (a true minus sign)."""
    if days is None:
        return ""
    return f"+{days}" if days > 0 else (f"\u2212{-days}" if days < 0 else "0")


def tornado_text(low: int | None, high: int | None) -> str:
    """The tornado's two ends in a cell: '−23 / +29'; empty when the activity was not held."""
    if low is None or high is None:
        return ""
    return f"{shift(low)} / {shift(high)}"


@dataclass
class Bucket:
    """One row of the distribution: a week or a month."""

    label: str
    first_day: dt.date
    share: float
    cumulative: float
    has_opening: bool
    has_frame: bool  # the frame percentile (P85) falls in it


def buckets(analysis: RiskAnalysis, lang: str) -> tuple[str, list[Bucket]]:
    """The distribution of the earliest opening by ISO week (or by month when
    it spans many weeks), with the empty periods between kept: ("week" or
    "month", the rows)."""
    steps = analysis.distribution
    first, last = steps[0].date, steps[-1].date
    weeks = (_monday(last) - _monday(first)).days // 7 + 1
    by_week = weeks <= MAX_WEEK_ROWS
    start_of = _monday if by_week else (lambda day: day.replace(day=1))
    periods: list[dt.date] = []
    current = start_of(first)
    while current <= last:
        periods.append(current)
        current = current + dt.timedelta(days=7) if by_week else _next_month(current)
    shares = dict.fromkeys(periods, 0.0)
    for step in steps:
        shares[start_of(step.date)] += step.probability
    opening = start_of(analysis.opening_date)
    frame = start_of(analysis.buffer.date)
    rows, total = [], 0.0
    for period in periods:
        total += shares[period]
        label = format_week(period, lang) if by_week else format_short_month(period, lang)
        rows.append(Bucket(label, period, shares[period], min(total, 1.0), period == opening, period == frame))
    return ("week" if by_week else "month"), rows


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def bar(share: float, largest: float, width: int) -> str:
    """A horizontal bar in eighths of a character.

    >>> bar(0.5, 1.0, 4), bar(0.0, 1.0, 4), bar(0.01, 1.0, 4)
    ('██', '', '▏')
    """
    if largest <= 0 or share <= 0:
        return ""
    eighths = max(1, round(share / largest * width * 8))
    return "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]
