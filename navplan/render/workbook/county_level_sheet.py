"""`navplan portfolio --level -o FILE.xlsx`: the county levelled, as a workbook of two sheets.

The first, one row per office (late first, most days late first): the opening and the
earliest opening as real dates, the days late a number, what holds it back. The second,
one row per shared resource and ISO week: its Monday as a date, the places used and the
capacity as numbers (so a chart or a filter can be made of them). Every cell goes through
:meth:`~navplan.render.workbook.sheet_model.Sheet.put`, so nothing from a plan or the county
file can become a formula.
"""

from __future__ import annotations

import navplan
from navplan.features.county_levelling import CountyLevelling
from navplan.messages import format_date, format_week, t
from navplan.render import palette
from navplan.render.county_level import status_text
from navplan.render.workbook.print_fit import pages_wide
from navplan.render.workbook.sheet_model import INTEGER, Book, PageSetup, Sheet, fit_heights, fit_width, header_row

OFFICE_COLUMNS = ["portfolio.col.office", "portfolio.col.file", "portfolio.col.opening", "portfolio.col.holds",
                  "county.level.col.earliest", "county.level.col.late", "county.level.col.binding"]
WEEK_COLUMNS = ["county.level.col.resource", "col.week", "county.level.col.monday", "county.level.col.used",
                "county.level.col.capacity"]
TITLE_ROW, SUBTITLE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 4, 5
_WIDTHS = {"portfolio.col.office": (14, 24), "portfolio.col.file": (12, 24), "portfolio.col.opening": (11, 11),
           "portfolio.col.holds": (7, 7), "county.level.col.earliest": (11, 11), "county.level.col.late": (8, 8),
           "county.level.col.binding": (12, 24), "county.level.col.resource": (12, 24), "col.week": (8, 8),
           "county.level.col.monday": (11, 11), "county.level.col.used": (8, 8), "county.level.col.capacity": (9, 9)}


def _sheet(name: str, title: str, subtitle: str, columns: list[str], rows: list[tuple[list[object], bool]],
           result: CountyLevelling, lang: str) -> Sheet:
    sheet = Sheet(name)
    sheet.put(TITLE_ROW, 1, title, bold=True, size=14)
    sheet.put(SUBTITLE_ROW, 1, subtitle)
    labels = [t(key, lang) for key in columns]
    header_row(sheet, HEADER_ROW, labels)
    texts: dict[int, list[str]] = {column: [label] for column, label in enumerate(labels, start=1)}
    for row, (values, red) in enumerate(rows, start=FIRST_ROW):
        for column, value in enumerate(values, start=1):
            if value is None or value == "":
                continue
            sheet.put(row, column, value, vertical="top", wrap=isinstance(value, str),
                      number=INTEGER if isinstance(value, int) else None,
                      **({"colour": palette.WARNING} if red else {}))
            texts[column].append(value if isinstance(value, str) else "0000000000")
    last_row = max(HEADER_ROW, HEADER_ROW + len(rows))
    sheet.freeze = (FIRST_ROW, 1)
    sheet.filter = (HEADER_ROW, 1, last_row, len(columns))
    sheet.widths = {column: fit_width(texts[column], *_WIDTHS[key]) for column, key in enumerate(columns, start=1)}
    fit_heights(sheet, HEADER_ROW, last_row)
    sheet.heights[HEADER_ROW] = max(30, sheet.heights.get(HEADER_ROW, 0))
    sheet.page = PageSetup(fit_width=pages_wide(sheet, len(columns), title_columns=(1, 1)), title_columns=(1, 1),
                           title_rows=(TITLE_ROW, HEADER_ROW), header=("", title, ""), across_then_down=True,
                           footer=("", t("xlsx.footer.as_of", lang, date=format_date(result.as_of, lang)),
                                   t("xlsx.footer.page", lang)))
    return sheet


def county_level_book(result: CountyLevelling, county, lang: str) -> Book:
    from navplan.errors import shown_path
    from navplan.render.county_level import binding_text, proposal_lines

    title = t("county.level.title", lang, county=result.county, as_of=format_date(result.as_of, lang),
              count=len(result.offices))
    proposal = proposal_lines(result, county, lang)[:1]
    subtitle = " ".join([status_text(result, lang), *(line.strip() for line in proposal)])
    rows = []
    ordered = sorted(result.offices, key=lambda o: (o.error is not None, -(o.late_days or 0), o.file))
    for office in ordered:
        if office.error is not None:
            rows.append(([office.office or "", shown_path(office.file), None, None, None, None,
                          office.error.render(lang)], True))
            continue
        late = office.late_days > 0
        rows.append(([office.office, shown_path(office.file), office.opening,
                      t("portfolio.no" if late else "portfolio.yes", lang), office.planned_opening, office.late_days,
                      binding_text(office, county, lang)], late))
    titles = {resource.id: resource.title for resource in county.resources}
    weeks = [([titles.get(week.resource, week.resource), format_week(week.monday, lang), week.monday, week.used,
               week.capacity], week.used > week.capacity) for week in result.weeks]
    return Book([_sheet(t("county.level.sheet", lang), title, subtitle, OFFICE_COLUMNS, rows, result, lang),
                 _sheet(t("county.level.sheet.weeks", lang), title, subtitle, WEEK_COLUMNS, weeks, result, lang)],
                creator=f"navplan {navplan.__version__}")


def county_level_workbook_bytes(result: CountyLevelling, county, lang: str, file_format: str = "xlsx") -> bytes:
    from navplan.render.workbook.countdown_workbook import book_bytes

    return book_bytes(county_level_book(result, county, lang), file_format)
