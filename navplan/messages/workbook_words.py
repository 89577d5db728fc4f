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
}
