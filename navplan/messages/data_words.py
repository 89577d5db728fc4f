"""The words of keeping people's data and history whole (issue 17): several ids in
one edit, ranges in `set`, the three-way workbook sync, `init --git` into a
repository, the shell-completion line, and the git habits of `diff`.
Key → (bokmål, English)."""

from __future__ import annotations

DATA_WORDS: dict[str, tuple[str, str]] = {
    # done / start with several ids.
    "progress.id_or_folder": ("'{value}' er både en aktivitets-id i planen og en mappe eller fil her",
                              "'{value}' is both an activity id of the plan and a folder or file here"),
    "progress.id_or_folder.hint": ("skriv {value}/ når det er planen, eller gi planen med --plan",
                                   "write {value}/ when it is the plan, or name the plan with --plan"),
    "help.option.activity_ids": ("Aktivitetens id (flere kan gis); til slutt planen (fil eller mappe), om den "
                                 "ikke gis med --plan",
                                 "The activity's id (several may be given); last, the plan (file or folder), unless "
                                 "given with --plan"),
    "help.option.plan_named": ("Planen (fil eller mappe); da er alle argumentene id-er",
                               "The plan (file or folder); every argument is then an id"),
    # set --duration with a range.
    "progress.range.handbook_likely": ("håndbokens varighet for {id}, {likely}, ligger utenfor {low}..{high}, og "
                                       "den er den sannsynlige verdien når intervallet ikke gir en",
                                       "the handbook's duration for {id}, {likely}, lies outside {low}..{high}, and "
                                       "it is the likely value when the range gives none"),
    "progress.range.plan_likely": ("planens varighet for {id}, {likely}, ligger utenfor {low}..{high}, og den er "
                                   "den sannsynlige verdien når intervallet ikke gir en",
                                   "the plan's duration for {id}, {likely}, lies outside {low}..{high}, and it is "
                                   "the likely value when the range gives none"),
    "progress.range.no_likely": ("{id} har ingen varighet som kan være den sannsynlige verdien i intervallet",
                                 "{id} has no duration to be the likely value of the range"),
    "progress.range.hint": ("gi den sannsynlige verdien selv: --duration {low}..SANNSYNLIG..{high}",
                            "give the likely value yourself: --duration {low}..LIKELY..{high}"),
    "progress.range_removed": ("spennet {range} er fjernet: en fast varighet trekkes ikke i navplan risk "
                               "(et spenn igjen: --duration {example})",
                               "the range {range} is removed: a fixed duration is not sampled by navplan risk "
                               "(a range again: --duration {example})"),
    "progress.range_example": ("LAV..{likely}..HØY", "LOW..{likely}..HIGH"),
    # diff HEAD~1
    "diff.revision_not_plan": ("'{name}' er ingen fil eller mappe, men en revisjon i git",
                               "'{name}' is no file or folder but a git revision"),
    "diff.revision_not_plan.hint": ("planen er argumentet og revisjonen et valg: {command}",
                                    "the plan is the argument and the revision an option: {command}"),
    # --install-completion
    "error.completion.home": ("HOME er '{home}', ikke en fullstendig sti til hjemmemappen; ingenting er skrevet",
                              "HOME is '{home}', not a full path to the home folder; nothing was written"),
    "hint.completion.home": ("sett HOME til hjemmemappen, f.eks. HOME=/home/kari, eller installer skriptet selv "
                             "med --show-completion",
                             "set HOME to the home folder, e.g. HOME=/home/kari, or install the script yourself "
                             "with --show-completion"),
    # init --git
    "help.option.init_yes": ("Med --git: committ også i et git-repository uten noen plan, uten å spørre",
                             "With --git: commit into a git repository that holds no plan too, without asking"),
    "init.git.ask": ("Planen blir committet som {path} i git-repositoryet {root}, som ikke har noen plan. "
                     "Fortsette?",
                     "The plan will be committed as {path} to the git repository {root}, which holds no plan. "
                     "Go on?"),
    "init.git.no_plans_here": ("planen ville blitt committet som {path} i git-repositoryet {root}, som ikke har "
                               "noen plan; ingenting er skrevet",
                               "the plan would be committed as {path} to the git repository {root}, which holds "
                               "no plan; nothing was written"),
    "init.git.no_plans_here.hint": ("gi --yes for å committe der likevel, eller lag planen utenfor repositoryet",
                                    "pass --yes to commit there all the same, or make the plan outside the "
                                    "repository"),
    "init.git.rolled_back": ("ingenting er skrevet: planen, og mapper og repository init laget, er fjernet igjen",
                             "nothing was written: the plan, and folders and a repository init made, are removed "
                             "again"),
    "init.declined": ("Ingenting er skrevet.", "Nothing was written."),
    # sync: three ways, with the workbook's record of the export
    "xlsx.record.note": ("Planen slik den var da arbeidsboken ble laget. navplan sync leser dette arket for å se "
                         "hva som er endret i arbeidsboken og hva i planen; ikke endre det.",
                         "The plan as it was when the workbook was made. navplan sync reads this sheet to tell "
                         "what changed in the workbook from what changed in the plan; do not edit it."),
    "sync.conflict": ("konflikt for {id} {field_name}: planen sier {plan}, arbeidsboken sier {workbook} (begge er "
                      "endret siden eksporten, da sto det {exported})",
                      "conflict for {id} {field_name}: the plan says {plan}, the workbook says {workbook} (both "
                      "changed since the export, which said {exported})"),
    "sync.conflicts.nothing_written": (
        "Ingenting er skrevet: {count} {count:konflikt|konflikter}. Skriv planens verdi i cellen, eller endre "
        "planen med navplan done, start eller set, og kjør sync igjen.",
        "Nothing was written: {count} {count:conflict|conflicts}. Type the plan's value into the cell, or change "
        "the plan with navplan done, start or set, and run sync again."),
    "sync.no_record": ("{workbook} har ingen kopi av planen fra da den ble laget (en eldre navplan laget den): "
                       "arbeidsboken gjelder for status og faktiske datoer, også der planen er endret siden. "
                       "Eksporter en ny arbeidsbok for å flette.",
                       "{workbook} holds no copy of the plan from when it was made (an older navplan made it): "
                       "the workbook wins for status and actual dates, also where the plan changed since. "
                       "Export a new workbook to merge."),
    "sync.record.hint": ("arket {sheet} er navplans kopi av planen fra eksporten: eksporter arbeidsboken på nytt, "
                         "eller slett arket for å synkronisere uten (da gjelder arbeidsboken)",
                         "the sheet {sheet} is navplan's copy of the plan from the export: export the workbook "
                         "again, or delete the sheet to sync without it (the workbook then wins)"),
    "sync.record.format": ("navplans kopi av planen har et format denne navplan ikke kjenner ({value})",
                           "navplan's copy of the plan has a format this navplan does not know ({value})"),
    "sync.record.no_header": ("navplans kopi av planen har ingen rad som begynner med id",
                              "navplan's copy of the plan has no row starting with id"),
    "sync.record.duplicate": ("{id} står to ganger i navplans kopi av planen",
                              "{id} is there twice in navplan's copy of the plan"),
    "sync.record.bad_status": ("'{value}' er ikke en status i navplans kopi av planen",
                               "'{value}' is not a status in navplan's copy of the plan"),
    "sync.record.bad_date": ("'{value}' er ikke en dato i navplans kopi av planen",
                             "'{value}' is not a date in navplan's copy of the plan"),
}
