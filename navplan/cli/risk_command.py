"""`navplan risk`: the probability of opening on time, by Monte Carlo simulation."""

from __future__ import annotations

from typing import Annotated

import typer

from navplan.api import EXIT_OK
from navplan.cli.help_format import command
from navplan.cli.options import (
    AsOfOption,
    FormatOption,
    LangOption,
    PlanArgument,
    env_of,
    language,
    load_schedule,
    output_format,
    whole_number,
)

commands = typer.Typer()

SamplesOption = Annotated[str | None, typer.Option("--samples", metavar="N", help="help.option.samples")]
SeedOption = Annotated[str | None, typer.Option("--seed", metavar="S", help="help.option.seed")]
PercentilesOption = Annotated[str | None, typer.Option("--percentiles", metavar="P,P",
                                                          help="help.option.percentiles")]


def samples_and_seed(samples: str | None, seed: str | None) -> tuple[int, int]:
    """--samples and --seed as numbers, checked (the limits live with the simulation, which numpy backs)."""
    from navplan.api import DEFAULT_SAMPLES, DEFAULT_SEED, MAX_SAMPLES, MAX_SEED

    return (whole_number(samples, "--samples", 1, MAX_SAMPLES, DEFAULT_SAMPLES),
            whole_number(seed, "--seed", 0, MAX_SEED, DEFAULT_SEED))


def percentile_option(value: str | None) -> tuple[int, ...]:
    """--percentiles as whole numbers from 1 to 99 (default P50 and P85), checked."""
    from navplan.api import DEFAULT_PERCENTILES, InvalidValue, NavplanError, percentile_levels

    if value is None:
        return DEFAULT_PERCENTILES
    try:
        return percentile_levels(value)
    except InvalidValue as invalid:
        raise NavplanError(invalid.message, field="--percentiles") from None


@command(commands, "risk", "risk")
def risk(
    ctx: typer.Context,
    plan: PlanArgument = None,
    as_of: AsOfOption = None,
    samples: SamplesOption = None,
    seed: SeedOption = None,
    percentiles: PercentilesOption = None,
    output: FormatOption = None,
    lang: LangOption = None,
) -> int:
    from navplan.api import analyse_risk

    env, language_, shape = env_of(ctx), language(lang), output_format(output)
    count, seed_value = samples_and_seed(samples, seed)
    levels = percentile_option(percentiles)
    result = load_schedule(plan, as_of, ctx, planned=False)
    analysis = analyse_risk(result, count, seed_value, levels)
    if not result.opened:  # the verdict of every other command reads this number (navplan.features.verdict)
        from navplan.api import verdict_sampled

        verdict_sampled(result, analysis.probability_holds, analysis.samples, analysis.seed)
    if shape == "table":
        from navplan.render.risk_terminal import render_risk

        render_risk(env.console(), analysis, language_)
    elif shape == "json":
        from navplan.render.risk_json_csv import risk_json

        env.stdout.write(risk_json(analysis, language_))
    else:
        from navplan.render.risk_json_csv import risk_csv

        env.stdout.write(risk_csv(analysis, language_))
    return EXIT_OK
