"""The comments of a new plan file, as `navplan init` writes them: key → (bokmål, English)."""

from __future__ import annotations

PLAN_FILE_WORDS: dict[str, tuple[str, str]] = {
    "plan_file.header": (
        '# navplan-plan for {office}.\n'
        '# Bare det som er lokalt står her; aktivitetene og avhengighetene kommer fra\n'
        '# Håndbok for etablering av NAV-kontor (v2.0) og malen «{template}».\n'
        '# Datoer skrives dd.mm.yyyy eller yyyy-mm-dd. Se `navplan handbook` for aktivitetene\n'
        '# og `navplan schema` for alle feltene. Filen er laget for git: én blokk per aktivitet.\n',
        '# navplan plan for {office}.\n'
        '# Only what is local lives here; activities and dependencies come from the\n'
        '# Håndbok for etablering av NAV-kontor (v2.0) and the template "{template}".\n'
        '# Dates are written dd.mm.yyyy or yyyy-mm-dd. See `navplan handbook` for the activities\n'
        '# and `navplan schema` for every field. Made for git: one block per activity.\n',
    ),
    "plan_file.current_help": (
        '# Gjeldende lag {current}: lover, veiledere og anslag for et kontor som åpner i dag\n'
        '# (valg og budsjett, personvern, arkiv, NORG2, Digisos ...), lagt over håndboken fra\n'
        '# 2007, med kilde på hvert punkt (`navplan handbook`). Fjern linjen for håndboken alene.\n',
        '# Current layer {current}: laws, guides and estimates for an office opening today\n'
        '# (election and budget, privacy, archives, NORG2, Digisos ...), laid over the 2007\n'
        '# handbook, with a source on every item (`navplan handbook`). Remove the line for the handbook alone.\n',
    ),
    "plan_file.activities_help": (
        '# Én blokk per aktivitet i håndboken og malen, med tittelen som kommentar.\n'
        '# `navplan done`, `navplan start` og `navplan set` fyller dem ut; du kan også skrive\n'
        '# lokale endringer under id-en selv, eller legge til nye aktiviteter med tittel. Eksempel:\n'
        '#   - id: "3.2.2"              # Politisk behandling\n'
        '#     owner: Rådmannen\n'
        '#     fixed: 19.06.2019        # kommunestyremøtet som vedtar avtalen\n'
        '#     status: started\n'
        '#     actual_start: 01.03.2019\n'
        '# Blokkene står her fra starten av, så to som markerer hver sin aktivitet på hver\n'
        '# sin git-gren endrer hver sine linjer, og grenene flettes uten konflikt.\n',
        '# One block per activity of the handbook and the template, with its title as a comment.\n'
        '# `navplan done`, `navplan start` and `navplan set` fill them in; you can also write\n'
        '# local changes under the id yourself, or add new activities with a title. Example:\n'
        '#   - id: "3.2.2"              # Political processing\n'
        '#     owner: Chief municipal executive\n'
        '#     fixed: 19.06.2019        # the council meeting that adopts the agreement\n'
        '#     status: started\n'
        '#     actual_start: 01.03.2019\n'
        '# The blocks are here from the start, so two people who mark different activities on\n'
        '# different git branches change different lines, and the branches merge without conflict.\n',
    ),
}
