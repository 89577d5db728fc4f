"""The words of `navplan --help` and of every command's help: key → (bokmål, English).

Each command has a one-line summary (``.short``), a description and an
example; each option and argument a line of help. The help is shown in the
language of ``--lang``, or of ``NAVPLAN_LANG``, bokmål by default.
"""

from __future__ import annotations

HELP_WORDS: dict[str, tuple[str, str]] = {
    # How help is laid out.
    "help.usage": ("Bruk:", "Usage:"),
    "help.arguments": ("Argumenter", "Arguments"),
    "help.options": ("Valg", "Options"),
    "help.commands": ("Kommandoer", "Commands"),
    "help.examples": ("Eksempel", "Example"),
    "help.required": ("påkrevd", "required"),
    "help.metavar.options": ("[VALG]", "[OPTIONS]"),
    "help.metavar.command": ("KOMMANDO [ARGUMENTER]...", "COMMAND [ARGS]..."),
    # The program and its global options.
    "help.navplan": (
        "Nedtellingsplan for etablering av NAV-kontor, bygd på NAVs etableringshåndbok (v2.0, 2007). "
        "Oppgi åpningsdatoen; navplan legger håndbokens aktiviteter bakover fra den og viser kritisk linje, "
        "slakk, hva som må starte nå og nedtellingskalenderen.",
        "Countdown planner for establishing or merging NAV offices, built on NAV's establishment handbook "
        "(v2.0, 2007). Name the opening date; navplan lays the handbook's activities backwards from it and "
        "shows the critical path, slack, what must start now and the countdown calendar."),
    "help.navplan.example": ("navplan init kontor/ --office \"NAV Fjordby\" --opening 03.01.2028\n"
                             "navplan critical-path kontor/",
                             "navplan init office/ --office \"NAV Fjordby\" --opening 03.01.2028\n"
                             "navplan critical-path office/"),
    "help.option.version": ("Vis navplans versjon og avslutt", "Show navplan's version and exit"),
    "help.option.help": ("Vis denne hjelpen og avslutt", "Show this help and exit"),
    "help.option.install_completion": ("Installer tab-fullføring for skallet ditt",
                                       "Install tab completion for your shell"),
    "help.option.show_completion": ("Vis skriptet for tab-fullføring, for å installere det selv",
                                    "Show the tab completion script, to install it yourself"),
    # Options shared by many commands.
    "help.option.plan": ("Planfilen, eller en mappe med navplan.yaml (standard: navplan.yaml her eller i "
                         "nærmeste mappe over)",
                         "The plan file, or a folder holding navplan.yaml (default: navplan.yaml here or in the "
                         "nearest folder above)"),
    "help.option.lang": ("Språk: nb (bokmål, standard) eller en (engelsk)",
                         "Language: nb (bokmål, the default) or en (English)"),
    "help.option.format": ("table for folk (standard); json eller csv for maskiner",
                           "table for people (default); json or csv for machines"),
    "help.option.as_of": ("Beregn per denne datoen (dd.mm.åååå eller åååå-mm-dd); standard i dag",
                          "Compute as of this date (dd.mm.yyyy or yyyy-mm-dd); default today"),
    "help.option.weeks": ("Hvor mange uker fram som vises under «må starte» (0–52, standard 4)",
                          "How many weeks ahead to list what must start (0-52, default 4)"),
    "help.option.force": ("Erstatt en fil som finnes", "Replace an existing file"),
    "help.option.output_file": ("Filen som skrives", "The file to write"),
    "help.option.output_workbook": ("Arbeidsboken som skrives med --format xlsx",
                                    "The workbook to write with --format xlsx"),
    "help.option.by": ("Én rad eller kolonne per ISO-uke (week, standard) eller per måned (month)",
                       "One row or column per ISO week (week, the default) or per month"),
    "help.option.activity_id": ("En aktivitets-id, f.eks. 7.4", "An activity id, e.g. 7.4"),
    "help.option.role": ("Bare denne rollens aktiviteter, ved id eller tittel (kan gjentas)",
                         "Only this role's activities, by id or title (repeatable)"),
    "help.option.owner": ("Bare denne eierens aktiviteter, navnet slik planen skriver det (kan gjentas)",
                          "Only this owner's activities, the name as the plan writes it (repeatable)"),
    # critical-path
    "help.critical_path.short": ("Kritisk linje, slakk, hva som må starte, og om åpningsdatoen holder",
                                 "Critical path, slack, what must start, and whether the opening holds"),
    "help.critical_path": ("Om åpningsdatoen holder, den kritiske linjen med seneste start, seneste ferdig og "
                           "slakk i arbeidsdager, og hva som må starte de nærmeste ukene.",
                           "Whether the opening date holds, the critical path with latest start, latest finish "
                           "and slack in working days, and what must start in the next weeks."),
    "help.critical_path.example": ("navplan critical-path kontor/ --as-of 10.12.2018",
                                   "navplan critical-path office/ --as-of 10.12.2018"),
    "help.option.check": ("Avslutt med kode 1 når åpningsdatoen eller en annen fast dato ikke holder",
                          "Exit 1 when the opening date or another fixed date does not hold"),
    # calendar
    "help.calendar.short": ("Nedtellingskalenderen: uker eller måneder til åpning",
                            "The countdown calendar: weeks or months to the opening"),
    "help.calendar": ("Nedtellingskalenderen: én rad per ISO-uke eller måned fram til åpningen, med T-minus "
                      "og hva som må starte og være ferdig i hver.",
                      "The countdown calendar: one row per ISO week or month up to the opening, with the "
                      "T-minus count and what must start and finish in each."),
    "help.calendar.example": ("navplan calendar kontor/ --by month", "navplan calendar office/ --by month"),
    # validate
    "help.validate.short": ("Sjekk planfiler", "Check plan files"),
    "help.validate": ("Sjekk planfiler: felt, datoer, aktivitets-id-er og avhengigheter som går i ring. Med "
                      "flere planer får hver sin linje, og koden er 2 om noen av dem har feil. En fylkesfil "
                      "(fylke.yaml) sjekkes også: ressursene, periodene og aktivitetene og planene den nevner.",
                      "Check plan files: fields, dates, activity ids and dependency cycles. With several plans, "
                      "each gets its line, and the exit code is 2 if any of them is wrong. A county file "
                      "(fylke.yaml) is checked too: its resources, periods, and the activities and plans it names."),
    "help.validate.example": ("navplan validate kontor/", "navplan validate office/"),
    # init
    "help.init.short": ("Start en ny plan for et kontor", "Start a new plan for an office"),
    "help.init": ("Skriv en ny navplan.yaml fra en mal. En plan som finnes, erstattes bare med --force.",
                  "Write a new navplan.yaml from a template. An existing plan is only replaced with --force."),
    "help.init.example": ("navplan init kontor/ --office \"NAV Fjordby\" --opening 03.01.2028 -m Fjordby --git",
                          "navplan init office/ --office \"NAV Fjordby\" --opening 03.01.2028 -m Fjordby --git"),
    "help.option.directory": ("Mappen for den nye navplan.yaml (lages om den mangler; standard: her)",
                              "Folder for the new navplan.yaml (created if missing; default: here)"),
    "help.option.office": ("Kontorets navn, f.eks. «NAV Indre Østfold»", "The office's name, e.g. 'NAV Indre Østfold'"),
    "help.option.opening": ("Åpningsdatoen, dd.mm.åååå eller åååå-mm-dd", "The opening date, dd.mm.yyyy or yyyy-mm-dd"),
    "help.option.template": ("new: et nytt kontor (standard); merger: flere kontorer slås sammen; split: en kommune "
                             "deles og kontoret etableres på nytt",
                             "new: a new office (default); merger: several offices become one; split: a municipality "
                             "is divided and its office established again"),
    "help.option.municipality": ("En kommune kontoret betjener (kan gjentas)", "A municipality served (repeatable)"),
    "help.option.start": ("Planstart: ingenting planlegges før denne datoen", "Plan start: nothing is scheduled before it"),
    "help.option.git": ("Legg planen i git: et nytt repository om det ikke finnes, og en første commit",
                        "Keep the plan in git: a new repository if there is none, and a first commit"),
    # handbook
    "help.handbook.short": ("Håndbokens aktiviteter, kilder og oppstartskriterier",
                            "The handbook's activities, sources and opening criteria"),
    "help.handbook": ("Håndbokens aktiviteter; med en ID formålet, anbefalt tilstand, refererte dokumenter og "
                      "kildene til varighet og avhengigheter.",
                      "The handbook's activities; with an ID its purpose, recommended end state, referenced "
                      "documents and the sources of its duration and dependencies."),
    "help.handbook.example": ("navplan handbook 7.4", "navplan handbook 7.4 --lang en"),
    "help.option.handbook_template": ("Ta med denne malens aktiviteter (standard: merger)",
                                      "Include this template's activities (default: merger)"),
    "help.option.handbook_only": ("Bare håndboken fra 2007 og malen, uten det gjeldende laget nye planer bruker",
                                  "Only the 2007 handbook and the template, without the current layer new plans use"),
    # schema
    "help.schema.short": ("JSON Schema for planfilen og navplans JSON-utdata",
                          "JSON Schema of the plan file and navplan's JSON output"),
    "help.schema": ("JSON Schema for planfilen (standard), for fylkesfilen, eller for JSON-dokumentet en kommando "
                    "skriver.",
                    "The JSON Schema of the plan file (default), of the county file, or of the JSON document a "
                    "command writes."),
    "help.schema.example": ("navplan schema > navplan.schema.json", "navplan schema > navplan.schema.json"),
    "help.option.schema_document": ("plan (standard), schedule, diff, portfolio, risk eller county (fylkesfilen)",
                                    "plan (default), schedule, diff, portfolio, risk or county (the county file)"),
    # done, start, set
    "help.done.short": ("Marker en aktivitet ferdig", "Mark an activity done"),
    "help.done": ("Marker en aktivitet ferdig: status ferdig, faktisk ferdig på --on (standard i dag). "
                  "En faktisk start som står i planen, beholdes; ingen blir diktet opp.",
                  "Mark an activity done: status done, actual finish on --on (default today). An actual start "
                  "already in the plan is kept; none is made up."),
    "help.done.example": ("navplan done 2.1 kontor/ --on 01.03.2027", "navplan done 2.1 office/ --on 01.03.2027"),
    "help.start.short": ("Marker en aktivitet påbegynt", "Mark an activity started"),
    "help.start": ("Marker en aktivitet påbegynt: status pågår, faktisk start på --on (standard i dag).",
                   "Mark an activity started: status started, actual start on --on (default today)."),
    "help.start.example": ("navplan start 4.1 kontor/ --on 07.01.2027", "navplan start 4.1 office/ --on 07.01.2027"),
    "help.option.on": ("Når det skjedde (dd.mm.åååå eller åååå-mm-dd); standard i dag",
                       "When it happened (dd.mm.yyyy or yyyy-mm-dd); default today"),
    "help.set.short": ("Endre en aktivitets lokale felt", "Change an activity's local fields"),
    "help.set": ("Endre en aktivitets lokale felt: eier, rolle, varighet, datoer, notater, status. "
                 "--clear FELT fjerner et felt, så håndbokens verdi gjelder igjen.",
                 "Change an activity's local fields: owner, role, duration, dates, notes, status. --clear FIELD "
                 "removes a field, so the handbook's value applies again."),
    "help.set.example": ("navplan set 7.4 kontor/ --owner \"Kari Nordmann\" --duration 6w --not-after 21.06.2027",
                         "navplan set 7.4 office/ --owner \"Kari Nordmann\" --duration 6w --not-after 21.06.2027"),
    "help.option.set_owner": ("Hvem som gjør det", "Who does it"),
    "help.option.set_role": ("Ansvarlig rolle, ved id eller tittel (se `navplan handbook`)",
                             "The responsible role, by id or title (see `navplan handbook`)"),
    "help.option.duration": ("Varighet: 10d arbeidsdager, 3w uker, 2m måneder",
                             "Duration: 10d working days, 3w weeks, 2m months"),
    "help.option.not_before": ("Start tidligst denne datoen", "Start no earlier than this date"),
    "help.option.not_after": ("Ferdig senest denne datoen", "Finish no later than this date"),
    "help.option.fixed": ("En milepæl skjer denne datoen; en oppgave starter den",
                          "A milestone happens on this date; a task starts on it"),
    "help.option.notes": ("Et notat", "A note"),
    "help.option.status": ("ikke startet, pågår eller ferdig (eller not_started, started, done)",
                           "not started, started or done (or ikke startet, pågår, ferdig)"),
    "help.option.clear": ("Fjern dette feltet fra aktivitetens blokk (kan gjentas)",
                          "Remove this field from the activity's block (repeatable)"),
    # export
    "help.export.short": ("Skriv planen til en fil: arbeidsbok, kalender, MS Project, CSV eller JSON",
                          "Write the plan to a file: workbook, calendar, MS Project, CSV or JSON"),
    "help.export": ("Skriv planen til en fil: nedtellingsarbeidsboken, en kalender med frister, MS Project-XML, "
                    "CSV eller JSON. Filen skrives hel eller ikke i det hele tatt.",
                    "Write the plan to a file: the countdown workbook, a calendar of deadlines, MS Project XML, "
                    "CSV or JSON. The file is written whole or not at all."),
    "help.export.example": ("navplan export xlsx kontor/ -o kontor.xlsx", "navplan export xlsx office/ -o office.xlsx"),
    "help.export_xlsx.short": ("Nedtellingsarbeidsboken for styringsgruppen", "The countdown workbook for the steering group"),
    "help.export_xlsx": ("Nedtellingsarbeidsboken: Gantt-kalender, kritisk linje, oppstartskriterier og roller.",
                         "The countdown workbook: Gantt calendar, critical path, opening criteria and roles."),
    "help.export_xlsx.example": ("navplan export xlsx kontor/ -o kontor.xlsx --by month",
                                 "navplan export xlsx office/ -o office.xlsx --by month"),
    "help.export_ics.short": ("Fristene som kalender (iCalendar)", "The deadlines as a calendar (iCalendar)"),
    "help.export_ics": ("En kalender (iCalendar): åpningen, hver åpen oppgaves frist og hver milepæl, med "
                        "påminnelser.",
                        "A calendar (iCalendar): the opening, each open task's deadline and each milestone, with "
                        "reminders."),
    "help.export_ics.example": ("navplan export ics kontor/ --role prosjektleder -o frister.ics",
                                "navplan export ics office/ --role prosjektleder -o deadlines.ics"),
    "help.option.starts": ("Også en hendelse på hver oppgaves seneste start", "Also an event on each task's latest start"),
    "help.export_csv.short": ("Én rad per aktivitet, som CSV", "One row per activity, as CSV"),
    "help.export_csv": ("Én rad per aktivitet, slik `critical-path --format csv` skriver; trygt å åpne i et "
                        "regneark.",
                        "One row per activity, as `critical-path --format csv` prints; safe to open in a "
                        "spreadsheet."),
    "help.export_csv.example": ("navplan export csv kontor/ -o kontor.csv", "navplan export csv office/ -o office.csv"),
    "help.export_json.short": ("Planen som JSON-dokument", "The plan as a JSON document"),
    "help.export_json": ("Dokumentet `critical-path --format json` skriver (skjema: `navplan schema schedule`).",
                         "The document `critical-path --format json` prints (schema: `navplan schema schedule`)."),
    "help.export_json.example": ("navplan export json kontor/ -o kontor.json",
                                 "navplan export json office/ -o office.json"),
    "help.export_mspdi.short": ("Planen for MS Project, ProjectLibre eller GanttProject",
                                "The plan for MS Project, ProjectLibre or GanttProject"),
    "help.export_mspdi": ("Microsoft Project-XML (MSPDI) for MS Project, ProjectLibre eller GanttProject, planlagt "
                          "bakover fra åpningen.",
                          "Microsoft Project XML (MSPDI) for MS Project, ProjectLibre or GanttProject, scheduled "
                          "back from the opening."),
    "help.export_mspdi.example": ("navplan export mspdi kontor/ -o kontor.xml",
                                  "navplan export mspdi office/ -o office.xml"),
    # sync
    "help.sync.short": ("Les status og faktiske datoer fra arbeidsboken inn i planen",
                        "Read status and actual dates from the workbook into the plan"),
    "help.sync": ("Les status og faktiske datoer som er markert i arbeidsboken, tilbake til planfilen. Viser hva "
                  "som endres; skriver bare med --yes, eller når du svarer ja i en terminal.",
                  "Read status and actual dates marked in the workbook back into the plan file. Shows what would "
                  "change; writes only with --yes, or when you answer yes at a terminal."),
    "help.sync.example": ("navplan sync nedtelling.xlsx kontor/", "navplan sync countdown.xlsx office/"),
    "help.option.workbook": ("En arbeidsbok fra `navplan export xlsx` eller `export ods`",
                             "A workbook from `navplan export xlsx` or `export ods`"),
    "help.option.yes": ("Skriv endringene uten å spørre", "Write the changes without asking"),
    # diff, report
    "help.diff.short": ("Hva som har flyttet seg siden en git-revisjon", "What moved since a git revision"),
    "help.diff": ("Hva som har flyttet seg siden en git-revisjon: datoer, aktiviteter lagt til og tatt ut, status, "
                  "kritisk linje og slakk.",
                  "What moved since a git revision: dates, added and dropped activities, status, critical path "
                  "and slack."),
    "help.diff.example": ("navplan diff kontor/ --revision HEAD~3", "navplan diff office/ --revision HEAD~3"),
    "help.option.revision": ("En commit, tag eller gren (standard: siste commit som endret planen)",
                             "A commit, tag or branch (default: the last commit that touched the plan)"),
    "help.option.since_date": ("Sammenlign med siste commit av planen til og med denne datoen",
                               "Compare with the last commit touching the plan on or before this date"),
    "help.report.short": ("Én side til styringsgruppen", "One page for the steering group"),
    "help.report": ("Én side til styringsgruppen: åpningen, kriteriene, kritisk linje, endringer, hva som må "
                    "starte og beslutninger.",
                    "One page for the steering group: the opening, criteria, critical path, changes, what must "
                    "start and decisions."),
    "help.report.example": ("navplan report kontor/ -o møte.html", "navplan report office/ -o meeting.html"),
    "help.option.report_file": ("FIL.md (Markdown) eller FIL.html (skrives ut på A4)",
                                "FILE.md (Markdown) or FILE.html (prints on A4)"),
    "help.option.since": ("Forrige møtes revisjon eller dato (standard: siste commit som endret planen)",
                          "The last meeting's revision or date (default: the last commit that touched the plan)"),
    # portfolio
    "help.portfolio.short": ("Alle kontorene på én linje hver, sortert etter risiko",
                             "Every office on one line, sorted by risk"),
    "help.portfolio": ("Alle kontorene på én linje hver, sortert etter risiko: åpning, om den holder, slakk, "
                       "kritisk aktivitet, forsinkede og neste frist. Avslutter med kode 2 (etter hele listen) om en "
                       "plan ikke kunne leses. En fylkesfil (fylke.yaml) i en mappe som er oppgitt, eller --county, "
                       "gir fylkets navn og språk; --since viser hva som har flyttet seg i hvert kontor siden da.",
                       "Every office on one line, sorted by risk: opening, whether it holds, slack, critical "
                       "activity, overdue count and next deadline. Exits 2 (after the whole list) if a plan could "
                       "not be read. A county file (fylke.yaml) in a folder given, or --county, gives the county's "
                       "name and language; --since shows what moved in each office since then."),
    "help.portfolio.example": ("navplan portfolio fylket/", "navplan portfolio county/"),
    "help.option.paths": ("Planfiler, eller mapper som søkes gjennom (med undermapper) etter navplan.yaml",
                          "Plan files, or folders searched (with their subfolders) for navplan.yaml"),
}
