"""The handbook's activities as JSON (the data as shipped) or flat CSV."""

from __future__ import annotations

import json

from navplan.plan.handbook_model import Handbook, HandbookActivity
from navplan.render.schedule_json_csv import csv_cell

HANDBOOK_CSV_FIELDS = ("id", "parent", "kind", "origin", "title", "page", "role", "track", "duration",
                       "duration_source", "after", "duration_low", "duration_high", "duration_range_source")
#: With the current layer: which layer, and the source of an activity it adds or changes.
CURRENT_CSV_FIELDS = ("current", "current_source", "handbook_title")


def handbook_json(handbook: Handbook, activities: list[HandbookActivity], *, single: bool,
                  current: str | None = None) -> str:
    """The data as shipped (with the current layer laid over it when ``current``): each activity
    of the layer has ``origin: current`` and its ``source``; a handbook activity it changed keeps
    its ``handbook_title`` and has a ``change_source``."""
    if single:
        document = activities[0].model_dump(mode="json", exclude_none=True)
    else:
        document = {
            "title": handbook.title, "version": handbook.version, "approved": handbook.approved,
            **({"current": current} if current is not None else {}),
            "activities": [a.model_dump(mode="json", exclude_none=True) for a in activities],
            "criteria": [c.model_dump(mode="json", exclude_none=True) for c in handbook.criteria],
            "roles": [r.model_dump(mode="json", exclude_none=True) for r in handbook.roles],
            "correlation": [c.model_dump(mode="json", exclude_none=True) for c in handbook.correlation],
        }
    return json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n"


def _source_label(source) -> str:
    if source is None:
        return ""
    if source.is_estimate:
        return "estimate"
    if source.law:
        return f"{source.law} {source.section}"
    return f"p. {source.page}" if source.page else (source.document or "")


def handbook_csv(activities: list[HandbookActivity], lang: str, current: str | None = None) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HANDBOOK_CSV_FIELDS + (CURRENT_CSV_FIELDS if current is not None else ()))
    for activity in activities:
        after = " ".join(f"{link.id}:{link.type.value}" + (f"+{link.lag}" if not link.lag.is_zero else "")
                         for link in activity.after)
        row = [activity.id, activity.parent, activity.kind, activity.origin, activity.title.get(lang),
               activity.page, activity.role, activity.track,
               str(activity.duration) if activity.duration else None,
               _source_label(activity.duration_source), after]
        spread = activity.duration_range
        row += [str(spread.low), str(spread.high), _source_label(spread.source)] if spread else [None, None, None]
        if current is not None:
            layered = activity.origin == "current" or activity.change_source is not None
            row += [current if layered else None, _source_label(activity.source or activity.change_source),
                    activity.handbook_title.get(lang) if activity.handbook_title else None]
        writer.writerow([csv_cell(value) for value in row])
    return buffer.getvalue()
