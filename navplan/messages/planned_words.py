"""Issue 19's words (planned dates, capacity, levelling, workload): folded into the catalogues
by tools/import_words.py, then deleted."""

PLANNED_WORDS = {
    # values and plan errors
    "error.value.schedule_mode": ("'{value}' er ikke en planleggingsmåte: skriv {choices}",
                                  "'{value}' is not a scheduling mode: write {choices}"),
    "error.value.amount": ("'{value}' er ikke en mengde: skriv et tall over 0 og høyst {limit}, med høyst to desimaler "
                           "(2, 0,5)",
                           "'{value}' is not an amount: write a number above 0 and at most {limit}, with at most two "
                           "decimals (2, 0.5)"),
    "error.value.uses_twice": ("'{id}' står to ganger", "'{id}' is named twice"),
    "error.value.too_many_capacities": ("høyst {limit} kapasiteter", "at most {limit} capacities"),
    "error.handbook.schedule_reason": ("{id}: schedule: alap trenger en begrunnelse (schedule_reason), og bare alap "
                                       "har en",
                                       "{id}: schedule: alap needs its reason (schedule_reason), and only alap has one"),
    "error.plan.duplicate_resource": ("ressursen '{id}' står to ganger under resources",
                                      "the resource '{id}' is given twice under resources"),
    "error.plan.resource_is_role": ("'{id}' er en rolle i håndboken, ikke en ny ressurs",
                                    "'{id}' is a role of the handbook, not a new resource"),
    "hint.resource_is_role": ("gi rollen en kapasitet under capacity:, eller gi ressursen en annen id",
                              "give the role a capacity under capacity:, or give the resource another id"),
    "error.plan.capacity_of_resource": ("'{name}' er en av planens ressurser, og kapasiteten dens står under resources",
                                        "'{name}' is one of the plan's resources, whose capacity is given under "
                                        "resources"),
    "hint.capacity_of_resource": ("skriv capacity: under ressursen i resources:",
                                  "write capacity: under the resource in resources:"),
    "error.plan.unknown_capacity": ("'{name}' er verken en rolle, en ansvarlig i planen eller en av planens ressurser",
                                    "'{name}' is neither a role, an owner in the plan nor one of the plan's resources"),
    "hint.capacity_names": ("skriv en rolle (nav-leder, radmann), et navn slik planen skriver det under owner:, eller en "
                            "ressurs fra resources:",
                            "write a role (nav-leder, radmann), a name as the plan writes it under owner:, or a "
                            "resource from resources:"),
    "error.plan.capacity_twice": ("'{name}' er {id} en gang til: gi hver kapasitet én gang",
                                  "'{name}' names {id} again: give each capacity once"),
    "error.plan.summary_schedule": ("{id} er en hovedaktivitet med aktiviteter under seg: gi planleggingsmåten "
                                    "(schedule) til hver av dem",
                                    "{id} is a main activity with steps under it: give the scheduling mode (schedule) "
                                    "to each of them"),
    "error.plan.summary_load": ("{id} er en hovedaktivitet med aktiviteter under seg: gi belastningen (load) til hver "
                                "av dem",
                                "{id} is a main activity with steps under it: give the load to each of them"),
    "error.plan.summary_uses": ("{id} er en hovedaktivitet med aktiviteter under seg: gi ressursene (uses) til hver av "
                                "dem",
                                "{id} is a main activity with steps under it: give the resources (uses) to each of "
                                "them"),
    "error.plan.milestone_load": ("{id} er en milepæl: den tar ingen tid og bruker ingen kapasitet ({what})",
                                  "{id} is a milestone: it takes no time and uses no capacity ({what})"),
    "error.plan.unknown_resource": ("ukjent ressurs '{id}'", "unknown resource '{id}'"),
    "hint.resources": ("legg den til under resources: med id og capacity",
                       "add it under resources: with its id and capacity"),
    "error.plan.load_above_capacity": ("{id} tar {load} av {resource}, som bærer {capacity} om gangen",
                                       "{id} takes {load} of {resource}, who carries {capacity} at once"),
    "hint.load_above_capacity": ("senk belastningen (load) eller øk kapasiteten",
                                 "lower the load or raise the capacity"),
    # options
    "error.usage.level_time": ("'{value}' er ikke et antall sekunder fra 0 til {high} (0,5 eller 3)",
                               "'{value}' is not a number of seconds from 0 to {high} (0.5 or 3)"),
    "help.option.level_time": ("Med kapasitet i planen: hvor lenge løseren kan lete etter de planlagte datoene, i "
                               "sekunder (standard 1; 0: bare heuristikken)",
                               "With capacity in the plan: how long the solver may search for the planned dates, in "
                               "seconds (default 1; 0: the heuristic alone)"),
    "help.option.dates": ("Datoene Gantt-søylene viser: planlagt, senest (standard) eller prognose",
                          "The dates the Gantt bars show: planned, latest (the default) or forecast"),
    "help.option.dates.planned": ("Datoene som følges: planlagt (standard), senest eller prognose",
                                  "The dates to follow: planned (the default), latest or forecast"),
    "help.value.planned": ("planlagt", "planned"),
    # tables
    "col.planned_start": ("Planlagt start", "Planned start"),
    "col.planned_finish": ("Planlagt ferdig", "Planned finish"),
    "col.starts.planned": ("Starter (planlagt)", "Starts (planned)"),
    "col.finishes.planned": ("Ferdig (planlagt)", "Finishes (planned)"),
    "calendar.latest_beside": ("(senest {date})", "(latest {date})"),
    "opening.planned": ("PLANLAGT ÅPNING {date}", "PLANNED OPENING {date}"),
    "levelling.pushes_opening": ("Med kapasiteten i planen skyves åpningen {days} {days:arbeidsdag|arbeidsdager}, til "
                                 "{date}, fordi {resource} er fullt belagt.",
                                 "With the plan's capacity the opening is pushed {days} working "
                                 "{days:day|days}, to {date}, because {resource} is fully booked."),
    # ics
    "ics.summary.deadline.planned": ("Planlagt ferdig: {id} {title}", "Planned finish: {id} {title}"),
    "ics.summary.deadline.planned.critical": ("Planlagt ferdig (kritisk): {id} {title}",
                                              "Planned finish (critical): {id} {title}"),
    "ics.summary.start.planned": ("Planlagt start: {id} {title}", "Planned start: {id} {title}"),
    "ics.summary.start.planned.critical": ("Planlagt start (kritisk): {id} {title}",
                                           "Planned start (critical): {id} {title}"),
    "ics.summary.deadline.forecast": ("Prognose ferdig: {id} {title}", "Forecast finish: {id} {title}"),
    "ics.summary.deadline.forecast.critical": ("Prognose ferdig (kritisk): {id} {title}",
                                               "Forecast finish (critical): {id} {title}"),
    "ics.summary.start.forecast": ("Prognose start: {id} {title}", "Forecast start: {id} {title}"),
    "ics.summary.start.forecast.critical": ("Prognose start (kritisk): {id} {title}",
                                            "Forecast start (critical): {id} {title}"),
    "ics.planned": ("Planlagt: start {start}, ferdig {finish}.", "Planned: start {start}, finish {finish}."),
    # schema
    "help.option.schema_document": ("plan (standard), schedule, diff, portfolio, risk, county (fylkesfilen) eller "
                                    "workload",
                                    "plan (default), schedule, diff, portfolio, risk, county (the county file) or "
                                    "workload"),
    # workload
    "help.workload": ("Hvor mye hver rolle, person og ressurs bærer om gangen, uke for uke (eller måned for måned), "
                      "etter de planlagte datoene, mot kapasiteten planen gir (capacity:); overbelastning i rødt.",
                      "How much each role, person and resource carries at once, week by week (or month by month), "
                      "by the planned dates, against the capacity the plan gives (capacity:); overloads in red."),
    "help.workload.short": ("Arbeidsmengden til hver rolle og person, uke for uke",
                            "Each role's and person's workload, week by week"),
    "help.workload.example": ("navplan workload kontor/ --role nav-leder --by month",
                              "navplan workload office/ --role nav-leder --by month"),
    "workload.title": ("{office}: arbeidsmengde per {as_of}", "{office}: workload as of {as_of}"),
    "workload.levelled": ("De planlagte datoene er utjevnet mot kapasiteten i planen ({status}).",
                          "The planned dates are levelled against the plan's capacity ({status})."),
    "workload.status.optimal": ("bevist best", "proven best"),
    "workload.status.feasible": ("det beste løseren fant på tiden", "the best the solver found in its time"),
    "workload.status.heuristic": ("heuristikkens plan", "the heuristic's plan"),
    "workload.not_levelled": ("Planen gir ingen kapasitet (capacity:), så de planlagte datoene er ikke utjevnet.",
                              "The plan gives no capacity (capacity:), so the planned dates are not levelled."),
    "workload.resource": ("{title}: kapasitet {capacity}", "{title}: capacity {capacity}"),
    "workload.resource.no_capacity": ("{title}: ingen kapasitet oppgitt", "{title}: no capacity given"),
    "workload.resource.idle": ("Ingen åpne aktiviteter.", "No open activities."),
    "workload.none": ("Ingen rolle eller person har åpne aktiviteter.", "No role or person has open activities."),
    "workload.legend": ("Samtidig: det meste som bæres på én arbeidsdag i perioden, etter de planlagte datoene; "
                        "over kapasiteten i rødt.",
                        "At once: the most carried on one working day of the period, by the planned dates; above the "
                        "capacity in red."),
    "col.carried": ("Samtidig", "At once"),
    "col.activities": ("Aktiviteter", "Activities"),
}
