"""The words of the verdict: the opening, every other date that must hold,
the chains that decide them, work after the opening. Key → (bokmål, English)."""

from __future__ import annotations

SCHEDULE_WORDS: dict[str, tuple[str, str]] = {
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
    "levers.heading": ("Det som kan hjelpe:", "What can help:"),
    "levers.done": ("Er {id} {title} alt gjort? Marker det:", "Is {id} {title} done already? Record it:"),
    "levers.done.not_enough": ("Er {id} {title} alt gjort? Marker det (det hjelper, men er ikke nok alene):",
                               "Is {id} {title} done already? Record it (it helps, but is not enough alone):"),
    "levers.shorten": ("Kort ned {id} {title} fra {old} til {new}:", "Shorten {id} {title} from {old} to {new}:"),
    "levers.shorten_several": ("Ingen enkelt aktivitet på kjeden kan kortes nok ned alene; kort ned flere av dem, "
                               "den lengste er {id} {title}:",
                               "No single activity on the chain can be shortened enough alone; shorten several of "
                               "them, the longest is {id} {title}:"),
    "levers.duration_word": ("VARIGHET", "DURATION"),
    "levers.drop": ("Gjelder ikke {id} {title} for dette kontoret? Ta den ut: legg \"{id}\" til under drop: i {file}.",
                    "Does {id} {title} not apply to this office? Drop it: add \"{id}\" under drop: in {file}."),
    "levers.move_opening": ("Flytt åpningen til {date}: skriv opening: {date} i {file}.",
                            "Move the opening to {date}: write opening: {date} in {file}."),
    "levers.move_date.not_after": ("Flytt fristen til {date}:", "Move the deadline to {date}:"),
    "levers.move_date.fixed": ("Flytt datoen til {date}:", "Move the date to {date}:"),
    "ics.forecast": ("Prognose: start {start}, ferdig {finish}.", "Forecast: start {start}, finish {finish}."),
    "report.gantt.forecast_opening": ("prognose åpning {date}", "forecast opening {date}"),
    "report.gantt.caption.forecast": ("Stolpene viser prognosen: fra tidligst mulig start til tidligst mulig "
                                      "ferdig, gitt det som er gjort.",
                                      "The bars show the forecast: from the earliest possible start to the "
                                      "earliest possible finish, given the progress made."),
    "mspdi.helper": ("Lenke {pred} → {succ} ({type} +{lag}d)", "Link {pred} → {succ} ({type} +{lag}d)"),
}
