"""`navplan portfolio --level`: the county's offices levelled against its shared resources, for
people (a terminal table per office, then each shared resource week by week, then the proposal)
and for programs (JSON, versioned, schema `navplan schema portfolio-level`; CSV, one row per office).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from pydantic import BaseModel, Field

from navplan.features.county_levelling import CountyLevelling, OfficeLevel
from navplan.messages import format_date, format_week, t

#: 1: the first version.
FORMAT_VERSION = 1


class SharedUseRecord(BaseModel):
    resource: str = Field(description="The shared resource's id")
    activity: str = Field(description="The office's activity that takes the place")
    start: dt.date = Field(description="Its first working day, as levelled (a per-week place is taken in its ISO "
                                       "week)")
    finish: dt.date = Field(description="Its last working day, as levelled")


class OfficeLevelRow(BaseModel):
    """One office: its CSV row, and its JSON record but for its uses."""

    office: str | None = Field(description="Null when the plan could not be read")
    file: str
    opening_date: dt.date | None = Field(description="The plan's opening date")
    opening_holds: bool | None = Field(description="The opening holds with the shared capacity, as levelled")
    earliest_opening: dt.date | None = Field(description="The earliest opening the shared capacity (and the "
                                                         "office's own) allows, as levelled")
    late_working_days: int | None = Field(description="Working days earliest_opening lies past opening_date")
    forecast_late_working_days: int | None = Field(
        description="What the office's own forecast misses, capacity aside: late whatever the county does")
    binding_resource: str | None = Field(description="The resource that holds a late opening back: a shared "
                                                     "resource's id, or one of the office's own")
    binding_shared: bool | None = Field(description="binding_resource is the county's")
    status: Literal["ok", "error"]
    error: str | None = Field(description="file:line: field: message, when status is error")


class OfficeLevelRecord(OfficeLevelRow):
    uses: list[SharedUseRecord] = Field(description="The office's activities that take a shared place")


class WeekUseRecord(BaseModel):
    resource: str
    week: str = Field(description="ISO week, e.g. 2030-W06")
    monday: dt.date
    used: int = Field(description="Places taken: per week, activities starting in it; at once, the most on one day")
    capacity: int = Field(description="The week's capacity (the lowest of its days)")


class ProposalRecord(BaseModel):
    capacities: dict[str, int] = Field(description="Shared resource id → the capacity with which every office that "
                                                   "the county's capacity holds back opens on time (confirmed by a "
                                                   "solve); empty when none is needed or none was found")
    found: bool = Field(description="False when no capacity up to ten more places let them all open")
    move: list[OfficeLevelRow] = Field(description="The offices late with today's capacity, latest first, with the "
                                                   "earliest opening each can have")


class CountyLevelDocument(BaseModel):
    """`navplan portfolio --level --format json`."""

    format_version: int = FORMAT_VERSION
    county: str
    as_of: dt.date
    status: Literal["optimal", "feasible", "heuristic", "infeasible"] = Field(
        description="optimal: every tier proven; feasible: the solver's best in its time (see bound); heuristic: "
                    "the heuristic's schedule")
    objective: dict[str, int] = Field(description="late_targets (offices late), target_lateness (their working "
                                                  "days), makespan, weighted_starts")
    bound: dict[str, int | None] = Field(description="The solver's proven lower bound per tier (null: not reached)")
    time_limit: float = Field(description="Seconds on the clock the levelling may take (--level-time)")
    offices: list[OfficeLevelRecord]
    weeks: list[WeekUseRecord]
    proposal: ProposalRecord


def _row(office: OfficeLevel, lang: str, model=OfficeLevelRow):
    fields = {
        "office": office.office, "file": office.file, "opening_date": office.opening,
        "opening_holds": office.holds, "earliest_opening": office.planned_opening,
        "late_working_days": None if office.error else office.late_days,
        "forecast_late_working_days": None if office.error else office.forecast_late_days,
        "binding_resource": office.binding, "binding_shared": None if office.error else office.binding_shared,
        "status": "error" if office.error else "ok", "error": office.error.render(lang) if office.error else None}
    if model is OfficeLevelRecord:
        fields["uses"] = [SharedUseRecord(resource=u.resource, activity=u.activity, start=u.start, finish=u.finish)
                          for u in office.uses]
    return model(**fields)


def document(result: CountyLevelling, lang: str) -> CountyLevelDocument:
    from navplan.features.county_levelling import _objective

    tiers = _objective()
    by_file = {office.file: office for office in result.offices}
    return CountyLevelDocument(
        county=result.county, as_of=result.as_of, status=result.status,
        objective=dict(zip(tiers, result.objective, strict=True)), bound=dict(zip(tiers, result.bound, strict=True)),
        time_limit=result.time_limit,
        offices=[_row(office, lang, OfficeLevelRecord) for office in result.offices],
        weeks=[WeekUseRecord(resource=w.resource, week="{}-W{:02d}".format(*w.monday.isocalendar()[:2]),
                             monday=w.monday, used=w.used, capacity=w.capacity) for w in result.weeks],
        proposal=ProposalRecord(capacities=result.proposal.capacities, found=result.proposal.found,
                                move=[_row(by_file[file], lang) for file, *_ in result.proposal.move]))


def county_level_json(result: CountyLevelling, lang: str) -> str:
    return json.dumps(document(result, lang).model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def county_level_csv(result: CountyLevelling, lang: str, dialect: str = "csv") -> str:
    """One row per office (the weeks and the proposal are the JSON's)."""
    from navplan.render.schedule_json_csv import to_csv

    rows = [_row(office, lang) for office in result.offices]
    if not rows:
        if dialect == "csv-excel":
            return "\ufeff" + ";".join(OfficeLevelRow.model_fields) + "\r\n"
        return ",".join(OfficeLevelRow.model_fields) + "\n"
    return to_csv(rows, dialect)


def unit_text(resource, capacity: int, lang: str) -> str:
    key = "county.level.per_week" if resource.per_week else "county.level.at_once"
    return t(key, lang, capacity=capacity)


def render_county_level(console, result: CountyLevelling, county, lang: str) -> None:
    """The offices (late first, by lateness), each shared resource's weeks, and the proposal."""
    from rich.text import Text

    from navplan.errors import shown_path, visible
    from navplan.render.terminal_layout import Column, print_table

    def column(key: str, **layout) -> Column:
        return Column(key, t(key, lang), **layout)

    console.print(Text(t("county.level.title", lang, county=result.county, as_of=format_date(result.as_of, lang),
                         count=len(result.offices)), style="bold"))
    console.print(status_text(result, lang))
    columns = [Column("portfolio.col.office", t("portfolio.col.office", lang) + " / " + t("portfolio.col.file", lang)),
               column("portfolio.col.opening", wraps=False),
               column("county.level.col.earliest", wraps=False),
               column("county.level.col.late", wraps=False, justify="right", under="county.level.col.earliest"),
               column("county.level.col.binding")]
    rows = []
    ordered = sorted(result.offices, key=lambda o: (o.error is not None, -(o.late_days or 0), o.file))
    for office in ordered:
        first = Text(visible(office.office or ""), style="bold" if office.office else "")
        first.append(("\n" if office.office else "") + shown_path(office.file), style="dim")
        if office.error is not None:
            rows.append([first, "", "", "", Text(office.error.render(lang), style="red")])
            continue
        late = office.late_days > 0
        style = "bold red" if late else ""
        binding = binding_text(office, county, lang)
        rows.append([first, format_date(office.opening, lang) if office.opening else "",
                     Text(format_date(office.planned_opening, lang) if office.planned_opening else "", style=style),
                     Text(str(office.late_days), style=style), binding])
    print_table(console, columns, rows)
    week_columns = [column("col.week", wraps=False), column("col.period", wraps=False),
                    column("county.level.col.used", wraps=False, justify="right"),
                    column("county.level.col.capacity", wraps=False, justify="right")]
    for resource in county.resources:
        weeks = [w for w in result.weeks if w.resource == resource.id]
        if not weeks:
            continue
        console.print()
        heading = t("county.level.resource", lang, title=resource.title,
                    capacity=unit_text(resource, resource.capacity, lang))
        week_rows = []
        for week in weeks:
            over = week.used > week.capacity
            full = week.used >= week.capacity and week.used > 0
            style = "bold red" if over else ("bold" if full else "")
            sunday = week.monday + dt.timedelta(days=6)
            week_rows.append([format_week(week.monday, lang),
                              f"{format_date(week.monday, lang)}–{format_date(sunday, lang)}",
                              Text(str(week.used), style=style), str(week.capacity)])
        print_table(console, week_columns, week_rows, title=heading)
    console.print()
    for line in proposal_lines(result, county, lang):
        console.print(line)


#: What each status of the solver says.
STATUS_KEYS = {"optimal": "county.level.status.optimal", "feasible": "county.level.status.feasible",
               "heuristic": "county.level.status.heuristic", "infeasible": "county.level.status.infeasible"}


def binding_text(office: OfficeLevel, county, lang: str) -> str:
    """What holds a late office back, in words: a shared resource's name, one of its own, or its own plan."""
    if not office.late_days:
        return ""
    if office.binding is None:
        return t("county.level.binding.own", lang)
    if office.binding_shared:
        return next((r.title for r in county.resources if r.id == office.binding), office.binding)
    return t("county.level.binding.office", lang, resource=office.binding)


def status_text(result: CountyLevelling, lang: str) -> str:
    """The solver's verdict in one sentence. The sentence for ``optimal`` claims only the first tier
    (no plan lets more offices open on time): it is said whenever that tier is proven, also when a
    later tier (the lateness, the finish) was still unproven when the clock ran out."""
    bound = result.bound[0] if result.bound and result.bound[0] is not None else 0
    status = result.status
    if status == "feasible" and result.bound and result.objective and result.bound[0] == result.objective[0]:
        status = "optimal"
    return t(STATUS_KEYS[status], lang, bound=bound)


def proposal_lines(result: CountyLevelling, county, lang: str) -> list[str]:
    """The proposal in words: the capacity that lets all open, or that none was found; the offices to move."""
    proposal = result.proposal
    readable = len([o for o in result.offices if o.error is None])
    if not result.late:
        return [t("county.level.all_hold", lang, count=readable)] if readable else []
    lines = []
    if proposal.capacities:
        resources = {resource.id: resource for resource in county.resources}
        parts = [t("county.level.with_capacity", lang, title=resources[rid].title,
                   capacity=unit_text(resources[rid], capacity, lang))
                 for rid, capacity in proposal.capacities.items()]
        lines.append(t("county.level.proposal", lang, capacities=", ".join(parts)))
    elif not proposal.found:
        lines.append(t("county.level.no_capacity_found", lang, steps=10))
    moves = [t("county.level.move_one", lang, office=office or file, date=format_date(day, lang), days=late)
             for file, office, day, late in proposal.move]
    lines.append(t("county.level.move", lang, count=len(moves)))
    lines += ["  " + move for move in moves]
    return lines


def _report_parts(result: CountyLevelling, county, lang: str):
    """What the county report says: title, status, proposal lines, the offices' table and each resource's weeks."""
    from navplan.errors import shown_path

    title = t("county.level.title", lang, county=result.county, as_of=format_date(result.as_of, lang),
              count=len(result.offices))
    headers = [t("portfolio.col.office", lang), t("portfolio.col.file", lang), t("portfolio.col.opening", lang),
               t("county.level.col.earliest", lang), t("county.level.col.late", lang),
               t("county.level.col.binding", lang)]
    rows = []
    for office in sorted(result.offices, key=lambda o: (o.error is not None, -(o.late_days or 0), o.file)):
        if office.error is not None:
            rows.append(([office.office or "", shown_path(office.file), "", "", "", office.error.render(lang)], True))
            continue
        rows.append(([office.office or "", shown_path(office.file), format_date(office.opening, lang),
                      format_date(office.planned_opening, lang), str(office.late_days),
                      binding_text(office, county, lang)], office.late_days > 0))
    resources = []
    for resource in county.resources:
        weeks = [w for w in result.weeks if w.resource == resource.id]
        if weeks:
            heading_ = t("county.level.resource", lang, title=resource.title,
                         capacity=unit_text(resource, resource.capacity, lang))
            resources.append((heading_, [([format_week(w.monday, lang), format_date(w.monday, lang), str(w.used),
                                           str(w.capacity)], w.used > w.capacity) for w in weeks]))
    week_headers = [t("col.week", lang), t("county.level.col.monday", lang), t("county.level.col.used", lang),
                    t("county.level.col.capacity", lang)]
    return title, status_text(result, lang), proposal_lines(result, county, lang), headers, rows, week_headers, \
        resources


def county_level_markdown(result: CountyLevelling, county, lang: str) -> str:
    """The county report as Markdown (GFM tables), every text from a plan or the county file escaped."""
    from navplan.render.report_markdown import md_text

    title, status, proposal, headers, rows, week_headers, resources = _report_parts(result, county, lang)

    def table(heads: list[str], body) -> list[str]:
        lines = ["| " + " | ".join(md_text(h) for h in heads) + " |", "| " + " | ".join("---" for _ in heads) + " |"]
        for cells, strong in body:
            texts = [md_text(cell) for cell in cells]
            if strong:
                texts = [f"**{text}**" if text else "" for text in texts]
            lines.append("| " + " | ".join(texts) + " |")
        return lines

    out = [f"# {md_text(title)}", "", md_text(status), ""]
    for line in proposal:  # a paragraph each, the offices to move a list
        out += [f"- {md_text(line.strip())}"] if line.startswith("  ") else [md_text(line), ""]
    out += ["", *table(headers, rows)]
    for heading_, weeks in resources:
        out += ["", f"## {md_text(heading_)}", "", *table(week_headers, weeks)]
    return "\n".join(out) + "\n"


def county_level_html(result: CountyLevelling, county, lang: str) -> str:
    """The county report as one HTML page (no script, every text escaped), late offices in bold red."""
    from html import escape

    title, status, proposal, headers, rows, week_headers, resources = _report_parts(result, county, lang)

    def table(heads: list[str], body) -> list[str]:
        lines = ["<table>", "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in heads) + "</tr>"]
        for cells, late in body:
            lines.append(("<tr class=\"late\">" if late else "<tr>")
                         + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>")
        return lines + ["</table>"]

    out = ["<!DOCTYPE html>", f"<html lang=\"{escape(lang)}\">", "<head>", "<meta charset=\"utf-8\">",
           f"<title>{escape(title)}</title>",
           "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
           "th,td{border:1px solid #bbb;padding:.2em .5em;text-align:left}tr.late td{color:#b00;font-weight:bold}"
           "</style>", "</head>", "<body>", f"<h1>{escape(title)}</h1>", f"<p>{escape(status)}</p>"]
    items = [line.strip() for line in proposal if line.startswith("  ")]
    out += [f"<p>{escape(line)}</p>" for line in proposal if not line.startswith("  ")]
    if items:
        out += ["<ul>", *(f"<li>{escape(item)}</li>" for item in items), "</ul>"]
    out += table(headers, rows)
    for heading_, weeks in resources:
        out += [f"<h2>{escape(heading_)}</h2>", *table(week_headers, weeks)]
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
