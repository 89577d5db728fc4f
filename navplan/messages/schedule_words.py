"""The words of the verdict: the opening, every other date that must hold,
the chains that decide them, work after the opening. Key → (bokmål, English)."""

from __future__ import annotations

SCHEDULE_WORDS: dict[str, tuple[str, str]] = {
    "day_off.holiday": ("{name}", "{name}"),
    "day_off.saturday": ("lørdag", "Saturday"),
    "day_off.sunday": ("søndag", "Sunday"),
    "day_off.fellesferie": ("fellesferie", "summer holiday (fellesferie)"),
    "day_off.christmas_closure": ("juleferie", "Christmas closure"),
    "day_off.closed": ("stengt", "closed"),
    "deadline.fixed.holds": ("{id} {title}: den faste datoen {date} holder med {days} {days:arbeidsdag|arbeidsdager} å gå på.",
                             "{id} {title}: the fixed date {date} holds with {days} {days:working day|working days} to spare."),
    "deadline.not_after.holds": ("{id} {title}: blir ferdig innen {date} med {days} {days:arbeidsdag|arbeidsdager} å gå på.",
                                 "{id} {title}: finishes by {date} with {days} {days:working day|working days} to spare."),
    "deadline.chain": ("Kjeden som bryter den: {chain}", "The chain that breaks it: {chain}"),
    "note.month_slack": (
        "{ids} varer i kalendermåneder, og en måned rommer ulikt antall arbeidsdager regnet fra start og fra slutt; "
        "aktivitetene før kan derfor vise litt annen slakk enn åpningen.",
        "{ids} lasts calendar months, and a month spans a different number of working days counted from its "
        "start and from its end; the activities before it can therefore show a slightly different slack than "
        "the opening."),
    "note.deadline_slack": (
        "{ids} på den kritiske linjen har mindre slakk enn åpningen fordi de også må nå en frist; slakken i "
        "tabellen er aktivitetens egen.",
        "{ids} on the critical path have less slack than the opening because they must meet a deadline too; the "
        "slack in the table is the activity's own."),
    "opened": ("Kontoret åpnet {date}.", "The office opened on {date}."),
    "opened.not_done": ("Ikke registrert ferdig før åpningen ({count}): {ids}",
                        "Not recorded done before the opening ({count}): {ids}"),
    "opened.after": ("Arbeid etter åpningen ({count}): {ids}", "Work after the opening ({count}): {ids}"),
    "diff.deadline.fixed": ("{id} {title}, fast dato {date}: slakk {before} → {after} {after:arbeidsdag|arbeidsdager} ({change}).",
                            "{id} {title}, fixed date {date}: slack {before} → {after} {after:working day|working days} ({change})."),
    "diff.deadline.not_after": ("{id} {title}, ferdig senest {date}: slakk {before} → {after} {after:arbeidsdag|arbeidsdager} "
                                "({change}).",
                                "{id} {title}, finish by {date}: slack {before} → {after} {after:working day|working days} ({change})."),
    "diff.deadline.new.fixed": ("{id} {title}: ny fast dato {date}, slakk {after} {after:arbeidsdag|arbeidsdager}.",
                                "{id} {title}: new fixed date {date}, slack {after} {after:working day|working days}."),
    "diff.deadline.new.not_after": ("{id} {title}: ny frist ferdig senest {date}, slakk {after} {after:arbeidsdag|arbeidsdager}.",
                                    "{id} {title}: new deadline, finish by {date}, slack {after} {after:working day|working days}."),
    "col.starts.forecast": ("Starter (prognose)", "Starts (forecast)"),
    "col.finishes.forecast": ("Ferdig (prognose)", "Finishes (forecast)"),
    "col.forecast_start": ("Prognose start", "Forecast start"),
    "col.forecast_finish": ("Prognose ferdig", "Forecast finish"),
    "opening.forecast": ("PROGNOSE ÅPNING {date}", "FORECAST OPENING {date}"),
    "help.option.dates": ("Datoene kalenderen og Gantt-søylene viser: latest (senest, standard) eller forecast "
                          "(prognose)",
                          "The dates the calendar and the Gantt bars show: latest (the default) or forecast"),
    "section.after_opening": ("Arbeid etter åpningen", "Work after the opening"),
    "init.levers": ("Det som kan hjelpe: marker arbeid som alt er gjort (navplan done), ta ut aktiviteter som ikke "
                    "gjelder (drop i planen), kort ned varigheter (navplan set ID --duration), eller flytt "
                    "åpningsdatoen.",
                    "What can help: mark work already done (navplan done), drop activities that do not apply "
                    "(drop in the plan), shorten durations (navplan set ID --duration), or move the opening date."),
    "ics.forecast": ("Prognose: start {start}, ferdig {finish}.", "Forecast: start {start}, finish {finish}."),
    "report.gantt.forecast_opening": ("prognose åpning {date}", "forecast opening {date}"),
    "report.gantt.caption.forecast": ("Stolpene viser prognosen: fra tidligst mulig start til tidligst mulig "
                                      "ferdig, gitt det som er gjort.",
                                      "The bars show the forecast: from the earliest possible start to the "
                                      "earliest possible finish, given the progress made."),
    "mspdi.helper": ("Lenke {pred} → {succ} ({type} +{lag}d)", "Link {pred} → {succ} ({type} +{lag}d)"),
}
