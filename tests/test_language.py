"""One language throughout: in bokmål (the default) no English leaks into what
people see, neither in any command's help nor in its errors, and no help shows
the option library's internal type names in either language.

The words looked for are those that leaked before navplan said everything in
its own words (the option parser's, pydantic's and the OS's), and a few English
function words that no bokmål sentence holds.
"""

from __future__ import annotations

import functools
import io
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_navplan
from gitplans import no_repository_above  # noqa: F401
from navplan.cli.app import COMMANDS
from navplan.cli.export_commands import EXPORTS

#: Phrases of the libraries' English that reached users before.
LEAKED = ["No such option", "No such command", "Missing argument", "Missing option", "Missing parameter",
          "Invalid value", "Input should be", "Value error", "is not one of", "file not found", "not found",
          "is not a real date", "is not a valid", "[y/N]", "Error:", "Usage:", "Options:", "Arguments:",
          "Commands:", "Show this message", "Try '", "for help", "Aborted", "Traceback", "[default",
          "[required]", "unexpected extra argument", "does not exist", "not supported", "completion installed",
          "Got unexpected", "Field required", "validation error"]
#: How the option library names types when navplan does not name them itself.
TYPE_NAMES = ["<list[", "<int", "<str", "<Path", "<float", "<bool", "[[", "]]", "{paths}", "INTEGER", "BOOLEAN",
              "FLOAT", "FILENAME", "DIRECTORY", "PATH...", "[default: "]
#: English words no bokmål message holds (checked outside quotes, `code` and --options).
ENGLISH = {"the", "is", "are", "was", "not", "of", "and", "or", "with", "must", "should", "cannot", "could", "file",
           "found", "missing", "invalid", "value", "option", "argument", "expected", "required", "error", "usage",
           "such", "no", "yes", "unknown", "command", "folder", "date", "there", "this", "that"}


def command_paths() -> list[list[str]]:
    paths = [[name] for name in COMMANDS]
    paths += [["export", export.name] for export in EXPORTS]
    return [[], *paths]


def leaks(text: str) -> list[str]:
    return [phrase for phrase in LEAKED if phrase.casefold() in text.casefold()]


def english_words(text: str) -> set[str]:
    """English words in ``text`` outside quoted values, `code`, «quotes» and options."""
    text = re.sub(r"'[^']*'|`[^`]*`|«[^»]*»|--?[a-z][a-z-]*", " ", text)
    return {word for word in re.findall(r"[A-Za-zæøåÆØÅ]+", text) if word.casefold() in ENGLISH}


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "navplan")
def test_help_is_bokmål_by_default_and_names_no_internal_types(path: list[str]) -> None:
    for lang, environ in (("nb", {}), ("en", {"NAVPLAN_LANG": "en"})):
        result = run_navplan(*path, "--help", environ=environ)
        assert result.exit_code == 0, result.stderr
        assert result.stdout.strip() and not result.stderr
        found = [name for name in TYPE_NAMES if name in result.stdout]
        assert not found, f"{lang}: {found}\n{result.stdout}"
        if lang == "nb":
            assert not leaks(result.stdout), result.stdout
            assert result.stdout.startswith("Bruk: navplan")
            assert "Eksempel:" in result.stdout, "every command's help has an example"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    """A folder with a good plan, a plan with a wrong status, an impossible date and a fake workbook."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "indre-ostfold" / "navplan.yaml", "good.yaml")
    Path("bad.yaml").write_text('navplan: 1\noffice: X\nopening: 2020-01-01\ntemplate: new\nactivities:\n'
                                '  - id: "2.1"\n    status: bogus\n', encoding="utf-8")
    Path("baddate.yaml").write_text("navplan: 1\noffice: X\nopening: 2019-02-30\n", encoding="utf-8")
    Path("fake.xlsx").write_text("not a workbook", encoding="utf-8")
    Path("fake.ods").write_text("not a workbook either", encoding="utf-8")
    return tmp_path


#: A representative bad input for every command, and the exit code it must give.
BAD_INPUTS = [
    ["nosuch"], ["--nosuch"], ["--lang", "xx", "validate", "good.yaml"], ["--show-completion", "tcsh"],
    ["init"], ["init", "x", "--office"], ["init", "x", "--office", "A", "--opening", "1/1/2020"],
    ["init", "x", "--office", "A", "--opening", "01.01.2030", "--template", "big"],
    ["critical-path", "--nosuch"], ["critical-path", "borte.yaml"], ["critical-path", "good.yaml", "--weeks", "abc"],
    ["critical-path", "good.yaml", "--as-of", "30.02.2019"], ["critical-path", "good.yaml", "--format", "xml"],
    ["critical-path", "good.yaml", "extra1", "extra2"], ["critical-path", "good.yaml", "--role", "nobody"],
    ["critical-path", "good.yaml", "--owner", "Nobody"],
    ["calendar", "good.yaml", "--by", "year"], ["calendar", "good.yaml", "--format", "xlsx"],
    ["validate", "bad.yaml"], ["validate", "baddate.yaml"], ["validate", "."],
    ["done"], ["done", "9.9", "good.yaml"], ["done", "2.1", "good.yaml", "--on", "01.01.2099"],
    ["start"], ["start", "2.1", "good.yaml", "--on", "1.1"],
    ["set", "2.1", "good.yaml", "--status", "bogus"], ["set", "2.1", "good.yaml", "--duration", "5x"],
    ["set", "2.1", "good.yaml", "--role", "nobody"], ["set", "2.1", "good.yaml"],
    ["export", "foo"], ["export", "xlsx", "good.yaml"], ["export", "ics", "good.yaml", "-o", "x.ics", "--owner", "X"],
    ["export", "csv", "good.yaml", "-o", "good.yaml"], ["export", "json", "good.yaml", "-o", "x.json", "--weeks", "99"],
    ["export", "mspdi", "good.yaml", "-o", "x.xml", "--as-of", "today"],
    ["export", "ods", "good.yaml", "-o", "x.ods", "--role", "nobody"], ["sync", "fake.ods", "good.yaml"],
    ["sync"], ["sync", "nothere.xlsx", "good.yaml"], ["sync", "fake.xlsx", "good.yaml"],
    ["diff", "good.yaml"], ["report", "good.yaml", "-o", "x.pdf"], ["report", "good.yaml"],
    ["portfolio"], ["handbook", "99"], ["handbook", "--template", "old"], ["schema", "foo"],
]


@pytest.mark.parametrize("args", BAD_INPUTS, ids=lambda a: " ".join(a))
def test_errors_are_bokmål_by_default(folder: Path, args: list[str]) -> None:
    result = run_navplan(*args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    message = result.stderr.strip()
    assert message.startswith("navplan: ") and len(message.splitlines()) == 1, message
    assert not leaks(message), message
    assert not english_words(message.removeprefix("navplan: ")), (english_words(message), message)


def test_a_portfolio_with_a_bad_plan_says_so_in_bokmål(folder: Path) -> None:
    result = run_navplan("portfolio", "bad.yaml", "good.yaml", "--as-of", "10.12.2018")
    assert result.exit_code == 2
    assert not leaks(result.stdout + result.stderr)
    assert "2 planer; 0 holder ikke åpningsdatoen; 0 holder åpningen, men ikke alle datoer; 1 kunne ikke leses." in " ".join(result.stderr.split())


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_sync_asks_in_bokmål_and_takes_a_norwegian_yes(folder: Path, monkeypatch) -> None:
    from navplan.cli.app import main
    from navplan.cli.environment import Environment
    from navplan.plan.project import load_project
    from workbooks import build_workbook, mark

    rows = build_workbook(Path("plan.xlsx"), load_project(Path("good.yaml")))
    mark(Path("plan.xlsx"), rows["4.1"], status="ferdig")
    stdout, stderr = _Terminal(), io.StringIO()
    monkeypatch.setattr("sys.stdout", stdout)
    code = main(["sync", "plan.xlsx", "good.yaml"], Environment(stdout=stdout, stderr=stderr, stdin=_Terminal("kanskje\nja\n"),
                                                               width=100, environ={}))
    assert code == 0
    asked = stdout.getvalue()
    assert "Skrive endringene til good.yaml? [j/N]" in asked and "Svar j (ja) eller n (nei)." in asked
    assert not leaks(asked + stderr.getvalue())
    # A workbook built as before the export's record: the note that it wins comes first.
    assert stderr.getvalue().splitlines()[-1].startswith("Skrev good.yaml")


def test_the_english_catalogue_is_what_en_shows() -> None:
    """The check above is not vacuous: the same bad input in English has English words."""
    result = run_navplan("critical-path", "borte.yaml", "--lang", "en")
    assert result.exit_code == 2 and english_words(result.stderr)


def test_the_language_may_come_before_the_command() -> None:
    """`navplan --lang en critical-path ...`, as people write `git -C DIR log`: the same
    as the option after the command; before no command it chooses the help's language."""
    first = run_navplan("--lang", "en", "critical-path", EXAMPLES / "indre-ostfold", "--as-of", "10.12.2018")
    after = run_navplan("critical-path", EXAMPLES / "indre-ostfold", "--as-of", "10.12.2018", "--lang", "en")
    assert first.exit_code == 0 and first.stdout == after.stdout
    assert first.stdout.startswith("NAV Indre Østfold: critical path as of 2018-12-10")
    assert run_navplan("--lang=en", "critical-path", EXAMPLES / "indre-ostfold", "--as-of", "10.12.2018",
                       ).stdout == after.stdout
    bad = run_navplan("--lang", "xx", "critical-path", EXAMPLES / "indre-ostfold")
    assert bad.exit_code == 2 and "--lang: 'xx' er ikke et gyldig valg: velg 'nb', 'nn' eller 'en'" in bad.stderr


def test_the_language_may_come_before_export_too() -> None:
    """`navplan --lang nn export` (and `--help`) was refused as an unknown option of the
    export group ("ukjent val --lang"): export is a group of commands, and the language put
    before it reached the group, not a command. It shows the group's help in that language,
    as `navplan export` alone shows it in bokmål."""
    nynorsk = run_navplan("export", "--help", environ={"NAVPLAN_LANG": "nn"})
    assert nynorsk.exit_code == 0 and nynorsk.stdout.startswith("Bruk: navplan export")
    for args in (["--lang", "nn", "export"], ["--lang", "nn", "export", "--help"], ["export", "--help", "--lang", "nn"],
                 ["export", "--lang", "nn"]):
        result = run_navplan(*args)
        assert result.exit_code == 0 and result.stderr == "", (args, result.stderr)
        assert result.stdout == nynorsk.stdout, args
    bad = run_navplan("--lang", "xx", "export")
    assert bad.exit_code == 2 and "--lang: 'xx' er ikke et gyldig valg: velg 'nb', 'nn' eller 'en'" in bad.stderr


def test_the_language_may_come_after_navplan_s_own_help_and_version() -> None:
    """`navplan --help --lang en`, as people add the language last, was refused as "no such
    option --lang": the language was only taken out of the way when it came first."""
    english = run_navplan("--help", environ={"NAVPLAN_LANG": "en"})
    assert english.exit_code == 0 and english.stdout.startswith("Usage: navplan")
    for args in (["--help", "--lang", "en"], ["-h", "--lang=en"], ["--lang", "en", "--help"]):
        result = run_navplan(*args)
        assert result.exit_code == 0 and result.stderr == "", (args, result.stderr)
        assert result.stdout == english.stdout, args
    version = run_navplan("--version")
    assert run_navplan("--version", "--lang", "nn").stdout == version.stdout != ""


# NAVPLAN_LANG=en is --lang en for everything a command says and writes (issue 17, item 23).

#: Every command that says or writes words, as run on a copy of Indre Østfold in `kontor/`
#: (for diff and report in a git repository with one commit; for sync with an exported
#: workbook with 4.2 marked done).
AS_OF = ["--as-of", "10.12.2018"]
EVERY_COMMAND = {
    "critical-path": ["critical-path", "kontor", *AS_OF],
    "critical-path csv-excel": ["critical-path", "kontor", *AS_OF, "--format", "csv-excel"],
    "calendar": ["calendar", "kontor", *AS_OF, "--by", "month"],
    "calendar xlsx": ["calendar", "kontor", *AS_OF, "--format", "xlsx", "-o", "kalender.xlsx"],
    "risk": ["risk", "kontor", *AS_OF, "--samples", "200"],
    "portfolio": ["portfolio", "kontor", *AS_OF, "--samples", "200"],
    "portfolio xlsx": ["portfolio", "kontor", *AS_OF, "--samples", "0", "--format", "xlsx", "-o", "fylke.xlsx"],
    "handbook": ["handbook"],
    "handbook 7.4": ["handbook", "7.4"],
    "validate": ["validate", "kontor"],
    "export xlsx": ["export", "xlsx", "kontor", *AS_OF, "-o", "ut.xlsx"],
    "export ods": ["export", "ods", "kontor", *AS_OF, "-o", "ut.ods"],
    "export ics": ["export", "ics", "kontor", *AS_OF, "-o", "ut.ics"],
    "export csv": ["export", "csv", "kontor", *AS_OF, "-o", "ut.csv"],
    "export json": ["export", "json", "kontor", *AS_OF, "-o", "ut.json"],
    "export mspdi": ["export", "mspdi", "kontor", *AS_OF, "-o", "ut.xml"],
    "diff": ["diff", "kontor", *AS_OF],
    "report md": ["report", "kontor", *AS_OF, "-o", "rapport.md"],
    "report html": ["report", "kontor", *AS_OF, "-o", "rapport.html"],
    "init": ["init", "nytt", "--office", "NAV Fjordby", "--opening", "03.01.2028"],
    "done": ["done", "4.2", "kontor", "--on", "07.12.2018"],
    "start": ["start", "4.2", "kontor", "--on", "07.12.2018"],
    "set": ["set", "4.2", "kontor", "--duration", "4w"],
    "sync": ["sync", "kontor.xlsx", "kontor", "--yes"],
}


def _written(folder: Path) -> dict[str, object]:
    """Every file under ``folder`` by name: its bytes, or a zip's members but the one
    holding the time it was written (an xlsx's docProps/core.xml), XML canonical (an .ods
    declares its namespaces in an order that depends on what the process wrote before)."""
    import xml.etree.ElementTree as ElementTree
    import zipfile

    found: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or ".git" in path.parts:
            continue
        name = str(path.relative_to(folder))
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                found[name] = {member: ElementTree.canonicalize(archive.read(member).decode("utf-8"))
                               if member.endswith(".xml") else archive.read(member)
                               for member in archive.namelist() if member != "docProps/core.xml"}
        else:
            found[name] = path.read_bytes()
    return found


def _office(folder: Path, command: str) -> None:
    from gitplans import git, new_repository

    folder.mkdir()
    shutil.copytree(EXAMPLES / "indre-ostfold", folder / "kontor")
    plan = folder / "kontor" / "navplan.yaml"
    if command in ("diff", "report"):
        new_repository(folder)
        git(folder, "add", "kontor")
        git(folder, "commit", "-q", "-m", "plan", date="2018-12-01")
        plan.write_text(plan.read_text("utf-8").replace("duration: 2w", "duration: 3w", 1), "utf-8")
    if command == "sync":
        (folder / "kontor.xlsx").write_bytes(_workbook_with_4_2_done())


@functools.cache
def _workbook_with_4_2_done() -> bytes:
    """Indre Østfold's workbook with 4.2 marked done, as a person would: exported and marked once, and the
    same bytes given to each variant of the sync test (it exported and marked three identical ones)."""
    from openpyxl import load_workbook

    from workbooks import mark

    with tempfile.TemporaryDirectory() as scratch:
        workbook = Path(scratch) / "kontor.xlsx"
        plan = shutil.copy(EXAMPLES / "indre-ostfold" / "navplan.yaml", scratch)
        assert run_navplan("export", "xlsx", plan, "-o", workbook, *AS_OF).exit_code == 0
        sheet = load_workbook(workbook).worksheets[0]
        mark(workbook, next(cell.row for cell in sheet["A"] if cell.value == "4.2"), status="ferdig")
        return workbook.read_bytes()


@pytest.mark.parametrize("name", sorted(EVERY_COMMAND))
def test_navplan_lang_en_is_lang_en_for_what_every_command_says_and_writes(name: str, tmp_path: Path,
                                                                          monkeypatch) -> None:
    """Its output, its messages and every file it writes (a workbook's sheet names and cells,
    a report, a calendar) are those of --lang en, and not the bokmål ones."""
    seen = {}
    for variant, extra, environ in (("flag", ["--lang", "en"], {}), ("environment", [], {"NAVPLAN_LANG": "en"}),
                                    ("bokmål", [], {})):
        folder = tmp_path / variant
        _office(folder, EVERY_COMMAND[name][0])
        before = _written(folder)
        monkeypatch.chdir(folder)
        result = run_navplan(*EVERY_COMMAND[name], *extra, environ=environ)
        assert result.exit_code == 0, result.stderr
        after = _written(folder)
        seen[variant] = (result.stdout, result.stderr, {path: content for path, content in after.items()
                                                         if before.get(path) != content})
    assert seen["environment"] == seen["flag"]
    assert seen["environment"] != seen["bokmål"]


#: Bokmål forms no nynorsk text has (tests/test_nynorsk.py has the longer list for output).
BOKMÅL_ONLY = {"ikke", "uke", "uker", "mandag", "tirsdag", "ansatte", "hvis", "hva", "hvor", "noen", "noe", "fra",
               "bare", "måned", "måneder", "dager", "hver", "selv", "være", "uten", "mangler", "trenger", "finnes",
               "velg", "filen", "mappen", "varighet", "aktiviteter", "datoer"}
#: Nynorsk forms no bokmål text has.
NYNORSK_ONLY = {"ikkje", "veke", "veker", "måndag", "tysdag", "kva", "korleis", "nokon", "noko", "frå", "berre",
                "månad", "månader", "dagar", "kvar", "sjølv", "vere", "utan", "manglar", "treng", "fila", "mappa",
                "varigheit", "aktivitetar", "datoar", "eit", "ein", "vel"}


#: Words of the English list that are nynorsk words too: "no" (now), "argument".
NYNORSK_TOO = {"no", "argument"}


def norwegian_words(text: str) -> set[str]:
    text = re.sub(r"'[^']*'|`[^`]*`|«[^»]*»|--?[a-z][a-z-]*", " ", text)
    return {word.casefold() for word in re.findall(r"[A-Za-zæøåÆØÅ]+", text)}


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "navplan")
def test_help_in_nynorsk_has_no_bokmål_and_bokmål_no_nynorsk(path: list[str]) -> None:
    nynorsk = run_navplan(*path, "--help", environ={"NAVPLAN_LANG": "nn"})
    assert nynorsk.exit_code == 0 and not nynorsk.stderr
    if path != []:  # navplan's own --lang comes before a command (test_the_language_may_come_before_the_command)
        assert run_navplan(*path, "--help", "--lang", "nn").stdout == nynorsk.stdout
    assert nynorsk.stdout.startswith("Bruk: navplan") and "Døme:" in nynorsk.stdout
    assert not leaks(nynorsk.stdout) and not [name for name in TYPE_NAMES if name in nynorsk.stdout]
    plain = re.sub(r"\b\w+_\w+\b", " ", nynorsk.stdout)  # the file format's own values: not_started
    english = {word for word in english_words(plain) if word.casefold() not in NYNORSK_TOO}
    assert not english, (english, nynorsk.stdout)
    assert not norwegian_words(nynorsk.stdout) & BOKMÅL_ONLY, (norwegian_words(nynorsk.stdout) & BOKMÅL_ONLY,
                                                                nynorsk.stdout)
    bokmål = run_navplan(*path, "--help")
    assert not norwegian_words(bokmål.stdout) & NYNORSK_ONLY, norwegian_words(bokmål.stdout) & NYNORSK_ONLY


@pytest.mark.parametrize("args", BAD_INPUTS, ids=lambda a: " ".join(a))
def test_errors_in_nynorsk(folder: Path, args: list[str]) -> None:
    result = run_navplan(*args, environ={"NAVPLAN_LANG": "nn"})
    assert result.exit_code == 2, (result.stdout, result.stderr)
    message = result.stderr.strip()
    assert message.startswith("navplan: ") and len(message.splitlines()) == 1, message
    assert not leaks(message), message
    said = message.removeprefix("navplan: ")
    assert not {word for word in english_words(said) if word.casefold() not in NYNORSK_TOO}, message
    assert not norwegian_words(said) & BOKMÅL_ONLY, (norwegian_words(said) & BOKMÅL_ONLY, message)
    bokmål = run_navplan(*args).stderr
    assert not norwegian_words(bokmål) & NYNORSK_ONLY, (norwegian_words(bokmål) & NYNORSK_ONLY, bokmål)
