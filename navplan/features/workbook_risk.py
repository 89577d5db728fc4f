"""The countdown workbook's risk: its Risiko sheet and the verdict at its top say what `navplan risk`
says with its defaults (for the whole plan, whoever's view the workbook is), sampled once here so that
the command line only renders."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from navplan.engine.schedule import Schedule
    from navplan.features.schedule_risk import RiskAnalysis
    from navplan.features.verdict import Verdict


def workbook_risk(schedule: Schedule) -> tuple[RiskAnalysis, Verdict]:
    """`navplan risk`'s analysis at its default samples and seed, and the verdict judged with its
    probability (kept for the next command's verdict, as `navplan risk` keeps it)."""
    from navplan.engine.risk_simulation import DEFAULT_SAMPLES, DEFAULT_SEED
    from navplan.features.schedule_risk import analyse_risk
    from navplan.features.verdict import verdict_sampled

    risk = analyse_risk(schedule, DEFAULT_SAMPLES, DEFAULT_SEED)
    return risk, verdict_sampled(schedule, risk.probability_holds, risk.samples, risk.seed)
