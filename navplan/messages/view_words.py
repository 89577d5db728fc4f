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
    "handbook.source.law": ("lov", "law"),
    "handbook.source.guide": ("veileder", "guide"),
    # Tab completion (--install-completion, --show-completion).
    "completion.installed": ("Installerte tab-fullføring for {shell} i {path}; den virker i nye terminaler.",
                             "Installed tab completion for {shell} in {path}; it works in new terminals."),
    "error.completion.unknown_shell": ("fant ikke ut hvilket skall dette er", "could not tell which shell this is"),
    "hint.completion.name_shell": ("oppgi skallet: {choices}", "name the shell: {choices}"),
    "error.completion.shell": ("navplan har ikke tab-fullføring for '{shell}'; den finnes for {choices}",
                               "navplan has no tab completion for '{shell}'; it has for {choices}"),
    "error.completion.install": ("kunne ikke installere tab-fullføring for {shell}: {reason}",
                                 "could not install tab completion for {shell}: {reason}"),
    # navplan validate with several plans (as a pre-commit hook gives them).
    "help.option.plans": ("Planfilene, eller mapper med navplan.yaml (standard: navplan.yaml her eller i nærmeste "
                          "mappe over)",
                          "The plan files, or folders holding navplan.yaml (default: navplan.yaml here or in the "
                          "nearest folder above)"),
    # Personal views (--role, --owner): whose activities a view shows.
    "view.audience": ("Viser bare aktivitetene til {who}.", "Showing only the activities of {who}."),
    "view.and": ("og", "and"),
    "view.none_critical": ("Ingen av disse aktivitetene er på den kritiske linjen.",
                           "None of these activities is on the critical path."),
}
