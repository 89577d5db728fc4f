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
}
