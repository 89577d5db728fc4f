"""User-facing words: bokmål by default, English with ``--lang en``."""

from __future__ import annotations

import datetime as dt

LANGUAGES = ("nb", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (bokmål, English)
    "critical_path.title": ("{office}: kritisk linje per {as_of}", "{office}: critical path as of {as_of}"),
    "opening": ("Åpning {date} ({week}), {days} arbeidsdager igjen", "Opening {date} ({week}), {days} working days left"),
    "opening.past": ("Åpning {date} ({week}) er passert", "Opening {date} ({week}) has passed"),
    "holds": ("Åpningsdatoen holder: {slack} arbeidsdager slakk på den kritiske linjen.",
              "The opening date holds: {slack} working days of slack on the critical path."),
    "holds.tight": ("Åpningsdatoen holder, men uten slakk: hver forsinkelse på den kritiske linjen flytter åpningen.",
                    "The opening date holds, with no slack: any delay on the critical path moves the opening."),
    "fails": ("Åpningsdatoen holder ikke: det mangler {days} arbeidsdager (tidligst mulig åpning {forecast}).",
              "The opening date cannot be reached: {days} working days are missing (earliest possible opening {forecast})."),
    "fails.chain": ("Kjeden som forsinker: {chain}", "The chain that causes it: {chain}"),
    "missed.fixed": ("{id} {title}: den faste datoen {date} kan ikke holdes, mangler {days} arbeidsdager.",
                     "{id} {title}: the fixed date {date} cannot be held, {days} working days are missing."),
    "missed.not_after": ("{id} {title}: blir ikke ferdig innen {date}, mangler {days} arbeidsdager.",
                         "{id} {title}: will not finish by {date}, {days} working days are missing."),
    "note.opening_not_working_day": (
        "Åpningsdatoen {date} er ikke en arbeidsdag ({reason}); alt må være ferdig innen {last_day}.",
        "The opening date {date} is not a working day ({reason}); everything must finish by {last_day}."),
    "section.critical": ("Kritisk linje", "Critical path"),
    "section.must_start": ("Må starte innen {weeks} uker (til og med {until})", "Must start within {weeks} weeks (up to {until})"),
    "section.must_start.none": ("Ingenting må starte de neste {weeks} ukene.", "Nothing must start in the next {weeks} weeks."),
    "section.overdue": ("Forsinket: skulle vært startet", "Overdue: should have started"),
    "section.calendar": ("Nedtellingskalender for {office}, åpning {date}", "Countdown calendar for {office}, opening {date}"),
    "col.id": ("ID", "ID"),
    "col.activity": ("Aktivitet", "Activity"),
    "col.role": ("Ansvarlig", "Responsible"),
    "col.owner": ("Eier", "Owner"),
    "col.start_by": ("Start senest", "Start by"),
    "col.finish_by": ("Ferdig senest", "Finish by"),
    "col.earliest_start": ("Tidligst start", "Earliest start"),
    "col.earliest_finish": ("Tidligst ferdig", "Earliest finish"),
    "col.slack": ("Slakk", "Slack"),
    "col.status": ("Status", "Status"),
    "col.week": ("Uke", "Week"),
    "col.month": ("Måned", "Month"),
    "col.period": ("Periode", "Period"),
    "col.countdown": ("Nedtelling", "Countdown"),
    "col.starts": ("Må starte", "Must start"),
    "col.finishes": ("Må være ferdig", "Must finish"),
    "col.duration": ("Varighet", "Duration"),
    "col.source": ("Kilde", "Source"),
    "status.not_started": ("ikke startet", "not started"),
    "status.started": ("pågår", "started"),
    "status.done": ("ferdig", "done"),
    "week": ("uke {week}", "week {week}"),
    "legend.critical": ("◆ = på kritisk linje", "◆ = on the critical path"),
    "opening.milestone": ("ÅPNING", "OPENING"),
    "validate.ok": ("{file} er gyldig: {activities} aktiviteter, åpning {date} ({template}).",
                    "{file} is valid: {activities} activities, opening {date} ({template})."),
    "init.written": ("Skrev {file} for {office} (åpning {date}, mal {template}).",
                     "Wrote {file} for {office} (opening {date}, template {template})."),
    "init.next": ("Neste steg: navplan critical-path {file}", "Next: navplan critical-path {file}"),
    "init.git": ("Opprettet git-repository med første commit i {dir}.", "Created a git repository with a first commit in {dir}."),
    # navplan sync: progress read back from the workbook.
    "sync.header": ("Endringer fra {workbook} til {plan}:", "Changes from {workbook} to {plan}:"),
    "sync.line": ("{id} {title}: {changes}", "{id} {title}: {changes}"),
    "sync.field.status": ("status {old} → {new}", "status {old} → {new}"),
    "sync.field.actual_start": ("faktisk start {old} → {new}", "actual start {old} → {new}"),
    "sync.field.actual_finish": ("faktisk ferdig {old} → {new}", "actual finish {old} → {new}"),
    "sync.empty": ("–", "–"),
    "sync.nothing": ("Ingenting å endre: {plan} sier det samme som {workbook}.",
                     "Nothing to change: {plan} says what {workbook} says."),
    "sync.dry_run": ("Ingenting er skrevet. Skriv endringene med: navplan sync {workbook} {plan} --yes",
                     "Nothing was written. To write the changes: navplan sync {workbook} {plan} --yes"),
    "sync.confirm": ("Skrive endringene til {plan}?", "Write the changes to {plan}?"),
    "sync.declined": ("Ingenting er skrevet.", "Nothing was written."),
    "sync.written": ("Skrev {plan} (endrede aktiviteter: {count}).", "Wrote {plan} (activities changed: {count})."),
    "edit.changed_meanwhile": ("ble endret mens navplan arbeidet; ingenting er skrevet (kjør kommandoen igjen)",
                               "changed while navplan was working; nothing was written (run the command again)"),
    "sync.not_applied": ("intern feil: {id} {field} ble ikke skrevet slik arbeidsboken sier; ingenting er skrevet",
                         "internal error: {id} {field} was not written as the workbook says; nothing was written"),
    "sync.no_workbook": ("fant ikke filen", "file not found"),
    "sync.not_a_workbook": ("er ikke en Excel-arbeidsbok (.xlsx)", "is not an Excel workbook (.xlsx)"),
    "sync.no_header": ("fant ingen overskriftsrad (en rad der kolonne A sier ID); lag arbeidsboken med "
                       "navplan export xlsx",
                       "no header row (a row whose column A says ID); make the workbook with navplan export xlsx"),
    "sync.no_status_column": ("overskriftsraden har ingen kolonne {header}", "the header row has no {header} column"),
    "sync.unknown_id": ("'{id}' er ikke en aktivitet i planen", "'{id}' is not an activity in the plan"),
    "sync.dropped": ("{id} er tatt ut av planen (drop)", "{id} is dropped from the plan (drop)"),
    "sync.duplicate_id": ("{id} står også på rad {row}", "{id} is also on row {row}"),
    "sync.empty_status": ("statusen er tom; skriv {words}", "the status is empty; write {words}"),
    "sync.bad_status": ("'{value}' er ikke en status ({words})", "'{value}' is not a status ({words})"),
    "sync.bad_date": ("'{value}' er ikke en dato; skriv dd.mm.åååå", "'{value}' is not a date; write dd.mm.yyyy"),
    "sync.finish_not_done": ("faktisk ferdig {date}, men statusen er {status}: sett status {done} eller fjern datoen",
                             "actual finish {date}, but the status is {status}: set the status to {done} "
                             "or clear the date"),
    "sync.start_not_started": ("faktisk start {date}, men statusen er {status}: sett en annen status eller fjern "
                               "datoen",
                               "actual start {date}, but the status is {status}: change the status or clear the "
                               "date"),
    "sync.finish_before_start": ("faktisk ferdig {finish} er før faktisk start {start}",
                                 "actual finish {finish} is before actual start {start}"),
    # navplan done, start, set: progress and local changes written into the plan file.
    "progress.written": ("{plan}: {id} {title}: {changes}", "{plan}: {id} {title}: {changes}"),
    "progress.unchanged": ("Ingenting å endre: {plan} sier allerede dette om {id} {title}.",
                           "Nothing to change: {plan} already says this about {id} {title}."),
    "progress.change": ("{name} {old} → {new}", "{name} {old} → {new}"),
    "progress.empty": ("–", "–"),
    "progress.not_written": ("ingenting er skrevet", "nothing was written"),
    "progress.name.title": ("tittel", "title"),
    "progress.name.parent": ("hovedaktivitet", "parent"),
    "progress.name.milestone": ("milepæl", "milestone"),
    "progress.name.duration": ("varighet", "duration"),
    "progress.name.after": ("avhenger av", "after"),
    "progress.name.fixed": ("fast dato", "fixed date"),
    "progress.name.not_before": ("tidligst start", "not before"),
    "progress.name.not_after": ("senest ferdig", "not after"),
    "progress.name.role": ("ansvarlig", "role"),
    "progress.name.owner": ("eier", "owner"),
    "progress.name.status": ("status", "status"),
    "progress.name.actual_start": ("faktisk start", "actual start"),
    "progress.name.actual_finish": ("faktisk ferdig", "actual finish"),
    "progress.name.notes": ("notater", "notes"),
    "progress.unknown_id": ("ukjent aktivitets-id '{id}'", "unknown activity id '{id}'"),
    "progress.did_you_mean": ("mente du '{guess}'?", "did you mean '{guess}'?"),
    "progress.see_handbook": ("se `navplan handbook` for id-ene", "see `navplan handbook` for the ids"),
    "progress.opening": ("åpningen er planens åpningsdato; endre den i opening: i planfilen",
                         "the opening is the plan's opening date; change it in opening: in the plan file"),
    "progress.summary": ("{id} {title} er en hovedaktivitet: statusen kommer fra underaktivitetene",
                         "{id} {title} is a summary: its status comes from its sub-activities"),
    "progress.summary.dates": ("{id} {title} er en hovedaktivitet: datoene kommer fra underaktivitetene",
                               "{id} {title} is a summary: its dates come from its sub-activities"),
    "progress.summary.hint": ("marker underaktivitetene: {children}", "mark its sub-activities: {children}"),
    "progress.summary.dates.hint": ("sett varigheten på underaktivitetene: {children}",
                                    "set the duration of its sub-activities: {children}"),
    "progress.future": ("{date} er etter i dag ({today}): før inn fremdrift når den har skjedd",
                        "{date} is after today ({today}): record progress once it has happened"),
    "progress.before_start": ("{date} er før faktisk start {start}", "{date} is before the actual start {start}"),
    "progress.before_start.hint": ("rett starten med navplan start {id} --on DATO",
                                   "correct the start with navplan start {id} --on DATE"),
    "progress.already_done": ("{id} {title} er allerede ferdig ({date})", "{id} {title} is already done ({date})"),
    "progress.already_done.hint": ("for å åpne den igjen: navplan set {id} --status started",
                                   "to reopen it: navplan set {id} --status started"),
    "progress.nothing_to_set": ("ingenting å endre", "nothing to change"),
    "progress.nothing_to_set.hint": ("gi minst ett av --owner, --role, --duration, --not-before, --not-after, "
                                     "--fixed, --notes, --status, --clear",
                                     "give at least one of --owner, --role, --duration, --not-before, --not-after, "
                                     "--fixed, --notes, --status, --clear"),
    "progress.empty_value": ("{option} kan ikke være tom; bruk --clear {field} for å fjerne feltet",
                             "{option} cannot be empty; use --clear {field} to remove the field"),
    "progress.set_and_clear": ("{field} kan ikke både settes og fjernes", "{field} cannot be both set and cleared"),
    "progress.bad_field": ("'{value}' er ikke et felt i en aktivitetsblokk",
                           "'{value}' is not a field of an activity block"),
    "progress.fields": ("feltene er {fields}", "the fields are {fields}"),
    "progress.unknown_role": ("ukjent rolle '{role}'", "unknown role '{role}'"),
    "progress.roles": ("rollene er {roles}", "the roles are {roles}"),
    "progress.bad_date": ("'{value}' er ikke en dato; skriv dd.mm.åååå eller åååå-mm-dd",
                          "'{value}' is not a date; write dd.mm.yyyy or yyyy-mm-dd"),
    "progress.bad_duration": ("'{value}' er ikke en varighet; skriv et helt tall og d (arbeidsdager), w (uker) "
                              "eller m (måneder), f.eks. 10d, 3w, 2m",
                              "'{value}' is not a duration; write a whole number and d (working days), w (weeks) "
                              "or m (months), e.g. 10d, 3w, 2m"),
    "handbook.purpose": ("Hensikt", "Purpose"),
    "handbook.end_state": ("Anbefalt tilstand ved gjennomført aktivitet", "Recommended state when done"),
    "handbook.references": ("Refererte dokumenter", "Referenced documents"),
    "handbook.depends": ("Avhenger av", "Depends on"),
    "handbook.duration": ("Varighet", "Duration"),
    "handbook.page": ("side {page}", "page {page}"),
    "handbook.not_in_source": ("Innholdet i dette kapitlet finnes ikke i kilden; bare tittelen.",
                               "This chapter's content is not in the source; only its title."),
    "handbook.estimate": ("anslag: {reason}", "estimate: {reason}"),
    "handbook.origin.navplan": ("Lagt til av navplan, ikke en aktivitet i håndboken.",
                                "Added by navplan, not an activity of the handbook."),
    "handbook.origin.merger": ("Lagt til i sammenslåingsmalen, ikke en aktivitet i håndboken.",
                               "Added by the merger template, not an activity of the handbook."),
    "handbook.criteria": ("Oppstartskriterier (s. 10), * = lovpålagt", "Opening criteria (p. 10), * = statutory"),
    "error.prefix": ("feil", "error"),
    # The workbook (navplan export xlsx); sheet names and column A-J headers are the layout contract.
    "sheet.countdown": ("Nedtellingskalender", "Countdown"),
    "sheet.critical": ("Kritisk linje", "Critical path"),
    "sheet.criteria": ("Oppstartskriterier", "Opening criteria"),
    "sheet.roles": ("Roller", "Roles"),
    "sheet.about": ("Om planen", "About the plan"),
    "col.actual_start": ("Faktisk start", "Actual start"),
    "col.actual_finish": ("Faktisk ferdig", "Actual finish"),
    "col.number": ("Nr.", "No."),
    "col.criterion": ("Kriterium", "Criterion"),
    "col.statutory": ("Lovpålagt", "Statutory"),
    "col.activities": ("Aktiviteter", "Activities"),
    "col.all_done": ("Alle ferdig", "All done"),
    "col.done_count": ("Ferdige", "Done"),
    "col.role_title": ("Rolle", "Role"),
    "col.function": ("Funksjon", "Function"),
    "col.employer": ("Arbeidsgiver", "Employer"),
    "col.responsible_for": ("Ansvarlig for", "Responsible for"),
    "xlsx.title": ("Nedtellingskalender: {office}, åpning {date}", "Countdown: {office}, opening {date}"),
    "xlsx.subtitle": ("Per {as_of} · navplan {version} · mal {template} · håndbok v{handbook}",
                      "As of {as_of} · navplan {version} · template {template} · handbook v{handbook}"),
    "xlsx.legend.critical": ("kritisk linje", "critical path"),
    "xlsx.legend.other": ("annet arbeid", "other work"),
    "xlsx.legend.done": ("ferdig", "done"),
    "xlsx.legend.summary": ("hovedaktivitet", "summary"),
    "xlsx.legend.milestone": ("◆ milepæl", "◆ milestone"),
    "xlsx.legend.as_of": ("per-dato", "as-of date"),
    "xlsx.footer.as_of": ("Per {date}", "As of {date}"),
    "xlsx.footer.page": ("side &P av &N", "page &P of &N"),
    "xlsx.statutory": ("lovpålagt", "statutory"),
    "xlsx.yes": ("ja", "yes"),
    "xlsx.no": ("nei", "no"),
    "xlsx.dropped": ("tatt ut av planen", "dropped from this plan"),
    "xlsx.driving_chain": ("Kjeden som bestemmer tidligste åpning", "The chain that sets the earliest opening"),
    "xlsx.about.office": ("Kontor", "Office"),
    "xlsx.about.municipalities": ("Kommuner", "Municipalities"),
    "xlsx.about.opening": ("Åpningsdato", "Opening date"),
    "xlsx.about.template": ("Mal", "Template"),
    "xlsx.about.handbook": ("Håndbokversjon", "Handbook version"),
    "xlsx.about.as_of": ("Per", "As of"),
    "xlsx.about.version": ("navplan-versjon", "navplan version"),
    "xlsx.about.plan_file": ("Planfil", "Plan file"),
    "xlsx.about.generated": ("Laget av", "Generated by"),
    "xlsx.about.generated_text": (
        "navplan {version} fra planfilen. Planfilen er kilden: endre den, ikke denne arbeidsboken. "
        "Status og faktiske datoer på første ark kan leses tilbake med `navplan sync`.",
        "navplan {version} from the plan file. The plan file is the source: change it, not this workbook. "
        "Status and actual dates on the first sheet can be read back with `navplan sync`."),
    "xlsx.about.legend": ("Fargene i nedtellingskalenderen", "The countdown's colours"),
    "xlsx.about.legend_text": (
        "Stolpene går fra senest start til senest ferdig; påbegynt arbeid fra faktisk start, "
        "ferdig arbeid over de faktiske datoene.",
        "Bars run from latest start to latest finish; started work from its actual start, "
        "done work over its actual dates."),
    "employer.stat": ("stat", "state"),
    "employer.kommune": ("kommune", "municipality"),
    "employer.stat eller kommune": ("stat eller kommune", "state or municipality"),
    "employer.partene": ("partene", "the parties"),
    "unit.weeks": ("uker", "weeks"),
    "unit.months": ("måneder", "months"),
    "export.written": ("Skrev {file}: nedtellingskalender for {office} per {as_of}, {activities} aktiviteter, "
                       "{periods} {unit} til åpning.",
                       "Wrote {file}: countdown for {office} as of {as_of}, {activities} activities, "
                       "{periods} {unit} to the opening."),
    # navplan export ics, csv, json.
    "export.written.ics": ("Skrev {file}: {events} kalenderhendelser for {office} per {as_of}.",
                           "Wrote {file}: {events} calendar events for {office} as of {as_of}."),
    "export.written.data": ("Skrev {file}: {activities} aktiviteter for {office} per {as_of}.",
                            "Wrote {file}: {activities} activities for {office} as of {as_of}."),
    "export.unknown_owner": ("ingen aktivitet i planen har eieren '{owner}'",
                             "no activity in the plan has the owner '{owner}'"),
    "export.owners": ("eierne i planen er {owners}", "the owners in the plan are {owners}"),
    # navplan export mspdi: Microsoft Project XML.
    "export.written.mspdi": ("Skrev {file}: MS Project-plan for {office} per {as_of}, {tasks} oppgaver, "
                             "planlagt bakover fra åpningen {date}.",
                             "Wrote {file}: MS Project plan for {office} as of {as_of}, {tasks} tasks, "
                             "scheduled back from the opening {date}."),
    "mspdi.calendar": ("navplan: Norge", "navplan: Norway"),
    "mspdi.purpose": ("Formål", "Purpose"),
    "mspdi.notes": ("Merknad", "Note"),
    "ics.summary.opening": ("Åpning: {office}", "Opening: {office}"),
    "ics.summary.deadline": ("Frist: {id} {title}", "Deadline: {id} {title}"),
    "ics.summary.deadline.critical": ("Frist (kritisk): {id} {title}", "Deadline (critical): {id} {title}"),
    "ics.summary.milestone": ("Milepæl: {id} {title}", "Milestone: {id} {title}"),
    "ics.summary.milestone.critical": ("Milepæl (kritisk): {id} {title}", "Milestone (critical): {id} {title}"),
    "ics.summary.start": ("Start senest: {id} {title}", "Start by: {id} {title}"),
    "ics.summary.start.critical": ("Start senest (kritisk): {id} {title}", "Start by (critical): {id} {title}"),
    "ics.opening.description": ("{office} åpner.", "{office} opens."),
    "ics.category.opening": ("Åpning", "Opening"),
    "ics.role": ("Ansvarlig: {role}", "Responsible: {role}"),
    "ics.owner": ("Eier: {owner}", "Owner: {owner}"),
    "ics.purpose": ("Hensikt: {purpose}", "Purpose: {purpose}"),
    "ics.dates": ("Start senest {start}, ferdig senest {finish}.", "Start by {start}, finish by {finish}."),
    "ics.dates.milestone": ("Nås senest {date}.", "To be reached by {date}."),
    "ics.slack": ("Slakk: {slack} arbeidsdager.", "Slack: {slack} working days."),
    "ics.slack.critical": ("Slakk: {slack} arbeidsdager, på kritisk linje.",
                           "Slack: {slack} working days, on the critical path."),
    "ics.status": ("Status: {status}.", "Status: {status}."),
    "ics.plan": ("Plan for {office}, åpning {date}, beregnet per {as_of} av navplan {version}.",
                 "Plan for {office}, opening {date}, computed as of {as_of} by navplan {version}."),
    # navplan diff: what moved since a git revision.
    "diff.title": ("{office}: endringer siden {revision} ({date}, «{subject}»), per {as_of}",
                   "{office}: changes since {revision} ({date}, \"{subject}\"), as of {as_of}"),
    "diff.nothing": ("Ingenting i planen er endret siden {revision}.",
                     "Nothing in the plan has changed since {revision}."),
    "diff.slack": ("Slakk til åpning: {before} → {after} arbeidsdager ({change}).",
                   "Slack to the opening: {before} → {after} working days ({change})."),
    "diff.critical_slack": ("Slakk på den kritiske linjen: {before} → {after} arbeidsdager ({change}).",
                            "Slack on the critical path: {before} → {after} working days ({change})."),
    "diff.slack.same": ("Slakk til åpning: {after} arbeidsdager, som før.",
                        "Slack to the opening: {after} working days, as before."),
    "diff.holds.lost": ("Åpningsdatoen holdt, men holder ikke lenger: det mangler {days} arbeidsdager.",
                        "The opening date held, but no longer does: {days} working days are missing."),
    "diff.holds.regained": ("Åpningsdatoen holder igjen (før manglet det {days} arbeidsdager).",
                            "The opening date holds again ({days} working days were missing)."),
    "diff.holds.still_fails": ("Åpningsdatoen holder fortsatt ikke: det mangler {days} arbeidsdager (før: {before}).",
                               "The opening date still cannot be reached: {days} working days are missing "
                               "(before: {before})."),
    "diff.opening_moved": ("Åpningsdatoen er flyttet fra {before} til {after}.",
                           "The opening date moved from {before} to {after}."),
    "diff.section.moved": ("Flyttet (ny dato og arbeidsdager flyttet)", "Moved (new date and working days moved)"),
    "diff.section.added": ("Lagt til", "Added"),
    "diff.section.dropped": ("Tatt ut", "Dropped"),
    "diff.section.status": ("Endret status", "Status changed"),
    "diff.section.critical": ("Kritisk linje", "Critical path"),
    "diff.critical.same": ("Som før: {ids}", "As before: {ids}"),
    "diff.critical.before": ("Før: {ids}", "Before: {ids}"),
    "diff.critical.after": ("Nå: {ids}", "Now: {ids}"),
    "diff.critical.joined": ("Kom inn: {ids}", "Joined: {ids}"),
    "diff.critical.left": ("Gikk ut: {ids}", "Left: {ids}"),
    "diff.legend": ("Arbeidsdager: + senere, - tidligere.", "Working days: + later, - earlier."),
    # navplan report: one page for the steering group.
    "report.title": ("{office}: rapport til styringsgruppen", "{office}: report to the steering group"),
    "report.subtitle": ("Per {as_of} ({week}) · plan {plan} · navplan {version}",
                        "As of {as_of} ({week}) · plan {plan} · navplan {version}"),
    "report.section.opening": ("Åpningsdato", "Opening date"),
    "report.section.gantt": ("Nedtelling", "Countdown"),
    "report.section.criteria": ("Oppstartskriterier", "Opening criteria"),
    "report.criteria.summary": ("{met} av {total} kriterier oppfylt, {statutory_met} av {statutory} lovpålagte.",
                                "{met} of {total} criteria met, {statutory_met} of {statutory} statutory ones."),
    "report.criteria.legend": ("Et kriterium er oppfylt når alle aktivitetene er ferdige.",
                               "A criterion is met when all its activities are done."),
    "report.section.changes": ("Endringer siden forrige møte", "Changes since the last meeting"),
    "report.changes.since": ("Planen sammenlignet med {revision} ({date}, «{subject}»), begge beregnet per {as_of}.",
                             "The plan compared with {revision} ({date}, \"{subject}\"), both computed as of "
                             "{as_of}."),
    "report.no_history": ("Ingen historikk: {reason}", "No history: {reason}"),
    "report.no_history.outside_git": ("planen ligger ikke i et git-repository.",
                                      "the plan is not in a git repository."),
    "report.no_history.no_git": ("git er ikke installert.", "git is not installed."),
    "report.no_history.no_commits": ("planen er ikke committet ennå.", "the plan has not been committed yet."),
    "report.no_history.none_before": ("ingen commit av planen til og med {date}.",
                                      "no commit of the plan on or before {date}."),
    "report.no_history.other": ("{message}.", "{message}."),
    "report.section.overdue": ("Forsinket", "Overdue"),
    "report.overdue.start": ("skulle startet {date}", "should have started {date}"),
    "report.overdue.finish": ("skulle vært ferdig {date}", "should have finished {date}"),
    "report.section.decisions": ("Beslutninger for styringsgruppen, de neste {weeks} ukene",
                                 "Decisions for the steering group, the next {weeks} weeks"),
    "report.decisions.legend": ("Åpne aktiviteter for rådmann og fylkesdirektør, og den politiske behandlingen "
                                "(3.2.2, 3.2.3).",
                                "Open activities of the rådmann and the county director, and the political "
                                "consideration (3.2.2, 3.2.3)."),
    "report.none": ("Ingen.", "None."),
    "report.more": ("… og {count} til.", "… and {count} more."),
    "report.criterion.met": ("oppfylt", "met"),
    "report.criterion.open": ("{done} av {total} ferdig", "{done} of {total} done"),
    "report.dropped": ("tatt ut", "dropped"),
    "report.gantt.caption": ("Én stolpe per aktivitet som ikke er ferdig, fra senest start til senest ferdig.",
                             "One bar per activity not yet done, from latest start to latest finish."),
    "report.gantt.opening": ("åpning", "opening"),
    "report.footer": ("Laget av navplan {version} fra {plan}. Planfilen er kilden: endre den, ikke rapporten.",
                      "Made by navplan {version} from {plan}. The plan file is the source: change it, "
                      "not the report."),
    "report.written": ("Skrev {file}: rapport til styringsgruppen for {office} per {as_of}.",
                       "Wrote {file}: steering group report for {office} as of {as_of}."),
    "col.due": ("Frist", "Due"),
    "col.what": ("Hva", "What"),
    "col.met": ("Oppfylt", "Met"),
    # navplan portfolio: one line per office.
    "portfolio.title": ("Portefølje per {as_of}: {count} planer, sortert etter risiko",
                        "Portfolio as of {as_of}: {count} plans, sorted by risk"),
    "portfolio.col.office": ("Kontor", "Office"),
    "portfolio.col.file": ("Planfil", "Plan file"),
    "portfolio.col.opening": ("Åpning", "Opening"),
    "portfolio.col.holds": ("Holder", "Holds"),
    "portfolio.col.slack": ("Slakk", "Slack"),
    "portfolio.col.critical": ("Kritisk nå", "Critical now"),
    "portfolio.col.overdue": ("Forsinket", "Overdue"),
    "portfolio.col.next_deadline": ("Neste frist", "Next deadline"),
    "portfolio.col.status": ("Status", "Status"),
    "portfolio.yes": ("ja", "yes"),
    "portfolio.no": ("nei", "no"),
    "portfolio.ok": ("holder", "holds"),
    "portfolio.missing": ("holder ikke: mangler {days} arbeidsdager", "does not hold: {days} working days missing"),
    "portfolio.tight": ("holder, uten slakk", "holds, with no slack"),
    "portfolio.progress": ("Planlegger", "Scheduling"),
    "portfolio.sheet": ("Portefølje", "Portfolio"),
    "portfolio.summary": ("{count} planer; {failing} holder ikke åpningsdatoen; {bad} kunne ikke leses.",
                          "{count} plans; {failing} do not hold their opening date; {bad} could not be read."),
    "portfolio.written": ("Skrev {file}: portefølje med {count} planer per {as_of}.",
                          "Wrote {file}: portfolio of {count} plans as of {as_of}."),
}

WEEKDAYS = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


MONTHS_SHORT = {
    "nb": ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def t(key: str, lang: str = "nb", **params: object) -> str:
    """The message ``key`` in ``lang``, filled in.

    >>> t("week", "nb", week=51)
    'uke 51'
    """
    nb, en = MESSAGES[key]
    return (en if lang == "en" else nb).format(**params)


def format_date(day: dt.date | None, lang: str = "nb") -> str:
    """dd.mm.yyyy in bokmål, ISO 8601 in English.

    >>> format_date(dt.date(2020, 1, 1)), format_date(dt.date(2020, 1, 1), "en")
    ('01.01.2020', '2020-01-01')
    """
    if day is None:
        return ""
    return day.isoformat() if lang == "en" else day.strftime("%d.%m.%Y")


def format_week(day: dt.date, lang: str = "nb") -> str:
    """The ISO week of ``day``: 'uke 51'."""
    return t("week", lang, week=day.isocalendar().week)


def format_long_date(day: dt.date, lang: str = "nb") -> str:
    """'onsdag 01.01.2020'."""
    return f"{WEEKDAYS[lang][day.weekday()]} {format_date(day, lang)}"


def format_month(day: dt.date, lang: str = "nb") -> str:
    return f"{MONTHS[lang][day.month - 1]} {day.year}"


def format_short_month(day: dt.date, lang: str = "nb") -> str:
    """'jan 2019': a month as a column header.

    >>> format_short_month(dt.date(2019, 5, 17)), format_short_month(dt.date(2019, 5, 17), "en")
    ('mai 2019', 'May 2019')
    """
    return f"{MONTHS_SHORT[lang][day.month - 1]} {day.year}"
