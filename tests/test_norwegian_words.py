"""Norwegian words where people type them (issue 22): every form the README's table in
"One language" documents does what its English form does."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO, run_navplan
from navplan.cli.app import ALIASES, COMMANDS

EXAMPLE = EXAMPLES / "indre-ostfold"
AS_OF = ("--as-of", "10.12.2018")


def documented_table() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index("Where people type words, Norwegian ones work too:")
    return text[start:text.index("\n\n", text.index("| --- |", start))]


def test_the_readme_documents_every_norwegian_command_name() -> None:
    table = documented_table()
    missing = [alias for alias in ALIASES if f"`{alias}`" not in table and f"/`{alias}`" not in table]
    assert not missing, missing
    assert set(ALIASES.values()) <= set(COMMANDS)


@pytest.mark.parametrize("alias", sorted(ALIASES))
def test_a_norwegian_command_name_runs_its_command(alias: str) -> None:
    english = run_navplan(ALIASES[alias], "--help")
    norwegian = run_navplan(alias, "--help")
    assert norwegian.exit_code == 0, norwegian.stderr
    # the same help, but for the name in its usage line
    assert norwegian.stdout.replace(f"navplan {alias} ", f"navplan {ALIASES[alias]} ", 1) == english.stdout


def test_kritisk_linje_says_what_critical_path_says() -> None:
    english = run_navplan("critical-path", EXAMPLE, *AS_OF)
    norwegian = run_navplan("kritisk-linje", EXAMPLE, *AS_OF)
    assert norwegian.exit_code == 0 and norwegian.stdout == english.stdout


def test_help_lists_the_norwegian_names() -> None:
    bokmål = run_navplan("--help").stdout
    assert "Kommandoene har også norske navn: opprett (init), kritisk-linje" in " ".join(bokmål.split())
    assert "håndbok/handbok (handbook)" in bokmål


@pytest.mark.parametrize(("option", "english", "norwegian"), [
    ("--by", "week", "uke"), ("--by", "week", "veke"), ("--by", "month", "måned"), ("--by", "month", "månad"),
    ("--by", "month", "MÅNED"),
    ("--dates", "latest", "senest"), ("--dates", "latest", "seinast"), ("--dates", "forecast", "prognose"),
    ("--format", "table", "tabell"),
])
def test_an_option_value_in_norwegian_is_its_english_value(option: str, english: str, norwegian: str) -> None:
    extra = ("--by", "month") if option != "--by" else ()
    wanted = run_navplan("calendar", EXAMPLE, *AS_OF, *extra, option, english)
    given = run_navplan("calendar", EXAMPLE, *AS_OF, *extra, option, norwegian)
    assert given.exit_code == 0, given.stderr
    assert given.stdout == wanted.stdout


@pytest.mark.parametrize(("english", "norwegian"), [("new", "nytt"), ("merger", "sammenslåing"),
                                                    ("merger", "samanslåing")])
def test_a_template_in_norwegian(tmp_path: Path, english: str, norwegian: str) -> None:
    for word in (english, norwegian):
        result = run_navplan("init", tmp_path / word, "--office", "NAV Fjordby", "--opening", "03.01.2028",
                             "--template", word)
        assert result.exit_code == 0, result.stderr
    assert (tmp_path / english / "navplan.yaml").read_text(encoding="utf-8") == \
        (tmp_path / norwegian / "navplan.yaml").read_text(encoding="utf-8")
    assert run_navplan("handbook", "--template", norwegian).stdout == \
        run_navplan("handbook", "--template", english).stdout


def test_help_shows_option_values_in_the_readers_language() -> None:
    assert "--by uke|måned" in run_navplan("calendar", "--help").stdout
    assert "--by veke|månad" in run_navplan("calendar", "--help", "--lang", "nn").stdout
    assert "--by week|month" in run_navplan("calendar", "--help", "--lang", "en").stdout
    assert "--dates planlagd|seinast|prognose" in run_navplan("calendar", "--help", "--lang", "nn").stdout
    assert "--template nytt|sammenslåing" in run_navplan("init", "--help").stdout
    assert "3u uker" in run_navplan("set", "--help").stdout and "3v veker" in run_navplan("set", "--help",
                                                                                          "--lang", "nn").stdout


@pytest.mark.parametrize("weeks", ["6u", "6v", "6 U", "6w"])
def test_a_duration_in_norwegian_weeks(tmp_path: Path, weeks: str) -> None:
    """In `set --duration` and in the plan file: u (uker) and v (veker) are weeks, as w is."""
    shutil.copy(EXAMPLE / "navplan.yaml", tmp_path / "navplan.yaml")
    plan = tmp_path / "navplan.yaml"
    result = run_navplan("set", "9.2.1", plan, "--duration", weeks)
    assert result.exit_code == 0, result.stderr
    assert "9.2.1 Kravspesifikasjon: varighet 2–4–8 uker → 6 uker" in result.stderr
    text = plan.read_text(encoding="utf-8")
    assert re.search(r'id: "9\.2\.1"\n    duration: 6w\n', text)
    plan.write_text(text.replace("duration: 6w", f"duration: {weeks}"), encoding="utf-8")
    assert run_navplan("validate", plan).exit_code == 0
    from navplan.plan.project import load_project

    assert load_project(plan).activities["9.2.1"].duration.working_days == 30


def test_a_duration_range_and_the_schema_take_norwegian_weeks() -> None:
    import jsonschema

    from navplan.plan.file_schema import plan_file_schema
    from navplan.plan.values import Duration, DurationRange

    assert Duration.parse("26u") == Duration.parse("26v") == Duration.parse("26w")
    assert DurationRange.parse("3u..8v") == DurationRange.parse("3w..8w")
    schema = plan_file_schema()
    for duration in ("26u", "26v", "26w", "10d", "3m"):
        jsonschema.validate({"office": "X", "opening": "01.01.2030", "activities": [
            {"id": "2.1", "duration": duration}]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"office": "X", "opening": "01.01.2030", "activities": [
            {"id": "2.1", "duration": "26x"}]}, schema)


@pytest.mark.parametrize(("status", "lang"), [("ikke startet", "nb"), ("pågår", "nb"), ("ferdig", "nb"),
                                              ("ikkje starta", "nn"), ("Ikkje starta", "nn")])
def test_a_status_in_bokmål_or_nynorsk(tmp_path: Path, status: str, lang: str) -> None:
    shutil.copy(EXAMPLE / "navplan.yaml", tmp_path / "navplan.yaml")
    result = run_navplan("set", "9.2.1", tmp_path / "navplan.yaml", "--status", status, "--lang", lang)
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(("option", "typed", "english"), [("--by", "ma\u030aned", "month"), ("--by", "ma\u030anad", "month")])
def test_an_option_value_typed_as_two_code_points_is_the_same_word(option: str, typed: str, english: str) -> None:
    """`måned` with the å as a + combining ring (as a macOS keyboard or a pasted name gives
    it) was refused ("'måned' er ikke et gyldig valg"), a word that looks exactly right."""
    given = run_navplan("calendar", EXAMPLE, *AS_OF, option, typed)
    assert given.exit_code == 0, given.stderr
    assert given.stdout == run_navplan("calendar", EXAMPLE, *AS_OF, option, english).stdout


def test_a_status_typed_as_two_code_points_is_the_same_word(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE / "navplan.yaml", tmp_path / "navplan.yaml")
    result = run_navplan("set", "9.2.1", tmp_path / "navplan.yaml", "--status", "pa\u030agår")
    assert result.exit_code == 0, result.stderr
    assert "9.2.1 Kravspesifikasjon: status ikke startet → pågår" in result.stderr


@pytest.mark.parametrize(("lang", "choices"), [("nb", "velg 'uke' eller 'måned'"), ("nn", "vel 'veke' eller 'månad'"),
                                               ("en", "choose 'week' or 'month'")])
def test_a_wrong_option_value_is_answered_with_the_reader_s_words(lang: str, choices: str) -> None:
    """`--by år` was answered "velg 'week' eller 'month'": English words in a bokmål sentence,
    while the help offers uke|måned."""
    result = run_navplan("calendar", EXAMPLE, *AS_OF, "--by", "år", "--lang", lang)
    assert result.exit_code == 2 and choices in result.stderr, result.stderr
    table = run_navplan("critical-path", EXAMPLE, *AS_OF, "--format", "tabel")
    assert "velg 'tabell', 'json', 'csv' eller 'csv-excel'" in table.stderr, table.stderr


@pytest.mark.parametrize(("lang", "choices"), [("nb", "skriv 'ikke startet', 'pågår' eller 'ferdig'"),
                                               ("nn", "skriv 'ikkje starta', 'pågår' eller 'ferdig'"),
                                               ("en", "write 'not started', 'started' or 'done'")])
def test_a_wrong_status_is_answered_with_the_reader_s_words(tmp_path: Path, lang: str, choices: str) -> None:
    """`set --status 'ikkje påbyrja'` was answered "skriv 'not_started', 'started' eller 'done'":
    the plan file's words in a nynorsk sentence, while set's help offers ikkje starta, pågår, ferdig."""
    shutil.copy(EXAMPLE / "navplan.yaml", tmp_path / "navplan.yaml")
    result = run_navplan("set", "9.2.1", tmp_path / "navplan.yaml", "--status", "ikkje påbyrja", "--lang", lang)
    assert result.exit_code == 2 and result.stderr.startswith("navplan: --status: 'ikkje påbyrja' ")
    assert choices in result.stderr, result.stderr


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_help_names_every_language_and_the_format_in_the_reader_s_word(lang: str) -> None:
    """--lang's help named bokmål and English only, in every language, though nynorsk is
    one of them; and the --format help of critical-path, calendar and portfolio called the
    table 'table' in bokmål and nynorsk, beside the value 'tabell' it shows."""
    for command in ("critical-path", "calendar", "portfolio", "validate", "done"):
        text = " ".join(run_navplan(command, "--help", "--lang", lang, width=200).stdout.split())
        assert {"nb": "nn (nynorsk)", "nn": "nn (nynorsk)", "en": "nn (Nynorsk)"}[lang] in text, text
        if lang != "en":
            assert "table for" not in text, text
