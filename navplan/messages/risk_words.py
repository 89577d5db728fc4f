"""Words of `navplan risk` and of the uncertain durations it samples: key → (bokmål, English)."""

RISK_WORDS: dict[str, tuple[str, str]] = {
    # Ranges in plan files and in the handbook data
    "error.value.range_fields": ("et varighetsintervall skrives low..high (f.eks. 3w..8w) eller {{low, likely, high}}, "
                                 "ikke med feltene {value}",
                                 "a duration range is written low..high (e.g. 3w..8w) or {{low, likely, high}}, not "
                                 "with the fields {value}"),
    "error.value.range_units": ("intervallet {low}..{high} blander måneder med arbeidsdager eller uker: skriv alle "
                                "verdiene i m, eller alle i d eller w",
                                "the range {low}..{high} mixes months with working days or weeks: write every value "
                                "in m, or every value in d or w"),
    "error.value.range_likely_units": ("den sannsynlige varigheten {likely} er ikke i samme enhet som intervallet "
                                       "{low}..{high}: skriv alle verdiene i m, eller alle i d eller w",
                                       "the likely duration {likely} is not in the unit of the range {low}..{high}: "
                                       "write every value in m, or every value in d or w"),
    "error.value.range_order": ("intervallet {low}..{high} er baklengs: den laveste verdien skrives først",
                                "the range {low}..{high} is backwards: the lowest value comes first"),
    "error.value.range_likely": ("den sannsynlige varigheten {likely} ligger utenfor intervallet {low}..{high}",
                                 "the likely duration {likely} lies outside the range {low}..{high}"),
    "error.value.range_likely_zero": ("den sannsynlige varigheten i {low}..{high} er 0: en aktivitet uten varighet er "
                                      "en milepæl",
                                      "the likely duration of {low}..{high} is 0: an activity without duration is a "
                                      "milestone"),
    "error.plan.range_needs_likely": ("{id} har ingen varighet i håndboken som kan være den sannsynlige verdien i "
                                      "intervallet",
                                      "{id} has no handbook duration to be the likely value of the range"),
    "hint.range_likely": ("skriv den sannsynlige verdien selv, f.eks. duration: {{low: 3w, likely: 5w, high: 8w}}",
                          "give the likely value yourself, e.g. duration: {{low: 3w, likely: 5w, high: 8w}}"),
    "error.handbook.range_without_duration": ("aktivitet {id}: et varighetsintervall trenger en varighet (den "
                                              "sannsynlige verdien)",
                                              "activity {id}: a duration range needs a duration (the likely value)"),
}
RISK_WORDS.update({
    "col.range": ("Intervall", "Range"),
    "handbook.range": ("Usikkerhet (lav–høy, for navplan risk)", "Uncertainty (low–high, for navplan risk)"),
})

RISK_WORDS.update({
    # navplan risk: headline
    "risk.title": ("{office}: risiko per {as_of}", "{office}: schedule risk as of {as_of}"),
    "risk.samples": ("{samples} {count:simulering|simuleringer} (frø {seed}); varighetene trekkes mellom lav og høy "
                     "verdi",
                     "{samples} {count:sample|samples} (seed {seed}); durations drawn between their low and high "
                     "values"),
    "risk.holds": ("{percent} sannsynlighet for at åpningsdatoen holder.",
                   "{percent} probability that the opening date holds."),
    "risk.deterministic.holds": ("Med alle varigheter som mest sannsynlig (som critical-path): holder, {slack} "
                                 "{slack:arbeidsdag|arbeidsdager} til overs.",
                                 "With every duration at its likely value (as critical-path): holds, {slack} "
                                 "{slack:working day|working days} to spare."),
    "risk.deterministic.fails": ("Med alle varigheter som mest sannsynlig (som critical-path): holder ikke, det "
                                 "mangler {days} {days:arbeidsdag|arbeidsdager}.",
                                 "With every duration at its likely value (as critical-path): does not hold, "
                                 "{days} {days:working day|working days} missing."),
    "risk.forecasts": ("Tidligste åpning (alt arbeid ferdig): {forecasts}",
                       "Earliest opening (all work done): {forecasts}"),
    "risk.promise": ("Med 80 % sikkerhet kan åpning loves {date}: {slack}.",
                     "With 80% confidence the opening can be promised for {date}: {slack}."),
    "risk.slack.before": ("{days} {days:arbeidsdag|arbeidsdager} før åpningsdatoen",
                          "{days} {days:working day|working days} before the opening date"),
    "risk.slack.after": ("{days} {days:arbeidsdag|arbeidsdager} etter åpningsdatoen",
                         "{days} {days:working day|working days} after the opening date"),
    "risk.slack.on": ("på åpningsdatoen", "on the opening date"),
    "risk.nothing_sampled": ("Ingen åpne aktiviteter har et varighetsintervall: alle utfall er like.",
                             "No open activity has a duration range: every sample is the same."),
    # the distribution
    "risk.section.distribution": ("Fordeling av tidligste åpning", "Distribution of the earliest opening"),
    "risk.col.period": ("Fra", "From"),
    "risk.col.share": ("Andel", "Share"),
    "risk.col.cumulative": ("Kumulativt", "Cumulative"),
    "risk.mark.opening": ("åpningsdato", "opening date"),
    "risk.distribution.legend": ("Andelen av simuleringene der alt arbeid er ferdig i tide til å åpne i perioden; "
                                 "kumulativt: i perioden eller før.",
                                 "The share of samples in which all work is done in time to open in the period; "
                                 "cumulative: in the period or before."),
    # dates
    "risk.section.dates": ("Faste datoer og frister", "Fixed dates and deadlines"),
    "risk.col.date": ("Dato", "Date"),
    "risk.col.kind": ("Type", "Kind"),
    "risk.col.probability": ("Holder", "Holds"),
    "risk.col.deterministic": ("Uten usikkerhet", "Without uncertainty"),
    "risk.kind.fixed": ("fast dato", "fixed date"),
    "risk.kind.not_after": ("ferdig senest", "finish by"),
    "risk.deterministic.yes": ("holder", "holds"),
    "risk.deterministic.no": ("holder ikke", "does not hold"),
    # drivers
    "risk.section.drivers": ("Hva truer åpningen mest", "What threatens the opening most"),
    "risk.col.range": ("Varighet", "Duration"),
    "risk.col.criticality": ("Kritisk i", "Critical in"),
    "risk.col.correlation": ("Korrelasjon", "Correlation"),
    "risk.drivers.legend": ("Varighet: lav–sannsynlig–høy. Kritisk i: andelen simuleringer der aktiviteten ligger på "
                            "kjeden som bestemmer tidligste åpning. Korrelasjon: hvor sterkt varigheten flytter "
                            "tidligste åpning (Spearmans rangkorrelasjon). Forkort eller reduser usikkerheten i "
                            "disse først.",
                            "Duration: low–likely–high. Critical in: the share of samples in which the activity lies "
                            "on the chain that sets the earliest opening. Correlation: how strongly its duration "
                            "moves the earliest opening (Spearman's rank correlation). Shorten or de-risk these "
                            "first."),
    "risk.drivers.none": ("Ingen aktivitet med varighetsintervall påvirker åpningen.",
                          "No activity with a duration range moves the opening."),
    "risk.dates.none": ("Ingen faste datoer eller frister for åpne aktiviteter.",
                        "No fixed dates or deadlines of open activities."),
    # percentages
    "risk.percent": ("{value} %", "{value}%"),
    "risk.percent.above": ("over {value} %", "above {value}%"),
    "risk.percent.below": ("under {value} %", "below {value}%"),
})

RISK_WORDS.update({
    # navplan risk --help
    "help.risk.short": ("Sannsynligheten for å åpne i tide, ved Monte Carlo-simulering",
                        "The probability of opening on time, by Monte Carlo simulation"),
    "help.risk": ("Simulerer planen mange ganger med varighetene trukket mellom lav og høy verdi (triangelfordeling; "
                  "faktiske datoer og ferdig arbeid trekkes ikke, påbegynt arbeid bare for det som gjenstår). "
                  "Viser sannsynligheten for at åpningsdatoen holder, tidligste åpning ved P50, P80 og P95, "
                  "sannsynligheten for hver fast dato og frist, og aktivitetene som truer åpningen mest.",
                  "Simulates the plan many times with durations drawn between their low and high values "
                  "(triangular distribution; actual dates and done work are not sampled, work under way only for "
                  "what remains). Shows the probability that the opening date holds, the earliest opening at P50, "
                  "P80 and P95, the probability of every fixed date and deadline, and the activities that threaten "
                  "the opening most."),
    "help.risk.example": ("navplan risk examples/indre-ostfold --as-of 10.12.2018",
                          "navplan risk examples/indre-ostfold --as-of 10.12.2018 --lang en"),
    "help.option.samples": ("Antall simuleringer (1–100000, standard 10000)",
                            "Number of samples (1-100000, default 10000)"),
    "help.option.seed": ("Frø for tilfeldige tall (0–4294967295, standard 2007): samme frø gir samme tall",
                         "Seed of the random numbers (0-4294967295, default 2007): the same seed gives the same "
                         "numbers"),
})

RISK_WORDS.update({
    # the report and the workbook
    "risk.svg.label": ("S-kurve: sannsynligheten for at alt arbeid er ferdig i tide til å åpne på hver dato",
                       "S-curve: the probability that all work is done in time to open on each date"),
    "risk.svg.opening": ("åpning {date}: {percent}", "opening {date}: {percent}"),
    "risk.svg.p80": ("P80 {date}", "P80 {date}"),
    "risk.report.caption": ("andel av {samples} {count:simulering|simuleringer} klar til åpning",
                            "share of {samples} {count:sample|samples} ready to open"),
    "risk.report.verdict": ("{percent} sannsynlighet for at åpningsdatoen holder; med 80 % sikkerhet kan åpning "
                            "loves {date}.",
                            "{percent} probability that the opening date holds; with 80% confidence the opening "
                            "can be promised for {date}."),
    "risk.report.date": ("{id} {kind} {date} holder i {percent}", "{id} {kind} {date} holds in {percent}"),
    "risk.report.dates": ("Kan glippe: {dates} av simuleringene.", "May be missed: {dates} of the samples."),
    "risk.report.drivers": ("Truer åpningen mest (rangkorrelasjon): {drivers}.",
                            "Threatens the opening most (rank correlation): {drivers}."),
})

RISK_WORDS.update({
    # the workbook's sheet
    "risk.xlsx.sheet": ("Risiko", "Risk"),
    "risk.xlsx.activities": ("Åpne aktiviteter, de som truer åpningen mest først",
                             "Open activities, those that threaten the opening most first"),
    "risk.xlsx.low": ("Lav", "Low"),
    "risk.xlsx.likely": ("Sannsynlig", "Likely"),
    "risk.xlsx.high": ("Høy", "High"),
    "risk.xlsx.driver_rank": ("Rangering", "Rank"),
    "risk.xlsx.slack": ("Arbeidsdager før åpning", "Working days before opening"),
})

RISK_WORDS.update({
    "portfolio.col.on_time": ("I tide", "On time"),
    "portfolio.fewer_samples": ("«I tide» bygger på {samples} trekk per plan (navplan risk bruker {risk}), "
                                "så den kan avvike litt fra navplan risk.",
                                "\"On time\" comes from {samples} samples per plan (navplan risk takes {risk}), "
                                "so it may differ a little from navplan risk."),
    "help.option.portfolio_samples": ("Simuleringer per plan for sannsynligheten for å åpne i tide (0–100000, "
                                      "standard 10000, som navplan risk; 0: ingen)",
                                      "Samples per plan for the probability of opening on time (0-100000, default "
                                      "10000, as navplan risk; 0: none)"),
})
