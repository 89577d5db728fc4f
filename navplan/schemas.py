"""The JSON Schemas navplan publishes (``navplan schema``: plan, schedule, diff, portfolio, risk,
county, workload, portfolio-level):
the plan file and the county file as people write them, and the JSON documents its commands print.

The plan file's schema is written out in :mod:`navplan.plan.file_schema`, and the county
file's in :mod:`navplan.plan.county_file_schema`, since they describe the text, not the models it becomes.
The output documents' schemas come from the pydantic models that write them, so they cannot drift apart.
"""

from __future__ import annotations

import json
from typing import Any

DOCUMENTS = ("plan", "schedule", "diff", "portfolio", "risk", "county", "workload", "portfolio-level")
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def schema(document: str) -> dict[str, Any]:
    """The schema of ``document``: one of :data:`DOCUMENTS`."""
    if document == "plan":
        from navplan.plan.file_schema import plan_file_schema

        return plan_file_schema()
    if document == "county":
        from navplan.plan.county_file_schema import county_file_schema

        return county_file_schema()
    if document == "schedule":
        from navplan.render.schedule_json_csv import ScheduleDocument

        found = ScheduleDocument.model_json_schema(mode="serialization")
    elif document == "diff":
        from navplan.render.diff_json_csv import DiffDocument

        found = DiffDocument.model_json_schema(mode="serialization")
    elif document == "portfolio":
        from navplan.render.portfolio_json_csv import PortfolioDocument

        found = PortfolioDocument.model_json_schema(mode="serialization")
    elif document == "workload":
        from navplan.render.workload_json_csv import WorkloadDocument

        found = WorkloadDocument.model_json_schema(mode="serialization")
    elif document == "portfolio-level":
        from navplan.render.county_level import CountyLevelDocument

        found = CountyLevelDocument.model_json_schema(mode="serialization")
    elif document == "risk":
        from navplan.render.risk_json_csv import RiskDocument

        found = RiskDocument.model_json_schema(mode="serialization")
    else:
        raise ValueError(f"no schema for {document!r}")
    return {"$schema": DRAFT, **found}


def schema_text(document: str) -> str:
    """The schema of ``document`` as indented JSON."""
    return json.dumps(schema(document), ensure_ascii=False, indent=2) + "\n"
