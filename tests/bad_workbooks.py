"""Malformed and hostile workbooks, made from a good one by changing its XML.

Each case is a function that writes one file; `CASES` names them with what
`navplan sync` must say about them (a fragment of the one line on stderr),
or None where the workbook is valid and sync must read it. The cases are
the ones issue 11 found ending in tracebacks, hangs or silent mistakes.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

SHEET = "xl/worksheets/sheet1.xml"
WORKBOOK = "xl/workbook.xml"

LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">'
                    for n in range(1, 10)) + "]>")
XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def rewrite(source: Path, target: Path, member: str, change: Callable[[str], str] | None,
            drop: tuple[str, ...] = (), add: dict[str, bytes] | None = None) -> None:
    """Copy the zip ``source`` to ``target`` with ``member``'s text changed (or members dropped or added)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            if info.filename in drop:
                continue
            data = original.read(info.filename)
            if info.filename == member and change is not None:
                data = change(data.decode("utf-8")).encode("utf-8")
            # mimetype first and stored, as OpenDocument wants it
            copy.writestr(info.filename, data, zipfile.ZIP_STORED if info.filename == "mimetype"
                          else zipfile.ZIP_DEFLATED)
        for name, data in (add or {}).items():
            copy.writestr(name, data)


def _after_declaration(text: str, insert: str) -> str:
    """``insert`` (a DOCTYPE) right after the XML declaration, or at the start."""
    if text.startswith("<?xml"):
        end = text.index("?>") + 2
        return text[:end] + insert + text[end:]
    return insert + text


def _first_value_cell(text: str, value: str, kind: str = "n") -> str:
    """The first actual date (column K or L, a date-formatted number) given ``value`` instead, as type ``kind``."""
    match = re.search(r'<c r="([KL]\d+)" s="(\d+)" t="n"><v>[^<]*</v></c>', text)
    assert match, "the good workbook has an actual date to spoil"
    return text[:match.start()] + f'<c r="{match.group(1)}" s="{match.group(2)}" t="{kind}"><v>{value}</v></c>' \
        + text[match.end():]


def _status_as_shared_string(text: str, index: int) -> str:
    """The first status cell as shared string number ``index``."""
    return re.sub(r'<c r="(J\d+)" s="(\d+)" t="inlineStr"><is><t>(?:ikke startet|pågår|ferdig)</t></is></c>',
                  rf'<c r="\1" s="\2" t="s"><v>{index}</v></c>', text, count=1)


def _cell_text_to_entity(text: str, entity: str) -> str:
    """Use ``entity`` as the text of a status cell."""
    return re.sub(r"<t>(ikke startet|pågår|ferdig)</t>", f"<t>&{entity};</t>", text, count=1)


XLSX_CASES: dict[str, tuple[str, Callable[[str], str] | None, str | None]] = {
    # name: (member, change, expected fragment of the message; None: sync reads it)
    "sheet_cut_short": (SHEET, lambda s: s[:len(s) // 2], "Nedtellingskalender: arbeidsboken er skadet"),
    "sheet_garbage": (SHEET, lambda s: "<<<ikke xml>>> \x00 {[", "arbeidsboken er skadet"),
    "sheet_billion_laughs": (SHEET, lambda s: _cell_text_to_entity(_after_declaration(s, LAUGHS), "lol9"),
                             "arbeidsboken er skadet"),
    "sheet_xxe": (SHEET, lambda s: _cell_text_to_entity(_after_declaration(s, XXE), "xxe"),
                  "arbeidsboken er skadet"),
    "workbook_billion_laughs": (WORKBOOK, lambda s: re.sub(r'name="[^"]*"', 'name="&lol9;"',
                                                           _after_declaration(s, LAUGHS), count=1),
                                "arbeidsboken er skadet"),
    "workbook_xxe": (WORKBOOK, lambda s: re.sub(r'name="[^"]*"', 'name="&xxe;"', _after_declaration(s, XXE),
                                                count=1), "arbeidsboken er skadet"),
    "shared_string_out_of_range": (SHEET, lambda s: _status_as_shared_string(s, 99999), "arbeidsboken er skadet"),
    "number_abc": (SHEET, lambda s: _first_value_cell(s, "abc"), "arbeidsboken er skadet"),
    "number_nan": (SHEET, lambda s: _first_value_cell(s, "nan"), "arbeidsboken er skadet"),
    "number_inf": (SHEET, lambda s: _first_value_cell(s, "inf"), "arbeidsboken er skadet"),
    "bad_iso_date": (SHEET, lambda s: _first_value_cell(s, "2019-13-45", "d"), "arbeidsboken er skadet"),
    "row_abc": (SHEET, lambda s: re.sub(r'<row r="6"', '<row r="abc"', s, count=1), "arbeidsboken er skadet"),
    "cell_zzzzz9": (SHEET, lambda s: s.replace("</sheetData>", '<row r="999"><c r="ZZZZZ999" t="inlineStr"><is>'
                                                               "<t>x</t></is></c></row></sheetData>"),
                    "arbeidsboken er skadet"),
    "no_sheets": (WORKBOOK, lambda s: re.sub(r"<sheets>.*</sheets>", "<sheets/>", s, flags=re.S),
                  "fant ikke arket Nedtellingskalender"),
    "control_character_in_sheet_name": (WORKBOOK, lambda s: s.replace('name="Nedtellingskalender"',
                                                                      'name="Ned&#x1;telling"'),
                                        "arbeidsboken er skadet"),
    # Valid workbooks that were misread: a stale or short <dimension>, a cell at the sheet's far corner.
    "stale_dimension": (SHEET, lambda s: re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:J20"/>', s),
                        None),
    "dimension_a1": (SHEET, lambda s: re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1"/>', s), None),
    "far_corner_cell": (SHEET, lambda s: s.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" '
                                                                   't="inlineStr"><is><t>x</t></is></c></row>'
                                                                   "</sheetData>"), None),
}


def shared_strings_missing(good: Path, target: Path) -> None:
    """Status cells as shared strings, and the table of them gone."""
    rewrite(good, target, SHEET, lambda s: _status_as_shared_string(s, 0), drop=("xl/sharedStrings.xml",))


def no_styles(good: Path, target: Path) -> None:
    """No styles part: openpyxl warns (a UserWarning that must not reach stderr) and reads on."""
    rewrite(good, target, "", None, drop=("xl/styles.xml",))


def zip_bomb_ratio(good: Path, target: Path) -> None:
    """A sharedStrings part of 40 MB of one repeated letter: it packs to some 40 kB."""
    rewrite(good, target, "", None, add={"xl/padding.xml": b"a" * (40 * 1024 * 1024)})


def zip_bomb_total(good: Path, target: Path) -> None:
    """Seventy parts of 1 MB each: no one packs suspiciously, but together too big."""
    rewrite(good, target, "", None, add={f"xl/padding{n}.xml": bytes([n]) * (1024 * 1024) for n in range(70)})


def _record_cell(row: int, column: int, value: str | None) -> Callable[[Path, Path], None]:
    """The export's record (the hidden sheet `navplan`) with one cell changed, as someone could in Excel."""
    def make(good: Path, target: Path) -> None:
        from openpyxl import load_workbook

        book = load_workbook(good)
        book["navplan"].cell(row, column).value = value
        book.save(target)

    make.__doc__ = f"The record's cell at row {row}, column {column} says {value!r}."
    return make


OTHER_CASES: dict[str, tuple[Callable[[Path, Path], None], str | None]] = {
    # The export's record of the plan (issue 17, item 1), read as hostile as the rest.
    "record_bad_status": (_record_cell(6, 2, "ferdi"), "navplan!B6: 'ferdi' er ikke en status i navplans kopi"),
    "record_bad_date": (_record_cell(6, 4, "2018-02-30"), "navplan!D6: '2018-02-30' er ikke en dato i navplans kopi"),
    "record_year_99999": (_record_cell(6, 3, "99999-01-01"), "navplan!C6: '99999-01-01' er ikke en dato"),
    "record_id_twice": (_record_cell(7, 1, "1.1"), "navplan!A7: 1.1 står to ganger i navplans kopi av planen"),
    "record_unknown_format": (_record_cell(2, 2, "2"), "navplan!B2: navplans kopi av planen har et format denne "
                                                      "navplan ikke kjenner (2)"),
    "record_without_header": (_record_cell(5, 1, "ID?"), "navplan: navplans kopi av planen har ingen rad som "
                                                        "begynner med id"),

    "shared_strings_missing": (shared_strings_missing, "arbeidsboken er skadet"),
    # openpyxl warns (it must not reach stderr); without styles no number is a date, and sync says so.
    "no_styles_warns": (no_styles, "Nedtellingskalender!L10: '43444' er ikke en dato"),
    "zip_bomb_ratio": (zip_bomb_ratio, "zip-bombe"),
    "zip_bomb_total": (zip_bomb_total, "over 64 MB leses ikke"),
}


# OpenDocument: content.xml changed.

CONTENT = "content.xml"


def _ods_first_table_row(text: str, row: str) -> str:
    """Insert ``row`` (a table-row element) as the first row of the first table."""
    match = re.search(r"<table:table-row[ >]", text)
    assert match
    return text[:match.start()] + row + text[match.start():]


ODS_CASES: dict[str, tuple[str, Callable[[str], str], str | None]] = {
    "ods_cut_short": (CONTENT, lambda s: s[:len(s) // 2], "arbeidsboken er skadet"),
    "ods_garbage": (CONTENT, lambda s: "ikke xml <<<", "arbeidsboken er skadet"),
    "ods_billion_laughs": (CONTENT, lambda s: _after_declaration(s, LAUGHS).replace("<text:p>ferdig</text:p>",
                                                                                   "<text:p>&lol9;</text:p>", 1),
                           "arbeidsboken er skadet"),
    "ods_xxe": (CONTENT, lambda s: _after_declaration(s, XXE).replace("<text:p>ferdig</text:p>",
                                                                     "<text:p>&xxe;</text:p>", 1),
                "arbeidsboken er skadet"),
    "ods_bad_date": (CONTENT, lambda s: re.sub(r'office:date-value="[^"]*"', 'office:date-value="2019-13-45"', s,
                                               count=1), "arbeidsboken er skadet"),
    "ods_bad_float": (CONTENT, lambda s: re.sub(r'office:value="[^"]*"', 'office:value="abc"', s, count=1),
                      "arbeidsboken er skadet"),
    "ods_bad_repeat": (CONTENT, lambda s: s.replace("<table:table-row ", '<table:table-row '
                                                    'table:number-rows-repeated="abc" ', 1), "arbeidsboken er skadet"),
    # A billion repeated rows and cells, as hostile files (and, empty, as LibreOffice) write them: counted, not built.
    "ods_repeated_empty_rows": (CONTENT, lambda s: s.replace(
        "</table:table>", '<table:table-row table:number-rows-repeated="1000000000"><table:table-cell '
                          'table:number-columns-repeated="1000000000"/></table:table-row></table:table>', 1), None),
    "ods_empty_rows_before_the_header": (CONTENT, lambda s: _ods_first_table_row(
        s, '<table:table-row table:number-rows-repeated="1000000000"><table:table-cell '
           'table:number-columns-repeated="1000000000"/></table:table-row>'), "fant ingen overskriftsrad"),
    "ods_record_bad_status": (CONTENT, lambda s: s.replace("<text:p>not_started</text:p>", "<text:p>ferdi</text:p>", 1),
                              "navplan!B6: 'ferdi' er ikke en status i navplans kopi av planen"),
    "ods_repeated_id_rows": (CONTENT, lambda s: s.replace(
        "</table:table>", '<table:table-row table:number-rows-repeated="1000000000"><table:table-cell '
                          'office:value-type="string"><text:p>4.1</text:p></table:table-cell><table:table-cell '
                          'table:number-columns-repeated="1000000000" office:value-type="string"><text:p>x</text:p>'
                          "</table:table-cell></table:table-row></table:table>", 1),
                             "4.1 står også på rad"),
    # An actual date (3.1.1's finish) in the year 1: named with four digits, as every date is shown (issue 17, item 30).
    "ods_year_one": (CONTENT, lambda s: s.replace('office:date-value="2018-03-13"', 'office:date-value="0001-01-01"',
                                                  1), "'01.01.0001' er ikke en dato"),
    # A right-to-left override (U+202E) in a cell: named as an escape, never sent to the terminal (issue 17, item 30).
    "ods_right_to_left_override": (CONTENT, lambda s: re.sub(r'(content-validation-name="[^"]*">)<text:p>ferdig<',
                                                             "\\1<text:p>\u202eferdig gitsaf<", s, count=1),
                                   "'\\u202eferdig gitsaf' er ikke en status"),
}


# OpenDocument crafted to cost time and memory (issue 17 §21: a 13 MB .ods of 3.9 million elements
# outside its tables took 28 s and 1 GB): refused by their element and cell counts, with the file named.

def _styles_padding(text: str, count: int) -> str:
    """``count`` automatic styles more, each an element outside every table."""
    padding = "".join(f'<style:style style:name="pad{n}" style:family="table-cell"/>' for n in range(count))
    return text.replace("</office:automatic-styles>", padding + "</office:automatic-styles>", 1)


def _spans_in_first_string_cell(text: str, count: int) -> str:
    cell = 'office:value-type="string"><text:p>'
    return text.replace(cell, cell + "<text:span/>" * count, 1)


def _rows_of_repeated_values(text: str, rows: int, columns: int) -> str:
    row = (f'<table:table-row><table:table-cell table:number-columns-repeated="{columns}" '
           'office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>')
    return text.replace("</table:table>", row * rows + "</table:table>", 1)


ODS_CASES.update({
    "ods_many_elements_outside_tables": (CONTENT, lambda s: _styles_padding(s, 150_000),
                                         "over 100\u00a0000 XML-elementer utenfor tabellene"),
    "ods_many_elements_in_a_cell": (CONTENT, lambda s: _spans_in_first_string_cell(s, 20_000),
                                    "over 10\u00a0000 XML-elementer i én celle"),
    "ods_many_filled_cells": (CONTENT, lambda s: _rows_of_repeated_values(s, 5_000, 1_000),
                              "over 4\u00a0000\u00a0000 fylte celler"),
})
