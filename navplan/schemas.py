"""The JSON Schemas navplan publishes: the plan file's format, and the JSON
documents its commands write (`critical-path --format json`, `diff`,
`portfolio`, `risk`)."""

from __future__ import annotations

import json


def schema_text(document: str) -> str:
    """The schema of ``document`` (plan, schedule, diff, portfolio or risk) as indented JSON."""
    if document == "plan":
        from navplan.plan.plan_model import Plan

        schema = Plan.model_json_schema()
    elif document == "schedule":
        from navplan.render.schedule_json_csv import ScheduleDocument

        schema = ScheduleDocument.model_json_schema()
    elif document == "diff":
        from navplan.render.diff_json_csv import DiffDocument

        schema = DiffDocument.model_json_schema()
    elif document == "risk":
        from navplan.render.risk_json_csv import RiskDocument

        schema = RiskDocument.model_json_schema()
    else:
        from navplan.render.portfolio_json_csv import PortfolioDocument

        schema = PortfolioDocument.model_json_schema()
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
