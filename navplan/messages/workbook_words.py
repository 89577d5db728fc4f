"""Words of the workbooks (countdown and portfolio, .xlsx and .ods), the
spreadsheet CSV dialect and `navplan sync`'s reading of a workbook."""

WORKBOOK_WORDS: dict[str, tuple[str, str]] = {
    # The portfolio workbook.
    "portfolio.xlsx.subtitle": ("Per {as_of} · navplan {version}", "As of {as_of} · navplan {version}"),
    "portfolio.col.critical_id": ("Kritisk nå: ID", "Critical now: ID"),
    "portfolio.col.critical_title": ("Kritisk nå: aktivitet", "Critical now: activity"),
    "portfolio.col.next_deadline_id": ("Neste frist: ID", "Next deadline: ID"),
    # The countdown sheet's Gantt.
    "xlsx.before": ("før", "before"),
    "xlsx.legend.days_off": ("fridager", "days off"),
    "xlsx.page_header": ("{office}: {sheet}", "{office}: {sheet}"),
    # The Gantt within the columns a spreadsheet opens.
    "export.by_month_instead": ("Per uke ville kalenderen trenge {columns} kolonner, flere enn de 1 024 et regneark "
                                "åpner (LibreOffice): den er per måned.",
                                "By week the calendar would need {columns} columns, more than the 1,024 a "
                                "spreadsheet opens (LibreOffice): it is by month."),
    "export.too_many_columns": ("arbeidet her varer til {last}: kalenderen ville trenge {columns} kolonner selv per "
                                "måned, og et regneark åpner 1 024 kolonner (LibreOffice)",
                                "this work lasts until {last}: the calendar would need {columns} columns even by "
                                "month, and a spreadsheet opens 1,024 columns (LibreOffice)"),
    "hint.export.too_many_columns": ("sjekk datoene og varighetene som legger arbeid så langt fram",
                                     "check the dates and durations that put work so far ahead"),
    # navplan export ods
    "help.export_ods.short": ("Nedtellingsarbeidsboken som OpenDocument (.ods)",
                              "The countdown workbook as OpenDocument (.ods)"),
    "help.export_ods": ("Nedtellingsarbeidsboken som OpenDocument-regneark (.ods), formatet forskrift om "
                        "IT-standarder krever for redigerbare dokumenter fra det offentlige: de samme arkene som "
                        "export xlsx.",
                        "The countdown workbook as an OpenDocument spreadsheet (.ods), the format Norway's "
                        "regulation on IT standards requires for editable public documents: the same sheets as "
                        "export xlsx."),
    "help.export_ods.example": ("navplan export ods kontor/ -o kontor.ods --by month",
                                "navplan export ods office/ -o office.ods --by month"),
    # navplan sync: reading a workbook file as hostile input.
    "sync.workbook_is_folder": ("er en mappe, ikke en arbeidsbok", "is a folder, not a workbook"),
    "sync.workbook_not_a_file": ("er ikke en vanlig fil (men en FIFO, en enhet eller en socket), så ingen arbeidsbok",
                                 "is not a regular file (but a FIFO, a device or a socket), so not a workbook"),
    "sync.workbook_unreadable": ("kan ikke leses: ingen tilgang", "cannot be read: permission denied"),
    "sync.workbook_damaged": ("arbeidsboken er skadet eller har innhold navplan ikke leser (ufullstendig XML, "
                              "XML-entiteter, tall eller datoer som ikke er tall eller datoer, ugyldige "
                              "celleadresser); lagre den på nytt fra regnearket, eller lag den med navplan export",
                              "the workbook is damaged or holds what navplan does not read (XML cut short, XML "
                              "entities, numbers or dates that are not, invalid cell addresses); save it again from "
                              "the spreadsheet, or make it with navplan export"),
    "sync.zip_bomb": ("{member} pakkes ut til {ratio} ganger sin pakkede størrelse; en slik fil (en zip-bombe) "
                      "leses ikke",
                      "{member} unpacks to {ratio} times its packed size; such a file (a zip bomb) is not read"),
    "sync.too_big": ("pakkes ut til {size} MB; en arbeidsbok fra navplan er langt mindre, og over {limit} MB leses "
                     "ikke",
                     "unpacks to {size} MB; a workbook from navplan is far smaller, and over {limit} MB is not read"),
    "sync.too_many_elements": ("content.xml har over {limit} XML-elementer {where}; en arbeidsbok fra navplan har "
                               "langt færre, og en slik fil leses ikke",
                               "content.xml holds over {limit} XML elements {where}; a workbook from navplan holds "
                               "far fewer, and such a file is not read"),
    "sync.elements.in_all": ("i alt", "in all"),
    "sync.elements.outside_tables": ("utenfor tabellene", "outside its tables"),
    "sync.elements.in_a_cell": ("i én celle", "in one cell"),
    "sync.too_many_values": ("har over {limit} fylte celler; en arbeidsbok fra navplan har langt færre, og en slik "
                             "fil leses ikke",
                             "holds over {limit} filled cells; a workbook from navplan holds far fewer, and such a "
                             "file is not read"),
    "sync.no_countdown_sheet": ("fant ikke arket {names}, og ikke noe annet ark med kolonnene ID, Status og Faktisk "
                                "start/ferdig; arbeidsboken har {sheets}",
                                "no sheet {names}, nor another sheet with the columns ID, Status and Actual "
                                "start/finish; the workbook has {sheets}"),
    "sync.no_sheets": ("ingen ark", "no sheets"),
    # The CSV dialect for spreadsheets.
    "help.option.format.csv_excel": (
        "table for folk (standard); json eller csv (RFC 4180) for maskiner; csv-excel for regneark på norsk "
        "(semikolon, UTF-8 med BOM, datoer dd.mm.åååå)",
        "table for people (default); json or csv (RFC 4180) for machines; csv-excel for spreadsheets set to "
        "Norwegian (semicolon, UTF-8 with BOM, dates dd.mm.yyyy)"),
    "help.option.format.xlsx_csv_excel": (
        "table for folk (standard); json eller csv (RFC 4180) for maskiner; csv-excel for regneark på norsk "
        "(semikolon, UTF-8 med BOM, datoer dd.mm.åååå); xlsx for en arbeidsbok (med -o)",
        "table for people (default); json or csv (RFC 4180) for machines; csv-excel for spreadsheets set to "
        "Norwegian (semicolon, UTF-8 with BOM, dates dd.mm.yyyy); xlsx for a workbook (with -o)"),
    "sync.other_office": ("arbeidsboken er laget for {office}, men planen er for {plan_office}",
                          "the workbook was made for {office}, but the plan is for {plan_office}"),
    "sync.other_office.hint": ("bruk --other-office om det er meningen", "use --other-office if that is meant"),
    "sync.unread": ("Disse cellene sier noe annet enn planen, men leses ikke (bare status og faktiske datoer "
                    "leses): {cells}",
                    "These cells say something else than the plan but are not read (only status and actual dates "
                    "are): {cells}"),
    "help.option.other_office": ("Les en arbeidsbok laget for et annet kontor", "Read a workbook made for another office"),
}
