"""Words of the county file (fylke.yaml) and of the portfolio's county report over time: key → (bokmål, English)."""

COUNTY_WORDS: dict[str, tuple[str, str]] = {
    # The units of a shared resource's capacity, as people say them (read in the file too).
    "county.unit.at_once": ("samtidig", "at once"),
    "county.unit.per_week": ("per uke", "per week"),
    # Reading the county file.
    "error.field.same_field": ("'{first}' og '{second}' er samme felt: skriv det bare én gang",
                               "'{first}' and '{second}' are one field: write it once"),
    "error.county.empty": ("fylkesfilen er tom", "the county file is empty"),
    "hint.county.write": ("en fylkesfil (fylke.yaml) ved siden av kontormappene trenger minst `county:`; se README, "
                          "«County file»",
                          "a county file (fylke.yaml) beside the office folders needs at least `county:`; see the "
                          "README, 'County file'"),
    "error.county.not_mapping": ("fylkesfilen må inneholde nøkler med verdier (som `county: ...`), ikke en liste "
                                 "eller én enkelt verdi",
                                 "the county file must hold a mapping of keys (like `county: ...`), not a list or a "
                                 "single value"),
    "error.county.english_key": ("nøkkelen heter '{english}': nøklene i fylkesfilen er engelske, som i planfilen",
                                 "the key is '{english}': a county file's keys are English, like a plan file's"),
    "error.county.is_folder": ("er en mappe, ikke en fylkesfil", "is a folder, not a county file"),
    "error.county.too_large": ("filen er større enn {mb} MB; en fylkesfil er noen få kB",
                               "file is larger than {mb} MB; a county file is a few kB"),
    "error.county.bad_resource_id": ("'{value}' er ikke en ressurs-id: bruk opptil 40 bokstaver, sifre, '.', '_' "
                                     "eller '-', uten mellomrom (f.eks. it-utrulling)",
                                     "'{value}' is not a resource id: use up to 40 letters, digits, '.', '_' or '-', "
                                     "without spaces (e.g. it-utrulling)"),
    "error.county.unit": ("'{value}' er ingen enhet for kapasitet: skriv {choices} (eller samtidig, per uke)",
                          "'{value}' is not a unit of capacity: write {choices} (or samtidig, per uke)"),
    "error.county.period_order": ("perioden slutter ({last}) før den begynner ({first})",
                                  "the period ends ({last}) before it begins ({first})"),
    "error.county.periods_overlap": ("perioden {first}–{last} overlapper perioden {other_first}–{other_last}",
                                     "the period {first}–{last} overlaps the period {other_first}–{other_last}"),
    "hint.county.periods": ("en dag har bare én kapasitet: slå periodene sammen eller la dem møtes uten å overlappe",
                            "a day has one capacity only: join the periods, or let them meet without overlapping"),
    "error.county.duplicate_resource": ("ressursen '{id}' står to ganger (første gang som ressurs {first})",
                                        "the resource '{id}' appears twice (first as resource {first})"),
    "hint.county.one_resource": ("behold én av dem, eller gi den andre en egen id",
                                 "keep one of them, or give the other an id of its own"),
    "hint.county.handbook_ids": ("ressursens aktiviteter er håndbokens og malenes id-er (`navplan handbook`); et "
                                 "kontors egne aktiviteter står under `offices:`",
                                 "a resource's activities are the handbook's and the templates' ids (`navplan "
                                 "handbook`); an office's own activities go under `offices:`"),
    "error.county.summary": ("'{id}' er en hovedaktivitet med trinn under seg", "'{id}' is a main activity with "
                             "steps under it"),
    "hint.county.summary": ("oppgi trinnene som bruker ressursen: {children}",
                            "name the steps that use the resource: {children}"),
    "error.county.milestone_at_once": ("'{id}' er en milepæl og tar ingen tid, så den holder aldri en plass samtidig",
                                       "'{id}' is a milestone and takes no time, so it never holds a place at once"),
    "hint.county.milestone_at_once": ("med `unit: per-week` tar den en plass den uken den faller i",
                                      "with `unit: per-week` it takes a place in the week it falls in"),
    "error.county.duplicate_activity": ("'{id}' står to ganger i listen", "'{id}' appears twice in the list"),
    "error.county.plan_not_found": ("fant ingen plan i '{plan}' (ingen fil, og ingen mappe med {name})",
                                    "no plan at '{plan}' (no file, and no folder holding {name})"),
    "hint.county.plan_path": ("stien regnes fra fylkesfilens mappe, {folder}",
                              "the path is taken from the county file's folder, {folder}"),
    "error.county.plan_unreadable": ("'{plan}' kan ikke åpnes: {reason}", "'{plan}' cannot be opened: {reason}"),
    "error.county.duplicate_office": ("planen '{plan}' står to ganger (første gang som kontor {first})",
                                      "the plan '{plan}' appears twice (first as office {first})"),
    "error.county.unknown_resource": ("ukjent ressurs '{id}'", "unknown resource '{id}'"),
    "hint.county.known_resources": ("ressursene under `resources:` er {ids}",
                                    "the resources under `resources:` are {ids}"),
    "error.county.office_unknown_id": ("ukjent aktivitets-id '{id}' i planen {plan}",
                                       "unknown activity id '{id}' in the plan {plan}"),
    "hint.county.office_ids": ("et kontors aktiviteter er håndbokens, malens og planens egne id-er",
                               "an office's activities are the handbook's, its template's and its plan's own ids"),
    "error.county.office_dropped": ("planen {plan} tar ut '{id}' (drop), så den bruker ikke ressursen",
                                    "the plan {plan} drops '{id}', so it does not use the resource"),
    "error.county.several": ("fant flere fylkesfiler: {files}", "found several county files: {files}"),
    "hint.county.several": ("velg én med --county FIL", "choose one with --county FILE"),
    # navplan validate fylke.yaml
    "county.valid": ("{file} er gyldig: {county}, {resources} {resources:delt ressurs|delte ressurser}, {offices} "
                     "{offices:kontor|kontorer} med egne innstillinger.",
                     "{file} is valid: {county}, {resources} shared {resources:resource|resources}, {offices} "
                     "{offices:office|offices} with {offices:its|their} own settings."),
    # navplan portfolio with a county file
    "county.portfolio.title": ("{county}: portefølje per {as_of}: {count} {count:plan|planer}, sortert etter risiko",
                               "{county}: portfolio as of {as_of}: {count} {count:plan|plans}, sorted by risk"),
    "county.portfolio.file": ("Fylkesfil {file}: {county}, {resources} {resources:delt ressurs|delte ressurser}.",
                              "County file {file}: {county}, {resources} shared {resources:resource|resources}."),
    "help.option.county": ("Fylkesfilen (fylke.yaml), eller mappen den ligger i; standard: fylke.yaml i en mappe "
                           "som er oppgitt",
                           "The county file (fylke.yaml), or its folder; default: the fylke.yaml of a folder given"),
    # navplan portfolio --since: what moved in each office since the last county meeting
    "help.option.portfolio_since": ("Hva som har flyttet seg i hvert kontor siden denne datoen (siste commit av hver "
                                    "plan til og med den) eller revisjonen",
                                    "What moved in each office since this date (the last commit of each plan on or "
                                    "before it) or revision"),
    "changes.title": ("Endringer siden {since}, per {as_of}", "Changes since {since}, as of {as_of}"),
    "changes.since.date": ("Hvert kontor er sammenlignet med siste commit av planen til og med {date}.",
                           "Each office is compared with the last commit of its plan on or before {date}."),
    "changes.since.revision": ("Hvert kontor er sammenlignet med planen i revisjonen {revision}.",
                               "Each office is compared with its plan at the revision {revision}."),
    "changes.col.compared": ("Sammenlignet med", "Compared with"),
    "changes.col.slack": ("Slakk før → nå", "Slack then → now"),
    "changes.col.change": ("Endring", "Change"),
    "changes.col.status": ("Endret status", "Status changed"),
    "changes.col.moved": ("Flyttet mest (arbeidsdager)", "Moved most (working days)"),
    "changes.col.missed": ("Holder ikke lenger", "No longer hold"),
    "changes.revision": ("{commit} {date}", "{commit} {date}"),
    "changes.status": ("{id} {before} → {after}", "{id} {before} → {after}"),
    "changes.moved": ("{id} {moved} {date}", "{id} {moved} {date}"),
    "changes.date.latest_start": ("start senest", "latest start"),
    "changes.date.latest_finish": ("ferdig senest", "latest finish"),
    "changes.date.earliest_finish": ("prognose ferdig", "forecast finish"),
    "changes.moved_more": ("og {count} til", "and {count} more"),
    "changes.opening_moved": ("åpning {before} → {after}", "opening {before} → {after}"),
    "changes.missed": ("{id} {date}: mangler {days} {days:arbeidsdag|arbeidsdager}",
                       "{id} {date}: {days} working {days:day|days} short"),
    "changes.summary": ("{count} {count:kontor|kontorer} sammenlignet: {worse} med mindre slakk enn før, {better} med "
                        "mer, {none} uten historikk.",
                        "{count} {count:office|offices} compared: {worse} with less slack than before, {better} "
                        "with more, {none} without history."),
    "report.no_history.unknown_revision": ("revisjonen {revision} finnes ikke i planens repository.",
                                           "the revision {revision} is not in the plan's repository."),
    "report.no_history.not_at_revision": ("planen fantes ikke i {revision}.", "the plan did not exist at {revision}."),
    "changes.sheet": ("Endringer", "Changes"),
    "changes.col.revision_date": ("Commit-dato", "Commit date"),
    "changes.col.opening_before": ("Åpning før", "Opening then"),
    "changes.col.slack_before": ("Slakk før", "Slack then"),
    "changes.col.slack_now": ("Slakk nå", "Slack now"),
}
