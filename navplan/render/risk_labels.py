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
    format_long_date,
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


def decimal(value: float, lang: str) -> str:
    """A correlation with two decimals: 0,43 in bokmål and nynorsk, 0.43 in English."""
    return format_number(round(value, 2), lang, "0.00")  # rounded as the binary value is, not its decimal text


def range_text(activity: ActivityRisk, lang: str) -> str:
    """'3–5–10 uker': low, likely and high, in words; a fixed duration as itself."""
    spread = activity.spread
    if spread is None:
        duration = activity.scheduled.activity.duration
        return "" if activity.scheduled.activity.is_milestone else format_duration(duration, lang)
    return format_duration_range(spread.low, spread.high, lang, spread.likely)


def slack_words(slack: int, lang: str) -> str:
    if slack > 0:
        return t("risk.slack.before", lang, days=slack)
    if slack < 0:
        return t("risk.slack.after", lang, days=-slack)
    return t("risk.slack.on", lang)


def headline(analysis: RiskAnalysis, lang: str, deterministic: bool = True) -> list[tuple[str, str]]:
    """The verdict as (kind, text): kind is ok, tight or fail for the probability, then plain lines;
    with ``deterministic``, what `critical-path` says beside it (the report says that already).
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
    promise = analysis.forecast(80)
    lines.append(("strong", t("risk.promise", lang, date=format_long_date(promise.date, lang),
                              slack=slack_words(promise.slack, lang))))
    if not any(a.sampled for a in analysis.activities):
        lines.append(("note", t("risk.nothing_sampled", lang)))
    return lines


@dataclass
class Bucket:
    """One row of the distribution: a week or a month."""

    label: str
    first_day: dt.date
    share: float
    cumulative: float
    has_opening: bool
    has_p80: bool


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
    p80 = start_of(analysis.forecast(80).date)
    rows, total = [], 0.0
    for period in periods:
        total += shares[period]
        label = format_week(period, lang) if by_week else format_short_month(period, lang)
        rows.append(Bucket(label, period, shares[period], min(total, 1.0), period == opening, period == p80))
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
