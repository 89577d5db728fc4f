"""Words of what people see that the other catalogues do not hold: durations in
words, the handbook index's sources, and personal views (--role, --owner)."""

VIEW_WORDS: dict[str, tuple[str, str]] = {
    # A duration of the plan (10d, 3w, 2m) as people say it; {amount:one|other} picks the plural.
    "duration.d": ("{amount} {amount:arbeidsdag|arbeidsdager}", "{amount} {amount:working day|working days}"),
    "duration.w": ("{amount} {amount:uke|uker}", "{amount} {amount:week|weeks}"),
    "duration.m": ("{amount} {amount:måned|måneder}", "{amount} {amount:month|months}"),
    # Where a duration in `navplan handbook`'s index comes from.
    "handbook.source.estimate": ("anslag", "estimate"),
    "handbook.source.page": ("s. {page}", "p. {page}"),
    "handbook.source.document": ("dok.", "doc."),
}
