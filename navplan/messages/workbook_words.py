"""Words of the workbooks (countdown and portfolio, .xlsx and .ods), the
spreadsheet CSV dialect and `navplan sync`'s reading of a workbook."""

WORKBOOK_WORDS: dict[str, tuple[str, str]] = {
    # The portfolio workbook.
    "portfolio.xlsx.subtitle": ("Per {as_of} · navplan {version}", "As of {as_of} · navplan {version}"),
    "portfolio.col.critical_id": ("Kritisk nå: ID", "Critical now: ID"),
    "portfolio.col.critical_title": ("Kritisk nå: aktivitet", "Critical now: activity"),
    "portfolio.col.next_deadline_id": ("Neste frist: ID", "Next deadline: ID"),
}
