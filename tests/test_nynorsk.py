"""Nynorsk throughout, and bokmål kept bokmål (issue 22).

A plan made with ``init --lang nn`` says ``språk: nn``: every command then speaks
nynorsk without an option, in every output format (tables, workbooks, calendar file,
report, MS Project titles). No bokmål-only word reaches a nynorsk reader, and no
nynorsk-only word a bokmål reader. The words are those Språkrådet names as where the
two written standards differ (ikke/ikkje, uke/veke, mandag/måndag, ansatte/tilsette, …).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_navplan

#: Bokmål forms no nynorsk text has.
BOKMÅL_ONLY = {
    "ikke", "uke", "uker", "uka", "uken", "ukene", "mandag", "tirsdag", "lørdag", "ansatte", "hvis", "hva",
    "hvor", "hvem", "hvordan", "hvilken", "hvilke", "noen", "noe", "fra", "bare", "måned", "måneder", "dager",
    "dagene", "hver", "hvert", "selv", "gjøre", "være", "uten", "mangler", "tidligst", "senest", "beslutning",
    "sammenslåing", "nedtelling", "nedtellingskalender", "forsinket", "varighet", "aktiviteter", "datoer",
    "filen", "arbeidsboken", "håndboken", "milepæl", "kilde", "ennå", "enn", "gjennom", "eller", "ett",
}
BOKMÅL_ONLY -= {"eller", "enn", "gjennom"}  # the same word in nynorsk
#: Nynorsk forms no bokmål text has.
NYNORSK_ONLY = {
    "ikkje", "veke", "veker", "veka", "måndag", "tysdag", "laurdag", "kva", "korleis",
    "nokon", "noko", "frå", "berre", "månad", "månader", "dagar", "kvar", "sjølv", "gjere", "vere", "utan",
    "manglar", "tidlegast", "seinast", "vedtak", "samanslåing", "nedteljing", "nedteljingskalender", "forseinka",
    "varigheit", "aktivitetar", "datoar", "fila", "arbeidsboka", "handboka", "kjelde", "eit", "ein", "eg",
    "opning", "opninga", "held",
}
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+")
AS_OF = "10.12.2027"


def words(text: str) -> set[str]:
    """The words people read: options, `code` and quoted values left out, and the «quotations»
    of sources (laws, guides, the handbook), which stay verbatim in the source's own language
    form whatever the reader's language; a quotation may quote in turn («… «x» …»)."""
    text = re.sub(r"`[^`]*`|(?<![\w-])--?[a-z][a-z-]*", " ", text)
    while re.search(r"«[^«»]*»", text):
        text = re.sub(r"«[^«»]*»", " ", text)
    return {word.casefold() for word in WORD.findall(text)}


def workbook_text(path: Path) -> str:
    from navplan.features.workbook_file import WorkbookFile

    with WorkbookFile(path) as book:
        return "\n".join(str(cell) for sheet in book.sheet_names for row in book.rows(sheet)
                         for cell in row if isinstance(cell, str))


def file_text(path: Path) -> str:
    if path.suffix in (".xlsx", ".ods"):
        return workbook_text(path)
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ics":
        text = text.replace("\r\n ", "").replace("\\n", " ").replace("\\,", ",")
    if path.suffix in (".xml", ".html"):
        text = re.sub(r"<style.*?</style>|<[^>]+>", " ", text, flags=re.S)
    if path.suffix == ".json":
        text = " ".join(value for value in _strings(json.loads(text)))
    return text


def _strings(value: object):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def everything_said(folder: Path, *lang: str) -> dict[str, str]:
    """What each command says (stdout, stderr and the files it writes) about the plan in ``folder``."""
    plan = folder / "navplan.yaml"
    said: dict[str, str] = {}
    runs = {
        "critical-path": ["critical-path", plan, "--as-of", AS_OF, "--weeks", "52"],
        "critical-path json": ["critical-path", plan, "--as-of", AS_OF, "-f", "json"],
        "calendar": ["calendar", plan, "--as-of", AS_OF],
        "calendar by month": ["calendar", plan, "--as-of", AS_OF, "--by", "month", "--dates", "forecast"],
        "risk": ["risk", plan, "--as-of", AS_OF, "--samples", "200", "--seed", "1"],
        "validate": ["validate", plan],
        "handbook": ["handbook", "3.1.2", *(lang or ("--lang", "nn"))],  # reads no plan
        "start": ["start", "1.1", plan, "--on", "01.12.2027"],
        "set": ["set", "1.2", plan, "--duration", "3u"],
        "done": ["done", "1.1", plan, "--on", "06.12.2027"],
        "portfolio": ["portfolio", plan, "--as-of", AS_OF, *(lang or ("--lang", "nn"))],  # many plans: --lang
        "report": ["report", plan, "--as-of", AS_OF, "-o", folder / "report.html"],
        "report md": ["report", plan, "--as-of", AS_OF, "-o", folder / "report.md"],
        "export xlsx": ["export", "xlsx", plan, "--as-of", AS_OF, "-o", folder / "plan.xlsx"],
        "export ods": ["export", "ods", plan, "--as-of", AS_OF, "-o", folder / "plan.ods"],
        "export ics": ["export", "ics", plan, "--as-of", AS_OF, "-o", folder / "plan.ics"],
        "export csv": ["export", "csv", plan, "--as-of", AS_OF, "-o", folder / "plan.csv"],
        "export json": ["export", "json", plan, "--as-of", AS_OF, "-o", folder / "plan.json"],
        "export mspdi": ["export", "mspdi", plan, "--as-of", AS_OF, "-o", folder / "plan.xml"],
        "bad input": ["critical-path", plan, "--weeks", "abc"],
        "bad plan": ["validate", folder / "bad.yaml"],
    }
    for name, args in runs.items():
        # today is the as-of day, so that start and done on 01.12 and 06.12.2027 are progress that has happened
        result = run_navplan(*args, *lang, today=dt.date(2027, 12, 10))
        assert result.exit_code in (0, 2), (name, result.stderr)
        files = [Path(arg) for arg in args if isinstance(arg, Path) and arg.suffix != ".yaml"]
        said[name] = result.stdout + result.stderr + "".join(file_text(path) for path in files if path.exists())
    return said


@pytest.fixture
def nynorsk_plan(tmp_path: Path) -> Path:
    result = run_navplan("init", tmp_path / "kontor", "--office", "NAV Fjordby", "--opening", "03.01.2029",
                         "--start", "01.11.2027", "--lang", "nn")
    assert result.exit_code == 0, result.stderr
    (tmp_path / "kontor" / "bad.yaml").write_text("navplan: 1\noffice: X\nspråk: nn\nopening: 2029-02-30\n", encoding="utf-8")
    return tmp_path / "kontor"


def test_init_lang_nn_writes_språk_and_every_command_then_speaks_nynorsk(nynorsk_plan: Path) -> None:
    assert "\nspråk: nn\n" in (nynorsk_plan / "navplan.yaml").read_text(encoding="utf-8")
    said = everything_said(nynorsk_plan)
    found = {name: sorted(words(text) & BOKMÅL_ONLY) for name, text in said.items() if words(text) & BOKMÅL_ONLY}
    assert not found, found
    # and it is nynorsk, not merely free of bokmål: each says words only nynorsk has
    quiet = [name for name, text in said.items() if not words(text) & NYNORSK_ONLY
             and name not in ("critical-path json", "export csv", "export json", "handbook", "validate", "set",
                              "start", "done", "export ics", "export mspdi")]
    assert not quiet, {name: said[name][:300] for name in quiet}
    assert said["critical-path"].startswith("NAV Fjordby: kritisk linje per 10.12.2027 (veke 49)")
    # 10.12.2027 up to 03.01.2029: 278 weekdays, less 10 public holidays on weekdays (13., 14. and 17.04, 01.05,
    # 17.05, 25.05, 05.06, 25. and 26.12.2028, 01.01.2029), 15 days of fellesferie (weeks 28-30) and the 9 weekdays
    # of the Christmas closure init writes with the current layer (24. and 27.-31.12.2027, 27.-29.12.2028)
    assert "Opning onsdag 03.01.2029 (veke 1), 244 arbeidsdagar att" in said["critical-path"]


def test_done_start_and_set_speak_the_plan_s_nynorsk(nynorsk_plan: Path) -> None:
    """A plan with språk: nn gets nynorsk from done, start and set, also when refused: done and
    start take several ids, so the plan is found among them, not under a PLAN argument."""
    plan = nynorsk_plan / "navplan.yaml"
    today = dt.date(2027, 12, 10)
    for args in (["start", "1.1", plan, "--on", "01.12.2027"], ["start", "1.2", "--plan", plan, "--on", "01.12.2027"],
                 ["done", "1.1", "1.2", plan, "--on", "06.12.2027"]):
        result = run_navplan(*args, today=today)
        assert result.exit_code == 0, result.stderr
        assert ("status ikkje starta → pågår" in result.stderr if args[0] == "start"
                else "status pågår → ferdig" in result.stderr), result.stderr
    for args in (["done", "9.9", plan], ["start", "9.9", "1.3", plan], ["set", "9.9", plan, "--owner", "Kari"]):
        refused = run_navplan(*args, today=today)
        assert refused.exit_code == 2 and "ukjend aktivitets-id '9.9'" in refused.stderr, refused.stderr


def test_bokmål_output_has_no_nynorsk_word(nynorsk_plan: Path) -> None:
    """The same plan with --lang nb (the option wins over the plan's språk:) is all bokmål."""
    said = everything_said(nynorsk_plan, "--lang", "nb")
    found = {name: sorted(words(text) & NYNORSK_ONLY) for name, text in said.items() if words(text) & NYNORSK_ONLY}
    assert not found, found
    assert said["critical-path"].startswith("NAV Fjordby: kritisk linje per 10.12.2027 (uke 49)")


def test_the_language_is_the_option_else_the_environment_else_the_plan_else_bokmål(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "indre-ostfold", tmp_path / "io")
    plan = tmp_path / "io" / "navplan.yaml"
    def first(*args: str, environ: dict[str, str] | None = None) -> str:
        return run_navplan("critical-path", plan, "--as-of", "10.12.2018", *args, environ=environ).stdout.splitlines()[0]

    bokmål, nynorsk, english = ("NAV Indre Østfold: kritisk linje per 10.12.2018 (uke 50)",
                                "NAV Indre Østfold: kritisk linje per 10.12.2018 (veke 50)",
                                "NAV Indre Østfold: critical path as of 2018-12-10 (week 50)")
    assert first() == bokmål
    assert first(environ={"NAVPLAN_LANG": "en"}) == english  # the environment reaches the output
    plan.write_text(plan.read_text(encoding="utf-8").replace("template: merger\n", "template: merger\nspråk: nn\n"),
                    encoding="utf-8")
    assert first() == nynorsk
    assert first(environ={"NAVPLAN_LANG": "en"}) == english
    assert first("--lang", "nb", environ={"NAVPLAN_LANG": "en"}) == bokmål
    assert run_navplan("validate", plan).stderr.startswith(f"{plan} er gyldig: 56 aktivitetar")
    plan.write_text(plan.read_text(encoding="utf-8").replace("språk: nn", "språk: se"), encoding="utf-8")
    bad = run_navplan("validate", plan)
    assert bad.exit_code == 2
    assert "språk: 'se' er ikke et språk navplan kan: skriv 'nb', 'nn' eller 'en'" in bad.stderr


def test_språk_typed_with_a_combining_ring_is_the_plan_s_language(tmp_path: Path) -> None:
    """`språk: nn` with the å as a + combining ring (a name pasted from macOS) looks like the key
    navplan knows and is that key: the plan loads and every command speaks nynorsk."""
    shutil.copytree(EXAMPLES / "indre-ostfold", tmp_path / "io")
    plan = tmp_path / "io" / "navplan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "template: merger\n", "template: merger\nspra\u030ak: nn\n"), encoding="utf-8")
    assert run_navplan("validate", plan).stderr.startswith(f"{plan} er gyldig: 56 aktivitetar")
    shown = run_navplan("critical-path", plan, "--as-of", "10.12.2018")
    assert shown.stdout.splitlines()[0] == "NAV Indre Østfold: kritisk linje per 10.12.2018 (veke 50)"


def test_a_workbook_in_nynorsk_syncs_back(nynorsk_plan: Path) -> None:
    """Progress marked in the nynorsk workbook (status 'ferdig', 'i gang') is read back."""
    from workbooks import mark

    plan = nynorsk_plan / "navplan.yaml"
    assert run_navplan("export", "xlsx", plan, "--as-of", AS_OF, "-o", nynorsk_plan / "p.xlsx").exit_code == 0
    from navplan.features.workbook_file import WorkbookFile
    from navplan.messages import t

    with WorkbookFile(nynorsk_plan / "p.xlsx") as book:
        assert book.sheet_names[0] == t("sheet.countdown", "nn")
        rows = {str(cells[0]): number for number, cells in book.rows(book.sheet_names[0]) if cells and cells[0]}
    mark(nynorsk_plan / "p.xlsx", rows["1.1"], status=t("status.done", "nn"))
    result = run_navplan("sync", nynorsk_plan / "p.xlsx", plan, "--yes")
    assert result.exit_code == 0, result.stderr
    assert "1.1" in result.stdout and not words(result.stdout + result.stderr) & BOKMÅL_ONLY


def test_holidays_have_their_nynorsk_names() -> None:
    import datetime as dt

    from navplan.engine.working_days import WorkCalendar

    calendar = WorkCalendar(dt.date(2029, 4, 25), dt.date(2029, 5, 3))
    assert calendar.day_off(dt.date(2029, 5, 1)).render("nn") == "arbeidarane sin dag"
    assert calendar.day_off(dt.date(2029, 5, 1)).render("nb") == "arbeidernes dag"
    assert calendar.day_off(dt.date(2029, 4, 28)).render("nn") == "laurdag"


def test_nothing_in_a_zip_is_left_in_bokmål(nynorsk_plan: Path) -> None:
    """The workbook's own metadata (sheet names, document title) is nynorsk too."""
    plan = nynorsk_plan / "navplan.yaml"
    assert run_navplan("export", "xlsx", plan, "--as-of", AS_OF, "-o", nynorsk_plan / "p.xlsx").exit_code == 0
    with zipfile.ZipFile(nynorsk_plan / "p.xlsx") as archive:
        text = " ".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
                        if name.endswith(".xml"))
    text = re.sub(r"<[^>]+>", " ", text)
    assert not words(text) & BOKMÅL_ONLY, sorted(words(text) & BOKMÅL_ONLY)
