"""The gettext catalogues are whole and well formed, and the nynorsk is spelt right (issue 22).

- ``msgfmt --check`` accepts every catalogue (header, plural formula, formats), and
  none has an untranslated or fuzzy entry: a language navplan lists is complete.
- Every word of every nynorsk entry is in Debian's nynorsk dictionary (``hunspell -d
  nn_NO``, package hunspell-no) or in navplan/locale/glossary.yaml: a domain term with
  its nynorsk forms and sources, or a name that is the same in every language.
- Each catalogue's Plural-Forms is CLDR's for its language (Babel's), and the catalogues
  on disk are the languages navplan lists.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from navplan.messages import LANGUAGES, translations
from navplan.messages.catalogue import LOCALE_DIR, catalogue_path, read_po

needs_gettext = pytest.mark.skipif(shutil.which("msgfmt") is None,
                                   reason="gettext is not installed (.ci/run installs it)")
needs_hunspell = pytest.mark.skipif(
    shutil.which("hunspell") is None or not Path("/usr/share/hunspell/nn_NO.dic").exists(),
    reason="hunspell and hunspell-no are not installed (.ci/run installs them)")
GLOSSARY = LOCALE_DIR / "glossary.yaml"
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:[-'’][A-Za-zÀ-ÖØ-öø-ÿ]+)*")


def test_the_catalogues_are_the_languages_navplan_speaks() -> None:
    on_disk = sorted(path.name for path in LOCALE_DIR.iterdir() if (path / "LC_MESSAGES" / "navplan.po").exists())
    assert on_disk == sorted(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_catalogue_counts_as_its_language_does(lang: str) -> None:
    from babel.messages.plurals import get_plural

    header, _entries = read_po(catalogue_path(lang))
    assert header["Language"] == lang
    assert header["Plural-Forms"] == get_plural(lang).plural_forms


@needs_gettext
@pytest.mark.parametrize("lang", LANGUAGES)
def test_msgfmt_accepts_the_catalogue_and_nothing_is_untranslated_or_fuzzy(lang: str, tmp_path: Path) -> None:
    path = catalogue_path(lang)
    checked = subprocess.run(["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "navplan.mo"), str(path)],
                             capture_output=True, text=True, env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"})
    assert checked.returncode == 0, checked.stderr
    for what in ("--untranslated", "--only-fuzzy"):
        left = subprocess.run(["msgattrib", what, "--no-obsolete", str(path)], capture_output=True, text=True,
                              check=True).stdout
        keys = re.findall(r'^msgid "(.+)"$', left, flags=re.M)
        assert not keys, f"{lang}: {what.strip('-')} entries ({len(keys)}), e.g. {keys[:5]}: {checked.stderr}"


def _literals(text: str) -> str:
    """The text less what is not a word of the language: placeholders, `code`, quoted values,
    options, snake_case names, file names, navplan's commands and date formats."""
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\{\{[^}]*\}\}|\{[^{}]*\}", " ", text)
    text = re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*", " ", text)
    text = re.sub(r"\b\w+_\w+\b", " ", text)
    text = re.sub(r"\b[\w./-]+\.(?:yaml|yml|xlsx|ods|ics|csv|json|xml|html|md|txt|pdf|mo|po)\b", " ", text)
    text = re.sub(r"\bnavplan [a-z-]+(?: [a-z-]+)?(?!\w)", " navplan ", text)  # whole words: not the h of høgst
    text = re.sub(r"\b(?:dd\.mm\.åååå|åååå-mm-dd|dd\.mm\.yyyy|yyyy-mm-dd)\b", " ", text)
    return text


def nynorsk_words() -> dict[str, str]:
    """Every word of the nynorsk catalogue, with a key that uses it."""
    found: dict[str, str] = {}
    for (context, key), value in translations("nn").texts.items():
        if context == "cldr":  # CLDR's names (month abbreviations): Babel's, checked against it below
            continue
        for form in value if isinstance(value, tuple) else (value,):
            for word in WORD.findall(_literals(form)):
                if len(word) > 1:  # a letter alone is a unit or an answer: T-3v, [j/N]
                    found.setdefault(word, key)
    return found


def glossary_words() -> set[str]:
    data = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))
    words: set[str] = set()
    for term in data["terms"]:
        for form in [term["nn"], *term.get("nn_forms", [])]:
            words |= {form.casefold(), *(part.casefold() for part in WORD.findall(form))}
    words |= {name.casefold() for name in data.get("names", [])}
    return words


def test_every_glossary_term_has_bokmål_nynorsk_and_a_source() -> None:
    terms = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))["terms"]
    assert len(terms) >= 100
    lacking = [term.get("nb") for term in terms if not (term.get("nb") and term.get("nn") and term.get("sources")
                                                        and all(source.get("url") for source in term["sources"]))]
    assert not lacking, lacking


@needs_hunspell
def test_every_nynorsk_word_is_in_the_dictionary_or_the_glossary() -> None:
    words = nynorsk_words()
    assert len(words) > 500, "the catalogue's words are read"
    unknown = subprocess.run(["hunspell", "-d", "nn_NO", "-l"], input="\n".join(words), capture_output=True,
                             text=True, check=True).stdout.split()
    known = glossary_words()
    left = {word: words.get(word) for word in sorted(set(unknown)) if word.casefold() not in known and len(word) > 1}
    assert not left, f"words neither hunspell's nn_NO nor navplan/locale/glossary.yaml knows (word: a key): {left}"


@needs_hunspell
def test_the_spelling_check_finds_a_bokmål_word() -> None:
    """Not vacuous: bokmål's 'ikke', 'hvis' and 'mandag' are no nynorsk words."""
    unknown = subprocess.run(["hunspell", "-d", "nn_NO", "-l"], input="ikke\nhvis\nikkje\nveke\nmandag\n",
                             capture_output=True, text=True, check=True).stdout.split()
    assert unknown == ["ikke", "hvis", "mandag"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_weekday_and_month_names_in_the_catalogue_are_cldrs(lang: str) -> None:
    """tools/cldr_names.py copies them from Babel (make messages); none is typed by hand."""
    import sys

    sys.path.insert(0, str(LOCALE_DIR.parent.parent / "tools"))
    from cldr_names import cldr_names

    copied = {msgid: text for (context, msgid), text in translations(lang).texts.items() if context == "cldr"}
    assert copied == cldr_names(lang)


def test_a_long_date_names_its_weekday_as_cldr_does() -> None:
    import datetime as dt

    from babel.dates import format_date

    from navplan.messages import format_long_date, format_month, format_short_month

    day = dt.date(2020, 1, 7)
    for lang in LANGUAGES:
        assert format_long_date(day, lang).split()[0] == format_date(day, "EEEE", locale=lang)
        assert format_month(day, lang) == format_date(day, "MMMM y", locale=lang)
        assert format_short_month(day, lang) == format_date(day, "LLL y", locale=lang).replace(".", "")
