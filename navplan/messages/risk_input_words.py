"""Words of what `navplan risk` samples beyond the duration ranges (issue 21): shared causes,
risk events, work that happens or not, what remains of started work, percentiles.
Key → (bokmål, English)."""

RISK_INPUT_WORDS: dict[str, tuple[str, str]] = {
    # Notes of the sampling (navplan/engine/risk_sampling.py), for the caller to show.
    "risk.note.correlation_adjusted": (
        "gruppene med felles årsak ber om korrelasjoner som ikke kan gjelde samtidig (grupper som overlapper); "
        "de nærmeste som kan, er brukt, og en rangkorrelasjon er endret med inntil {change}",
        "the shared-cause groups ask for correlations that cannot all hold at once (groups that overlap); "
        "the nearest that can were used, changing a rank correlation by up to {change}"),
    "risk.note.remaining_past_high": (
        "{id} har pågått i {elapsed}, mer enn det høyeste anslaget ({high}); tallene antar at den blir ferdig "
        "i dag. Oppgi hva som gjenstår, f.eks. navplan set {id} --remaining 2w",
        "{id} has been under way for {elapsed}, more than its highest estimate ({high}); the numbers assume it "
        "is finished today. Say what remains, e.g. navplan set {id} --remaining 2w"),
    "error.value.percentile": (
        "'{value}' er ikke en persentil: skriv hele tall fra 1 til 99, f.eks. 50,85,95",
        "'{value}' is not a percentile: write whole numbers from 1 to 99, e.g. 50,85,95"),

    # Values in a plan file.
    "error.value.probability": (
        "'{value}' er ikke en sannsynlighet: skriv et tall over 0 og høyst 1 (0,2) eller en prosent (20 %)",
        "'{value}' is not a probability: write a number above 0 and at most 1 (0.2) or a percentage (20 %)"),
    "error.value.rank": (
        "'{value}' er ikke en rangkorrelasjon fra 0 til 1: en felles årsak drar varighetene samme vei, fra 0 "
        "(uavhengige) til 1 (helt i takt)",
        "'{value}' is not a rank correlation from 0 to 1: a shared cause moves durations the same way, from 0 "
        "(independent) to 1 (fully together)"),
    "error.value.remaining_zero": (
        "ingenting gjenstår av {id}: marker den som ferdig (navplan done {id})",
        "nothing remains of {id}: mark it done (navplan done {id})"),
    "error.value.group_twice": ("{id} står to ganger", "{id} is named twice"),
    "error.value.group_too_small": ("en felles årsak trenger to eller flere aktiviteter",
                                    "a shared cause needs two or more activities"),
    "error.value.group_needs_activities": (
        "en felles årsak nevner aktivitetene sine (activities), eller id-en til en av håndbokens felles årsaker "
        "som planen endrer",
        "a shared cause names its activities, or the id of one of the handbook's shared causes the plan changes"),
    "error.value.group_needs_reason": (
        "en ny felles årsak trenger begrunnelsen sin: årsaken aktivitetene deler, f.eks. reason: \"samme utleier\"",
        "a new shared cause needs its reason: the cause the activities share, e.g. reason: \"samme utleier\""),
    "error.value.risk_months": (
        "forsinkelsen fra en risiko skrives i arbeidsdager eller uker (d eller w), ikke måneder",
        "a risk's delay is written in working days or weeks (d or w), not months"),
    "error.value.risk_zero": (
        "en risiko som forsinker med 0, forsinker ingenting: skriv hvor mye den forsinker, f.eks. by: 2w",
        "a risk that delays by 0 delays nothing: write how much it delays, e.g. by: 2w"),
    # The handbook data.
    "error.handbook.probability_source": (
        "aktivitet {id}: en sannsynlighet trenger en varighet og en kilde (probability_source)",
        "activity {id}: a probability needs a duration and a source (probability_source)"),
    "error.handbook.cause_unknown": ("den felles årsaken {id}: ukjent aktivitet {member}",
                                     "shared cause {id}: unknown activity {member}"),
    # The plan merged with the handbook.
    "error.plan.probability_summary": (
        "{id} er en hovedaktivitet: gi sannsynligheten til underaktivitetene",
        "{id} is a summary: give the probability to its sub-activities"),
    "error.plan.probability_milestone": (
        "{id} er en milepæl: bare arbeid som tar tid, kan skje eller ikke",
        "{id} is a milestone: only work that takes time happens or not"),
    "error.plan.remaining_not_started": (
        "{id} har ikke startet: remaining er det som gjenstår av arbeid som pågår",
        "{id} has not started: remaining is what is left of work under way"),
    "error.plan.remaining_done": (
        "{id} er ferdig: remaining er det som gjenstår av arbeid som pågår",
        "{id} is done: remaining is what is left of work under way"),
    "hint.remaining_status": ("sett status: started (navplan start {id}), eller fjern remaining",
                              "set status: started (navplan start {id}), or remove remaining"),
    "error.plan.remaining_milestone": ("{id} er en milepæl: ingenting av den gjenstår",
                                       "{id} is a milestone: nothing of it remains"),
    "error.plan.remaining_in_months": (
        "{id} regnes i måneder: oppgi det som gjenstår i måneder (1m)",
        "{id} is counted in months: give what remains in months (1m)"),
    "error.plan.remaining_in_days": (
        "{id} regnes i arbeidsdager og uker: oppgi det som gjenstår i d eller w",
        "{id} is counted in working days and weeks: give what remains in d or w"),
    "error.plan.duplicate_cause": ("den felles årsaken {id} står to ganger (første gang som gruppe {first})",
                                   "shared cause {id} appears twice (first as group {first})"),
    "error.plan.unknown_cause": ("ukjent felles årsak '{id}'", "unknown shared cause '{id}'"),
    "hint.causes": ("håndbokens felles årsaker er {causes}; en ny gruppe nevner aktivitetene sine",
                    "the handbook's shared causes are {causes}; a new group names its activities"),
    "error.plan.too_many_coupled": (
        "de felles årsakene binder sammen {count} aktiviteter; navplan trekker høyst {limit}",
        "the shared causes couple {count} activities; navplan samples at most {limit}"),
    "error.plan.named_dropped": ("{id} er tatt ut av denne planen", "{id} is dropped from this plan"),
    "hint.named_dropped": ("ta den ut av listen, eller ut av drop:", "take it out of the list, or out of drop:"),
    "error.plan.named_summary": ("{id} er en hovedaktivitet: nevn underaktivitetene ({children})",
                                 "{id} is a summary: name its sub-activities ({children})"),
    "error.plan.risk_delays_opening": (
        "åpningen er en dato, ikke arbeid: nevn aktiviteten risikoen forsinker",
        "the opening is a date, not work: name the activity the risk delays"),
    "error.plan.cause_without_range": (
        "{id} har ikke varighet med spenn (lav..høy) i denne planen: den felles årsaken har ingenting å korrelere",
        "{id} has no duration range (low..high) in this plan: the shared cause has nothing to correlate"),
    "hint.cause_without_range": ("gi den et intervall (duration: 3w..8w), eller ta den ut av gruppen",
                                 "give it a range (duration: 3w..8w), or take it out of the group"),
    "error.plan.duplicate_risk": ("risikoen {id} står to ganger (første gang som risiko {first})",
                                  "risk {id} appears twice (first as risk {first})"),
    "error.plan.risk_is_activity": ("{id} er id-en til en aktivitet: gi risikoen en egen id",
                                    "{id} is an activity's id: give the risk an id of its own"),
    "hint.risk_id": ("f.eks. R1, R2, R3", "e.g. R1, R2, R3"),
    # navplan set --remaining, and the line saying what an edit changed.
    "help.option.remaining": (
        "Arbeid som pågår: det som gjenstår etter i dag, f.eks. 2w eller 1w..3w (for navplan risk)",
        "Work under way: what remains after today, e.g. 2w or 1w..3w (for navplan risk)"),
    "progress.name.remaining": ("gjenstår", "remaining"),
    "progress.name.probability": ("sannsynlighet", "probability"),
    # navplan handbook
    "handbook.probability": ("Skjer eller ikke (for navplan risk): sannsynligheten for at steget trengs",
                             "Happens or not (for navplan risk): the probability the step is needed"),
    "handbook.shared_cause": ("Felles årsak (for navplan risk): trekkes sammen med",
                              "Shared cause (for navplan risk): sampled with"),
    "handbook.shared_cause_line": ("{others}, rangkorrelasjon {rank}: {reason} ({id}) — {source}",
                                   "{others}, rank correlation {rank}: {reason} ({id}) — {source}"),
}
